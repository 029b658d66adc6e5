/**
 * `cchc` in a child process, as a user runs it, for the tests that must see what only a process shows: its
 * exit code after a crash, its peak memory under a capped heap, signals, and two runs at once. The CLI is
 * bundled once per test process with esbuild (with scripts/build-cli.js's options), so each run starts in a fraction
 * of a second without compiling TypeScript. Test and bench code only.
 */
import { type ChildProcess, spawn } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';

import { buildSync } from 'esbuild';

// The options scripts/build-cli.js bundles the CLI with (plain JavaScript, shared with that script).
// eslint-disable-next-line @typescript-eslint/no-require-imports
const { cliBundleOptions } = require('../../scripts/cli-bundle') as {
  cliBundleOptions: (outfile: string, entry?: string) => Parameters<typeof buildSync>[0];
};

const ROOT = path.resolve(__dirname, '../..');
let built: string | undefined;

/** The bundled CLI and a wrapper that reports the process's peak RSS on exit; built on first use. */
export function cliBundle(): string {
  if (built) return built;
  // Under node_modules, so the bundle finds exceljs and jszip; one folder per process, so parallel test
  // workers never read a bundle another is writing.
  const dir = path.join(ROOT, 'node_modules', '.cache', 'cchc-cli-test', String(process.pid));
  mkdirSync(dir, { recursive: true });
  buildSync(cliBundleOptions(path.join(dir, 'cchc.js'), process.env.CCHC_CLI_ENTRY || undefined));
  const wrapper = path.join(dir, 'run.js');
  writeFileSync(
    wrapper,
    [
      "const fs = require('node:fs');",
      "process.on('exit', () => fs.writeSync(2, `\\nPEAK_RSS_KB=${process.resourceUsage().maxRSS}\\n`));",
      "require('./cchc.js').runCli(process.argv.slice(2)).then((code) => { process.exitCode = code; });",
    ].join('\n'),
  );
  built = wrapper;
  return wrapper;
}

export interface ProcessRun {
  /** Exit code; null when ended by a signal. */
  code: number | null;
  signal: NodeJS.Signals | null;
  out: string;
  /** stderr without the peak-RSS line. */
  err: string;
  /** Peak resident memory in bytes (0 when the process was killed before it could say). */
  peakRss: number;
  wallMs: number;
}

export interface RunOptions {
  cwd?: string;
  /** V8 heap cap (--max-old-space-size), in MB. */
  heapMb?: number;
  /** A guard against a hang: the run is killed after this long (never a timing assertion). */
  killAfterMs?: number;
  /** Send this signal after `signalAfterMs`, counted from when `signalWhen` first holds (if given). */
  signal?: NodeJS.Signals;
  signalAfterMs?: number;
  signalWhen?: () => boolean;
  /** Called with the child once started (to watch its folder and signal it at an exact moment). */
  onStart?: (child: ChildProcess) => void;
}

export function runCchc(args: readonly string[], options: RunOptions = {}): Promise<ProcessRun> {
  const wrapper = cliBundle();
  const nodeArgs = options.heapMb ? [`--max-old-space-size=${options.heapMb}`] : [];
  return new Promise((resolve) => {
    const start = performance.now();
    const child = spawn(process.execPath, [...nodeArgs, wrapper, ...args], {
      cwd: options.cwd,
      env: { ...process.env, CCHC_DEBUG: '' },
    });
    options.onStart?.(child);
    let out = '';
    let err = '';
    child.stdout.on('data', (d: Buffer) => (out += d.toString('utf8')));
    child.stderr.on('data', (d: Buffer) => (err += d.toString('utf8')));
    const guard = setTimeout(() => child.kill('SIGKILL'), options.killAfterMs ?? 120_000);
    let signalTimer: NodeJS.Timeout | undefined;
    const arm = (): void => {
      signalTimer = setTimeout(() => child.kill(options.signal), options.signalAfterMs ?? 0);
    };
    let poll: NodeJS.Timeout | undefined;
    if (options.signal !== undefined) {
      if (!options.signalWhen) arm();
      else {
        poll = setInterval(() => {
          if (!options.signalWhen?.()) return;
          clearInterval(poll);
          arm();
        }, 5);
      }
    }
    child.on('close', (code, signal) => {
      clearTimeout(guard);
      if (signalTimer) clearTimeout(signalTimer);
      if (poll) clearInterval(poll);
      const rss = /\n?PEAK_RSS_KB=(\d+)\n?/.exec(err);
      resolve({
        code,
        signal,
        out,
        err: err.replace(/\n?PEAK_RSS_KB=\d+\n?/, '').trim(),
        peakRss: rss ? Number(rss[1]) * 1024 : 0,
        wallMs: performance.now() - start,
      });
    });
  });
}

/** Runs `tasks` at most `limit` at a time, in order of start; results in the order given. */
export async function inBatches<T>(tasks: (() => Promise<T>)[], limit: number): Promise<T[]> {
  const results: T[] = new Array<T>(tasks.length);
  let next = 0;
  const worker = async (): Promise<void> => {
    while (next < tasks.length) {
      const i = next;
      next += 1;
      results[i] = await tasks[i]();
    }
  };
  await Promise.all(Array.from({ length: Math.min(limit, tasks.length) }, worker));
  return results;
}
