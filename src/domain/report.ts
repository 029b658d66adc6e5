/**
 * The periodic report's content (Nghị định 30/2020/NĐ-CP, Phụ lục I, "báo cáo"): what it says, as data.
 * src/sheets/reportSheet.ts lays it out for printing. Everything that names the commune, the recipient, the
 * place, the plan or the signer comes from Settings. Every row the sheet counts is counted here as the sheet
 * shows it; a row with a data error is counted so, and listed for the officer to fix, never named in the
 * signed text with a field missing.
 */
import { OTHER_GROUP, REPORT_WORDS, SHEET } from '../i18n/vi';
import { daysBetween, ymdFromIso, type IsoDate } from './dates';
import { deadlineState, isDone } from './deadline';
import { nextPeriod, type ReportPeriod } from './periods';
import { NO_RESULTS, type ResultsRead, type WrittenResult } from './results';
import { REPORT_SUBJECT } from './plan';
import { expandSchedule, PLAN_YEARS } from './schedule';
import { normalizeKey } from './text';
import type { Problem } from './problems';
import {
  completionRate,
  countStates,
  groupBy,
  leadsOf,
  OTHER_KEY,
  periodTasks,
  reportState,
  sectionsOf,
  type ReportState,
  type StateCounts,
} from './rollup';
import { signatureLines, type Settings } from './settings';
import type { Task } from './tracker';
import { hasFigures, type TthcPeriodFigures } from './tthcFigures';
import { buildTthcReport, type DataErrorRow, type ReportCause, type TthcReport } from './reportTthc';
import { TTHC_FIGURE_KEYS, type TthcFigures, type TthcRead } from './tthc';

const TTHC_SHEET = SHEET.tthc;
export type ReportCounts = StateCounts;

export interface ReportedTask {
  task: Task;
  state: ReportState;
  /** Days past the deadline at the report date (overdue tasks). */
  daysLate: number;
}

/**
 * The figures of a group of tasks (all of them, a plan section, a lead body) as the report states them: computed
 * once, here, and written by every sentence and table of the report, so no figure is stated twice differently.
 * A row whose state the sheet's formula cannot read ("Lỗi dữ liệu") is counted in none of them (`uncounted`);
 * the report says so to the officer, outside the signed text.
 */
export interface TaskFigures {
  /** Tasks of the period whose state is read: dated + continuous. */
  counted: number;
  /** With a deadline in the period (or carried over from before it). */
  dated: number;
  /** Without a deadline (done or not). */
  continuous: number;
  /** Dated, done on time (the completion rate's numerator). */
  doneOnTime: number;
  /** Dated, done after the deadline. */
  doneLate: number;
  /** Dated, not done, the deadline before the as-of day. */
  overdue: number;
  /** Dated, not done, due on the as-of day. */
  dueToday: number;
  /** Dated, not done, due after the as-of day, by status: not started, and started (or status blank). */
  notYetDueNotStarted: number;
  notYetDueInProgress: number;
  /** The completion rate's denominator: dated tasks come due by the as-of day or done. */
  due: number;
  /** doneOnTime / due; null when nothing has come due. */
  rate: number | null;
  /** Rows of the period showing "Lỗi dữ liệu": counted in none of the figures above. */
  uncounted: number;
}

/** The task figures of a group, from the group's tasks as the report counts them. */
function taskFigures(items: readonly ReportedTask[], asOf: IsoDate): TaskFigures {
  const c = countStates(items, asOf);
  const notYetDue = items.filter(
    (r) =>
      (r.state === 'dueSoon' || r.state === 'onTrack') && r.task.deadline !== null && r.task.deadline > asOf,
  );
  const notStarted = notYetDue.filter((r) => r.task.status === 'notStarted').length;
  const dueToday = c.dueSoon + c.onTrack - notYetDue.length;
  return {
    counted: c.tasks - c.notYetInPeriod - c.dataError,
    dated: c.rateOnTime + c.doneLate + c.overdue + c.dueSoon + c.onTrack,
    continuous: c.ongoing + (c.doneOnTime - c.rateOnTime),
    doneOnTime: c.rateOnTime,
    doneLate: c.doneLate,
    overdue: c.overdue,
    dueToday,
    notYetDueNotStarted: notStarted,
    notYetDueInProgress: notYetDue.length - notStarted,
    due: c.rateDue,
    rate: completionRate(c),
    uncounted: c.dataError,
  };
}

