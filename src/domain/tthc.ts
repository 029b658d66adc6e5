/**
 * "Hồ sơ TTHC": the one-stop shop's monthly counts of administrative-procedure dossiers (plan II.3), one row
 * per month and field (lĩnh vực), as the national statistics on TTHC handling count them: received = carried
 * over + online + in person or by post; of those, resolved early, on time or late, and still pending within
 * time or overdue.
 *
 * The API, for the check, the report, the pane and other callers (consolidation across communes, the year
 * rollover), in three modules:
 * - readTthc(grid) (this module) → the rows, each as the sheet's own formulas read it (sheetRules:
 *   readCountCell, readMonthCell, readFieldCell), and the problems of single cells;
 * - checkTthc(read, ctx) (tthcCheck.ts) → the rules between rows (balance, carry-over, duplicates, reasons, the
 *   monthly review tasks of Nhiệm vụ);
 * - tthcFieldsOf(rows, listed) (tthcFigures.ts, as the two below) → the fields Tổng hợp and the report give a
 *   row, in order;
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
import { DEFAULT_TTHC_FIELDS, PROBLEM, TTHC_HEADERS, type TthcFigureKey, type TthcWords } from '../i18n/vi';
import { toA1 } from './a1';
import { findHeaderRow, headerColumns, headerSet } from './headerRow';
import { cellAt, cellText, isBlank, isErrorCell, type Grid, type GridCell } from './grid';
import type { Problem } from './problems';
import { excelTrim, MAX_COUNT, readCountCell, readFieldCell, readMonthCell } from './sheetRules';
import { cleanText } from './text';

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
