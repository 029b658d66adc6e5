/**
 * "Hồ sơ TTHC": the one-stop shop's monthly counts of administrative-procedure dossiers (plan II.3), one row
 * per month and field (lĩnh vực), as the national statistics on TTHC handling count them: received = carried
 * over + online + in person or by post; of those, resolved early, on time or late, and still pending within
 * time or overdue.
 *
 * The API, for the check, the report, the pane and other callers (consolidation across communes, the year
 * rollover):
 * - readTthc(grid) → the rows, each as the sheet's own formulas read it (sheetRules: readCountCell,
 *   readMonthCell, readFieldCell), and the problems of single cells;
 * - checkTthc(read, ctx) → the rules between rows (balance, carry-over, duplicates, reasons, the monthly
 *   review tasks of Nhiệm vụ);
 * - tthcFieldsOf(rows, listed) → the fields Tổng hợp and the report give a row, in order;
 * - tthcFigures(rows, window, fields) → a run of months' figures by field and in total: carried over is the
 *   first month's, the flows are sums, pending is the last month's ("first" and "last" among the months of the
 *   window that have figures), the on-time rate, and the fields often late;
 * - tthcReportMonths(period) → the months a report covers (Q2: 1–6).
 *
 * One rule, every view: a row is counted only where its Tổng số hồ sơ formula shows a number (every cell of it
 * readable); a row it shows "Lỗi dữ liệu" on counts nowhere; a row with no counts typed is no figures. Tổng
 * hợp's TTHC blocks (src/sheets/summarySheet.ts) compute the same figures with SUMIFS, and test/interop holds
 * them equal in LibreOffice.
 */
import {
  DEFAULT_TTHC_FIELDS,
  OTHER_GROUP,
  PERIOD_TEXT,
  PROBLEM,
  SHEET,
  TTHC_HEADERS,
  type TthcFigureKey,
  type TthcWords,
} from '../i18n/vi';
import { toA1 } from './a1';
import { findHeaderRow, headerColumns, headerSet } from './headerRow';
import { cellAt, cellText, isBlank, isErrorCell, type Grid, type GridCell } from './grid';
import type { ReportPeriod } from './periods';
import { MONTHLY_TTHC_REVIEW } from './plan';
import type { Problem } from './problems';
import { countifsKey, groupBy, OTHER_KEY, uniqueKeys } from './rollup';
import { excelTrim, MAX_COUNT, readCountCell, readFieldCell, readMonthCell } from './sheetRules';
import { cleanText, normalizeKey } from './text';
import type { Task } from './tracker';
import { spellingMessage } from './statusSpelling';

/** The counts a person types: every figure but Tổng số hồ sơ, a formula. */
export type TthcCountKey = Exclude<TthcFigureKey, 'received'>;

export type TthcColumnKey = keyof typeof TTHC_HEADERS;

/** Column order of a new sheet: the headers, in order. */
export const TTHC_COLUMN_KEYS: readonly TthcColumnKey[] = [
  'month',
  'field',
  'carriedOver',
  'online',
  'offline',
  'received',
  'early',
  'onTime',
  'late',
  'pendingOnTime',
  'pendingLate',
  'rate',
  'lateReason',
];

/**
 * Without these the sheet cannot be read. Tổng số hồ sơ is required because Tổng hợp counts a row by it; Tỷ lệ
 * đúng hạn is only shown.
 */
const TTHC_REQUIRED_COLUMNS: readonly TthcColumnKey[] = TTHC_COLUMN_KEYS.filter((k) => k !== 'rate');

/** The fields a commune's one-stop shop typically handles: the Danh mục list's defaults (offices edit it). */
export const TTHC_FIELDS: readonly string[] = DEFAULT_TTHC_FIELDS;

/**
 * A period's (or a month's) figures: what `cchc report --json` calls T, one number per figure column of the
 * sheet (received = carriedOver + online + offline). The report's words take the same record (i18n's TthcWords,
 * both over i18n's TthcFigureKey).
 */
export type TthcFigures = TthcWords;

/** The figures of a period, in the sheet's column order: the counts and Tổng số hồ sơ. */
export const TTHC_FIGURE_KEYS: readonly (keyof TthcFigures)[] = TTHC_COLUMN_KEYS.filter(
  (k): k is keyof TthcFigures => k !== 'month' && k !== 'field' && k !== 'rate' && k !== 'lateReason',
);

/** The counts a person types, in the sheet's column order (Tổng số hồ sơ is a formula). */
export const TTHC_COUNT_KEYS: readonly TthcCountKey[] = TTHC_FIGURE_KEYS.filter(
  (k): k is TthcCountKey => k !== 'received',
);

