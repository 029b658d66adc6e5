/**
 * The report as a Word document (.docx), rendered from the one ReportDocument the report sheet is rendered
 * from: the same paragraphs, in the same order, with the same figures. Nothing is worded or counted here;
 * this module only lays the value out as Nghị định 30/2020/NĐ-CP, Phụ lục I asks:
 * - A4 portrait, margins top and bottom 20 mm, left 30 mm, right 15 mm; Times New Roman throughout;
 * - the heading in a borderless two-column table: the issuing body (13 pt bold) with a short rule under it and
 *   "Số:      /BC-UBND"; quốc hiệu (12 pt bold) and tiêu ngữ (13 pt bold) with a rule as long as it, then the
 *   place and date in italic;
 * - BÁO CÁO and the trích yếu (14 pt bold) with a short rule, Kính gửi;
 * - the body 13 pt, justified, first-line indent 1.1 cm, 6 pt after each paragraph, line spacing 1.15;
 *   tables (12 pt) whose header row repeats on every page and whose rows never split;
 * - Nơi nhận (12 pt bold italic, items 11 pt) beside the signature block, kept with the last paragraph;
 * - page numbers centred in the header, none on the first page.
 * Every rule is a paragraph border (it moves with its text in Word and LibreOffice alike). The places only
 * people fill (the document's number, the `placeholder` blocks) are highlighted; the officer types over them.
 * The officer's notes (rows left out for data errors) are not part of the signed document.
 *
 * Built with the `docx` package (MIT): no hand-written WordprocessingML.
 */
import {
  AlignmentType,
  BorderStyle,
  Document,
  Header,
  HeightRule,
  LineRuleType,
  Packer,
  PageNumber,
  PageOrientation,
  Paragraph,
  Table,
  TableCell,
  TableLayoutType,
  TableRow,
  TextRun,
  VerticalAlignTable,
  VerticalMergeType,
  WidthType,
  type IBorderOptions,
  type IParagraphOptions,
  type IRunOptions,
} from 'docx';
import type { ReportBlock, ReportDocument, ReportHeadGroup, ReportRun } from '../domain/reportDocument';
import { textWidthPt, type FontFace } from '../sheets/textLayout';

/** Twips (twentieths of a point) per millimetre. */
const MM = 1440 / 25.4;
const mm = (n: number): number => Math.round(n * MM);
const pt = (n: number): number => Math.round(n * 20);

const DOCX_LAYOUT = {
  font: 'Times New Roman',
  /** A4 in twips. */
  page: { width: 11906, height: 16838 },
  /** Nghị định 30: top 20–25, bottom 20–25, left 30–35, right 15–20 mm. */
  marginMm: { top: 20, bottom: 20, left: 30, right: 15 },
  /** Where the page number sits, from the page's top edge (inside the top margin). */
  headerMm: 10,
  bodyPt: 13,
  tablePt: 12,
  /** First-line indent of a body paragraph (Nghị định 30: 1–1.27 cm). */
  firstLineCm: 1.1,
  /** Space after a body paragraph (Nghị định 30: at least 6 pt). */
  afterPt: 6,
  /** Line spacing, in lines (Nghị định 30: single to 1.5). */
  line: 1.15,
  /** The heading table's left column (the issuing body), in twips; the motto's column takes the rest. */
  leftColumn: 3500,
} as const;

const L = DOCX_LAYOUT;
const TEXT_WIDTH = L.page.width - mm(L.marginMm.left) - mm(L.marginMm.right);
const BODY = L.bodyPt * 2;
const RIGHT_COLUMN = TEXT_WIDTH - L.leftColumn;
/** Space a heading-table cell keeps at each side. */
const CELL_SIDE = 57;
const BODY_LINE = { line: Math.round(240 * L.line), lineRule: LineRuleType.AUTO };

type Run = IRunOptions;

const run = (text: string, sizePt: number, extra: Omit<Run, 'text' | 'size' | 'font'> = {}): TextRun =>
  new TextRun({ text, size: sizePt * 2, font: L.font, ...extra });

const NONE: IBorderOptions = { style: BorderStyle.NONE, size: 0, color: 'auto' };
const NO_BORDERS = {
  top: NONE,
  bottom: NONE,
  left: NONE,
  right: NONE,
  insideHorizontal: NONE,
  insideVertical: NONE,
};
const RULE: IBorderOptions = { style: BorderStyle.SINGLE, size: 6, color: '000000', space: 1 };
const LINE: IBorderOptions = { style: BorderStyle.SINGLE, size: 4, color: '000000' };

