/**
 * The Word report as LibreOffice Writer prints it (issue 21): each .docx is opened in LibreOffice headless,
 * printed to PDF and measured with pdftotext -bbox and pdftohtml: A4, Nghị định 30's margins, Times New
 * Roman's metric twin only, the body at 13–14 pt, the heading's two columns side by side with their rules
 * where they belong, no page number on page 1 and a centred one on the others, a table's header row on every
 * page it runs on to, and the signature block on the page of the closing paragraph. Then round trips (docx →
 * odt, docx → docx) lose no paragraph. The documents: hand-built ones (test/docx/fixtures.ts: one with a table
 * longer than a page) and the demo's four reports of a year, its 9-month report among them.
 */
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import JSZip from 'jszip';
import { blockText, type ReportDocument } from '../../src/domain/reportDocument';
import { readReportDocument } from '../../src/app/reportDocument';
import { writeDemo } from '../../src/app/demo';
import type { IsoDate } from '../../src/domain/dates';
import type { Quarter } from '../../src/domain/periods';
import { reportDocx } from '../../src/docx/reportDocx';
import { MemoryPort } from '../support/memoryPort';
import { longReport, nineMonthReport } from '../docx/fixtures';
import { expectedParagraphs, paragraphsOf } from '../support/docxXml';
import { convertDocuments, disposeLibreOffice, runTool } from '../support/libreoffice';
import { phrase, readPdf, rules, type PdfPage, type PdfWord } from '../support/pdfText';

const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'cchc-docx-'));
afterAll(async () => {
  await disposeLibreOffice();
  if (!process.env.KEEP_TEST_FILES) fs.rmSync(dir, { recursive: true, force: true });
});

const PT_PER_MM = 72 / 25.4;
const PAGE = { width: 595.3, height: 841.9 };
/** The margins the renderer sets (DOCX_LAYOUT), in points; the test holds them to Nghị định 30's ranges too. */
const MARGIN = { top: 20 * PT_PER_MM, bottom: 20 * PT_PER_MM, left: 30 * PT_PER_MM, right: 15 * PT_PER_MM };

interface PrintedReport {
  doc: ReportDocument;
  pages: PdfPage[];
  pdf: string;
}

/** Writes each document as .docx and prints them all in one LibreOffice run. */
async function printReports(
  docs: Record<string, ReportDocument>,
  into: string,
): Promise<Record<string, PrintedReport>> {
  const names = Object.keys(docs);
  const files = await Promise.all(
    names.map(async (name) => {
      const file = path.join(into, `${name}.docx`);
      fs.writeFileSync(file, await reportDocx(docs[name]));
      return file;
    }),
  );
  const pdfs = await convertDocuments(files, path.join(into, 'pdf'), 'pdf');
  const out: Record<string, PrintedReport> = {};
  for (const [i, name] of names.entries())
    out[name] = { doc: docs[name], pages: await readPdf(pdfs[i]), pdf: pdfs[i] };
  return out;
}

const words = (text: string): string[] => text.split(/\s+/).filter((w) => w !== '');

/** The page number a page shows in its top margin, if any. */
const pageNumberWords = (page: PdfPage): PdfWord[] => page.words.filter((w) => w.yMax <= MARGIN.top + 0.5);

