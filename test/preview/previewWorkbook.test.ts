/**
 * The browser preview's workbook and sheet model, run in Node over the real .xlsx adapter: what the sheet
 * view shows must be what Excel would show for the same file.
 */
import { compileReport } from '../../src/app';
import { serialFromIso } from '../../src/domain/dates';
import { completionRate, rollup } from '../../src/domain/rollup';
import { readTracker } from '../../src/domain/tracker';
import { SHEET } from '../../src/i18n/vi';
import { FIRST_SHEET, PreviewWorkbook } from '../../src/preview/previewWorkbook';
import {
  completedOnValue,
  computedCells,
  tthcModel,
  displayValue,
  isDateFormat,
  trackerModel,
} from '../../src/preview/sheetModel';
import { createPaneActions } from '../../src/taskpane/paneActions';
import { initNamed } from '../support/identity';

const TODAY = '2026-06-02';

async function previewTracker(): Promise<PreviewWorkbook> {
  const workbook = await PreviewWorkbook.create();
  await initNamed(workbook, { year: 2026 });
  return workbook;
}

describe('PreviewWorkbook', () => {
  it('starts as Excel does, with one empty sheet', async () => {
    const workbook = await PreviewWorkbook.create();
    const { sheets } = await workbook.read([]);
    expect(sheets.map((s) => s.name)).toEqual([FIRST_SHEET]);
    expect(workbook.getView()).toEqual({ version: 0, activeSheet: FIRST_SHEET, selection: null });
  });

  it('shows the sheet and selects the cell a write names, as Excel does', async () => {
    const workbook = await previewTracker();
    expect(workbook.getView()).toMatchObject({
      version: 1,
      activeSheet: SHEET.tracker,
      selection: { sheet: SHEET.tracker, cell: 'C2' },
    });
    await workbook.selectCell(SHEET.settings, 'B6');
    expect(workbook.getView().selection).toEqual({ sheet: SHEET.settings, cell: 'B6' });
    await expect(workbook.selectCell('Không có', 'A1')).rejects.toThrow('Worksheet not found');
  });

  it('announces a user’s edit to the pane, but not the pane’s own writes', async () => {
    const workbook = await PreviewWorkbook.create();
    const changed = jest.fn();
    const viewChanged = jest.fn();
    const stop = workbook.onUserChange(changed);
    workbook.subscribeView(viewChanged);
    await initNamed(workbook, { year: 2026 });
    expect(changed).not.toHaveBeenCalled();
    await workbook.editCell(SHEET.tracker, 'H2', 'Hoàn thành');
    expect(changed).toHaveBeenCalledTimes(1);
    expect(viewChanged).toHaveBeenCalledTimes(2);
    stop();
    await workbook.editCell(SHEET.tracker, 'H3', 'Hoàn thành');
    expect(changed).toHaveBeenCalledTimes(1);
    const snap = await workbook.read([SHEET.tracker]);
    expect(snap.contents[SHEET.tracker].values[1][7]).toBe('Hoàn thành');
  });

  it('runs overlapping writes one after the other, losing neither', async () => {
    const workbook = await previewTracker();
    await Promise.all([
      workbook.editCell(SHEET.tracker, 'H2', 'Hoàn thành'),
      compileReport(workbook, { asOf: TODAY }),
      workbook.editCell(SHEET.tracker, 'I2', serialFromIso('2026-03-15'), 'dd/mm/yyyy'),
    ]);
    const snap = await workbook.read([SHEET.tracker]);
    expect(snap.contents[SHEET.tracker].values[1].slice(7, 9)).toEqual([
      'Hoàn thành',
      serialFromIso('2026-03-15'),
    ]);
    expect(snap.sheets.map((s) => s.name)).toContain('Báo cáo 6 tháng 2026');
  });

  it('gives the view each sheet’s merged ranges and column widths, to draw the report as Excel does', async () => {
    const workbook = await previewTracker();
    const out = await compileReport(workbook, { asOf: TODAY });
    const layout = (await workbook.layoutOf(out.sheet!))!;
    // The 36 grid columns, then the copies of the officer's places (column AK, right of the print area).
    expect(layout.columnWidths).toHaveLength(37);
    expect(new Set(layout.columnWidths.slice(0, 36))).toEqual(new Set([2.25]));
    expect(layout.columnWidths[36]).toBeCloseTo((36 * 16) / 7, 6);
    expect(layout.merges).toContain('A1:M1'); // the issuing body, over the header's left block
    expect(await workbook.layoutOf('Không có')).toBeUndefined();
  });

  it('reads a typed entry with a leading apostrophe as text, as Excel does', () => {
    expect(completedOnValue("'20/5/2026")).toEqual({ value: '20/5/2026', numberFormat: '@' });
    expect(completedOnValue("'")).toEqual({ value: null });
  });

  it('saves as .xlsx bytes', async () => {
    const workbook = await previewTracker();
    const bytes = await workbook.toBytes();
    expect(Array.from(bytes.slice(0, 2))).toEqual([0x50, 0x4b]); // a zip
  });

  it('serves the pane through the same actions as Excel', async () => {
    const workbook = await PreviewWorkbook.create();
    const actions = createPaneActions(workbook, {
      today: () => TODAY,
      selectCell: (sheet, cell) => workbook.selectCell(sheet, cell),
      subscribeToChanges: async (listener) => workbook.onUserChange(listener),
    });
    expect((await actions.loadOverview()).noTracker).toBe(true);
    expect((await actions.initTracker(2026)).ok).toBe(true);
    expect((await actions.loadOverview()).overview?.counts.tasks).toBe(48);
  });
});

