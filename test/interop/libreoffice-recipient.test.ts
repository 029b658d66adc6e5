/**
 * What a recipient without the add-in sees: the workbook the CLI writes, recalculated by LibreOffice
 * headless, must show the domain's own figures in every formula cell (Tình trạng hạn on Nhiệm vụ; every
 * count and percentage on Tổng hợp), with no error values; the report prints on A4, one page wide, in
 * Times New Roman's metric twin, with every block of a Nghị định 30 báo cáo.
 */
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { compileReport } from '../../src/app';
import { demoTthcUpdates } from '../../src/app/demo';
import { lettersToCol, toA1 } from '../../src/domain/a1';
import { onTimeRate, readTthc, TTHC_FIGURE_KEYS } from '../../src/domain/tthc';
import { tthcFigures } from '../../src/domain/tthcFigures';
import { runCli } from '../../src/cli/main';
import { trackerFromSnapshot } from '../../src/app/checkTracker';
import { addDays, serialFromIso, todayIso } from '../../src/domain/dates';
import { deadlineState } from '../../src/domain/deadline';
import { rollupFor, summaryFor, summaryTthcInput } from '../../src/app/summary';
import { readKnownLeads } from '../../src/domain/validation';
import { DEADLINE_STATES } from '../../src/domain/deadline';
import { SHEET, STATE_LABEL } from '../../src/i18n/vi';
import { buildReportSheet } from '../../src/sheets/reportSheet';
import type { CellUpdate, RawSheet } from '../../src/workbook/port';
import { openXlsx } from '../../src/workbook/xlsx/xlsxWorkbook';
import { disposeLibreOffice, recalcWithLibreOffice, runTool, toPdf } from '../support/libreoffice';
import { summaryMismatches } from '../support/summaryOracle';
import { BOX_PER_PT, phrase, readPdf, rules, type PdfWord, type Rule } from '../support/pdfText';
import { INIT_NAMES } from '../support/identity';

const today = todayIso();
const year = Number(today.slice(0, 4));
const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'cchc-lo-'));
afterAll(async () => {
  await disposeLibreOffice();
  if (!process.env.KEEP_TEST_FILES) fs.rmSync(dir, { recursive: true, force: true });
});

const d = (offset: number): number => serialFromIso(addDays(today, offset)) as number;

/** Boundary cases around today (N = 7): one per row, columns G (deadline), H (status), I (completed). */
const CASES: [deadline: number | null, status: string, completed: number | null][] = [
  [d(0), 'Đang thực hiện', null], // due today: Sắp đến hạn
  [d(7), 'Chưa thực hiện', null], // due in exactly N days: Sắp đến hạn
  [d(8), 'Chưa thực hiện', null], // N+1: Trong hạn
  [d(-1), 'Đang thực hiện', null], // yesterday: Quá hạn
  [d(-3), 'Hoàn thành', d(-3)], // done on the deadline: đúng hạn
  [d(-3), 'Hoàn thành', d(-2)], // a day late: quá hạn
  [null, 'Hoàn thành', d(-10)], // done, no deadline
  [null, 'Đang thực hiện', null], // Thường xuyên
  [d(-30), 'hoàn thành ', d(-40)], // typed in lower case with a trailing space, done early
];

function updatesFor(): CellUpdate[] {
  const u: CellUpdate[] = [];
  CASES.forEach(([deadline, status, completed], i) => {
    const row = i + 2;
    u.push({ sheet: SHEET.tracker, cell: `G${row}`, value: deadline, numberFormat: 'dd/mm/yyyy' });
    u.push({ sheet: SHEET.tracker, cell: `H${row}`, value: status });
    u.push({ sheet: SHEET.tracker, cell: `I${row}`, value: completed, numberFormat: 'dd/mm/yyyy' });
  });
  u.push({ sheet: SHEET.tracker, cell: 'J6', value: 'Quyết định số 12/QĐ-UBND' });
  return u;
}

/** `cchc init` writes the tracker; a user then records progress on a few rows; the report is compiled. */
async function writeDemo(): Promise<{ file: string; reportSheet: string }> {
  const file = path.join(dir, 'demo.xlsx');
  const io = { out: () => undefined, err: (l: string) => console.error(l), now: () => new Date(), cwd: dir };
  expect(await runCli(['init', '--year', String(year), '--out', file, ...INIT_NAMES], io)).toBe(0);
  const book = await openXlsx(fs.readFileSync(file));
  const typed = await book.read([SHEET.tracker, SHEET.tthc]);
  // The one-stop shop's counts of January to May, as the demo types them (Đất đai late in March and May).
  const tthc = demoTthcUpdates(readTthc(typed.contents[SHEET.tthc], year), 5);
  await book.apply({ write: [], updates: [...updatesFor(), ...tthc] });
  const out = await compileReport(book, { asOf: today });
  expect(out.ok).toBe(true);
  fs.writeFileSync(file, await book.toBuffer());
  return { file, reportSheet: out.sheet! };
}

