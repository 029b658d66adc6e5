/**
 * Kết quả theo kỳ through the actions: init writes it with the tracker and adds it alone to a tracker made
 * before it (rows for the tasks Nhiệm vụ holds now, the officer's own included); check reports its problems;
 * the report is given what was written; rollover gives the new year its rows, with nothing written.
 */
import { checkTracker } from '../../src/app';

import { TRACKER_SHEETS } from '../../src/app/checkTracker';

import { reportFromSnapshot } from '../../src/app/compileReport';

import { writeDemo } from '../../src/app/demo';

import { loadResultsForm, saveResult } from '../../src/app/resultsForm';

import { rolloverTracker } from '../../src/app/rollover';

import { readQuarterCell } from '../../src/domain/resultsSheet';
import { SHEET } from '../../src/i18n/vi';

import { readRegister } from '../../src/sheets/register';

import { copyValues, MemoryPort, type MemorySheet } from '../support/memoryPort';

import { initNamed } from '../support/identity';

import { resultsCol } from '../support/results';

const now = new Date('2026-06-05T03:00:00Z');
const today = '2026-06-05';

/** The sheet row (0-based) of a task's quarter. */
function memoryRowOf(sheet: MemorySheet, quarter: number, startsWith: string): number {
  return sheet.values.findIndex(
    (r, i) =>
      i > 0 &&
      String(r[resultsCol('task')]).startsWith(startsWith) &&
      readQuarterCell(r[resultsCol('quarter')] as never) === quarter,
  );
}

describe('Khởi tạo and Kết quả theo kỳ', () => {
  it('a new tracker comes with Kết quả theo kỳ beside Nhiệm vụ, registered, and checks clean', async () => {
    const port = new MemoryPort();
    const out = await initNamed(port, { year: 2026, now });
    expect(out.message).toContain(SHEET.results);
    const results = port.sheet(SHEET.results)!;
    expect(results.values.length).toBeGreaterThan(100);
    expect(readRegister(port.sheet(SHEET.register) as never).map((o) => [o.name, o.kind])).toContainEqual([
      SHEET.results,
      'results',
    ]);
    const check = await checkTracker(port, { today });
    expect(check.result).toEqual({ errors: [], warnings: [] });
  });

  it('adds only Kết quả theo kỳ to a tracker made before it, with a row for the officer’s own task', async () => {
    const port = new MemoryPort();
    await initNamed(port, { year: 2026, now });
    port.sheets = port.sheets.filter((s) => s.name !== SHEET.results);
    const register = port.sheet(SHEET.register)!;
    register.values = register.values.filter((r) => r[0] !== SHEET.results);
    const tracker = port.sheet(SHEET.tracker)!;
    const added = [...tracker.values[1]];
    added[1] = 'V';
    added[2] = 'Số hóa hồ sơ lưu trữ của xã';
    tracker.values.push(added);
    tracker.formulas.push(tracker.formulas[1].map(() => null));
    const before = Object.fromEntries(
      [SHEET.tracker, SHEET.settings, SHEET.lists, SHEET.tthc].map((n) => [n, copyValues(port.sheet(n))]),
    );
    const applies = port.applies;
    const out = await initNamed(port, { year: 2030, now });
    expect(out).toMatchObject({ ok: true, sheet: SHEET.results });
    expect(out.message).toContain('năm 2026');
    expect(port.applies).toBe(applies + 1);
    for (const [name, values] of Object.entries(before)) expect(port.sheet(name)!.values).toEqual(values);
    const results = port.sheet(SHEET.results)!;
    expect(memoryRowOf(results, 4, 'Số hóa hồ sơ lưu trữ')).toBe(results.values.length - 1);
    expect(readRegister(port.sheet(SHEET.register) as never).map((o) => o.name)).toContain(SHEET.results);
    // Once it is there, init refuses again.
    const again = await initNamed(port, { year: 2026, now });
    expect(again.ok).toBe(false);
    expect(port.applies).toBe(applies + 1);
  });

  it('a tracker made before both sheets gets both, in one write', async () => {
    const port = new MemoryPort();
    await initNamed(port, { year: 2026, now });
    port.sheets = port.sheets.filter((s) => s.name !== SHEET.results && s.name !== SHEET.tthc);
    const register = port.sheet(SHEET.register)!;
    register.values = register.values.filter((r) => r[0] !== SHEET.results && r[0] !== SHEET.tthc);
    const applies = port.applies;
    const out = await initNamed(port, { year: 2026, now });
    expect(out).toMatchObject({ ok: true, sheet: SHEET.tthc });
    expect(out.message).toContain(SHEET.results);
    expect(port.applies).toBe(applies + 1);
    expect(port.sheet(SHEET.tthc)).toBeDefined();
    expect(port.sheet(SHEET.results)).toBeDefined();
  });

  it('never touches a user’s own sheet named Kết quả theo kỳ', async () => {
    const port = new MemoryPort();
    port.addUserSheet('kết quả theo kỳ', [['của tôi']]);
    const out = await initNamed(port, { year: 2026, now });
    expect(out).toMatchObject({ ok: false, sheet: SHEET.results });
    expect(port.applies).toBe(0);
  });
});

