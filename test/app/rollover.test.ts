/**
 * "Chuyển sang năm mới" through the .xlsx adapter: the new workbook against an independent reading of the old
 * file (ExcelJS, the README's rule), against what `init` makes for the year, and the refusals.
 */
import ExcelJS from 'exceljs';
import { checkTracker, compileReport } from '../../src/app';
import {
  CARRY_OVER_STEPS,
  rolloverTracker,
  TTHC_CARRY_OVER,
  type CarryOverStep,
} from '../../src/app/rollover';
import { serialFromIso } from '../../src/domain/dates';
import { expandSchedule } from '../../src/domain/schedule';
import { normalizeKey } from '../../src/domain/text';
import { carriedFrom } from '../../src/domain/rollover';
import { readTracker } from '../../src/domain/tracker';
import type { Grid } from '../../src/domain/grid';
import { TTHC_FIELDS } from '../../src/domain/tthc';
import { SETTING_LABEL, SHEET } from '../../src/i18n/vi';
import { ROLLOVER } from '../../src/i18n/rollover';
import { readRegister } from '../../src/sheets/register';
import { settingRow } from '../../src/sheets/settingsSheet';
import type { RawSheet } from '../../src/workbook/port';
import { openXlsx, type XlsxWorkbook } from '../../src/workbook/xlsx/xlsxWorkbook';
import { MemoryPort } from '../support/memoryPort';
import { loadExcelJs } from '../support/userWorkbook';
import { buildOldTracker, planRow, type OldTracker } from '../support/oldTracker';
import { initNamed } from '../support/identity';

const today = '2026-11-29';
const now = new Date('2026-11-29T03:00:00Z');

/**
 * The rows that must carry over, read from the old file with ExcelJS and the README's rule, not the add-in's
 * reader: a row with a task (text, or an error value) whose Tình trạng hạn is not done (Hoàn thành with a
 * completion date not after today) or cannot be computed, that has a deadline, or has none but is not one of
 * the plan's continuous tasks.
 */
async function independentlyCarried(bytes: Uint8Array, to: number): Promise<number[]> {
  const ws = (await loadExcelJs(bytes)).getWorksheet(SHEET.tracker)!;
  const continuous = new Set(
    expandSchedule(to)
      .filter((t) => t.deadline === null)
      .map((t) => normalizeKey(t.task)),
  );
  const todaySerial = serialFromIso(today)!;
  const isError = (v: ExcelJS.CellValue): boolean => typeof v === 'object' && v !== null && 'error' in v;
  // ExcelJS gives a number formatted as a date as a Date: back to its serial.
  const serial = (v: ExcelJS.CellValue): ExcelJS.CellValue =>
    v instanceof Date ? (v.getTime() - Date.UTC(1899, 11, 30)) / 86_400_000 : v;
  const rows: number[] = [];
  for (let r = 2; r <= ws.rowCount; r++) {
    const at = (col: string): ExcelJS.CellValue => serial(ws.getCell(`${col}${r}`).value);
    const task = at('C');
    if (!isError(task) && (typeof task !== 'string' || task.trim() === '')) continue;
    const deadline = at('G');
    const status = at('H');
    const completed = at('I');
    const unreadableDate = (v: ExcelJS.CellValue): boolean =>
      v !== null && typeof v !== 'number' && !(typeof v === 'string' && v.trim() === '');
    if (isError(task) || isError(status) || unreadableDate(deadline) || unreadableDate(completed)) {
      rows.push(r);
      continue;
    }
    const done =
      typeof status === 'string' &&
      status.trim().toLowerCase() === 'hoàn thành' &&
      (completed === null || (completed as number) <= todaySerial);
    if (done) continue;
    if (deadline === null && continuous.has(normalizeKey(task as string))) continue;
    rows.push(r);
  }
  return rows;
}

async function rollover(
  old: OldTracker,
  opts: { to?: number; steps?: readonly CarryOverStep[] } = {},
): Promise<{ target: XlsxWorkbook; outcome: Awaited<ReturnType<typeof rolloverTracker>> }> {
  const target = await openXlsx(null);
  const outcome = await rolloverTracker(await openXlsx(old.bytes), target, {
    to: opts.to ?? old.year + 1,
    today,
    now,
    steps: opts.steps,
  });
  return { target, outcome };
}

async function sheets(book: XlsxWorkbook, ...names: string[]): Promise<Record<string, RawSheet>> {
  return (await book.read(names)).contents;
}

