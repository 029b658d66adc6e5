/**
 * Workbooks as today's code writes them, for the tests that change a table (test/tables): the demo (what
 * `cchc demo` writes) and the old tracker of test/support/oldTracker.ts. Built with the modules as they are,
 * before a test replaces a table and loads the app anew (jest.resetModules + jest.doMock).
 */
import { writeDemo } from '../../src/app';
import { openXlsx } from '../../src/workbook/xlsx/xlsxWorkbook';
import { buildOldTracker } from './oldTracker';

export interface TodaysFixture {
  name: string;
  bytes: Uint8Array;
  /** The day its check and report are taken. */
  asOf: string;
}

export async function todaysFixtures(): Promise<TodaysFixture[]> {
  const demoBook = await openXlsx(null);
  const demo = await writeDemo(demoBook, { now: new Date(Date.UTC(2026, 10, 20)) });
  if (!demo.ok || !demo.asOf) throw new Error(`demo: ${demo.message}`);
  const old = await buildOldTracker();
  return [
    { name: 'the demo workbook', bytes: await demoBook.toBuffer(), asOf: demo.asOf },
    { name: 'the old tracker (test/support/oldTracker.ts)', bytes: old.bytes, asOf: `${old.year}-11-30` },
  ];
}

type App = typeof import('../../src/app');

export interface CheckAndReport {
  check: Awaited<ReturnType<App['checkTracker']>>;
  report: Awaited<ReturnType<App['compileReport']>>;
}

/**
 * Opens a fixture with the app as loaded now (after a table was replaced), checks it and compiles its report:
 * what `cchc check` and `cchc report` do.
 */
export async function checkAndReport(fixture: TodaysFixture): Promise<CheckAndReport> {
  const app = await import('../../src/app');
  const xlsx = await import('../../src/workbook/xlsx/xlsxWorkbook');
  const check = await app.checkTracker(await xlsx.openXlsx(fixture.bytes), { today: fixture.asOf });
  const report = await app.compileReport(await xlsx.openXlsx(fixture.bytes), { asOf: fixture.asOf });
  return { check, report };
}

/** What a check and a report say, without the report's sheet (its row heights follow the text's layout). */
export function outcomeFigures({ check, report }: CheckAndReport): unknown {
  return {
    checkOk: check.ok,
    errors: check.result?.errors.map((p) => `${p.cell} ${p.code}`),
    warnings: check.result?.warnings.map((p) => `${p.cell} ${p.code}`),
    reportOk: report.ok,
    json: report.json,
  };
}
