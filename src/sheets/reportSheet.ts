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
 * long as the text they underline. Rows have explicit heights, except the places for the officer's words, which
 * grow with what is typed (an unmerged copy of the text right of the print area lets Excel fit them; see
 * SheetSpec.autoHeightRows); the page breaks are planned from the heights (a table
 * or the signature block never splits; a table longer than a page repeats its header row).
 */
import { colToLetters } from '../domain/a1';
import type { ReportContent } from '../domain/report';
import type { ReportBlock, ReportDocument, ReportHeadGroup } from '../domain/reportDocument';
import { buildReportDocument, MAX_LISTED } from '../domain/reportText';
import type { CellStyle, CellValue, ConditionalFormatSpec, FormulaCell, SheetSpec, StyleRun } from './spec';
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

export { MAX_LISTED };

function fitCell(text: string): string {
  return text.length <= MAX_CELL_CHARS ? text : `${text.slice(0, MAX_CELL_CHARS - 1)}…`;
}

/** One text (or number) over columns [from, from + span) of a row. */
interface Span {
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
  /** A place for the officer's words: marked (a conditional format) while it holds its hint. */
  placeholder?: boolean;
  /** Grid columns (the start of a span) whose cell is merged with the one below it (a table's two-row header). */
  mergeDown?: number[];
}

/** Rows that break anywhere ('flow'), stay on one page ('keep'), or a table's rows, whose header row repeats on each page it goes on to. */
export type Group =
  { kind: 'flow' | 'keep'; rows: Row[] } | { kind: 'table'; repeat: Row | Row[]; rows: Row[] };

function faceOf(style: CellStyle | undefined): FontFace {
  const bold = !!style?.font?.bold;
  const italic = !!style?.font?.italic;
  return bold && italic ? 'boldItalic' : bold ? 'bold' : italic ? 'italic' : 'regular';
}

/** Height in points of a text of `pt` points in `span` grid columns (wrapped as Excel wraps it), plus `after`. */
function heightOf(text: string, span: number, pt: number, after = 0, face: FontFace = 'regular'): number {
  const lines = wrappedLines(text, Math.max(1, span * COL_PT_EXCEL - CELL_PADDING_PT), pt, face);
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

/**
 * The columns of a rule under a text `textCols` columns wide, in a block of `block` columns: between 1/3 and 1/2
 * of the text (nearest to 0.42 of it), with the block's parity so that it is centred.
 */
function ruleUnder(textCols: number, block: number): number {
  const target = textCols * 0.42;
  const candidates: number[] = [];
  for (let n = block % 2 === 0 ? 2 : 1; n <= block; n += 2) candidates.push(n);
  const within = candidates.filter((n) => n >= textCols / 3 && n <= textCols / 2);
  const pool = within.length > 0 ? within : candidates;
  return pool.reduce((best, n) => (Math.abs(n - target) < Math.abs(best - target) ? n : best), pool[0]);
}

function header(c: ReportDocument): Group {
  const [issuer1, issuer2] = c.heading.issuer;
  const [motto1, motto2] = c.heading.motto;
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
    heightOf(motto2, right, 13, 4, 'bold'),
  );
  // The rule under the issuing body: 1/3–1/2 of the name's width, centred (an odd number of columns, as
  // the block has), never wider than the block.
  const issuerRule = ruleUnder(textWidthPt(issuer2, 13, 'bold') / COL_PT, LEFT_BLOCK);
  return {
    kind: 'keep',
    rows: [
      { spans: [left(issuer1, bold(13)), rightSpan(motto1, bold(12))], height: 18 },
      // Text at the top of a row taller than it, so the rule (the next row's top edge) clears the letters.
      { spans: [left(issuer2, bold(13)), rightSpan(motto2, bold(13))], height: line2 },
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
          left(c.heading.number, { font: { name: FONT, size: 13 }, alignment: { horizontal: 'center' } }),
          rightSpan(c.heading.placeDate, {
            font: { name: FONT, size: 13, italic: true },
            alignment: { horizontal: 'center', wrap: true },
          }),
        ],
        height: heightOf(c.heading.placeDate, right, 13, 2, 'italic'),
      },
      { spans: [], height: 14 },
      {
        spans: [
          full(c.title, {
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
          full(c.addressee, {
            font: { name: FONT, size: 14 },
            alignment: { horizontal: 'center', vertical: 'top', wrap: true },
          }),
        ],
        height: heightOf(c.addressee, GRID, 14, 8),
      },
    ],
  };
}