describe('Chuyển sang năm mới', () => {
  let old: OldTracker;
  let result: Awaited<ReturnType<typeof rollover>>;
  let fresh: Record<string, RawSheet>;

  beforeAll(async () => {
    old = await buildOldTracker();
    result = await rollover(old);
    const init = await openXlsx(null);
    await initNamed(init, { year: 2027, now });
    fresh = await sheets(init, SHEET.tracker, SHEET.settings, SHEET.lists);
  });

  it('carries exactly the old tracker’s rows that are not done, by an independent count', async () => {
    const expected = await independentlyCarried(old.bytes, 2027);
    expect(result.outcome.ok).toBe(true);
    expect(result.outcome.carried!.map((c) => c.row)).toEqual(expected);
    // The end of November: the Q4 meeting and survey, the June review (#N/A), the September review (a date
    // typed as text), November's and December's reviews, the year-end review, the camera, the year report, and
    // the user's overdue row and own continuous task.
    expect(expected).toHaveLength(11);
    // The camera and the other one-time task carried are not made again by the 2027 plan: 48 − 2 plan rows.
    expect(result.outcome.message).toBe(ROLLOVER.done(2027, 46, 11, 2026));
    expect(result.outcome.warnings).toContain(ROLLOVER.heldByCarried(2, 2026, 2027));
  });

  it('writes the plan’s rows of the new year as init makes them, less the tasks carried, then the carried rows', async () => {
    const tracker = (await sheets(result.target, SHEET.tracker))[SHEET.tracker];
    const planned = fresh[SHEET.tracker];
    // A one-time task of the plan not done in 2026 comes over as 2026's row, and appears once (issue 20, item 10).
    const carriedTexts = new Set(result.outcome.carried!.map((c) => c.task));
    const kept = planned.values.slice(1).filter((r) => !carriedTexts.has(String(r[2])));
    expect(kept).toHaveLength(46);
    expect(tracker.values[0]).toEqual(planned.values[0]);
    expect(tracker.values.slice(1, 47).map((r) => r.slice(1))).toEqual(kept.map((r) => r.slice(1)));
    expect(tracker.values.slice(1, 47).map((r) => r[0])).toEqual(kept.map((_, i) => i + 1));
    const tasks = tracker.values.slice(1).map((r) => String(r[2]));
    for (const t of carriedTexts) expect(tasks.filter((x) => x === t)).toHaveLength(1);
    expect(tracker.values).toHaveLength(47 + 11);
    expect(tracker.tables).toEqual([{ name: 'NhiemVu', range: 'A1:L58' }]);
    // Every row has the row formula of its own row.
    for (let r = 2; r <= 58; r++) expect(tracker.formulas[r - 1][11]).toContain(`C${r}`);
  });

  it('keeps a carried row’s cells as they were, numbers it anew and says where it came from', async () => {
    const tracker = (await sheets(result.target, SHEET.tracker))[SHEET.tracker];
    const source = (await sheets(await openXlsx(old.bytes), SHEET.tracker))[SHEET.tracker];
    result.outcome.carried!.forEach((c, i) => {
      const before = source.values[c.row - 1];
      const after = tracker.values[c.newRow - 1];
      expect(c.newRow).toBe(48 + i);
      expect(after[0]).toBe(47 + i);
      // Mục to Kết quả, as the cells held them: text stays text, dates stay serials, errors stay errors.
      expect(after.slice(1, 10)).toEqual(before.slice(1, 10));
      const note = before[10];
      expect(after[10]).toBe(
        `${typeof note === 'string' && note !== '' ? `${note}\n` : ''}Chuyển từ năm 2026 (dòng ${c.row})`,
      );
    });
    const camera = result.outcome.carried!.find((c) => c.row === planRow(2026, 'Khảo sát, lắp đặt'))!;
    expect(tracker.values[camera.newRow - 1][10]).toBe(
      `Chờ kinh phí\nChuyển từ năm 2026 (dòng ${camera.row})`,
    );
    expect(camera.state).toBe('overdue');
    const user = result.outcome.carried!.find((c) => c.task.startsWith('Số hóa sổ hộ tịch'))!;
    expect(tracker.values[user.newRow - 1][9]).toBe(120); // a number in Kết quả stays a number
  });

  it('carries rows with data errors as they are and lists them', async () => {
    const errors = result.outcome.carried!.filter((c) => c.dataError);
    expect(errors.map((c) => [c.row, c.state])).toEqual([
      [planRow(2026, 'Họp định kỳ rà soát', '2026-07-05'), 'dataError'],
      [planRow(2026, 'Họp định kỳ rà soát', '2026-10-05'), 'dataError'],
    ]);
    expect(result.outcome.warnings).toContain(ROLLOVER.dataErrorRows(errors));
    const tracker = (await sheets(result.target, SHEET.tracker))[SHEET.tracker];
    expect(tracker.values[errors[0].newRow - 1][7]).toEqual({ error: '#N/A' });
    expect(tracker.values[errors[1].newRow - 1][6]).toBe('5/10/2026');
    // The new tracker's check finds those two rows' errors and nothing else.
    const check = await checkTracker(result.target, { today });
    expect(check.result!.errors.map((e) => `${e.code}@${e.cell}`)).toEqual([
      `errorValue@H${errors[0].newRow}`,
      `dateAsText@G${errors[1].newRow}`,
    ]);
    expect(check.result!.warnings).toEqual([]);
  });

  it('names what it did not carry: a row without a task, the user’s own sheet and column', () => {
    expect(result.outcome.warnings).toEqual(
      expect.arrayContaining([
        ROLLOVER.notTasks([old.notATask]),
        ROLLOVER.userSheets(['Ghi chép riêng'], 2026),
        ROLLOVER.userColumns(['Người theo dõi'], 2026),
      ]),
    );
    // The old year's Tổng hợp and report are the add-in's: not named, not copied.
    expect(result.outcome.warnings!.join('\n')).not.toContain('Báo cáo 9 tháng');
  });

  it('copies Cài đặt with the year moved on, and Danh mục with the user’s additions', async () => {
    const got = await sheets(result.target, SHEET.settings, SHEET.lists, SHEET.register);
    const settings = got[SHEET.settings].values;
    expect(settings[settingRow('year') - 1][1]).toBe(2027);
    expect(settings[settingRow('signerName') - 1][1]).toBe('Nguyễn Văn Bình');
    expect(settings[settingRow('recipient') - 1][1]).toBe('Sở Nội vụ tỉnh An Giang');
    expect(settings.slice(settingRow('planDate'))).toEqual([
      ['Điện thoại văn phòng', '0296 3 123 456', null],
    ]);
    // Apart from what the user changed, the sheet is the one init writes.
    const planned = fresh[SHEET.settings].values;
    for (const key of ['unitName', 'place', 'warningDays', 'signer', 'periodMode'] as const)
      expect(settings[settingRow(key) - 1]).toEqual(planned[settingRow(key) - 1]);
    const lists = got[SHEET.lists].values;
    expect(lists.map((r) => r[0])).toContain('Hội Nông dân xã');
    expect(lists[0][6]).toBe('Ghi chú danh mục');
    expect(lists[1][6]).toBe('Bổ sung Hội Nông dân tháng 3');
    // Statuses, states, sections, signers and the TTHC fields as init writes them.
    expect(lists.map((r) => r.slice(1, 6))).toEqual(fresh[SHEET.lists].values.map((r) => r.slice(1, 6)));
    expect(readRegister(got[SHEET.register]).map((o) => [o.name, o.kind])).toEqual([
      [SHEET.lists, 'lists'],
      [SHEET.settings, 'settings'],
      [SHEET.tracker, 'tracker'],
      [SHEET.results, 'results'],
      [SHEET.tthc, 'tthc'],
    ]);
    // The tabs in init's order.
    const { sheets: all } = await result.target.read([]);
    expect(all.map((s) => s.name)).toEqual([
      SHEET.tracker,
      SHEET.results,
      SHEET.tthc,
      SHEET.lists,
      SHEET.settings,
      SHEET.register,
    ]);
  });

  it('moves the recipient with the year only where the user kept the default', async () => {
    const older = await buildOldTracker({ year: 2025, userContent: false, edits: [] });
    const moved = await rollover(older);
    const settings = (await sheets(moved.target, SHEET.settings))[SHEET.settings].values;
    expect(settings[settingRow('recipient') - 1][1]).toBe('Sở Nội vụ tỉnh An Giang');
    expect(moved.outcome.warnings).toContain(
      ROLLOVER.settingFollowed(SETTING_LABEL.recipient, 'Sở Nội vụ tỉnh An Giang', 2026),
    );
    const own = await openXlsx(older.bytes);
    await own.apply({
      write: [],
      updates: [
        { sheet: SHEET.settings, cell: `B${settingRow('recipient')}`, value: 'Phòng Nội vụ huyện Chợ Mới' },
      ],
    });
    const kept = await rollover({ ...older, bytes: await own.toBuffer() });
    const keptSettings = (await sheets(kept.target, SHEET.settings))[SHEET.settings].values;
    expect(keptSettings[settingRow('recipient') - 1][1]).toBe('Phòng Nội vụ huyện Chợ Mới');
  });

  it('counts the carried rows in the new year’s first report, overdue ones from 01/01', async () => {
    const book = await openXlsx(await result.target.toBuffer());
    const report = await compileReport(book, { asOf: '2027-01-06', period: { year: 2027, quarter: 1 }, now });
    expect(report.ok).toBe(true);
    const overdue = report.content!.overdue.map((o) => o.task.task);
    // Due in 2026 and not done: overdue in the report of the first quarter of 2027.
    expect(overdue).toContain(
      'Khảo sát, lắp đặt hệ thống camera giám sát hoạt động của Bộ phận Tiếp nhận và Trả kết quả cấp xã',
    );
    expect(overdue.some((t) => t.startsWith('Số hóa sổ hộ tịch'))).toBe(true);
    // December's review, due 05/01/2027, is overdue on 06/01 too; the year-end review (10/01) is due soon.
    expect(overdue.some((t) => t.endsWith('(tháng 12/2026)'))).toBe(true);
    const carried = result.outcome.carried!.length;
    // The plan's 46 of the quarter less the task of writing this report (3 tháng 2027), and the carried rows.
    expect(report.content!.totals.tasks).toBe(45 + carried);
  });

  it('leaves the old workbook’s year-end report working', async () => {
    const book = await openXlsx(old.bytes);
    const report = await compileReport(book, { asOf: '2027-01-08', now });
    expect(report).toMatchObject({ ok: true, sheet: 'Báo cáo năm 2026' });
  });
});

