/**
 * A mutation fuzzer over "Hồ sơ TTHC". It starts from the sheet the add-in writes (every month and field), types
 * plausible figures, then damages the grid at random: any cell to any kind of value (numbers of every sort,
 * text numbers, spaces, booleans, error values, long and odd texts, wildcards, other Unicode forms), headers
 * renamed, moved, duplicated or deleted, rows inserted above the header, the sheet cut short or widened. It then
 * runs what "Kiểm tra dữ liệu", the pane and "Tổng hợp báo cáo" run: readTthc → tthcFormulaProblems → checkTthc
 * → tthcFigures (every month, quarter and report window) → buildTthcOverview → buildReport → buildReportSheet →
 * buildSummarySheet → reportJson, and asserts that nothing throws and every output is well formed: figures are
 * whole numbers ≥ 0 that add up (received = carried over + online + in person/post; the total is the sum of its
 * fields), rates in [0, 1], problems at real cells with Vietnamese messages, formulas within Excel's limits.
 *
 * Deterministic: seed and counts are test/support/fuzz.ts's (FUZZ_SEED to change it, FAST_CHECK_RUNS for more cases).
 */
import fc from 'fast-check';

import type { Grid, GridCell } from '../../src/domain/grid';
import { buildTthcOverview } from '../../src/domain/overview';
import { reportPeriod, type Quarter } from '../../src/domain/periods';
import type { Problem } from '../../src/domain/problems';
import { buildReport, reportJson } from '../../src/domain/report';
import { countifsKey, leadsOf, sectionsOf } from '../../src/domain/rollup';
import { expandSchedule } from '../../src/domain/schedule';
import { planSettings } from '../../src/domain/settings';
import { readTracker, type Task } from '../../src/domain/tracker';
import { checkTthc } from '../../src/domain/tthcCheck';
import {
  readTthc,
  TTHC_FIELDS,
  TTHC_FIGURE_KEYS,
  tthcFormulaProblems,
  type TthcFigures,
  type TthcRow,
} from '../../src/domain/tthc';
import { tthcFieldsOf, tthcFigures, type TthcPeriodFigures } from '../../src/domain/tthcFigures';
import { normalizeKey } from '../../src/domain/text';
import { SHEET, TTHC_HEADERS } from '../../src/i18n/vi';
import { buildReportSheet } from '../../src/sheets/reportSheet';
import { buildSummarySheet } from '../../src/sheets/summarySheet';
import { buildTrackerSheet, seedsFromPlan } from '../../src/sheets/trackerSheet';
import { buildTthcSheet } from '../../src/sheets/tthcSheet';
import { fcParams } from '../support/fuzz';
import { ensure } from '../support/violation';

const BASE: readonly (readonly GridCell[])[] = buildTthcSheet({ year: 2026 }).cells;
const WIDTH = BASE[0].length;
const TASKS: Task[] = readTracker({
  name: SHEET.tracker,
  values: buildTrackerSheet(seedsFromPlan(expandSchedule(2026)), 2026).cells.map((r) =>
    r.map((v, c) => (c === 7 && typeof v === 'string' ? 'Hoàn thành' : v)),
  ),
  formulas: [],
}).tasks;

const ERRORS = ['#N/A', '#REF!', '#VALUE!', '#DIV/0!', '#NAME?', '#NUM!', '#NULL!'];
const anyValue: fc.Arbitrary<GridCell> = fc.oneof(
  { weight: 4, arbitrary: fc.nat(200) },
  { weight: 1, arbitrary: fc.double({ noNaN: true, noDefaultInfinity: true, min: -1e6, max: 1e6 }) },
  { weight: 1, arbitrary: fc.integer({ min: -50, max: 20 }) },
  { weight: 1, arbitrary: fc.constantFrom<GridCell>(1e15, 2 ** 53, -0, 0.1 + 0.2, 12.000000001) },
  {
    weight: 2,
    arbitrary: fc.constantFrom<GridCell>(
      '12',
      ' 7 ',
      '',
      '   ',
      '\u00a0',
      '1.000',
      '1.705',
      '21\u00a0',
      '\u00a021',
      '3,5',
      '-2',
      'mười',
      'x',
    ),
  },
  { weight: 1, arbitrary: fc.boolean() },
  { weight: 1, arbitrary: fc.constantFrom(...ERRORS).map((error): GridCell => ({ error })) },
  { weight: 1, arbitrary: fc.constant<GridCell>(null) },
  {
    weight: 2,
    arbitrary: fc.constantFrom<GridCell>(
      ...TTHC_FIELDS,
      'HỘ TỊCH',
      'Hộ tịch ',
      'Đất đai'.normalize('NFD'),
      'Xây dựng',
      'a*b?c~',
      '=SUM(A1)',
      'undefined',
      'NaN',
      'x'.repeat(300),
      '\t',
    ),
  },
  { weight: 1, arbitrary: fc.string({ maxLength: 40 }) },
);