describe('check and report', () => {
  it('check lists the sheet’s problems; the report is given the words, tied to Nhiệm vụ', async () => {
    const port = new MemoryPort();
    await initNamed(port, { year: 2026, now });
    const results = port.sheet(SHEET.results)!;
    const tiepDan = memoryRowOf(results, 2, 'Thực hiện tốt công tác tiếp dân');
    results.values[tiepDan][resultsCol('result')] = 'Tiếp 15 lượt công dân';
    results.values[tiepDan][resultsCol('planned')] = 'Tiếp công dân định kỳ';
    const renamed = memoryRowOf(results, 1, 'Khảo sát, lắp đặt hệ thống camera');
    results.values[renamed][resultsCol('task')] = 'Lắp camera (đã đổi tên)';
    results.values[renamed][resultsCol('result')] = 'Đã khảo sát, lập dự toán 35 triệu đồng';
    const check = await checkTracker(port, { today });
    expect(check.ok).toBe(true);
    expect(check.result!.warnings.map((p) => [p.sheet, p.code, p.cell])).toEqual([
      [SHEET.results, 'resultsTaskNotOnTracker', `C${renamed + 1}`],
    ]);
    const snap = await port.read([...TRACKER_SHEETS]);
    const made = reportFromSnapshot(snap, { asOf: today, period: { year: 2026, quarter: 2 } });
    expect(made.ok).toBe(true);
    if (!made.ok) return;
    expect(made.state.results.entries.map((e) => [e.quarter, e.kind, e.text, e.trackerRow !== null])).toEqual(
      [
        // A task no longer on Nhiệm vụ takes its place by its row on Kết quả theo kỳ (results.ts: order).
        [1, 'result', 'Đã khảo sát, lập dự toán 35 triệu đồng', false],
        [2, 'result', 'Tiếp 15 lượt công dân', true],
        [3, 'planned', 'Tiếp công dân định kỳ', true],
      ],
    );
  });
});

describe('Chuyển sang năm mới and Kết quả theo kỳ', () => {
  it('the new year’s sheet has rows for the plan and the carried tasks, nothing written; the old words stay', async () => {
    const source = new MemoryPort();
    await initNamed(source, { year: 2026, now });
    const tracker = source.sheet(SHEET.tracker)!;
    // The officer's own task, overdue: it is carried, and gets rows in the new year.
    const own = [...tracker.values[1]];
    own[1] = 'V';
    own[2] = 'Số hóa hồ sơ lưu trữ của xã';
    own[6] = 46_000; // 09/12/2025: overdue
    tracker.values.push(own);
    tracker.formulas.push(tracker.formulas[1].map(() => null));
    const results = source.sheet(SHEET.results)!;
    results.values[memoryRowOf(results, 3, 'Thực hiện tốt công tác tiếp dân')][resultsCol('result')] =
      'Tiếp 15 lượt công dân';
    const sourceBefore = source.sheets.map((s) => copyValues(s));
    const target = new MemoryPort();
    const out = await rolloverTracker(source, target, { today: '2026-12-20', now });
    expect(out.ok).toBe(true);
    expect(source.sheets.map((s) => copyValues(s))).toEqual(sourceBefore);
    const fresh = new MemoryPort();
    await initNamed(fresh, { year: 2027, now });
    const made = target.sheet(SHEET.results)!;
    const planRows = fresh.sheet(SHEET.results)!.values;
    const perQuarter = (planRows.length - 1) / 4;
    // Each quarter's block: the tasks of init's 2027 sheet (a plan task a carried row already holds comes as
    // that row, once) and the officer's carried task.
    expect(made.values).toHaveLength(1 + 4 * (perQuarter + 1));
    const tasksOf = (rows: unknown[][]): string[] =>
      rows.map((r) => `${String(r[1])} ${String(r[2])}`).sort();
    for (let q = 0; q < 4; q++) {
      const block = made.values.slice(1 + q * (perQuarter + 1), 1 + (q + 1) * (perQuarter + 1));
      expect(new Set(block.map((r) => r[0]))).toEqual(new Set([planRows[1 + q * perQuarter][0]]));
      expect(tasksOf(block)).toEqual(
        tasksOf([
          ...planRows.slice(1 + q * perQuarter, 1 + (q + 1) * perQuarter),
          [null, 'V', 'Số hóa hồ sơ lưu trữ của xã'],
        ]),
      );
    }
    expect(
      made.values
        .slice(1)
        .every((r) => r[resultsCol('result')] === null && r[resultsCol('planned')] === null),
    ).toBe(true);
    expect(out.warnings).toContainEqual(expect.stringContaining('1 nội dung đã ghi cho các quý năm 2026'));
    // The new workbook checks clean as to its results.
    const check = await checkTracker(target, { today: '2027-01-05' });
    expect(
      check.result!.errors.concat(check.result!.warnings).filter((p) => p.sheet === SHEET.results),
    ).toEqual([]);
  });
});