export function emptyFigures(): TthcFigures {
  return {
    carriedOver: 0,
    online: 0,
    offline: 0,
    received: 0,
    early: 0,
    onTime: 0,
    late: 0,
    pendingOnTime: 0,
    pendingLate: 0,
  };
}

/** Resolved dossiers: early + on time + late. */
export function resolvedOf(f: Pick<TthcFigures, 'early' | 'onTime' | 'late'>): number {
  return f.early + f.onTime + f.late;
}

/**
 * "Tỷ lệ đúng hạn": dossiers resolved early or on time over those resolved; null when none was resolved (the
 * sheet shows a blank cell).
 */
export function onTimeRate(f: Pick<TthcFigures, 'early' | 'onTime' | 'late'>): number | null {
  const resolved = resolvedOf(f);
  return resolved === 0 ? null : (f.early + f.onTime) / resolved;
}

/** One row of the sheet, as its formulas read it. */
export interface TthcRow {
  /** Sheet row, 1-based. */
  row: number;
  /** A whole number 1–12, else null (blank or unreadable). */
  month: number | null;
  /**
   * The month a person meant where `month` is null because it is stored as text ("4"): the row is "Lỗi dữ liệu",
   * but it is there, and the check must not ask for it to be added.
   */
  monthAsText?: number;
  /** The field as stored (Tổng hợp's criteria match it as COUNTIFS does); null when blank or not text. */
  field: string | null;
  /** Each count as read; an unreadable one is 0 here (the row is then not counted at all). */
  counts: Record<TthcCountKey, number>;
  /** Nguyên nhân quá hạn, biện pháp khắc phục, cleaned. */
  reason: string;
  /**
   * What the row's Tổng số hồ sơ formula shows: 'empty' (no count typed: blank), 'counted' (a number: the row
   * counts everywhere), 'dataError' ("Lỗi dữ liệu": the row counts nowhere).
   */
  state: 'empty' | 'counted' | 'dataError';
  /** Cells the formula cannot read. */
  unreadable: TthcColumnKey[];
  /**
   * A count other than Kỳ trước chuyển qua is typed: the month has been reported. A row holding only what the
   * month before left pending (a new year's January, as `cchc rollover` writes it) is not checked for balance.
   */
  flows: boolean;
}

export interface TthcRead {
  /** The workbook has the sheet. */
  present: boolean;
  /** Its header row was found with every required column: the figures can be read. */
  readable: boolean;
  /** Header row, 0-based; -1 when none was found. */
  headerRow: number;
  /** Column index (0-based) of each column found. */
  columns: Partial<Record<TthcColumnKey, number>>;
  /** Every row below the header that holds anything, in sheet order. */
  rows: TthcRow[];
  /** Problems of single cells and of the sheet's structure (rows with no count typed are not checked). */
  problems: Problem[];
}

const TTHC_HEADER_SET = headerSet(TTHC_HEADERS, TTHC_COLUMN_KEYS);

/** "12" → 12: a count stored as text whose meaning is certain (digits only, in range), for the one-click fix. */
function digitsOnly(text: string): number | null {
  const t = text.trim();
  if (!/^\d{1,7}$/.test(t)) return null;
  const n = Number(t);
  return n <= MAX_COUNT ? n : null;
}

/**
 * A dossier count stored as text whose meaning is certain: digits ("21", " 21", "21" + a no-break space), or
 * digits in Vietnamese thousands groups ("1.705", as the report writes numbers). "3,5" or "1,705" is not: a
 * comma is the decimal sign in Vietnamese.
 */
function countFromText(text: string): number | null {
  const t = text.trim();
  if (/^\d{1,3}(?:\.\d{3})+$/.test(t)) {
    const n = Number(t.replace(/\./g, ''));
    return n <= MAX_COUNT ? n : null;
  }
  return digitsOnly(t);
}

/** Reads "Hồ sơ TTHC" (undefined: the workbook has no such sheet). */
export function readTthc(grid: Grid | undefined, year?: number): TthcRead {
  const absent: TthcRead = {
    present: false,
    readable: false,
    headerRow: -1,
    columns: {},
    rows: [],
    problems: [],
  };
  if (!grid) return absent;
  const sheet = grid.name;
  const problems: Problem[] = [];
  const headerRow = findHeaderRow(grid, TTHC_HEADER_SET);
  if (headerRow < 0) {
    problems.push({
      severity: 'error',
      code: 'tthcHeaderNotFound',
      sheet,
      cell: 'A1',
      message: PROBLEM.tthcHeaderNotFound(sheet),
    });
    return { ...absent, present: true, problems };
  }
  const columns = headerColumns(grid, headerRow, TTHC_HEADER_SET, problems);
  const headerCell = toA1(headerRow, 0);
  const missing = TTHC_REQUIRED_COLUMNS.filter((k) => columns[k] === undefined);
  for (const k of missing)
    problems.push({
      severity: 'error',
      code: 'tthcMissingColumn',
      sheet,
      cell: headerCell,
      message: PROBLEM.tthcMissingColumn(sheet, headerCell, TTHC_HEADERS[k]),
    });
  if (missing.length > 0) return { present: true, readable: false, headerRow, columns, rows: [], problems };

  const rows: TthcRow[] = [];
  const shownYear = year ?? new Date().getFullYear();
  for (let r = headerRow + 1; r < grid.values.length; r++) {
    const cells = tthcRowCells(grid, r, columns);
    const row = readTthcRow(cells, r);
    if (!row) continue; // nothing typed at all
    rows.push(row);
    // A row with no figures (a month and field written ahead) is not checked.
    if (row.state !== 'empty') tthcCellProblems(cells, row, sheet, shownYear, problems);
  }
  return { present: true, readable: true, headerRow, columns, rows, problems };
}