/** Holds one printed report to Nghị định 30's layout. */
function expectDecree30Layout(r: PrintedReport, outDir: string): Promise<void> {
  const { doc, pages } = r;
  const first = pages[0];

  // A4 portrait.
  for (const page of pages) {
    expect(page.width).toBeCloseTo(PAGE.width, 0);
    expect(page.height).toBeCloseTo(PAGE.height, 0);
  }

  // Margins: every word inside them (the page number in the top margin, centred); justified lines reach the
  // right margin, paragraphs start at the left one.
  for (const page of pages) {
    const body = page.words.filter((w) => !pageNumberWords(page).includes(w));
    expect(Math.min(...body.map((w) => w.xMin))).toBeGreaterThanOrEqual(MARGIN.left - 1);
    expect(Math.min(...body.map((w) => w.xMin))).toBeLessThanOrEqual(MARGIN.left + 6);
    expect(Math.max(...body.map((w) => w.xMax))).toBeLessThanOrEqual(PAGE.width - MARGIN.right + 0.5);
    expect(Math.min(...body.map((w) => w.yMin))).toBeGreaterThanOrEqual(MARGIN.top - 1);
    // A word's box reaches below its line by the font's descent (Liberation Serif: 0.216 em, 3 pt at 14 pt):
    // the last line of a page sits on the bottom margin, its descenders may cross it by that much.
    expect(Math.max(...body.map((w) => w.yMax))).toBeLessThanOrEqual(PAGE.height - MARGIN.bottom + 3);
  }
  const rightmost = Math.max(...pages.flatMap((p) => p.words.map((w) => w.xMax)));
  expect(rightmost).toBeGreaterThan(PAGE.width - MARGIN.right - 4);
  // Nghị định 30's ranges, on paper.
  expect(MARGIN.top / PT_PER_MM).toBeGreaterThanOrEqual(20 - 0.01);
  expect(MARGIN.left / PT_PER_MM).toBeGreaterThanOrEqual(30 - 0.01);
  expect(MARGIN.right / PT_PER_MM).toBeGreaterThanOrEqual(15 - 0.01);

  // No page number on page 1; on the others, the page's number centred in the top margin.
  expect(pageNumberWords(first)).toEqual([]);
  for (const page of pages.slice(1)) {
    const n = pageNumberWords(page);
    expect(n.map((w) => w.text)).toEqual([String(page.number)]);
    const middle = (n[0].xMin + n[0].xMax) / 2;
    expect(Math.abs(middle - (MARGIN.left + PAGE.width - MARGIN.right) / 2)).toBeLessThan(3);
  }

  // Body text at 13–14 pt: every run of a body paragraph's first words.
  const bodyTexts = doc.body.filter((b) => b.kind !== 'table').map((b) => blockText(b));
  const runs = pages.flatMap((p) => p.runs);
  for (const text of bodyTexts) {
    const start = text.slice(0, 25);
    const run = runs.find(
      (x) => x.text.startsWith(start) || (x.text.length >= 10 && start.startsWith(x.text)),
    );
    expect({ text: start, found: !!run }).toEqual({ text: start, found: true });
    expect(run!.size).toBeGreaterThanOrEqual(13 - 0.34);
    expect(run!.size).toBeLessThanOrEqual(14 + 0.34);
  }

  // The heading's two columns side by side: the issuing body beside quốc hiệu, the number beside the date.
  const [issuer1] = doc.heading.issuer.filter((l) => l !== '');
  const issuer = phrase(first, issuer1)!;
  const motto1 = phrase(first, doc.heading.motto[0])!;
  const motto2 = phrase(first, doc.heading.motto[1])!;
  expect(issuer && motto1 && motto2).toBeTruthy();
  expect(Math.abs(issuer.yMin - motto1.yMin)).toBeLessThan(3);
  expect(issuer.xMax).toBeLessThan(motto1.xMin);
  const numberWord = first.words.find((w) => w.text === doc.heading.number.split(/\s+/).pop())!;
  const date = phrase(first, doc.heading.placeDate)!;
  expect(numberWord.xMax).toBeLessThan(date.xMin);
  expect(Math.abs(numberWord.yMin - date.yMin)).toBeLessThan(3);
  // BÁO CÁO under both, centred on the text width.
  const title = phrase(first, doc.title)!;
  expect(title.yMin).toBeGreaterThan(date.yMax);
  expect(
    Math.abs((title.xMin + title.xMax) / 2 - (MARGIN.left + PAGE.width - MARGIN.right) / 2),
  ).toBeLessThan(3);

  // The signature block on the page of the closing paragraph, Nơi nhận beside it.
  const closing = words(blockText(doc.body[doc.body.length - 1]));
  const lastWord = closing[closing.length - 1];
  const closingPage = pages.filter((p) => p.words.some((w) => w.text === lastWord)).pop()!;
  const name = phrase(closingPage, doc.signature.name);
  expect({ page: closingPage.number, name: !!name }).toEqual({ page: closingPage.number, name: true });
  const recipients = phrase(closingPage, doc.recipients.heading)!;
  const signer = phrase(closingPage, doc.signature.lines[0])!;
  expect(Math.abs(recipients.yMin - signer.yMin)).toBeLessThan(4);
  expect(recipients.xMax).toBeLessThan(signer.xMin);
  expect(name!.yMin - signer.yMax).toBeGreaterThan(60); // room to sign and seal

  // Every word of the document printed, and no other but the page numbers (and repeated table headers).
  // A line may break after a hyphen ("VP-" / "TK"): words are compared in pieces that end at one.
  const pieces = (list: string[]): string[] => list.flatMap((w) => w.split(/(?<=-)(?=.)/));
  const expected = pieces(expectedParagraphs(doc).flatMap(words));
  const printed = pieces(
    pages.flatMap((p) => p.words.filter((w) => !pageNumberWords(p).includes(w)).map((w) => w.text)),
  );
  const count = (list: string[]): Map<string, number> => {
    const m = new Map<string, number>();
    for (const w of list) m.set(w, (m.get(w) ?? 0) + 1);
    return m;
  };
  const want = count(expected);
  const got = count(printed);
  const missing = [...want].filter(([w, n]) => (got.get(w) ?? 0) < n).map(([w]) => w);
  expect(missing).toEqual([]);
  const heads = new Set(pieces(doc.body.flatMap((b) => (b.kind === 'table' ? b.head.flatMap(words) : []))));
  const extra = [...got].filter(([w, n]) => n > (want.get(w) ?? 0) && !heads.has(w)).map(([w]) => w);
  expect(extra).toEqual([]);

  return expectRules(r, outDir);
}

