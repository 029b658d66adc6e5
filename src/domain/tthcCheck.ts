/**
 * The rules of "Hồ sơ TTHC" between rows and with Nhiệm vụ (src/domain/tthc.ts reads the rows and finds the
 * problems of single cells): each field a known one, received = handled, a reason where some are late, one row
 * per month and field, each month's carried over = the month before's pending, and a monthly review held only
 * where its month has figures.
 */
import { PERIOD_TEXT, PROBLEM, SHEET } from '../i18n/vi';
import { toA1 } from './a1';
import { MONTHLY_TTHC_REVIEW } from './plan';
import type { Problem } from './problems';
import { countifsKey } from './rollup';
import { spellingMessage } from './statusSpelling';
import { cleanText, normalizeKey } from './text';
import type { Task } from './tracker';
import type { TthcColumnKey, TthcRead, TthcRow } from './tthc';
import { tthcUnbalanced } from './tthcFigures';

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
