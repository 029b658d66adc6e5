/**
 * The report sheet: a dated snapshot (values only) laid out as a báo cáo of Nghị định 30/2020/NĐ-CP,
 * Phụ lục I, for A4 portrait printing at 100 % (body 13 pt, Times New Roman):
 * - the header in two columns: the issuing body (bold, a rule under it 1/3–1/2 of its width, clear of the
 *   letters) and the national motto (a rule as long as the motto); "Số: …/BC-UBND" and the place and date
 *   (days below 10 and months 1–2 with a leading zero);
 * - BÁO CÁO, its subject with a short rule, Kính gửi;
 * - the body: I. kết quả thực hiện (the figures as sentences, each section with what was done and its
 *   evidence and what is late with its lead body, a table by section); II. tồn tại, hạn chế và nguyên nhân;
 *   III. phương hướng, nhiệm vụ kỳ tới; IV. đề xuất, kiến nghị; where only people can write the text, a
 *   marked place to type it;
 * - Nơi nhận ("- Như trên;" … "- Lưu: VT, TH.") and the signature block (TM. ỦY BAN NHÂN DÂN …);
 * - below the print area, the rows with data errors for the officer to fix.
 *
 * The sheet is a grid of narrow equal columns; every text is a merged span of them, so the rules can be as
 * long as the text they underline. Rows have explicit heights; the page breaks are planned from them (a table
 * or the signature block never splits; a table longer than a page repeats its header row).
 */
import {
  REPORT_TEXT,
  reportFigures,
  SHEET,
  percentVi,
  tthcMonthsText,
  tthcSentences,
  type FigureWords,
} from '../i18n/vi';
import { hasFigures, onTimeRate, type TthcFigures } from '../domain/tthc';
import { colToLetters } from '../domain/a1';
import { formatVnDate } from '../domain/dates';
import type { ReportContent, ReportedTask } from '../domain/report';
import { dateInWords } from '../domain/report';
import { completionRate, type StateCounts } from '../domain/rollup';
import type { CellStyle, CellValue, SheetSpec, StyleRun } from './spec';
import { textWidthPt, wrappedLines, type FontFace } from './textLayout';

const FONT = 'Times New Roman';
const BODY_PT = 13;
const TABLE_PT = 12;
/** The grid: GRID columns of COL_WIDTH characters. */
export const GRID = 36;
const COL_WIDTH = 2.25;
/**
 * A grid column's printed width in points: Excel draws 2.25 characters of its default font (Calibri 11, 7 px a
 * digit) as 16 px = 12 pt; LibreOffice (with Carlito, Calibri's metric twin) as 12.5 pt. Text is wrapped for the
 * narrower, so no line is cut in either; the rules are placed for the mean.
 */
const COL_PT_EXCEL = 12;
const COL_PT = 12.25;
/** Space a cell keeps between its edges and its text, both sides, in points. */
const CELL_PADDING_PT = 3;
/** Line pitch of Times New Roman, in ems: Excel's (LibreOffice sets lines 1.107 em apart). */
const LINE_EM = 1.15;
/** Columns of the header's left block (the issuing body); the rest is the motto's block. */
const LEFT_BLOCK = 13;
/** The motto "Độc lập - Tự do - Hạnh phúc" at 13 pt bold is ≈ 159 pt wide: 13 columns. */
const MOTTO_RULE = 13;
/** The rule under the subject, centred. */
const SUBJECT_RULE = 8;
/** A4 portrait less the margins (20 mm top and bottom), less a safety margin for rounding between programs. */
const PAGE_HEIGHT_PT = 841.9 - 2 * 56.7 - 24;
/** The first-line indent of a paragraph (≈ 1.1 cm at 13 pt), as no-break spaces: Excel's cell indent does not go with justified text. */
const FIRST_LINE_INDENT = '\u00a0'.repeat(10);
/** Space after each paragraph (Nghị định 30: at least 6 pt). */
const PARAGRAPH_AFTER = 6;
/** Excel's limit: a cell holds at most 32,767 characters. */
const MAX_CELL_CHARS = 32_000;