let recalculated: Record<string, RawSheet>;
let demo: { file: string; reportSheet: string };

beforeAll(async () => {
  demo = await writeDemo();
  const recalcFile = await recalcWithLibreOffice(demo.file, path.join(dir, 'recalc'));
  const book = await openXlsx(fs.readFileSync(recalcFile));
  const snap = await book.read([SHEET.tracker, SHEET.settings, SHEET.lists, SHEET.summary, SHEET.tthc]);
  recalculated = snap.contents;
}, 300_000);

function snapshotState(): NonNullable<ReturnType<typeof trackerFromSnapshot>> {
  const state = trackerFromSnapshot({ sheets: [], contents: recalculated }, today);
  if (!state) throw new Error('no tracker after LibreOffice');
  return state;
}

describe('a recipient opening the file in LibreOffice', () => {
  it('sees in every Tình trạng hạn cell the state the domain computes for today', () => {
    const { read, settings } = snapshotState();
    const col = read.columns.deadlineState!;
    const tracker = recalculated[SHEET.tracker];
    expect(read.tasks).toHaveLength(48);
    for (const t of read.tasks) {
      const expected = STATE_LABEL[deadlineState(t, today, settings.warningDays)];
      expect({ row: t.row, state: tracker.values[t.row - 1][col] }).toEqual({ row: t.row, state: expected });
    }
    // The boundary rows really are the boundary states.
    const states = CASES.map((_, i) => tracker.values[i + 1][col]);
    expect(states).toEqual([
      'Sắp đến hạn',
      'Sắp đến hạn',
      'Trong hạn',
      'Quá hạn',
      'Hoàn thành đúng hạn',
      'Hoàn thành quá hạn',
      'Hoàn thành đúng hạn',
      'Thường xuyên',
      'Hoàn thành đúng hạn',
    ]);
  });

  it('sees in every Tổng hợp formula cell the domain’s roll-up for today, and no error value', () => {
    const { read, settings } = snapshotState();
    const listed = readKnownLeads(recalculated[SHEET.lists]);
    const roll = rollupFor({ read, settings }, listed, today);
    const { layout } = summaryFor({ read, settings }, listed, today);
    const sheet = recalculated[SHEET.summary];
    const mismatches = summaryMismatches(sheet, layout, roll);
    expect(mismatches).toEqual([]);
    // The figures compared are not all zeros: the boundary rows put tasks in every state.
    for (const s of DEADLINE_STATES.filter((x) => x !== 'dataError'))
      expect(roll.total[s]).toBeGreaterThanOrEqual(1);
    // Hồ sơ TTHC's blocks too: no error value anywhere on the sheet, and the year's total is the domain's.
    const errors = sheet.values.flatMap((r, i) =>
      r.flatMap((v, c) => (v !== null && typeof v === 'object' ? [`${toA1(i, c)} ${v.error}`] : [])),
    );
    expect(errors).toEqual([]);
    const state = snapshotState();
    const t = summaryFor(state, listed, today).layout.tthc!;
    const yearBlock = t.blocks.find((b) => b.key === 'year')!;
    const want = tthcFigures(state.tthc.rows, { from: 1, to: 12 }, summaryTthcInput(state)!.fields).totals;
    expect(want.received).toBeGreaterThan(500);
    for (const k of TTHC_FIGURE_KEYS)
      expect({ k, v: sheet.values[yearBlock.totalRow - 1][lettersToCol(t.columns[k])] }).toEqual({
        k,
        v: want[k],
      });
  });

  it('sees in Hồ sơ TTHC every Tổng số hồ sơ and Tỷ lệ đúng hạn the domain computes', () => {
    const { tthc } = snapshotState();
    const sheet = recalculated[SHEET.tthc];
    const counted = tthc.rows.filter((r) => r.state === 'counted');
    expect(counted.length).toBe(30); // six fields, five months
    for (const r of counted) {
      const c = r.counts;
      expect(sheet.values[r.row - 1][tthc.columns.received!]).toBe(c.carriedOver + c.online + c.offline);
      expect(sheet.values[r.row - 1][tthc.columns.rate!]).toBeCloseTo(onTimeRate(c)!, 9);
    }
  });
});

