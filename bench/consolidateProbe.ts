/**
 * Child process of the consolidation bench: reads every workbook of a folder exactly as `cchc consolidate`
 * does (app/consolidate over the .xlsx adapter, one file at a time), then writes the consolidation, and prints
 * the process's peak RSS at the end of each phase (process.resourceUsage().maxRSS is the high-water mark so
 * far), so that the memory of reading the files is told apart from the memory of writing a table that has a
 * row per commune. Usage: tsx bench/consolidateProbe.ts DIR
 */
import { readdirSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { consolidateFiles, writeConsolidation } from '../src/app/consolidate';
import { openXlsx } from '../src/workbook/xlsx/xlsxWorkbook';

async function main(): Promise<void> {
  const dir = process.argv[2];
  const files = readdirSync(dir)
    .filter((f) => f.endsWith('.xlsx'))
    .map((f) => path.join(dir, f));
  const c = await consolidateFiles(
    files.map((f) => ({ name: f, bytes: () => readFile(f) })),
    { period: { year: 2026, quarter: 3 }, asOf: '2026-09-04' },
    { open: openXlsx },
  );
  const read = process.resourceUsage().maxRSS;
  const book = await openXlsx(null);
  await writeConsolidation(book, c);
  await book.toBuffer();
  process.stdout.write(
    `${JSON.stringify({ communes: c.communes.length, readMaxRssKb: read, maxRssKb: process.resourceUsage().maxRSS })}\n`,
  );
}

main().catch((error: unknown) => {
  process.stderr.write(`${String(error)}\n`);
  process.exitCode = 1;
});
