/**
 * The periodic report's content (Nghị định 30/2020/NĐ-CP, Phụ lục I, "báo cáo"): what it says, as data.
 * src/sheets/reportSheet.ts lays it out for printing. Everything that names the commune, the recipient, the
 * place or the signer comes from Settings.
 */
import { daysBetween, formatVnDate, ymdFromIso, type IsoDate } from './dates';
import { deadlineState, isDone, type DeadlineState } from './deadline';
import { REPORT_SUBJECT } from './plan';
import { nextPeriod, type ReportPeriod } from './periods';
import { OTHER_GROUP } from '../i18n/vi';
import { groupBy, leadsOf, OTHER_KEY, sectionsOf } from './rollup';
import type { Settings } from './settings';
import type { Task } from './tracker';

export type ReportState = DeadlineState | 'notYetInPeriod';

export type ReportCounts = Record<ReportState, number> & { tasks: number };

export function emptyReportCounts(): ReportCounts {
  return {
    tasks: 0,
    doneOnTime: 0,
    doneLate: 0,
    overdue: 0,
    dueSoon: 0,
    onTrack: 0,
    ongoing: 0,
    notYetInPeriod: 0,
  };
}

export interface ReportedTask {
  task: Task;
  state: ReportState;
  /** Days past the deadline at the report date (overdue tasks). */
  daysLate: number;
}

export interface ReportSection {
  id: string;
  title: string;
  counts: ReportCounts;
  /** Tasks done by the report date, with their results (Kết quả / Hồ sơ minh chứng). */
  done: ReportedTask[];
}

export interface ReportContent {
  period: ReportPeriod;
  asOf: IsoDate;
  /** "ỦY BAN NHÂN DÂN" / "XÃ LONG ĐIỀN A" */
  issuerLines: [string, string];
  /** "Long Điền A, ngày 05 tháng 06 năm 2026" */
  placeDate: string;
  /** "Kết quả thực hiện Kế hoạch … 6 tháng đầu năm 2026" */
  subject: string;
  recipient: string;
  totals: ReportCounts;
  sections: ReportSection[];
  byLead: { lead: string; counts: ReportCounts }[];
  /** Tồn tại, hạn chế: overdue at the report date, most late first. */
  overdue: ReportedTask[];
  /** Nhiệm vụ trọng tâm kỳ tới: not done, deadline in the next quarter. */
  nextQuarter: ReportedTask[];
  nextQuarterLabel: string;
  /** Nơi nhận lines, each starting with "- ". */
  recipients: string[];
  signer: { authority: string; title: string; name: string };
}

/** A task's state in a report for `period` as of T (tasks due after the period: "Chưa đến kỳ"). */
export function reportState(
  t: Task,
  period: ReportPeriod,
  asOf: IsoDate,
  warningDays: number,
): ReportState | null {
  if (t.deadline !== null && t.deadline < period.from) return null;
  if (t.deadline !== null && t.deadline > period.to) return 'notYetInPeriod';
  return deadlineState(t, asOf, warningDays);
}

/** "UBND xã Long Điền A" → ["ỦY BAN NHÂN DÂN", "XÃ LONG ĐIỀN A"]. Other names: the whole name on the second line. */
export function issuerLines(unitName: string): [string, string] {
  const m = /^(?:UBND|Ủy ban nhân dân|Uỷ ban nhân dân)\s+(.+)$/iu.exec(unitName.normalize('NFC').trim());
  if (m) return ['ỦY BAN NHÂN DÂN', m[1].toLocaleUpperCase('vi')];
  return ['', unitName.toLocaleUpperCase('vi')];
}

export function placeDateLine(place: string, date: IsoDate): string {
  const { year, month, day } = ymdFromIso(date);
  return `${place}, ngày ${String(day).padStart(2, '0')} tháng ${String(month).padStart(2, '0')} năm ${year}`;
}

export function buildReport(
  tasks: readonly Task[],
  settings: Settings,
  period: ReportPeriod,
  asOf: IsoDate,
): ReportContent {
  const N = settings.warningDays;
  const reported: ReportedTask[] = [];
  for (const task of tasks) {
    if (task.task === '') continue;
    const state = reportState(task, period, asOf, N);
    if (state === null) continue;
    const daysLate = state === 'overdue' && task.deadline ? daysBetween(task.deadline, asOf) : 0;
    reported.push({ task, state, daysLate });
  }
  const count = (list: readonly ReportedTask[]): ReportCounts => {
    const c = emptyReportCounts();
    for (const r of list) {
      c.tasks += 1;
      c[r.state] += 1;
    }
    return c;
  };
  const sectionList = sectionsOf(tasks);
  const bySection = groupBy(
    reported,
    sectionList.map((s) => s.id),
    (r) => r.task.section,
  );
  const sectionOf = (id: string, title: string, mine: ReportedTask[]): ReportSection => ({
    id,
    title,
    counts: count(mine),
    done: mine.filter((r) => r.state !== 'notYetInPeriod' && isDone(r.state)),
  });
  const sections = sectionList.map((s, i) => sectionOf(s.id, s.title, bySection.groups[i]));
  if (bySection.other.length > 0) sections.push(sectionOf(OTHER_KEY, OTHER_GROUP.section, bySection.other));
  const leadList = leadsOf(tasks);
  const byLeadGroups = groupBy(reported, leadList, (r) => r.task.lead);
  const byLead = leadList.map((lead, i) => ({ lead, counts: count(byLeadGroups.groups[i]) }));
  if (byLeadGroups.other.length > 0)
    byLead.push({ lead: OTHER_GROUP.lead, counts: count(byLeadGroups.other) });
  const next = nextPeriod(period);
  const nextQuarter = tasks
    .filter(
      (t) =>
        t.task !== '' &&
        t.deadline !== null &&
        t.deadline >= next.quarterFrom &&
        t.deadline <= next.quarterTo,
    )
    .filter((t) => !isDone(deadlineState(t, asOf, N)))
    .map((task) => ({ task, state: 'notYetInPeriod' as const, daysLate: 0 }))
    .sort((a, b) => (a.task.deadline ?? '').localeCompare(b.task.deadline ?? '') || a.task.row - b.task.row);
  return {
    period,
    asOf,
    issuerLines: issuerLines(settings.unitName),
    placeDate: placeDateLine(settings.place, asOf),
    subject: `Kết quả thực hiện ${REPORT_SUBJECT} ${period.subject}`,
    recipient: settings.recipient,
    totals: count(reported),
    sections,
    byLead: byLead.filter((l) => l.counts.tasks > 0),
    overdue: reported
      .filter((r) => r.state === 'overdue')
      .sort((a, b) => b.daysLate - a.daysLate || a.task.row - b.task.row),
    nextQuarter,
    nextQuarterLabel: next.quarterLabel,
    recipients: [
      `- ${settings.recipient};`,
      ...settings.otherRecipients.map((r) => `- ${r};`),
      '- Lưu: VT, TH.',
    ],
    signer: { authority: settings.signerAuthority, title: settings.signerTitle, name: settings.signerName },
  };
}

/** The figures `cchc report --json` prints. */
export function reportJson(content: ReportContent, sheet: string): object {
  const { period } = content;
  return {
    period: period.id,
    from: period.from,
    to: period.to,
    asOf: content.asOf,
    sheet,
    totals: content.totals,
    bySection: content.sections.map((s) => ({ section: s.id, ...s.counts })),
    byLead: content.byLead.map((l) => ({ lead: l.lead, ...l.counts })),
  };
}

export { formatVnDate };
