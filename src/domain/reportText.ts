/**
 * The report's words: ReportContent (src/domain/report.ts) worded as the ReportDocument both renderers print
 * (the report sheet, the Word document). Every figure is taken from the content's one computed structure
 * (TaskFigures, the TTHC figures) and written the Vietnamese way (1.705; 99,7%) here, once; the renderers
 * neither count nor word anything.
 */
import {
  countVi,
  listVi,
  percentVi,
  REPORT,
  REPORT_TEXT,
  SHEET,
  tthcMonthsText,
  tthcSentences,
  reportFigures,
  type FigureWords,
} from '../i18n/vi';
import { daysBetween, formatVnDate } from './dates';
import { dateInWords, type ReportContent, type ReportedTask, type TaskFigures } from './report';
import type { TthcReport } from './reportTthc';
import type { ReportBlock, ReportDocument, ReportTableRow } from './reportDocument';
import type { WrittenResult } from './results';
import { ROMAN_QUARTER } from './schedule';
import { hasFigures } from './tthcFigures';
import { onTimeRate, resolvedOf, type TthcFigures } from './tthc';

/**
 * How many tasks a list of the report names before summing up the rest: a report is read and signed on
 * paper, and the full list is one click away on "Nhiệm vụ".
 */
export const MAX_LISTED = {
  donePerSection: 30,
  overduePerSection: 30,
  pendingPerSection: 30,
  nextQuarter: 100,
} as const;

/**
 * Rows with data errors listed for the officer; the rest are counted. Each listed row costs time to write, so a
 * tracker pasted with thousands of broken rows would otherwise take minutes to report (issue 13); Kiểm tra dữ
 * liệu lists them all.
 */
const MAX_FIX_ROWS_LISTED = 50;

const p = (text: string): ReportBlock => ({ kind: 'paragraph', runs: [{ text }] });

/** The words of a group's figures. */
function figureWords(f: TaskFigures): FigureWords {
  return {
    dated: f.dated,
    continuous: f.continuous,
    doneOnTime: f.doneOnTime,
    doneLate: f.doneLate,
    overdue: f.overdue,
    dueToday: f.dueToday,
    notYetDueNotStarted: f.notYetDueNotStarted,
    notYetDueInProgress: f.notYetDueInProgress,
    due: f.due,
  };
}

/** "UBND xã Long Điền A" → "Ủy ban nhân dân xã Long Điền A": official text spells the body out. */
function unitInText(unitName: string): string {
  return unitName
    .normalize('NFC')
    .trim()
    .replace(/^UBND\s+/iu, REPORT_TEXT.peoplesCommitteeInText);
}

/** A task the text can name: its Nội dung holds words (a cell of spaces or marks alone is counted, not named). */
const nameable = (r: ReportedTask): boolean => /[\p{L}\p{N}]/u.test(r.task.task);

function listWithMore(
  all: readonly ReportedTask[],
  max: number,
  block: (item: ReportedTask) => ReportBlock,
): ReportBlock[] {
  const items = all.filter(nameable);
  const out = items.slice(0, max).map(block);
  if (items.length > max) out.push(p(REPORT_TEXT.more(items.length - max, SHEET.tracker)));
  return out;
}

const rateText = (rate: number | null): string => (rate === null ? REPORT_TEXT.noRate : percentVi(rate));

/** The opening paragraph: the plan, the period as it stands on the as-of day. */
function openingText(c: ReportContent, unit: string): string {
  const planDate = c.plan.date ? dateInWords(c.plan.date) : null;
  const plan =
    c.plan.number !== ''
      ? REPORT_TEXT.planCited(c.plan.number, planDate, unit, REPORT_TEXT.planSubject)
      : REPORT_TEXT.planByTitle(REPORT_TEXT.planSubject, unit);
  const open = c.asOf < c.period.to;
  return REPORT_TEXT.opening(
    plan,
    unit,
    c.period.subject,
    formatVnDate(c.period.from),
    formatVnDate(open ? c.asOf : c.period.to),
    c.asOf > c.period.to ? formatVnDate(c.asOf) : null,
  );
}

