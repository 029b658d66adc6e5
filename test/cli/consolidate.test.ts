/**
 * `cchc consolidate` as the receiving body runs it on the files the communes emailed: every commune's figures
 * are exactly its own `cchc report --json` for the same period and day, the totals are their sums, every kind
 * of bad input becomes a row of "Tệp không đọc được" while the rest is consolidated, a commune sent twice keeps
 * its newest file, and no input file changes by a byte.
 */
import * as crypto from 'node:crypto';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import ExcelJS from 'exceljs';
import type { CliIo } from '../../src/cli/io';
import { runCli } from '../../src/cli/main';
import { CONSOLIDATION_SHEET } from '../../src/i18n/consolidation';
import { HEADERS, SETTING_LABEL, SHEET } from '../../src/i18n/vi';
import { openXlsx } from '../../src/workbook/xlsx/xlsxWorkbook';
import { cchcIn, expectNoStack } from './run';
import { INIT_NAMES } from '../support/identity';

const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'cchc-consolidate-'));
afterAll(() => {
  if (!process.env.KEEP_TEST_FILES) fs.rmSync(dir, { recursive: true, force: true });
});

/** The demo's day for this "now": the 2026 tracker as of Friday 04/09/2026 (its 9-month report). */
const NOW = new Date('2026-11-29T03:00:00Z');
const PERIOD = '2026-Q3';
const AS_OF = '2026-09-04';
const cchc = cchcIn(dir, NOW);

const COMMUNES = 'out/cac-xa';
const BAD = 'bad';
const RESENT = 'gui-lai';

interface Counts {
  tasks: number;
  completionRate: number | null;
  rateOnTime: number;
  rateDue: number;
  [state: string]: number | null;
}

interface ConsolidationJson {
  period: string;
  asOf: string;
  communes: {
    unit: string;
    file: string;
    year: number;
    totals: Counts;
    completionRate: number | null;
    tthcOnTimeRate: number | null;
    tthc: { totals: Record<string, number>; byField: ({ field: string } & Record<string, number>)[] } | null;
    ownReport: { sheet: string; day: string } | null;
  }[];
  totals: Counts;
  completionRate: number | null;
  failed: { file: string; reason: string }[];
  duplicates: { unit: string; kept: string; dropped: string[] }[];
}

/** Every file under `root` with a hash of its bytes and its modification time. */
function tree(root: string): Record<string, string> {
  const out: Record<string, string> = {};
  const walk = (d: string): void => {
    for (const e of fs.readdirSync(d, { withFileTypes: true })) {
      const full = path.join(d, e.name);
      if (e.isDirectory()) walk(full);
      else
        out[path.relative(root, full)] =
          `${crypto.createHash('sha256').update(fs.readFileSync(full)).digest('hex')} ${fs.statSync(full).mtimeMs}`;
    }
  };
  walk(root);
  return out;
}

/** Edits a copy of a workbook with ExcelJS, as another program would. */
async function edited(from: string, to: string, edit: (wb: ExcelJS.Workbook) => void): Promise<void> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(from);
  edit(wb);
  await wb.xlsx.writeFile(to);
}

const communeFile = (name: string): string => path.join(dir, COMMUNES, `xa-${name}.xlsx`);