/**
 * How many tasks a list of the report names before summing up the rest: a report is read and signed on
 * paper, and the full list is one click away on "Nhiệm vụ".
 */
export const MAX_LISTED = { donePerSection: 30, overduePerSection: 30, nextQuarter: 100 } as const;

function fitCell(text: string): string {
  return text.length <= MAX_CELL_CHARS ? text : `${text.slice(0, MAX_CELL_CHARS - 1)}…`;
}

/** One text (or number) over columns [from, from + span) of a row. */
export interface Span {
  from: number;
  span: number;
  value: CellValue;
  style?: CellStyle;
}

export interface Row {
  spans: Span[];
  height: number;
  /** Style over the whole row's width (a rule: a top border on some columns). */
  rules?: { from: number; span: number }[];
}

/** Rows that break anywhere ('flow'), stay on one page ('keep'), or a table's rows, whose header row repeats on each page it goes on to. */
export type Group = { kind: 'flow' | 'keep'; rows: Row[] } | { kind: 'table'; repeat: Row; rows: Row[] };

function faceOf(style: CellStyle | undefined): FontFace {
  const bold = !!style?.font?.bold;
  const italic = !!style?.font?.italic;
  return bold && italic ? 'boldItalic' : bold ? 'bold' : italic ? 'italic' : 'regular';
}

/** Height in points of a text of `pt` points in `span` grid columns (wrapped as Excel wraps it), plus `after`. */
function heightOf(text: string, span: number, pt: number, after = 0, face: FontFace = 'regular'): number {
  const lines = wrappedLines(text, span * COL_PT_EXCEL - CELL_PADDING_PT, pt, face);
  return Math.ceil(lines * pt * LINE_EM + 2 + after);
}

const full = (value: CellValue, style: CellStyle = {}): Span => ({ from: 0, span: GRID, value, style });

function paragraph(text: string, style: CellStyle = {}, indent = true): Row {
  const value = fitCell(`${indent ? FIRST_LINE_INDENT : ''}${text}`);
  const pt = style.font?.size ?? BODY_PT;
  return {
    spans: [
      full(value, {
        ...style,
        font: { name: FONT, size: pt, ...style.font },
        alignment: { horizontal: 'justify', vertical: 'top', wrap: true, ...style.alignment },
      }),
    ],
    height: heightOf(value, GRID, pt, PARAGRAPH_AFTER, faceOf(style)),
  };
}

const heading = (text: string): Row => paragraph(text, { font: { bold: true } });
const subheading = (text: string): Row => paragraph(text, { font: { bold: true, italic: true } });
/** A marked place for text only people can write: kept when the officer types over it (an edited report is kept). */
const placeholder = (text: string): Row =>
  paragraph(text, { font: { italic: true, color: '7F6000' }, fill: 'FFF2CC' });

function listWithMore<T>(items: readonly T[], max: number, row: (item: T) => Row): Row[] {
  const rows = items.slice(0, max).map(row);
  if (items.length > max) rows.push(paragraph(REPORT_TEXT.more(items.length - max, SHEET.tracker)));
  return rows;
}

/** The figures of a group of tasks, as the sentence builder needs them. */
export function figureWords(c: StateCounts): FigureWords {
  const dated = c.rateOnTime + c.doneLate + c.overdue + c.dueSoon + c.onTrack;
  const dueToday = c.rateDue - c.rateOnTime - c.doneLate - c.overdue;
  return {
    dated,
    continuous: c.ongoing + (c.doneOnTime - c.rateOnTime),
    doneOnTime: c.rateOnTime,
    doneLate: c.doneLate,
    overdue: c.overdue,
    dueToday,
    notYetDue: c.dueSoon - dueToday + c.onTrack,
    dataErrors: c.dataError,
    due: c.rateDue,
  };
}

function doneItem(r: ReportedTask): Row {
  const t = r.task;
  return paragraph(
    REPORT_TEXT.doneItem(t.task, t.evidence, t.completedOn ? formatVnDate(t.completedOn) : null),
  );
}

function overdueItem(r: ReportedTask): Row {
  const t = r.task;
  return paragraph(REPORT_TEXT.overdueItem(t.task, t.lead, formatVnDate(t.deadline as string), r.daysLate));
}

