/**
 * The demo shows a real year: on its fixed day (the 9-month report's due day) most tasks due are done on time
 * with their evidence, exactly one was done late, exactly one is overdue, the rest are in progress or not yet
 * due, and the report says so. The same day gives the same workbook.
 */
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import ExcelJS from 'exceljs';
import { checkTracker, demoDay, demoProgress, writeDemo } from '../../src/app';
import { workingDayOnOrBefore } from '../../src/app/demo';
import { parseA1Cell } from '../../src/domain/a1';
import { formatVnDate, isoFromSerial } from '../../src/domain/dates';
import { expandSchedule } from '../../src/domain/schedule';
import { readTracker } from '../../src/domain/tracker';
import { SHEET, STATUS_LABEL } from '../../src/i18n/vi';
import { BODY_FONT } from '../../src/sheets/palette';
import { estimateLines } from '../../src/sheets/textLayout';
import { buildTrackerSheet, seedsFromPlan } from '../../src/sheets/trackerSheet';
import { MemoryPort } from '../support/memoryPort';
import { cchcIn } from './run';
import { initNamed } from '../support/identity';

interface Totals {
  tasks: number;
  doneOnTime: number;
  doneLate: number;
  overdue: number;
  dueSoon: number;
  onTrack: number;
  ongoing: number;
  notYetInPeriod: number;
}

describe('the demo day', () => {
  it.each([
    ['2026-11-29T03:00:00Z', 2026, '2026-09-04'], // 05/09/2026 is a Saturday: Friday 04/09
    ['2026-09-04T03:00:00Z', 2026, '2026-09-04'], // on the day itself
    ['2026-09-03T03:00:00Z', 2025, '2025-09-05'], // before it: last year's, a Friday
    ['2026-06-05T03:00:00Z', 2025, '2025-09-05'],
    ['2027-09-06T03:00:00Z', 2027, '2027-09-03'], // 05/09/2027 is a Sunday
    ['2029-01-02T03:00:00Z', 2028, '2028-09-05'], // a Tuesday stays
  ])('now %s → the %i tracker as of %s', (now, year, asOf) => {
    expect(demoDay(new Date(now))).toEqual({ year, asOf });
  });

  it('moves weekend days to the Friday before and keeps weekdays', () => {
    expect(workingDayOnOrBefore('2026-07-05')).toBe('2026-07-03');
    expect(workingDayOnOrBefore('2026-07-04')).toBe('2026-07-03');
    expect(workingDayOnOrBefore('2026-07-03')).toBe('2026-07-03');
    expect(workingDayOnOrBefore('2026-03-02')).toBe('2026-03-02');
  });
});

describe('the demo over several years (in memory)', () => {
  it.each(['2026-11-29T03:00:00Z', '2026-06-05T03:00:00Z', '2027-09-06T03:00:00Z', '2030-12-31T03:00:00Z'])(
    'now %s: done on time with evidence, exactly one done late, one overdue, the rest in progress or not yet due; no data error',
    async (now) => {
      const port = new MemoryPort();
      const outcome = await writeDemo(port, { now: new Date(now) });
      expect(outcome.ok).toBe(true);
      const totals = (outcome.json as { totals: Totals }).totals;
      expect(totals.doneOnTime).toBeGreaterThanOrEqual(10);
      expect(totals.doneLate).toBe(1);
      expect(totals.overdue).toBe(1);
      expect(totals.dueSoon + totals.onTrack + totals.ongoing).toBeGreaterThanOrEqual(10);
      expect(totals.notYetInPeriod).toBeGreaterThanOrEqual(1);
      const check = await checkTracker(port, { today: outcome.asOf! });
      expect(check.result?.errors).toEqual([]);
    },
  );
});