beforeAll(async () => {
  const demo = await cchc('demo', '--communes', '5');
  expect(demo.code).toBe(0);
  fs.mkdirSync(path.join(dir, BAD));
  fs.mkdirSync(path.join(dir, RESENT));
  const bad = (name: string): string => path.join(dir, BAD, name);
  const good = fs.readFileSync(communeFile('long-dien-a'));
  fs.writeFileSync(bad('empty.xlsx'), Buffer.alloc(0));
  fs.writeFileSync(bad('corrupt.xlsx'), Buffer.from('PK\u0003\u0004 this is not really a zip file'));
  fs.writeFileSync(bad('truncated.xlsx'), good.subarray(0, Math.floor(good.length / 2)));
  // A password-protected workbook is an OLE compound file (EncryptedPackage), not a zip.
  const cfb = Buffer.alloc(4096);
  Buffer.from('d0cf11e0a1b11ae1', 'hex').copy(cfb);
  fs.writeFileSync(bad('mat-khau.xlsx'), cfb);
  const notTracker = await openXlsx({ firstSheet: 'Trang tính1' });
  await notTracker.apply({
    write: [],
    updates: [{ sheet: 'Trang tính1', cell: 'A1', value: 'Danh sách cán bộ' }],
  });
  fs.writeFileSync(bad('danh-sach.xlsx'), await notTracker.toBuffer());
  // Another year's tracker, of a commune not otherwise in the batch.
  expect(
    (await cchc('init', '--year', '2025', '--out', path.join(BAD, 'nam-2025.xlsx'), ...INIT_NAMES)).code,
  ).toBe(0);
  // A tracker whose structure the check rejects: the deadline column's header is gone.
  await edited(communeFile('long-dien-a'), bad('mat-cot.xlsx'), (wb) => {
    const sheet = wb.getWorksheet(SHEET.tracker)!;
    sheet.getRow(1).eachCell((cell) => {
      if (cell.value === HEADERS.deadline) cell.value = 'Hạn';
    });
  });
  // Cài đặt without the unit's name: whose figures these are is unknown.
  await edited(communeFile('long-dien-a'), bad('khong-ten.xlsx'), (wb) => {
    wb.getWorksheet(SHEET.settings)!.eachRow((row) => {
      if (row.getCell(1).value === SETTING_LABEL.unitName) row.getCell(2).value = null;
    });
  });
  // A consolidation's own output sent back in.
  const first = await cchc('consolidate', COMMUNES, '--period', PERIOD, '--as-of', AS_OF, '--out', 'th.xlsx');
  expect(first.code).toBe(0);
  fs.copyFileSync(path.join(dir, 'th.xlsx'), bad('bang-tong-hop.xlsx'));
  // Long Điền B emailed again, having compiled its report once more since: the resent file is newer by its
  // own last-compiled time (even though its file time is older).
  const resentB = path.join(dir, RESENT, 'xa-long-dien-b.xlsx');
  fs.copyFileSync(communeFile('long-dien-b'), resentB);
  const later = cchcIn(dir, new Date('2026-09-05T02:00:00Z'));
  expect((await later('report', resentB, '--period', PERIOD, '--as-of', AS_OF)).code).toBe(0);
  fs.utimesSync(resentB, new Date('2026-09-01T00:00:00Z'), new Date('2026-09-01T00:00:00Z'));
  // Mỹ Hội Đông (which has compiled no report) emailed twice: the older file by file time is dropped.
  const resentD = path.join(dir, RESENT, 'xa-my-hoi-dong (1).xlsx');
  fs.copyFileSync(communeFile('my-hoi-dong'), resentD);
  fs.utimesSync(resentD, new Date('2026-09-02T00:00:00Z'), new Date('2026-09-02T00:00:00Z'));
  fs.utimesSync(
    communeFile('my-hoi-dong'),
    new Date('2026-09-03T00:00:00Z'),
    new Date('2026-09-03T00:00:00Z'),
  );
}, 120_000);

