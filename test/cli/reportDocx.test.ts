/**
 * `cchc report FILE --docx [OUT.docx] [--force]` (issue 21): the period's report as a Word document, next to the
 * workbook under a name saying the unit, the period and the year, or where --docx says; the workbook only
 * read. Bad input is handled as the .xlsx report handles it: the same lines and exit codes for an unreadable
 * workbook, a period the workbook cannot report, a path that cannot be written; an existing document is kept
 * without --force; rows with data errors are counted, not named, and the message says how many.
 */
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { expectedParagraphs, openDocx, paragraphsOf } from '../support/docxXml';
import { readReportDocument } from '../../src/app/reportDocument';
import { DOCX } from '../../src/i18n/docx';
import { SHEET } from '../../src/i18n/vi';
import { renderReportSheet } from '../../src/sheets/reportSheet';
import { openXlsx } from '../../src/workbook/xlsx/xlsxWorkbook';
import { cchcIn, expectNoStack } from './run';

const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'cchc-docx-cli-'));
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

const NOW = new Date('2026-12-10T03:00:00Z');
const cchc = cchcIn(dir, NOW);
const WORKBOOK = path.join('out', 'ke-hoach-cchc-2026.xlsx');
const DEFAULT_NAME = 'bao-cao-cchc-xa-long-dien-a-9-thang-nam-2026.docx';
const Q3 = ['--period', '2026-Q3', '--as-of', '2026-09-04'];

const bytes = (p: string): Buffer => fs.readFileSync(path.join(dir, p));

async function docText(file: string): Promise<string[]> {
  const pkg = await openDocx(new Uint8Array(bytes(file)));
  return paragraphsOf(await pkg.part('word/document.xml'))
    .map((p) => p.text)
    .filter((t) => t !== '');
}

beforeAll(async () => {
  expect((await cchc('demo')).code).toBe(0);
});