/** A task done; one done late says by how many days, so that II.1's "đã nêu tại mục I" names it. */
const doneItem = (r: ReportedTask): ReportBlock =>
  p(
    REPORT_TEXT.doneItem(
      r.task.task,
      r.task.evidence,
      r.task.completedOn ? formatVnDate(r.task.completedOn) : null,
      r.state === 'doneLate' && r.task.completedOn && r.task.deadline
        ? daysBetween(r.task.deadline, r.task.completedOn)
        : 0,
    ),
  );

const overdueItem = (r: ReportedTask): ReportBlock =>
  p(REPORT_TEXT.overdueItem(r.task.task, r.task.lead, formatVnDate(r.task.deadline as string), r.daysLate));

const pendingItem = (r: ReportedTask): ReportBlock =>
  p(
    REPORT_TEXT.pendingItem(
      r.task.task,
      r.task.lead,
      formatVnDate(r.task.deadline as string),
      r.task.status === 'inProgress' || r.task.status === 'done',
    ),
  );

/** The table by section: one row per section with counted tasks, the total. */
function sectionTable(c: ReportContent): ReportBlock {
  const H = REPORT_TEXT.tableHeader;
  const values = (f: TaskFigures): string[] => [
    countVi(f.counted),
    countVi(f.doneOnTime),
    countVi(f.doneLate),
    countVi(f.dueToday + f.notYetDueNotStarted + f.notYetDueInProgress),
    countVi(f.overdue),
    countVi(f.continuous),
    rateText(f.rate),
  ];
  const rows: ReportTableRow[] = c.sections
    .filter((s) => s.figures.counted > 0)
    .map((s) => ({ cells: [s.id === '' ? REPORT_TEXT.tableOther : s.id, ...values(s.figures)] }));
  rows.push({ cells: [REPORT_TEXT.tableTotal, ...values(c.figures)], total: true });
  return {
    kind: 'table',
    head: [H.section, H.tasks, H.doneOnTime, H.doneLate, H.open, H.overdue, H.ongoing, H.rate],
    rows,
  };
}

/** The same words, whatever the spacing or the letters' composition. */
const sameWords = (a: string, b: string): boolean =>
  a.normalize('NFC').replace(/\s+/gu, ' ').trim() === b.normalize('NFC').replace(/\s+/gu, ' ').trim();

/**
 * A task's results in quarter order, a text written the same in consecutive quarters stated once, attributed
 * to the quarters it covers; different texts each with its own quarter.
 */
function statedOnce(
  results: readonly WrittenResult[],
): { task: string; order: number; quarters: number[]; text: string }[] {
  const out: { task: string; order: number; quarters: number[]; text: string }[] = [];
  for (const r of results) {
    const last = out[out.length - 1];
    if (
      last &&
      last.order === r.order &&
      last.task === r.task &&
      last.quarters[last.quarters.length - 1] === r.quarter - 1 &&
      sameWords(last.text, r.text)
    )
      last.quarters.push(r.quarter);
    else out.push({ task: r.task, order: r.order, quarters: [r.quarter], text: r.text });
  }
  return out;
}