/** Space a table cell keeps around its text, both sides, in points (its borders, the program's padding). */
const TABLE_CELL_PADDING_PT = 5;
/** The narrowest the label column of a table may be made, in grid columns. */
const MIN_LABEL_SPAN = 5;
/** The narrowest a figure column may be, in grid columns. */
const MIN_FIGURE_SPAN = 2;

/** Grid columns a table column needs for its widest figure and for the longest word of its headings. */
function spanFor(texts: readonly string[], headWords: readonly string[], pt: number): number {
  const widest = Math.max(
    0,
    ...texts.map((t) => textWidthPt(t, pt, 'bold')),
    ...headWords.map((w) => textWidthPt(w, pt, 'bold')),
  );
  return Math.max(MIN_FIGURE_SPAN, Math.ceil((widest + TABLE_CELL_PADDING_PT) / COL_PT_EXCEL));
}

/**
 * The grid columns of a table's columns: the figure columns all as wide as a uniform width allows (at most 4),
 * when every figure and heading word fits in it; else each as wide as its widest text, at 12 pt or, if that
 * leaves the label column too narrow, 11 pt. The label column takes the rest.
 */
function tableLayout(t: Extract<ReportBlock, { kind: 'table' }>): { spans: number[]; pt: number } {
  const n = t.head.length - 1;
  const words = (i: number): string[] => {
    const heads = [t.head[i]];
    return heads.flatMap((h) => h.split(/\s+/u)).filter((w) => w !== '');
  };
  for (const pt of [TABLE_PT, 11]) {
    const need = Array.from({ length: n }, (_, j) =>
      spanFor(
        t.rows.map((r) => r.cells[j + 1] ?? ''),
        words(j + 1),
        pt,
      ),
    );
    const uniform = Math.min(4, Math.floor((GRID - MIN_LABEL_SPAN) / n));
    if (pt === TABLE_PT && need.every((x) => x <= uniform) && GRID - uniform * n >= MIN_LABEL_SPAN)
      return { spans: [GRID - uniform * n, ...need.map(() => uniform)], pt };
    const sum = need.reduce((a, b) => a + b, 0);
    if (GRID - sum >= MIN_LABEL_SPAN || pt === 11) {
      // Widen the figure columns evenly into what the label does not need.
      // Widen the figure columns evenly into what the label does not need; never past the grid.
      const label = Math.max(MIN_LABEL_SPAN, GRID - sum);
      const spans = need.map((x) => Math.min(x, Math.floor((GRID - MIN_LABEL_SPAN) / n)));
      let spare = GRID - label - spans.reduce((a, b) => a + b, 0);
      for (let j = 0; spare > 0 && n > 0; j = (j + 1) % n, spare--) spans[j] += 1;
      return { spans: [GRID - spans.reduce((a, b) => a + b, 0), ...spans], pt };
    }
  }
  /* istanbul ignore next -- the loop returns at 11 pt */
  return { spans: [GRID - 2 * n, ...Array.from({ length: n }, () => 2)], pt: 11 };
}

/** A table of the document on the grid: thin borders, centred figures; header rows (and groups) bold. */
function gridTable(t: Extract<ReportBlock, { kind: 'table' }>): { head: Row[]; rows: Row[] } {
  const { spans, pt } = tableLayout(t);
  const starts = spans.map((_, i) => spans.slice(0, i).reduce((a, b) => a + b, 0));
  const cell = (from: number, span: number, value: CellValue, bold: boolean): Span => ({
    from,
    span,
    value,
    style: {
      font: { name: FONT, size: pt, bold },
      border: { top: 'thin', bottom: 'thin', left: 'thin', right: 'thin' },
      alignment: { horizontal: 'center', vertical: 'center', wrap: true },
    },
  });
  const heightOfCells = (cells: { text: string; span: number }[], bold: boolean): number =>
    Math.max(20, ...cells.map((c) => heightOf(c.text, c.span, pt, 4, bold ? 'bold' : 'regular')));
  const row = (cells: string[], bold: boolean): Row => ({
    spans: cells.map((v, i) => cell(starts[i], spans[i], v, bold)),
    height: heightOfCells(
      cells.map((text, i) => ({ text, span: spans[i] })),
      bold,
    ),
  });
  const head: Row[] = [];
  if (t.groups) {
    const top: Span[] = [];
    const under: Span[] = [];
    const texts: { text: string; span: number }[] = [];
    let col = 0;
    const mergedDown: number[] = [];
    for (const g of t.groups as ReportHeadGroup[]) {
      const from = starts[col];
      const span = spans.slice(col, col + g.span).reduce((a, b) => a + b, 0);
      if (g.span === 1 && g.text === t.head[col]) mergedDown.push(col);
      top.push(cell(from, span, g.text, true));
      texts.push({ text: g.text, span });
      col += g.span;
    }
    t.head.forEach((h, i) => {
      // A cell merged over both header rows is the upper row's (its merge and borders cover both rows).
      if (!mergedDown.includes(i)) under.push(cell(starts[i], spans[i], h, true));
    });
    const lower = heightOfCells(
      t.head.map((text, i) => ({ text: mergedDown.includes(i) ? '' : text, span: spans[i] })),
      true,
    );
    // A header merged over both rows must fit in their sum.
    const needDown = Math.max(0, ...mergedDown.map((i) => heightOf(t.head[i], spans[i], pt, 4, 'bold')));
    let upper = heightOfCells(
      texts.filter((_, k) => !mergedDown.includes(k)),
      true,
    );
    if (upper + lower < needDown) upper = needDown - lower;
    head.push({ spans: top, height: upper, mergeDown: mergedDown.map((i) => starts[i]) });
    head.push({ spans: under, height: lower });
  } else head.push(row(t.head, true));
  return { head, rows: t.rows.map((r) => row(r.cells, !!r.total)) };
}