interface ReportSection {
  id: string;
  title: string;
  counts: StateCounts;
  figures: TaskFigures;
  /** Tasks done by the report date, with their results (Kết quả / Hồ sơ minh chứng). */
  done: ReportedTask[];
  /** Tasks overdue at the report date, with their lead body, most late first. */
  overdue: ReportedTask[];
  /** Tasks due from the as-of day to the period's end, not done: in progress (or not started), by deadline. */
  pending: ReportedTask[];
  /** What the officer wrote as done under the section's tasks in the period's quarters, in the plan's order. */
  results: WrittenResult[];
  /** Standing tasks (no deadline) of the section. */
  standing: number;
}

/**
 * A Ghi chú the officer wrote, not the one `init` wrote: the plan's own notes ("Kế hoạch không nêu quý; đặt hạn
 * cuối Quý I…") explain how the tool read the plan and are no reason for a task being late. A period's year
 * can lie past the plan's range (a cut-off window from 15/12/2100 is 2101's): the notes of the nearest year
 * the plan is expanded for are compared then. Made once per report: the plan is expanded once, not per task.
 */
function officerNoteTest(year: number): (note: string) => boolean {
  const planYear = Math.min(PLAN_YEARS.last, Math.max(PLAN_YEARS.first, year));
  const planNotes = new Set(
    expandSchedule(planYear)
      .filter((t) => t.note !== '')
      .map((t) => normalizeKey(t.note)),
  );
  return (note) => {
    const key = normalizeKey(note);
    return key !== '' && !planNotes.has(key);
  };
}

export interface ReportContent {
  period: ReportPeriod;
  asOf: IsoDate;
  /** "ỦY BAN NHÂN DÂN" / "XÃ LONG ĐIỀN A" */
  issuerLines: [string, string];
  /** "Long Điền A, ngày 05 tháng 6 năm 2026" */
  placeDate: string;
  /** "Kết quả thực hiện Kế hoạch … 6 tháng đầu năm 2026" */
  subject: string;
  recipient: string;
  unitName: string;
  /** The plan cited in the opening: number and date where Cài đặt gives them. */
  plan: { number: string; date: IsoDate | null };
  totals: StateCounts;
  /** The figures every sentence and table states (taskFigures of all the period's tasks). */
  figures: TaskFigures;
  /** "Tỷ lệ hoàn thành" (rollup.completionRate); null when nothing has come due. */
  rate: number | null;
  sections: ReportSection[];
  byLead: { lead: string; counts: StateCounts }[];
  /** Tồn tại, hạn chế: every task counted overdue at the report date (`figures.overdue`), most late first. */
  overdue: ReportedTask[];
  /** The same list (kept for the consolidation of many communes, which flags rows with data errors). */
  overdueAll: ReportedTask[];
  /** Done after the deadline. */
  doneLate: ReportedTask[];
  /** Nguyên nhân: the Ghi chú of every late or overdue task, in the plan's order. */
  causes: ReportCause[];
  /**
   * Nhiệm vụ trọng tâm kỳ tới: not done, deadline after the as-of day and by the end of the next period's
   * quarter, by deadline.
   */
  nextQuarter: ReportedTask[];
  nextQuarterLabel: string;
  /** The work the officer planned for the next quarter (results sheet, kind 'planned'), in the plan's order. */
  planned: WrittenResult[];
  /** Rows whose data the check rejects, in sheet order. */
  dataErrors: DataErrorRow[];
  tthc: TthcReport;
  /** Nơi nhận lines, each starting with "- ": "- Như trên;" first (the text has Kính gửi), "- Lưu: VT, TH." last. */
  recipients: string[];
  /** Upper-case lines of the signature block ("TM. ỦY BAN NHÂN DÂN", …) and the signer's name. */
  signature: { lines: string[]; name: string };
}