/** The three rules: under the issuing body (1/3–1/2 of it), under the motto (as long as it), under the trích yếu. */
async function expectRules(r: PrintedReport, outDir: string): Promise<void> {
  const { doc, pages } = r;
  const first = pages[0];
  // LibreOffice may stroke a border twice over itself: one rule per place.
  const seen = new Set<string>();
  const lines = (await rules(r.pdf, 1, outDir)).filter((l) => {
    const key = [l.x1, l.x2, l.y].map((v) => v.toFixed(1)).join();
    return !seen.has(key) && !!seen.add(key);
  });
  const issuerLines = doc.heading.issuer.filter((l) => l !== '');
  const issuer = phrase(first, issuerLines[issuerLines.length - 1])!;
  const motto = phrase(first, doc.heading.motto[1])!;
  const number = first.words.find((w) => /BC-UBND/.test(w.text))!;
  const under = (above: PdfWord, below: number): typeof lines =>
    lines.filter((l) => l.y > above.yMax - 1 && l.y < below && l.x1 < above.xMax && l.x2 > above.xMin);

  const issuerRule = under(issuer, number.yMin);
  expect(issuerRule).toHaveLength(1);
  const issuerWidth = issuer.xMax - issuer.xMin;
  const widest = Math.max(
    ...issuerLines.map((l) => {
      const p = phrase(first, l)!;
      return p.xMax - p.xMin;
    }),
  );
  const ruleWidth = issuerRule[0].x2 - issuerRule[0].x1;
  expect(ruleWidth).toBeGreaterThanOrEqual(widest / 3 - 1);
  expect(ruleWidth).toBeLessThanOrEqual(Math.max(widest, issuerWidth) / 2 + 1);
  expect(Math.abs((issuerRule[0].x1 + issuerRule[0].x2) / 2 - (issuer.xMin + issuer.xMax) / 2)).toBeLessThan(
    3,
  );

  const date = phrase(first, doc.heading.placeDate)!;
  const mottoRule = under(motto, date.yMin);
  expect(mottoRule).toHaveLength(1);
  expect(Math.abs(mottoRule[0].x1 - motto.xMin)).toBeLessThan(3);
  expect(Math.abs(mottoRule[0].x2 - motto.xMax)).toBeLessThan(3);
  // Clear of the letters: below the motto's descenders, above the date.
  expect(mottoRule[0].y).toBeGreaterThan(motto.yMax - 1);
  expect(mottoRule[0].y).toBeLessThan(date.yMin);

  const addressee = phrase(first, words(doc.addressee).slice(0, 2).join(' '))!;
  const title = phrase(first, doc.title)!;
  const subjectRule = lines.filter((l) => l.y > title.yMax && l.y < addressee.yMin);
  expect(subjectRule).toHaveLength(1);
  expect(
    Math.abs((subjectRule[0].x1 + subjectRule[0].x2) / 2 - (MARGIN.left + PAGE.width - MARGIN.right) / 2),
  ).toBeLessThan(3);
}