/** "UBND xã Long Điền A" → "Ủy ban nhân dân xã Long Điền A": official text spells the body out. */
export function unitInText(unitName: string): string {
  return unitName
    .normalize('NFC')
    .trim()
    .replace(/^UBND\s+/iu, REPORT_TEXT.peoplesCommitteeInText);
}

/**
 * The columns of a rule under a text `textCols` columns wide, in a block of `block` columns: between 1/3 and 1/2
 * of the text (nearest to 0.42 of it), with the block's parity so that it is centred.
 */
export function ruleUnder(textCols: number, block: number): number {
  const target = textCols * 0.42;
  const candidates: number[] = [];
  for (let n = block % 2 === 0 ? 2 : 1; n <= block; n += 2) candidates.push(n);
  const within = candidates.filter((n) => n >= textCols / 3 && n <= textCols / 2);
  const pool = within.length > 0 ? within : candidates;
  return pool.reduce((best, n) => (Math.abs(n - target) < Math.abs(best - target) ? n : best), pool[0]);
}

function header(c: ReportContent): Group {
  const [issuer1, issuer2] = c.issuerLines;
  const right = GRID - LEFT_BLOCK;
  const bold = (pt: number): CellStyle => ({
    font: { name: FONT, size: pt, bold: true },
    alignment: { horizontal: 'center', vertical: 'top', wrap: true },
  });
  const left = (value: string, style: CellStyle): Span => ({ from: 0, span: LEFT_BLOCK, value, style });
  const rightSpan = (value: string, style: CellStyle): Span => ({
    from: LEFT_BLOCK,
    span: right,
    value,
    style,
  });
  const line2 = Math.max(
    heightOf(issuer2, LEFT_BLOCK, 13, 4, 'bold'),
    heightOf(REPORT_TEXT.motto2, right, 13, 4, 'bold'),
  );
  // The rule under the issuing body: 1/3–1/2 of the name's width, centred (an odd number of columns, as
  // the block has), never wider than the block.
  const issuerRule = ruleUnder(textWidthPt(issuer2, 13, 'bold') / COL_PT, LEFT_BLOCK);
  return {
    kind: 'keep',
    rows: [
      { spans: [left(issuer1, bold(13)), rightSpan(REPORT_TEXT.motto1, bold(12))], height: 18 },
      // Text at the top of a row taller than it, so the rule (the next row's top edge) clears the letters.
      { spans: [left(issuer2, bold(13)), rightSpan(REPORT_TEXT.motto2, bold(13))], height: line2 },
      {
        spans: [],
        height: 8,
        rules: [
          { from: (LEFT_BLOCK - issuerRule) / 2, span: issuerRule },
          { from: LEFT_BLOCK + (right - MOTTO_RULE) / 2, span: MOTTO_RULE },
        ],
      },
      {
        spans: [
          left(REPORT_TEXT.number, { font: { name: FONT, size: 13 }, alignment: { horizontal: 'center' } }),
          rightSpan(c.placeDate, {
            font: { name: FONT, size: 13, italic: true },
            alignment: { horizontal: 'center', wrap: true },
          }),
        ],
        height: heightOf(c.placeDate, right, 13, 2, 'italic'),
      },
      { spans: [], height: 14 },
      {
        spans: [
          full(REPORT_TEXT.title, {
            font: { name: FONT, size: 14, bold: true },
            alignment: { horizontal: 'center' },
          }),
        ],
        height: 20,
      },
      {
        spans: [
          full(fitCell(c.subject), {
            font: { name: FONT, size: 14, bold: true },
            alignment: { horizontal: 'center', vertical: 'top', wrap: true },
          }),
        ],
        height: heightOf(c.subject, GRID, 14, 2, 'bold'),
      },
      { spans: [], height: 10, rules: [{ from: (GRID - SUBJECT_RULE) / 2, span: SUBJECT_RULE }] },
      {
        spans: [
          full(REPORT_TEXT.addressee(c.recipient), {
            font: { name: FONT, size: 14 },
            alignment: { horizontal: 'center', vertical: 'top', wrap: true },
          }),
        ],
        height: heightOf(REPORT_TEXT.addressee(c.recipient), GRID, 14, 8),
      },
    ],
  };
}