/** "UBND xã Long Điền A" → ["ỦY BAN NHÂN DÂN", "XÃ LONG ĐIỀN A"]. Other names: the whole name on the second line. */
export function issuerLines(unitName: string): [string, string] {
  const m = REPORT_WORDS.peoplesCommitteeUnit.exec(unitName.normalize('NFC').trim());
  if (m) return [REPORT_WORDS.peoplesCommittee, m[1].toLocaleUpperCase('vi')];
  return ['', unitName.toLocaleUpperCase('vi')];
}

/**
 * A date as Nghị định 30 writes it in words: days below 10 and the months 1 and 2 take a leading zero, months
 * 3–12 never do: "ngày 05 tháng 6 năm 2026", "ngày 28 tháng 02 năm 2026", "ngày 03 tháng 12 năm 2026".
 */
export function dateInWords(date: IsoDate): string {
  const { year, month, day } = ymdFromIso(date);
  const mm = month <= 2 ? String(month).padStart(2, '0') : String(month);
  return REPORT_WORDS.dateInWords(String(day).padStart(2, '0'), mm, year);
}

export function placeDateLine(place: string, date: IsoDate): string {
  return `${place}, ${dateInWords(date)}`;
}

/** Nơi nhận: "- Như trên;" (the report is addressed by Kính gửi), the other recipients, "- Lưu: VT, TH.". */
function recipientLines(others: readonly string[]): string[] {
  return [
    REPORT_WORDS.recipientsFirst,
    ...others.map((r) => `- ${r.replace(/[;.]\s*$/, '')};`),
    REPORT_WORDS.recipientsLast,
  ];
}

/** The rows that have check errors, with their messages, in sheet order. */
export function dataErrorRows(
  tasks: readonly Task[],
  errors: readonly Problem[],
  sheet: string,
): DataErrorRow[] {
  const byRow = new Map<number, { cell: string; message: string }[]>();
  for (const p of errors) {
    if (p.severity !== 'error' || p.sheet !== sheet) continue;
    const m = /^[A-Z]+(\d+)$/.exec(p.cell);
    if (!m) continue;
    const row = Number(m[1]);
    const list = byRow.get(row) ?? [];
    list.push({ cell: p.cell, message: p.message });
    byRow.set(row, list);
  }
  const text = new Map(tasks.map((t) => [t.row, t.task]));
  return [...byRow.entries()]
    .filter(([row]) => text.has(row))
    .sort((a, b) => a[0] - b[0])
    .map(([row, problems]) => ({ row, task: text.get(row) ?? '', problems }));
}

export interface ReportInput {
  tasks: readonly Task[];
  settings: Settings;
  period: ReportPeriod;
  asOf: IsoDate;
  /** The check's errors (as of `asOf`): their rows are listed apart and never named in the text. */
  errors?: readonly Problem[];
  /** The tracker sheet's name (errors on other sheets are not rows). */
  trackerSheet?: string;
  /** Lead bodies listed on Danh mục. */
  listedLeads?: readonly string[];
  /** "Hồ sơ TTHC" as read, and the fields on Danh mục (default: no such sheet). */
  tthc?: { read: TthcRead; listedFields?: readonly string[] };
  /** What the officer wrote per task and quarter (default: no results sheet). */
  results?: ResultsRead;
}

const byLate = (a: ReportedTask, b: ReportedTask): number =>
  b.daysLate - a.daysLate || a.task.row - b.task.row;
const byDeadline = (a: ReportedTask, b: ReportedTask): number =>
  (a.task.deadline ?? '').localeCompare(b.task.deadline ?? '') || a.task.row - b.task.row;