/** One row's cells of "Hồ sơ TTHC" by column, and their addresses. */
interface TthcRowCells {
  get: (k: TthcColumnKey) => GridCell;
  addr: (k: TthcColumnKey) => string;
}

function tthcRowCells(grid: Grid, r: number, columns: Partial<Record<TthcColumnKey, number>>): TthcRowCells {
  return {
    get: (k) => {
      const c = columns[k];
      return c === undefined ? null : cellAt(grid, r, c);
    },
    addr: (k) => toA1(r, columns[k] as number),
  };
}

/** Sheet row `r` (0-based) as its formulas read it; null when nothing at all is typed in it. */
function readTthcRow({ get }: TthcRowCells, r: number): TthcRow | null {
  const inputs: TthcColumnKey[] = ['month', 'field', ...TTHC_COUNT_KEYS, 'lateReason'];
  if (inputs.every((k) => readCountCell(get(k)).kind === 'blank')) return null;
  const counts = {} as Record<TthcCountKey, number>;
  const unreadable: TthcColumnKey[] = [];
  let typed = false;
  let flows = false;
  for (const k of TTHC_COUNT_KEYS) {
    const read = readCountCell(get(k));
    counts[k] = read.kind === 'count' ? read.value : 0;
    if (read.kind !== 'blank') typed = true;
    if (read.kind !== 'blank' && k !== 'carriedOver') flows = true;
    if (read.kind === 'unreadable') unreadable.push(k);
  }
  const month = readMonthCell(get('month'));
  const rawMonth = get('month');
  const monthAsText = month === null && typeof rawMonth === 'string' ? digitsOnly(rawMonth) : null;
  const field = readFieldCell(get('field'));
  if (month === null) unreadable.push('month');
  if (field === null) unreadable.push('field');
  const rawReason = get('lateReason');
  const reason = isErrorCell(rawReason) ? '' : cleanText(cellText(rawReason));
  const state: TthcRow['state'] = !typed ? 'empty' : unreadable.length > 0 ? 'dataError' : 'counted';
  return {
    row: r + 1,
    month,
    ...(monthAsText !== null && monthAsText >= 1 && monthAsText <= 12 ? { monthAsText } : {}),
    field,
    counts,
    reason,
    state,
    unreadable: typed ? unreadable : [],
    flows,
  };
}

type PushError = (code: string, cell: string, message: string, fix?: Problem['fix']) => void;

/** The problems of a row with figures: each cell its formula cannot read, and an error value as reason. */
function tthcCellProblems(
  { get, addr }: TthcRowCells,
  row: TthcRow,
  sheet: string,
  shownYear: number,
  problems: Problem[],
): void {
  const push: PushError = (code, cell, message, fix) => {
    problems.push({ severity: 'error', code, sheet, cell, message, ...(fix ? { fix } : {}) });
  };
  for (const k of TTHC_COUNT_KEYS) {
    const v = get(k);
    if (readCountCell(v).kind !== 'unreadable') continue;
    countCellProblem(push, sheet, addr(k), k, v, row);
  }
  if (row.month === null) monthCellProblem(push, sheet, addr('month'), get('month'), shownYear);
  if (row.field === null) fieldCellProblem(push, sheet, addr('field'), get('field'));
  const rawReason = get('lateReason');
  if (isErrorCell(rawReason)) {
    const cell = addr('lateReason');
    problems.push({
      severity: 'warning',
      code: 'errorValue',
      sheet,
      cell,
      message: PROBLEM.errorValue(sheet, cell, TTHC_HEADERS.lateReason, rawReason.error),
    });
  }
}

