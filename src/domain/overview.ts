/** What the task pane shows at a glance: where the plan stands today, what is late, what is due soon. */
import { daysBetween, type IsoDate } from './dates';
import { deadlineState, type DeadlineState } from './deadline';
import { nextReportDue, type ReportPeriod } from './periods';
import { addCount, completionRate, emptyCounts, reportState, type StateCounts } from './rollup';
import { reportPeriod } from './periods';
import type { Settings } from './settings';
import type { Task } from './tracker';

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
}

export function buildOverview(tasks: readonly Task[], settings: Settings, today: IsoDate): Overview {
  const counts = emptyCounts();
  const overdue: OverviewTask[] = [];
  const dueSoon: OverviewTask[] = [];
  const dataErrors: OverviewTask[] = [];
  const year = reportPeriod(settings.year, 4, settings.periodMode);
  const yearCounts = emptyCounts();
  for (const t of tasks) {
    if (!t.listed) continue;
    const state = deadlineState(t, today, settings.warningDays);
    addCount(counts, state, t.deadline, today);
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
  };
}