/**
 * A rule `widthPt` long centred in a column `columnTwips` wide: an empty paragraph of its own, its top border
 * cut to length by its indents, so it sits in the text's flow in Word and LibreOffice alike.
 */
function rule(widthPt: number, columnTwips: number, beforePt = 3): Paragraph {
  const side = Math.max(0, Math.round((columnTwips - 2 * CELL_SIDE - pt(widthPt)) / 2));
  return new Paragraph({
    border: { top: RULE },
    indent: { left: side, right: side },
    spacing: { before: pt(beforePt), after: 0, line: pt(4), lineRule: LineRuleType.EXACT },
    keepNext: true,
    children: [run('', 2)],
  });
}

/** A centred line of the heading. */
function centred(children: TextRun[], opts: Partial<IParagraphOptions> = {}): Paragraph {
  return new Paragraph({
    alignment: AlignmentType.CENTER,
    spacing: { before: 0, after: 0 },
    keepNext: true,
    ...opts,
    children,
  });
}

/** "Số:         /BC-UBND": the blank the records office fills, highlighted. */
function numberLine(number: string): TextRun[] {
  const m = /^(.*?:\s?)(\s+)(\S.*)$/.exec(number);
  if (!m) return [run(number, 13, { highlight: 'yellow' })];
  return [run(m[1], 13), run(m[2], 13, { highlight: 'yellow' }), run(m[3], 13)];
}

/** Width of a text as printed (Times New Roman's metrics, the sheet's own). */
const widthPt = (text: string, size: number, face: FontFace): number => textWidthPt(text, size, face);

/** A cell of the borderless layout tables (the heading, the signature block). */
function borderlessCell(children: Paragraph[], width: number): TableCell {
  return new TableCell({
    children,
    width: { size: width, type: WidthType.DXA },
    margins: { left: CELL_SIDE, right: CELL_SIDE, top: 0, bottom: 0 },
    borders: { top: NONE, bottom: NONE, left: NONE, right: NONE },
  });
}

/** The heading of Nghị định 30: issuing body and number on the left, motto and place-date on the right. */
function headingTable(doc: ReportDocument): Table {
  const h = doc.heading;
  const issuer = h.issuer.filter((line) => line !== '');
  // The rule under the issuing body: about 0.42 of its longest line (Nghị định 30: 1/3 to 1/2).
  const issuerWidth = Math.max(...issuer.map((line) => widthPt(line, 13, 'bold')));
  const left = [
    ...issuer.map((line) => centred([run(line, 13, { bold: true })])),
    rule(issuerWidth * 0.42, L.leftColumn),
    centred([...numberLine(h.number)], { spacing: { before: pt(6), after: 0 } }),
  ];
  const right = [
    centred([run(h.motto[0], 12, { bold: true })]),
    centred([run(h.motto[1], 13, { bold: true })]),
    rule(widthPt(h.motto[1], 13, 'bold'), RIGHT_COLUMN),
    centred([run(h.placeDate, 13, { italics: true })], { spacing: { before: pt(6), after: 0 } }),
  ];
  return new Table({
    width: { size: TEXT_WIDTH, type: WidthType.DXA },
    columnWidths: [L.leftColumn, RIGHT_COLUMN],
    layout: TableLayoutType.FIXED,
    borders: NO_BORDERS,
    rows: [
      new TableRow({
        cantSplit: true,
        children: [borderlessCell(left, L.leftColumn), borderlessCell(right, RIGHT_COLUMN)],
      }),
    ],
  });
}

/** BÁO CÁO, the trích yếu with its short rule, Kính gửi. */
function titleBlock(doc: ReportDocument): Paragraph[] {
  const subjectRule = Math.min(widthPt(doc.subject, 14, 'bold'), TEXT_WIDTH / 20) * 0.42;
  return [
    centred([run(doc.title, 14, { bold: true })], { spacing: { before: pt(18), after: 0 } }),
    centred([run(doc.subject, 14, { bold: true })]),
    rule(subjectRule, TEXT_WIDTH + 2 * CELL_SIDE),
    centred([run(doc.addressee, 14)], { spacing: { before: pt(8), after: pt(12) } }),
  ];
}

