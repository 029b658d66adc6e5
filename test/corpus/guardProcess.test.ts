/**
 * Issue 20, as only a process shows it: two rollovers to one new file at once (the lock before the look), a
 * consolidation stopped by SIGTERM/SIGINT (one line naming what was not written) or killed (its leftovers
 * removed by the next run), and `--json | head` (a closed pipe is not a crash).
 */
import { spawn } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';

import { cchcIn } from '../cli/run';
import { cliBundle, runCchc } from './cliProcess';

const NOW = new Date('2026-09-10T03:00:00Z');
const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'cchc-guardp-'));
let communes: string;

beforeAll(async () => {
  expect((await cchcIn(dir, NOW)('demo', '--communes', '4')).code).toBe(0);
  communes = path.join(dir, 'out', 'cac-xa');
}, 180_000);

afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

const CONSOLIDATE = ['--period', '2026-Q3', '--as-of', '2026-09-05'];

it('two rollovers of different communes to one new file at once: exactly one writes it, the other is refused', async () => {
  const [a, b] = fs.readdirSync(communes).map((n) => path.join(communes, n));
  for (let attempt = 0; attempt < 3; attempt++) {
    const out = path.join(dir, `moi-${attempt}.xlsx`);
    const runs = await Promise.all(
      [a, b].map((f) => runCchc(['rollover', f, '--to', '2027', '--out', out], { cwd: dir })),
    );
    expect(runs.map((r) => r.code).sort()).toEqual([0, 2]);
    expect(runs.find((r) => r.code === 2)?.err).toContain('đã có: không ghi đè');
  }
}, 120_000);

it('SIGTERM or SIGINT during consolidate: one line naming the file not written, nothing left behind', async () => {
  for (const signal of ['SIGTERM', 'SIGINT'] as const) {
    const outDir = fs.mkdtempSync(path.join(dir, 'sig-'));
    const out = path.join(outDir, 'tong-hop.xlsx');
    const lock = path.join(outDir, '.tong-hop.xlsx.cchc-lock');
    const run = await runCchc(['consolidate', communes, ...CONSOLIDATE, '--out', out], {
      signal,
      signalWhen: () => fs.existsSync(lock),
    });
    expect(run.code).toBe(2);
    expect(run.err).toContain('Đã dừng theo yêu cầu: chưa ghi');
    expect(run.err).toContain('tong-hop.xlsx');
    expect(fs.readdirSync(outDir)).toEqual([]);
  }
}, 120_000);

it('a consolidation killed with SIGKILL leaves a temporary file the next run removes', async () => {
  const outDir = fs.mkdtempSync(path.join(dir, 'kill-'));
  const out = path.join(outDir, 'tong-hop.xlsx');
  let watcher: fs.FSWatcher | undefined;
  await runCchc(['consolidate', communes, ...CONSOLIDATE, '--out', out], {
    onStart: (child) => {
      watcher = fs.watch(outDir, (_e, name) => {
        if (String(name).endsWith('.tmp')) child.kill('SIGKILL');
      });
    },
  });
  watcher?.close();
  const next = await runCchc(['consolidate', communes, ...CONSOLIDATE, '--out', out, '--force']);
  expect(next.code).toBe(0);
  expect(fs.readdirSync(outDir)).toEqual(['tong-hop.xlsx']);
}, 120_000);

it('consolidate --json | head: a closed pipe ends the output quietly, not with a stack trace', async () => {
  const out = path.join(dir, 'pipe.xlsx');
  const result = await new Promise<{ code: number | null; err: string }>((resolve) => {
    const child = spawn(process.execPath, [
      cliBundle(),
      'consolidate',
      communes,
      ...CONSOLIDATE,
      '--out',
      out,
      '--json',
    ]);
    let err = '';
    child.stderr.on('data', (d: Buffer) => (err += d.toString()));
    // As `head -c 1` does: read a little, then close the pipe.
    child.stdout.once('data', () => child.stdout.destroy());
    child.on('close', (code) => resolve({ code, err: err.replace(/\n?PEAK_RSS_KB=\d+\n?/, '').trim() }));
  });
  expect(result.err).not.toMatch(/EPIPE|\n\s+at /);
  expect(result.code).toBe(0);
  expect(fs.existsSync(out)).toBe(true);
}, 60_000);
