/**
 * Hồ sơ TTHC through the actions: init writes it with the tracker and adds it alone to a tracker made before it
 * existed (Danh mục's list of fields into empty cells only; the register still tells an untouched Danh mục from
 * an edited one); check reports its problems; Sửa tự động mends its certain ones; the report carries its figures.
 */
import { checkTracker, compileReport } from '../../src/app';

import { fixable, fixCells } from '../../src/app/fixCells';

import { loadOverview } from '../../src/app/overview';

import { cellText, type GridCell } from '../../src/domain/grid';

import { TTHC_FIELDS } from '../../src/domain/tthc';

import { SHEET, TTHC_HEADERS } from '../../src/i18n/vi';

import { fingerprintGrid, readRegister } from '../../src/sheets/register';

import { copyValues, MemoryPort, type MemorySheet } from '../support/memoryPort';

import { initNamed } from '../support/identity';

const now = new Date('2026-06-05T03:00:00Z');
const today = '2026-06-05';

/** A workbook as the add-in wrote it before Hồ sơ TTHC existed: no such sheet, Danh mục with columns A–E. */
async function beforeTthc(edit?: (lists: MemorySheet) => void): Promise<MemoryPort> {
  const port = new MemoryPort();
  await initNamed(port, { year: 2026, now });
  port.sheets = port.sheets.filter((s) => s.name !== SHEET.tthc);
  const lists = port.sheet(SHEET.lists)!;
  lists.values = lists.values.map((r) => r.slice(0, 5));
  lists.formulas = lists.formulas.map((r) => r.slice(0, 5));
  // The register as it was: no Hồ sơ TTHC, and Danh mục's fingerprint of columns A–E (untouched).
  const register = port.sheet(SHEET.register)!;
  register.values = register.values
    .filter((r) => r[0] !== SHEET.tthc)
    .map((r) => (r[0] === SHEET.lists ? [r[0], r[1], fingerprintGrid(lists), r[3], r[4]] : r));
  edit?.(lists);
  return port;
}

const column = (s: MemorySheet, c: number): string[] =>
  s.values.map((r) => cellText((r[c] ?? null) as GridCell)).filter((t) => t !== '');

