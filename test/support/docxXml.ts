/**
 * A .docx read back as a reader of its XML would: the parts of the package, and word/document.xml's
 * paragraphs with their runs and what each declares (font, size, bold, italic, highlight), in document order.
 * Enough to hold the renderer to what it declares; LibreOffice (test/interop) measures what it prints.
 */
import JSZip from 'jszip';
import { blockText, type ReportBlock, type ReportDocument } from '../../src/domain/reportDocument';

interface DocxRun {
  text: string;
  /** The run's properties as written (w:rPr), for the checks below. */
  rPr: string;
  font: string | undefined;
  /** In points (w:sz is in half-points). */
  size: number | undefined;
  bold: boolean;
  italic: boolean;
  highlight: string | undefined;
}

export interface DocxParagraph {
  text: string;
  /** The paragraph's properties as written (w:pPr). */
  pPr: string;
  runs: DocxRun[];
  /** How many tables enclose it (0: the body's flow). */
  depth: number;
}

const decode = (s: string): string =>
  s
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&apos;/g, "'")
    .replace(/&amp;/g, '&');

const on = (rPr: string, tag: string): boolean =>
  new RegExp(`<w:${tag}(?: w:val="(?:true|1|on)")? ?/>`).test(rPr);

function runOf(xml: string): DocxRun {
  const rPr = /<w:rPr>([\s\S]*?)<\/w:rPr>/.exec(xml)?.[1] ?? '';
  const text = [...xml.matchAll(/<w:t(?: [^>]*)?>([^<]*)<\/w:t>|<w:tab\/>/g)]
    .map((m) => (m[0] === '<w:tab/>' ? '\t' : decode(m[1])))
    .join('');
  const size = /<w:sz w:val="(\d+)"/.exec(rPr)?.[1];
  return {
    text,
    rPr,
    font: /<w:rFonts [^>]*w:ascii="([^"]+)"/.exec(rPr)?.[1],
    size: size === undefined ? undefined : Number(size) / 2,
    bold: on(rPr, 'b'),
    italic: on(rPr, 'i'),
    highlight: /<w:highlight w:val="([^"]+)"/.exec(rPr)?.[1],
  };
}

/** Every paragraph of a WordprocessingML part, in order, with its depth in tables. */
export function paragraphsOf(xml: string): DocxParagraph[] {
  const out: DocxParagraph[] = [];
  let depth = 0;
  for (const m of xml.matchAll(/<w:tbl>|<\/w:tbl>|<w:p(?: [^>]*)?>([\s\S]*?)<\/w:p>|<w:p(?: [^>]*)?\/>/g)) {
    if (m[0] === '<w:tbl>') depth++;
    else if (m[0] === '</w:tbl>') depth--;
    else {
      const inner = m[1] ?? '';
      const pPr = /<w:pPr>([\s\S]*?)<\/w:pPr>/.exec(inner)?.[1] ?? '';
      const runs = [...inner.matchAll(/<w:r>([\s\S]*?)<\/w:r>/g)].map((r) => runOf(r[1]));
      out.push({ text: runs.map((r) => r.text).join(''), pPr, runs, depth });
    }
  }
  return out;
}

export interface DocxPackage {
  files: string[];
  part(name: string): Promise<string>;
}

export async function openDocx(bytes: Uint8Array): Promise<DocxPackage> {
  const zip = await JSZip.loadAsync(bytes);
  return {
    files: Object.keys(zip.files),
    part: async (name) => {
      const f = zip.file(name);
      if (!f) throw new Error(`the package has no ${name}`);
      return f.async('string');
    },
  };
}

/** A twips value of an attribute in an XML fragment. */
export function twips(xml: string, element: string, attribute: string): number | undefined {
  const m = new RegExp(`<w:${element} [^>]*w:${attribute}="(-?\\d+)"`).exec(xml);
  return m ? Number(m[1]) : undefined;
}

export const TWIPS_PER_MM = 1440 / 25.4;

/** The document's text, paragraph by paragraph (a table cell is a paragraph), as a reader meets it. */
export function expectedParagraphs(doc: ReportDocument): string[] {
  const h = doc.heading;
  return [
    ...h.issuer.filter((l) => l !== ''),
    h.number,
    ...h.motto,
    h.placeDate,
    doc.title,
    doc.subject,
    doc.addressee,
    ...doc.body.flatMap((b) => (b.kind === 'table' ? tableCells(b) : [blockText(b)])),
    doc.recipients.heading,
    ...doc.recipients.lines,
    ...doc.signature.lines,
    doc.signature.name,
  ];
}

/** A table's cells as a reader meets them: a header cell merged over both header rows once. */
function tableCells(b: Extract<ReportBlock, { kind: 'table' }>): string[] {
  const merged = new Set<number>();
  let col = 0;
  for (const g of b.groups ?? []) {
    if (g.span === 1 && g.text === b.head[col]) merged.add(col);
    col += g.span;
  }
  return [
    ...(b.groups ?? []).map((g) => g.text),
    ...b.head.filter((_, i) => !merged.has(i)),
    ...b.rows.flatMap((r) => r.cells),
  ];
}