describe('the sheet model', () => {
  it('formats values as Excel shows them', () => {
    expect(isDateFormat('dd/mm/yyyy')).toBe(true);
    expect(isDateFormat('[$-vi-VN]d mmmm yyyy')).toBe(true);
    expect(isDateFormat('"day"0')).toBe(false);
    expect(isDateFormat('General')).toBe(false);
    expect(displayValue(serialFromIso('2026-06-05'), 'dd/mm/yyyy')).toBe('05/06/2026');
    expect(displayValue(0.256, '0%')).toBe('26%');
    expect(displayValue(7, 'General')).toBe('7');
    expect(displayValue(1 / 3, undefined)).toBe('0.333333');
    expect(displayValue(true, undefined)).toBe('TRUE');
    expect(displayValue({ error: '#REF!' }, undefined)).toBe('#REF!');
    expect(displayValue(null, undefined)).toBe('');
  });

  it('reads typed completion dates as Excel would: dates become serials, anything else stays text', () => {
    expect(completedOnValue('15/3/2026')).toEqual({
      value: serialFromIso('2026-03-15'),
      numberFormat: 'dd/mm/yyyy',
    });
    expect(completedOnValue('  ')).toEqual({ value: null });
    expect(completedOnValue('31/02/2026')).toEqual({ value: '31/02/2026', numberFormat: '@' });
    expect(completedOnValue('xong')).toEqual({ value: 'xong', numberFormat: '@' });
  });

  it('computes Tình trạng hạn and every figure of Tổng hợp as their formulas would', async () => {
    const workbook = await previewTracker();
    await workbook.editCell(SHEET.tracker, 'H2', 'Hoàn thành');
    await workbook.editCell(SHEET.tracker, 'I2', serialFromIso('2026-03-15'), 'dd/mm/yyyy');
    await workbook.editCell(SHEET.tracker, 'H3', 'Hoàn thành');
    await workbook.editCell(SHEET.tracker, 'I3', serialFromIso('2026-04-10'), 'dd/mm/yyyy');
    await compileReport(workbook, { asOf: TODAY });
    const names = (await workbook.read([])).sheets.map((s) => s.name);
    const { contents } = await workbook.read(names);
    const model = trackerModel(contents[SHEET.tracker], contents[SHEET.settings], TODAY);

    const states = computedCells(SHEET.tracker, contents, model, TODAY);
    expect(states.get('L2')).toBe('Hoàn thành đúng hạn');
    expect(states.get('L3')).toBe('Hoàn thành quá hạn');
    expect(states.get('L4')).toBe('Quá hạn');
    expect(states.size).toBe(48);

    const summary = contents[SHEET.summary];
    const figures = computedCells(SHEET.summary, contents, model, TODAY);
    const formulaCells = summary.formulas.flat().filter((f) => f !== null).length;
    expect(figures.size).toBe(formulaCells); // every formula of the sheet has its value
    const expected = rollup(readTracker(contents[SHEET.tracker]).tasks, {
      asOf: TODAY,
      warningDays: 7,
      year: 2026,
      periodMode: 'calendar',
    });
    // The three task blocks with a total (the TTHC blocks' totals follow them).
    const totalRows = summary.values
      .map((r, i) => (r[1] === 'Tổng cộng' ? i + 1 : 0))
      .filter((r) => r > 0)
      .slice(0, 3);
    expect(totalRows).toHaveLength(3);
    for (const row of totalRows) {
      expect(figures.get(`C${row}`)).toBe(String(expected.total.tasks));
      expect(figures.get(`D${row}`)).toBe(String(expected.total.doneOnTime));
      expect(figures.get(`E${row}`)).toBe(String(expected.total.doneLate));
      expect(figures.get(`F${row}`)).toBe(String(expected.total.overdue));
      expect(figures.get(`K${row}`)).toBe(String(expected.total.rateOnTime));
      expect(figures.get(`L${row}`)).toBe(String(expected.total.rateDue));
      expect(figures.get(`M${row}`)).toBe(`${Math.round(completionRate(expected.total)! * 100)}%`);
    }
  });

  it('computes Hồ sơ TTHC’s Tổng số hồ sơ and Tỷ lệ đúng hạn, its colours, and Tổng hợp’s TTHC figures', async () => {
    const workbook = await previewTracker();
    // March, Hộ tịch (row 26): 2 carried over, 10 online, 5 in person; 3 early, 12 on time, 1 late, 1 pending.
    const counts: [string, number][] = [
      ['C', 2],
      ['D', 10],
      ['E', 5],
      ['G', 3],
      ['H', 12],
      ['I', 1],
      ['J', 1],
    ];
    for (const [col, v] of counts) await workbook.editCell(SHEET.tthc, `${col}26`, v, '0');
    await workbook.editCell(SHEET.tthc, 'D27', '7', '@'); // Chứng thực: a number stored as text
    await compileReport(workbook, { asOf: TODAY });
    const names = (await workbook.read([])).sheets.map((s) => s.name);
    const { contents } = await workbook.read(names);
    const model = trackerModel(contents[SHEET.tracker], contents[SHEET.settings], TODAY);
    const cells = computedCells(SHEET.tthc, contents, model, TODAY);
    expect([cells.get('F26'), cells.get('L26'), cells.get('F27'), cells.get('F28')]).toEqual([
      '17',
      '93.8%',
      'Lỗi dữ liệu',
      '',
    ]);
    const marks = tthcModel(contents[SHEET.tthc], 2026);
    expect([marks.markByRow.get(26), marks.markByRow.get(27), marks.unbalanced.has(26)]).toEqual([
      'late',
      'dataError',
      false,
    ]);
    const summary = contents[SHEET.summary];
    const figures = computedCells(SHEET.summary, contents, model, TODAY);
    expect(figures.size).toBe(summary.formulas.flat().filter((f) => f !== null).length);
    const q1Total = summary.values.findIndex((r, i) => r[1] === 'Tổng cộng' && i > 60) + 1;
    expect(['C', 'D', 'E', 'F', 'I', 'L'].map((c) => figures.get(`${c}${q1Total}`))).toEqual([
      '2',
      '10',
      '5',
      '17',
      '1',
      '93.8%',
    ]);
  });

  it('leaves formulas it cannot vouch for alone', async () => {
    const workbook = await previewTracker();
    await compileReport(workbook, { asOf: TODAY });
    // The settings year changes after the report: the sheet's formulas no longer match a rebuilt one.
    const { contents } = await workbook.read([SHEET.tracker, SHEET.settings, SHEET.summary]);
    const settings = contents[SHEET.settings];
    const yearRow = settings.values.findIndex((r) => r[0] === 'Năm theo dõi');
    settings.values[yearRow][1] = 2027;
    const model = trackerModel(contents[SHEET.tracker], settings, TODAY);
    const figures = computedCells(SHEET.summary, contents, model, TODAY);
    const sectionTotal = contents[SHEET.summary].values.findIndex((r) => r[1] === 'Tổng cộng') + 1;
    expect(figures.get(`C${sectionTotal}`)).toBe('48'); // same formulas: the year is not in them
    const quarterRows = contents[SHEET.summary].values
      .map((r, i) => (r[1] === 'Quý I/2026' ? i + 1 : 0))
      .filter((r) => r > 0);
    expect(quarterRows).toHaveLength(1);
    expect(figures.has(`D${quarterRows[0]}`)).toBe(false); // DATE(2026,…) in the sheet, DATE(2027,…) rebuilt
    expect(computedCells(SHEET.lists, contents, model, TODAY).size).toBe(0);
    expect(computedCells(SHEET.summary, contents, undefined, TODAY).size).toBe(0);
  });
});
