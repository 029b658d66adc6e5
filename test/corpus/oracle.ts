/**
 * The corpus's own answer to "what should the report count?", computed from the facts the generator put in
 * each row, without src/domain. The rule is the one the README and the plan state (deadline states on day T
 * with N warning days; the report's cumulative window; tasks due after the window are "Chưa đến kỳ"; tasks due
 * before it, carried over from an earlier year, count in it as their state), written
 * again here from scratch so that a mistake in the domain cannot hide in its own test.
 */

/** "yyyy-mm-dd"; compared as strings. */
export type Iso = string;

/** What a tracker row means, whatever its cells look like. */
export interface RowFacts {
  /** The task text as a reader should understand it; '' when the row has no usable task (not counted). */
  task: string;
  section: string;
  lead: string;
  /** The deadline a reader can get from the cell; null when blank or unreadable. */
  deadline: Iso | null;
  /** Trạng thái says Hoàn thành. */
  done: boolean;
  completedOn: Iso | null;
  /**
   * The sheet's Tình trạng hạn formula cannot read the row (a date typed as text, an error value in Nội dung,
   * Trạng thái or a date, TRUE in a date column, a Trạng thái that is not one of the list's values): it shows
   * "Lỗi dữ liệu", and the row counts so even when its task text is unreadable.
   */
  unreadable?: boolean;
}

export interface ReportTotals {
  tasks: number;
  doneOnTime: number;
  doneLate: number;
  overdue: number;
  dueSoon: number;
  onTrack: number;
  ongoing: number;
  dataError: number;
  notYetInPeriod: number;
  /** Done on time with a deadline, over tasks with a deadline come due by T or done (continuous ones apart). */
  rateOnTime: number;
  rateDue: number;
  completionRate: number | null;
}

export interface OracleOptions {
  /** The report date T. */
  asOf: Iso;
  warningDays: number;
  /** The report's cumulative window, inclusive. */
  from: Iso;
  to: Iso;
}

function plusDays(iso: Iso, days: number): Iso {
  const [y, m, d] = iso.split('-').map(Number);
  const t = new Date(Date.UTC(2000, 0, 1));
  t.setUTCFullYear(y, m - 1, d + days);
  return t.toISOString().slice(0, 10);
}

type State = Exclude<keyof ReportTotals, 'tasks' | 'rateOnTime' | 'rateDue' | 'completionRate'>;

function stateOn(row: RowFacts, o: OracleOptions): State {
  if (row.unreadable) return 'dataError';
  const completedBy = row.completedOn === null || row.completedOn <= o.asOf;
  if (row.done && completedBy) {
    if (row.deadline === null || row.completedOn === null || row.completedOn <= row.deadline)
      return 'doneOnTime';
    return 'doneLate';
  }
  if (row.deadline === null) return 'ongoing';
  if (row.deadline < o.asOf) return 'overdue';
  if (row.deadline <= plusDays(o.asOf, o.warningDays)) return 'dueSoon';
  return 'onTrack';
}

function emptyTotals(): ReportTotals {
  return {
    tasks: 0,
    doneOnTime: 0,
    doneLate: 0,
    overdue: 0,
    dueSoon: 0,
    onTrack: 0,
    ongoing: 0,
    dataError: 0,
    notYetInPeriod: 0,
    rateOnTime: 0,
    rateDue: 0,
    completionRate: null,
  };
}

/** The report's totals for these rows. */
export function expectedTotals(rows: readonly RowFacts[], o: OracleOptions): ReportTotals {
  const totals = emptyTotals();
  for (const row of rows) {
    if (row.task.trim() === '' && !row.unreadable) continue;
    const state: State = row.deadline !== null && row.deadline > o.to ? 'notYetInPeriod' : stateOn(row, o);
    totals.tasks += 1;
    totals[state] += 1;
    if (row.deadline === null || state === 'notYetInPeriod' || state === 'dataError') continue;
    const done = state === 'doneOnTime' || state === 'doneLate';
    if (state === 'doneOnTime') totals.rateOnTime += 1;
    if (done || row.deadline <= o.asOf) totals.rateDue += 1;
  }
  totals.completionRate = totals.rateDue === 0 ? null : totals.rateOnTime / totals.rateDue;
  return totals;
}

/**
 * How many counted rows have this lead, compared as the sheet's COUNTIFS compares them (regardless of case,
 * otherwise exactly: another spelling is counted under "Khác", and the check offers to fix it). Every task
 * counts in a report, whatever its deadline (after the window: "Chưa đến kỳ"; before it: carried over).
 */
export function expectedLeadCount(rows: readonly RowFacts[], lead: string): number {
  const key = (s: string): string => s.toLowerCase();
  return rows.filter((r) => (r.task.trim() !== '' || r.unreadable) && key(r.lead) === key(lead)).length;
}

/** The calendar window of the 6-month report of `year` (what `--period YYYY-Q2` compiles by default). */
export function halfYear(year: number, asOf: Iso, warningDays = 7): OracleOptions {
  return { asOf, warningDays, from: `${year}-01-01`, to: `${year}-06-30` };
}