/** Why a count cell is unreadable: an error value, not whole, digits stored as text (fixable), not a number. */
function countCellProblem(
  push: PushError,
  sheet: string,
  cell: string,
  k: TthcCountKey,
  v: GridCell,
  row: Pick<TthcRow, 'month' | 'monthAsText' | 'field'>,
): void {
  const header = TTHC_HEADERS[k];
  if (isErrorCell(v)) push('errorValue', cell, PROBLEM.errorValue(sheet, cell, header, v.error));
  else if (typeof v === 'number')
    push('tthcCountNotWhole', cell, PROBLEM.tthcCountNotWhole(sheet, cell, header, String(v)));
  else if (typeof v === 'string' && countFromText(v) !== null) {
    const value = countFromText(v) as number;
    const month = row.month ?? row.monthAsText ?? null;
    const field = row.field === null ? null : cleanText(row.field);
    push('tthcCountAsText', cell, PROBLEM.tthcCountAsText(sheet, cell, header, v.trim(), month, field), {
      value,
      numberFormat: '0',
      was: v,
      becomes: String(value),
    });
  } else if (typeof v === 'string' && /^\s*-?\d+(?:[.,]\d+)?\s*$/.test(v))
    push('tthcCountNotWhole', cell, PROBLEM.tthcCountNotWhole(sheet, cell, header, v.trim()));
  else push('tthcCountNotNumber', cell, PROBLEM.tthcCountNotNumber(sheet, cell, header, cellText(v)));
}

/** Why the month is unreadable: an error value, blank, a month stored as text (fixable), not a month. */
function monthCellProblem(
  push: PushError,
  sheet: string,
  cell: string,
  v: GridCell,
  shownYear: number,
): void {
  const asText = typeof v === 'string' ? digitsOnly(v) : null;
  if (isErrorCell(v)) push('errorValue', cell, PROBLEM.errorValue(sheet, cell, TTHC_HEADERS.month, v.error));
  else if (v === null || (typeof v === 'string' && excelTrim(v) === ''))
    push('tthcMonthMissing', cell, PROBLEM.tthcMonthMissing(sheet, cell));
  else if (asText !== null && asText >= 1 && asText <= 12)
    push('tthcMonthAsText', cell, PROBLEM.tthcMonthAsText(sheet, cell, String(v).trim(), asText), {
      value: asText,
      numberFormat: '0',
      was: String(v),
      becomes: String(asText),
    });
  else push('tthcMonthInvalid', cell, PROBLEM.tthcMonthInvalid(sheet, cell, cellText(v).trim(), shownYear));
}

/** Why the field is unreadable: an error value, blank, not text. */
function fieldCellProblem(push: PushError, sheet: string, cell: string, v: GridCell): void {
  if (isErrorCell(v)) push('errorValue', cell, PROBLEM.errorValue(sheet, cell, TTHC_HEADERS.field, v.error));
  else if (v === null || typeof v === 'string')
    push('tthcFieldMissing', cell, PROBLEM.tthcFieldMissing(sheet, cell));
  else push('tthcFieldNotText', cell, PROBLEM.tthcFieldNotText(sheet, cell, cellText(v)));
}

/**
 * Excel-side facts: a row with figures whose Tổng số hồ sơ is no longer a formula is counted by Tổng hợp as
 * typed, not by the rule (an error); a Tỷ lệ đúng hạn typed over no longer follows (a warning).
 */
export function tthcFormulaProblems(grid: Grid, read: TthcRead): Problem[] {
  if (!read.readable || grid.formulas.length === 0) return [];
  const out: Problem[] = [];
  const check = (row: TthcRow, key: 'received' | 'rate'): void => {
    const c = read.columns[key];
    if (c === undefined || grid.formulas[row.row - 1]?.[c]) return;
    const cell = toA1(row.row - 1, c);
    out.push(
      key === 'received'
        ? {
            severity: 'error',
            code: 'tthcTotalNotFormula',
            sheet: grid.name,
            cell,
            // An erased formula leaves an empty cell: it shows nothing typed.
            message: isBlank(grid.values[row.row - 1]?.[c] ?? null)
              ? PROBLEM.tthcTotalFormulaErased(grid.name, cell)
              : PROBLEM.tthcTotalNotFormula(grid.name, cell),
          }
        : {
            severity: 'warning',
            code: 'tthcRateNotFormula',
            sheet: grid.name,
            cell,
            message: PROBLEM.tthcRateNotFormula(grid.name, cell),
          },
    );
  };
  for (const row of read.rows) {
    if (row.state === 'empty') continue;
    check(row, 'received');
    check(row, 'rate');
  }
  return out;
}

export interface TthcCheckContext {
  /** The tracker's year (Cài đặt › Năm theo dõi). */
  year: number;
  /** Fields on the Danh mục list; a field outside it is a warning. Empty: not checked. */
  knownFields: readonly string[];
  /** The tracker's tasks, for "a monthly review done while its month has no figures". */
  tasks?: readonly Task[];
  /** Column of Trạng thái on the tracker (0-based), to point at the task's status cell. */
  statusColumn?: number;
}