/** A body paragraph: justified, first-line indent, 6 pt after. */
function bodyParagraph(children: TextRun[], opts: Partial<IParagraphOptions> = {}): Paragraph {
  return new Paragraph({
    alignment: AlignmentType.JUSTIFIED,
    indent: { firstLine: Math.round(L.firstLineCm * 10 * MM) },
    spacing: { before: 0, after: pt(L.afterPt), ...BODY_LINE },
    widowControl: true,
    ...opts,
    children,
  });
}

const bodyRuns = (runs: ReportRun[]): TextRun[] =>
  runs.map((r) => run(r.text, L.bodyPt, { bold: r.bold, italics: r.italic }));

/** A header cell of a table: bold, centred, kept with the next row. */
function headCell(
  text: string,
  width: number,
  extra: Partial<ConstructorParameters<typeof TableCell>[0]> = {},
): TableCell {
  return new TableCell({
    width: { size: width, type: WidthType.DXA },
    verticalAlign: VerticalAlignTable.CENTER,
    margins: { left: 80, right: 80, top: 30, bottom: 30 },
    ...extra,
    children: [
      new Paragraph({
        alignment: AlignmentType.CENTER,
        spacing: { before: 0, after: 0 },
        keepNext: true,
        children: [run(text, L.tablePt, { bold: true })],
      }),
    ],
  });
}

/**
 * The two header rows of a table with column groups (the national TTHC form): a group over its columns; a
 * group of one column whose text is that column's is one cell over both rows. Both rows repeat on each page.
 */
function groupedHead(head: string[], groups: ReportHeadGroup[], widths: number[]): TableRow[] {
  const top: TableCell[] = [];
  const bottom: TableCell[] = [];
  let col = 0;
  for (const g of groups) {
    const width = widths.slice(col, col + g.span).reduce((a, b) => a + b, 0);
    if (g.span === 1 && g.text === head[col]) {
      top.push(headCell(g.text, width, { verticalMerge: VerticalMergeType.RESTART }));
      bottom.push(headCell('', width, { verticalMerge: VerticalMergeType.CONTINUE }));
    } else {
      top.push(headCell(g.text, width, { columnSpan: g.span }));
      for (let i = col; i < col + g.span; i++) bottom.push(headCell(head[i] ?? '', widths[i]));
    }
    col += g.span;
  }
  return [
    new TableRow({ tableHeader: true, cantSplit: true, children: top }),
    new TableRow({ tableHeader: true, cantSplit: true, children: bottom }),
  ];
}

function reportTable(block: Extract<ReportBlock, { kind: 'table' }>): Table {
  const columns = block.head.length;
  // The label column as wide as its longest label needs (between a fifth and two fifths of the width); the
  // figure columns share the rest.
  const longest = Math.max(
    ...[block.head[0], ...block.rows.map((r) => r.cells[0])].map((t) => widthPt(t ?? '', L.tablePt, 'bold')),
  );
  const label = Math.round(Math.min(TEXT_WIDTH * 0.4, Math.max(TEXT_WIDTH * 0.2, pt(longest) + 200)));
  const figure = Math.floor((TEXT_WIDTH - label) / Math.max(1, columns - 1));
  const widths = [TEXT_WIDTH - figure * (columns - 1), ...Array.from({ length: columns - 1 }, () => figure)];
  const lastRow = block.rows.length;
  const row = (cells: string[], index: number, opts: { head?: boolean; bold?: boolean }): TableRow =>
    new TableRow({
      tableHeader: opts.head,
      cantSplit: true,
      children: widths.map(
        (width, i) =>
          new TableCell({
            width: { size: width, type: WidthType.DXA },
            verticalAlign: VerticalAlignTable.CENTER,
            margins: { left: 80, right: 80, top: 30, bottom: 30 },
            children: [
              new Paragraph({
                alignment: opts.head || i > 0 ? AlignmentType.CENTER : AlignmentType.LEFT,
                spacing: { before: 0, after: 0 },
                // Short tables stay on one page: each row keeps with the next, the last one ends the chain.
                keepNext: index < lastRow,
                children: [run(cells[i] ?? '', L.tablePt, { bold: opts.bold })],
              }),
            ],
          }),
      ),
    });
  return new Table({
    width: { size: TEXT_WIDTH, type: WidthType.DXA },
    columnWidths: widths,
    layout: TableLayoutType.FIXED,
    borders: {
      top: LINE,
      bottom: LINE,
      left: LINE,
      right: LINE,
      insideHorizontal: LINE,
      insideVertical: LINE,
    },
    rows: [
      ...(block.groups
        ? groupedHead(block.head, block.groups, widths)
        : [row(block.head, 0, { head: true, bold: true })]),
      ...block.rows.map((r, i) => row(r.cells, i + 1, { bold: r.total })),
    ],
  });
}

