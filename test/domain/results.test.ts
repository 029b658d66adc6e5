/**
 * "Kết quả theo kỳ": the sheet as data (a block of rows per quarter for the tasks that need words; plain text
 * cells; a frozen header; A4 landscape one page wide, each quarter from a new page) and its reader (words tied
 * to Nhiệm vụ's tasks by their text as people retype it; quarters as people type them; the problems).
 */
import type { Grid, GridCell } from '../../src/domain/grid';
import { PLAN_ITEMS } from '../../src/domain/plan';
import { NO_RESULTS } from '../../src/domain/results';
import {
  readQuarterCell,
  readResults,
  RESULTS_COLUMN_KEYS,
  taskKey,
  type TrackerTaskRef,
} from '../../src/domain/resultsSheet';
import { resultTasks } from '../../src/domain/resultTasks';
import { expandSchedule } from '../../src/domain/schedule';
import { readTracker } from '../../src/domain/tracker';
import { RESULTS_HEADERS, SHEET } from '../../src/i18n/vi';
import { buildResultsSheet, quarterBlockRow, resultsColumnWidths } from '../../src/sheets/resultsSheet';
import type { CellValue } from '../../src/sheets/spec';
import { buildTrackerSheet, seedsFromPlan, trackerColumnWidths } from '../../src/sheets/trackerSheet';
import { resultsCol } from '../support/results';

const YEAR = 2026;
const seeds = seedsFromPlan(expandSchedule(YEAR));
const trackerSpec = buildTrackerSheet(seeds, YEAR);
const trackerTasks: TrackerTaskRef[] = readTracker({
  name: SHEET.tracker,
  values: trackerSpec.cells as GridCell[][],
  formulas: [],
}).tasks;
const rowsFor = resultTasks(seeds, YEAR);
const spec = buildResultsSheet(rowsFor);

const TIEP_DAN = PLAN_ITEMS.find(
  (i) => i.id === 'II.4b-1' || i.task.startsWith('Thực hiện tốt công tác tiếp dân'),
)!.task;
const CAMERA = PLAN_ITEMS.find((i) => i.task.startsWith('Khảo sát, lắp đặt hệ thống camera'))!.task;

/** The sheet's cells as a grid, with `edit` applied (sheet row, 1-based; column key). */
function gridOf(cells: readonly CellValue[][], name = SHEET.results): Grid {
  return { name, values: cells.map((r) => [...r]) as GridCell[][], formulas: [] };
}
const rowOf = (g: Grid, quarter: number, task: string): number =>
  g.values.findIndex(
    (r, i) =>
      i > 0 && r[resultsCol('task')] === task && readQuarterCell(r[resultsCol('quarter')]) === quarter,
  );

describe('the sheet, as data', () => {
  it('has a row for every standing and yearly dated task of the plan, in a block per quarter', () => {
    const wanted = PLAN_ITEMS.filter((i) => i.rule.kind === 'continuous' || i.rule.kind === 'quarterEnd').map(
      (i) => i.task,
    );
    expect(rowsFor.map((t) => t.task)).toEqual(wanted);
    expect(spec.cells[0]).toEqual(RESULTS_COLUMN_KEYS.map((k) => RESULTS_HEADERS[k]));
    expect(spec.cells).toHaveLength(1 + 4 * wanted.length);
    for (const [q, label] of [
      [1, 'Quý I'],
      [2, 'Quý II'],
      [3, 'Quý III'],
      [4, 'Quý IV'],
    ] as const) {
      const first = quarterBlockRow(q, wanted.length);
      expect(spec.cells[first - 1]).toEqual([label, rowsFor[0].section, rowsFor[0].task, null, null]);
    }
    // No meeting, monthly review or periodic report: their evidence is Nhiệm vụ's own.
    const texts = spec.cells.map((r) => String(r[resultsCol('task')]));
    expect(texts.some((t) => t.includes('(Quý I/2026)') || t.includes('tháng 01/2026'))).toBe(false);
  });

  it('keeps text as text, wraps, freezes its header and prints one page wide, each quarter from a new page', () => {
    for (const k of ['section', 'task', 'result', 'planned', 'quarter'] as const) {
      const letter = String.fromCharCode(65 + resultsCol(k));
      const run = spec.styles!.find((s) => s.range.startsWith(`${letter}2:`))!;
      expect(run.style.numberFormat).toBe('@');
      if (k === 'task' || k === 'result' || k === 'planned') expect(run.style.alignment?.wrap).toBe(true);
    }
    expect(spec.formulas ?? []).toEqual([]);
    expect(spec.freeze).toEqual({ rows: 1, columns: 0 });
    expect(spec.table).toMatchObject({ range: `A1:E${spec.cells.length}` });
    expect(spec.page).toMatchObject({
      paper: 'A4',
      orientation: 'landscape',
      fitToWidth: true,
      printTitleRows: '1:1',
      rowBreaks: [2, 3, 4].map((q) => quarterBlockRow(q as 2 | 3 | 4, rowsFor.length)),
    });
    // No wider than Nhiệm vụ, which prints at about 10 pt.
    const sum = (xs: number[]): number => xs.reduce((a, b) => a + b, 0);
    expect(sum(resultsColumnWidths())).toBeLessThanOrEqual(sum(Object.values(trackerColumnWidths())));
  });

  it('a tracker without tasks still gets a table with a row to write in', () => {
    const empty = buildResultsSheet([]);
    expect(empty.cells).toHaveLength(2);
    expect(empty.table!.range).toBe('A1:E2');
    expect(empty.page!.rowBreaks).toBeUndefined();
  });

  it('rolled-over tasks: one row per text, no instance of the plan’s repeated items of either year', () => {
    const carried = [
      { section: 'II.9', task: CAMERA }, // also this year's plan row
      { section: 'II.3', task: expandSchedule(YEAR - 1).find((t) => t.task.includes('tháng 12/2025'))!.task },
      { section: 'V', task: 'Việc văn phòng tự thêm' },
    ];
    const rows = resultTasks([...seeds, ...carried], YEAR);
    expect(rows.map((t) => t.task)).toEqual([...rowsFor.map((t) => t.task), 'Việc văn phòng tự thêm']);
  });
});

