/**
 * Roll-ups: counts of tasks by deadline state, grouped by plan section, lead body, quarter of the deadline and
 * reporting period, and in total, with the completion rate. The "Tổng hợp" sheet computes the same figures with
 * formulas (src/sheets/summarySheet.ts) and the report prints them: one rule for every view, which
 * test/interop holds against LibreOffice.
 */
import { OTHER_GROUP, PERIOD_TEXT } from '../i18n/vi';
import { BODIES } from './bodies';
import { endOfQuarter, isoFromYmd, startOfQuarter, type IsoDate } from './dates';
import { deadlineState, DEADLINE_STATES, type DeadlineState } from './deadline';
import { reportPeriod, reportQuarters, type ReportPeriod } from './periods';
import { PLAN_ITEMS, SECTIONS } from './plan';
import { REPORTING_REGIME } from './reportingRegime';
import { quarterLabel, reportTaskText } from './schedule';
import type { PeriodMode } from './settings';
import type { Task } from './tracker';
import { normalizeKey } from './text';

/** A task's state in a report: its deadline state, or "Chưa đến kỳ" when it falls due after the period. */
export type ReportState = DeadlineState | 'notYetInPeriod';

export const REPORT_STATES: readonly ReportState[] = [...DEADLINE_STATES, 'notYetInPeriod'];

export type StateCounts = Record<ReportState, number> & {
  tasks: number;
  /** Done on time, with a deadline: the completion rate's numerator. */
  rateOnTime: number;
  /**
   * Tasks with a deadline that have come due by the day (deadline on or before it) or are done: the completion
   * rate's denominator. Continuous tasks (no deadline) and rows with data errors are apart.
   */
  rateDue: number;
};

export function emptyCounts(): StateCounts {
  const c = { tasks: 0, rateOnTime: 0, rateDue: 0 } as StateCounts;
  for (const s of REPORT_STATES) c[s] = 0;
  return c;
}

/** Counts one task of state `state` (as of `asOf`), with its deadline for the completion rate. */
export function addCount(c: StateCounts, state: ReportState, deadline: IsoDate | null, asOf: IsoDate): void {
  c.tasks += 1;
  c[state] += 1;
  if (deadline === null || state === 'dataError' || state === 'notYetInPeriod') return;
  const done = state === 'doneOnTime' || state === 'doneLate';
  if (state === 'doneOnTime') c.rateOnTime += 1;
  if (done || deadline <= asOf) c.rateDue += 1;
}

/**
 * "Tỷ lệ hoàn thành": tasks done on time over tasks that have come due (deadline on or before the day, or
 * done), continuous tasks apart. null when nothing has come due.
 */
export function completionRate(c: StateCounts): number | null {
  return c.rateDue === 0 ? null : c.rateOnTime / c.rateDue;
}

export interface RollupRow {
  /** What the row groups by: a section id, a body name, a quarter key ("Q1"…, "before", "after", "none"), a period id. */
  key: string;
  label: string;
  counts: StateCounts;
}

export interface QuarterBucket {
  key: string;
  label: string;
  /** Inclusive deadline bounds; null = open. `none` = tasks without a (readable) deadline. */
  from: IsoDate | null;
  to: IsoDate | null;
  none?: boolean;
}

export function quarterBuckets(year: number): QuarterBucket[] {
  return [
    { key: 'before', label: PERIOD_TEXT.beforeYear(year), from: null, to: isoFromYmd(year - 1, 12, 31) },
    ...([1, 2, 3, 4] as const).map((q) => ({
      key: `Q${q}`,
      label: quarterLabel(year, q),
      from: startOfQuarter(year, q),
      to: endOfQuarter(year, q),
    })),
    { key: 'after', label: PERIOD_TEXT.fromYear(year + 1), from: isoFromYmd(year + 1, 1, 1), to: null },
    { key: 'none', label: PERIOD_TEXT.noDeadline, from: null, to: null, none: true },
  ];
}