const MONTHLY_REVIEW = normalizeKey(MONTHLY_TTHC_REVIEW);

/**
 * The month a tracker task reviews, when it is one of the plan's monthly TTHC reviews of `year`: read from its
 * "(tháng MM/YYYY)" suffix; null for any other task.
 */
export function reviewedMonth(task: Pick<Task, 'task'>, year: number): number | null {
  const text = normalizeKey(task.task);
  if (MONTHLY_REVIEW === '' || !text.startsWith(MONTHLY_REVIEW)) return null;
  const m = PERIOD_TEXT.monthlyTaskSuffix.exec(text);
  if (!m || Number(m[2]) !== year) return null;
  const month = Number(m[1]);
  return month >= 1 && month <= 12 ? month : null;
}

/** The rules between rows, and with Nhiệm vụ. Only rows with figures are checked. */
export function checkTthc(read: TthcRead, sheet: string, ctx: TthcCheckContext): Problem[] {
  if (!read.readable) return [];
  const addr: TthcAddr = (row, k) => toA1(row.row - 1, read.columns[k] ?? read.columns.field ?? 0);
  const counted = read.rows.filter((r) => r.state === 'counted');
  const byMonthField = byMonthAndField(counted);
  return [
    ...fieldNameProblems(read, sheet, ctx, addr),
    ...countedRowProblems(counted, sheet, addr),
    ...duplicateRowProblems(byMonthField, sheet, addr),
    ...carryOverProblems(byMonthField, counted, rowsByMonthAndField(read.rows), sheet, addr),
    ...reviewProblems(read, sheet, ctx),
  ];
}

/** The cell of a row's column (of Lĩnh vực when the sheet has no such column). */
type TthcAddr = (row: TthcRow, k: TthcColumnKey) => string;

const tthcWarning = (code: string, sheet: string, cell: string, message: string): Problem => ({
  severity: 'warning',
  code,
  sheet,
  cell,
  message,
});

/**
 * A field outside Danh mục: counted under the name typed (a warning); one that differs from a listed one only
 * in spaces or Unicode form is counted under "Khác" by Tổng hợp's criteria (an error, with its fix).
 */
function fieldNameProblems(read: TthcRead, sheet: string, ctx: TthcCheckContext, addr: TthcAddr): Problem[] {
  const problems: Problem[] = [];
  if (ctx.knownFields.length === 0) return problems;
  const listedBySheetKey = new Set(ctx.knownFields.map(countifsKey));
  const listedByKey = new Map(ctx.knownFields.map((f) => [normalizeKey(f), f]));
  for (const row of read.rows) {
    if (row.state === 'empty' || row.field === null) continue;
    if (listedBySheetKey.has(countifsKey(row.field))) continue;
    const cell = addr(row, 'field');
    const canonical = listedByKey.get(normalizeKey(row.field));
    if (canonical)
      problems.push({
        severity: 'error',
        code: 'tthcFieldSpelling',
        sheet,
        cell,
        message: spellingMessage(
          PROBLEM.tthcFieldSpelling,
          sheet,
          cell,
          cleanText(row.field),
          row.field,
          canonical,
        ),
        fix: { value: canonical, was: row.field, becomes: canonical },
      });
    else
      problems.push(
        tthcWarning(
          'tthcUnknownField',
          sheet,
          cell,
          PROBLEM.tthcUnknownField(sheet, cell, row.field, SHEET.lists),
        ),
      );
  }
  return problems;
}

/** Each counted row: received = handled (an error), and a reason given when some are late (a warning). */
function countedRowProblems(counted: readonly TthcRow[], sheet: string, addr: TthcAddr): Problem[] {
  const problems: Problem[] = [];
  for (const row of counted) {
    const c = row.counts;
    const received = c.carriedOver + c.online + c.offline;
    const handled = c.early + c.onTime + c.late + c.pendingOnTime + c.pendingLate;
    if (tthcUnbalanced(row)) {
      const cell = addr(row, 'received');
      problems.push({
        severity: 'error',
        code: 'tthcUnbalanced',
        sheet,
        cell,
        message: PROBLEM.tthcUnbalanced(sheet, cell, received, handled),
      });
    }
    const lateCount = c.late + c.pendingLate;
    if (lateCount > 0 && row.reason === '')
      problems.push(
        tthcWarning(
          'tthcLateWithoutReason',
          sheet,
          addr(row, 'lateReason'),
          PROBLEM.tthcLateWithoutReason(
            sheet,
            addr(row, 'lateReason'),
            row.month as number,
            row.field as string,
            lateCount,
          ),
        ),
      );
  }
  return problems;
}