/** A paragraph's runs as one cell: the style of its runs where they all share it. */
function paragraphRow(runs: { text: string; bold?: boolean; italic?: boolean }[]): Row {
  const text = runs.map((r) => r.text).join('');
  const bold = runs.length > 0 && runs.every((r) => r.bold);
  const italic = runs.length > 0 && runs.every((r) => r.italic);
  return paragraph(text, bold || italic ? { font: { bold, italic } } : {});
}

/**
 * The column of the officer's words' copies, right of the print area (SheetSpec.autoHeightRows): as wide in
 * Excel as the grid (GRID columns of 16 px, 7 px a character), so its text wraps where the merged text wraps.
 */
const COPY_COLUMN = GRID;
const COPY_WIDTH = (GRID * COL_PT_EXCEL * 96) / 72 / 7;
/** The copies' colour: readable on screen, plainly not the text itself. */
const COPY_COLOR = 'A6A6A6';

const PLACEHOLDER_FILL = 'FFF2CC';
const PLACEHOLDER_COLOR = '7F6000';

/**
 * The body's groups from the document's blocks: a heading is kept with what follows it (headings in a row,
 * then the first row of the next block), a caption with its table's header and first row; a table longer than
 * a page repeats its header; a placeholder is an ordinary body paragraph, marked only while it holds its hint
 * (a conditional format: typed over, it is body text).
 */
function bodyGroups(blocks: readonly ReportBlock[]): Group[] {
  const groups: Group[] = [];
  let kept: Row[] = [];
  const flush = (first: Row[], rest: Row[]): void => {
    groups.push({ kind: 'keep', rows: [...kept, ...first] });
    kept = [];
    if (rest.length > 0) groups.push({ kind: 'flow', rows: rest });
  };
  for (const b of blocks) {
    switch (b.kind) {
      case 'heading':
        kept.push(
          paragraph(b.text, {
            font:
              b.level === 1
                ? { bold: true }
                : b.level === 2
                  ? { bold: true, italic: true }
                  : { italic: true },
          }),
        );
        break;
      case 'caption':
        kept.push(paragraph(b.text, { font: { italic: true } }));
        break;
      case 'placeholder':
        flush([{ ...paragraph(b.text), placeholder: true }], []);
        break;
      case 'paragraph': {
        const r = paragraphRow(b.runs);
        if (kept.length > 0) flush([r], []);
        else groups.push({ kind: 'flow', rows: [r] });
        break;
      }
      case 'table': {
        const t = gridTable(b);
        flush([...t.head, ...t.rows.slice(0, 1)], []);
        groups.push({ kind: 'table', repeat: t.head, rows: t.rows.slice(1) });
        groups.push({ kind: 'flow', rows: [{ spans: [], height: 8 }] });
        break;
      }
    }
  }
  if (kept.length > 0) flush([], []);
  return groups;
}

function signature(c: ReportDocument): Group {
  const leftSpan = 15;
  const rightSpan = GRID - leftSpan;
  const left = [c.recipients.heading, ...c.recipients.lines];
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
          for (const h of Array.isArray(g.repeat) ? g.repeat : [g.repeat]) add(h);
        }
        add(r);
      }
    } else g.rows.forEach(add);
  }
  return { rows, breaks };
}