describe('consolidating good files', () => {
  let json: ConsolidationJson;
  let code: number;

  beforeAll(async () => {
    const r = await cchc(
      'consolidate',
      COMMUNES,
      '--period',
      PERIOD,
      '--as-of',
      AS_OF,
      '--out',
      'ok.xlsx',
      '--json',
    );
    code = r.code;
    json = JSON.parse(r.out) as ConsolidationJson;
  });

  it('exits 0 when every file was used', () => {
    expect(code).toBe(0);
    expect(json).toMatchObject({ period: PERIOD, asOf: AS_OF, failed: [], duplicates: [] });
    expect(json.communes).toHaveLength(5);
  });

  it('gives every commune exactly the figures of its own cchc report --json for the same period and day', async () => {
    for (const commune of json.communes) {
      const own = await cchc(
        'report',
        commune.file,
        '--period',
        PERIOD,
        '--as-of',
        AS_OF,
        '--out',
        path.join('own', path.basename(commune.file)),
        '--json',
      );
      expect(own.code).toBe(0);
      const report = JSON.parse(own.out) as {
        totals: Counts;
        completionRate: number | null;
        from: string;
        tthc?: {
          totals: Record<string, number>;
          byField: unknown[];
          onTimeRate: number | null;
          months: number[];
        };
      };
      expect(commune.totals).toEqual(report.totals);
      expect(commune.completionRate).toBe(report.completionRate);
      // The TTHC figures too, where the commune typed any.
      const typed = (report.tthc?.months.length ?? 0) > 0;
      expect(commune.tthcOnTimeRate).toBe(typed ? report.tthc!.onTimeRate : null);
      expect(commune.tthc).toEqual(
        typed ? { totals: report.tthc!.totals, byField: report.tthc!.byField } : null,
      );
    }
    // Some communes typed dossier counts and some did not.
    expect(json.communes.some((c) => c.tthc !== null)).toBe(true);
    expect(json.communes.some((c) => c.tthc === null)).toBe(true);
    // The communes differ (the test would prove little otherwise), and one counts by Nghị định 09/2019.
    expect(new Set(json.communes.map((c) => c.completionRate)).size).toBeGreaterThan(2);
  });

  it('adds the totals up: every key of the totals is the sum over the communes', () => {
    for (const key of Object.keys(json.totals)) {
      if (key === 'completionRate') continue;
      expect([key, json.totals[key]]).toEqual([
        key,
        json.communes.reduce((n, c) => n + (c.totals[key] as number), 0),
      ]);
    }
    expect(json.completionRate).toBeCloseTo(json.totals.rateOnTime / json.totals.rateDue, 12);
    expect(json.totals.completionRate).toBe(json.completionRate);
  });

  it('sorts the communes by unit name in Vietnamese order and says which compiled their report, when', () => {
    expect(json.communes.map((c) => c.unit)).toEqual([
      'UBND xã Kiến An',
      'UBND xã Long Điền A',
      'UBND xã Long Điền B',
      'UBND xã Mỹ Hội Đông',
      'UBND xã Nhơn Mỹ',
    ]);
    const byUnit = Object.fromEntries(json.communes.map((c) => [c.unit, c]));
    expect(byUnit['UBND xã Mỹ Hội Đông'].ownReport).toBeNull();
    expect(byUnit['UBND xã Long Điền A'].ownReport).toEqual({ sheet: 'Báo cáo 9 tháng 2026', day: AS_OF });
    expect(json.communes.every((c) => c.year === 2026)).toBe(true);
  });

  it('writes the three sheets: one row per commune and a total, every overdue task, no failed file', async () => {
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(path.join(dir, 'ok.xlsx'));
    expect(wb.worksheets.filter((s) => s.state === 'visible').map((s) => s.name)).toEqual([
      CONSOLIDATION_SHEET.communes,
      CONSOLIDATION_SHEET.overdue,
      CONSOLIDATION_SHEET.tthc,
      CONSOLIDATION_SHEET.failed,
    ]);
    const table = wb.getWorksheet(CONSOLIDATION_SHEET.communes)!;
    const units = json.communes.map((c, i) => table.getCell(`B${5 + i}`).value);
    expect(units).toEqual(json.communes.map((c) => c.unit));
    expect(table.getCell('B10').value).toBe('Tổng cộng (5 xã)');
    expect(table.getCell('D10').value).toBe(json.totals.tasks);
    const overdue = wb.getWorksheet(CONSOLIDATION_SHEET.overdue)!;
    let listed = 0;
    overdue.eachRow((row, n) => {
      if (n > 4 && typeof row.getCell(1).value === 'number') listed += 1;
    });
    expect(listed).toBe(json.totals.overdue);
    expect(wb.getWorksheet(CONSOLIDATION_SHEET.failed)!.getCell('A5').value).toMatch(/đọc được/);
    // TTHC các xã: per commune with figures, a row per field then "Cộng", then the province's total; the
    // received column (G: Tổng số hồ sơ) equals the JSON's figures, row by row.
    const tthc = wb.getWorksheet(CONSOLIDATION_SHEET.tthc)!;
    const expected: [string, number][] = [];
    for (const c of json.communes.filter((x) => x.tthc !== null)) {
      for (const f of c.tthc!.byField) expected.push([f.field, f.received]);
      expected.push(['Cộng', c.tthc!.totals.received]);
    }
    const got: [string, number][] = [];
    for (let r = 5; r < 5 + expected.length; r++)
      // A commune's total row says the months its figures cover: "Cộng (tháng 1–7)".
      got.push([
        String(tthc.getCell(`C${r}`).value).replace(/^Cộng \(tháng 1–\d+\)$/, 'Cộng'),
        tthc.getCell(`G${r}`).value as number,
      ]);
    expect(got).toEqual(expected);
    const totalRow = 5 + expected.length;
    const withTthc = json.communes.filter((x) => x.tthc !== null);
    expect(tthc.getCell(`B${totalRow}`).value).toBe(`Tổng cộng (${withTthc.length} xã)`);
    expect(tthc.getCell(`G${totalRow}`).value).toBe(
      withTthc.reduce((n, c) => n + c.tthc!.totals.received, 0),
    );
  });

  it('prints a progress line per file where standard error is a terminal', async () => {
    const progress: string[] = [];
    const io: CliIo = {
      out: () => undefined,
      err: () => undefined,
      progress: (l) => progress.push(l),
      now: () => NOW,
      cwd: dir,
    };
    expect(
      await runCli(['consolidate', COMMUNES, '--period', PERIOD, '--as-of', AS_OF, '--out', 'p.xlsx'], io),
    ).toBe(0);
    expect(progress).toHaveLength(5);
    expect(progress[0]).toMatch(/^\[1\/5\] out\/cac-xa\/xa-kien-an\.xlsx: UBND xã Kiến An$/);
  });
});

