/**
 * The Word report as its XML declares it (issue 21): A4 portrait and Nghị định 30's margins, Times New Roman
 * on every run, the sizes of each part, the body's alignment, indent and spacing, the heading's borderless
 * two-column table, rules as paragraph borders, repeated header rows and rows that never split, page numbers
 * in the header but not on page 1, the places people fill highlighted, the officer's notes left out, and the
 * text of every block, in order, as the ReportDocument holds it. LibreOffice measures the printed result in
 * test/interop/report-docx.test.ts.
 */
import { blockText, type ReportDocument } from '../../src/domain/reportDocument';
import { reportDocx } from '../../src/docx/reportDocx';
import {
  expectedParagraphs,
  openDocx,
  paragraphsOf,
  twips,
  TWIPS_PER_MM,
  type DocxParagraph,
} from '../support/docxXml';
import { longReport, nineMonthReport } from './fixtures';

async function read(
  doc: ReportDocument,
): Promise<{ xml: string; paragraphs: DocxParagraph[]; part: (n: string) => Promise<string> }> {
  const pkg = await openDocx(await reportDocx(doc));
  const xml = await pkg.part('word/document.xml');
  return { xml, paragraphs: paragraphsOf(xml), part: pkg.part };
}

const paragraphTexts = (ps: DocxParagraph[]): string[] => ps.map((p) => p.text).filter((t) => t !== '');
const find = (ps: DocxParagraph[], text: string): DocxParagraph => {
  const p = ps.find((x) => x.text === text);
  if (!p) throw new Error(`no paragraph "${text}"`);
  return p;
};

