/**
 * Nonsense is refused: an unknown option or a typo, a value missing or given to a flag, an option given twice,
 * an extra argument, an --out that is no workbook or of another kind than its input, a folder given as a
 * file, an as-of day before the period can have begun. Each exits 2 with one Vietnamese line naming what is
 * wrong, and writes nothing. Help, in every spelling, prints the usage and writes nothing.
 */
import * as crypto from 'node:crypto';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { COMMAND_SPECS } from '../../src/cli/main';
import { CLI } from '../../src/i18n/cli';
import { FILES } from '../../src/i18n/xlsx';
import { cchcIn, expectNoStack } from './run';
import { INIT_NAMES } from '../support/identity';

const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'cchc-refuse-'));
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

const NOW = new Date('2026-06-05T03:00:00Z');
const cchc = cchcIn(dir, NOW);
const tracker = path.join(dir, 'kh.xlsx');

/** Every file under `root` with a hash of its bytes: equal before and after means nothing was written. */
function treeWithFolders(root: string): Record<string, string> {
  const out: Record<string, string> = {};
  const walk = (d: string): void => {
    for (const e of fs.readdirSync(d, { withFileTypes: true })) {
      const full = path.join(d, e.name);
      if (e.isDirectory()) {
        out[`${path.relative(root, full)}/`] = '';
        walk(full);
      } else
        out[path.relative(root, full)] = crypto
          .createHash('sha1')
          .update(fs.readFileSync(full))
          .digest('hex');
    }
  };
  walk(root);
  return out;
}

beforeAll(async () => {
  expect((await cchc('init', '--year', '2026', '--out', tracker, ...INIT_NAMES)).code).toBe(0);
  fs.copyFileSync(tracker, path.join(dir, 'macro.xlsm'));
  fs.mkdirSync(path.join(dir, 'folder.xlsx'));
});

describe('refused with exit 2, one Vietnamese line naming the culprit, nothing written', () => {
  it.each([
    // unknown options and typos
    [
      ['report', 'kh.xlsx', '--asof', '2026-06-04'],
      ['--asof', 'có phải --as-of?'],
    ],
    [
      ['report', 'kh.xlsx', '--period', '2026-Q2', '--as_of', '2026-06-04'],
      ['--as_of', '--as-of?'],
    ],
    [
      ['check', 'kh.xlsx', '--tody', '2026-06-04'],
      ['--tody', '--today?'],
    ],
    [['check', 'kh.xlsx', '-x'], ['-x']],
    [
      ['init', '--json'],
      ['init', '--json'],
    ],
    // values missing, or given to a flag; an option twice
    [['report', 'kh.xlsx', '--out'], ['Thiếu giá trị cho --out']],
    [['report', 'kh.xlsx', '--out', '--json'], ['Thiếu giá trị cho --out']],
    [['report', 'kh.xlsx', '--period='], ['Thiếu giá trị cho --period']],
    [['check', 'kh.xlsx', '--json=yes'], ['--json không nhận giá trị']],
    [
      ['report', 'kh.xlsx', '--period', '2026-Q2', '--period', '2026-Q3'],
      ['--period', 'hai lần'],
    ],
    // extra positional arguments
    [['check', 'kh.xlsx', 'kh2.xlsx'], ['Thừa đối số "kh2.xlsx"']],
    [['report', 'kh.xlsx', '2026-Q2'], ['Thừa đối số "2026-Q2"']],
    [
      ['init', 'kh3.xlsx'],
      ['init', '"kh3.xlsx"'],
    ],
    [
      ['demo', 'bây giờ'],
      ['demo', '"bây giờ"'],
    ],
    // --out that is no workbook, or not of the input's kind
    [
      ['init', '--out', 'kq.pdf'],
      ['--out "kq.pdf"', '.xlsx hoặc .xlsm'],
    ],
    [
      ['init', '--out', 'kq'],
      ['--out "kq"', '.xlsx hoặc .xlsm'],
    ],
    [
      ['init', '--out', 'moi.xlsm'],
      ['--out "moi.xlsm"', '.xlsx'],
    ],
    [['report', 'kh.xlsx', '--period', '2026-Q2', '--out', 'kq.csv'], ['--out "kq.csv"']],
    [
      ['report', 'kh.xlsx', '--period', '2026-Q2', '--out', 'kq.xlsm'],
      ['--out "kq.xlsm"', '.xlsx'],
    ],
    [
      ['report', 'macro.xlsm', '--period', '2026-Q2', '--out', 'kq.xlsx'],
      ['--out "kq.xlsx"', '.xlsm'],
    ],
    // a folder given as a file
    [['check', 'folder.xlsx'], ['"folder.xlsx" là thư mục']],
    [['report', 'folder.xlsx', '--period', '2026-Q2'], ['"folder.xlsx" là thư mục']],
    [
      ['report', 'kh.xlsx', '--period', '2026-Q2', '--out', 'folder.xlsx'],
      ['--out "folder.xlsx" là thư mục'],
    ],
    [['init', '--out', 'folder.xlsx'], ['--out "folder.xlsx" là thư mục']],
    // periods and days that need no file to refuse
    [['report', 'kh.xlsx', '--period', '2026-Q5'], ['--period "2026-Q5"']],
    [
      ['report', 'kh.xlsx', '--period', '2026-Q1', '--as-of', '2025-12-01'],
      ['--as-of 2025-12-01', '01/01/2026'],
    ],
    [
      ['report', 'kh.xlsx', '--period', '2026-Q1', '--as-of', '2025-12-14'],
      ['--as-of 2025-12-14', '15/12/2025'],
    ],
    [
      ['report', 'kh.xlsx', '--period', '2027-Q1'],
      ['--period 2027-Q1', '05/06/2026', 'chưa bắt đầu'],
    ],
    [['report', 'kh.xlsx', '--as-of', '2026-02-30'], ['--as-of "2026-02-30"']],
  ])('%j', async (argv, says) => {
    const before = treeWithFolders(dir);
    const r = await cchc(...argv);
    expect({ code: r.code, out: r.out }).toEqual({ code: 2, out: '' });
    expect(r.err.split('\n')).toHaveLength(1);
    for (const s of says) expect(r.err).toContain(s);
    expectNoStack(r.err);
    expect(treeWithFolders(dir)).toEqual(before);
  });

  it('lets through what only the workbook can refuse: 15/12 of the year before starts a decree-09 period', async () => {
    // The calendar window starts 01/01, the Nghị định 09 window 15/12 of the year before; which one applies is
    // a workbook setting, so the command line refuses only what no setting allows and goes on to the file.
    const early = await cchc('report', 'khong-co.xlsx', '--period', '2026-Q1', '--as-of', '2025-12-14');
    expect(early.err).toContain('--as-of 2025-12-14');
    const earliest = await cchc('report', 'khong-co.xlsx', '--period', '2026-Q1', '--as-of', '2025-12-15');
    expect(earliest.err).toBe(FILES.notFound(path.join(dir, 'khong-co.xlsx')));
  });
});

