/**
 * The hostile corpus (test/corpus/hostile.ts) and the files just inside every limit (atLimitCases), each
 * through `cchc check` and `cchc report --out` in a child process whose V8 heap is capped at 1 GB, as the
 * tests run them: exit code, wall time and peak RSS (issue 13: every case within 1 GB and 5 s).
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync, statSync, writeFileSync } from 'node:fs';
import os, { tmpdir } from 'node:os';
import path from 'node:path';

import { atLimitCases, hostileCases, type HostileCase } from '../test/corpus/hostile';

const ROOT = path.resolve(__dirname, '..');
const CLI = path.join(ROOT, 'bin/cchc.js');
const TIME = '/usr/bin/time';
const HEAP_MB = 1024;

/** The commands a case goes through: check and report (issue 13), or every command (issue 20). */
export type BenchCommand = 'check' | 'fix' | 'report' | 'rollover' | 'consolidate';
export const EVERY_COMMAND: readonly BenchCommand[] = ['check', 'fix', 'report', 'rollover', 'consolidate'];

/** The arguments of one command on `file`, writing (where it writes) beside it. */
function commandArgs(command: BenchCommand, file: string): string[] {
  switch (command) {
    case 'check':
      return ['check', file, '--today', '2026-06-05', '--json'];
    case 'fix':
      return ['fix', file, '--today', '2026-06-05'];
    case 'report':
      return ['report', file, '--period', '2026-Q2', '--as-of', '2026-06-05', '--out', `${file}.out.xlsx`];
    case 'rollover':
      return ['rollover', file, '--to', '2027', '--out', `${file}.next.xlsx`];
    case 'consolidate':
      return [
        'consolidate',
        file,
        '--period',
        '2026-Q2',
        '--as-of',
        '2026-06-05',
        '--out',
        `${file}.th.xlsx`,
      ];
  }
}

export interface HostileMeasure {
  id: string;
  title: string;
  atLimit: boolean;
  fileBytes: number;
  command: BenchCommand;
  exit: number | null;
  /** What the one line on stderr began with, for a refusal. */
  said: string;
  wallMs: number;
  /** CPU time of the child (user + system): what the command costs whatever else the machine runs. */
  cpuMs: number;
  peakRss: number;
  /** The machine's 1-minute load average when the run started (2 cores shared by others inflate wall time). */
  load: number;
}

function run(args: string[]): {
  exit: number | null;
  err: string;
  wallMs: number;
  cpuMs: number;
  peakRss: number;
  load: number;
} {
  const viaTime = existsSync(TIME);
  const node = [`--max-old-space-size=${HEAP_MB}`, CLI, ...args];
  const command = viaTime ? TIME : process.execPath;
  const argv = viaTime ? ['-v', process.execPath, ...node] : [path.join(ROOT, 'bench/max-rss.cjs'), ...node];
  const load = os.loadavg()[0];
  const start = performance.now();
  const child = spawnSync(command, argv, {
    cwd: ROOT,
    encoding: 'utf8',
    maxBuffer: 1 << 30,
    timeout: 600_000,
  });
  const wallMs = performance.now() - start;
  const seconds = (label: string): number =>
    Number(new RegExp(`${label} time \\(seconds\\): ([\\d.]+)`).exec(child.stderr)?.[1] ?? 0);
  const kb = viaTime
    ? /Maximum resident set size \(kbytes\): (\d+)/.exec(child.stderr)?.[1]
    : /MAXRSS_KB=(\d+)/.exec(child.stderr)?.[1];
  const cpuMs = viaTime
    ? (seconds('User') + seconds('System')) * 1000
    : Number(/CPU_MS=([\d.]+)/.exec(child.stderr)?.[1] ?? 0);
  const err = child.stderr
    .split('\n')
    .filter((l) => l.trim() && !/^\s|^Command (exited|terminated)|MAXRSS_KB|CPU_MS/.test(l))
    .join(' ');
  return { exit: child.status, err, wallMs, cpuMs, peakRss: Number(kb ?? 0) * 1024, load };
}

export async function measureHostile(
  withLimits: boolean,
  commands: readonly BenchCommand[] = ['check', 'report'],
  only: 'all' | 'limits' = 'all',
  extra: { id: string; title: string; build: (file: string) => Promise<void> }[] = [],
): Promise<HostileMeasure[]> {
  const dir = mkdtempSync(path.join(tmpdir(), 'cchc-bench-hostile-'));
  const cases: [HostileCase, boolean][] = [
    ...(only === 'all' ? hostileCases().map((c): [HostileCase, boolean] => [c, false]) : []),
    ...(withLimits ? atLimitCases().map((c): [HostileCase, boolean] => [c, true]) : []),
  ];
  const files: { id: string; title: string; atLimit: boolean; write: (file: string) => Promise<void> }[] = [
    ...cases.map(([c, atLimit]) => ({
      id: c.id,
      title: c.title,
      atLimit,
      write: async (file: string) => writeFileSync(file, await c.build()),
    })),
    ...extra.map((e) => ({ id: e.id, title: e.title, atLimit: true, write: e.build })),
  ];
  try {
    const out: HostileMeasure[] = [];
    for (const c of files) {
      process.stderr.write(`  ${c.id}…\n`);
      const file = path.join(dir, `${c.id}.xlsx`);
      await c.write(file);
      const fileBytes = statSync(file).size;
      for (const command of commands) {
        const r = run(commandArgs(command, file));
        out.push({
          id: c.id,
          title: c.title,
          atLimit: c.atLimit,
          fileBytes,
          command,
          exit: r.exit,
          said: r.exit === 2 ? r.err.slice(0, 90) : '',
          wallMs: r.wallMs,
          cpuMs: r.cpuMs,
          peakRss: r.peakRss,
          load: r.load,
        });
        for (const suffix of ['.out.xlsx', '.next.xlsx', '.th.xlsx'])
          rmSync(`${file}${suffix}`, { force: true });
      }
      rmSync(file, { force: true });
    }
    return out;
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
