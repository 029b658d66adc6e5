/**
 * The file path: `cchc report` on N-row workbooks against the floor for any .xlsx tool, ExcelJS merely
 * loading the same file and writing it back. Each run is a child process, so its wall time includes Node's
 * start-up (for cchc, of the bundle dist/cli/cchc.js), and its peak RSS is that process's high-water mark,
 * read from /usr/bin/time -v (or, without it, from process.resourceUsage() in a tiny wrapper).
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { writeTrackerWorkbook } from './makeWorkbook';
import { BENCH_AS_OF } from './seeds';

const ROOT = path.resolve(__dirname, '..');
const TIME = '/usr/bin/time';

export interface ProcessMeasure {
  /** Median wall time of the runs, in milliseconds. */
  wallMs: number;
  /** Highest peak RSS of the runs, in bytes. */
  peakRss: number;
}

export interface FileMeasure {
  rows: number;
  fileBytes: number;
  cchc: ProcessMeasure;
  floor: ProcessMeasure;
}

export interface Run {
  wallMs: number;
  peakRss: number;
}

/** How peak memory is measured on this machine. */
export function rssMethod(): string {
  return existsSync(TIME) ? '/usr/bin/time -v' : 'process.resourceUsage().maxRSS';
}

export function runNode(script: string, args: readonly string[]): Run {
  const viaTime = existsSync(TIME);
  const command = viaTime ? TIME : process.execPath;
  const argv = viaTime
    ? ['-v', process.execPath, script, ...args]
    : [path.join(ROOT, 'bench/max-rss.cjs'), script, ...args];
  const start = performance.now();
  const child = spawnSync(command, argv, { cwd: ROOT, encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
  const wallMs = performance.now() - start;
  if (child.status !== 0) {
    throw new Error(
      `${path.basename(script)} ${args.join(' ')} exited with ${child.status}:\n${child.stderr}`,
    );
  }
  const kb = viaTime
    ? /Maximum resident set size \(kbytes\): (\d+)/.exec(child.stderr)?.[1]
    : /MAXRSS_KB=(\d+)/.exec(child.stderr)?.[1];
  if (!kb) throw new Error(`no peak RSS in the output of ${path.basename(script)}`);
  return { wallMs, peakRss: Number(kb) * 1024 };
}

export function summarize(runs: readonly Run[]): ProcessMeasure {
  const walls = runs.map((r) => r.wallMs).sort((a, b) => a - b);
  return { wallMs: walls[Math.floor(walls.length / 2)], peakRss: Math.max(...runs.map((r) => r.peakRss)) };
}

const CLI = path.join(ROOT, 'bin/cchc.js');
const FLOOR = path.join(ROOT, 'bench/exceljs-floor.cjs');

/** `cchc --help`: what every CLI run pays before it opens a file (Node, loading the bundle and its modules). */
export function measureCliStartup(runs = 3): ProcessMeasure {
  return summarize(Array.from({ length: runs }, () => runNode(CLI, ['--help'])));
}

export async function measureFiles(sizes: readonly number[], runs = 3): Promise<FileMeasure[]> {
  const dir = mkdtempSync(path.join(tmpdir(), 'cchc-bench-'));
  try {
    const out: FileMeasure[] = [];
    for (const rows of sizes) {
      const file = path.join(dir, `tracker-${rows}.xlsx`);
      await writeTrackerWorkbook(rows, file);
      const cchcRuns: Run[] = [];
      const floorRuns: Run[] = [];
      // Alternated, so that a slow moment of the machine does not fall on one side only.
      for (let i = 0; i < runs; i++) {
        cchcRuns.push(
          runNode(CLI, [
            'report',
            file,
            '--period',
            '2026-Q2',
            '--as-of',
            BENCH_AS_OF,
            '--out',
            path.join(dir, `report-${rows}.xlsx`),
          ]),
        );
        floorRuns.push(runNode(FLOOR, [file, path.join(dir, `floor-${rows}.xlsx`)]));
      }
      out.push({
        rows,
        fileBytes: statSync(file).size,
        cchc: summarize(cchcRuns),
        floor: summarize(floorRuns),
      });
    }
    return out;
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