/** The counted rows by month and field (as a person means the field: any case, spacing or Unicode form). */
function byMonthAndField(counted: readonly TthcRow[]): Map<string, TthcRow[]> {
  const byMonthField = new Map<string, TthcRow[]>();
  for (const row of counted) {
    const key = `${row.month}|${normalizeKey(row.field as string)}`;
    const list = byMonthField.get(key) ?? [];
    list.push(row);
    byMonthField.set(key, list);
  }
  return byMonthField;
}

/** One row per month and field: every row after the first is an error. */
function duplicateRowProblems(
  byMonthField: Map<string, TthcRow[]>,
  sheet: string,
  addr: TthcAddr,
): Problem[] {
  const problems: Problem[] = [];
  for (const list of byMonthField.values())
    for (const dup of list.slice(1)) {
      const cell = addr(dup, 'month');
      problems.push({
        severity: 'error',
        code: 'tthcDuplicateRow',
        sheet,
        cell,
        message: PROBLEM.tthcDuplicateRow(sheet, cell, dup.month as number, dup.field as string, list[0].row),
      });
    }
  return problems;
}

/**
 * Every row that is there, by month and field, whatever its state: a row of the new sheet with no figures yet
 * ('empty'), a row the formula cannot read ('dataError': a count stored as text, say), and counted rows. A
 * month stored as text counts as the month it says.
 */
function rowsByMonthAndField(rows: readonly TthcRow[]): Map<string, TthcRow[]> {
  const out = new Map<string, TthcRow[]>();
  for (const row of rows) {
    const month = row.month ?? row.monthAsText;
    if (month === undefined || row.field === null) continue;
    const key = `${month}|${normalizeKey(row.field)}`;
    out.set(key, [...(out.get(key) ?? []), row]);
  }
  return out;
}

/**
 * Carried over in month m = pending at the end of m − 1, field by field, wherever m − 1 has figures. Where the
 * row of m − 1 or m + 1 is there but not counted ("Lỗi dữ liệu", or no figures yet), the check says so at that
 * row and never asks for a row to be added (the row's own cells are reported where they are read).
 */
function carryOverProblems(
  byMonthField: Map<string, TthcRow[]>,
  counted: readonly TthcRow[],
  present: Map<string, TthcRow[]>,
  sheet: string,
  addr: TthcAddr,
): Problem[] {
  const problems: Problem[] = [];
  const monthsWithFigures = new Set(counted.map((r) => r.month as number));
  const sum = (list: readonly TthcRow[], f: (r: TthcRow) => number): number =>
    list.reduce((a, r) => a + f(r), 0);
  const pending = (r: TthcRow): number => r.counts.pendingOnTime + r.counts.pendingLate;
  const uncounted = (key: string): boolean => (present.get(key) ?? []).some((r) => r.state === 'dataError');
  for (const [key, list] of byMonthField) {
    const month = list[0].month as number;
    const field = key.slice(key.indexOf('|') + 1);
    const beforeKey = `${month - 1}|${field}`;
    if (month > 1 && monthsWithFigures.has(month - 1) && !uncounted(beforeKey)) {
      const before = byMonthField.get(beforeKey) ?? [];
      const carried = sum(list, (r) => r.counts.carriedOver);
      const expected = sum(before, pending);
      if (carried !== expected) {
        const cell = addr(list[0], 'carriedOver');
        problems.push(
          tthcWarning(
            'tthcCarryOver',
            sheet,
            cell,
            PROBLEM.tthcCarryOver(sheet, cell, list[0].field as string, month, carried, expected),
          ),
        );
      }
    }
    const nextKey = `${month + 1}|${field}`;
    if (month < 12 && monthsWithFigures.has(month + 1) && !byMonthField.has(nextKey)) {
      const left = sum(list, pending);
      const there = present.get(nextKey) ?? [];
      if (left > 0 && there.length === 0) {
        const cell = addr(list[list.length - 1], 'field');
        problems.push(
          tthcWarning(
            'tthcCarryMissing',
            sheet,
            cell,
            PROBLEM.tthcCarryMissing(sheet, cell, list[0].field as string, month, left),
          ),
        );
      } else if (left > 0 && there.every((r) => r.state === 'empty')) {
        // The row is there, its figures not typed yet: point at it.
        const cell = addr(there[0], 'carriedOver');
        problems.push(
          tthcWarning(
            'tthcCarryNotTyped',
            sheet,
            cell,
            PROBLEM.tthcCarryNotTyped(sheet, cell, list[0].field as string, month, left, there[0].row),
          ),
        );
      }
    }
  }
  return problems;
}

