/**
 * Reporting periods (plan section IV), as the reporting regime's table says (reportingRegime.ts): reports tied
 * to quarters of year Y and cumulative from the start of the year; the plan's are quý I (3 tháng), 6 tháng đầu
 * năm, 9 tháng, năm, due 05/03, 05/06, 05/09, 05/12. The window is the calendar (01/01/Y to the quarter's end)
 * by default, or, where Cài đặt says so, the statistical cut-off of Nghị định 09/2019/NĐ-CP: from the regime's
 * cut-off day (15/12) of Y−1 to the day before it (the 14th) of the period's last month.
 */
import { endOfQuarter, isoFromYmd, startOfQuarter, ymdFromIso, type IsoDate } from './dates';
import type { PeriodMode } from './settings';
import { PERIOD_TEXT } from '../i18n/vi';
import { ROMAN_QUARTER } from './schedule';
import { REPORTING_REGIME, type ReportingRegime } from './reportingRegime';

export type Quarter = 1 | 2 | 3 | 4;

export interface ReportPeriod {
  year: number;
  quarter: Quarter;
  mode: PeriodMode;
  /** "2026-Q2" */
  id: string;
  /** The cumulative window, inclusive. */
  from: IsoDate;
  to: IsoDate;
  /** The quarter on its own, inclusive. */
  quarterFrom: IsoDate;
  quarterTo: IsoDate;
  /** When the plan wants the report: 05/03, 05/06, 05/09, 05/12 of Y. */
  due: IsoDate;
  /** "quý I năm 2026", "6 tháng đầu năm 2026", "9 tháng năm 2026", "năm 2026": as in a report's subject. */
  subject: string;
  /** "Quý II/2026" */
  quarterLabel: string;
  /** Name of the report sheet, ≤ 31 characters: "Báo cáo 6 tháng 2026". */
  sheetName: string;
}

/** The quarters whose last month is a report month of the regime, in order. */
export function reportQuarters(regime: ReportingRegime = REPORTING_REGIME): Quarter[] {
  return regime.months.map((m) => (m / 3) as Quarter);
}

export function reportPeriod(year: number, quarter: Quarter, mode: PeriodMode = 'calendar'): ReportPeriod {
  const lastMonth = quarter * 3;
  const calendar = mode === 'calendar';
  const { cutOffDay, deadlineDay } = REPORTING_REGIME;
  return {
    year,
    quarter,
    mode,
    id: `${year}-Q${quarter}`,
    from: calendar ? isoFromYmd(year, 1, 1) : isoFromYmd(year - 1, 12, cutOffDay),
    to: calendar ? endOfQuarter(year, quarter) : isoFromYmd(year, lastMonth, cutOffDay - 1),
    quarterFrom: calendar
      ? startOfQuarter(year, quarter)
      : quarter === 1
        ? isoFromYmd(year - 1, 12, cutOffDay)
        : isoFromYmd(year, lastMonth - 3, cutOffDay),
    quarterTo: calendar ? endOfQuarter(year, quarter) : isoFromYmd(year, lastMonth, cutOffDay - 1),
    due: isoFromYmd(year, lastMonth, deadlineDay),
    subject: `${PERIOD_TEXT.subject[quarter - 1]} ${year}`,
    quarterLabel: PERIOD_TEXT.quarter(ROMAN_QUARTER[quarter - 1], year),
    sheetName: PERIOD_TEXT.sheetName(PERIOD_TEXT.sheetLabel[quarter - 1], year),
  };
}

/** "2026-Q2" → {year: 2026, quarter: 2}; null when malformed. */
export function parsePeriodId(text: string): { year: number; quarter: Quarter } | null {
  const m = /^(\d{4})-Q([1-4])$/i.exec(text.trim());
  if (!m) return null;
  const year = Number(m[1]);
  if (year < 1990 || year > 2100) return null;
  return { year, quarter: Number(m[2]) as Quarter };
}

/**
 * The period whose quarter contains `date` (what the ribbon button compiles); where the regime reports less
 * often than quarterly, the first report whose quarter is that one or later.
 */
export function periodContaining(date: IsoDate, mode: PeriodMode = 'calendar'): ReportPeriod {
  const { year, month, day } = ymdFromIso(date);
  if (mode === 'calendar') return reportOf(year, Math.floor((month - 1) / 3) + 1, mode);
  // Cut-off windows run from the 15th of the month before the quarter to the 14th of its last month.
  const { cutOffDay } = REPORTING_REGIME;
  if (month === 12 && day >= cutOffDay) return reportOf(year + 1, 1, mode);
  const shifted = day >= cutOffDay ? month + 1 : month; // the window's "month" in calendar terms
  return reportOf(year, Math.floor((shifted - 1) / 3) + 1, mode);
}

/** The report of year `year` whose quarter is `quarter` or the first after it that reports. */
function reportOf(year: number, quarter: number, mode: PeriodMode): ReportPeriod {
  const quarters = reportQuarters();
  return reportPeriod(year, quarters.find((q) => q >= quarter) ?? quarters[quarters.length - 1], mode);
}

/**
 * The period an action compiles by default on `asOf` for a tracker of `year`: the one whose quarter holds the
 * day; once the tracker's year is over (the year-end report is written in January), that year's report.
 */
export function currentPeriod(asOf: IsoDate, year: number, mode: PeriodMode = 'calendar'): ReportPeriod {
  const containing = periodContaining(asOf, mode);
  const quarters = reportQuarters();
  return containing.year > year ? reportPeriod(year, quarters[quarters.length - 1], mode) : containing;
}

/** The report after this one (the year's last → the next year's first). */
export function nextPeriod(p: ReportPeriod): ReportPeriod {
  const quarters = reportQuarters();
  const next = quarters.find((q) => q > p.quarter);
  return next === undefined
    ? reportPeriod(p.year + 1, quarters[0], p.mode)
    : reportPeriod(p.year, next, p.mode);
}

/** The next report the plan expects on or after `date`, for the task pane's "next report due". */
export function nextReportDue(date: IsoDate, mode: PeriodMode = 'calendar'): ReportPeriod {
  const { year } = ymdFromIso(date);
  for (const y of [year, year + 1]) {
    for (const q of reportQuarters()) {
      const p = reportPeriod(y, q, mode);
      if (p.due >= date) return p;
    }
  }
  return reportPeriod(year + 1, reportQuarters()[0], mode);
}