/** The table by section: its header row, one row per section with tasks, the total. */
function sectionTable(c: ReportContent): { head: Row; rows: Row[] } {
  const withErrors = c.totals.dataError > 0;
  const H = REPORT_TEXT.tableHeader;
  const columns: { title: string; value: (k: StateCounts) => CellValue }[] = [
    { title: H.tasks, value: (k) => k.tasks - k.notYetInPeriod },
    { title: H.doneOnTime, value: (k) => k.doneOnTime },
    { title: H.doneLate, value: (k) => k.doneLate },
    { title: H.open, value: (k) => k.dueSoon + k.onTrack },
    { title: H.overdue, value: (k) => k.overdue },
    { title: H.ongoing, value: (k) => k.ongoing },
    ...(withErrors ? [{ title: H.dataError, value: (k: StateCounts) => k.dataError }] : []),
    {
      title: H.rate,
      value: (k) => {
        const rate = completionRate(k);
        return rate === null ? '–' : percentVi(rate);
      },
    },
  ];
  // Section ids and the total are short: their rows keep the table's 20 pt whatever the label column's width.
  return gridTable(
    H.section,
    columns.map((col) => col.title),
    4,
    [
      ...c.sections
        .filter((s) => s.counts.tasks - s.counts.notYetInPeriod > 0)
        .map((s) => ({
          label: s.id === '' ? REPORT_TEXT.tableOther : s.id,
          values: columns.map((col) => col.value(s.counts)),
          height: 20,
        })),
      {
        label: REPORT_TEXT.tableTotal,
        values: columns.map((col) => col.value(c.totals)),
        bold: true,
        height: 20,
      },
    ],
  );
}

/**
 * A table of figures on the grid: a label column, then `titles.length` columns of `figureSpan` grid columns,
 * thin borders, 12 pt; the header row as tall as its longest title wraps.
 */
function gridTable(
  labelTitle: string,
  titles: string[],
  figureSpan: number,
  body: { label: string; values: CellValue[]; bold?: boolean; height?: number }[],
): { head: Row; rows: Row[] } {
  const labelSpan = GRID - figureSpan * titles.length;
  const cell = (from: number, span: number, value: CellValue, bold = false): Span => ({
    from,
    span,
    value,
    style: {
      font: { name: FONT, size: TABLE_PT, bold },
      border: { top: 'thin', bottom: 'thin', left: 'thin', right: 'thin' },
      alignment: { horizontal: 'center', vertical: 'center', wrap: true },
    },
  });
  const row = (label: string, values: CellValue[], bold = false, height?: number): Row => ({
    spans: [
      cell(0, labelSpan, label, bold),
      ...values.map((v, i) => cell(labelSpan + i * figureSpan, figureSpan, v, bold)),
    ],
    height: height ?? Math.max(20, heightOf(label, labelSpan, TABLE_PT, 4, bold ? 'bold' : 'regular')),
  });
  const headHeight = Math.max(
    ...titles.map((t) => heightOf(t, figureSpan, TABLE_PT, 4, 'bold')),
    heightOf(labelTitle, labelSpan, TABLE_PT, 4, 'bold'),
  );
  return {
    head: row(labelTitle, titles, true, headHeight),
    rows: body.map((b) => row(b.label, b.values, b.bold, b.height)),
  };
}