/** A monthly review held (Hoàn thành in Nhiệm vụ) while its month has no figures here. */
function reviewProblems(read: TthcRead, sheet: string, ctx: TthcCheckContext): Problem[] {
  const problems: Problem[] = [];
  if (!ctx.tasks || ctx.statusColumn === undefined) return problems;
  const typedMonths = new Set(
    read.rows.filter((r) => r.state !== 'empty' && r.month !== null).map((r) => r.month as number),
  );
  for (const t of ctx.tasks) {
    if (!t.listed || t.status !== 'done') continue;
    const month = reviewedMonth(t, ctx.year);
    if (month === null || typedMonths.has(month)) continue;
    const cell = toA1(t.row - 1, ctx.statusColumn);
    problems.push({
      severity: 'warning',
      code: 'tthcReviewWithoutFigures',
      sheet: SHEET.tracker,
      cell,
      message: PROBLEM.tthcReviewWithoutFigures(SHEET.tracker, cell, month, sheet),
    });
  }
  return problems;
}

/** The column (0-based) of Danh mục headed "Lĩnh vực", or -1. */
export function fieldListColumnOf(lists: Grid): number {
  return (lists.values[0] ?? []).findIndex(
    (v) => typeof v === 'string' && normalizeKey(v) === normalizeKey(TTHC_HEADERS.field),
  );
}

/** The fields listed on Danh mục (the column headed "Lĩnh vực", below it); null when there is no such column. */
export function readKnownFields(lists: Grid | undefined): string[] | null {
  if (!lists) return null;
  const col = fieldListColumnOf(lists);
  if (col < 0) return null;
  return lists.values
    .slice(1)
    .map((row) => row[col] ?? null)
    .filter((v): v is string => typeof v === 'string' && excelTrim(v) !== '');
}

/**
 * The fields Tổng hợp and the report give a row: the list's, in order, then any other field typed on a row with
 * figures, in order of first appearance, each spelt as in its cell. Two spellings of one field (other spaces,
 * Unicode form) get one row; the other spelling counts under "Khác" (the check reports it with its fix).
 */
export function tthcFieldsOf(rows: readonly TthcRow[], listed: readonly string[] = TTHC_FIELDS): string[] {
  const typed = rows.filter((r) => r.state === 'counted').map((r) => r.field as string);
  return uniqueKeys([...listed, ...typed], (f) => f);
}

/** A run of months (inclusive), e.g. a report's 1–6 or a quarter's 4–6. */
export interface MonthWindow {
  from: number;
  to: number;
}

/** The months a report covers: its cumulative period's, from January (Q2: 1–6). */
export function tthcReportMonths(period: Pick<ReportPeriod, 'quarter'>): MonthWindow {
  return { from: 1, to: period.quarter * 3 };
}

export interface TthcFieldFigures {
  /** The group's key: the field as Tổng hợp's criterion matches it, or OTHER_KEY for "Khác". */
  key: string;
  /** The field as shown. */
  field: string;
  figures: TthcFigures;
  /** Months of the window (with figures) in which the field resolved dossiers late. */
  lateMonths: number[];
  /** Sheet rows of the window with late or overdue dossiers, in sheet order. */
  lateRows: number[];
  /** What users wrote under Nguyên nhân quá hạn, for the months with late dossiers, in month order. */
  reasons: { month: number; row: number; text: string }[];
}

export interface TthcPeriodFigures {
  window: MonthWindow;
  /** The months of the window that have figures (a counted row), ascending. */
  months: number[];
  totals: TthcFigures;
  onTimeRate: number | null;
  /** One entry per field of `fields`, then "Khác" (key OTHER_KEY); zeros included. */
  byField: TthcFieldFigures[];
  /** "Thường xuyên trễ hạn": fields with late dossiers in at least FREQUENT_LATE_MONTHS months of the window. */
  frequentLate: TthcFieldFigures[];
}

/** How many months with late dossiers make a field "thường xuyên trễ hạn". */
const FREQUENT_LATE_MONTHS = 2;

function figuresOf(rows: readonly TthcRow[], first: number, last: number): TthcFigures {
  const f = emptyFigures();
  for (const r of rows) {
    const c = r.counts;
    if (r.month === first) f.carriedOver += c.carriedOver;
    f.online += c.online;
    f.offline += c.offline;
    f.early += c.early;
    f.onTime += c.onTime;
    f.late += c.late;
    if (r.month === last) {
      f.pendingOnTime += c.pendingOnTime;
      f.pendingLate += c.pendingLate;
    }
  }
  f.received = f.carriedOver + f.online + f.offline;
  return f;
}

/**
 * A window's figures, by field and in total, as Tổng hợp computes them: counted rows only; carried over from the
 * first month of the window that has figures, pending from the last, the flows summed over the window.
 */
