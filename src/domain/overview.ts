/** What the task pane shows at a glance: where the plan stands today, what is late, what is due soon. */
import { daysBetween, type IsoDate } from './dates';
import { deadlineState, type DeadlineState } from './deadline';
import { nextReportDue, type ReportPeriod } from './periods';
import { emptyCounts, addCount, percentDone, type StateCounts } from './rollup';
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
  counts: StateCounts;
  percentDone: number;
  nextReport: ReportPeriod;
  daysToNextReport: number;
  overdue: OverviewTask[];
  dueSoon: OverviewTask[];
}

export function buildOverview(tasks: readonly Task[], settings: Settings, today: IsoDate): Overview {
  const counts = emptyCounts();
  const overdue: OverviewTask[] = [];
  const dueSoon: OverviewTask[] = [];
  for (const t of tasks) {
    if (t.task === '') continue;
    const state = deadlineState(t, today, settings.warningDays);
    addCount(counts, state);
    if (state !== 'overdue' && state !== 'dueSoon') continue;
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
    (state === 'overdue' ? overdue : dueSoon).push(item);
  }
  overdue.sort((a, b) => a.daysLeft - b.daysLeft || a.row - b.row);
  dueSoon.sort((a, b) => a.daysLeft - b.daysLeft || a.row - b.row);
  const nextReport = nextReportDue(today, settings.periodMode);
  return {
    today,
    year: settings.year,
    counts,
    percentDone: percentDone(counts),
    nextReport,
    daysToNextReport: daysBetween(today, nextReport.due),
    overdue,
    dueSoon,
  };
}
