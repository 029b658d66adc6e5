/**
 * The report's TTHC part (Hồ sơ TTHC): the period's dossier figures over the fields whose figures add up, the
 * fields left out and why, the rows with data errors and the reasons typed for late months. Apart from the rest
 * of the report so that the pane's overview states the same figures without loading the report's wording.
 */
import { REPORT_WORDS } from '../i18n/vi';
import { ymdFromIso, type IsoDate } from './dates';
import type { ReportPeriod } from './periods';
import type { Problem } from './problems';
import { groupBy, OTHER_KEY } from './rollup';
import {
  hasFigures,
  tthcFieldsOf,
  tthcFigures,
  type MonthWindow,
  type TthcPeriodFigures,
} from './tthcFigures';
import { resolvedOf, type TthcFigures, type TthcRead, type TthcRow } from './tthc';

/** A tracker row whose data the check rejects: counted as the sheet shows it, listed for the officer to fix. */
export interface DataErrorRow {
  row: number;
  /** The task's text ("" when that is what is missing). */
  task: string;
  problems: { cell: string; message: string }[];
}

/** A reason typed for a late or overdue task (its Ghi chú), or for a TTHC field's late month. */
export interface ReportCause {
  /** The task, or the field. */
  subject: string;
  /** The month of a TTHC reason; null for a task's. */
  month: number | null;
  text: string;
}

/** A field the report's TTHC figures leave out (TthcReport.unbalanced). */
interface TthcLeftOut {
  field: string;
  figures: TthcFigures;
  /** The check's errors on the field's rows within the report's months, in sheet order. */
  problems: { cell: string; message: string }[];
  /** The field's rows within the report's months that show "Lỗi dữ liệu" (1-based sheet rows). */
  dataErrorRows: number[];
}

/** The report's TTHC part: the period's dossier figures from "Hồ sơ TTHC". */
export interface TthcReport {
  /** The workbook has the sheet and it can be read. */
  available: boolean;
  /**
   * The period's figures (its months from January up to the as-of day's month: reportTthcWindow), over the
   * fields whose figures add up (received = resolved + pending); the others are in `unbalanced`.
   */
  figures: TthcPeriodFigures;
  /** Rows showing "Lỗi dữ liệu" (counted nowhere), with the check's errors, in sheet order. */
  dataErrors: DataErrorRow[];
  /**
   * Fields left out of the report's figures because theirs do not add up, with their figures as read and why:
   * the check's errors on the field's rows of the report's months (a count typed as text, a month whose
   * figures do not add up: each names its cell and what is in it), and the rows among them that show "Lỗi dữ
   * liệu" (listed here, not again among `dataErrors`' fields).
   */
  unbalanced: TthcLeftOut[];
  /** Each late month's Nguyên nhân quá hạn, by field (in the table's order), then month. */
  causes: ReportCause[];
}

/**
 * The months a report's TTHC figures cover: from January to the period's last month, but never past the month
 * the as-of day is in (the same cut-off as the tasks). In the NĐ 09/2019 mode a month runs from the 15th of the
 * month before to the 14th, so an as-of day from the 15th on is in the next month.
 */
export function reportTthcWindow(period: ReportPeriod, asOf: IsoDate): MonthWindow {
  const { year, month, day } = ymdFromIso(asOf);
  const last = period.quarter * 3;
  let m: number;
  if (year > period.year) m = last;
  else if (year < period.year) m = period.mode === 'decree09' && month === 12 && day >= 15 ? 1 : 0;
  else m = period.mode === 'decree09' && day >= 15 ? month + 1 : month;
  return { from: 1, to: Math.min(last, m) };
}

/** A field's figures add up: received (carried over + online + in person) = resolved + pending. */
function tthcBalanced(f: TthcFigures): boolean {
  return f.received === resolvedOf(f) + f.pendingOnTime + f.pendingLate;
}

/**
 * The period's figures over the fields whose figures add up: a field whose do not (a month's row unbalanced, a
 * carried-over count that is not the month before's pending) is left out of the totals, and returned apart.
 */