describe('npm run demo (cchc demo)', () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'cchc-demo-'));
  afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));
  const NOW = new Date('2026-11-29T03:00:00Z');
  const cchc = cchcIn(dir, NOW);
  const file = path.join(dir, 'out', 'ke-hoach-cchc-2026.xlsx');

  let totals: Totals;
  let first: Buffer;

  beforeAll(async () => {
    const r = await cchc('demo');
    expect(r).toMatchObject({ code: 0, err: '' });
    expect(r.out).toContain('Báo cáo 9 tháng 2026');
    expect(r.out).toContain('tính đến ngày 04/09/2026');
    expect(r.out).toContain(file);
    first = fs.readFileSync(file);
    const report = await cchc(
      'report',
      file,
      '--period',
      '2026-Q3',
      '--as-of',
      '2026-09-04',
      '--out',
      path.join(dir, 'again.xlsx'),
      '--json',
    );
    expect(report.code).toBe(0);
    totals = JSON.parse(report.out).totals;
  });

  it('its report has tasks done on time, exactly one done late, exactly one overdue, and tasks in progress', () => {
    expect(totals.doneOnTime).toBeGreaterThanOrEqual(1);
    expect(totals.doneLate).toBe(1);
    expect(totals.overdue).toBe(1);
    expect(totals.dueSoon + totals.onTrack + totals.ongoing).toBeGreaterThanOrEqual(1);
  });

  it('its tracker has rows in progress, and every done row cites a dated document of its completion day', async () => {
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(first as unknown as ExcelJS.Buffer);
    const ws = wb.getWorksheet(SHEET.tracker)!;
    const header = (ws.getRow(1).values as unknown[]).map(String);
    const col = (name: string): number => header.indexOf(name);
    const statuses: string[] = [];
    const done: { completed: string; evidence: string }[] = [];
    ws.eachRow((row, n) => {
      if (n === 1) return;
      const status = String(row.getCell(col('Trạng thái')).value ?? '');
      statuses.push(status);
      if (status !== STATUS_LABEL.done) return;
      const completed = row.getCell(col('Ngày hoàn thành')).value;
      const serial =
        completed instanceof Date ? completed.getTime() / 86_400_000 + 25_569 : Number(completed ?? NaN);
      done.push({
        completed: isoFromSerial(serial) ?? '',
        evidence: String(row.getCell(col('Kết quả / Hồ sơ minh chứng')).value ?? ''),
      });
    });
    expect(statuses.filter((s) => s === STATUS_LABEL.inProgress).length).toBeGreaterThanOrEqual(10);
    expect(statuses.filter((s) => s === STATUS_LABEL.notStarted).length).toBeGreaterThanOrEqual(1);
    expect(done.length).toBe(totals.doneOnTime + totals.doneLate);
    for (const d of done) {
      expect(d.completed <= '2026-09-04').toBe(true);
      expect(d.evidence).toMatch(/^(Quyết định số|Kế hoạch số|Báo cáo số|Biên bản|Bản đăng ký)/);
      expect(d.evidence).toContain(`ngày ${formatVnDate(d.completed)}`);
    }
  });

  it('check finds no data error in it on its day', async () => {
    const r = await cchc('check', file, '--today', '2026-09-04');
    expect(r.code).toBe(0);
  });

  it('is the same workbook when run again on the same day, replacing the earlier one', async () => {
    const sheetValues = async (buf: Buffer): Promise<unknown[]> => {
      const wb = new ExcelJS.Workbook();
      await wb.xlsx.load(buf as unknown as ExcelJS.Buffer);
      return wb.worksheets
        .filter((w) => w.name !== 'CCHC_SoDangKy')
        .map((w) => {
          const rows: unknown[] = [w.name];
          w.eachRow((row) => rows.push(row.values));
          return rows;
        });
    };
    const r = await cchc('demo');
    expect(r.code).toBe(0);
    expect(fs.readdirSync(path.join(dir, 'out'))).toEqual(['ke-hoach-cchc-2026.xlsx']);
    expect(await sheetValues(fs.readFileSync(file))).toEqual(await sheetValues(first));
  });
});

describe('the demo on paper', () => {
  it('every text it records fits its row as the tracker sizes it, with a line to spare', async () => {
    const year = 2026;
    const port = new MemoryPort();
    await initNamed(port, { year });
    const grid = (await port.read([SHEET.tracker])).contents[SHEET.tracker];
    const read = readTracker(grid);
    const spec = buildTrackerSheet(seedsFromPlan(expandSchedule(year)), year);
    const widths = spec.columnWidths!;
    const tooLong: string[] = [];
    for (const u of demoProgress(read, year)) {
      if (typeof u.value !== 'string') continue;
      const { row, col } = parseA1Cell(u.cell);
      const rowLines = Math.floor((spec.rowHeights![row + 1] - 4) / (BODY_FONT.size * 1.25));
      const lines = estimateLines(u.value, widths[col], BODY_FONT.size);
      if (lines + 1 > rowLines) tooLong.push(`${u.cell} (${lines} of ${rowLines} lines): ${u.value}`);
    }
    expect(tooLong).toEqual([]);
  });
});
