/**
 * Kết quả theo kỳ as a file and on paper: init's sheet through the .xlsx adapter keeps the words typed as text
 * (a leading "=", "15/3", "100%", NFD), is read back in the same read as the tracker, opens in ExcelJS with its
 * header frozen and its page setup, and LibreOffice prints it on A4 landscape, every column on the page, no
 * text under 9 pt, each quarter from a new page, every word typed on paper.
 */
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { checkTracker, initTracker } from '../../src/app';
import { TRACKER_SHEETS } from '../../src/app/checkTracker';
import { reportFromSnapshot } from '../../src/app/compileReport';
import { RESULTS_COLUMN_KEYS } from '../../src/domain/resultsSheet';
import { resultTasks } from '../../src/domain/resultTasks';
import { expandSchedule } from '../../src/domain/schedule';
import { buildResultsSheet } from '../../src/sheets/resultsSheet';
import { seedsFromPlan } from '../../src/sheets/trackerSheet';
import { RESULTS_HEADERS, SHEET } from '../../src/i18n/vi';
import type { CellUpdate } from '../../src/workbook/port';
import { openXlsx } from '../../src/workbook/xlsx/xlsxWorkbook';
import { disposeLibreOffice, toPdf } from '../support/libreoffice';
import { readPdf, type PdfPage } from '../support/pdfText';
import { loadExcelJs } from '../support/userWorkbook';

const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'cchc-results-'));
afterAll(async () => {
  await disposeLibreOffice();
  if (!process.env.KEEP_TEST_FILES) fs.rmSync(dir, { recursive: true, force: true });
});

const now = new Date('2026-09-04T03:00:00Z');
const TYPED: { quarter: string; task: string; result: string; planned?: string }[] = [
  {
    quarter: 'Quý I',
    task: 'Thực hiện tốt công tác tiếp dân',
    result: 'Tiếp 15 lượt công dân; tiếp nhận 6 kiến nghị',
  },
  { quarter: 'Quý II', task: 'Duy trì và đẩy mạnh', result: '=100% văn bản đi được ký số', planned: '15/3' },
  {
    quarter: 'Quý III',
    task: 'Cân đối ngân sách',
    result: 'Đã khảo sát, lập dự toán 35 triệu đồng'.normalize('NFD'),
  },
  { quarter: 'Quý IV', task: 'Thực hiện tốt công tác tiếp dân', result: '100%', planned: 'Tổng kết năm' },
];

let bytes: Uint8Array;
let pages: PdfPage[];

beforeAll(async () => {
  const book = await openXlsx(null);
  await initTracker(book, { year: 2026, now });
  const grid = (await book.read([SHEET.results])).contents[SHEET.results];
  const col = (k: (typeof RESULTS_COLUMN_KEYS)[number]): number => RESULTS_COLUMN_KEYS.indexOf(k);
  const letter = (k: (typeof RESULTS_COLUMN_KEYS)[number]): string => String.fromCharCode(65 + col(k));
  const updates: CellUpdate[] = [];
  for (const t of TYPED) {
    const r = grid.values.findIndex((row) => row[0] === t.quarter && String(row[2]).startsWith(t.task)) + 1;
    updates.push({ sheet: SHEET.results, cell: `${letter('result')}${r}`, value: t.result });
    if (t.planned) updates.push({ sheet: SHEET.results, cell: `${letter('planned')}${r}`, value: t.planned });
  }
  await book.apply({ write: [], updates });
  bytes = await book.toBuffer();
  const file = path.join(dir, 'tracker.xlsx');
  fs.writeFileSync(file, bytes);
  // The results sheet alone on paper (LibreOffice prints every sheet): init's sheet with the words typed.
  const typed = (await openXlsx(bytes)).read([SHEET.results]);
  const spec = buildResultsSheet(resultTasks(seedsFromPlan(expandSchedule(2026)), 2026));
  const values = (await typed).contents[SHEET.results].values;
  spec.cells = spec.cells.map((row, r) =>
    row.map((v, c) => (c >= 3 ? ((values[r]?.[c] as string | null) ?? null) : v)),
  );
  const alone = await openXlsx(null);
  await alone.read([]);
  await alone.apply({ write: [spec] });
  const aloneFile = path.join(dir, 'results.xlsx');
  fs.writeFileSync(aloneFile, await alone.toBuffer());
  pages = await readPdf(await toPdf(aloneFile, path.join(dir, 'pdf')));
}, 300_000);