/** One block of the body, laid out. `last`: the closing paragraph, kept with the signature block. */
function blockOut(block: ReportBlock, last: boolean): (Paragraph | Table)[] {
  switch (block.kind) {
    case 'heading':
      return [
        bodyParagraph([run(block.text, L.bodyPt, { bold: block.level < 3, italics: block.level > 1 })], {
          keepNext: true,
          keepLines: true,
        }),
      ];
    case 'paragraph':
      return [bodyParagraph(bodyRuns(block.runs), last ? { keepNext: true, keepLines: true } : {})];
    case 'caption':
      return [bodyParagraph([run(block.text, L.bodyPt, { italics: true })], { keepNext: true })];
    case 'placeholder':
      return [bodyParagraph([run(block.text, L.bodyPt, { italics: true, highlight: 'yellow' })])];
    case 'table':
      // A table is followed by a small space, so the next paragraph does not touch its border.
      return [
        reportTable(block),
        new Paragraph({ spacing: { before: 0, after: 0 }, children: [run('', 6)] }),
      ];
  }
}

/** Nơi nhận beside the signature block: one row that never splits. */
function signatureTable(doc: ReportDocument): Table {
  const leftWidth = Math.round(TEXT_WIDTH * 0.45);
  const rightWidth = TEXT_WIDTH - leftWidth;
  const plain = { before: 0, after: 0 };
  const recipients = [
    new Paragraph({
      spacing: plain,
      keepNext: true,
      children: [run(doc.recipients.heading, 12, { bold: true, italics: true })],
    }),
    ...doc.recipients.lines.map(
      (line) => new Paragraph({ spacing: plain, keepNext: true, children: [run(line, 11)] }),
    ),
  ];
  const signer = [
    ...doc.signature.lines.map((line) => centred([run(line, 13, { bold: true })])),
    // Space to sign (and, on paper, to seal).
    centred([run(doc.signature.name, 14, { bold: true })], { spacing: { before: pt(80), after: 0 } }),
  ];
  return new Table({
    width: { size: TEXT_WIDTH, type: WidthType.DXA },
    columnWidths: [leftWidth, rightWidth],
    layout: TableLayoutType.FIXED,
    borders: NO_BORDERS,
    rows: [
      new TableRow({
        cantSplit: true,
        height: { value: 0, rule: HeightRule.AUTO },
        children: [borderlessCell(recipients, leftWidth), borderlessCell(signer, rightWidth)],
      }),
    ],
  });
}

/** The page number, centred in the top margin; the first page has an empty header of its own. */
function pageHeaders(): { default: Header; first: Header } {
  return {
    default: new Header({
      children: [
        new Paragraph({
          alignment: AlignmentType.CENTER,
          children: [new TextRun({ children: [PageNumber.CURRENT], size: BODY, font: L.font })],
        }),
      ],
    }),
    first: new Header({ children: [new Paragraph({ children: [] })] }),
  };
}

/** The Word document of a report, as the bytes of a .docx file. */
export async function reportDocx(doc: ReportDocument): Promise<Uint8Array> {
  const body = doc.body.flatMap((b, i) => blockOut(b, i === doc.body.length - 1));
  const file = new Document({
    title: `${doc.title} ${doc.subject}`,
    subject: doc.subject,
    creator: doc.heading.issuer.filter((l) => l !== '').join(' '),
    styles: {
      default: {
        document: {
          run: { font: L.font, size: BODY, language: { value: 'vi-VN' } },
          paragraph: { spacing: { before: 0, after: 0 } },
        },
      },
    },
    sections: [
      {
        properties: {
          titlePage: true,
          page: {
            size: { width: L.page.width, height: L.page.height, orientation: PageOrientation.PORTRAIT },
            margin: {
              top: mm(L.marginMm.top),
              bottom: mm(L.marginMm.bottom),
              left: mm(L.marginMm.left),
              right: mm(L.marginMm.right),
              header: mm(L.headerMm),
              footer: mm(L.headerMm),
            },
          },
        },
        headers: pageHeaders(),
        children: [
          headingTable(doc),
          ...titleBlock(doc),
          ...body,
          new Paragraph({ spacing: { before: 0, after: 0 }, keepNext: true, children: [run('', 6)] }),
          signatureTable(doc),
        ],
      },
    ],
  });
  return Packer.pack(file, 'uint8array');
}
