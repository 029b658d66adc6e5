/**
 * The four actions through the Office.js adapter on the fake Excel API (test/fake-excel), which counts what
 * would cross the wire: context.sync() calls, proxy operations, and the bytes of each sync's request and
 * response in the shape Office.js sends them. Check, report and the settings save run, as in the task pane,
 * through the adapter that init used (it remembers the workbook), on the tracker init wrote, with the
 * counters reset before each; then the report once more through a new adapter, as the ribbon button on a
 * workbook just opened, which knows nothing of it yet.
 */
import {
  checkTracker,
  compileReport,
  initTracker,
  loadSettings,
  saveSettings,
  type ActionOutcome,
} from '../src/app';
import { createOfficeWorkbook } from '../src/workbook/office/officeWorkbook';
import { createFakeExcel, type FakeExcel } from '../test/fake-excel';
import { benchSeeds, BENCH_AS_OF, BENCH_YEAR } from './seeds';

export type OfficeAction = 'init' | 'check' | 'report' | 'settings' | 'reportCold';

export interface OfficeMeasure {
  action: OfficeAction;
  rows: number;
  syncs: number;
  operations: number;
  largestRequest: number;
  /** Largest response of the syncs Excel answered (a refused one never arrives). */
  largestResponse: number;
  /** Sum of the request bytes of every sync. */
  totalRequest: number;
  /** Syncs refused for size, and the largest response one of them would have needed. */
  refused: number;
  largestRefused: number;
}

function measure(excel: FakeExcel, action: OfficeAction, rows: number): OfficeMeasure {
  const refused = new Set(excel.refused);
  const answered = excel.responses.filter((_, i) => !refused.has(i));
  return {
    action,
    rows,
    syncs: excel.syncCount,
    operations: excel.operationCount,
    largestRequest: Math.max(0, ...excel.payloads),
    largestResponse: Math.max(0, ...answered),
    totalRequest: excel.payloads.reduce((a, b) => a + b, 0),
    refused: refused.size,
    largestRefused: Math.max(0, ...excel.responses.filter((_, i) => refused.has(i))),
  };
}

function mustSucceed(outcome: ActionOutcome, what: string): void {
  if (!outcome.ok) throw new Error(`${what} failed: ${outcome.message}`);
}

/** Init, check, report and a settings save of an N-row tracker, and a report from cold, each measured on its own. */
export async function measureOfficeActions(rows: number): Promise<OfficeMeasure[]> {
  const excel = createFakeExcel();
  excel.addUserSheet('Sheet1'); // a new workbook
  const port = createOfficeWorkbook(excel.run);
  const seeds = benchSeeds(rows);
  const out: OfficeMeasure[] = [];

  excel.resetStats();
  mustSucceed(await initTracker(port, { year: BENCH_YEAR, seeds }), `init (${rows} rows)`);
  out.push(measure(excel, 'init', rows));

  excel.resetStats();
  const check = await checkTracker(port, { today: BENCH_AS_OF });
  if (!check.result) throw new Error(`check (${rows} rows) failed: ${check.message}`);
  out.push(measure(excel, 'check', rows));

  excel.resetStats();
  mustSucceed(await compileReport(port, { asOf: BENCH_AS_OF }), `report (${rows} rows)`);
  out.push(measure(excel, 'report', rows));

  // The settings form: loaded when the tab opens (not measured), saved on a click.
  const loaded = await loadSettings(port, { fallbackYear: BENCH_YEAR });
  if (!loaded.settings) throw new Error(`settings (${rows} rows) failed: ${loaded.message}`);
  excel.resetStats();
  const saved = await saveSettings(port, {
    ...loaded.settings,
    warningDays: loaded.settings.warningDays + 1,
  });
  mustSucceed(saved, `settings save (${rows} rows)`);
  out.push(measure(excel, 'settings', rows));

  excel.resetStats();
  mustSucceed(
    await compileReport(createOfficeWorkbook(excel.run), { asOf: BENCH_AS_OF }),
    `report from cold (${rows} rows)`,
  );
  out.push(measure(excel, 'reportCold', rows));
  return out;
}
