/**
 * The pure part of check and report on a big tracker, without any workbook: the grid is the tracker sheet
 * exactly as init writes it (formula cells marked as a read marks them), and each step is timed on its own.
 */
import { BODIES } from '../src/domain/bodies';
import { deadlineState } from '../src/domain/deadline';
import type { Grid } from '../src/domain/grid';
import { reportPeriod } from '../src/domain/periods';
import { buildReport } from '../src/domain/report';
import { leadsOf, rollup, sectionsOf } from '../src/domain/rollup';
import { defaultSettings } from '../src/domain/settings';
import { readTracker } from '../src/domain/tracker';
import { checkTrackerGrid } from '../src/domain/validation';
import { parseA1Cell } from '../src/domain/a1';
import { SHEET } from '../src/i18n/vi';
import { buildReportSheet } from '../src/sheets/reportSheet';
import { buildSummarySheet } from '../src/sheets/summarySheet';
import { buildTrackerSheet } from '../src/sheets/trackerSheet';
import { benchSeeds, BENCH_AS_OF, BENCH_YEAR } from './seeds';

export interface ComputeMeasure {
  step: string;
  rows: number;
  /** Median of the timed runs, in milliseconds. */
  ms: number;
}

/** The tracker as a read returns it: the cells, and "=" where a formula is. */
function trackerGrid(rows: number): Grid {
  const spec = buildTrackerSheet(benchSeeds(rows), BENCH_YEAR);
  const values = spec.cells.map((row) => [...row]);
  const formulas = values.map((row) => row.map((): string | null => null));
  for (const f of spec.formulas ?? []) {
    const { row, col } = parseA1Cell(f.cell);
    formulas[row][col] = '=';
  }
  return { name: SHEET.tracker, values, formulas };
}

/** Median wall time of `runs` calls after one warm-up call. */
function time(runs: number, work: () => unknown): number {
  work();
  const samples: number[] = [];
  for (let i = 0; i < runs; i++) {
    const start = performance.now();
    work();
    samples.push(performance.now() - start);
  }
  samples.sort((a, b) => a - b);
  return samples[Math.floor(samples.length / 2)];
}

export function measureCompute(rows: number, runs = 5): ComputeMeasure[] {
  const grid = trackerGrid(rows);
  const settings = defaultSettings(BENCH_YEAR);
  const period = reportPeriod(BENCH_YEAR, 2, settings.periodMode);
  const ctx = { today: BENCH_AS_OF, year: BENCH_YEAR, knownLeads: [...BODIES] };
  const { read } = checkTrackerGrid(grid, ctx);
  const tasks = read.tasks;
  if (tasks.length !== rows) throw new Error(`read ${tasks.length} tasks of ${rows}`);
  const content = buildReport({ tasks, settings, period, asOf: BENCH_AS_OF });

  const steps: [string, () => unknown][] = [
    ['readTracker (parse the grid)', () => readTracker(grid)],
    ['checkTrackerGrid (parse + every rule)', () => checkTrackerGrid(grid, ctx)],
    ['deadline states', () => tasks.map((t) => deadlineState(t, BENCH_AS_OF, settings.warningDays))],
    [
      'rollup (by section, lead, quarter, period)',
      () =>
        rollup(tasks, {
          asOf: BENCH_AS_OF,
          warningDays: settings.warningDays,
          year: BENCH_YEAR,
          periodMode: settings.periodMode,
        }),
    ],
    ['buildReport (report content)', () => buildReport({ tasks, settings, period, asOf: BENCH_AS_OF })],
    ['buildReportSheet', () => buildReportSheet(content, period.sheetName)],
    [
      'buildSummarySheet',
      () =>
        buildSummarySheet({
          year: BENCH_YEAR,
          periodMode: settings.periodMode,
          writtenOn: BENCH_AS_OF,
          headerRow: read.headerRow,
          columns: read.columns,
          sections: sectionsOf(),
          leads: leadsOf(tasks),
        }),
    ],
  ];
  return steps.map(([step, work]) => ({ step, rows, ms: time(runs, work) }));
}