describe('the carry-over steps (Hồ sơ TTHC plugs in here)', () => {
  it('are Hồ sơ TTHC’s', () => {
    expect(CARRY_OVER_STEPS).toEqual([TTHC_CARRY_OVER]);
  });

  it('give a step the old sheets it reads, write what it returns, and do not name those sheets as the user’s', async () => {
    const old = await buildOldTracker({ userContent: false, edits: [] });
    const withSheet = await openXlsx(old.bytes);
    await withSheet.apply({
      write: [
        {
          name: 'Sổ tiếp dân',
          kind: 'report',
          cells: [
            ['Lĩnh vực', 'Tồn'],
            ['Hộ tịch', 3],
          ],
        },
      ],
    });
    const seen: { sheets: string[]; from: number; to: number }[] = [];
    const step: CarryOverStep = {
      reads: ['Sổ tiếp dân', 'Không có'],
      carry: (input) => {
        seen.push({ sheets: Object.keys(input.sheets), from: input.from, to: input.to });
        const pending = input.sheets['Sổ tiếp dân'].values[1][1] as number;
        return {
          write: [
            {
              name: 'Sổ tiếp dân',
              kind: 'report',
              cells: [
                ['Lĩnh vực', 'Kỳ trước chuyển qua'],
                ['Hộ tịch', pending],
              ],
            },
          ],
          notes: ['Sổ tiếp dân: năm mới bắt đầu với số tồn tháng 12.'],
        };
      },
    };
    const { target, outcome } = await rollover(
      { ...old, bytes: await withSheet.toBuffer() },
      { steps: [step] },
    );
    expect(seen).toEqual([{ sheets: ['Sổ tiếp dân'], from: 2026, to: 2027 }]);
    expect(outcome.warnings?.filter((w) => !w.includes('không tạo dòng mới'))).toEqual([
      'Sổ tiếp dân: năm mới bắt đầu với số tồn tháng 12.',
    ]);
    const got = await sheets(target, 'Sổ tiếp dân', SHEET.register);
    expect(got['Sổ tiếp dân'].values[1]).toEqual(['Hộ tịch', 3]);
    expect(readRegister(got[SHEET.register]).map((o) => o.name)).toContain('Sổ tiếp dân');
    expect((await target.read([])).sheets.map((s) => s.name)).toEqual([
      SHEET.tracker,
      SHEET.results,
      'Sổ tiếp dân',
      SHEET.lists,
      SHEET.settings,
      SHEET.register,
    ]);
  });

  it('do not run where the old workbook has none of their sheets', async () => {
    const old = await buildOldTracker({ userContent: false, edits: [] });
    const carry = jest.fn();
    const { outcome } = await rollover(old, { steps: [{ reads: ['Sổ tiếp dân'], carry }] });
    expect(outcome.ok).toBe(true);
    expect(carry).not.toHaveBeenCalled();
  });
});