export function tthcFigures(
  rows: readonly TthcRow[],
  window: MonthWindow,
  fields: readonly string[],
): TthcPeriodFigures {
  const inWindow = rows.filter(
    (r) => r.state === 'counted' && (r.month as number) >= window.from && (r.month as number) <= window.to,
  );
  const months = [...new Set(inWindow.map((r) => r.month as number))].sort((a, b) => a - b);
  const first = months[0] ?? 0;
  const last = months[months.length - 1] ?? 0;
  const { groups, other } = groupBy(inWindow, fields, (r) => r.field);
  const entry = (key: string, field: string, mine: TthcRow[]): TthcFieldFigures => {
    const lateMonths = [...new Set(mine.filter((r) => r.counts.late > 0).map((r) => r.month as number))].sort(
      (a, b) => a - b,
    );
    return {
      key,
      field,
      figures: figuresOf(mine, first, last),
      lateMonths,
      lateRows: mine.filter((r) => r.counts.late + r.counts.pendingLate > 0).map((r) => r.row),
      reasons: mine
        .filter((r) => r.counts.late > 0 && r.reason !== '')
        .sort((a, b) => (a.month as number) - (b.month as number) || a.row - b.row)
        .map((r) => ({ month: r.month as number, row: r.row, text: r.reason })),
    };
  };
  const byField = [
    ...fields.map((f, i) => entry(f, f, groups[i])),
    entry(OTHER_KEY, OTHER_GROUP.field, other),
  ];
  const totals = figuresOf(inWindow, first, last);
  return {
    window,
    months,
    totals,
    onTimeRate: onTimeRate(totals),
    byField,
    frequentLate: byField.filter((f) => f.lateMonths.length >= FREQUENT_LATE_MONTHS),
  };
}

/** Does a field's entry have any figure? (The report and `--json` list only these.) */
export function hasFigures(f: TthcFieldFigures): boolean {
  return TTHC_FIGURE_KEYS.some((k) => f.figures[k] !== 0);
}

/**
 * The amber rule of Tổng số hồ sơ: a counted row whose month has been reported (flows) and whose dossiers in
 * (carried over + received) differ from those handled (resolved + pending). tthcMarkFormulas' `unbalanced`.
 */
export function tthcUnbalanced(row: Pick<TthcRow, 'state' | 'counts' | 'flows'>): boolean {
  if (row.state !== 'counted' || !row.flows) return false;
  const c = row.counts;
  return (
    c.carriedOver + c.online + c.offline !== c.early + c.onTime + c.late + c.pendingOnTime + c.pendingLate
  );
}

/** What a new year's Hồ sơ TTHC starts from (`cchc rollover`): December's pending dossiers of each field. */
export interface TthcCarryOver {
  /** December has figures (a counted row): its pending is known. */
  known: boolean;
  /** Pending dossiers (on time + late) at the end of December, by field as spelt on its row; fields with 0 left out. */
  pending: { field: string; count: number }[];
  /** December rows the formula cannot read (Lỗi dữ liệu): not counted, so the pending above may be short. */
  dataErrorRows: number[];
  /** Pending of December rows whose field Tổng hợp counts under "Khác" (another spelling of a listed field). */
  unplaced: number;
  /** Fields with figures in an earlier month but none in December: their January carry-over is not known. */
  decemberGap: string[];
}

/**
 * December's pending dossiers of each field: January's "Kỳ trước chuyển sang" of the next year. Counted as
 * Tổng hợp counts them (counted rows only, fields matched as COUNTIFS matches them); a field typed on a
 * December row but not listed keeps its own spelling.
 */
export function tthcCarryOver(read: TthcRead, listed: readonly string[]): TthcCarryOver {
  const december = read.rows.filter((r) => r.month === 12);
  const counted = december.filter((r) => r.state === 'counted');
  const dataErrorRows = december.filter((r) => r.state === 'dataError').map((r) => r.row);
  if (counted.length === 0) return { known: false, pending: [], dataErrorRows, unplaced: 0, decemberGap: [] };
  // Fields counted in an earlier month and not in December, by the key COUNTIFS matches them with.
  const inDecember = new Set(counted.map((r) => countifsKey(r.field ?? '')));
  const gap = new Map<string, string>();
  for (const r of read.rows)
    if (r.state === 'counted' && r.month !== 12 && r.field && !inDecember.has(countifsKey(r.field)))
      gap.set(countifsKey(r.field), r.field);
  const figures = tthcFigures(counted, { from: 12, to: 12 }, tthcFieldsOf(counted, listed));
  const count = (f: TthcFieldFigures): number => f.figures.pendingOnTime + f.figures.pendingLate;
  const pending = figures.byField
    .filter((f) => f.key !== OTHER_KEY)
    .map((f) => ({ field: f.field, count: count(f) }))
    .filter((p) => p.count > 0);
  const other = figures.byField.find((f) => f.key === OTHER_KEY);
  return {
    known: true,
    pending,
    dataErrorRows,
    unplaced: other ? count(other) : 0,
    decemberGap: [...gap.values()],
  };
}
