/**
 * The figures of "Hồ sơ TTHC" for a window of months (src/domain/tthc.ts reads the rows): the fields Tổng hợp
 * and the report give a row, the months a report covers, a window's figures by field and in total, the rows
 * that do not balance, and what a new year starts from (December's pending dossiers of each field).
 */
import { OTHER_GROUP, TTHC_HEADERS } from '../i18n/vi';
import { type Grid } from './grid';
import type { ReportPeriod } from './periods';
import { countifsKey, groupBy, OTHER_KEY, uniqueKeys } from './rollup';
import { excelTrim } from './sheetRules';
import { normalizeKey } from './text';
import {
  emptyFigures,
  onTimeRate,
  TTHC_FIELDS,
  TTHC_FIGURE_KEYS,
  type TthcFigures,
  type TthcRead,
  type TthcRow,
} from './tthc';

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
