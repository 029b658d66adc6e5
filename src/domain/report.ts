/**
 * The periodic report's content (Nghị định 30/2020/NĐ-CP, Phụ lục I, "báo cáo"): what it says, as data.
 * src/sheets/reportSheet.ts lays it out for printing. Everything that names the commune, the recipient, the
 * place, the plan or the signer comes from Settings. Every row the sheet counts is counted here as the sheet
 * shows it; a row with a data error is counted so, and listed for the officer to fix, never named in the
 * signed text with a field missing.
 */
import { OTHER_GROUP, REPORT_WORDS, SHEET } from '../i18n/vi';
import { daysBetween, formatVnDate, ymdFromIso, type IsoDate } from './dates';
import { deadlineState, isDone } from './deadline';
import { nextPeriod, type ReportPeriod } from './periods';
import { REPORT_SUBJECT } from './plan';
import type { Problem } from './problems';
import type { ResultsRead } from './results';
import {
  completionRate,
  countStates,
  emptyCounts,
  groupBy,
  leadsOf,
  OTHER_KEY,
  reportState,
  sectionsOf,
  type ReportState,
  type StateCounts,
} from './rollup';
import { signatureLines, type Settings } from './settings';
import type { Task } from './tracker';
import {
  hasFigures,
  tthcFieldsOf,
  tthcFigures,
  tthcReportMonths,
  TTHC_FIGURE_KEYS,
  type TthcFigures,
  type TthcPeriodFigures,
  type TthcRead,
} from './tthc';

export type { ReportState };

const TTHC_SHEET = SHEET.tthc;
export type ReportCounts = StateCounts;
export const emptyReportCounts = emptyCounts;

export interface ReportedTask {
  task: Task;
  state: ReportState;
  /** Days past the deadline at the report date (overdue tasks). */
  daysLate: number;
}

export interface ReportSection {
  id: string;
  title: string;
  counts: StateCounts;
  /** Tasks done by the report date, with their results (Kết quả / Hồ sơ minh chứng). */
  done: ReportedTask[];
  /** Tasks overdue at the report date, with their lead body. */
  overdue: ReportedTask[];
}

/** A tracker row whose data the check rejects: counted as the sheet shows it, listed for the officer to fix. */
export interface DataErrorRow {
  row: number;
  /** The task's text ("" when that is what is missing). */
  task: string;
  problems: { cell: string; message: string }[];
}

