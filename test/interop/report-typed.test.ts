/**
 * Issue 19, item 9: text typed over one of the report's marked places for the officer's words prints whole.
 * The referee is LibreOffice: the report sheet is written as the product writes it, Calc opens it, five lines
 * are typed into the place after "2. Nguyên nhân" (through the API, as Calc's input line sets a cell), and the
 * sheet is printed to PDF. Every typed line must be on paper, none printed over, and the next heading after
 * them. (What only Excel can show is on docs/real-excel-checklist.md.)
 */
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { compileReport } from '../../src/app';
import { buildReportSheet } from '../../src/sheets/reportSheet';
import type { SheetSpec } from '../../src/sheets/spec';
import { openXlsx } from '../../src/workbook/xlsx/xlsxWorkbook';
import { disposeLibreOffice, runTool, typeAndPrint } from '../support/libreoffice';
import { overlappingWords, readPdf } from '../support/pdfText';
import { initNamed } from '../support/identity';

const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'cchc-typed-'));
afterAll(async () => {
  await disposeLibreOffice();
  if (!process.env.KEEP_TEST_FILES) fs.rmSync(dir, { recursive: true, force: true });
});

/** Five reasons as an officer types them, one a line (Ctrl+Enter between them). */
const TYPED = [
  'Một số nhiệm vụ chậm do chờ hướng dẫn mới của Sở Nội vụ về quy chế mẫu.',
  'Kinh phí mua sắm trang thiết bị cho Bộ phận Một cửa chưa được bố trí kịp thời trong quý.',
  'Cuộc họp định kỳ của Ban điều hành bị lùi do trùng lịch tiếp xúc cử tri của đại biểu Hội đồng nhân dân.',
  'Hồ sơ đất đai quá hạn do chờ kết quả đo đạc của Văn phòng đăng ký đất đai, đã đôn đốc đơn vị đo đạc.',
  'Công chức phụ trách kiêm nhiệm nhiều lĩnh vực, thời gian dành cho cải cách hành chính còn hạn chế.',
];
const flatTyped = (s: string): string => s.normalize('NFC').replace(/\s+/g, ' ').trim();

let spec: SheetSpec;
let cell: string;
let nextHeading: string;
let pdf: string;

beforeAll(async () => {
  const book = await openXlsx(null);
  expect((await initNamed(book, { year: 2026, now: new Date('2026-01-05T02:00:00Z') })).ok).toBe(true);
  const out = await compileReport(book, { asOf: '2026-06-05', period: { year: 2026, quarter: 2 } });
  expect(out.ok).toBe(true);
  spec = buildReportSheet(out.content!, 'Báo cáo 6 tháng');
  const row = spec.cells.findIndex((r) => flatTyped(String(r[0] ?? '')) === '2. Nguyên nhân');
  expect(row).toBeGreaterThan(0);
  // The marked place right after the heading, then the heading after it.
  cell = `A${row + 2}`;
  expect(spec.conditionalFormats?.some((c) => c.range === cell)).toBe(true);
  nextHeading = flatTyped(String(spec.cells.slice(row + 2).find((r) => r[0] !== null)?.[0] ?? ''));
  expect(nextHeading).not.toBe('');
  const alone = await openXlsx(null);
  await alone.read([]);
  await alone.apply({ write: [spec] });
  const file = path.join(dir, 'bao-cao.xlsx');
  fs.writeFileSync(file, await alone.toBuffer());
  pdf = await typeAndPrint(file, cell, TYPED.join('\n'), path.join(dir, 'pdf', 'typed.pdf'));
}, 300_000);

describe('text typed over a marked place of the report', () => {
  it('leaves that row’s height to the program, with an unmerged copy of its text outside the print area', () => {
    const n = Number(cell.slice(1));
    expect(spec.autoHeightRows).toContain(n);
    const copy = spec.formulas?.find((f) => f.cell === `AK${n}`);
    expect(copy?.formula).toBe(`=$A${n}&""`);
    expect(copy?.result).toBe(spec.cells[n - 1][0]);
    expect(spec.page?.printArea).toMatch(/^A1:AJ\d+$/);
    expect(spec.merges).not.toContain(`AK${n}`);
  });

  it('prints every typed line, none printed over, and the next heading after them', async () => {
    const text = flatTyped(await runTool('pdftotext', [pdf, '-']));
    for (const line of TYPED)
      expect({ line, printed: text.includes(flatTyped(line)) }).toEqual({ line, printed: true });
    const last = text.indexOf(flatTyped(TYPED[TYPED.length - 1]));
    expect(text.indexOf(nextHeading, last)).toBeGreaterThan(last);
    for (const page of await readPdf(pdf)) expect(overlappingWords(page)).toEqual([]);
  });

  it('no longer shows the hint’s yellow mark: the mark follows the hint’s text alone', () => {
    const mark = spec.conditionalFormats!.find((c) => c.range === cell)!;
    expect(mark.formula).toBe(`=$A$${cell.slice(1)}="${String(spec.cells[Number(cell.slice(1)) - 1][0])}"`);
  });
});
