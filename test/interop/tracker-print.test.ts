/**
 * The printed tracker is legible: the demo workbook (the plan's 48 tasks with a year's progress) printed by
 * LibreOffice on A4 landscape, measured from the PDF with poppler. Every text run is at least 9 pt as
 * printed (pdftohtml's font sizes, cross-checked by the height of every word's box from pdftotext -bbox,
 * calibrated on a cell of known size printed at 100%), every page shows all twelve column headers in order
 * (one page wide, the header row repeated), every task is on paper, and no text is printed over other text.
 */
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { runCli } from '../../src/cli/main';
import { COLUMN_KEYS } from '../../src/domain/tracker';
import { HEADERS } from '../../src/i18n/vi';
import { openXlsx } from '../../src/workbook/xlsx/xlsxWorkbook';
import { disposeLibreOffice, toPdfAll } from '../support/libreoffice';
import { overlappingWords, readPdf, type PdfPage, type PdfWord } from '../support/pdfText';

const MIN_PT = 9;
const A4_LANDSCAPE = { width: 841.9, height: 595.3 };

const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'cchc-print-'));
afterAll(async () => {
  await disposeLibreOffice();
  if (!process.env.KEEP_TEST_FILES) fs.rmSync(dir, { recursive: true, force: true });
});

let pages: PdfPage[];
let tracker: PdfPage[];
/** Height of a word's box per point of font size, for LibreOffice's Times New Roman twin. */
let boxPerPoint: number;

/** The page's first header cell: the tracker's pages are the ones that start with the STT header. */
const sttHeader = (p: PdfPage): PdfWord | undefined =>
  p.words.find((w) => w.text === HEADERS.stt && w.yMin < p.height * 0.2);

/** The numbers printed in the STT column of a tracker page (under the STT header), top to bottom. */
function sttColumn(page: PdfPage): PdfWord[] {
  const stt = sttHeader(page)!;
  return page.words
    .filter((w) => w.yMin > stt.yMax && w.xMin < stt.xMax + 2 && /^\d+$/.test(w.text))
    .sort((a, b) => a.yMin - b.yMin);
}

/**
 * The header row's cells as printed: the words between the page header ("Trang x/y") and the first task.
 * Words a space apart on a line form a segment (a space is about a quarter of the font size; cells stand
 * farther apart); segments of several lines that overlap across the page are the lines of one wrapped cell.
 */
function headerCells(page: PdfPage): string[] {
  const pageHeader = page.words.filter((w) => w.text === 'Trang' && w.yMin < page.height * 0.1);
  const top = Math.max(...pageHeader.map((w) => w.yMax));
  const bottom = sttColumn(page)[0].yMin;
  const band = page.words.filter((w) => w.yMin >= top && w.yMax <= bottom + 0.5);
  const space = (0.35 * (band[0].yMax - band[0].yMin)) / boxPerPoint;
  const segments: { y: number; xMin: number; xMax: number; text: string }[] = [];
  for (const w of [...band].sort((a, b) => a.yMin - b.yMin || a.xMin - b.xMin)) {
    const last = segments[segments.length - 1];
    if (last && Math.abs(last.y - w.yMin) < 0.5 && w.xMin - last.xMax < space) {
      last.xMax = w.xMax;
      last.text += ` ${w.text}`;
    } else segments.push({ y: w.yMin, xMin: w.xMin, xMax: w.xMax, text: w.text });
  }
  const cells: { xMin: number; xMax: number; lines: { y: number; text: string }[] }[] = [];
  for (const seg of [...segments].sort((a, b) => a.xMin - b.xMin)) {
    const last = cells[cells.length - 1];
    if (last && seg.xMin < last.xMax) {
      last.lines.push(seg);
      last.xMax = Math.max(last.xMax, seg.xMax);
    } else cells.push({ xMin: seg.xMin, xMax: seg.xMax, lines: [seg] });
  }
  return cells.map((c) =>
    c.lines
      .sort((a, b) => a.y - b.y)
      .map((l) => l.text)
      .join(' '),
  );
}