export interface Rollup {
  asOf: IsoDate;
  total: StateCounts;
  bySection: RollupRow[];
  byLead: RollupRow[];
  byQuarter: RollupRow[];
  /** The reports of the year (the regime's: 3, 6, 9 months, year), each counted as its report counts. */
  byPeriod: RollupRow[];
}

/**
 * Longest group key the roll-ups give a row of its own. Longer ones (a pasted paragraph in Cơ quan chủ trì,
 * say) are counted under "Khác": a spreadsheet criterion over 255 characters fails (#VALUE!) and formulas are
 * capped at 8,192 characters.
 */
const MAX_GROUP_KEY = 200;

/** The key of the "Khác" row: tasks whose key matches no listed group. */
export const OTHER_KEY = '';

/** Unique (by normalised text) usable keys, in order; the first spelling of each is kept. */
export function uniqueKeys<T>(items: readonly T[], keyOf: (item: T) => string): T[] {
  const seen = new Set<string>();
  return items.filter((item) => {
    const key = keyOf(item);
    const k = normalizeKey(key);
    if (k === '' || key.length > MAX_GROUP_KEY || seen.has(k)) return false;
    seen.add(k);
    return true;
  });
}

/**
 * The lead bodies Tổng hợp and the report give a row: the list's, in order, then any other lead found in the
 * tasks, in order of first appearance, each spelt as in its cell (the row's COUNTIFS criterion must match the
 * cell). Two spellings of one body (other spaces, Unicode form) get one row; the other spelling is counted
 * under "Khác" and the check reports it.
 */
export function leadsOf(tasks: readonly Task[], listed: readonly string[] = BODIES): string[] {
  const typed = tasks.filter((t) => t.listed && t.match.lead !== null).map((t) => t.match.lead as string);
  return uniqueKeys([...listed, ...typed], (l) => l);
}

/** The plan's sections, in plan order: a Mục that is not one of them is counted under "Khác". */
export function sectionsOf(): { id: string; title: string }[] {
  return SECTIONS.map((s) => ({ id: s.id, title: s.title }));
}

/** COUNTIFS's equality: regardless of case, otherwise exact (src/domain/sheetRules.ts). */
export function countifsKey(text: string): string {
  return text.toLowerCase();
}

/**
 * Splits items among listed keys, matched as COUNTIFS matches a criterion (countifsKey); items matching none
 * (or with no key: an error value) go to the returned `other` list. One rule for the roll-ups, the report and
 * (as "total − listed rows") the Tổng hợp formulas.
 */
export function groupBy<T>(
  items: readonly T[],
  keys: readonly string[],
  keyOf: (item: T) => string | null,
): { groups: T[][]; other: T[] } {
  const index = new Map<string, number>();
  keys.forEach((k, i) => {
    const key = countifsKey(k);
    if (!index.has(key)) index.set(key, i);
  });
  const groups: T[][] = keys.map(() => []);
  const other: T[] = [];
  for (const item of items) {
    const key = keyOf(item);
    const i = key === null ? undefined : index.get(countifsKey(key));
    if (i === undefined) other.push(item);
    else groups[i].push(item);
  }
  return { groups, other };
}

function inBucket(b: QuarterBucket, deadline: IsoDate | null): boolean {
  if (b.none) return deadline === null;
  if (deadline === null) return false;
  return (b.from === null || deadline >= b.from) && (b.to === null || deadline <= b.to);
}

/**
 * The plan's task of writing the report of `period` ("Báo cáo … năm 2026", reportTaskText), as the plan writes
 * its row; null where the regime has no report closing the period's quarter.
 */
export function ownReportTask(period: ReportPeriod): string | null {
  const month = period.quarter * 3;
  if (!(REPORTING_REGIME.months as readonly number[]).includes(month)) return null;
  const item = PLAN_ITEMS.find((i) => i.rule.kind === 'reports');
  return item ? reportTaskText(item.task, month, period.year) : null;
}