/** The paragraphs of an .odt (content.xml), as a reader meets them. */
async function odtParagraphs(file: string): Promise<string[]> {
  const zip = await JSZip.loadAsync(fs.readFileSync(file));
  const xml = await zip.file('content.xml')!.async('string');
  const body = xml.slice(xml.indexOf('<office:body>'));
  return [...body.matchAll(/<text:(p|h)\b[^>]*?(?:\/>|>([\s\S]*?)<\/text:\1>)/g)].map((m) =>
    (m[2] ?? '')
      .replace(/<text:s text:c="(\d+)"\/>/g, (_, n: string) => ' '.repeat(Number(n)))
      .replace(/<text:s\/>/g, ' ')
      .replace(/<text:tab\/>/g, '\t')
      .replace(/<text:line-break\/>/g, '\n')
      .replace(/<[^>]+>/g, '')
      .replace(/&lt;/g, '<')
      .replace(/&gt;/g, '>')
      .replace(/&quot;/g, '"')
      .replace(/&apos;/g, "'")
      .replace(/&amp;/g, '&'),
  );
}

/** LibreOffice saves each document as .odt and as .docx again: every paragraph survives, in order. */
async function expectRoundTrips(docs: Record<string, ReportDocument>, into: string): Promise<void> {
  const names = Object.keys(docs);
  const files = names.map((n) => path.join(into, `${n}.docx`));
  const odts = await convertDocuments(files, path.join(into, 'odt'), 'odt');
  const docxs = await convertDocuments(files, path.join(into, 'again'), 'docx');
  for (const [i, name] of names.entries()) {
    const want = expectedParagraphs(docs[name]);
    expect((await odtParagraphs(odts[i])).filter((t) => t !== '')).toEqual(want);
    const again = await JSZip.loadAsync(fs.readFileSync(docxs[i]));
    const xml = await again.file('word/document.xml')!.async('string');
    expect(
      paragraphsOf(xml)
        .map((p) => p.text)
        .filter((t) => t !== ''),
    ).toEqual(want);
  }
}

/** The demo's reports of its year, as `cchc report --docx` writes them: Q3 is the demo's own 9-month report. */
async function demoYear(): Promise<Record<string, ReportDocument>> {
  const port = new MemoryPort();
  const demo = await writeDemo(port, { now: new Date('2026-11-29T03:00:00Z') });
  expect(demo.ok).toBe(true);
  const asOf: Record<Quarter, IsoDate> = {
    1: '2026-03-05',
    2: '2026-06-05',
    3: '2026-09-04',
    4: '2026-12-04',
  };
  const out: Record<string, ReportDocument> = {};
  for (const quarter of [1, 2, 3, 4] as Quarter[]) {
    const made = await readReportDocument(port, { asOf: asOf[quarter], period: { year: 2026, quarter } });
    expect(made.ok).toBe(true);
    out[`demo-2026-q${quarter}`] = made.document!;
  }
  return out;
}

describe('the Word report as LibreOffice Writer prints it', () => {
  const docs: Record<string, ReportDocument> = { nine: nineMonthReport(), long: longReport() };
  const names = ['nine', 'long', 'demo-2026-q1', 'demo-2026-q2', 'demo-2026-q3', 'demo-2026-q4'];
  let printed: Record<string, PrintedReport>;
  beforeAll(async () => {
    Object.assign(docs, await demoYear());
    printed = await printReports(docs, dir);
  });

  it.each(names)('%s: lays out as Nghị định 30 asks', async (name) => {
    await expectDecree30Layout(printed[name], dir);
  });

  it('uses Times New Roman (its metric twin Liberation Serif) and no other font', async () => {
    for (const r of Object.values(printed)) {
      const fonts = (await runTool('pdffonts', [r.pdf])).split('\n').slice(2).filter(Boolean);
      expect(fonts.length).toBeGreaterThan(0);
      for (const f of fonts) expect(f).toMatch(/^\S*(LiberationSerif|TimesNewRoman)/);
    }
  });

  it('repeats a long table’s header row on the page it runs on to', () => {
    const { pages, doc } = printed.long;
    const table = doc.body.find((b) => b.kind === 'table' && b.rows.length > 30);
    if (table?.kind !== 'table') throw new Error('the long report has a long table');
    const firstCell = table.rows[0].cells[0];
    const lastCell = table.rows[table.rows.length - 2].cells[0];
    const start = pages.find((p) => phrase(p, firstCell))!;
    const end = pages.find((p) => phrase(p, lastCell))!;
    expect(end.number).toBeGreaterThan(start.number);
    for (const page of pages.filter((p) => p.number >= start.number && p.number <= end.number))
      expect(phrase(page, table.head[0])).toBeDefined();
  });

  it('loses no paragraph when LibreOffice saves it as .odt or .docx again', async () => {
    await expectRoundTrips(docs, dir);
  });
});