describe('reading the words', () => {
  it('reads a result and planned work, tied to the task of Nhiệm vụ and placed in the plan’s order', () => {
    const g = gridOf(spec.cells);
    const q3 = rowOf(g, 3, TIEP_DAN);
    g.values[q3][resultsCol('result')] = 'Tiếp 15 lượt công dân, giải quyết 12 kiến nghị';
    g.values[q3][resultsCol('planned')] = 'Tiếp tục tiếp công dân định kỳ';
    const q4 = rowOf(g, 4, TIEP_DAN);
    g.values[q4][resultsCol('planned')] = 'Tổng kết công tác tiếp dân';
    const read = readResults(g, trackerTasks, SHEET.tracker);
    const task = trackerTasks.find((t) => t.task === TIEP_DAN)!;
    expect(read).toMatchObject({ present: true, readable: true, problems: [] });
    expect(read.entries).toEqual([
      {
        section: 'II.4b',
        task: TIEP_DAN,
        trackerRow: task.row,
        order: task.row,
        quarter: 3,
        text: 'Tiếp 15 lượt công dân, giải quyết 12 kiến nghị',
        kind: 'result',
        cell: `D${q3 + 1}`,
      },
      {
        section: 'II.4b',
        task: TIEP_DAN,
        trackerRow: task.row,
        order: task.row,
        quarter: 4,
        text: 'Tiếp tục tiếp công dân định kỳ',
        kind: 'planned',
        cell: `E${q3 + 1}`,
      },
      {
        section: 'II.4b',
        task: TIEP_DAN,
        trackerRow: task.row,
        order: task.row,
        quarter: 1,
        nextYear: true,
        text: 'Tổng kết công tác tiếp dân',
        kind: 'planned',
        cell: `E${q4 + 1}`,
      },
    ]);
  });

  it('reads odd typing: NFD text, extra and no-break spaces, a retyped task, line breaks, quarters as typed', () => {
    const g = gridOf(spec.cells);
    const r = rowOf(g, 2, CAMERA);
    // The officer retyped the task in NFD, with doubled spaces, another case and a full stop.
    g.values[r][resultsCol('task')] = `  ${CAMERA.toLocaleUpperCase('vi').replace(/ /g, '  ')}. `.normalize(
      'NFD',
    );
    g.values[r][resultsCol('result')] =
      '  Đã khảo sát,\u00a0 lập dự toán   35 triệu đồng \r\n\r\n  Chờ bố trí kinh phí  '.normalize('NFD');
    const read = readResults(g, trackerTasks, SHEET.tracker);
    expect(read.problems).toEqual([]);
    expect(read.entries).toHaveLength(1);
    expect(read.entries[0]).toMatchObject({
      task: CAMERA,
      section: 'II.9',
      quarter: 2,
      text: 'Đã khảo sát, lập dự toán 35 triệu đồng\nChờ bố trí kinh phí',
    });
    expect(read.entries[0].text).toBe(read.entries[0].text.normalize('NFC'));
    expect(read.entries[0].trackerRow).toBe(trackerTasks.find((t) => t.task === CAMERA)!.row);
  });

  it.each<[GridCell, number | null]>([
    ['Quý III', 3],
    ['quý iii', 3],
    ['Quy 3', 3],
    ['Q3', 3],
    ['III', 3],
    [3, 3],
    ['3', 3],
    ['Quý III/2026', 3],
    ['Quý  IV'.normalize('NFD'), 4],
    ['Quý V', null],
    [5, null],
    [2.5, null],
    ['', null],
    [null, null],
    [true, null],
  ])('quarter %p → %p', (typed, quarter) => {
    expect(readQuarterCell(typed)).toBe(quarter);
  });

  it('survives inserted rows and columns, a title above the header, and rows the officer added at the end', () => {
    const g = gridOf(spec.cells);
    const r = rowOf(g, 1, TIEP_DAN);
    g.values[r][resultsCol('result')] = 'Tiếp 12 lượt công dân';
    // A title row and a blank row above the header; a blank row and a user's column before Quý.
    const values = [['KẾT QUẢ NĂM 2026'], [], ...g.values.slice(0, r), [], ...g.values.slice(r)].map(
      (row) => [null, ...row],
    );
    values.push([null, 'Quý I', 'V', 'Việc văn phòng tự thêm', 'Đã làm xong', null]);
    const read = readResults({ name: SHEET.results, values, formulas: [] }, trackerTasks, SHEET.tracker);
    expect(read.entries.map((e) => [e.task, e.quarter, e.text, e.cell])).toEqual([
      [TIEP_DAN, 1, 'Tiếp 12 lượt công dân', `E${r + 4}`],
      ['Việc văn phòng tự thêm', 1, 'Đã làm xong', `E${values.length}`],
    ]);
    // The user's own task is not on Nhiệm vụ: reported under its own words, with a warning.
    expect(read.entries[1]).toMatchObject({ trackerRow: null, section: 'V', order: values.length });
    expect(read.problems.map((p) => [p.code, p.cell, p.severity])).toEqual([
      ['resultsTaskNotOnTracker', `D${values.length}`, 'warning'],
    ]);
  });

  it('a number typed is read as its text, with a warning; an error value and an unreadable quarter are errors', () => {
    const g = gridOf(spec.cells);
    const a = rowOf(g, 1, TIEP_DAN);
    const b = rowOf(g, 2, TIEP_DAN);
    const c = rowOf(g, 3, TIEP_DAN);
    g.values[a][resultsCol('result')] = 15;
    g.values[b][resultsCol('result')] = { error: '#N/A' };
    g.values[c][resultsCol('quarter')] = 'Quý 5';
    g.values[c][resultsCol('result')] = 'Tiếp 9 lượt công dân';
    const read = readResults(g, trackerTasks, SHEET.tracker);
    expect(read.entries.map((e) => [e.quarter, e.text])).toEqual([[1, '15']]);
    expect(read.problems.map((p) => [p.code, p.cell, p.severity])).toEqual([
      ['resultsNotText', `D${a + 1}`, 'warning'],
      ['resultsCellError', `D${b + 1}`, 'error'],
      ['resultsQuarterUnreadable', `A${c + 1}`, 'error'],
    ]);
    expect(read.problems[2].message).toContain('Quý 5');
  });

  it('a row with words and no task: kept, with a warning', () => {
    const g = gridOf(spec.cells);
    const r = rowOf(g, 1, TIEP_DAN);
    g.values[r][resultsCol('task')] = '   ';
    g.values[r][resultsCol('result')] = 'Việc đã làm';
    const read = readResults(g, trackerTasks, SHEET.tracker);
    expect(read.entries).toMatchObject([
      { task: '', trackerRow: null, section: 'II.4b', text: 'Việc đã làm' },
    ]);
    expect(read.problems.map((p) => p.code)).toEqual(['resultsTaskMissing']);
  });

  it('no sheet, no header, a missing column', () => {
    expect(readResults(undefined, trackerTasks, SHEET.tracker)).toBe(NO_RESULTS);
    const noHeader = readResults(gridOf([['a', 'b'], ['c']]), trackerTasks, SHEET.tracker);
    expect(noHeader).toMatchObject({ present: true, readable: false, entries: [] });
    expect(noHeader.problems.map((p) => p.code)).toEqual(['resultsHeaderNotFound']);
    const cells = spec.cells.map((r) => r.filter((_, c) => c !== resultsCol('result')));
    const missing = readResults(gridOf(cells), trackerTasks, SHEET.tracker);
    expect(missing).toMatchObject({ present: true, readable: false });
    expect(missing.problems.map((p) => [p.code, p.severity])).toEqual([['resultsMissingColumn', 'error']]);
    expect(missing.problems[0].message).toContain(RESULTS_HEADERS.result);
  });

  it('matches quotes and a trailing full stop as people retype them', () => {
    expect(taskKey('Thực hiện "Xây dựng Chính phủ số".')).toBe(taskKey('thực hiện “Xây dựng Chính phủ số”'));
  });
});