/** Part I by plan section: each section's tasks in their states, and what the officer wrote for the period. */
function reportSections(
  reported: ReportedTask[],
  results: ResultsRead,
  period: ReportPeriod,
  asOf: IsoDate,
): ReportSection[] {
  const sectionList = sectionsOf();
  const sectionIds = sectionList.map((s) => s.id);
  const bySection = groupBy(reported, sectionIds, (r) => r.task.match.section);
  const written = results.entries
    .filter((e) => e.kind === 'result' && e.quarter <= period.quarter)
    .sort((a, b) => a.order - b.order || a.quarter - b.quarter);
  const resultsBySection = groupBy(written, sectionIds, (e) => e.section);
  const isPending = (r: ReportedTask): boolean => r.state === 'dueSoon' || r.state === 'onTrack';
  const sectionOf = (
    id: string,
    title: string,
    mine: ReportedTask[],
    words: WrittenResult[],
  ): ReportSection => ({
    id,
    title,
    counts: countStates(mine, asOf),
    figures: taskFigures(mine, asOf),
    done: mine.filter((r) => r.state !== 'notYetInPeriod' && isDone(r.state)),
    overdue: mine.filter((r) => r.state === 'overdue').sort(byLate),
    pending: mine.filter(isPending).sort(byDeadline),
    results: words,
    standing: mine.filter(
      (r) => r.task.deadline === null && r.state !== 'dataError' && r.state !== 'notYetInPeriod',
    ).length,
  });
  const sections = sectionList.map((s, i) =>
    sectionOf(s.id, s.title, bySection.groups[i], resultsBySection.groups[i]),
  );
  if (bySection.other.length > 0 || resultsBySection.other.length > 0)
    sections.push(sectionOf(OTHER_KEY, OTHER_GROUP.section, bySection.other, resultsBySection.other));
  return sections;
}

/**
 * Part III: the tasks not done that fall due after the as-of day and by the end of the next quarter, and the
 * work the officer planned for the next quarter (written on the period's quarter row: for a Quý IV report, the
 * next year's Quý I).
 */
function nextPeriodWork(
  tasks: readonly Task[],
  results: ResultsRead,
  period: ReportPeriod,
  asOf: IsoDate,
  warningDays: number,
): { nextQuarter: ReportedTask[]; planned: WrittenResult[] } {
  const next = nextPeriod(period);
  // The plan's task of writing this very report is done by signing it: not work for the next period.
  const nextQuarter = periodTasks(
    tasks.map((task) => ({ task, state: 'notYetInPeriod' as const, daysLate: 0 })),
    period,
  )
    .filter(({ task: t }) => t.deadline !== null && t.deadline > asOf && t.deadline <= next.quarterTo)
    .filter(({ task: t }) => {
      const state = deadlineState(t, asOf, warningDays);
      return state !== 'dataError' && !isDone(state);
    })
    .sort(byDeadline);
  const planned = results.entries
    .filter(
      (e) =>
        e.kind === 'planned' && e.quarter === next.quarter && !!e.nextYear === (next.year !== period.year),
    )
    .sort((a, b) => a.order - b.order);
  return { nextQuarter, planned };
}

