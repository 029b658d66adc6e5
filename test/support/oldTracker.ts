/**
 * The tracker of a year as a commune office has it at the end of November, for the tests of the new year's
 * rollover: made by the add-in (`initTracker`, with three rows the user added inside the table), written in by
 * hand as a user writes (plain cell updates), with a report compiled in September, a sheet and a column of
 * the user's own, an addition to Danh mục, own settings, and an error value typed into a cell (patched into
 * the file's XML, as the workbook port writes no error values into cells).
 */
import { ERROR_MARK, withErrorCells } from './errorCells';
import { compileReport } from '../../src/app';
import { serialFromIso, type IsoDate } from '../../src/domain/dates';
import { expandSchedule } from '../../src/domain/schedule';
import { settingRow } from '../../src/sheets/settingsSheet';
import { seedsFromPlan, trackerColumn, type TrackerSeed } from '../../src/sheets/trackerSheet';
import { SHEET, STATUS_LABEL } from '../../src/i18n/vi';
import type { ColumnKey } from '../../src/domain/tracker';
import type { CellUpdate } from '../../src/workbook/port';
import { openXlsx } from '../../src/workbook/xlsx/xlsxWorkbook';
import { initNamed } from './identity';

/** A cell as a person typed it: text, a number, or an error value. */
type Typed = string | number | { error: string } | null;

export interface OldTrackerEdit {
  /** Sheet row (1-based). */
  row: number;
  key: ColumnKey;
  value: Typed;
}

/** The rows the user added to the plan's, inside the table (so they have the row formula, as Excel fills it). */
export function userRows(year: number): TrackerSeed[] {
  const n = expandSchedule(year).length;
  return [
    {
      stt: n + 1,
      section: 'II.7',
      task: `Số hóa sổ hộ tịch các năm ${year - 6}–${year - 1}`,
      lead: 'Công chức Tư pháp – Hộ tịch',
      coordinators: 'Bộ phận một cửa',
      timeline: 'Tháng 10',
      deadline: `${year}-10-15`,
      note: '',
    },
    {
      stt: n + 2,
      section: 'II.2',
      task: 'Tuyên truyền CCHC trên loa phát thanh hằng tuần',
      lead: 'Phụ trách Đài truyền thanh – Nhà văn hóa',
      coordinators: '',
      timeline: 'Thường xuyên',
      deadline: null,
      note: '',
    },
    {
      stt: n + 3,
      section: 'II.9',
      task: 'Sửa chữa mái che Bộ phận một cửa',
      lead: 'Công chức Tài chính – Kế toán',
      coordinators: '',
      timeline: 'Quý III',
      deadline: `${year}-09-30`,
      note: '',
    },
  ];
}

/** Row of the plan's task whose text starts with `start` and (for a recurring one) falls due on `due`. */
export function planRow(year: number, start: string, due?: IsoDate): number {
  const i = expandSchedule(year).findIndex(
    (t) => t.task.startsWith(start) && (due === undefined || t.deadline === due),
  );
  if (i < 0) throw new Error(`no plan task ${start} ${due ?? ''}`);
  return i + 2;
}

/**
 * The end of November's progress: everything due by 05/11 done on time, except the camera (overdue), the
 * October review (done late), the September review typed as text ("5/10/…" in its deadline: Lỗi dữ liệu) and
 * the June review, whose Trạng thái holds #N/A; the user's own rows: one overdue with a number in its result,
 * one continuous, one done.
 */
export function endOfNovember(year: number): OldTrackerEdit[] {
  const y = String(year);
  const edits: OldTrackerEdit[] = [];
  const done = (row: number, on: IsoDate, evidence: string): void => {
    edits.push(
      { row, key: 'status', value: STATUS_LABEL.done },
      { row, key: 'completedOn', value: serialFromIso(on) },
      { row, key: 'evidence', value: evidence },
    );
  };
  const camera = planRow(year, 'Khảo sát, lắp đặt hệ thống camera');
  const octoberReview = planRow(year, 'Họp định kỳ rà soát', `${y}-11-05`);
  const septemberReview = planRow(year, 'Họp định kỳ rà soát', `${y}-10-05`);
  const juneReview = planRow(year, 'Họp định kỳ rà soát', `${y}-07-05`);
  const skip = new Set([camera, octoberReview, septemberReview, juneReview]);
  expandSchedule(year).forEach((t, i) => {
    const row = i + 2;
    if (t.deadline === null || t.deadline > `${y}-11-05` || skip.has(row)) return;
    const day = Number(t.deadline.slice(8, 10));
    done(
      row,
      `${t.deadline.slice(0, 8)}${String(Math.max(1, day - 2)).padStart(2, '0')}`,
      `Văn bản số ${row}/UBND`,
    );
  });
  done(octoberReview, `${y}-11-12`, 'Biên bản họp ngày 12/11');
  edits.push(
    { row: camera, key: 'status', value: STATUS_LABEL.inProgress },
    { row: camera, key: 'note', value: 'Chờ kinh phí' },
    { row: septemberReview, key: 'deadline', value: `5/10/${y}` },
    { row: juneReview, key: 'status', value: { error: '#N/A' } },
    { row: planRow(year, 'Thông tin, tuyên truyền CCHC'), key: 'note', value: 'Đã tuyên truyền 12 buổi' },
  );
  const n = expandSchedule(year).length;
  edits.push(
    { row: n + 2, key: 'status', value: STATUS_LABEL.inProgress },
    { row: n + 2, key: 'evidence', value: 120 },
    { row: n + 3, key: 'status', value: STATUS_LABEL.inProgress },
  );
  done(n + 4, `${y}-09-20`, 'Biên bản nghiệm thu');
  return edits;
}