/** Part I: the overall figures, each section's figures, results and tasks, and the table by section. */
function resultBlocks(c: ReportContent): ReportBlock[] {
  const out: ReportBlock[] = [];
  const asOf = formatVnDate(c.asOf);
  out.push({ kind: 'heading', level: 1, text: REPORT_TEXT.results });
  out.push({ kind: 'heading', level: 2, text: REPORT_TEXT.overall });
  out.push(...reportFigures(figureWords(c.figures), asOf).map(p));
  out.push({ kind: 'heading', level: 2, text: REPORT_TEXT.bySection });
  c.sections
    .filter((s) => s.figures.counted > 0 || s.results.length > 0)
    .forEach((s, i) => {
      out.push({ kind: 'heading', level: 3, text: REPORT_TEXT.sectionHeading(i + 1, s.title, s.id) });
      out.push(...reportFigures(figureWords(s.figures), null).map(p));
      // A task with words for more than one quarter is named once, its quarters under it ("+ Quý I: …").
      const stated = statedOnce(s.results);
      const quarters = (qs: number[]): string => listVi(qs.map((q) => ROMAN_QUARTER[q - 1]));
      stated.forEach((r, k) => {
        const prev = stated[k - 1];
        const next = stated[k + 1];
        const grouped = (x: typeof r | undefined): boolean => !!x && x.order === r.order && x.task === r.task;
        if (c.period.quarter === 1 || (!grouped(prev) && !grouped(next)))
          out.push(
            p(REPORT_TEXT.resultItem(r.task, c.period.quarter > 1 ? quarters(r.quarters) : null, r.text)),
          );
        else {
          if (!grouped(prev)) out.push(p(REPORT_TEXT.resultTask(r.task)));
          out.push(p(REPORT_TEXT.resultQuarterItem(quarters(r.quarters), r.text)));
        }
      });
      if (s.results.length === 0 && s.standing > 0)
        out.push({ kind: 'placeholder', key: 'results', text: REPORT_TEXT.resultsPlaceholder });
      out.push(...listWithMore(s.done, MAX_LISTED.donePerSection, doneItem));
      out.push(...listWithMore(s.pending, MAX_LISTED.pendingPerSection, pendingItem));
      out.push(...listWithMore(s.overdue, MAX_LISTED.overduePerSection, overdueItem));
    });
  out.push({ kind: 'caption', text: REPORT_TEXT.tableCaption(asOf) });
  out.push(sectionTable(c));
  return out;
}

/**
 * The TTHC tables, with the national form's headings and columns: what was taken up for resolution (nhận giải
 * quyết: carried over, online, in person or by post), then how it was resolved and what is pending, with the
 * on-time rate. Two tables, because the form's twelve figure columns and the field do not fit one A4 portrait
 * page at a readable size.
 */
function tthcTables(c: ReportContent): ReportBlock[] {
  const H = REPORT_TEXT.tthcTableHeader;
  const figures = c.tthc.figures;
  const rows = (values: (f: TthcFigures) => string[]): ReportTableRow[] => [
    ...figures.byField.filter(hasFigures).map((b) => ({ cells: [b.field, ...values(b.figures)] })),
    { cells: [REPORT_TEXT.tableTotal, ...values(figures.totals)], total: true },
  ];
  const received: ReportBlock = {
    kind: 'table',
    groups: [
      { text: H.field, span: 1 },
      { text: H.receivedGroup, span: 4 },
    ],
    head: [H.field, H.received, H.carriedOver, H.online, H.offline],
    rows: rows((f) => [f.received, f.carriedOver, f.online, f.offline].map(countVi)),
  };
  const resolved: ReportBlock = {
    kind: 'table',
    groups: [
      { text: H.field, span: 1 },
      { text: H.resolvedGroup, span: 4 },
      { text: H.pendingGroup, span: 3 },
      { text: H.rate, span: 1 },
    ],
    head: [H.field, H.resolved, H.early, H.onTime, H.late, H.pending, H.pendingOnTime, H.pendingLate, H.rate],
    rows: rows((f) =>
      [
        resolvedOf(f),
        f.early,
        f.onTime,
        f.late,
        f.pendingOnTime + f.pendingLate,
        f.pendingOnTime,
        f.pendingLate,
      ]
        .map(countVi)
        .concat(rateText(onTimeRate(f))),
    ),
  };
  return [received, resolved];
}

/** I.3: the period's dossier figures, as sentences and a table by field; one sentence when there are none. */
function tthcBlocks(c: ReportContent): ReportBlock[] {
  const f = c.tthc.figures;
  const out: ReportBlock[] = [{ kind: 'heading', level: 2, text: REPORT_TEXT.tthcHeading }];
  if (f.months.length === 0) return [...out, p(REPORT_TEXT.tthcNone)];
  const months = tthcMonthsText(f.months, c.period.year);
  out.push(...tthcSentences(f.totals, months).map(p));
  const [received, resolved] = tthcTables(c);
  out.push({ kind: 'caption', text: REPORT_TEXT.tthcTableCaption(months) }, received);
  out.push({ kind: 'caption', text: REPORT_TEXT.tthcResolvedCaption(months) }, resolved);
  return out;
}

/** "Đất đai 3; Hộ tịch 1": fields with a figure, most first. */
function byMost(items: { field: string; n: number }[]): { field: string; n: number }[] {
  return items.filter((i) => i.n > 0).sort((a, b) => b.n - a.n || a.field.localeCompare(b.field, 'vi'));
}