export function buildReport(input: ReportInput): ReportContent {
  const { settings, period, asOf } = input;
  const N = settings.warningDays;
  const tasks = input.tasks.filter((t) => t.listed);
  const dataErrors = dataErrorRows(tasks, input.errors ?? [], input.trackerSheet ?? '');
  const all: ReportedTask[] = [];
  for (const task of tasks) {
    const state = reportState(task, period, asOf, N);
    const daysLate = state === 'overdue' && task.deadline ? daysBetween(task.deadline, asOf) : 0;
    all.push({ task, state, daysLate });
  }
  // Every figure and list of the report leaves out the task of writing this report (periodTasks says why):
  // never "quá hạn" about itself, never "đang thực hiện" while it is being signed. Its row, if it has a data
  // error, is still listed for the officer to fix (dataErrors, outside the signed text).
  const reported = periodTasks(all, period);
  const results = input.results ?? NO_RESULTS;
  const sections = reportSections(reported, results, period, asOf);
  const leadList = leadsOf(tasks, input.listedLeads);
  const byLeadGroups = groupBy(reported, leadList, (r) => r.task.match.lead);
  const byLead = leadList.map((lead, i) => ({ lead, counts: countStates(byLeadGroups.groups[i], asOf) }));
  if (byLeadGroups.other.length > 0)
    byLead.push({ lead: OTHER_GROUP.lead, counts: countStates(byLeadGroups.other, asOf) });
  const next = nextPeriod(period);
  const { nextQuarter, planned } = nextPeriodWork(tasks, results, period, asOf, N);
  const totals = countStates(reported, asOf);
  const overdue = reported.filter((r) => r.state === 'overdue').sort(byLate);
  const doneLate = reported.filter((r) => r.state === 'doneLate');
  const isOfficerNote = officerNoteTest(period.year);
  const causes: ReportCause[] = reported
    .filter((r) => (r.state === 'overdue' || r.state === 'doneLate') && isOfficerNote(r.task.note))
    .sort((a, b) => a.task.row - b.task.row)
    .map((r) => ({ subject: r.task.task, month: null, text: r.task.note }));
  const [collective] = issuerLines(settings.unitName);
  return {
    period,
    asOf,
    issuerLines: issuerLines(settings.unitName),
    placeDate: placeDateLine(settings.place, asOf),
    subject: REPORT_WORDS.subject(REPORT_SUBJECT, period.subject),
    recipient: settings.recipient,
    unitName: settings.unitName,
    plan: { number: settings.planNumber, date: settings.planDate },
    totals,
    figures: taskFigures(reported, asOf),
    rate: completionRate(totals),
    sections,
    byLead: byLead.filter((l) => l.counts.tasks > 0),
    overdue,
    overdueAll: overdue,
    doneLate,
    causes,
    nextQuarter,
    nextQuarterLabel: next.quarterLabel,
    planned,
    dataErrors,
    tthc: buildTthcReport(
      input.tthc?.read,
      period,
      input.tthc?.listedFields,
      input.errors ?? [],
      input.tthc?.read.present ? TTHC_SHEET : '',
      asOf,
    ),
    recipients: recipientLines(settings.otherRecipients),
    signature: { lines: signatureLines(settings.signer, collective), name: settings.signerName },
  };
}

/** Counts as `cchc report --json` prints them: the states, the completion rate, its numerator and denominator. */
export type CountsJson = Omit<StateCounts, 'rateOnTime' | 'rateDue'> & {
  completionRate: number | null;
  rateOnTime: number;
  rateDue: number;
};

export function countsJson(c: StateCounts): CountsJson {
  const { rateOnTime, rateDue, ...rest } = c;
  return { ...rest, completionRate: completionRate(c), rateOnTime, rateDue };
}

/** The figures `cchc report --json` prints. */
export function reportJson(content: ReportContent, sheet: string): object {
  const { period } = content;
  const counts = countsJson;
  return {
    period: period.id,
    from: period.from,
    to: period.to,
    asOf: content.asOf,
    sheet,
    totals: counts(content.totals),
    completionRate: content.rate,
    bySection: content.sections.map((s) => ({ section: s.id, ...counts(s.counts) })),
    byLead: content.byLead.map((l) => ({ lead: l.lead, ...counts(l.counts) })),
    dataErrors: content.dataErrors.map((d) => ({
      row: d.row,
      task: d.task,
      cells: d.problems.map((p) => p.cell),
    })),
    tthc: {
      ...tthcJson(content.tthc.figures),
      unbalancedFields: content.tthc.unbalanced.map((u) => u.field),
    },
  };
}

/**
 * The period's TTHC figures as `cchc report --json` prints them: { months, totals: T, byField: [{ field, …T }],
 * onTimeRate, frequentLateFields }, T = { carriedOver, online, offline, received, early, onTime, late,
 * pendingOnTime, pendingLate }. byField lists the fields with any figure.
 */
function tthcJson(f: TthcPeriodFigures): object {
  const t = (x: TthcFigures): TthcFigures =>
    Object.fromEntries(TTHC_FIGURE_KEYS.map((k) => [k, x[k]])) as unknown as TthcFigures;
  return {
    months: [...f.months],
    totals: t(f.totals),
    byField: f.byField.filter(hasFigures).map((b) => ({ field: b.field, ...t(b.figures) })),
    onTimeRate: f.onTimeRate,
    frequentLateFields: f.frequentLate.map((b) => b.field),
  };
}
