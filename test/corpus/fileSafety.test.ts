/**
 * The workbook is the user's (issue 13), shown through `cchc` in child processes, as a user or a script runs
 * it: two writers at once, files that must not be replaced, paths that are not files, leftovers of killed
 * runs, Ctrl+C, and kill -9 at any moment. Delays here only spread the moments a signal arrives; no
 * assertion depends on how long anything took.
 */
import { execFileSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';

import { openXlsx } from '../../src/workbook/xlsx/xlsxWorkbook';
import { addinTracker } from './build';
import { baseRows } from './cases';
import { type ProcessRun, runCchc } from './cliProcess';
import { deadPid } from '../support/deadPid';

const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'cchc-safety-'));
const root = process.getuid?.() === 0;
const REPORT = ['--period', '2026-Q2', '--as-of', '2026-06-05'];
let small: Uint8Array;
let large: Uint8Array;

beforeAll(async () => {
  small = await addinTracker(baseRows());
  // About 2,000 rows: each report takes long enough that runs started together overlap.
  large = await addinTracker(Array.from({ length: 80 }, () => baseRows()).flat());
}, 180_000);

afterAll(() => {
  if (!process.env.KEEP_TEST_FILES) fs.rmSync(dir, { recursive: true, force: true });
});

function place(name: string, bytes: Uint8Array, mode?: number): string {
  const sub = fs.mkdtempSync(path.join(dir, 'case-'));
  const file = path.join(sub, name);
  fs.writeFileSync(file, bytes);
  if (mode !== undefined) fs.chmodSync(file, mode);
  return file;
}

async function sheetNamesOf(file: string): Promise<string[]> {
  return (await (await openXlsx(new Uint8Array(fs.readFileSync(file)))).read([])).sheets.map((s) => s.name);
}

function expectOneLine(run: ProcessRun, ...says: string[]): void {
  expect(run.code).toBe(2);
  expect(run.err.split('\n')).toHaveLength(1);
  expect(run.err).not.toMatch(/\n\s+at |Error:/);
  for (const s of says) expect(run.err).toContain(s);
}

/** Files beside the workbook other than itself: temporary files, locks. */
function besides(file: string): string[] {
  return fs.readdirSync(path.dirname(file)).filter((n) => n !== path.basename(file));
}

describe('one writer at a time', () => {
  it('four reports of the same workbook started together: each waits its turn and every report is kept', async () => {
    const file = place('kh.xlsx', large);
    const runs = await Promise.all(
      ['2026-Q1', '2026-Q2', '2026-Q3', '2026-Q4'].map((period) =>
        runCchc(['report', file, '--period', period, '--as-of', '2026-06-05', '--json']),
      ),
    );
    for (const run of runs) expect({ code: run.code, err: run.err }).toEqual({ code: 0, err: '' });
    const written = runs.map((run) => (JSON.parse(run.out) as { sheet: string }).sheet);
    expect(new Set(written).size).toBe(4);
    expect(await sheetNamesOf(file)).toEqual(expect.arrayContaining(written));
    expect(besides(file)).toEqual([]);
  }, 180_000);

  it('a lock left by a killed run does not stop the next one', async () => {
    const file = place('kh.xlsx', small);
    const lock = path.join(path.dirname(file), '.kh.xlsx.cchc-lock');
    fs.writeFileSync(
      lock,
      JSON.stringify({ pid: deadPid(), host: os.hostname(), since: Date.now(), token: 'x' }),
    );
    const temp = path.join(path.dirname(file), `.kh.xlsx.${deadPid()}.${Date.now()}.tmp`);
    fs.writeFileSync(temp, 'nửa tệp');
    const run = await runCchc(['report', file, ...REPORT]);
    expect(run.code).toBe(0);
    expect(besides(file)).toEqual([]);
  });
});