type Mutation =
  | { kind: 'cell'; row: number; col: number; value: GridCell }
  /** A month's figures, balanced; `asText` stores one of them as text ("21", "21" + a no-break space, "1.705"). */
  | {
      kind: 'figures';
      row: number;
      counts: number[];
      asText: { at: number; how: 'plain' | 'nbsp' | 'dots' } | null;
    }
  | { kind: 'header'; col: number; value: GridCell }
  | { kind: 'swapColumns'; a: number; b: number }
  | { kind: 'insertAbove'; rows: number }
  | { kind: 'truncate'; rows: number }
  | { kind: 'widen'; cols: number };

const rowArb = fc.integer({ min: 1, max: BASE.length + 3 });
const colArb = fc.integer({ min: 0, max: WIDTH + 1 });
const mutationArb: fc.Arbitrary<Mutation> = fc.oneof(
  {
    weight: 8,
    arbitrary: fc.record({ kind: fc.constant('cell' as const), row: rowArb, col: colArb, value: anyValue }),
  },
  {
    weight: 8,
    arbitrary: fc.record({
      kind: fc.constant('figures' as const),
      row: rowArb,
      counts: fc.array(fc.nat(60), { minLength: 8, maxLength: 8 }),
      asText: fc.option(
        fc.record({
          at: fc.nat(7),
          how: fc.constantFrom('plain' as const, 'nbsp' as const, 'dots' as const),
        }),
        { freq: 3 },
      ),
    }),
  },
  {
    weight: 1,
    arbitrary: fc.record({
      kind: fc.constant('header' as const),
      col: colArb,
      value: fc.oneof(anyValue, fc.constantFrom<GridCell>(...Object.values(TTHC_HEADERS))),
    }),
  },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant('swapColumns' as const), a: colArb, b: colArb }) },
  {
    weight: 1,
    arbitrary: fc.record({ kind: fc.constant('insertAbove' as const), rows: fc.integer({ min: 1, max: 3 }) }),
  },
  {
    weight: 1,
    arbitrary: fc.record({ kind: fc.constant('truncate' as const), rows: fc.nat(BASE.length + 1) }),
  },
  {
    weight: 1,
    arbitrary: fc.record({ kind: fc.constant('widen' as const), cols: fc.integer({ min: 1, max: 3 }) }),
  },
);

const COUNT_COLS = [2, 3, 4, 6, 7, 8, 9, 10];

function mutate(mutations: readonly Mutation[]): GridCell[][] {
  let g: GridCell[][] = BASE.map((r) => [...r]);
  let headerAt = 0;
  const set = (row: number, col: number, v: GridCell): void => {
    while (g.length <= row) g.push([]);
    g[row][col] = v;
  };
  for (const m of mutations) {
    if (m.kind === 'cell') set(m.row, m.col, m.value);
    else if (m.kind === 'figures') {
      // Balanced: early/on time/late/pending out of carried over + online + in person.
      const [carried, online, offline, early, late, pOn, pLate] = m.counts;
      const total = carried + online + offline;
      const e = Math.min(early, total);
      const l = Math.min(late % 4, total - e);
      const po = Math.min(pOn % 6, total - e - l);
      const pl = Math.min(pLate % 3, total - e - l - po);
      const values = [carried, online, offline, e, total - e - l - po - pl, l, po, pl];
      COUNT_COLS.forEach((c, i) => {
        const v = values[i];
        const how = m.asText?.at === i ? m.asText.how : null;
        set(
          m.row,
          c,
          how === null
            ? v
            : how === 'plain'
              ? String(v)
              : how === 'nbsp'
                ? `${v}\u00a0`
                : `${Math.floor(v / 1000) > 0 ? `${Math.floor(v / 1000)}.` : ''}${String(v % 1000).padStart(v >= 1000 ? 3 : 1, '0')}`,
        );
      });
    } else if (m.kind === 'header') set(headerAt, m.col, m.value);
    else if (m.kind === 'swapColumns')
      g = g.map((r) => {
        const x = [...r];
        [x[m.a], x[m.b]] = [r[m.b] ?? null, r[m.a] ?? null];
        return x;
      });
    else if (m.kind === 'insertAbove') {
      g = [...Array.from({ length: m.rows }, () => [] as GridCell[]), ...g];
      headerAt += m.rows;
    } else if (m.kind === 'truncate') g = g.slice(0, Math.max(1, g.length - m.rows));
    else g = g.map((r) => [...Array.from({ length: m.cols }, () => null), ...r]);
  }
  return g.map((r) => Array.from({ length: r.length }, (_, i) => r[i] ?? null));
}