describe('bad input never stops the batch', () => {
  let json: ConsolidationJson;
  let run: { code: number; out: string; err: string };
  let before: Record<string, string>;
  let after: Record<string, string>;
  const inputs = [COMMUNES, BAD, RESENT];

  beforeAll(async () => {
    before = Object.fromEntries(
      inputs.flatMap((p) => Object.entries(tree(path.join(dir, p))).map(([k, v]) => [`${p}/${k}`, v])),
    );
    run = await cchc(
      'consolidate',
      ...inputs,
      '--period',
      PERIOD,
      '--as-of',
      AS_OF,
      '--out',
      'all.xlsx',
      '--json',
    );
    json = JSON.parse(run.out) as ConsolidationJson;
    after = Object.fromEntries(
      inputs.flatMap((p) => Object.entries(tree(path.join(dir, p))).map(([k, v]) => [`${p}/${k}`, v])),
    );
  });

  it('exits 1, and consolidates every commune that could be used', () => {
    expect(run.code).toBe(1);
    expect(json.communes.map((c) => c.unit)).toHaveLength(5);
  });

  it.each([
    ['empty.xlsx', /Tệp rỗng \(0 byte\)/],
    ['corrupt.xlsx', /Không đọc được tệp/],
    ['truncated.xlsx', /Không đọc được tệp/],
    ['mat-khau.xlsx', /Không đọc được tệp/],
    ['danh-sach.xlsx', /không phải bảng theo dõi/],
    ['nam-2025.xlsx', /năm 2025.*9 tháng năm 2026/],
    ['mat-cot.xlsx', new RegExp(`Không đọc được bảng theo dõi: .*${HEADERS.deadline}`)],
    ['khong-ten.xlsx', /Tên đơn vị/],
    ['bang-tong-hop.xlsx', /bảng tổng hợp các xã/],
  ])('%s is listed with its reason in Vietnamese', (name, reason) => {
    const failed = json.failed.find((f) => f.file === path.join(BAD, name));
    expect(failed?.reason).toMatch(reason);
    expectNoStack(failed?.reason ?? '');
    expect(failed?.reason).not.toMatch(/[A-Za-z]+Error|zip|undefined/);
  });

  it('keeps the newest file of a commune sent twice and lists the other', () => {
    expect(json.duplicates).toEqual([
      {
        unit: 'UBND xã Long Điền B',
        kept: path.join(RESENT, 'xa-long-dien-b.xlsx'),
        dropped: [path.join(COMMUNES, 'xa-long-dien-b.xlsx')],
      },
      {
        unit: 'UBND xã Mỹ Hội Đông',
        kept: path.join(COMMUNES, 'xa-my-hoi-dong.xlsx'),
        dropped: [path.join(RESENT, 'xa-my-hoi-dong (1).xlsx')],
      },
    ]);
    expect(json.failed).toHaveLength(9);
  });

  it('lists every file not used on "Tệp không đọc được"', async () => {
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(path.join(dir, 'all.xlsx'));
    const sheet = wb.getWorksheet(CONSOLIDATION_SHEET.failed)!;
    const rows: string[] = [];
    sheet.eachRow((row, n) => {
      if (n > 4) rows.push(`${String(row.getCell(2).value)}: ${String(row.getCell(3).value)}`);
    });
    expect(rows).toHaveLength(11);
    expect(rows.find((r) => r.startsWith(path.join(RESENT, 'xa-my-hoi-dong (1).xlsx')))).toMatch(
      /tệp sửa lần cuối lúc/,
    );
    expect(rows.find((r) => r.startsWith(path.join(COMMUNES, 'xa-long-dien-b.xlsx')))).toMatch(
      /lập báo cáo lần cuối lúc 05\/09\/2026 09:00/,
    );
  });

  it('changes no input file by a byte (nor its time)', () => {
    expect(after).toEqual(before);
  });

  it('refuses an --out that is one of the inputs: named, or found in an input folder, --force or not (issue 20)', async () => {
    // A commune's workbook that happens to carry the --out name is an input, not an earlier consolidation.
    const inFolder = path.join(dir, COMMUNES, 'tong-hop.xlsx');
    fs.copyFileSync(path.join(dir, 'ok.xlsx'), inFolder);
    const before = fs.readFileSync(inFolder);
    try {
      for (const force of [[], ['--force']]) {
        const again = await cchc(
          'consolidate',
          COMMUNES,
          '--period',
          PERIOD,
          '--as-of',
          AS_OF,
          '--out',
          path.join(COMMUNES, 'tong-hop.xlsx'),
          ...force,
        );
        expect(again.code).toBe(2);
        expect(again.err).toContain('nằm trong thư mục cần tổng hợp');
        expect(fs.readFileSync(inFolder).equals(before)).toBe(true);
      }
      const refused = await cchc(
        'consolidate',
        communeFile('kien-an'),
        '--period',
        PERIOD,
        '--out',
        communeFile('kien-an'),
      );
      expect(refused.code).toBe(2);
      expect(refused.err).toContain('không bao giờ ghi vào tệp của xã');
    } finally {
      fs.rmSync(inFolder);
    }
  });
});