describe('files that must not be replaced', () => {
  it('a read-only workbook (mode 444) is refused at once and left as it was', async () => {
    const file = place('kh.xlsx', small, 0o444);
    const run = await runCchc(['report', file, ...REPORT]);
    expectOneLine(run, 'chỉ đọc', file);
    expect(Buffer.from(fs.readFileSync(file)).equals(Buffer.from(small))).toBe(true);
    expect(fs.statSync(file).mode & 0o777).toBe(0o444);
    expect(besides(file)).toEqual([]);
  });

  it('a 0600 workbook stays 0600; a symlink stays a link and its target gets the report', async () => {
    const file = place('kh.xlsx', small, 0o600);
    expect((await runCchc(['report', file, ...REPORT])).code).toBe(0);
    expect(fs.statSync(file).mode & 0o777).toBe(0o600);

    const target = place('thật.xlsx', small, 0o640);
    const link = path.join(dir, 'lối tắt.xlsx');
    fs.symlinkSync(target, link);
    expect((await runCchc(['report', link, ...REPORT])).code).toBe(0);
    expect(fs.lstatSync(link).isSymbolicLink()).toBe(true);
    expect(fs.statSync(target).mode & 0o777).toBe(0o640);
    expect(await sheetNamesOf(target)).toContain('Báo cáo 6 tháng 2026');
  });

  it('a device as --out is refused at once and stays a device', async () => {
    const input = place('kh.xlsx', small);
    // As root, the old code replaced /dev/full with a regular file: a device node of our own here (a link to
    // /dev/null for other users), so that a failure could never touch the machine's /dev.
    // Named .xlsx, as a link to a device would be (the command line refuses other names by themselves).
    const out = path.join(path.dirname(input), 'báo cáo.xlsx');
    if (root) execFileSync('mknod', [out, 'c', '1', '7']);
    else fs.symlinkSync('/dev/null', out);
    const run = await runCchc(['report', input, ...REPORT, '--out', out]);
    expectOneLine(run, 'thiết bị');
    expect(fs.statSync(out).isCharacterDevice()).toBe(true);
  });

  it.each([
    ['a FIFO', 'đường ống'],
    ['/dev/zero', 'thiết bị'],
  ])('%s as input is refused at once (it hung before)', async (what, says) => {
    let input = '/dev/zero';
    if (what === 'a FIFO') {
      input = path.join(fs.mkdtempSync(path.join(dir, 'fifo-')), 'ống.xlsx');
      execFileSync('mkfifo', [input]);
    }
    // The guard kills a hung run, which then fails for its exit code.
    expectOneLine(await runCchc(['check', input], { killAfterMs: 60_000 }), says);
  });
});

describe('every way out leaves the original or the complete new file', () => {
  it('Ctrl+C (SIGINT) or SIGTERM while it works: one line, exit 2, no temporary file or lock left', async () => {
    for (const signal of ['SIGINT', 'SIGTERM'] as const) {
      const file = place('kh.xlsx', large);
      const lock = path.join(path.dirname(file), '.kh.xlsx.cchc-lock');
      // Sent once the run holds the workbook's lock, i.e. while it works on the file.
      const run = await runCchc(['report', file, ...REPORT], {
        signal,
        signalWhen: () => fs.existsSync(lock),
      });
      expectOneLine(run, 'Đã dừng theo yêu cầu');
      expect(besides(file)).toEqual([]);
      expect(Buffer.from(fs.readFileSync(file)).equals(Buffer.from(large))).toBe(true);
    }
  }, 120_000);

  it('kill -9 at any moment: the original or the complete new file, and the next run cleans up', async () => {
    const file = place('kh.xlsx', large);
    const folder = path.dirname(file);
    const locked = (): boolean => fs.existsSync(path.join(folder, '.kh.xlsx.cchc-lock'));
    let killedWhileWriting = 0;
    // While reading, while working, and the moment the temporary file appears (in the middle of writing).
    for (const moment of ['reading', 'working', 'writing', 'writing'] as const) {
      fs.writeFileSync(file, large);
      let watcher: fs.FSWatcher | undefined;
      const run = await runCchc(['report', file, ...REPORT], {
        signal: moment === 'writing' ? undefined : 'SIGKILL',
        signalWhen: locked,
        signalAfterMs: moment === 'reading' ? 0 : 600,
        onStart: (child) => {
          if (moment !== 'writing') return;
          watcher = fs.watch(folder, (_event, name) => {
            if (String(name).endsWith('.tmp') && child.kill('SIGKILL')) killedWhileWriting += 1;
          });
        },
      });
      watcher?.close();
      expect(run.signal === 'SIGKILL' || run.code === 0).toBe(true);
      const now = new Uint8Array(fs.readFileSync(file));
      if (!Buffer.from(now).equals(Buffer.from(large))) {
        expect(await sheetNamesOf(file)).toContain('Báo cáo 6 tháng 2026');
      }
      // Whatever kill -9 left beside the file (its lock, a temporary file), the next run removes.
      expect((await runCchc(['report', file, ...REPORT])).code).toBe(0);
      expect(besides(file)).toEqual([]);
    }
    expect(killedWhileWriting).toBeGreaterThan(0);
  }, 300_000);
});