/** The notes for the officer, below the print area: not printed. */
function notesBlock(doc: ReportDocument): Row[] {
  const rows: Row[] = [];
  for (const note of doc.officerNotes) {
    rows.push(
      { spans: [], height: 14 },
      paragraph(note.heading, { font: { bold: true, color: '9C0006' }, fill: 'FFC7CE' }, false),
    );
    for (const line of note.lines)
      rows.push(
        paragraph(line, { font: { bold: !line.startsWith('- ') && !line.startsWith('…'), size: 12 } }, false),
      );
  }
  return rows;
}

/**
 * A place for the officer's words on row `n`, holding `hint`: marked while it holds the hint it was written with
 * (typed over, it is body text); and it grows with what is typed over the hint, in print too: its height is
 * left to the program, and an unmerged wrapped copy of the text outside the print area gives Excel's fit (which
 * skips merged cells) the text's height; LibreOffice fits the merged text itself.
 */
function markPlace(
  n: number,
  hint: string,
  out: {
    conditionalFormats: ConditionalFormatSpec[];
    autoHeightRows: number[];
    formulas: FormulaCell[];
    styles: StyleRun[];
  },
): void {
  out.conditionalFormats.push({
    range: `A${n}`,
    formula: `=$A$${n}="${hint.replace(/"/g, '""')}"`,
    fill: PLACEHOLDER_FILL,
    fontColor: PLACEHOLDER_COLOR,
  });
  out.autoHeightRows.push(n);
  const copy = `${colToLetters(COPY_COLUMN)}${n}`;
  out.formulas.push({ cell: copy, formula: `=$A${n}&""`, result: hint });
  out.styles.push({
    range: copy,
    style: {
      font: { name: FONT, size: BODY_PT, color: COPY_COLOR },
      alignment: { horizontal: 'justify', vertical: 'top', wrap: true },
    },
  });
}

/** The page number, in the body's font (Excel's header codes: &"font,style" &size &P). */
const PAGE_NUMBER = `&"${FONT},Regular"&${BODY_PT}&P`;

export function buildReportSheet(content: ReportContent, sheetName: string): SheetSpec {
  return renderReportSheet(buildReportDocument(content), sheetName);
}

/** The report sheet of a document. */
export function renderReportSheet(doc: ReportDocument, sheetName: string): SheetSpec {
  const { rows, breaks } = paginate([header(doc), ...bodyGroups(doc.body), signature(doc)]);
  const printed = rows.length;
  for (const row of notesBlock(doc)) rows.push(row); // one by one: a spread of 100,000 rows overflows the stack
  const cells: CellValue[][] = [];
  const styles: StyleRun[] = [];
  const merges: string[] = [];
  const conditionalFormats: ConditionalFormatSpec[] = [];
  const rowHeights: Record<number, number> = {};
  const autoHeightRows: number[] = [];
  const formulas: FormulaCell[] = [];
  const place = { conditionalFormats, autoHeightRows, formulas, styles };
  const L = colToLetters;
  rows.forEach((r, i) => {
    const n = i + 1;
    const line: CellValue[] = Array.from({ length: GRID }, () => null);
    rowHeights[n] = Math.min(409, r.height);
    for (const s of r.spans) {
      line[s.from] = typeof s.value === 'string' ? fitCell(s.value) : s.value;
      const down = r.mergeDown?.includes(s.from) ? 1 : 0;
      const range =
        s.span > 1 || down ? `${L(s.from)}${n}:${L(s.from + s.span - 1)}${n + down}` : `${L(s.from)}${n}`;
      if (s.span > 1 || down) merges.push(range);
      if (s.style)
        styles.push({ range, style: { ...s.style, font: { name: FONT, size: BODY_PT, ...s.style.font } } });
    }
    if (r.placeholder && typeof line[0] === 'string') markPlace(n, line[0], place);
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
    conditionalFormats,
    rowHeights,
    ...(autoHeightRows.length > 0 ? { autoHeightRows, formulas } : {}),
    columnWidths: [
      ...Array.from({ length: GRID }, () => COL_WIDTH),
      ...(autoHeightRows.length > 0 ? [COPY_WIDTH] : []),
    ],
    page: {
      paper: 'A4',
      orientation: 'portrait',
      margins: { top: 20, bottom: 20, left: 30, right: 15, header: 10, footer: 10 },
      printArea: `A1:${L(GRID - 1)}${printed}`,
      // The grid is narrower than the page, so Excel and LibreOffice (with Calibri's metrics) print it at 100 %,
      // the body at 13 pt; fitting to the width only shrinks it where a program draws columns wider.
      fitToWidth: true,
      header: { center: PAGE_NUMBER, differentFirstPage: true },
      firstPageNumber: 1,
      rowBreaks: breaks,
    },
  };
}
