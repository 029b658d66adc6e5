/**
 * The reporting regime's one table (plan section IV): which months close a report, the day of that month the
 * report is due, and the statistical cut-off of Nghị định 09/2019/NĐ-CP. The plan's report rows
 * (schedule.ts), the periods (periods.ts), the roll-ups (rollup.ts), Tổng hợp's period block
 * (summarySheet.ts) and the pane's period picker all read it (docs/extending.md, "To change the reporting
 * regime"). It holds data only: a test may replace the module (jest.mock) and every reader follows.
 */
/** A month that closes a quarter: a report month is one of these. */
export type ReportMonth = 3 | 6 | 9 | 12;

export interface ReportingRegime {
  /**
   * The months whose report the plan wants, in order: each report covers the year from its start to the end
   * of that month's quarter (3, 6, 9 months, the year).
   */
  months: readonly ReportMonth[];
  /** The day of the report month by which the report is due (the plan: "chậm nhất ngày 05"). */
  deadlineDay: number;
  /**
   * The cut-off rule (Cài đặt's "Theo NĐ 09/2019"): a window runs from this day of the month before its quarter
   * (of December before the year, for a window from the year's start) to the day before it in the report month.
   */
  cutOffDay: number;
}

/** The plan's regime: reports for 3, 6, 9 months and the year, due on the 5th of March, June, September, December. */
export const REPORTING_REGIME = {
  months: [3, 6, 9, 12],
  deadlineDay: 5,
  cutOffDay: 15,
} as const satisfies ReportingRegime;