function balancedFigures(
  rows: readonly TthcRow[],
  window: MonthWindow,
  fields: readonly string[],
): {
  figures: TthcPeriodFigures;
  unbalanced: { field: string; figures: TthcFigures; rows: TthcRow[] }[];
} {
  let kept = rows;
  const unbalanced: { field: string; figures: TthcFigures; rows: TthcRow[] }[] = [];
  // Every row of each field, those the figures do not count (Lỗi dữ liệu) too: what explains a field left out.
  const all = groupBy(rows, fields, (r) => r.field);
  const rowsOf = (key: string): TthcRow[] => {
    const i = fields.indexOf(key);
    return (i >= 0 ? all.groups[i] : all.other).filter(
      (r) => r.month !== null && r.month >= window.from && r.month <= window.to,
    );
  };
  for (;;) {
    const figures = tthcFigures(kept, window, fields);
    const bad = figures.byField.filter((b) => hasFigures(b) && !tthcBalanced(b.figures));
    if (bad.length === 0) return { figures, unbalanced };
    unbalanced.push(...bad.map((b) => ({ field: b.field, figures: b.figures, rows: rowsOf(b.key) })));
    const badKeys = new Set(bad.map((b) => b.key));
    const { groups, other } = groupBy(kept, fields, (r) => r.field);
    const out = new Set<TthcRow>();
    fields.forEach((f, i) => {
      if (badKeys.has(f)) for (const r of groups[i]) out.add(r);
    });
    if (badKeys.has(OTHER_KEY)) for (const r of other) out.add(r);
    kept = kept.filter((r) => !out.has(r));
  }
}

/** The TTHC part of a report of `period` as of `asOf` (the check's errors name its rows with data errors). */
export function buildTthcReport(
  read: TthcRead | undefined,
  period: ReportPeriod,
  listedFields: readonly string[] | undefined,
  errors: readonly Problem[],
  sheet: string,
  asOf: IsoDate = period.to,
): TthcReport {
  const rows = read?.readable ? read.rows : [];
  const fields = tthcFieldsOf(rows, listedFields);
  const window = reportTthcWindow(period, asOf);
  const balanced = balancedFigures(rows, window, fields);
  const { figures } = balanced;
  const dataErrors: DataErrorRow[] = [];
  const byRow = new Map<number, { cell: string; message: string }[]>();
  for (const p of read?.readable ? errors : []) {
    if (p.sheet !== sheet) continue;
    const m = /^[A-Z]+(\d+)$/.exec(p.cell);
    if (!m) continue;
    const list = byRow.get(Number(m[1])) ?? [];
    list.push({ cell: p.cell, message: p.message });
    byRow.set(Number(m[1]), list);
  }
  const unbalanced: TthcLeftOut[] = balanced.unbalanced.map((u) => {
    const own = [...u.rows].sort((a, b) => a.row - b.row);
    return {
      field: u.field,
      figures: u.figures,
      problems: own.flatMap((r) => byRow.get(r.row) ?? []),
      dataErrorRows: own.filter((r) => r.state === 'dataError').map((r) => r.row),
    };
  });
  if (read?.readable) {
    for (const r of rows)
      if (r.state === 'dataError')
        dataErrors.push({
          row: r.row,
          task: [r.month !== null ? REPORT_WORDS.tthcRowMonth(r.month) : '', r.field ?? '']
            .filter((x) => x !== '')
            .join(' – '),
          problems: byRow.get(r.row) ?? [],
        });
  }
  // The reasons typed for the months with late or overdue dossiers, of the fields the figures count.
  const causes: ReportCause[] = [];
  const rowsByNumber = new Map(rows.map((r) => [r.row, r]));
  for (const b of figures.byField) {
    const mine = b.lateRows
      .map((n) => rowsByNumber.get(n))
      .filter((r): r is TthcRow => r !== undefined && r.reason !== '')
      .sort((x, y) => (x.month as number) - (y.month as number) || x.row - y.row);
    for (const r of mine) causes.push({ subject: b.field, month: r.month, text: r.reason });
  }
  return { available: !!read?.readable, figures, dataErrors, unbalanced, causes };
}