/** The report's TTHC part: the period's dossier figures from "Hồ sơ TTHC". */
export interface TthcReport {
  /** The workbook has the sheet and it can be read. */
  available: boolean;
  /** The period's figures (its months from January: tthcReportMonths). */
  figures: TthcPeriodFigures;
  /** Rows showing "Lỗi dữ liệu" (counted nowhere), with the check's errors, in sheet order. */
  dataErrors: DataErrorRow[];
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
  /** "Tỷ lệ hoàn thành" (rollup.completionRate); null when nothing has come due. */
  rate: number | null;
  sections: ReportSection[];
  byLead: { lead: string; counts: StateCounts }[];
  /** Tồn tại, hạn chế: overdue at the report date, most late first (rows with data errors apart). */
  overdue: ReportedTask[];
  /**
   * Every task the totals count as overdue (`totals.overdue` of them), rows with data errors included, most
   * late first: what a body consolidating many communes lists.
   */
  overdueAll: ReportedTask[];
  /** Nhiệm vụ trọng tâm kỳ tới: not done, deadline in the next quarter. */
  nextQuarter: ReportedTask[];
  nextQuarterLabel: string;
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
export function recipientLines(others: readonly string[]): string[] {
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
  results?: ResultsRead;
}

/** The TTHC part of a report of `period` (the check's errors name its rows with data errors). */
export function buildTthcReport(
  read: TthcRead | undefined,
  period: ReportPeriod,
  listedFields: readonly string[] | undefined,
  errors: readonly Problem[],
  sheet: string,
): TthcReport {
  const rows = read?.readable ? read.rows : [];
  const fields = tthcFieldsOf(rows, listedFields);
  const figures = tthcFigures(rows, tthcReportMonths(period), fields);
  const dataErrors: DataErrorRow[] = [];
  if (read?.readable) {
    const byRow = new Map<number, { cell: string; message: string }[]>();
    for (const p of errors) {
      if (p.sheet !== sheet) continue;
      const m = /^[A-Z]+(\d+)$/.exec(p.cell);
      if (!m) continue;
      const list = byRow.get(Number(m[1])) ?? [];
      list.push({ cell: p.cell, message: p.message });
      byRow.set(Number(m[1]), list);
    }
    for (const r of rows)
      if (r.state === 'dataError')
        dataErrors.push({
          row: r.row,
          task: [r.month !== null ? REPORT_WORDS.tthcRowMonth(r.month) : '', r.field ?? '']
            .filter((x) => x !== '')
            .join(' – '),
          problems: byRow.get(r.row) ?? [],
        });
  }
  return { available: !!read?.readable, figures, dataErrors };
}

export function buildReport(input: ReportInput): ReportContent {
  const { settings, period, asOf } = input;
  const N = settings.warningDays;
  const tasks = input.tasks.filter((t) => t.listed);
  const dataErrors = dataErrorRows(tasks, input.errors ?? [], input.trackerSheet ?? '');
  const flagged = new Set(dataErrors.map((d) => d.row));
  const clean = (r: ReportedTask): boolean => !flagged.has(r.task.row);
  const reported: ReportedTask[] = [];
  for (const task of tasks) {
    const state = reportState(task, period, asOf, N);
    const daysLate = state === 'overdue' && task.deadline ? daysBetween(task.deadline, asOf) : 0;
    reported.push({ task, state, daysLate });
  }
  const byLate = (a: ReportedTask, b: ReportedTask): number =>
    b.daysLate - a.daysLate || a.task.row - b.task.row;
  const sectionList = sectionsOf();
  const bySection = groupBy(
    reported,
    sectionList.map((s) => s.id),
    (r) => r.task.match.section,
  );
  const sectionOf = (id: string, title: string, mine: ReportedTask[]): ReportSection => ({
    id,
    title,
    counts: countStates(mine, asOf),
    done: mine.filter((r) => r.state !== 'notYetInPeriod' && isDone(r.state) && clean(r)),
    overdue: mine.filter((r) => r.state === 'overdue' && clean(r)).sort(byLate),
  });
  const sections = sectionList.map((s, i) => sectionOf(s.id, s.title, bySection.groups[i]));
  if (bySection.other.length > 0) sections.push(sectionOf(OTHER_KEY, OTHER_GROUP.section, bySection.other));
  const leadList = leadsOf(tasks, input.listedLeads);
  const byLeadGroups = groupBy(reported, leadList, (r) => r.task.match.lead);
  const byLead = leadList.map((lead, i) => ({ lead, counts: countStates(byLeadGroups.groups[i], asOf) }));
  if (byLeadGroups.other.length > 0)
    byLead.push({ lead: OTHER_GROUP.lead, counts: countStates(byLeadGroups.other, asOf) });
  const next = nextPeriod(period);
  const nextQuarter = tasks
    .filter((t) => t.deadline !== null && t.deadline >= next.quarterFrom && t.deadline <= next.quarterTo)
    .filter((t) => !flagged.has(t.row) && !isDone(deadlineState(t, asOf, N)))
    .map((task) => ({ task, state: 'notYetInPeriod' as const, daysLate: 0 }))
    .sort((a, b) => (a.task.deadline ?? '').localeCompare(b.task.deadline ?? '') || a.task.row - b.task.row);
  const totals = countStates(reported, asOf);
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
    rate: completionRate(totals),
    sections,
    byLead: byLead.filter((l) => l.counts.tasks > 0),
    overdue: reported.filter((r) => r.state === 'overdue' && clean(r)).sort(byLate),
    overdueAll: reported.filter((r) => r.state === 'overdue').sort(byLate),
    nextQuarter,
    nextQuarterLabel: next.quarterLabel,
    dataErrors,
    tthc: buildTthcReport(
      input.tthc?.read,
      period,
      input.tthc?.listedFields,
      input.errors ?? [],
      input.tthc?.read.present ? TTHC_SHEET : '',
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
    tthc: tthcJson(content.tthc.figures),
  };
}

/**
 * The period's TTHC figures as `cchc report --json` prints them: { months, totals: T, byField: [{ field, …T }],
 * onTimeRate, frequentLateFields }, T = { carriedOver, online, offline, received, early, onTime, late,
 * pendingOnTime, pendingLate }. byField lists the fields with any figure.
 */
export function tthcJson(f: TthcPeriodFigures): object {
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

export { formatVnDate };