export interface OldTracker {
  bytes: Uint8Array;
  year: number;
  /** Rows of the plan and the user's rows (sheet rows 2…). */
  rows: number;
  /** Sheet row of the row below the table with a deadline but no Nội dung. */
  notATask: number;
}

const DATE_KEYS: readonly ColumnKey[] = ['deadline', 'completedOn'];

function update(sheet: string, cell: string, v: Typed, date: boolean): CellUpdate {
  if (v !== null && typeof v === 'object')
    return { sheet, cell, value: `${ERROR_MARK}${v.error}`, numberFormat: '@' };
  if (typeof v === 'string') return { sheet, cell, value: v, numberFormat: '@' };
  return { sheet, cell, value: v, numberFormat: date && typeof v === 'number' ? 'dd/mm/yyyy' : undefined };
}

export interface OldTrackerOptions {
  year?: number;
  edits?: OldTrackerEdit[];
  /** Written in the old workbook as the user's: a sheet, a tracker column, a Danh mục entry and column, settings. */
  userContent?: boolean;
}

export async function buildOldTracker(opts: OldTrackerOptions = {}): Promise<OldTracker> {
  const year = opts.year ?? 2026;
  const edits = opts.edits ?? endOfNovember(year);
  const book = await openXlsx(null);
  const seeds = [...seedsFromPlan(expandSchedule(year)), ...userRows(year)];
  await initNamed(book, { year, seeds, now: new Date(Date.UTC(year, 0, 5)) });
  const updates: CellUpdate[] = edits.map((e) =>
    update(SHEET.tracker, `${trackerColumn(e.key)}${e.row}`, e.value, DATE_KEYS.includes(e.key)),
  );
  const notATask = seeds.length + 3;
  if (opts.userContent !== false) {
    updates.push(
      // A row below the table with a deadline and nothing else: no task.
      {
        sheet: SHEET.tracker,
        cell: `G${notATask}`,
        value: serialFromIso(`${year}-12-20`),
        numberFormat: 'dd/mm/yyyy',
      },
      // A column of the user's own, beside the table.
      { sheet: SHEET.tracker, cell: 'M1', value: 'Người theo dõi', numberFormat: '@' },
      { sheet: SHEET.tracker, cell: 'M5', value: 'Anh Tâm', numberFormat: '@' },
      // Danh mục: a body added at the end of the list, a column of notes.
      { sheet: SHEET.lists, cell: 'A11', value: 'Hội Nông dân xã', numberFormat: '@' },
      // G: the first column after the add-in's (F is the TTHC fields' list).
      { sheet: SHEET.lists, cell: 'G1', value: 'Ghi chú danh mục', numberFormat: '@' },
      { sheet: SHEET.lists, cell: 'G2', value: 'Bổ sung Hội Nông dân tháng 3', numberFormat: '@' },
      // Cài đặt: a signer of their own, more warning days typed as text, a note of their own below.
      {
        sheet: SHEET.settings,
        cell: `B${settingRow('signerName')}`,
        value: 'Nguyễn Văn Bình',
        numberFormat: '@',
      },
      { sheet: SHEET.settings, cell: 'A15', value: 'Điện thoại văn phòng', numberFormat: '@' },
      { sheet: SHEET.settings, cell: 'B15', value: '0296 3 123 456', numberFormat: '@' },
    );
  }
  await book.apply({ write: [], updates });
  if (opts.userContent !== false) {
    await compileReport(book, { asOf: `${year}-09-04`, now: new Date(Date.UTC(year, 8, 4)) });
    await book.apply({
      write: [
        { name: 'Ghi chép riêng', kind: 'report', cells: [['Lịch trực tháng 12'], ['Anh Tâm: 01–15']] },
      ],
    });
  }
  const bytes = await withErrorCells(await book.toBuffer());
  return { bytes, year, rows: seeds.length, notATask };
}