describe('an as-of day after today', () => {
  it('is accepted with a one-line warning on stderr, and the report is written', async () => {
    const r = await cchc(
      'report',
      'kh.xlsx',
      '--period',
      '2026-Q2',
      '--as-of',
      '2026-06-20',
      '--out',
      'later.xlsx',
      '--json',
    );
    expect(r.code).toBe(0);
    expect(r.err.split('\n')).toHaveLength(1);
    expect(r.err).toContain('Cảnh báo: --as-of 2026-06-20 ở sau hôm nay (05/06/2026)');
    expect(JSON.parse(r.out)).toMatchObject({ asOf: '2026-06-20', period: '2026-Q2' });
    expect(fs.existsSync(path.join(dir, 'later.xlsx'))).toBe(true);
  });

  it('today itself gives no warning', async () => {
    const r = await cchc('report', 'kh.xlsx', '--period', '2026-Q2', '--out', 'today.xlsx');
    expect({ code: r.code, err: r.err }).toEqual({ code: 0, err: '' });
  });
});

describe('help', () => {
  it.each([
    [['help']],
    [['--help']],
    [['-h']],
    [['help', 'demo']],
    [['demo', '--help']],
    [['demo', '-h']],
    [['report', '--help']],
    [['report', 'kh.xlsx', '--period', '2026-Q2', '-h']],
    [['init', '--year', '2026', '--help']],
    [['check', '--help', '--tody', 'x']],
  ])('%j prints the usage and writes nothing (the demo does not run)', async (argv) => {
    const empty = fs.mkdtempSync(path.join(os.tmpdir(), 'cchc-help-'));
    try {
      const r = await cchcIn(empty, NOW)(...argv);
      expect({ code: r.code, err: r.err }).toEqual({ code: 0, err: '' });
      expect(r.out).toMatch(/^Cách dùng/);
      expect(fs.readdirSync(empty)).toEqual([]);
    } finally {
      fs.rmSync(empty, { recursive: true, force: true });
    }
  });

  it('the usage lists every command and every option; each command’s usage lists its own', async () => {
    const all = (await cchc('--help')).out;
    for (const [name, spec] of Object.entries(COMMAND_SPECS)) {
      expect(all).toContain(`cchc ${name}`);
      const own = (await cchc(name, '--help')).out;
      expect(own).toBe(CLI.commandUsage(name as keyof typeof COMMAND_SPECS));
      expect(own).toContain(`cchc ${name}`);
      for (const option of Object.keys(spec.options)) {
        expect(all).toContain(`--${option}`);
        expect(own).toContain(`--${option}`);
      }
    }
    expect(all).toContain('--help');
    expect(all).toContain('cchc help');
  });

  it('help for a command that does not exist is refused', async () => {
    const r = await cchc('help', 'xuat');
    expect(r.code).toBe(2);
    expect(r.err).toContain('"xuat"');
  });
});

describe('what only the workbook can refuse (the report action, reason badRequest)', () => {
  const later = cchcIn(dir, new Date('2027-01-12T03:00:00Z'));

  it.each([
    // A 2027 period on the 2026 tracker.
    [['report', 'kh.xlsx', '--period', '2027-Q1', '--as-of', '2027-01-10', '--out', 'y2027.xlsx'], '2027'],
    // The same with an as-of after today: refused, so no warning line either.
    [['report', 'kh.xlsx', '--period', '2027-Q1', '--as-of', '2027-02-01'], '2027'],
    // 20/12/2025 opens a Nghị định 09 window, but this tracker counts by calendar quarters: Q1 starts 01/01.
    [
      ['report', 'kh.xlsx', '--period', '2026-Q1', '--as-of', '2025-12-20', '--out', 'early.xlsx'],
      '01/01/2026',
    ],
  ])('%j exits 2 with one Vietnamese line and writes nothing', async (argv, says) => {
    const before = treeWithFolders(dir);
    const r = await later(...argv);
    expect({ code: r.code, out: r.out }).toEqual({ code: 2, out: '' });
    expect(r.err.split('\n')).toHaveLength(1);
    expect(r.err).toContain(says);
    expect(r.err).toContain('cchc report --help');
    expectNoStack(r.err);
    expect(treeWithFolders(dir)).toEqual(before);
  });
});