describe('cchc report --docx', () => {
  it('writes the 9-month report next to the workbook, named for the unit, the period and the year, and leaves the workbook as it was', async () => {
    const before = bytes(WORKBOOK);
    const r = await cchc('report', WORKBOOK, ...Q3, '--docx');
    expect({ code: r.code, err: r.err }).toEqual({ code: 0, err: '' });
    const written = path.join(dir, 'out', DEFAULT_NAME);
    expect(r.out).toBe(DOCX.written('9 tháng năm 2026', written, 0));
    expect(fs.existsSync(written)).toBe(true);
    expect(bytes(WORKBOOK).equals(before)).toBe(true);
    // The document is the workbook's report: the ReportDocument the sheet is written from, every paragraph.
    const book = await openXlsx(before);
    const made = await readReportDocument(book, { asOf: '2026-09-04', period: { year: 2026, quarter: 3 } });
    expect(await docText(path.join('out', DEFAULT_NAME))).toEqual(expectedParagraphs(made.document!));
  });

  it('says what the report sheet says: every paragraph and figure, the body in the same order', async () => {
    const book = await openXlsx(bytes(WORKBOOK));
    const made = await readReportDocument(book, { asOf: '2026-09-04', period: { year: 2026, quarter: 3 } });
    const doc = made.document!;
    const word = await docText(path.join('out', DEFAULT_NAME));
    // The sheet rendered from the same ReportDocument, its print area read cell by cell, row by row.
    const spec = renderReportSheet(doc, 'Báo cáo 9 tháng 2026');
    const last = Number(/(\d+)$/.exec(spec.page!.printArea!)![1]);
    const printed = spec.cells
      .slice(0, last)
      .flatMap((row) =>
        row.filter((v) => v !== null && v !== '').map((v) => String(v).replace(/^\u00a0+/, '')),
      );
    // A table that runs on to another page repeats its header rows there as cells of the sheet; Word repeats
    // them by the rows' "header" mark, so they are in its text once: past its caption, each table's header
    // texts are kept as many times as its header has them.
    const headOf = new Map<string, string[]>();
    doc.body.forEach((b, i) => {
      const next = doc.body[i + 1];
      if (b.kind !== 'caption' || next?.kind !== 'table') return;
      // A group of one column with that column's text is one cell over both header rows.
      let col = 0;
      const groups = (next.groups ?? []).filter((g) => {
        const own = g.span === 1 && g.text === next.head[col];
        col += g.span;
        return !own;
      });
      headOf.set(b.text, [...next.head, ...groups.map((g) => g.text)]);
    });
    let left = new Map<string, number>();
    let heads = new Set<string>();
    const sheet = printed.filter((text) => {
      const head = headOf.get(text);
      if (head) {
        heads = new Set(head);
        left = new Map();
        for (const h of head) left.set(h, (left.get(h) ?? 0) + 1);
      }
      if (!heads.has(text)) return true;
      const n = left.get(text) ?? 0;
      left.set(text, n - 1);
      return n > 0;
    });
    expect([...sheet].sort()).toEqual([...word].sort());
    const body = (list: string[]): string[] =>
      list.slice(list.indexOf(doc.addressee) + 1, list.indexOf(doc.recipients.heading));
    expect(body(sheet)).toEqual(body(word));
    expect(body(word).length).toBeGreaterThan(20);
  });

  it('writes where --docx says; an existing file only with --force', async () => {
    const first = await cchc('report', WORKBOOK, ...Q3, '--docx', 'bao-cao.docx');
    expect(first.code).toBe(0);
    const kept = bytes('bao-cao.docx');
    const again = await cchc(
      'report',
      WORKBOOK,
      '--period',
      '2026-Q2',
      '--as-of',
      '2026-06-05',
      '--docx',
      'bao-cao.docx',
    );
    expect(again).toEqual({ code: 2, out: '', err: DOCX.exists('bao-cao.docx') });
    expect(bytes('bao-cao.docx').equals(kept)).toBe(true);
    const forced = await cchc(
      'report',
      WORKBOOK,
      '--period',
      '2026-Q2',
      '--as-of',
      '2026-06-05',
      '--docx',
      'bao-cao.docx',
      '--force',
    );
    expect(forced.code).toBe(0);
    expect((await docText('bao-cao.docx')).join('\n')).toContain('6 tháng đầu năm 2026');
  });

  it('prints the report’s figures with --json, as the .xlsx report does', async () => {
    const r = await cchc('report', WORKBOOK, ...Q3, '--docx', 'json.docx', '--json');
    expect(r.code).toBe(0);
    const figures = JSON.parse(r.out) as Record<string, unknown>;
    const sheetJson = JSON.parse(
      (await cchc('report', WORKBOOK, ...Q3, '--out', 'copy.xlsx', '--json')).out,
    ) as Record<string, unknown>;
    expect(figures).toEqual(sheetJson);
  });

  it('refuses what the .xlsx report refuses, with the same line and exit code, and writes nothing', async () => {
    fs.writeFileSync(path.join(dir, 'broken.xlsx'), 'not a workbook');
    const cases: [string[], string[]][] = [
      // An unreadable workbook.
      [
        ['report', 'broken.xlsx', '--docx', 'a.docx'],
        ['report', 'broken.xlsx', '--out', 'a.xlsx'],
      ],
      // A period of another year than the tracker's.
      [
        ['report', WORKBOOK, '--period', '2027-Q1', '--as-of', '2027-01-10', '--docx', 'b.docx'],
        ['report', WORKBOOK, '--period', '2027-Q1', '--as-of', '2027-01-10', '--out', 'b.xlsx'],
      ],
      // A path that cannot be written: its folder is a file.
      [
        ['report', WORKBOOK, ...Q3, '--docx', 'broken.xlsx/c.docx'],
        ['report', WORKBOOK, ...Q3, '--out', 'broken.xlsx/c.xlsx'],
      ],
    ];
    for (const [docx, xlsx] of cases) {
      const a = await cchc(...docx);
      const b = await cchc(...xlsx);
      expect(a.code).toBe(b.code);
      expect(a.code).toBe(2);
      expectNoStack(a.err);
      expect(a.err.split('c.docx').join('c.xlsx')).toBe(b.err);
    }
    for (const f of ['a.docx', 'b.docx', 'c.docx', 'a.xlsx', 'b.xlsx'])
      expect(fs.existsSync(path.join(dir, f))).toBe(false);
  });

  it('refuses a name that is not .docx, a folder, and --docx with --out', async () => {
    fs.mkdirSync(path.join(dir, 'folder.docx'));
    expect(await cchc('report', WORKBOOK, '--docx', 'bao-cao.doc')).toMatchObject({ code: 2 });
    expect((await cchc('report', WORKBOOK, '--docx', 'bao-cao.doc')).err).toContain(
      DOCX.badExtension('bao-cao.doc'),
    );
    expect(await cchc('report', WORKBOOK, ...Q3, '--docx', 'folder.docx')).toEqual({
      code: 2,
      out: '',
      err: DOCX.isDirectory('folder.docx'),
    });
    const both = await cchc('report', WORKBOOK, ...Q3, '--docx', 'd.docx', '--out', 'd.xlsx');
    expect(both.code).toBe(2);
    expect(both.err).toContain(DOCX.withOut);
  });

  it('writes a report with data errors, names none of those rows, and says how many, as the .xlsx report does', async () => {
    const book = await openXlsx(bytes(WORKBOOK));
    // A deadline typed as words: the row shows "Lỗi dữ liệu".
    await book.apply({ write: [], updates: [{ sheet: SHEET.tracker, cell: 'G5', value: 'cuối tháng' }] });
    fs.writeFileSync(path.join(dir, 'errors.xlsx'), await book.toBuffer());
    const r = await cchc('report', 'errors.xlsx', ...Q3, '--docx', 'errors.docx');
    expect(r.code).toBe(0);
    expect(r.out).toBe(DOCX.written('9 tháng năm 2026', path.join(dir, 'errors.docx'), 1));
    const sheet = await cchc('report', 'errors.xlsx', ...Q3, '--out', 'errors-report.xlsx');
    expect(sheet.code).toBe(0);
    expect(sheet.out).toMatch(/1 dòng của bảng theo dõi có lỗi dữ liệu/);
    const made = await readReportDocument(await openXlsx(bytes('errors.xlsx')), {
      asOf: '2026-09-04',
      period: { year: 2026, quarter: 3 },
    });
    expect(made.document!.officerNotes.length).toBeGreaterThan(0);
    const text = (await docText('errors.docx')).join('\n');
    for (const note of made.document!.officerNotes) {
      expect(text).not.toContain(note.heading);
      for (const line of note.lines) expect(text).not.toContain(line);
    }
  });
});
