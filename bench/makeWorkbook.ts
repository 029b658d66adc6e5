/**
 * Writes an N-row tracker workbook the way `cchc init --unit … --place … --signer-name …` does (the .xlsx
 * adapter's own init path), with the benchmark's synthetic rows as seeds. It names its commune (the plan's):
 * a tracker without a unit, place and signer is one `report` refuses and `consolidate` lists as a problem
 * file, which would measure the refusal instead of the work.
 */
import { promises as fs } from 'node:fs';
import { initTracker } from '../src/app';
import { planSettings } from '../src/domain/settings';
import { openXlsx } from '../src/workbook/xlsx/xlsxWorkbook';
import { benchSeeds, BENCH_YEAR } from './seeds';

/** A fixed "now" so that the files (and the fingerprints in their register) are the same run after run. */
const WRITTEN_AT = new Date('2026-01-05T08:00:00Z');

export async function writeTrackerWorkbook(rows: number, file: string): Promise<void> {
  const book = await openXlsx(null);
  const { unitName, place, signerName } = planSettings(BENCH_YEAR);
  const outcome = await initTracker(book, {
    year: BENCH_YEAR,
    seeds: benchSeeds(rows),
    now: WRITTEN_AT,
    identity: { unitName, place, signerName },
  });
  if (!outcome.ok) throw new Error(`init of a ${rows}-row tracker failed: ${outcome.message}`);
  await fs.writeFile(file, await book.toBuffer());
}