describe('Khởi tạo and Hồ sơ TTHC', () => {
  it('a new tracker comes with Hồ sơ TTHC: a row for every month and field of Danh mục, and the field list', async () => {
    const port = new MemoryPort();
    await initNamed(port, { year: 2026, now });
    const tthc = port.sheet(SHEET.tthc)!;
    expect(tthc.values[0]).toEqual(Object.values(TTHC_HEADERS));
    expect(tthc.values).toHaveLength(1 + 12 * TTHC_FIELDS.length);
    expect(tthc.values[1].slice(0, 2)).toEqual([1, TTHC_FIELDS[0]]);
    expect(tthc.values[12 * TTHC_FIELDS.length].slice(0, 2)).toEqual([
      12,
      TTHC_FIELDS[TTHC_FIELDS.length - 1],
    ]);
    expect(column(port.sheet(SHEET.lists)!, 5)).toEqual(['Lĩnh vực', ...TTHC_FIELDS]);
    const registered = readRegister(port.sheet(SHEET.register) as never).map((o) => [o.name, o.kind]);
    expect(registered).toContainEqual([SHEET.tthc, 'tthc']);
    const check = await checkTracker(port, { today });
    expect(check.result).toEqual({ errors: [], warnings: [] });
    expect(check.message).toContain(`0 dòng có số liệu ở trang "${SHEET.tthc}"`);
  });

  it('adds only Hồ sơ TTHC (and the field list in Danh mục’s empty column F) to a tracker made before it', async () => {
    const port = await beforeTthc();
    const before = Object.fromEntries(
      [SHEET.tracker, SHEET.settings, SHEET.lists].map((n) => [n, copyValues(port.sheet(n))]),
    );
    const applies = port.applies;
    const out = await initNamed(port, { year: 2030, now }); // the year of Cài đặt wins: 2026
    expect(out).toMatchObject({ ok: true, sheet: SHEET.tthc });
    expect(out.message).toContain('năm 2026');
    expect(out.message).toContain('cột F');
    expect(port.applies).toBe(applies + 1);
    expect(port.sheet(SHEET.tracker)!.values).toEqual(before[SHEET.tracker]);
    expect(port.sheet(SHEET.settings)!.values).toEqual(before[SHEET.settings]);
    const lists = port.sheet(SHEET.lists)!;
    expect(lists.values.map((r) => r.slice(0, 5))).toEqual(before[SHEET.lists].map((r) => r.slice(0, 5)));
    expect(column(lists, 5)).toEqual(['Lĩnh vực', ...TTHC_FIELDS]);
    expect(port.sheet(SHEET.tthc)!.spec!.validations!.find((v) => v.range.startsWith('B'))!.rule).toEqual({
      type: 'list',
      source: "=OFFSET('Danh mục'!$F$2,0,0,MAX(1,COUNTA('Danh mục'!$F:$F)-1),1)",
    });
    // Danh mục nobody had edited is still untouched for the register: its fingerprint includes the new list.
    const entry = readRegister(port.sheet(SHEET.register) as never).find((o) => o.name === SHEET.lists)!;
    expect(entry.fingerprint).toBe(fingerprintGrid(lists));
    // Run again: nothing more to add.
    const again = await initNamed(port, { year: 2026, now });
    expect(again.ok).toBe(false);
    expect(again.message).toContain('đã có sẵn');
  });

  it('never writes over a cell of an edited Danh mục: the list goes to the first empty column, and it stays "edited"', async () => {
    const port = await beforeTthc((lists) => {
      lists.values.push(['Hội Nông dân xã']);
      lists.values[1][5] = 'ghi chú của tôi';
    });
    const register = readRegister(port.sheet(SHEET.register) as never).find((o) => o.name === SHEET.lists)!;
    const out = await initNamed(port, { year: 2026, now });
    expect(out.message).toContain('cột G');
    const lists = port.sheet(SHEET.lists)!;
    expect(lists.values[1][5]).toBe('ghi chú của tôi');
    expect(lists.values.at(-1)![0]).toBe('Hội Nông dân xã');
    expect(column(lists, 6)).toEqual(['Lĩnh vực', ...TTHC_FIELDS]);
    expect(
      port.sheet(SHEET.tthc)!.spec!.validations!.find((v) => v.range.startsWith('B'))!.rule,
    ).toMatchObject({
      source: expect.stringContaining("'Danh mục'!$G$2"),
    });
    const after = readRegister(port.sheet(SHEET.register) as never).find((o) => o.name === SHEET.lists)!;
    expect(after.fingerprint).toBe(register.fingerprint);
  });

  it('uses a Lĩnh vực list a user already keeps on Danh mục, and gives each of its fields a row', async () => {
    const port = await beforeTthc((lists) => {
      lists.values[0][7] = 'lĩnh vực';
      lists.values[1][7] = 'Hộ tịch';
      lists.values[2][7] = 'Xây dựng';
    });
    const before = copyValues(port.sheet(SHEET.lists));
    const out = await initNamed(port, { year: 2026, now });
    expect(out.ok).toBe(true);
    expect(out.message).not.toContain('cột');
    expect(port.sheet(SHEET.lists)!.values).toEqual(before);
    const tthc = port.sheet(SHEET.tthc)!;
    expect(tthc.values.slice(1, 3).map((r) => r.slice(0, 2))).toEqual([
      [1, 'Hộ tịch'],
      [1, 'Xây dựng'],
    ]);
    expect(tthc.values).toHaveLength(1 + 24);
  });

  it('refuses a user’s own sheet named "Hồ sơ TTHC" on a new workbook, and writes nothing', async () => {
    const port = new MemoryPort();
    const mine = port.addUserSheet(SHEET.tthc, [['Sổ của tôi']]);
    const out = await initNamed(port, { year: 2026, now });
    expect(out).toMatchObject({ ok: false, sheet: SHEET.tthc });
    expect(out.message).toContain('không do phần bổ trợ tạo ra');
    expect(port.applies).toBe(0);
    expect(mine.values).toEqual([['Sổ của tôi']]);
  });
});

/** Types a month's figures into the row of `field` (columns C…K of a new sheet), with a reason in M. */
function type(
  port: MemoryPort,
  month: number,
  field: string,
  counts: (number | string | null)[],
  reason?: string,
) {
  const sheet = port.sheet(SHEET.tthc)!;
  const r = sheet.values.findIndex((v) => v[0] === month && v[1] === field);
  const cols = ['C', 'D', 'E', 'G', 'H', 'I', 'J', 'K'];
  counts.forEach((v, i) => port.setCell(SHEET.tthc, `${cols[i]}${r + 1}`, v));
  if (reason) port.setCell(SHEET.tthc, `M${r + 1}`, reason);
  return r + 1;
}

