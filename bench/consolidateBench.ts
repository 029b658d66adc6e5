/**
 * `cchc consolidate` over N communes' workbooks (issue 12): the receiving body's batch, as a child process
 * timed on the wall clock, with its peak RSS from /usr/bin/time -v. Each workbook is a demo commune's (the
 * plan's 48 tasks, a year's progress, its 9-month report), twelve kinds of progress, each file with its own
 * unit name so that every one is a row of the table. Goal: 100 files in at most 10 s on 2 cores; peak memory
 * the same at 1,000 files as at 100 (files are read one at a time).
 */
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import JSZip from 'jszip';
import { writeCommuneDemo } from '../src/app/demo';
import { openXlsx } from '../src/workbook/xlsx/xlsxWorkbook';
import { runNode, summarize, type ProcessMeasure, type Run } from './fileBench';

const ROOT = path.resolve(__dirname, '..');
const CLI = path.join(ROOT, 'bin/cchc.js');
/** The demo's day for this "now": the 2026 tracker as of 04/09/2026. */
const NOW = new Date('2026-11-29T03:00:00Z');
const VARIANTS = 12;

export interface ConsolidateMeasure {
  files: number;
  /** Bytes of all input files. */
  inputBytes: number;
  run: ProcessMeasure;
  /** The same work in a probe process: its peak RSS once every file is read, and at the end (bytes). */
  probe: { readPeakRss: number; peakRss: number };
}

/** Runs bench/consolidateProbe.ts on `dir` (through tsx, as the TypeScript sources are). */
function probe(dir: string): ConsolidateMeasure['probe'] {
  const child = spawnSync(
    process.execPath,
    ['--import', 'tsx', path.join(__dirname, 'consolidateProbe.ts'), dir],
    {
      cwd: ROOT,
      encoding: 'utf8',
    },
  );
  if (child.status !== 0) throw new Error(`consolidateProbe exited with ${child.status}:\n${child.stderr}`);
  const m = JSON.parse(child.stdout) as { readMaxRssKb: number; maxRssKb: number };
  return { readPeakRss: m.readMaxRssKb * 1024, peakRss: m.maxRssKb * 1024 };
}

/** The unit name of demo commune `i` as Cài đặt holds it (an inline string of the settings sheet). */
async function variants(): Promise<{ bytes: Uint8Array; unit: string }[]> {
  const out: { bytes: Uint8Array; unit: string }[] = [];
  for (let i = 0; i < VARIANTS; i++) {
    const book = await openXlsx(null);
    const outcome = await writeCommuneDemo(book, { now: NOW, commune: i });
    if (!outcome.ok || !outcome.unit) throw new Error(`demo commune ${i}: ${outcome.message}`);
    out.push({ bytes: await book.toBuffer(), unit: outcome.unit });
  }
  return out;
}

/** N workbooks in `dir`, each a variant renamed "UBND xã Thử nghiệm 0001"…, so no two are one commune. */
async function writeCommunes(
  n: number,
  dir: string,
  base: { bytes: Uint8Array; unit: string }[],
): Promise<number> {
  mkdirSync(dir, { recursive: true });
  let total = 0;
  for (let i = 0; i < n; i++) {
    const v = base[i % base.length];
    const zip = await JSZip.loadAsync(v.bytes);
    const unit = `UBND xã Thử nghiệm ${String(i + 1).padStart(4, '0')}`;
    for (const name of Object.keys(zip.files).filter((f) => /^xl\/worksheets\/sheet\d+\.xml$/.test(f))) {
      const xml = await zip.file(name)!.async('string');
      if (xml.includes(`<t>${v.unit}</t>`))
        zip.file(name, xml.split(`<t>${v.unit}</t>`).join(`<t>${unit}</t>`));
    }
    const bytes = await zip.generateAsync({ type: 'uint8array', compression: 'DEFLATE' });
    writeFileSync(path.join(dir, `xa-${String(i + 1).padStart(4, '0')}.xlsx`), bytes);
    total += bytes.length;
  }
  return total;
}

export async function measureConsolidate(sizes: readonly number[], runs = 3): Promise<ConsolidateMeasure[]> {
  const dir = mkdtempSync(path.join(tmpdir(), 'cchc-bench-consolidate-'));
  try {
    const base = await variants();
    const out: ConsolidateMeasure[] = [];
    for (const n of sizes) {
      const input = path.join(dir, `in-${n}`);
      const inputBytes = await writeCommunes(n, input, base);
      const timed: Run[] = [];
      for (let r = 0; r < runs; r++)
        timed.push(
          runNode(CLI, [
            'consolidate',
            input,
            '--period',
            '2026-Q3',
            '--as-of',
            '2026-09-04',
            '--out',
            path.join(dir, `out-${n}.xlsx`),
          ]),
        );
      out.push({ files: n, inputBytes, run: summarize(timed), probe: probe(input) });
    }
    return out;
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