/** The TTHC table: one row per field with figures in the period, and the total. */
function tthcTable(c: ReportContent): { head: Row; rows: Row[] } {
  const H = REPORT_TEXT.tthcTableHeader;
  const rate = (f: TthcFigures): string => {
    const r = onTimeRate(f);
    return r === null ? '–' : percentVi(r);
  };
  const values = (f: TthcFigures): CellValue[] => [
    f.received,
    f.early,
    f.onTime,
    f.late,
    f.pendingOnTime,
    f.pendingLate,
    rate(f),
  ];
  const figures = c.tthc.figures;
  const table = gridTable(
    H.field,
    [H.received, H.early, H.onTime, H.late, H.pendingOnTime, H.pendingLate, H.rate],
    4,
    [
      ...figures.byField.filter(hasFigures).map((b) => ({ label: b.field, values: values(b.figures) })),
      { label: REPORT_TEXT.tableTotal, values: values(figures.totals), bold: true },
    ],
  );
  // Counts in thousands read as Vietnamese writes them (1.049) in Excel and LibreOffice set to Vietnamese.
  for (const r of [table.head, ...table.rows])
    for (const sp of r.spans.slice(1))
      if (typeof sp.value === 'number') sp.style = { ...sp.style, numberFormat: '#,##0' };
  return table;
}

/** "Đất đai 3; Hộ tịch 1": fields with a figure, most first. */
function byMost(items: { field: string; n: number }[]): { field: string; n: number }[] {
  return items.filter((i) => i.n > 0).sort((a, b) => b.n - a.n || a.field.localeCompare(b.field, 'vi'));
}

/** I.3: the period's dossier figures, as sentences and a table by field; one sentence when there are none. */
function tthcResults(c: ReportContent): Group[] {
  const t = c.tthc;
  const f = t.figures;
  const groups: Group[] = [];
  const title = subheading(REPORT_TEXT.tthcHeading);
  const errors = t.dataErrors.length > 0 ? [paragraph(REPORT_TEXT.tthcDataErrors(t.dataErrors.length))] : [];
  if (f.months.length === 0) {
    groups.push({ kind: 'keep', rows: [title, paragraph(REPORT_TEXT.tthcNone)] });
    if (errors.length > 0) groups.push({ kind: 'flow', rows: errors });
    return groups;
  }
  const months = tthcMonthsText(f.months, c.period.year);
  const sentences = tthcSentences(f.totals, months).map((x) => paragraph(x));
  groups.push({ kind: 'keep', rows: [title, ...sentences.slice(0, 1)] });
  if (sentences.length > 1) groups.push({ kind: 'flow', rows: sentences.slice(1) });
  if (errors.length > 0) groups.push({ kind: 'flow', rows: errors });
  const table = tthcTable(c);
  groups.push({
    kind: 'keep',
    rows: [
      paragraph(REPORT_TEXT.tthcTableCaption(months), { font: { italic: true } }),
      table.head,
      ...table.rows.slice(0, 1),
    ],
  });
  groups.push({ kind: 'table', repeat: table.head, rows: table.rows.slice(1) });
  groups.push({ kind: 'flow', rows: [{ spans: [], height: 8 }] });
  return groups;
}

/** II.1, TTHC: late dossiers by field, the often-late fields with the reasons users wrote, overdue pending. */
function tthcShortcomings(c: ReportContent): Row[] {
  const f = c.tthc.figures;
  if (f.months.length === 0) return [];
  const rows: Row[] = [];
  const { late, pendingLate } = f.totals;
  if (late === 0 && pendingLate === 0) return [paragraph(REPORT_TEXT.tthcNoLate)];
  if (late > 0)
    rows.push(
      paragraph(
        REPORT_TEXT.tthcLate(late, byMost(f.byField.map((b) => ({ field: b.field, n: b.figures.late })))),
      ),
    );
  for (const often of f.frequentLate) {
    const monthsText = REPORT_TEXT.tthcLateMonths(often.lateMonths.join(', '));
    const reasons = often.reasons
      .map((r) => REPORT_TEXT.tthcLateReason(r.month, r.text.replace(/[.;\s]+$/u, '')))
      .join('; ');
    rows.push(
      paragraph(REPORT_TEXT.tthcFrequentLate(often.field, often.figures.late, monthsText, reasons || null)),
    );
  }
  if (pendingLate > 0)
    rows.push(
      paragraph(
        REPORT_TEXT.tthcPendingLate(
          pendingLate,
          byMost(f.byField.map((b) => ({ field: b.field, n: b.figures.pendingLate }))),
        ),
      ),
    );
  return rows;
}