/** A row of init's Hồ sơ TTHC: month m, the i-th field of Danh mục (12 fields a month, from row 2). */
const tthcRow = (month: number, field: number): number => 2 + (month - 1) * TTHC_FIELDS.length + field;

/** Types counts (C carried over … K pending late, as init's columns) into rows of the old Hồ sơ TTHC. */
async function withTthc(
  old: OldTracker,
  rows: { row: number; counts: Partial<Record<'C' | 'D' | 'E' | 'G' | 'H' | 'I' | 'J' | 'K', unknown>> }[],
  extra: { cell: string; value: string | number }[] = [],
): Promise<OldTracker> {
  const book = await openXlsx(old.bytes);
  await book.apply({
    write: [],
    updates: [
      ...rows.flatMap(({ row, counts }) =>
        Object.entries(counts).map(([col, value]) => ({
          sheet: SHEET.tthc,
          cell: `${col}${row}`,
          value: value as string | number,
        })),
      ),
      ...extra.map((e) => ({ sheet: SHEET.tthc, ...e })),
    ],
  });
  return { ...old, bytes: await book.toBuffer() };
}

describe('Hồ sơ TTHC into the new year', () => {
  const HO_TICH = 0;
  const DAT_DAI = 2;
  let base: OldTracker;
  beforeAll(async () => {
    base = await buildOldTracker({ userContent: false, edits: [] });
  });

  it('starts January with December’s pending dossiers of each field, and the rest of the year empty', async () => {
    const old = await withTthc(base, [
      // November: pending that December then carries on (not January's: December is the last month).
      { row: tthcRow(11, HO_TICH), counts: { D: 7, H: 5, J: 2 } },
      { row: tthcRow(12, HO_TICH), counts: { C: 2, D: 5, E: 3, G: 1, H: 4, I: 1, J: 3, K: 1 } },
      { row: tthcRow(12, DAT_DAI), counts: { D: 4, H: 2, J: 2 } },
      // A field with dossiers in December but none pending: nothing to carry.
      { row: tthcRow(12, 1), counts: { D: 3, H: 3 } },
    ]);
    const { target, outcome } = await rollover(old);
    expect(outcome.ok).toBe(true);
    expect(outcome.warnings).toContain(
      ROLLOVER.tthcCarried(
        [
          { field: 'Hộ tịch', count: 4 },
          { field: 'Đất đai', count: 2 },
        ],
        2026,
        2027,
      ),
    );
    const grid = (await sheets(target, SHEET.tthc))[SHEET.tthc].values;
    const fresh = await openXlsx(null);
    await initNamed(fresh, { year: 2027, now });
    const init = (await sheets(fresh, SHEET.tthc))[SHEET.tthc].values;
    // Init's sheet for 2027, January's "Kỳ trước chuyển qua" of Hộ tịch (4) and Đất đai (2) aside.
    const expected = init.map((r) => [...r]);
    expected[tthcRow(1, HO_TICH) - 1][2] = 4;
    expected[tthcRow(1, DAT_DAI) - 1][2] = 2;
    expect(grid).toEqual(expected);
    // The new year reads it as January's carry-over, and no check complains.
    const book = await openXlsx(await target.toBuffer());
    const check = await checkTracker(book, { today: '2027-01-06' });
    expect(check.result!.errors).toEqual([]);
    // A month where only the carry-over is typed is not yet reported: the report states no figure of it.
    const early = await compileReport(book, { asOf: '2027-04-05', period: { year: 2027, quarter: 1 }, now });
    expect(early.content!.tthc.figures.months).toEqual([]);
    // Once January is typed (each field's carried dossiers resolved on time), it starts from December's pending.
    await book.apply({
      write: [],
      updates: [
        { sheet: SHEET.tthc, cell: `H${tthcRow(1, HO_TICH)}`, value: 4 },
        { sheet: SHEET.tthc, cell: `H${tthcRow(1, DAT_DAI)}`, value: 2 },
      ],
    });
    const report = await compileReport(book, { asOf: '2027-04-05', period: { year: 2027, quarter: 1 }, now });
    expect(report.content!.tthc.figures.totals.carriedOver).toBe(6);
    expect(report.content!.tthc.figures.totals.received).toBe(6);
  });

  it('leaves January blank where December has no figures yet, and says to type it', async () => {
    const old = await withTthc(base, [{ row: tthcRow(11, HO_TICH), counts: { D: 7, H: 5, J: 2 } }]);
    const { target, outcome } = await rollover(old);
    expect(outcome.warnings).toContain(ROLLOVER.tthcDecemberMissing(2026, 2027));
    const grid = (await sheets(target, SHEET.tthc))[SHEET.tthc].values;
    expect(grid.slice(1).every((r) => r[2] === null)).toBe(true);
  });

  it('keeps a field typed in December but not listed, and names December’s rows it could not read', async () => {
    const old = await withTthc(
      base,
      [
        { row: tthcRow(12, HO_TICH), counts: { D: 2, H: 1, J: 1 } },
        { row: tthcRow(12, DAT_DAI), counts: { D: 'năm', J: 3 } },
        { row: 2 + 12 * TTHC_FIELDS.length, counts: { D: 4, J: 4 } },
      ],
      [
        { cell: `A${2 + 12 * TTHC_FIELDS.length}`, value: 12 },
        { cell: `B${2 + 12 * TTHC_FIELDS.length}`, value: 'Xây dựng' },
      ],
    );
    const { target, outcome } = await rollover(old);
    expect(outcome.warnings).toEqual(
      expect.arrayContaining([
        ROLLOVER.tthcUnlistedFields(['Xây dựng']),
        ROLLOVER.tthcDecemberErrors([tthcRow(12, DAT_DAI)], 2026),
      ]),
    );
    const grid = (await sheets(target, SHEET.tthc))[SHEET.tthc].values;
    const january = grid.filter((r) => r[0] === 1);
    expect(january.map((r) => r[1])).toEqual([...TTHC_FIELDS, 'Xây dựng']);
    expect(january.filter((r) => r[2] !== null).map((r) => [r[1], r[2]])).toEqual([
      ['Hộ tịch', 1],
      ['Xây dựng', 4],
    ]);
  });

  it('gives a tracker made before Hồ sơ TTHC none, as the old file had none', async () => {
    const port = new MemoryPort();
    await initNamed(port, { year: 2026, now });
    port.sheets = port.sheets.filter((sheet) => sheet.name !== SHEET.tthc);
    const target = await openXlsx(null);
    const outcome = await rolloverTracker(port, target, { today, now });
    expect(outcome.ok).toBe(true);
    expect((await target.read([])).sheets.map((sheet) => sheet.name)).not.toContain(SHEET.tthc);
    expect(outcome.warnings!.join('\n')).not.toContain(SHEET.tthc);
  });
});

