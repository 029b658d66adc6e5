/** How the pane words numbers, dates and periods: pure functions over the domain's values. */
import { formatVnDate, type IsoDate } from '../domain/dates';
import type { OverviewTask } from '../domain/overview';
import {
  periodContaining,
  reportPeriod,
  reportQuarters,
  type Quarter,
  type ReportPeriod,
} from '../domain/periods';
import { PANE } from '../i18n/ui';
import { percentVi } from '../i18n/vi';

/** 0.256 → "26%" (whole percent, as a commune report writes it). */
export function percentText(share: number): string {
  return `${Math.round(share * 100)}%`;
}

/** 0.9971 → "99,7%": a share with one decimal, as the report writes the on-time rate (a whole 100% would hide 3 late of 1,043). */
export function percentOneDecimal(share: number): string {
  return percentVi(share);
}

/** "13:05": the local time of day. */
export function timeText(date: Date): string {
  return `${String(date.getHours()).padStart(2, '0')}:${String(date.getMinutes()).padStart(2, '0')}`;
}

/** "Báo cáo 6 tháng đầu năm 2026 — hạn 05/06/2026, còn 3 ngày". */
export function nextReportText(period: ReportPeriod, daysLeft: number): string {
  return PANE.nextReport(period.subject, formatVnDate(period.due), daysLeft);
}

/** "Hạn 31/03/2026 · trễ 5 ngày" / "Hạn 05/06/2026 · còn 3 ngày" / "Không có hạn". */
export function taskDeadlineText(task: Pick<OverviewTask, 'deadline' | 'daysLeft'>): string {
  if (!task.deadline) return PANE.noDeadline;
  const when = task.daysLeft < 0 ? PANE.daysLate(-task.daysLeft) : PANE.daysLeft(task.daysLeft);
  return `${PANE.taskDeadline(formatVnDate(task.deadline))} · ${when}`;
}

/** Years offered by the init picker: three either side of the current year. */
export function yearChoices(currentYear: number): number[] {
  return Array.from({ length: 7 }, (_, i) => currentYear - 3 + i);
}

export interface PeriodChoice {
  /** "2026-Q2" */
  id: string;
  year: number;
  quarter: Quarter;
  /** "Quý II/2026" */
  label: string;
}

/** The reports of last year, this year and next year (the regime's quarters), in order. */
export function periodChoices(today: IsoDate): PeriodChoice[] {
  const year = Number(today.slice(0, 4));
  const out: PeriodChoice[] = [];
  for (const y of [year - 1, year, year + 1]) {
    for (const q of reportQuarters()) {
      const p = reportPeriod(y, q);
      out.push({ id: p.id, year: y, quarter: q, label: p.quarterLabel });
    }
  }
  return out;
}

/** The calendar quarter containing today: what the report picker starts at. */
export function defaultPeriodId(today: IsoDate): string {
  return periodContaining(today, 'calendar').id;
}
