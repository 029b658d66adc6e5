/**
 * `cchc rollover` as a user runs it: the new file written, the old one byte for byte unchanged, the JSON as
 * documented, and every refusal one Vietnamese line with exit 2 and nothing written.
 */
import * as crypto from 'node:crypto';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { CLI } from '../../src/i18n/cli';
import { FILES } from '../../src/i18n/xlsx';
import { SHEET } from '../../src/i18n/vi';
import { ROLLOVER } from '../../src/i18n/rollover';
import { openXlsx } from '../../src/workbook/xlsx/xlsxWorkbook';
import { buildOldTracker } from '../support/oldTracker';
import { cchcIn, expectNoStack } from './run';

const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'cchc-rollover-'));
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

const cchc = cchcIn(dir, new Date('2026-11-29T03:00:00Z'));
const oldFile = path.join(dir, 'ke-hoach-2026.xlsx');
const hash = (file: string): string =>
  crypto.createHash('sha256').update(fs.readFileSync(file)).digest('hex');

/** Every file in the folder with its hash: equal before and after means nothing was written. */
function folder(): Record<string, string> {
  return Object.fromEntries(
    fs
      .readdirSync(dir, { withFileTypes: true })
      .filter((e) => e.isFile())
      .map((e) => [e.name, hash(path.join(dir, e.name))]),
  );
}

beforeAll(async () => {
  fs.writeFileSync(oldFile, (await buildOldTracker()).bytes);
});

describe('cchc rollover', () => {
  it('writes next year’s tracker with the unfinished work, and never changes FILE', async () => {
    const before = hash(oldFile);
    const r = await cchc('rollover', 'ke-hoach-2026.xlsx', '--to', '2027', '--out', 'ke-hoach-2027.xlsx');
    expect(r.code).toBe(0);
    expect(r.err).toBe('');
    const lines = r.out.split('\n');
    expect(lines[0]).toBe(ROLLOVER.done(2027, 46, 11, 2026));
    expect(lines.filter((l) => l.startsWith('  Dòng '))).toHaveLength(11);
    expect(r.out).toContain('Dòng 40 → dòng 55: Khảo sát, lắp đặt hệ thống camera');
    expect(r.out).toContain('— hạn 30/06/2026 — Quá hạn');
    expect(r.out).toContain('"Ghi chép riêng"');
    expect(lines[lines.length - 1]).toBe(CLI.written(path.join(dir, 'ke-hoach-2027.xlsx')));
    expect(hash(oldFile)).toBe(before);
    const made = await openXlsx(fs.readFileSync(path.join(dir, 'ke-hoach-2027.xlsx')));
    const { sheets } = await made.read([]);
    expect(sheets.map((s) => s.name)).toEqual([
      SHEET.tracker,
      SHEET.results,
      SHEET.tthc,
      SHEET.lists,
      SHEET.settings,
      'CCHC_SoDangKy',
    ]);
  });

  it('--json gives the years, the plan’s rows and every carried row', async () => {
    const r = await cchc('rollover', oldFile, '--to', '2027', '--out', 'json.xlsx', '--json');
    expect(r.code).toBe(0);
    const json = JSON.parse(r.out);
    expect(json).toMatchObject({ from: 2026, to: 2027, planRows: 46, out: path.join(dir, 'json.xlsx') });
    expect(json.carried).toHaveLength(11);
    expect(json.carried[0]).toEqual({
      row: 7,
      newRow: 48,
      task: expect.stringContaining('(Quý IV/2026)'),
      deadline: '2026-12-31',
      state: 'onTrack',
      dataError: false,
    });
    expect(json.carried.find((c: { row: number }) => c.row === 40)).toMatchObject({
      deadline: '2026-06-30',
      state: 'overdue',
    });
    expect(
      json.carried.filter((c: { dataError: boolean }) => c.dataError).map((c: { row: number }) => c.row),
    ).toEqual([18, 21]);
    expect(json.notes).toEqual(expect.arrayContaining([ROLLOVER.userSheets(['Ghi chép riêng'], 2026)]));
  });

  it('overwrites an existing output only with --force', async () => {
    const out = path.join(dir, 'twice.xlsx');
    expect((await cchc('rollover', oldFile, '--to', '2027', '--out', out)).code).toBe(0);
    const first = hash(out);
    const again = await cchc('rollover', oldFile, '--to', '2027', '--out', out);
    expect(again).toMatchObject({ code: 2, out: '', err: CLI.outExists(out) });
    expect(hash(out)).toBe(first);
    const forced = await cchc('rollover', oldFile, '--to', '2027', '--out', out, '--force');
    expect(forced.code).toBe(0);
  });

  it('prints its usage for --help', async () => {
    const r = await cchc('rollover', '--help');
    expect(r).toMatchObject({ code: 0, out: CLI.commandUsage('rollover') });
  });
});

describe('cchc rollover refuses with exit 2, one Vietnamese line, nothing written', () => {
  let broken: string;
  beforeAll(async () => {
    const book = await openXlsx(fs.readFileSync(oldFile));
    await book.apply({ write: [], updates: [{ sheet: SHEET.tracker, cell: 'G1', value: 'Hạn' }] });
    broken = path.join(dir, 'broken.xlsx');
    fs.writeFileSync(broken, await book.toBuffer());
  });

  it.each([
    [['--to', '2028', '--out', 'n.xlsx'], ROLLOVER.wrongYear(2028, 2026)],
    [['--to', '2026', '--out', 'n.xlsx'], ROLLOVER.wrongYear(2026, 2026)],
    [['--to', '27', '--out', 'n.xlsx'], CLI.badYearOption('--to', '27')],
    [['--out', 'n.xlsx'], CLI.missingOption('--to', 'NĂM')],
    [['--to', '2027'], CLI.missingOption('--out', 'TỆP.xlsx')],
    [['--to', '2027', '--out', 'n.xlsm'], CLI.newFileNotXlsx('n.xlsm')],
    [['--to', '2027', '--out', 'n.xlsx', '--forse'], 'có phải --force?'],
    [
      ['--to', '2027', '--out', 'ke-hoach-2026.xlsx'],
      CLI.outIsInput('ke-hoach-2026.xlsx', 'ke-hoach-2026.xlsx'),
    ],
    [
      ['--to', '2027', '--out', 'ke-hoach-2026.xlsx', '--force'],
      CLI.outIsInput('ke-hoach-2026.xlsx', 'ke-hoach-2026.xlsx'),
    ],
  ])('rollover FILE %j', async (args, message) => {
    const before = folder();
    const r = await cchc('rollover', 'ke-hoach-2026.xlsx', ...(args as string[]));
    expect(r.code).toBe(2);
    expect(r.out).toBe('');
    expect(r.err.split('\n')).toHaveLength(1);
    expect(r.err).toContain(message);
    expectNoStack(r.err);
    expect(folder()).toEqual(before);
  });

  it('refuses a tracker whose check has structural errors, with the check’s message', async () => {
    const before = folder();
    const r = await cchc('rollover', broken, '--to', '2027', '--out', 'n.xlsx');
    expect(r.code).toBe(2);
    expect(r.err).toMatch(/^Không chuyển được sang năm mới: Thiếu cột "Hạn hoàn thành"/);
    expect(r.err.split('\n')).toHaveLength(1);
    expect(folder()).toEqual(before);
  });

  it('refuses a file that is not there', async () => {
    const r = await cchc('rollover', 'khong-co.xlsx', '--to', '2027', '--out', 'n.xlsx');
    expect(r).toMatchObject({ code: 2, err: FILES.notFound(path.join(dir, 'khong-co.xlsx')) });
  });
});