/**
 * The tasks a report of `period` counts: every listed task but the one of writing that very report. A report
 * cannot state itself: while it is being written its task is open, and stating it would make the report say
 * that it is not done, or overdue ("quá hạn 2 ngày") when signed after the 5th; once signed, it is done. So
 * that task is no figure of its own period (the report, `cchc report --json`, Tổng hợp's period row, the
 * pane's rate, the consolidation) and no work for the next (section III); the next period's report counts it
 * as any other task. The live views of today (Tổng hợp's other blocks, the pane's lists) keep it: until it is
 * marked done, it is work to do. The row is matched as Tổng hợp's COUNTIFS matches it (countifsKey: the cell's
 * text regardless of case, otherwise exact), so a retyped row counts alike in every view.
 */
export function periodTasks<T extends { task: Task }>(items: readonly T[], period: ReportPeriod): T[] {
  const own = ownReportTask(period);
  if (own === null) return [...items];
  const key = countifsKey(own);
  return items.filter((x) => x.task.match.task === null || countifsKey(x.task.match.task) !== key);
}

/**
 * A task's state in the report of `period` as of `asOf`: "Chưa đến kỳ" when it falls due after the period, else
 * its deadline state. A task due before the period began counts too: the periods of a year all start on its
 * first day (or on 15/12 before it), so such a task is work carried over from an earlier year (`cchc rollover`),
 * counted from the year's first report on, overdue until it is done.
 */
export function reportState(t: Task, period: ReportPeriod, asOf: IsoDate, warningDays: number): ReportState {
  if (t.deadline !== null && t.deadline > period.to) return 'notYetInPeriod';
  return deadlineState(t, asOf, warningDays);
}

/** Counts of tasks (each with its state) by key. */
export function countStates(
  items: readonly { task: Task; state: ReportState }[],
  asOf: IsoDate,
): StateCounts {
  const c = emptyCounts();
  for (const x of items) addCount(c, x.state, x.task.deadline, asOf);
  return c;
}

export interface RollupOptions {
  asOf: IsoDate;
  warningDays: number;
  year: number;
  periodMode: PeriodMode;
  /** Lead bodies listed on Danh mục (default: the plan's). */
  listedLeads?: readonly string[];
}

export function rollup(allTasks: readonly Task[], opts: RollupOptions): Rollup {
  const { asOf, warningDays, year } = opts;
  // Rows whose Nội dung is blank show no state on the sheet; like its formulas, roll-ups skip them.
  const tasks = allTasks.filter((t) => t.listed);
  const indexed = tasks.map((task) => ({
    task,
    state: deadlineState(task, asOf, warningDays) as ReportState,
  }));
  const group = (
    keys: { key: string; label: string }[],
    keyOf: (t: Task) => string | null,
    otherLabel: string,
  ): RollupRow[] => {
    const { groups, other } = groupBy(
      indexed,
      keys.map((k) => k.key),
      (x) => keyOf(x.task),
    );
    return [
      ...keys.map((k, i) => ({ ...k, counts: countStates(groups[i], asOf) })),
      { key: OTHER_KEY, label: otherLabel, counts: countStates(other, asOf) },
    ];
  };
  const byQuarter = quarterBuckets(year).map((b) => ({
    key: b.key,
    label: b.label,
    counts: countStates(
      indexed.filter((x) => inBucket(b, x.task.deadline)),
      asOf,
    ),
  }));
  const byPeriod = reportQuarters().map((q) => {
    const period = reportPeriod(year, q, opts.periodMode);
    const inPeriod = periodTasks(
      tasks.map((task) => ({ task, state: reportState(task, period, asOf, warningDays) })),
      period,
    );
    return { key: period.id, label: period.subject, counts: countStates(inPeriod, asOf) };
  });
  return {
    asOf,
    total: countStates(indexed, asOf),
    bySection: group(
      sectionsOf().map((s) => ({ key: s.id, label: s.title })),
      (t) => t.match.section,
      OTHER_GROUP.section,
    ),
    byLead: group(
      leadsOf(tasks, opts.listedLeads ?? BODIES).map((l) => ({ key: l, label: l })),
      (t) => t.match.lead,
      OTHER_GROUP.lead,
    ),
    byQuarter,
    byPeriod,
  };
}
