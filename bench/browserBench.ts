/**
 * The web app against the CLI on the same file (issue 23: "opening a 5,000-row tracker and making its report in
 * the browser takes at most 2× the CLI's time"): the production build of dist/app/ in Debian's Chromium, timed
 * in the page (from the file input's change to the pane's overview, from the click on "Tổng hợp báo cáo" to its
 * message, from the click on "Tải về" to its notice), and `cchc report --out` as a child process, alternated.
 */
import { mkdtempSync, rmSync, statSync } from 'node:fs';
import { readFileSync, writeFileSync } from 'node:fs';
import { loadSettings, saveSettings } from '../src/app/settingsForm';
import { openXlsx } from '../src/workbook/xlsx/xlsxWorkbook';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { Page } from 'playwright-core';
import { startPreviewServer } from '../scripts/preview-server';
import { buildApp, launchChromium, requireChromium } from '../test/e2e/support';
import { runNode, summarize, type ProcessMeasure } from './fileBench';
import { writeTrackerWorkbook } from './makeWorkbook';
import { BENCH_AS_OF } from './seeds';

const ROOT = path.resolve(__dirname, '..');
const CLI = path.join(ROOT, 'bin/cchc.js');

export interface BrowserMeasure {
  rows: number;
  fileBytes: number;
  /** Medians, in milliseconds, timed in the page. */
  openMs: number;
  reportMs: number;
  downloadMs: number;
  totalMs: number;
  cli: ProcessMeasure;
}

/**
 * Runs `act` and resolves with the milliseconds, measured by the page's own clock, from the first click or
 * change event after it starts to the moment `text` shows in the page.
 */
async function timedInPage(page: Page, text: string, act: () => Promise<void>): Promise<number> {
  // As text: tsx (esbuild) would wrap named functions in a helper the page does not have.
  await page.evaluate(`(() => {
    window.benchStart = undefined;
    const mark = () => { if (window.benchStart === undefined) window.benchStart = performance.now(); };
    document.addEventListener('click', mark, { capture: true, once: true });
    document.addEventListener('change', mark, { capture: true, once: true });
  })()`);
  const done = page.evaluate(`new Promise((resolve) => {
    const wanted = ${JSON.stringify(text)};
    const check = () => {
      if (window.benchStart === undefined || !document.body.textContent.includes(wanted)) return false;
      resolve(performance.now() - window.benchStart);
      return true;
    };
    const observer = new MutationObserver(() => { if (check()) observer.disconnect(); });
    observer.observe(document.body, { subtree: true, childList: true, characterData: true });
  })`) as Promise<number>;
  await act();
  return done;
}

async function browserRun(
  page: Page,
  url: string,
  file: string,
): Promise<{ open: number; report: number; download: number }> {
  await page.goto(url);
  await page.getByRole('heading', { name: 'Bắt đầu' }).waitFor();
  const bytes = readFileSync(file);
  const open = await timedInPage(page, 'Quá hạn', () =>
    page.getByTestId('file-input').setInputFiles({
      name: path.basename(file),
      mimeType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
      buffer: bytes,
    }),
  );
  process.stderr.write(`  opened in ${Math.round(open)} ms\n`);
  await page.getByTestId('pane').getByRole('tab', { name: 'Thao tác' }).click();
  const report = await timedInPage(page, 'Đã tổng hợp báo cáo', () =>
    page.getByTestId('pane').getByRole('button', { name: 'Tổng hợp báo cáo' }).click(),
  );
  process.stderr.write(`  report in ${Math.round(report)} ms\n`);
  const [download] = await Promise.all([
    page.waitForEvent('download'),
    timedInPage(page, 'Đã tải về tệp', () => page.getByRole('button', { name: 'Tải về' }).click()),
  ]).then(async ([d, ms]) => [ms, await d.path()] as const);
  return { open, report, download };
}

/** Whose tracker it is (Cài đặt's unit, place and signer): the report is made only once they are written. */
async function nameTheCommune(file: string): Promise<void> {
  const book = await openXlsx(new Uint8Array(readFileSync(file)));
  const current = await loadSettings(book, { fallbackYear: 2026 });
  if (!current.settings) throw new Error('the bench tracker has no settings');
  const saved = await saveSettings(book, {
    ...current.settings,
    unitName: 'UBND xã Long Điền A',
    place: 'Long Điền A',
    signerName: 'Trương Minh Sơn',
  });
  if (!saved.ok) throw new Error(`the bench tracker's settings: ${saved.message}`);
  writeFileSync(file, await book.toBuffer());
}

const median = (xs: readonly number[]): number => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];

export async function measureBrowser(rows: number, runs = 3): Promise<BrowserMeasure> {
  requireChromium();
  const dir = mkdtempSync(path.join(tmpdir(), 'cchc-bench-app-'));
  const appDir = process.env.CCHC_APP_DIR ?? (await buildApp('bench'));
  const server = await startPreviewServer({ root: appDir, port: 0 });
  const context = await launchChromium(path.join(dir, 'profile'));
  try {
    const file = path.join(dir, `tracker-${rows}.xlsx`);
    await writeTrackerWorkbook(rows, file);
    await nameTheCommune(file);
    const page = context.pages()[0] ?? (await context.newPage());
    const url = `${server.url}?today=${BENCH_AS_OF}`;
    const opens: number[] = [];
    const reports: number[] = [];
    const downloads: number[] = [];
    const totals: number[] = [];
    const cliRuns = [];
    for (let i = 0; i < runs; i++) {
      const r = await browserRun(page, url, file);
      opens.push(r.open);
      reports.push(r.report);
      downloads.push(r.download);
      totals.push(r.open + r.report + r.download);
      cliRuns.push(
        runNode(CLI, [
          'report',
          file,
          '--period',
          '2026-Q2',
          '--as-of',
          BENCH_AS_OF,
          '--out',
          path.join(dir, `cli-${i}.xlsx`),
        ]),
      );
    }
    return {
      rows,
      fileBytes: statSync(file).size,
      openMs: median(opens),
      reportMs: median(reports),
      downloadMs: median(downloads),
      totalMs: median(totals),
      cli: summarize(cliRuns),
    };
  } finally {
    await context.close();
    await server.close();
    if (!process.env.CCHC_APP_DIR) rmSync(appDir, { recursive: true, force: true });
    rmSync(dir, { recursive: true, force: true });
  }
}