describe('Kiểm tra, Sửa tự động and Tổng hợp báo cáo with Hồ sơ TTHC', () => {
  it('check lists the sheet’s problems beside the tracker’s; Sửa tự động turns a count stored as text into the number', async () => {
    const port = new MemoryPort();
    await initNamed(port, { year: 2026, now });
    const a = type(port, 1, 'Hộ tịch', [0, 10, 5, 3, 10, 2, 0, 0], 'Chờ bổ sung giấy tờ');
    const b = type(port, 2, 'Hộ tịch', [0, '12', 0, 0, 12, 0, 0, 0]);
    const c = type(port, 2, 'Chứng thực', [0, 10, 0, 0, 9, 0, 0, 0]);
    // January's monthly review is marked done: January has figures, February's is not due.
    const tracker = port.sheet(SHEET.tracker)!;
    const review = tracker.values.findIndex((v) => String(v[2]).includes('(tháng 03/2026)'));
    port.setCell(SHEET.tracker, `H${review + 1}`, 'Hoàn thành');
    port.setCell(SHEET.tracker, `I${review + 1}`, 46115);
    const out = await checkTracker(port, { today });
    const list = [...out.result!.errors, ...out.result!.warnings].map(
      (p) => `${p.code}@${p.sheet}!${p.cell}`,
    );
    expect(list).toEqual([
      `tthcCountAsText@${SHEET.tthc}!D${b}`,
      `tthcUnbalanced@${SHEET.tthc}!F${c}`,
      `tthcReviewWithoutFigures@${SHEET.tracker}!H${review + 1}`,
    ]);
    expect(a).toBe(2);
    const fixes = fixable(out.result!.errors);
    expect(fixes.map((f) => [f.sheet, f.cell, f.fix.was, f.fix.becomes])).toEqual([
      [SHEET.tthc, `D${b}`, '12', '12'],
    ]);
    const fixed = await fixCells(port, { today, confirmed: fixes });
    expect(fixed).toMatchObject({ ok: true, fixed: [`D${b}`], sheet: SHEET.tthc });
    expect(fixed.message).toBe(`Đã sửa 1 ô ở trang "${SHEET.tthc}".`);
    expect(port.sheet(SHEET.tthc)!.values[b - 1][3]).toBe(12);
  });

  it('the report and its JSON carry the period’s TTHC figures; Tổng hợp gets its TTHC blocks', async () => {
    const port = new MemoryPort();
    await initNamed(port, { year: 2026, now });
    type(port, 1, 'Đất đai', [2, 5, 5, 0, 8, 2, 2, 0], 'Chờ đo đạc');
    type(port, 2, 'Đất đai', [2, 4, 4, 1, 6, 1, 2, 0], 'Chờ ý kiến phòng chuyên môn');
    type(port, 2, 'Hộ tịch', [0, 20, 10, 10, 20, 0, 0, 0]);
    const out = await compileReport(port, { asOf: today, now });
    expect(out.ok).toBe(true);
    const json = out.json as { tthc: Record<string, unknown> };
    expect(json.tthc).toMatchObject({
      months: [1, 2],
      totals: { carriedOver: 2, online: 29, offline: 19, received: 50, early: 11, onTime: 34, late: 3 },
      frequentLateFields: ['Đất đai'],
    });
    const summary = port.sheet(SHEET.summary)!;
    const labels = summary.values.map((r) => cellText((r[0] ?? null) as GridCell));
    expect(labels.filter((l) => /^\d+\. Hồ sơ thủ tục hành chính/.test(l))).toHaveLength(6);
    expect(summary.formulas.flat().filter((f) => f?.includes("'Hồ sơ TTHC'!")).length).toBeGreaterThan(100);
  });

  it('the overview sums up this month and the period, and lists the fields with late dossiers', async () => {
    const port = new MemoryPort();
    await initNamed(port, { year: 2026, now });
    type(port, 3, 'Đất đai', [0, 5, 5, 0, 8, 2, 0, 0], 'Chờ đo đạc');
    const row = type(port, 5, 'Đất đai', [0, 5, 0, 0, 3, 1, 0, 1], 'Thiếu người');
    type(port, 5, 'Hộ tịch', [0, 20, 0, 0, 20, 0, 0, 0]);
    const out = await loadOverview(port, { today });
    const t = out.overview!.tthc!;
    expect(t).toMatchObject({ present: true, latestMonth: 5, periodMonths: [3, 5] });
    expect(t.latestRate).toBeCloseTo(23 / 24);
    expect(t.periodRate).toBeCloseTo(31 / 34);
    expect(t.lateFields).toEqual([
      { field: 'Đất đai', late: 3, pendingLate: 1, lateMonths: [3, 5], frequent: true, row },
    ]);
    expect(out.tthcCell!(row)).toBe(`B${row}`);
  });
});