const A1 = /^[A-Z]{1,3}[1-9][0-9]*$/;
const VIETNAMESE_LETTER = /[àáảãạăằắẳẵặâầấẩẫậèéẻẽẹêềếểễệìíỉĩịòóỏõọôồốổỗộơờớởỡợùúủũụưừứửữựỳýỷỹỵđ]/i;

function checkFigures(f: TthcFigures, what: string): void {
  for (const k of TTHC_FIGURE_KEYS)
    ensure(Number.isSafeInteger(f[k]) && f[k] >= 0, `${what}: ${k} = ${f[k]} is not a whole number ≥ 0`);
  ensure(
    f.received === f.carriedOver + f.online + f.offline,
    `${what}: received ≠ carried + online + offline`,
  );
}

function checkPeriod(p: TthcPeriodFigures, what: string): void {
  checkFigures(p.totals, `${what} totals`);
  ensure(
    p.months.every(
      (m, i) =>
        Number.isInteger(m) && m >= p.window.from && m <= p.window.to && (i === 0 || m > p.months[i - 1]),
    ),
    `${what}: months ${JSON.stringify(p.months)} not ascending in ${p.window.from}–${p.window.to}`,
  );
  ensure(p.onTimeRate === null || (p.onTimeRate >= 0 && p.onTimeRate <= 1), `${what}: rate ${p.onTimeRate}`);
  const keys = p.byField.map((b) => countifsKey(b.key));
  ensure(new Set(keys).size === keys.length, `${what}: a field twice: ${JSON.stringify(keys)}`);
  for (const b of p.byField) checkFigures(b.figures, `${what} ${b.field}`);
  // The total is the sum of the fields (Khác included): every counted row is in exactly one group.
  for (const k of TTHC_FIGURE_KEYS) {
    const sum = p.byField.reduce((a, b) => a + b.figures[k], 0);
    ensure(sum === p.totals[k], `${what}: ${k} by field ${sum} ≠ total ${p.totals[k]}`);
  }
  for (const f of p.frequentLate)
    ensure(f.lateMonths.length >= 2, `${what}: ${f.field} often late in <2 months`);
}

function checkTthcProblem(p: Problem, grid: Grid): void {
  const where = `problem ${p.code}@${p.sheet}!${p.cell}`;
  ensure(p.sheet === grid.name || p.sheet === SHEET.tracker, `${where}: sheet`);
  ensure(A1.test(p.cell), `${where}: not an A1 cell`);
  if (p.sheet === grid.name)
    ensure(Number(/\d+$/.exec(p.cell)![0]) <= Math.max(grid.values.length, 1), `${where}: below the sheet`);
  ensure(p.message.trim() !== '' && VIETNAMESE_LETTER.test(p.message), `${where}: message ${p.message}`);
  // What the program wrote, not what the user typed (who may well have typed "NaN" or "undefined").
  const typed = grid.values.flat().filter((v): v is string => typeof v === 'string' && v !== '');
  const own = typed.reduce((text, t) => text.split(t).join('\u0000'), p.message);
  ensure(!/undefined|NaN|\[object Object\]/.test(own), `${where}: leaks ${p.message}`);
}

interface Case {
  mutations: Mutation[];
  formulas: 'none' | 'all' | 'some';
  quarter: Quarter;
  knownFields: 'default' | 'none' | 'some';
}

const caseArb: fc.Arbitrary<Case> = fc.record({
  mutations: fc.array(mutationArb, { minLength: 0, maxLength: 40 }),
  formulas: fc.constantFrom('none' as const, 'all' as const, 'some' as const),
  quarter: fc.constantFrom<Quarter>(1, 2, 3, 4),
  knownFields: fc.constantFrom('default' as const, 'none' as const, 'some' as const),
});