describe('refusals', () => {
  let old: OldTracker;
  beforeAll(async () => {
    old = await buildOldTracker({ userContent: false, edits: [] });
  });

  it('refuses any year but the next, as a bad request, writing nothing', async () => {
    for (const to of [2026, 2028, 2025]) {
      const { target, outcome } = await rollover(old, { to });
      expect(outcome).toMatchObject({
        ok: false,
        reason: 'badRequest',
        message: ROLLOVER.wrongYear(to, 2026),
      });
      expect((await target.read([])).sheets).toEqual([]);
    }
  });

  it('refuses a tracker whose check has structural errors, with the check’s message', async () => {
    const broken = await openXlsx(old.bytes);
    await broken.apply({ write: [], updates: [{ sheet: SHEET.tracker, cell: 'H1', value: 'Tiến độ' }] });
    const { target, outcome } = await rollover({ ...old, bytes: await broken.toBuffer() });
    expect(outcome.ok).toBe(false);
    expect(outcome.message).toMatch(/^Không chuyển được sang năm mới: Thiếu cột "Trạng thái"/);
    expect(outcome).toMatchObject({ sheet: SHEET.tracker, cell: 'A1' });
    expect((await target.read([])).sheets).toEqual([]);
  });

  it('refuses a workbook whose tracker year cannot be known', async () => {
    const noYear = await openXlsx(old.bytes);
    await noYear.apply({
      write: [],
      updates: [
        { sheet: SHEET.settings, cell: `B${settingRow('year')}`, value: 'năm nay', numberFormat: '@' },
      ],
    });
    const { outcome } = await rollover({ ...old, bytes: await noYear.toBuffer() });
    expect(outcome).toMatchObject({ ok: false, message: ROLLOVER.yearUnknown() });
  });

  it('says what to do where there is no tracker', async () => {
    const outcome = await rolloverTracker(new MemoryPort(), new MemoryPort(), { to: 2027, today });
    expect(outcome).toMatchObject({ ok: false, reason: 'trackerMissing' });
  });

  it('never writes into a workbook that has one of the sheets already', async () => {
    const target = new MemoryPort();
    target.addUserSheet(SHEET.settings, [['của tôi']]);
    const outcome = await rolloverTracker(await openXlsx(old.bytes), target, { to: 2027, today });
    expect(outcome).toMatchObject({ ok: false, message: ROLLOVER.targetTaken(SHEET.settings) });
    expect(target.applies).toBe(0);
  });

  it('copies a formula’s value, and says so', async () => {
    const source = new MemoryPort();
    await initNamed(source, { year: 2026, now });
    const row = planRow(2026, 'Khảo sát, lắp đặt');
    source.sheet(SHEET.tracker)!.formulas[row - 1][6] = '=DATE(2026,6,30)';
    const target = new MemoryPort();
    const outcome = await rolloverTracker(source, target, { to: 2027, today });
    expect(outcome.warnings).toContain(ROLLOVER.formulaValues([`G${row}`]));
  });
});