describe('the demo', () => {
  it('writes results of Quý I–III and planned work, tied to their tasks, with no problem', async () => {
    const port = new MemoryPort();
    const out = await writeDemo(port, { now: new Date('2026-09-10T03:00:00Z') });
    expect(out.ok).toBe(true);
    const snap = await port.read([...TRACKER_SHEETS]);
    const made = reportFromSnapshot(snap, { asOf: out.asOf!, period: { year: out.year!, quarter: 3 } });
    if (!made.ok) throw new Error('no report');
    const { entries, problems } = made.state.results;
    expect(problems).toEqual([]);
    expect(entries.every((e) => e.trackerRow !== null)).toBe(true);
    const said = (q: number, kind: string, start: string): boolean =>
      entries.some((e) => e.quarter === q && e.kind === kind && e.text.startsWith(start));
    expect(said(1, 'result', 'Tiếp 15 lượt công dân')).toBe(true);
    expect(said(1, 'result', '100% văn bản đi được ký số')).toBe(true);
    expect(said(1, 'result', 'Đã khảo sát, lập dự toán 35 triệu đồng')).toBe(true);
    expect(said(4, 'planned', 'Duy trì tiếp công dân')).toBe(true);
    expect(new Set(entries.filter((e) => e.kind === 'result').map((e) => e.quarter))).toEqual(
      new Set([1, 2, 3]),
    );
  });
});

describe('the pane’s results editor over the workbook', () => {
  it('lists the rows, writes one row’s two cells as text, and nothing else', async () => {
    const port = new MemoryPort();
    await initNamed(port, { year: 2026, now });
    const form = await loadResultsForm(port);
    expect(form.ok).toBe(true);
    const target = form.rows!.find(
      (r) => r.quarter === 3 && r.task.startsWith('Thực hiện tốt công tác tiếp dân'),
    )!;
    const before = port.sheets.map((s) => copyValues(s));
    const out = await saveResult(port, {
      row: target.row,
      quarter: 3,
      task: target.task,
      result: '=15 lượt công dân\r\n  đã trả lời 6 kiến nghị  ',
      planned: '',
      was: { result: '', planned: '' },
    });
    expect(out.ok).toBe(true);
    expect(out.rows!.find((r) => r.row === target.row)!.result).toBe(
      '=15 lượt công dân\nđã trả lời 6 kiến nghị',
    );
    const results = port.sheet(SHEET.results)!;
    const changed: string[] = [];
    port.sheets.forEach((s, i) =>
      s.values.forEach((row, r) =>
        row.forEach((v, c) => {
          if (v !== (before[i][r]?.[c] ?? null)) changed.push(`${s.name}!${r},${c}`);
        }),
      ),
    );
    expect(changed).toEqual([`${SHEET.results}!${target.row - 1},${resultsCol('result')}`]);
    expect(results.values[target.row - 1][resultsCol('result')]).toBe(
      '=15 lượt công dân\n  đã trả lời 6 kiến nghị',
    );
  });

  it('writes nothing when the row no longer names the task and quarter picked (a row inserted since)', async () => {
    const port = new MemoryPort();
    await initNamed(port, { year: 2026, now });
    const target = (await loadResultsForm(port)).rows!.find((r) => r.quarter === 2)!;
    const results = port.sheet(SHEET.results)!;
    results.values.splice(1, 0, [null, null, null, null, null]);
    const applies = port.applies;
    const out = await saveResult(port, {
      row: target.row,
      quarter: 2,
      task: target.task,
      result: 'x',
      planned: '',
      was: { result: '', planned: '' },
    });
    expect(out).toMatchObject({ ok: false });
    expect(out.message).toContain(`Dòng ${target.row}`);
    expect(port.applies).toBe(applies);
  });

  it('never overwrites words written on the sheet since the form read them', async () => {
    const port = new MemoryPort();
    await initNamed(port, { year: 2026, now });
    const target = (await loadResultsForm(port)).rows!.find((r) => r.quarter === 2)!;
    port.sheet(SHEET.results)!.values[target.row - 1][resultsCol('result')] = 'Ghi trên trang tính';
    const applies = port.applies;
    const out = await saveResult(port, {
      row: target.row,
      quarter: 2,
      task: target.task,
      result: '',
      planned: 'Dự kiến',
      was: { result: '', planned: '' },
    });
    expect(out.ok).toBe(false);
    expect(port.applies).toBe(applies);
    expect(port.sheet(SHEET.results)!.values[target.row - 1][resultsCol('result')]).toBe(
      'Ghi trên trang tính',
    );
    // The form gets the row as it is now, to show it.
    expect(out.rows!.find((r) => r.row === target.row)!.result).toBe('Ghi trên trang tính');
  });

  it('says what to do when the workbook has no such sheet', async () => {
    const port = new MemoryPort();
    const out = await loadResultsForm(port);
    expect(out.ok).toBe(false);
    expect(out.message).toContain('Khởi tạo bảng theo dõi');
  });
});