beforeAll(async () => {
  const io = {
    out: () => undefined,
    err: (l: string) => console.error(l),
    now: () => new Date('2026-11-29T03:00:00Z'),
    cwd: dir,
  };
  expect(await runCli(['demo'], io)).toBe(0);

  // Calibration: one 12 pt cell in Times New Roman printed at 100%.
  const calib = await openXlsx(null);
  await calib.read([]);
  await calib.apply({
    write: [
      {
        name: 'Calib',
        kind: 'report',
        cells: [['Mười hai điểm']],
        defaultFont: { name: 'Times New Roman', size: 12 },
        columnWidths: [30],
        page: {
          paper: 'A4',
          orientation: 'portrait',
          margins: { top: 20, bottom: 20, left: 20, right: 20, header: 10, footer: 10 },
        },
      },
    ],
  });
  const calibFile = path.join(dir, 'calib.xlsx');
  fs.writeFileSync(calibFile, await calib.toBuffer());
  // Both printed in one LibreOffice run (one start-up).
  const [trackerPdf, calibPdf] = await toPdfAll(
    [path.join(dir, 'out', 'ke-hoach-cchc-2026.xlsx'), calibFile],
    path.join(dir, 'pdf'),
  );
  pages = await readPdf(trackerPdf);
  // The tracker is the first sheet: its pages are the leading run of landscape pages under an STT header.
  const end = pages.findIndex((p) => !(p.width > p.height && sttHeader(p)));
  tracker = pages.slice(0, end < 0 ? pages.length : end);

  const [calibPage] = await readPdf(calibPdf);
  expect(calibPage.runs.map((r) => r.size)).toEqual([12]);
  const heights = calibPage.words.map((w) => w.yMax - w.yMin);
  boxPerPoint = Math.min(...heights) / 12;
}, 300_000);

describe('the tracker printed by LibreOffice', () => {
  it('is A4 landscape, more than one page, followed by the other sheets', () => {
    expect(tracker.length).toBeGreaterThanOrEqual(2);
    expect(pages.length).toBeGreaterThan(tracker.length);
    for (const p of tracker) {
      expect(Math.abs(p.width - A4_LANDSCAPE.width)).toBeLessThan(1.5);
      expect(Math.abs(p.height - A4_LANDSCAPE.height)).toBeLessThan(1.5);
    }
  });

  it(`prints every text at ${MIN_PT} pt or more (font size, and word box height)`, () => {
    const sizes = tracker.flatMap((p) => p.runs.map((r) => r.size));
    expect(sizes.length).toBeGreaterThan(300);
    expect(Math.min(...sizes)).toBeGreaterThanOrEqual(MIN_PT);
    const boxes = tracker.flatMap((p) => p.words.map((w) => (w.yMax - w.yMin) / boxPerPoint));
    // A small tolerance: pdftohtml rounds sizes to a third of a point, box heights are exact.
    expect(Math.min(...boxes)).toBeGreaterThanOrEqual(MIN_PT - 0.1);
  });

  it('shows the twelve column headers, in order, at the top of every page', () => {
    const expected = COLUMN_KEYS.map((k) => HEADERS[k]);
    for (const p of tracker)
      expect({ page: p.number, headers: headerCells(p) }).toEqual({ page: p.number, headers: expected });
  });

  it('puts every task on paper, each once', () => {
    const numbers = tracker.flatMap((p) => sttColumn(p).map((w) => Number(w.text)));
    expect(numbers).toEqual(Array.from({ length: 48 }, (_, i) => i + 1));
  });

  it('prints no text over other text (every cell’s text fits its row)', () => {
    const over = tracker.flatMap((p) =>
      overlappingWords(p).map(
        ([a, b]) => `page ${p.number}: "${a.text}" / "${b.text}" at y ${a.yMin.toFixed(0)}`,
      ),
    );
    expect(over).toEqual([]);
  });
});