describe('rollover details (issue 20, item 10)', () => {
  it('refuses a tracker of a year not begun (a 2027 file rolled over during 2026), writing nothing', async () => {
    const source = new MemoryPort();
    await initNamed(source, { year: 2027, now });
    const target = new MemoryPort();
    const outcome = await rolloverTracker(source, target, { today: '2026-11-29', now });
    expect(outcome).toMatchObject({ ok: false, message: ROLLOVER.sourceInFuture(2027, 2026) });
    expect(target.sheets).toEqual([]);
  });

  it('marks every carried row with the year it came from, which carriedFrom reads back from its Ghi chú', async () => {
    const old = await buildOldTracker();
    const { target, outcome } = await rollover(old);
    const read = readTracker((await sheets(target, SHEET.tracker))[SHEET.tracker] as Grid);
    const marked = read.tasks.filter((t) => carriedFrom(t.note) === 2026).map((t) => t.row);
    expect(marked).toEqual(outcome.carried!.map((c) => c.newRow));
    expect(read.tasks.filter((t) => carriedFrom(t.note) === null)).toHaveLength(outcome.planRows!);
    expect(carriedFrom('Chờ kinh phí\nChuyển từ năm 2025 (dòng 3)\nChuyển từ năm 2026 (dòng 50)')).toBe(2026);
    expect(carriedFrom('Chuyển từ năm nay sang tháng sau')).toBeNull();
  });

  it('announces the fields whose January carry-over is left blank for want of December’s figures', async () => {
    const old = await buildOldTracker();
    const book = await openXlsx(old.bytes);
    const tthc = (await book.read([SHEET.tthc])).contents[SHEET.tthc]!;
    const row = (month: number, field: string) =>
      tthc.values.findIndex((r) => r[0] === month && r[1] === field) + 1;
    // November's figures for two fields, December's for one only.
    await book.apply({
      write: [],
      updates: [
        { sheet: SHEET.tthc, cell: `D${row(11, TTHC_FIELDS[0])}`, value: 4 },
        { sheet: SHEET.tthc, cell: `G${row(11, TTHC_FIELDS[0])}`, value: 4 },
        { sheet: SHEET.tthc, cell: `D${row(11, TTHC_FIELDS[1])}`, value: 2 },
        { sheet: SHEET.tthc, cell: `G${row(11, TTHC_FIELDS[1])}`, value: 2 },
        { sheet: SHEET.tthc, cell: `D${row(12, TTHC_FIELDS[0])}`, value: 3 },
        { sheet: SHEET.tthc, cell: `G${row(12, TTHC_FIELDS[0])}`, value: 3 },
      ],
    });
    const { outcome } = await rollover({ ...old, bytes: await book.toBuffer() });
    expect(outcome.warnings).toContain(ROLLOVER.tthcDecemberGap([TTHC_FIELDS[1]], 2026, 2027));
  });
});