function signature(c: ReportContent): Group {
  const leftSpan = 15;
  const rightSpan = GRID - leftSpan;
  const left = [REPORT_TEXT.recipientsHeading, ...c.recipients];
  const right = [...c.signature.lines, '', '', '', '', c.signature.name];
  const rows: Row[] = [];
  for (let i = 0; i < Math.max(left.length, right.length); i++) {
    const spans: Span[] = [];
    const l = left[i];
    if (l !== undefined)
      spans.push({
        from: 0,
        span: leftSpan,
        value: l,
        style:
          i === 0
            ? { font: { name: FONT, size: 12, bold: true, italic: true } }
            : { font: { name: FONT, size: 11 }, alignment: { vertical: 'top', wrap: true } },
      });
    const r = right[i];
    if (r !== undefined && r !== '')
      spans.push({
        from: leftSpan,
        span: rightSpan,
        value: r,
        style: {
          font: { name: FONT, size: i === right.length - 1 ? 14 : 13, bold: true },
          alignment: { horizontal: 'center', vertical: 'top' },
        },
      });
    const leftHeight = l !== undefined && i > 0 ? heightOf(l, leftSpan, 11) : 17;
    rows.push({ spans, height: Math.max(leftHeight, 18) });
  }
  return { kind: 'keep', rows };
}

function body(c: ReportContent): Group[] {
  const g = groupWriter();
  const unit = unitInText(c.unitName);
  g.flow(paragraph(openingText(c, unit)));
  resultGroups(g, c);
  g.groups.push(...tthcResults(c));

  g.flow(heading(REPORT_TEXT.shortcomings));
  g.headed(subheading(REPORT_TEXT.shortcomingsList), shortcomingRows(c));
  g.headed(subheading(REPORT_TEXT.causes), [placeholder(REPORT_TEXT.causesPlaceholder)]);

  g.headed(heading(REPORT_TEXT.nextPeriod(c.nextQuarterLabel)), nextPeriodRows(c));
  g.headed(heading(REPORT_TEXT.proposals), [placeholder(REPORT_TEXT.proposalsPlaceholder)]);
  g.flow(paragraph(REPORT_TEXT.closing(c.period.subject, unit)));
  g.flow({ spans: [], height: 10 });
  return g.groups;
}

/** The body's groups in order, and the two ways rows are added to them. */
interface GroupWriter {
  groups: Group[];
  /** Rows that may break across pages anywhere. */
  flow: (...rows: Row[]) => void;
  /** A heading kept with the first row after it. */
  headed: (title: Row, rest: Row[]) => void;
}

function groupWriter(): GroupWriter {
  const groups: Group[] = [];
  const flow = (...rows: Row[]): void => {
    groups.push({ kind: 'flow', rows });
  };
  const headed = (title: Row, rest: Row[]): void => {
    groups.push({ kind: 'keep', rows: [title, ...rest.slice(0, 1)] });
    if (rest.length > 1) flow(...rest.slice(1));
  };
  return { groups, flow, headed };
}

/** The opening paragraph: the plan (by number, or by title when it has none), the period and the day. */
function openingText(c: ReportContent, unit: string): string {
  const planDate = c.plan.date ? dateInWords(c.plan.date) : null;
  const plan =
    c.plan.number !== ''
      ? REPORT_TEXT.planCited(c.plan.number, planDate, unit, REPORT_TEXT.planSubject)
      : REPORT_TEXT.planByTitle(REPORT_TEXT.planSubject, unit);
  return REPORT_TEXT.opening(
    plan,
    unit,
    c.period.subject,
    formatVnDate(c.period.from),
    formatVnDate(c.period.to),
    formatVnDate(c.asOf),
  );
}

