/**
 * Reporting periods (plan section IV): four reports a year, each tied to a quarter of year Y and cumulative
 * from the start of the year: quý I (3 tháng), 6 tháng đầu năm, 9 tháng, năm; due 05/03, 05/06, 05/09, 05/12.
 * The window is the calendar (01/01/Y to the quarter's end) by default, or, where Cài đặt says so, the
 * statistical cut-off of Nghị định 09/2019/NĐ-CP: from 15/12 of Y−1 to the 14th of the period's last month.
 */
import { endOfQuarter, isoFromYmd, startOfQuarter, ymdFromIso, type IsoDate } from './dates';
import type { PeriodMode } from './settings';
import { PERIOD_TEXT } from '../i18n/vi';
import { ROMAN_QUARTER } from './schedule';

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

const DUE_MONTH = [3, 6, 9, 12] as const;

export function reportPeriod(year: number, quarter: Quarter, mode: PeriodMode = 'calendar'): ReportPeriod {
  const lastMonth = quarter * 3;
  const calendar = mode === 'calendar';
  return {
    year,
    quarter,
    mode,
    id: `${year}-Q${quarter}`,
    from: calendar ? isoFromYmd(year, 1, 1) : isoFromYmd(year - 1, 12, 15),
    to: calendar ? endOfQuarter(year, quarter) : isoFromYmd(year, lastMonth, 14),
    quarterFrom: calendar
      ? startOfQuarter(year, quarter)
      : quarter === 1
        ? isoFromYmd(year - 1, 12, 15)
        : isoFromYmd(year, lastMonth - 3, 15),
    quarterTo: calendar ? endOfQuarter(year, quarter) : isoFromYmd(year, lastMonth, 14),
    due: isoFromYmd(year, DUE_MONTH[quarter - 1], 5),
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

/** The period whose quarter contains `date` (what the ribbon button compiles). */
export function periodContaining(date: IsoDate, mode: PeriodMode = 'calendar'): ReportPeriod {
  const { year, month, day } = ymdFromIso(date);
  if (mode === 'calendar') return reportPeriod(year, (Math.floor((month - 1) / 3) + 1) as Quarter, mode);
  // Cut-off windows run from the 15th of the month before the quarter to the 14th of its last month.
  if (month === 12 && day >= 15) return reportPeriod(year + 1, 1, mode);
  const shifted = day >= 15 ? month + 1 : month; // the window's "month" in calendar terms
  return reportPeriod(year, (Math.floor((shifted - 1) / 3) + 1) as Quarter, mode);
}

/**
 * The period an action compiles by default on `asOf` for a tracker of `year`: the one whose quarter holds the
 * day; once the tracker's year is over (the year-end report is written in January), that year's report.
 */
export function currentPeriod(asOf: IsoDate, year: number, mode: PeriodMode = 'calendar'): ReportPeriod {
  const containing = periodContaining(asOf, mode);
  return containing.year > year ? reportPeriod(year, 4, mode) : containing;
}

/** The period after this one (Q4 → Q1 of the next year). */
export function nextPeriod(p: ReportPeriod): ReportPeriod {
  return p.quarter === 4
    ? reportPeriod(p.year + 1, 1, p.mode)
    : reportPeriod(p.year, (p.quarter + 1) as Quarter, p.mode);
}

/** The next report the plan expects on or after `date`, for the task pane's "next report due". */
export function nextReportDue(date: IsoDate, mode: PeriodMode = 'calendar'): ReportPeriod {
  const { year } = ymdFromIso(date);
  for (const y of [year, year + 1]) {
    for (const q of [1, 2, 3, 4] as const) {
      const p = reportPeriod(y, q, mode);
      if (p.due >= date) return p;
    }
  }
  return reportPeriod(year + 1, 1, mode);
}