describe('Kết quả theo kỳ in the file', () => {
  it('keeps what was typed as text and reads it back with the tracker, in one read', async () => {
    const book = await openXlsx(bytes);
    const check = await checkTracker(book, { today: '2026-09-04' });
    expect(check.result!.errors.filter((p) => p.sheet === SHEET.results)).toEqual([]);
    const made = reportFromSnapshot(await book.read([...TRACKER_SHEETS]), { asOf: '2026-09-04' });
    if (!made.ok) throw new Error('no report');
    expect(made.state.results.entries.map((e) => [e.quarter, e.kind, e.text])).toEqual([
      [1, 'result', 'Tiếp 15 lượt công dân; tiếp nhận 6 kiến nghị'],
      [4, 'result', '100%'],
      [1, 'planned', 'Tổng kết năm'],
      [2, 'result', '=100% văn bản đi được ký số'],
      [3, 'planned', '15/3'],
      [3, 'result', 'Đã khảo sát, lập dự toán 35 triệu đồng'],
    ]);
  });

  it('opens in ExcelJS as plain text cells with a frozen header and its page setup', async () => {
    const ws = (await loadExcelJs(bytes)).getWorksheet(SHEET.results)!;
    expect(ws.getRow(1).values).toEqual([undefined, ...RESULTS_COLUMN_KEYS.map((k) => RESULTS_HEADERS[k])]);
    const typed: string[] = [];
    ws.eachRow((row, r) => {
      if (r > 1)
        for (const c of [4, 5]) {
          const cell = row.getCell(c);
          if (cell.value !== null) {
            expect(cell.type).toBe(3); // ExcelJS.ValueType.String
            expect(cell.formula).toBeUndefined();
            typed.push(String(cell.value));
          }
        }
    });
    expect(typed).toContain('=100% văn bản đi được ký số');
    expect(typed).toContain('15/3');
    expect(ws.getCell('D2').numFmt).toBe('@');
    expect(ws.getCell('D2').alignment).toMatchObject({ wrapText: true, vertical: 'top' });
    expect(ws.views[0]).toMatchObject({ state: 'frozen', ySplit: 1 });
    expect(ws.pageSetup).toMatchObject({
      paperSize: 9,
      orientation: 'landscape',
      fitToWidth: 1,
      printTitlesRow: '1:1',
    });
  });
});

describe('Kết quả theo kỳ printed by LibreOffice', () => {
  const quarterLabels = (p: PdfPage): string[] =>
    p.words.flatMap((w, i) =>
      w.text === 'Quý' && ['I', 'II', 'III', 'IV'].includes(p.words[i + 1]?.text ?? '')
        ? [p.words[i + 1].text]
        : [],
    );

  it('is A4 landscape, every text 9 pt or more, the header and all five columns on every page', () => {
    expect(pages.length).toBeGreaterThanOrEqual(4);
    for (const p of pages) {
      expect(p.width).toBeGreaterThan(p.height);
      const text = p.words.map((w) => w.text).join(' ');
      for (const k of RESULTS_COLUMN_KEYS) expect(text).toContain(RESULTS_HEADERS[k]);
    }
    const sizes = pages.flatMap((p) => p.runs.map((r) => r.size));
    expect(Math.min(...sizes)).toBeGreaterThanOrEqual(9);
  });

  it('starts each quarter on a new page, and prints every word typed', () => {
    const byPage = pages.map((p) => [...new Set(quarterLabels(p))]);
    for (const labels of byPage) expect(labels).toHaveLength(1);
    expect([...new Set(byPage.flat())]).toEqual(['I', 'II', 'III', 'IV']);
    const all = pages.map((p) => p.words.map((w) => w.text).join(' ')).join(' ');
    for (const t of TYPED) {
      expect(all).toContain(t.result.normalize('NFC'));
      if (t.planned) expect(all).toContain(t.planned);
    }
  });
});