/** Part I: the overall figures, each section's figures and tasks, and the table by section. */
function resultGroups(g: GroupWriter, c: ReportContent): void {
  g.flow(heading(REPORT_TEXT.results));
  const asOf = formatVnDate(c.asOf);
  g.headed(
    subheading(REPORT_TEXT.overall),
    reportFigures(figureWords(c.totals), asOf).map((s) => paragraph(s)),
  );
  g.flow(heading(REPORT_TEXT.bySection));
  c.sections
    .filter((s) => s.counts.tasks - s.counts.notYetInPeriod > 0)
    .forEach((s, i) => {
      g.headed(subheading(REPORT_TEXT.sectionHeading(i + 1, s.title, s.id)), [
        ...reportFigures(figureWords(s.counts), null).map((t) => paragraph(t)),
        ...listWithMore(s.done, MAX_LISTED.donePerSection, doneItem),
        ...listWithMore(s.overdue, MAX_LISTED.overduePerSection, overdueItem),
      ]);
    });
  const table = sectionTable(c);
  // The caption, the header row and the first row go together; a table longer than a page repeats its header.
  g.groups.push({
    kind: 'keep',
    rows: [
      paragraph(REPORT_TEXT.tableCaption(asOf), { font: { italic: true } }),
      table.head,
      ...table.rows.slice(0, 1),
    ],
  });
  g.groups.push({ kind: 'table', repeat: table.head, rows: table.rows.slice(1) });
  g.flow({ spans: [], height: 8 });
}

/** The shortcomings: the late tasks are named under I, each in its section; here, who they wait on. */
function shortcomingRows(c: ReportContent): Row[] {
  const shortcomings: Row[] = [];
  if (c.overdue.length === 0) shortcomings.push(paragraph(REPORT_TEXT.noOverdue));
  else {
    const byLead = new Map<string, number>();
    for (const o of c.overdue) byLead.set(o.task.lead, (byLead.get(o.task.lead) ?? 0) + 1);
    const leads = [...byLead.entries()].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0], 'vi'));
    const oldest = c.overdue[0];
    shortcomings.push(
      paragraph(
        REPORT_TEXT.overdueSummary(
          c.overdue.length,
          leads.map(([lead, n]) => ({ lead, n })),
          oldest.task.task,
          oldest.daysLate,
        ),
      ),
    );
  }
  if (c.totals.doneLate > 0) shortcomings.push(paragraph(REPORT_TEXT.doneLateIntro(c.totals.doneLate)));
  shortcomings.push(...tthcShortcomings(c));
  return shortcomings;
}

/** The next period's tasks: those due, the overdue to finish, the TTHC fields often late, the ongoing work. */
function nextPeriodRows(c: ReportContent): Row[] {
  const next: Row[] = [];
  if (c.nextQuarter.length > 0) {
    next.push(paragraph(REPORT_TEXT.nextIntro));
    next.push(
      ...listWithMore(c.nextQuarter, MAX_LISTED.nextQuarter, (n) =>
        paragraph(REPORT_TEXT.nextItem(n.task.task, n.task.lead, formatVnDate(n.task.deadline as string))),
      ),
    );
  }
  if (c.overdue.length > 0) next.push(paragraph(REPORT_TEXT.nextOverdue));
  if (c.tthc.figures.frequentLate.length > 0)
    next.push(paragraph(REPORT_TEXT.tthcNextLate(c.tthc.figures.frequentLate.map((f) => f.field))));
  next.push(paragraph(REPORT_TEXT.nextOngoing));
  return next;
}

/**
 * Lays the groups out on pages of PAGE_HEIGHT_PT: a 'keep' group that does not fit in what is left of a page
 * starts a new one; a table row that does not fit starts a new page with the table's header row again.
 * Returns the rows in order and the rows (1-based) that start a page.
 */
export function paginate(groups: Group[]): { rows: Row[]; breaks: number[] } {
  const rows: Row[] = [];
  const breaks: number[] = [];
  let y = 0;
  const newPage = (): void => {
    if (rows.length > 0 && y > 0) breaks.push(rows.length + 1);
    y = 0;
  };
  const add = (r: Row): void => {
    if (y + r.height > PAGE_HEIGHT_PT && y > 0) newPage();
    rows.push(r);
    y += r.height;
  };
  for (const g of groups) {
    const total = g.rows.reduce((h, r) => h + r.height, 0);
    if (g.kind === 'keep') {
      if (y + total > PAGE_HEIGHT_PT && total <= PAGE_HEIGHT_PT) newPage();
      g.rows.forEach(add);
    } else if (g.kind === 'table') {
      for (const r of g.rows) {
        if (y + r.height > PAGE_HEIGHT_PT && y > 0) {
          newPage();
          add(g.repeat);
        }
        add(r);
      }
    } else g.rows.forEach(add);
  }
  return { rows, breaks };
}

