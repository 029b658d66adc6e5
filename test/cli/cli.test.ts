/** `cchc` as a user runs it: exit codes, one-line Vietnamese messages, JSON shapes, idempotent reports. */
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import ExcelJS from 'exceljs';
import type { CliIo } from '../../src/cli/io';
import { runCli } from '../../src/cli/main';
import { INIT_NAMES } from '../support/identity';

const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'cchc-cli-'));
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

async function cchc(...argv: string[]): Promise<{ code: number; out: string; err: string }> {
  const out: string[] = [];
  const err: string[] = [];
  const io: CliIo = {
    out: (l) => out.push(l),
    err: (l) => err.push(l),
    now: () => new Date('2026-06-05T03:00:00Z'),
    cwd: dir,
  };
  const code = await runCli(argv, io);
  return { code, out: out.join('\n'), err: err.join('\n') };
}

const noStack = (text: string): void => {
  expect(text).not.toMatch(/\n\s+at |Error:|TypeError|undefined/);
};

describe('cchc', () => {
  const file = path.join(dir, 'kh.xlsx');

  it('init writes the tracker for the year and says where', async () => {
    const r = await cchc('init', '--year', '2026', '--out', file, ...INIT_NAMES);
    expect(r.code).toBe(0);
    expect(r.out).toContain('48 nhiệm vụ');
    expect(r.out).toContain(file);
    const again = await cchc('init', '--year', '2026', '--out', file, ...INIT_NAMES);
    expect(again.code).toBe(2);
    expect(again.err).toContain('đã có sẵn');
    noStack(again.err);
  });

  it('check exits 0 on a clean tracker and 1 with errors, with JSON as documented', async () => {
    expect((await cchc('check', file, '--today', '2026-06-05')).code).toBe(0);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(file);
    wb.getWorksheet('Nhiệm vụ')!.getCell('H5').value = 'Xong rồi';
    const broken = path.join(dir, 'broken.xlsx');
    await wb.xlsx.writeFile(broken);
    const r = await cchc('check', broken, '--today', '2026-06-05', '--json');
    expect(r.code).toBe(1);
    const json = JSON.parse(r.out) as { errors: Record<string, string>[]; warnings: unknown[] };
    expect(json.errors).toEqual([
      expect.objectContaining({
        sheet: 'Nhiệm vụ',
        cell: 'H5',
        code: 'unknownStatus',
        message: expect.stringContaining('Xong rồi'),
      }),
    ]);
    expect(Array.isArray(json.warnings)).toBe(true);
  });

  it('report --json gives totals equal to an independent count, and running it twice keeps one sheet', async () => {
    const first = await cchc('report', file, '--period', '2026-Q2', '--as-of', '2026-06-05', '--json');
    expect(first.code).toBe(0);
    const a = JSON.parse(first.out);
    expect(a).toMatchObject({
      period: '2026-Q2',
      from: '2026-01-01',
      to: '2026-06-30',
      asOf: '2026-06-05',
      sheet: 'Báo cáo 6 tháng 2026',
    });
    // Independent count, straight from the cells with ExcelJS: a fresh tracker has nothing done; a task due
    // after 30/06 is "Chưa đến kỳ", before 05/06 overdue, 05/06–12/06 due soon, no deadline ongoing; the task
    // of writing this very report (due 05/06) is none of its figures.
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(file);
    const counts = {
      tasks: 0,
      overdue: 0,
      dueSoon: 0,
      onTrack: 0,
      ongoing: 0,
      notYetInPeriod: 0,
      dueToday: 0,
    };
    wb.getWorksheet('Nhiệm vụ')!.eachRow((row, n) => {
      if (n === 1) return;
      if (row.getCell(3).value === 'Báo cáo kết quả thực hiện kế hoạch 6 tháng đầu năm 2026') return;
      const g = row.getCell(7).value;
      counts.tasks += 1;
      if (!(g instanceof Date)) counts.ongoing += 1;
      else {
        const iso = g.toISOString().slice(0, 10);
        if (iso > '2026-06-30') counts.notYetInPeriod += 1;
        else if (iso < '2026-06-05') counts.overdue += 1;
        else if (iso <= '2026-06-12') {
          counts.dueSoon += 1;
          if (iso === '2026-06-05') counts.dueToday += 1;
        } else counts.onTrack += 1;
      }
    });
    const { dueToday, ...states } = counts;
    // Nothing done: the completion rate is 0 over the tasks come due (overdue, and due on the as-of day).
    expect(a.totals).toEqual({
      ...states,
      doneOnTime: 0,
      doneLate: 0,
      dataError: 0,
      rateOnTime: 0,
      rateDue: counts.overdue + dueToday,
      completionRate: 0,
    });
    expect(a.completionRate).toBe(0);
    expect(a.dataErrors).toEqual([]);
    const second = await cchc('report', file, '--period', '2026-Q2', '--as-of', '2026-06-05', '--json');
    expect(JSON.parse(second.out)).toEqual(a);
    const after = new ExcelJS.Workbook();
    await after.xlsx.readFile(file);
    const names = after.worksheets.map((w) => w.name);
    expect(names.filter((n) => n.startsWith('Báo cáo'))).toEqual(['Báo cáo 6 tháng 2026']);
    expect(names).toContain('Tổng hợp');
  });

  it('report --out leaves the input as it was', async () => {
    const before = fs.readFileSync(file);
    const out = path.join(dir, 'out.xlsx');
    expect(
      (await cchc('report', file, '--period', '2026-Q3', '--as-of', '2026-06-05', '--out', out)).code,
    ).toBe(0);
    expect(fs.readFileSync(file).equals(before)).toBe(true);
    expect(fs.existsSync(out)).toBe(true);
  });

  it.each([
    [['report', 'kh.xlsx', '--period', '2026-Q5'], 'không hợp lệ'],
    [['check', 'kh.xlsx', '--today', '2026-02-30'], 'ngày 30/2/2026 không có (tháng 2 năm 2026 có 28 ngày)'],
    [['check', 'kh.xlsx', '--today', '30/02/2026'], 'ngày 30/2/2026 không có'],
    [['check', 'kh.xlsx', '--today', 'hôm qua'], 'không phải một ngày: hãy gõ ngày dạng dd/mm/yyyy'],
    [['check'], 'Thiếu tên tệp'],
    [['check', 'khong-co.xlsx'], 'Không tìm thấy tệp'],
    [['lam-gi-do'], 'không có'],
    [['init', '--year', '20x6'], 'không hợp lệ'],
    [[], 'Thiếu lệnh'],
  ])('exits 2 with a Vietnamese line for %j', async (argv, text) => {
    const r = await cchc(...argv);
    expect(r.code).toBe(2);
    expect(r.err.split('\n')).toHaveLength(1);
    expect(r.err).toContain(text);
    noStack(r.err);
  });

  it('a status typed as officers write it is Lỗi dữ liệu in check and report, never overdue, with its fix', async () => {
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(file);
    const sheet = wb.getWorksheet('Nhiệm vụ')!;
    let row = 0;
    sheet.eachRow((r, n) => {
      const g = r.getCell(7).value;
      if (row === 0 && n > 1 && g instanceof Date && g.toISOString().slice(0, 10) < '2026-05-01') row = n;
    });
    expect(row).toBeGreaterThan(1);
    sheet.getCell(`H${row}`).value = 'Đã hoàn thành';
    sheet.getCell(`I${row}`).value = new Date(Date.UTC(2026, 3, 20));
    const typed = path.join(dir, 'typed.xlsx');
    await wb.xlsx.writeFile(typed);
    const check = JSON.parse((await cchc('check', typed, '--today', '2026-06-05', '--json')).out) as {
      errors: { cell: string; code: string; fix?: { becomes: string } }[];
    };
    expect(check.errors).toEqual([
      expect.objectContaining({
        cell: `H${row}`,
        code: 'unknownStatus',
        fix: expect.objectContaining({ becomes: 'Hoàn thành' }),
      }),
    ]);
    const report = async (f: string): Promise<{ overdue: number; dataError: number }> =>
      JSON.parse(
        (
          await cchc(
            'report',
            f,
            '--period',
            '2026-Q2',
            '--as-of',
            '2026-06-05',
            '--json',
            '--out',
            // One output per input: an existing --out is never replaced without --force.
            path.join(dir, `r-${path.basename(f)}`),
          )
        ).out,
      ).totals;
    const before = await report(file);
    const after = await report(typed);
    expect([after.overdue, after.dataError]).toEqual([before.overdue - 1, before.dataError + 1]);
  });

  it('exits 2 on a file that is not an .xlsx', async () => {
    const bad = path.join(dir, 'bad.xlsx');
    fs.writeFileSync(bad, 'đây không phải tệp Excel');
    const r = await cchc('check', bad);
    expect(r.code).toBe(2);
    expect(r.err).toContain('không phải .xlsx hoặc đã hỏng');
    noStack(r.err);
  });
});