describe('the report printed by LibreOffice', () => {
  it('is A4 portrait, one page wide, Times New Roman’s twin, with every block of the layout', async () => {
    const book = await openXlsx(fs.readFileSync(demo.file));
    const out = await compileReport(book, { asOf: today });
    // Print the report sheet on its own, as the office prints it.
    const alone = await openXlsx(null);
    await alone.read([]);
    await alone.apply({ write: [buildReportSheet(out.content!, demo.reportSheet)] });
    const file = path.join(dir, 'report.xlsx');
    fs.writeFileSync(file, await alone.toBuffer());
    const pdf = await toPdf(file, path.join(dir, 'pdf'));
    const info = await runTool('pdfinfo', ['-f', '1', '-l', '99', pdf]);
    const sizes = [...info.matchAll(/Page\s+\d+ size:\s+([\d.]+) x ([\d.]+)/g)].map((m) => [
      Number(m[1]),
      Number(m[2]),
    ]);
    expect(sizes.length).toBeGreaterThanOrEqual(2);
    for (const [w, h] of sizes) {
      expect(Math.abs(w - 595.3)).toBeLessThan(1.5);
      expect(Math.abs(h - 841.9)).toBeLessThan(1.5);
    }
    const fonts = await runTool('pdffonts', [pdf]);
    expect(fonts).toMatch(/LiberationSerif|TimesNewRoman/);
    const text = (await runTool('pdftotext', ['-layout', pdf, '-'])).normalize('NFC');
    const pages = text.split('\f');
    // Both header columns on the same line of page 1: the sheet is one page wide.
    expect(pages[0]).toMatch(/ỦY BAN NHÂN DÂN\s+CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM/);
    expect(pages[0]).toMatch(/XÃ LONG ĐIỀN A\s+Độc lập - Tự do - Hạnh phúc/);
    expect(pages[0]).toContain('BÁO CÁO');
    expect(pages[0]).toContain('Kết quả thực hiện Kế hoạch nâng cao chất lượng, hiệu quả công tác cải');
    expect(pages[0]).toContain('Kính gửi: Sở Nội vụ tỉnh An Giang.');
    // The TTHC part: its caption, header row, every field and the total on one page, inside the margins.
    // The national form's two tables, each with its caption, header rows, every field and the total on one page.
    for (const caption of ['Bảng 1. Số hồ sơ thủ tục hành chính', 'Bảng 2. Kết quả giải quyết hồ sơ']) {
      const tthcPage = pages.findIndex((p) => p.includes(caption));
      expect(tthcPage).toBeGreaterThanOrEqual(0);
      const from = pages[tthcPage].slice(pages[tthcPage].indexOf(caption));
      for (const cell of ['Tổng số', 'Hộ tịch', 'Chứng thực', 'Đất đai', 'Lao động – việc', 'Cộng'])
        expect(from).toContain(cell);
    }
    expect(text).toMatch(/Số hồ sơ nhận giải quyết/);
    expect(text).toMatch(/Kỳ trước/);
    // No tool note inside the print area.
    expect(text).not.toMatch(/lỗi dữ liệu|chưa tổng hợp được|DÀNH CHO NGƯỜI LẬP/iu);
    expect(text).toContain('3. Kết quả giải quyết hồ sơ thủ tục hành chính');
    expect(text).toMatch(/Lĩnh vực Đất đai thường xuyên có hồ sơ giải quyết quá hạn/);
    for (const block of [
      'I. KẾT QUẢ THỰC HIỆN',
      'II. TỒN TẠI, HẠN CHẾ VÀ NGUYÊN NHÂN',
      'III. PHƯƠNG HƯỚNG, NHIỆM VỤ KỲ TỚI',
      'IV. ĐỀ XUẤT, KIẾN NGHỊ',
      'Quyết định số 12/QĐ-UBND',
      'Nơi nhận:',
      '- Như trên;',
      '- Lưu: VT, TH.',
      'TM. ỦY BAN NHÂN DÂN',
      'KT. CHỦ TỊCH',
      'Trương Minh Sơn',
    ])
      expect(text).toContain(block);
    // No page number on page 1; "2" at the top of page 2.
    expect(pages[0].trimStart().startsWith('ỦY BAN')).toBe(true);
    expect(pages[1].trimStart().split('\n')[0].trim()).toBe('2');

    // Measured on the page: the body at 13 pt (no scaling), inside the margins (30 mm left, 15 mm right).
    const printed = await readPdf(pdf);
    const all = printed.flatMap((p) => p.words.map((w) => ({ ...w, page: p.number })));
    const body = printed[0].words.filter((w) => w.text === 'nhiệm');
    expect(body.length).toBeGreaterThan(3);
    for (const w of body) expect(Math.abs((w.yMax - w.yMin) / BOX_PER_PT - 13)).toBeLessThan(0.3);
    const mm = 72 / 25.4;
    for (const w of all) {
      expect(w.xMin).toBeGreaterThanOrEqual(30 * mm - 1);
      expect(w.xMax).toBeLessThanOrEqual(595.3 - 15 * mm + 1);
    }
    // The rules: under the commune 1/3–1/2 of its name and centred on it; under the motto as long as it; both
    // clear of the letters above.
    const lines = await rules(pdf, 1, path.join(dir, 'pdf'));
    const name = phrase(printed[0], 'XÃ LONG ĐIỀN A')!;
    const motto = phrase(printed[0], 'Độc lập - Tự do - Hạnh phúc')!;
    const under = (w: PdfWord): Rule =>
      lines
        .filter((l) => l.y > w.yMax)
        .sort((p, q) => p.y - q.y)
        .find((l) => l.x1 < w.xMax && l.x2 > w.xMin)!;
    const nameRule = under(name);
    const share = (nameRule.x2 - nameRule.x1) / (name.xMax - name.xMin);
    expect(share).toBeGreaterThanOrEqual(1 / 3);
    expect(share).toBeLessThanOrEqual(1 / 2);
    expect(Math.abs((nameRule.x1 + nameRule.x2) / 2 - (name.xMin + name.xMax) / 2)).toBeLessThan(4);
    expect(nameRule.y - name.yMax).toBeGreaterThan(1);
    const mottoRule = under(motto);
    expect(Math.abs(mottoRule.x2 - mottoRule.x1 - (motto.xMax - motto.xMin))).toBeLessThan(
      0.05 * (motto.xMax - motto.xMin),
    );
    expect(mottoRule.y - motto.yMax).toBeGreaterThan(1);
    // Paragraphs evenly spaced: lines of a paragraph 14.4 pt apart (Liberation Serif's 1.107 em at 13 pt);
    // between paragraphs at least 6 pt more, the same give or take rounding (8–10 pt), and at most one line
    // more where Excel, whose columns are 4 % narrower, wraps a paragraph onto one more line than LibreOffice.
    const bodyLines = new Map<string, number>();
    // Paragraphs only: not the header of page 1, nor the signature block (its lines are 18 pt apart, by design).
    const signature = all.find((w) => w.text === 'Nơi')!;
    for (const w of all) {
      const pt = (w.yMax - w.yMin) / BOX_PER_PT;
      if (Math.abs(pt - 13) > 0.3 || w.yMin < 200) continue;
      if (w.page === signature.page && w.yMin >= signature.yMin - 1) continue;
      bodyLines.set(`${w.page}:${w.yMin.toFixed(1)}`, w.yMin);
    }
    const tops = [...bodyLines.entries()]
      .map(([k, y]) => ({ page: Number(k.split(':')[0]), y }))
      .sort((a, b) => a.page - b.page || a.y - b.y);
    const gaps: number[] = [];
    for (let i = 1; i < tops.length; i++) {
      if (tops[i].page !== tops[i - 1].page) continue;
      const pitch = tops[i].y - tops[i - 1].y;
      if (Math.abs(pitch - 14.4) < 0.3) continue;
      // Two paragraphs, not a paragraph and the next after a table (whose rows are 12 pt) in between.
      const between = all.some(
        (w) => w.page === tops[i].page && w.yMin > tops[i - 1].y + 1 && w.yMin < tops[i].y - 1,
      );
      if (between) continue;
      gaps.push(pitch - 14.4);
    }
    expect(gaps.length).toBeGreaterThan(20);
    for (const g of gaps) expect(g).toBeGreaterThanOrEqual(6);
    for (const g of gaps) expect(g).toBeLessThanOrEqual(6 + 14.4 + 4);
    const even = gaps.filter((g) => g >= 7 && g <= 10.5).length / gaps.length;
    expect(even).toBeGreaterThanOrEqual(0.8);
  }, 300_000);
});