/**
 * Rows with data errors listed under the report; the rest are counted. Each listed row costs about ten
 * milliseconds to write, so a tracker pasted with thousands of broken rows would otherwise take minutes to
 * report (issue 13); Kiểm tra dữ liệu lists them all.
 */
export const MAX_FIX_ROWS_LISTED = 50;

/** The rows with data errors, below the print area: not printed, there for the officer. */
function fixBlock(c: ReportContent): Row[] {
  const rows: Row[] = [];
  const part = (heading: string, list: ReportContent['dataErrors']): void => {
    if (list.length === 0) return;
    rows.push(
      { spans: [], height: 14 },
      paragraph(heading, { font: { bold: true, color: '9C0006' }, fill: 'FFC7CE' }, false),
    );
    for (const d of list.slice(0, MAX_FIX_ROWS_LISTED)) {
      rows.push(paragraph(REPORT_TEXT.fixRow(d.row, d.task), { font: { bold: true, size: 12 } }, false));
      for (const p of d.problems)
        rows.push(paragraph(`- ${p.cell}: ${p.message}`, { font: { size: 12 } }, false));
    }
    const more = list.length - MAX_FIX_ROWS_LISTED;
    if (more > 0) rows.push(paragraph(REPORT_TEXT.fixMore(more), { font: { size: 12 } }, false));
  };
  part(REPORT_TEXT.fixHeading(c.dataErrors.length), c.dataErrors);
  part(REPORT_TEXT.tthcFixHeading(c.tthc.dataErrors.length), c.tthc.dataErrors);
  return rows;
}

export function buildReportSheet(content: ReportContent, sheetName: string): SheetSpec {
  const { rows, breaks } = paginate([header(content), ...body(content), signature(content)]);
  const printed = rows.length;
  for (const row of fixBlock(content)) rows.push(row); // one by one: a spread of 100,000 rows overflows the stack
  const cells: CellValue[][] = [];
  const styles: StyleRun[] = [];
  const merges: string[] = [];
  const rowHeights: Record<number, number> = {};
  const L = colToLetters;
  rows.forEach((r, i) => {
    const n = i + 1;
    const line: CellValue[] = Array.from({ length: GRID }, () => null);
    rowHeights[n] = Math.min(409, r.height);
    for (const s of r.spans) {
      line[s.from] = typeof s.value === 'string' ? fitCell(s.value) : s.value;
      const range = s.span > 1 ? `${L(s.from)}${n}:${L(s.from + s.span - 1)}${n}` : `${L(s.from)}${n}`;
      if (s.span > 1) merges.push(range);
      if (s.style)
        styles.push({ range, style: { ...s.style, font: { name: FONT, size: BODY_PT, ...s.style.font } } });
    }
    for (const rule of r.rules ?? [])
      styles.push({
        range: `${L(rule.from)}${n}:${L(rule.from + rule.span - 1)}${n}`,
        style: { border: { top: 'thin' } },
      });
    cells.push(line);
  });
  return {
    name: sheetName,
    kind: 'report',
    defaultFont: { name: FONT, size: BODY_PT },
    cells,
    styles,
    merges,
    rowHeights,
    columnWidths: Array.from({ length: GRID }, () => COL_WIDTH),
    page: {
      paper: 'A4',
      orientation: 'portrait',
      margins: { top: 20, bottom: 20, left: 30, right: 15, header: 10, footer: 10 },
      printArea: `A1:${L(GRID - 1)}${printed}`,
      // The grid is narrower than the page, so Excel and LibreOffice (with Calibri's metrics) print it at 100 %,
      // the body at 13 pt; fitting to the width only shrinks it where a program draws columns wider.
      fitToWidth: true,
      header: { center: '&P', differentFirstPage: true },
      firstPageNumber: 1,
      rowBreaks: breaks,
    },
  };
}