/** II.1, TTHC: late dossiers by field, the often-late fields, overdue pending. */
function tthcShortcomings(c: ReportContent): ReportBlock[] {
  const f = c.tthc.figures;
  if (f.months.length === 0) return [];
  const out: ReportBlock[] = [];
  const { late, pendingLate } = f.totals;
  if (late === 0 && pendingLate === 0) return [p(REPORT_TEXT.tthcNoLate)];
  if (late > 0)
    out.push(
      p(REPORT_TEXT.tthcLate(late, byMost(f.byField.map((b) => ({ field: b.field, n: b.figures.late }))))),
    );
  for (const often of f.frequentLate)
    out.push(
      p(
        REPORT_TEXT.tthcFrequentLate(
          often.field,
          often.figures.late,
          REPORT_TEXT.tthcLateMonths(often.lateMonths),
        ),
      ),
    );
  if (pendingLate > 0)
    out.push(
      p(
        REPORT_TEXT.tthcPendingLate(
          pendingLate,
          byMost(f.byField.map((b) => ({ field: b.field, n: b.figures.pendingLate }))),
        ),
      ),
    );
  return out;
}

/** II: the shortcomings (overdue tasks by lead body, late tasks, late dossiers), then their causes as typed. */
function shortcomingBlocks(c: ReportContent): ReportBlock[] {
  const out: ReportBlock[] = [
    { kind: 'heading', level: 1, text: REPORT_TEXT.shortcomings },
    { kind: 'heading', level: 2, text: REPORT_TEXT.shortcomingsList },
  ];
  if (c.overdue.length === 0) out.push(p(REPORT_TEXT.noOverdue));
  else {
    const byLead = new Map<string, number>();
    for (const o of c.overdue) {
      const lead = o.task.lead === '' ? REPORT_TEXT.noLead : o.task.lead;
      byLead.set(lead, (byLead.get(lead) ?? 0) + 1);
    }
    const leads = [...byLead.entries()].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0], 'vi'));
    const oldest = c.overdue.find(nameable) ?? c.overdue[0];
    out.push(
      p(
        REPORT_TEXT.overdueSummary(
          c.figures.overdue,
          leads.map(([lead, n]) => ({ lead, n })),
          oldest.task.task,
          oldest.daysLate,
        ),
      ),
    );
  }
  if (c.figures.doneLate > 0) out.push(p(REPORT_TEXT.doneLateIntro(c.figures.doneLate)));
  out.push(...tthcShortcomings(c));
  out.push({ kind: 'heading', level: 2, text: REPORT_TEXT.causes });
  const causes = [
    ...c.causes
      .filter((x) => /[\p{L}\p{N}]/u.test(x.subject))
      .map((x) => REPORT_TEXT.taskCause(x.subject, x.text)),
    ...c.tthc.causes.map((x) => REPORT_TEXT.tthcCause(x.subject, x.month as number, x.text)),
  ];
  if (causes.length === 0)
    out.push({ kind: 'placeholder', key: 'causes', text: REPORT_TEXT.causesPlaceholder });
  else out.push(...causes.map(p));
  return out;
}

/** III: the tasks due to the end of the next period, the planned work, the overdue, the often-late fields. */
function nextPeriodBlocks(c: ReportContent): ReportBlock[] {
  const out: ReportBlock[] = [
    { kind: 'heading', level: 1, text: REPORT_TEXT.nextPeriod(c.nextQuarterLabel) },
  ];
  if (c.nextQuarter.length > 0) {
    out.push(p(REPORT_TEXT.nextIntro));
    out.push(
      ...listWithMore(c.nextQuarter, MAX_LISTED.nextQuarter, (n) =>
        p(REPORT_TEXT.nextItem(n.task.task, n.task.lead, formatVnDate(n.task.deadline as string))),
      ),
    );
  }
  if (c.planned.length > 0) {
    out.push(p(REPORT_TEXT.plannedIntro));
    out.push(...c.planned.map((e) => p(REPORT_TEXT.plannedItem(e.task, e.text))));
  }
  if (c.overdue.length > 0) out.push(p(REPORT_TEXT.nextOverdue));
  if (c.tthc.figures.frequentLate.length > 0)
    out.push(p(REPORT_TEXT.tthcNextLate(c.tthc.figures.frequentLate.map((f) => f.field))));
  out.push(p(REPORT_TEXT.nextOngoing));
  return out;
}