describe('bad usage exits 2 with one Vietnamese line and reads nothing', () => {
  it.each([
    [['consolidate', COMMUNES, '--out', 'x.xlsx'], '--period'],
    [['consolidate', COMMUNES, '--period', PERIOD], '--out'],
    [['consolidate', '--period', PERIOD, '--out', 'x.xlsx'], 'Thiếu tệp hoặc thư mục'],
    [['consolidate', COMMUNES, '--period', '2026-Q5', '--out', 'x.xlsx'], '2026-Q5'],
    [['consolidate', COMMUNES, '--period', PERIOD, '--out', 'x.xlsm'], '.xlsx'],
    [['consolidate', COMMUNES, '--period', PERIOD, '--as-of', '2025-12-01', '--out', 'x.xlsx'], '2025-12-01'],
    [['consolidate', 'khong-co', '--period', PERIOD, '--out', 'x.xlsx'], '"khong-co"'],
    [['consolidate', RESENT, 'empty-dir', '--period', PERIOD, '--out', 'x.xlsx', '--jsn'], '--json'],
  ])('%j', async (argv, says) => {
    const r = await cchc(...argv);
    expect(r.code).toBe(2);
    expect(r.out).toBe('');
    expect(r.err.split('\n')).toHaveLength(1);
    expect(r.err).toContain(says);
    expectNoStack(r.err);
    expect(fs.existsSync(path.join(dir, 'x.xlsx'))).toBe(false);
  });

  it('a folder with no workbook in it', async () => {
    fs.mkdirSync(path.join(dir, 'empty-dir'), { recursive: true });
    fs.writeFileSync(path.join(dir, 'empty-dir', 'ghi-chu.txt'), 'không phải sổ');
    fs.writeFileSync(path.join(dir, 'empty-dir', '~$xa-a.xlsx'), 'Excel owner file');
    const r = await cchc('consolidate', 'empty-dir', '--period', PERIOD, '--out', 'x.xlsx');
    expect(r.code).toBe(2);
    expect(r.err).toContain('Không tìm thấy tệp .xlsx hoặc .xlsm nào trong "empty-dir"');
  });
});
