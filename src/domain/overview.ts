/** What the task pane shows at a glance: where the plan stands today, what is late, what is due soon. */
import { daysBetween, type IsoDate } from './dates';
import { deadlineState, type DeadlineState } from './deadline';
import { nextReportDue, type ReportPeriod } from './periods';
import { addCount, completionRate, emptyCounts, periodTasks, reportState, type StateCounts } from './rollup';
import { reportPeriod } from './periods';
import { buildTthcReport } from './reportTthc';
import type { Settings } from './settings';
import type { Task } from './tracker';
import { currentPeriod } from './periods';
import { onTimeRate, resolvedOf, TTHC_FIELDS, type TthcRead } from './tthc';
import { tthcFieldsOf, tthcFigures } from './tthcFigures';

export interface OverviewTask {
  row: number;
  stt: string;
  section: string;
  task: string;
  lead: string;
  deadline: IsoDate | null;
  state: DeadlineState;
  /** Negative: days late; positive: days left. */
  daysLeft: number;
}

export interface Overview {
  today: IsoDate;
  year: number;
  /** Every task of the tracker, by its state today (what the sheet's Tình trạng hạn column shows). */
  counts: StateCounts;
  /**
   * "Tỷ lệ hoàn thành" of the year to date, as the year's report and Tổng hợp define it (rollup.completionRate):
   * null when nothing has come due.
   */
  rate: number | null;
  /** Its numerator and denominator. */
  rateOnTime: number;
  rateDue: number;
  /** Rows showing "Lỗi dữ liệu". */
  dataErrors: OverviewTask[];
  nextReport: ReportPeriod;
  daysToNextReport: number;
  overdue: OverviewTask[];
  dueSoon: OverviewTask[];
  /** The one-stop shop's dossier figures (Hồ sơ TTHC); undefined when the workbook has no such sheet. */
  tthc?: TthcOverview;
}

/** A field with late (resolved late) or overdue (pending overdue) dossiers in the period. */
interface TthcLateField {
  field: string;
  /** Resolved late over the period's months. */
  late: number;
  /** Pending overdue at the end of the period's last month with figures. */
  pendingLate: number;
  lateMonths: number[];
  /** "Thường xuyên trễ hạn": late in at least two months of the period. */
  frequent: boolean;
  /** The sheet row to show: the latest of the field's rows with late or overdue dossiers. */
  row: number;
}

/** What the pane shows of Hồ sơ TTHC: the latest month's and the period's on-time rate, the late fields. */
export interface TthcOverview {
  /** The sheet can be read (false: it exists but its header or a column is missing). */
  present: boolean;
  /** The sheet row of its first data row (below the header). */
  firstRow: number;
  /** The latest month of the year with figures; null when none. */
  latestMonth: number | null;
  latestRate: number | null;
  latestOnTime: number;
  latestResolved: number;
  /**
   * The report period the figures are for (the one compiled by default today), and its months with figures:
   * the report's TTHC part as of today (report.buildTthcReport), the fields it leaves out left out here too.
   */
  period: ReportPeriod;
  periodMonths: number[];
  periodRate: number | null;
  periodOnTime: number;
  periodResolved: number;
  lateFields: TthcLateField[];
  /** Fields the report leaves out of its figures (theirs do not add up, or a row of theirs is a data error). */
  leftOutFields: string[];
  /** Rows showing "Lỗi dữ liệu" (counted nowhere): the sheet row, and its month and field where readable. */
  dataErrorRows: { row: number; month: number | null; field: string | null }[];
}