/** What the report leaves out and why, for the officer (never printed). */
function officerNotes(c: ReportContent): ReportDocument['officerNotes'] {
  const notes: ReportDocument['officerNotes'] = [];
  const part = (heading: string, list: ReportContent['dataErrors']): void => {
    if (list.length === 0) return;
    const lines: string[] = [];
    for (const d of list.slice(0, MAX_FIX_ROWS_LISTED)) {
      lines.push(REPORT_TEXT.fixRow(d.row, d.task));
      for (const x of d.problems) lines.push(REPORT_TEXT.fixProblem(x.cell, x.message));
    }
    const more = list.length - MAX_FIX_ROWS_LISTED;
    if (more > 0) lines.push(REPORT_TEXT.fixMore(more));
    notes.push({ heading, lines });
  };
  part(REPORT_TEXT.fixHeading(c.dataErrors.length), c.dataErrors);
  part(REPORT_TEXT.tthcFixHeading(c.tthc.dataErrors.length), c.tthc.dataErrors);
  if (c.tthc.unbalanced.length > 0)
    notes.push({
      heading: REPORT_TEXT.tthcUnbalancedHeading(c.tthc.unbalanced.length),
      lines: c.tthc.unbalanced.flatMap((u) =>
        u.dataErrorRows.length > 0
          ? [REPORT_TEXT.tthcLeftOutByRows(u.field, u.dataErrorRows)]
          : [
              REPORT_TEXT.tthcUnbalancedLine(
                u.field,
                u.figures.received,
                resolvedOf(u.figures),
                u.figures.pendingOnTime + u.figures.pendingLate,
              ),
              ...u.problems.map((x) => REPORT_TEXT.fixProblem(x.cell, x.message)),
            ],
      ),
    });
  return notes;
}

export function buildReportDocument(c: ReportContent): ReportDocument {
  const unit = unitInText(c.unitName);
  const body: ReportBlock[] = [
    p(openingText(c, unit)),
    ...resultBlocks(c),
    ...tthcBlocks(c),
    ...shortcomingBlocks(c),
    ...nextPeriodBlocks(c),
    { kind: 'heading', level: 1, text: REPORT_TEXT.proposals },
    { kind: 'placeholder', key: 'proposals', text: REPORT_TEXT.proposalsPlaceholder },
    p(REPORT_TEXT.closing(c.period.subject, unit)),
  ];
  return {
    heading: {
      issuer: c.issuerLines,
      number: REPORT_TEXT.number,
      motto: [REPORT_TEXT.motto1, REPORT_TEXT.motto2],
      placeDate: c.placeDate,
    },
    title: REPORT_TEXT.title,
    subject: c.subject,
    addressee: REPORT_TEXT.addressee(c.recipient),
    body,
    recipients: { heading: REPORT_TEXT.recipientsHeading, lines: c.recipients },
    signature: c.signature,
    officerNotes: officerNotes(c),
  };
}

/**
 * What the officer is told of the TTHC rows and fields the report's figures leave out, each once: the rows
 * showing "Lỗi dữ liệu" of fields still counted (`rowsSentence`: how many), then each field left out, with
 * the errors on its rows (their cells and what is typed in them). `where` says where they are listed.
 */
export function tthcLeftOutMessage(
  t: TthcReport,
  rowsSentence: (rows: number) => string,
  where: string,
): string {
  const explained = new Set(t.unbalanced.flatMap((u) => u.dataErrorRows));
  const rows = t.dataErrors.filter((d) => !explained.has(d.row)).length;
  return [
    ...(rows > 0 ? [rowsSentence(rows)] : []),
    ...t.unbalanced.map((u) =>
      REPORT.tthcLeftOut(
        u.field,
        where,
        u.problems.map((x) => x.message),
        u.figures.received,
        resolvedOf(u.figures) + u.figures.pendingOnTime + u.figures.pendingLate,
      ),
    ),
  ].join(' ');
}