describe('the Word report as document.xml declares it', () => {
  const doc = nineMonthReport();
  let xml: string;
  let paragraphs: DocxParagraph[];
  let part: (n: string) => Promise<string>;
  beforeAll(async () => {
    ({ xml, paragraphs, part } = await read(doc));
  });

  it('holds every paragraph of the ReportDocument, in its order, and nothing else', () => {
    expect(paragraphTexts(paragraphs)).toEqual(expectedParagraphs(doc));
  });

  it('leaves the officer’s notes out of the signed document', () => {
    const all = paragraphTexts(paragraphs).join('\n');
    for (const note of doc.officerNotes) {
      expect(all).not.toContain(note.heading);
      for (const line of note.lines) expect(all).not.toContain(line);
    }
  });

  it('is A4 portrait with Nghị định 30’s margins', () => {
    const sect = /<w:sectPr>([\s\S]*?)<\/w:sectPr>/.exec(xml)![1];
    expect(twips(sect, 'pgSz', 'w')).toBe(11906);
    expect(twips(sect, 'pgSz', 'h')).toBe(16838);
    expect(sect).toMatch(/w:orient="portrait"/);
    const mm = (a: string): number => twips(sect, 'pgMar', a)! / TWIPS_PER_MM;
    expect(mm('top')).toBeGreaterThanOrEqual(20 - 0.01);
    expect(mm('top')).toBeLessThanOrEqual(25);
    expect(mm('bottom')).toBeGreaterThanOrEqual(20 - 0.01);
    expect(mm('bottom')).toBeLessThanOrEqual(25);
    expect(mm('left')).toBeGreaterThanOrEqual(30 - 0.01);
    expect(mm('left')).toBeLessThanOrEqual(35);
    expect(mm('right')).toBeGreaterThanOrEqual(15 - 0.01);
    expect(mm('right')).toBeLessThanOrEqual(20);
    // The page number sits in the top margin, above the body.
    expect(mm('header')).toBeLessThan(mm('top') - 6);
  });

  it('sets Times New Roman on every run and as the default, with Vietnamese as the language', async () => {
    const runs = paragraphs.flatMap((p) => p.runs);
    expect(runs.length).toBeGreaterThan(50);
    expect(runs.filter((r) => r.font !== 'Times New Roman')).toEqual([]);
    for (const r of runs)
      expect(r.rPr).toMatch(/w:hAnsi="Times New Roman"[^>]*\/>|w:hAnsi="Times New Roman"/);
    const styles = await part('word/styles.xml');
    const defaults = /<w:rPrDefault>([\s\S]*?)<\/w:rPrDefault>/.exec(styles)![1];
    expect(defaults).toMatch(/w:ascii="Times New Roman"/);
    expect(defaults).toMatch(/<w:lang w:val="vi-VN"/);
    for (const header of ['word/header1.xml', 'word/header2.xml'])
      for (const r of paragraphsOf(await part(header)).flatMap((p) => p.runs))
        expect(r.font).toBe('Times New Roman');
  });

  it('lays the body out at 13–14 pt, justified, first-line indent 1–1.27 cm, ≥ 6 pt after, single to 1.5 lines', () => {
    const body = doc.body.filter((b) => b.kind !== 'table').map(blockText);
    for (const text of body) {
      const p = find(paragraphs, text);
      expect(p.depth).toBe(0);
      for (const r of p.runs) {
        expect(r.size).toBeGreaterThanOrEqual(13);
        expect(r.size).toBeLessThanOrEqual(14);
      }
      expect(p.pPr).toMatch(/<w:jc w:val="both"\/>/);
      const indentCm = twips(p.pPr, 'ind', 'firstLine')! / TWIPS_PER_MM / 10;
      expect(indentCm).toBeGreaterThanOrEqual(1);
      expect(indentCm).toBeLessThanOrEqual(1.27);
      expect(twips(p.pPr, 'spacing', 'after')).toBeGreaterThanOrEqual(120);
      const line = twips(p.pPr, 'spacing', 'line')!;
      expect(p.pPr).toMatch(/w:lineRule="auto"/);
      expect(line).toBeGreaterThanOrEqual(240);
      expect(line).toBeLessThanOrEqual(360);
    }
  });

  it('gives the heading its sizes and weights, in a borderless two-column table', () => {
    const first = /<w:tbl>([\s\S]*?)<\/w:tbl>/.exec(xml)![1];
    expect(first.match(/<w:gridCol /g)).toHaveLength(2);
    expect(first.match(/<w:tc>/g)).toHaveLength(2);
    const borders = [
      ...first.matchAll(/<w:(?:tblBorders|tcBorders)>([\s\S]*?)<\/w:(?:tblBorders|tcBorders)>/g),
    ]
      .flatMap((m) => [...m[1].matchAll(/w:val="([a-z]+)"/g)])
      .map((m) => m[1]);
    expect(borders.length).toBeGreaterThanOrEqual(6);
    expect(new Set(borders)).toEqual(new Set(['none']));
    const [leftCell, rightCell] = first.split('</w:tc>').map(paragraphsOf);
    expect(paragraphTexts(leftCell)).toEqual([...doc.heading.issuer, doc.heading.number]);
    expect(paragraphTexts(rightCell)).toEqual([...doc.heading.motto, doc.heading.placeDate]);
    const runOf = (ps: DocxParagraph[], text: string) => find(ps, text).runs[0];
    for (const line of doc.heading.issuer) {
      const r = runOf(leftCell, line);
      expect([12, 13]).toContain(r.size);
      expect(r.bold).toBe(true);
    }
    const motto1 = runOf(rightCell, doc.heading.motto[0]);
    expect([12, 13]).toContain(motto1.size);
    expect(motto1.bold).toBe(true);
    expect(doc.heading.motto[0]).toBe(doc.heading.motto[0].toLocaleUpperCase('vi'));
    const motto2 = runOf(rightCell, doc.heading.motto[1]);
    expect([13, 14]).toContain(motto2.size);
    expect(motto2.bold).toBe(true);
    const date = runOf(rightCell, doc.heading.placeDate);
    expect(date.italic).toBe(true);
    expect([13, 14]).toContain(date.size);
    const title = runOf(paragraphs, doc.title);
    expect([13, 14]).toContain(title.size);
    expect(title.bold).toBe(true);
    expect(runOf(paragraphs, doc.subject).bold).toBe(true);
  });

  it('draws every rule as a paragraph border, never a shape or frame placed on the page', () => {
    expect(xml).not.toMatch(/<wp:anchor|<w:framePr|<v:line|<w:pict|positionH/);
    const ruled = paragraphs.filter((p) => /<w:pBdr>/.test(p.pPr));
    // Under the issuing body, under the motto, under the trích yếu.
    expect(ruled).toHaveLength(3);
    for (const p of ruled) {
      expect(p.text).toBe('');
      expect(p.pPr).toMatch(/<w:top w:val="single"/);
    }
  });

  it('repeats the header row of every table and never splits a row', () => {
    const tables = [...xml.matchAll(/<w:tbl>([\s\S]*?)<\/w:tbl>/g)].map((m) => m[1]);
    const reportTables = tables.slice(1, -1);
    expect(reportTables).toHaveLength(doc.body.filter((b) => b.kind === 'table').length);
    for (const t of reportTables) {
      const rows = t.split('<w:tr>').slice(1);
      expect(rows[0]).toMatch(/<w:tblHeader\/>/);
      expect(rows.slice(1).filter((r) => /<w:tblHeader\/>/.test(r))).toEqual([]);
      for (const r of rows) expect(r).toMatch(/<w:cantSplit\/>/);
    }
    for (const t of tables)
      expect(
        t
          .split('<w:tr>')
          .slice(1)
          .every((r) => /<w:cantSplit\/>/.test(r)),
      ).toBe(true);
  });

  it('numbers the pages in the header, centred, and not on the first page', async () => {
    const sect = /<w:sectPr>([\s\S]*?)<\/w:sectPr>/.exec(xml)![1];
    expect(sect).toMatch(/<w:titlePg\/>/);
    const rels = await part('word/_rels/document.xml.rels');
    const target = (type: string): string => {
      const id = new RegExp(`<w:headerReference w:type="${type}" r:id="([^"]+)"`).exec(sect)![1];
      return `word/${new RegExp(`Id="${id}"[^>]*Target="([^"]+)"|Target="([^"]+)"[^>]*Id="${id}"`).exec(rels)!.slice(1).find(Boolean)}`;
    };
    const header = await part(target('default'));
    expect(header).toMatch(/<w:instrText[^>]*>PAGE<\/w:instrText>|w:instr="PAGE"/);
    expect(header).toMatch(/<w:jc w:val="center"\/>/);
    const first = await part(target('first'));
    expect(first).not.toMatch(/PAGE/);
    expect(paragraphTexts(paragraphsOf(first))).toEqual([]);
  });

  it('highlights the document number and the places the officer fills, and nothing else', () => {
    const highlighted = paragraphs.flatMap((p) => p.runs.filter((r) => r.highlight).map((r) => r.text));
    const placeholders = doc.body.filter((b) => b.kind === 'placeholder').map(blockText);
    expect(placeholders.length).toBe(2);
    expect(highlighted).toEqual([expect.stringMatching(/^\s+$/), ...placeholders]);
    const number = find(paragraphs, doc.heading.number);
    expect(number.runs.map((r) => r.text).join('')).toBe(doc.heading.number);
    expect(number.runs[0].text).toMatch(/^Số:/);
  });

  it('sets Nơi nhận in 12 pt bold italic and its items in 11 pt, beside the signature block', () => {
    const last = [...xml.matchAll(/<w:tbl>([\s\S]*?)<\/w:tbl>/g)].pop()![1];
    const [left, right] = last.split('</w:tc>').map(paragraphsOf);
    const heading = find(left, doc.recipients.heading).runs[0];
    expect(heading).toMatchObject({ size: 12, bold: true, italic: true });
    for (const line of doc.recipients.lines) expect(find(left, line).runs[0].size).toBe(11);
    expect(paragraphTexts(right)).toEqual([...doc.signature.lines, doc.signature.name]);
    for (const line of doc.signature.lines) expect(find(right, line).runs[0].bold).toBe(true);
    const name = find(right, doc.signature.name);
    expect(name.runs[0].bold).toBe(true);
    // Space to sign and seal: at least three lines of 14 pt above the name.
    expect(twips(name.pPr, 'spacing', 'before')).toBeGreaterThanOrEqual(3 * 14 * 20);
    expect(last).toMatch(/<w:cantSplit\/>/);
  });

  it('keeps the closing paragraph with the signature block', () => {
    const closing = find(paragraphs, blockText(doc.body[doc.body.length - 1]));
    expect(closing.pPr).toMatch(/<w:keepNext\/>/);
    const after = paragraphs.slice(paragraphs.indexOf(closing) + 1).filter((p) => p.depth === 0);
    for (const p of after) expect(p.pPr).toMatch(/<w:keepNext\/>/);
  });

  it('writes a long report’s every paragraph too, its long table included', async () => {
    const long = longReport();
    const { paragraphs: ps } = await read(long);
    expect(paragraphTexts(ps)).toEqual(expectedParagraphs(long));
  });
});