/** The pane's TTHC figures (the same rules as the report: domain/tthc.tthcFigures). */
export function buildTthcOverview(
  read: TthcRead,
  settings: Settings,
  today: IsoDate,
  listedFields: readonly string[] = TTHC_FIELDS,
): TthcOverview {
  const rows = read.readable ? read.rows : [];
  const fields = tthcFieldsOf(rows, listedFields);
  const period = currentPeriod(today, settings.year, settings.periodMode);
  const year = tthcFigures(rows, { from: 1, to: 12 }, fields);
  const latestMonth = year.months.length > 0 ? year.months[year.months.length - 1] : null;
  const latest =
    latestMonth === null ? null : tthcFigures(rows, { from: latestMonth, to: latestMonth }, fields);
  // The period's figures are the report's own (one truth): its TTHC window as of today (the months up to
  // today's, with the period's cut-off), over the fields whose figures add up.
  const report = buildTthcReport(read, period, listedFields, [], '', today);
  const p = report.figures;
  const good = (f: { early: number; onTime: number }): number => f.early + f.onTime;
  return {
    present: read.readable,
    firstRow: read.headerRow + 2,
    latestMonth,
    latestRate: latest ? onTimeRate(latest.totals) : null,
    latestOnTime: latest ? good(latest.totals) : 0,
    latestResolved: latest ? resolvedOf(latest.totals) : 0,
    period,
    periodMonths: p.months,
    periodRate: p.onTimeRate,
    periodOnTime: good(p.totals),
    periodResolved: resolvedOf(p.totals),
    lateFields: p.byField
      .filter((b) => b.figures.late + b.figures.pendingLate > 0 && b.lateRows.length > 0)
      .map((b) => ({
        field: b.field,
        late: b.figures.late,
        pendingLate: b.figures.pendingLate,
        lateMonths: b.lateMonths,
        frequent: p.frequentLate.includes(b),
        row: b.lateRows[b.lateRows.length - 1],
      }))
      .sort(
        (a, b) =>
          Number(b.frequent) - Number(a.frequent) || b.late + b.pendingLate - (a.late + a.pendingLate),
      ),
    leftOutFields: report.unbalanced.map((u) => u.field),
    dataErrorRows: rows
      .filter((r) => r.state === 'dataError')
      .map((r) => ({ row: r.row, month: r.month, field: r.field })),
  };
}

export function buildOverview(
  tasks: readonly Task[],
  settings: Settings,
  today: IsoDate,
  tthc?: { read: TthcRead; listedFields?: readonly string[] },
): Overview {
  const counts = emptyCounts();
  const overdue: OverviewTask[] = [];
  const dueSoon: OverviewTask[] = [];
  const dataErrors: OverviewTask[] = [];
  const year = reportPeriod(settings.year, 4, settings.periodMode);
  const yearCounts = emptyCounts();
  // The rate is the year report's, which leaves out its own task (rollup.periodTasks); the lists and counts
  // are today's work, that task included until it is marked done.
  const inYear = new Set(
    periodTasks(
      tasks.filter((t) => t.listed).map((task) => ({ task })),
      year,
    ).map((x) => x.task),
  );
  for (const t of tasks) {
    if (!t.listed) continue;
    const state = deadlineState(t, today, settings.warningDays);
    addCount(counts, state, t.deadline, today);
    if (inYear.has(t))
      addCount(yearCounts, reportState(t, year, today, settings.warningDays), t.deadline, today);
    if (state !== 'overdue' && state !== 'dueSoon' && state !== 'dataError') continue;
    const item: OverviewTask = {
      row: t.row,
      stt: t.stt,
      section: t.section,
      task: t.task,
      lead: t.lead,
      deadline: t.deadline,
      state,
      daysLeft: t.deadline ? daysBetween(today, t.deadline) : 0,
    };
    (state === 'overdue' ? overdue : state === 'dueSoon' ? dueSoon : dataErrors).push(item);
  }
  overdue.sort((a, b) => a.daysLeft - b.daysLeft || a.row - b.row);
  dueSoon.sort((a, b) => a.daysLeft - b.daysLeft || a.row - b.row);
  const nextReport = nextReportDue(today, settings.periodMode);
  return {
    today,
    year: settings.year,
    counts,
    rate: completionRate(yearCounts),
    rateOnTime: yearCounts.rateOnTime,
    rateDue: yearCounts.rateDue,
    dataErrors,
    nextReport,
    daysToNextReport: daysBetween(today, nextReport.due),
    overdue,
    dueSoon,
    ...(tthc?.read.present ? { tthc: buildTthcOverview(tthc.read, settings, today, tthc.listedFields) } : {}),
  };
}