function runTthc(c: Case): void {
  const values = mutate(c.mutations);
  const formulas =
    c.formulas === 'none'
      ? []
      : values.map((r, i) =>
          r.map((_, j) => ((j === 5 || j === 11) && (c.formulas === 'all' || i % 3 !== 0) ? '=' : null)),
        );
  const grid: Grid = { name: SHEET.tthc, values, formulas };
  const knownFields =
    c.knownFields === 'default' ? TTHC_FIELDS : c.knownFields === 'none' ? [] : TTHC_FIELDS.slice(0, 4);
  const read = readTthc(grid, 2026);
  const problems = [
    ...read.problems,
    ...tthcFormulaProblems(grid, read),
    ...checkTthc(read, SHEET.tthc, { year: 2026, knownFields, tasks: TASKS, statusColumn: 7 }),
  ];
  for (const p of problems) checkTthcProblem(p, grid);
  // The check never asks for a row that is there (in any state: no figures yet, "Lỗi dữ liệu", a month as text).
  for (const p of problems.filter((x) => x.code === 'tthcCarryMissing')) {
    const at = read.rows.find((r) => r.row === Number(/\d+$/.exec(p.cell)![0]))!;
    const key = (r: TthcRow): string => `${r.month ?? r.monthAsText}|${normalizeKey(r.field ?? '')}`;
    const wanted = `${(at.month as number) + 1}|${normalizeKey(at.field ?? '')}`;
    ensure(!read.rows.some((r) => key(r) === wanted), `${p.cell}: asks to add a row that is there`);
  }
  for (const r of read.rows) {
    ensure(r.row >= 1 && r.row <= values.length, `row ${r.row} outside the sheet`);
    if (r.state === 'counted')
      ensure(
        r.month !== null && r.field !== null && r.unreadable.length === 0,
        `counted row ${r.row} unreadable`,
      );
    if (r.state === 'dataError') {
      ensure(r.unreadable.length > 0, `row ${r.row}: Lỗi dữ liệu with nothing unreadable`);
      // Every row the formula cannot read has an error at one of its cells.
      ensure(
        problems.some(
          (p) =>
            p.severity === 'error' && p.sheet === SHEET.tthc && Number(/\d+$/.exec(p.cell)![0]) === r.row,
        ),
        `row ${r.row}: Lỗi dữ liệu with no error reported`,
      );
    }
  }
  const fields = tthcFieldsOf(read.rows, knownFields.length > 0 ? knownFields : undefined);
  for (let m = 1; m <= 12; m++) checkPeriod(tthcFigures(read.rows, { from: m, to: m }, fields), `month ${m}`);
  for (let q = 1; q <= 4; q++)
    checkPeriod(tthcFigures(read.rows, { from: 3 * q - 2, to: 3 * q }, fields), `Q${q}`);
  const settings = planSettings(2026);
  const period = reportPeriod(2026, c.quarter);
  const report = buildReport({
    tasks: TASKS,
    settings,
    period,
    asOf: period.to,
    errors: problems.filter((p) => p.severity === 'error'),
    trackerSheet: SHEET.tracker,
    tthc: { read, listedFields: knownFields.length > 0 ? knownFields : undefined },
  });
  checkPeriod(report.tthc.figures, 'report');
  const overview = buildTthcOverview(read, settings, period.to, knownFields);
  ensure(
    overview.lateFields.every((f) => f.row >= 1 && f.row <= values.length),
    'overview: a row outside the sheet',
  );
  const sheet = buildReportSheet(report, period.sheetName);
  for (const row of sheet.cells)
    for (const v of row)
      ensure(
        v === null || typeof v === 'number' ? v === null || Number.isFinite(v) : typeof v === 'string',
        'report cell',
      );
  const json = JSON.parse(JSON.stringify(reportJson(report, period.sheetName))) as {
    tthc: Record<string, unknown>;
  };
  ensure(
    JSON.stringify(Object.keys(json.tthc)) ===
      JSON.stringify(['months', 'totals', 'byField', 'onTimeRate', 'frequentLateFields', 'unbalancedFields']),
    `json: ${Object.keys(json.tthc).join(', ')}`,
  );
  if (read.readable) {
    const tracker = readTracker({
      name: SHEET.tracker,
      values: buildTrackerSheet(seedsFromPlan(expandSchedule(2026)), 2026).cells,
      formulas: [],
    });
    const summary = buildSummarySheet({
      year: 2026,
      periodMode: 'calendar',
      writtenOn: period.to,
      headerRow: tracker.headerRow,
      columns: tracker.columns,
      sections: sectionsOf(),
      leads: leadsOf(tracker.tasks),
      tthc: { headerRow: read.headerRow, columns: read.columns, fields },
    });
    for (const f of summary.spec.formulas ?? [])
      ensure(f.formula.length <= 8192, `formula at ${f.cell} too long`);
    const t = summary.layout.tthc!;
    ensure(
      t.blocks.every((b) => b.keys.length === fields.length + 1),
      'Tổng hợp: a block without a row per field',
    );
    ensure(A1.test(t.dataErrorCell), 'Tổng hợp: data-error cell');
  }
}

describe('Hồ sơ TTHC, mutated at random, through check, the pane and the report', () => {
  it('never crashes, and every output is well formed', () => {
    fc.assert(
      fc.property(caseArb, (c) => {
        runTthc(c);
      }),
      fcParams('tthcFuzz'),
    );
  });
});
