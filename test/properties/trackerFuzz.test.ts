/**
 * A mutation fuzzer over the tracker's cells. It starts from the grid the add-in writes for 2026
 * (buildTrackerSheet(seedsFromPlan(expandSchedule(2026)), 2026).cells), damages it at random
 * (trackerMutations.ts), then runs what "Kiểm tra dữ liệu" and "Tổng hợp báo cáo" run:
 * checkTrackerGrid → rollup → buildReport → buildReportSheet → buildSummarySheet (the last only when the
 * columns it needs were found, as compileReport does), and asserts that nothing throws and every output is
 * well formed.
 *
 * Deterministic: seed and counts are test/support/fuzz.ts's (FUZZ_SEED to change it; see there for replaying a failure).
 */
import fc from 'fast-check';

import { SHEET } from '../../src/i18n/vi';
import { BODIES } from '../../src/domain/bodies';
import { isIsoDate, isoFromSerial, type IsoDate } from '../../src/domain/dates';
import { DEADLINE_STATES } from '../../src/domain/deadline';
import { cellText, type Grid, type GridCell } from '../../src/domain/grid';
import { periodContaining, reportPeriod, type Quarter, type ReportPeriod } from '../../src/domain/periods';
import type { Problem } from '../../src/domain/problems';
import { buildReport, type ReportContent, type ReportCounts } from '../../src/domain/report';
import { leadsOf, rollup, sectionsOf, type Rollup, type StateCounts } from '../../src/domain/rollup';
import { expandSchedule } from '../../src/domain/schedule';
import { planSettings, type PeriodMode, type Settings } from '../../src/domain/settings';
import { cleanText, normalizeKey } from '../../src/domain/text';
import type { TrackerRead } from '../../src/domain/tracker';
import { checkTrackerGrid } from '../../src/domain/validation';
import { buildReportSheet } from '../../src/sheets/reportSheet';
import type { SheetSpec } from '../../src/sheets/spec';
import { buildSummarySheet } from '../../src/sheets/summarySheet';
import { buildTrackerSheet, seedsFromPlan } from '../../src/sheets/trackerSheet';
import { fcParams } from '../support/fuzz';
import {
  applyMutations,
  CENTRE_SERIAL,
  locate,
  mutationArb,
  type Mutation,
  type Row,
} from './trackerMutations';
import { ensure } from '../support/violation';

const BASE: readonly (readonly GridCell[])[] = buildTrackerSheet(
  seedsFromPlan(expandSchedule(2026)),
  2026,
).cells;

// ---------------------------------------------------------------------------------------------------------
// One case: the mutated grid and the context the actions would run with.

interface FuzzCase {
  mutations: Mutation[];
  /** Serial of "today" (the check's T and the report's as-of date). */
  today: number;
  year: number;
  warningDays: number;
  knownLeads: string[];
  period: { pick: 'containing' } | { pick: 'quarter'; quarter: Quarter };
  mode: PeriodMode;
  /** The formula grid: none (as the brief's reader gives), or formulas in the state column of all/some rows. */
  formulas: 'none' | 'all' | 'some';
}

const caseArb: fc.Arbitrary<FuzzCase> = fc.record({
  mutations: fc.array(mutationArb, { minLength: 0, maxLength: 14 }),
  today: fc.oneof(
    { weight: 6, arbitrary: fc.integer({ min: CENTRE_SERIAL - 400, max: CENTRE_SERIAL + 400 }) },
    { weight: 1, arbitrary: fc.integer({ min: 32_874, max: 73_415 }) }, // 1990 … 2100
  ),
  year: fc.oneof(
    { weight: 5, arbitrary: fc.constant(2026) },
    { weight: 1, arbitrary: fc.integer({ min: 1990, max: 2100 }) },
  ),
  warningDays: fc.oneof(fc.constantFrom(0, 7, 365), fc.integer({ min: 0, max: 365 })),
  knownLeads: fc.oneof(
    fc.constant<string[]>([...BODIES]),
    fc.constant<string[]>([]),
    fc.subarray<string>([...BODIES]),
  ),
  period: fc.oneof(
    fc.constant({ pick: 'containing' as const }),
    fc.constantFrom<Quarter>(1, 2, 3, 4).map((quarter) => ({ pick: 'quarter' as const, quarter })),
  ),
  mode: fc.constantFrom<PeriodMode>('calendar', 'decree09'),
  formulas: fc.constantFrom('none' as const, 'all' as const, 'some' as const),
});

interface Outcome {
  grid: Grid;
  today: IsoDate;
  read: TrackerRead;
  problems: Problem[];
  errors: Problem[];
  warnings: Problem[];
  settings: Settings;
  period: ReportPeriod;
  roll: Rollup;
  report: ReportContent;
  reportSheet: SheetSpec;
  summary?: SheetSpec;
  /** Texts that came from the grid (as cells show them, trimmed, cleaned): a message may quote them. */
  userTexts: string[];
}

function formulaGrid(values: readonly Row[], how: FuzzCase['formulas']): (string | null)[][] {
  if (how === 'none') return [];
  const c = locate(values).columns.deadlineState;
  return values.map((r, i) =>
    r.map((_, j) => (j === c && (how === 'all' || i % 3 !== 0) ? `=IF(C${i + 1}="","",1)` : null)),
  );
}

function userTextsOf(values: readonly Row[]): string[] {
  const out = new Set<string>();
  for (const row of values) {
    for (const v of row) {
      const t = cellText(v ?? null);
      if (t === '') continue;
      for (const s of [t, t.trim(), cleanText(t), t.normalize('NFC')]) if (s !== '') out.add(s);
    }
  }
  return [...out].sort((a, b) => b.length - a.length);
}

/** Runs the actions' pipeline on one case. Throws whatever the code under test throws. */
function runTracker(c: FuzzCase): Outcome {
  const values = applyMutations(BASE, c.mutations);
  const grid: Grid = { name: SHEET.tracker, values, formulas: formulaGrid(values, c.formulas) };
  const today = isoFromSerial(c.today) as IsoDate;
  const { read, result } = checkTrackerGrid(grid, { today, year: c.year, knownLeads: c.knownLeads });
  const settings: Settings = { ...planSettings(c.year), warningDays: c.warningDays, periodMode: c.mode };
  const period =
    c.period.pick === 'containing'
      ? periodContaining(today, c.mode)
      : reportPeriod(c.year, c.period.quarter, c.mode);
  const listedLeads = c.knownLeads.length > 0 ? c.knownLeads : BODIES;
  const roll = rollup(read.tasks, {
    asOf: today,
    warningDays: c.warningDays,
    year: c.year,
    periodMode: c.mode,
    listedLeads,
  });
  const report = buildReport({
    tasks: read.tasks,
    settings,
    period,
    asOf: today,
    errors: result.errors,
    trackerSheet: SHEET.tracker,
    listedLeads,
  });
  const reportSheet = buildReportSheet(report, period.sheetName);
  // compileReport writes Tổng hợp only when the tracker has no structural error and a Tình trạng hạn column.
  const structural = result.errors.some((e) => e.code === 'missingColumn' || e.code === 'headerNotFound');
  const cols = read.columns;
  const summary =
    !structural &&
    [cols.task, cols.deadlineState, cols.section, cols.lead, cols.deadline].every((x) => x !== undefined)
      ? buildSummarySheet({
          year: c.year,
          periodMode: c.mode,
          writtenOn: today,
          headerRow: read.headerRow,
          columns: read.columns,
          sections: sectionsOf(),
          leads: leadsOf(read.tasks, c.knownLeads.length > 0 ? c.knownLeads : undefined),
        }).spec
      : undefined;
  return {
    grid,
    today,
    read,
    problems: [...result.errors, ...result.warnings],
    errors: result.errors,
    warnings: result.warnings,
    settings,
    period,
    roll,
    report,
    reportSheet,
    summary,
    userTexts: userTextsOf(values),
  };
}

// ---------------------------------------------------------------------------------------------------------
// Invariants

const show = (s: string): string =>
  JSON.stringify(s.length > 300 ? `${s.slice(0, 300)}… (${s.length} chars)` : s);

const A1 = /^[A-Z]{1,3}[1-9][0-9]*$/;
/** Letters only Vietnamese (and a few neighbours) write: tone marks and ă â đ ê ô ơ ư. */
const VIETNAMESE_LETTER = /[àáảãạăằắẳẵặâầấẩẫậèéẻẽẹêềếểễệìíỉĩịòóỏõọôồốổỗộơờớởỡợùúủũụưừứửữựỳýỷỹỵđ]/i;
/** What a program leaks when it prints a value it should not. */
const LEAKS: readonly [string, RegExp][] = [
  ['undefined', /undefined/],
  ['NaN', /NaN/],
  ['[object Object]', /\[object Object\]/],
  ['Error:', /Error:/],
  ['a stack-trace line', /(^|\n)\s*at\s/],
];

/** `text` with every quoted user text cut out (replaced by a separator, so no new word forms across the cut). */
function withoutUserText(text: string, userTexts: readonly string[]): string {
  let out = text;
  for (const u of userTexts) if (out.includes(u)) out = out.split(u).join('\u0000');
  return out;
}

function leaksIn(text: string, userTexts: readonly string[]): string[] {
  const found = LEAKS.filter(([, re]) => re.test(text));
  if (found.length === 0) return [];
  // Only what the program wrote counts: the user may well have typed "NaN" or "undefined" in a cell.
  const own = withoutUserText(text, userTexts);
  return found.filter(([, re]) => re.test(own)).map(([name]) => name);
}

function checkProblem(p: Problem, o: Outcome): void {
  const where = `problem ${p.code}@${p.cell}: ${show(p.message ?? '')}`;
  ensure(p.severity === 'error' || p.severity === 'warning', `${where}: severity ${String(p.severity)}`);
  ensure(typeof p.code === 'string' && p.code !== '', `${where}: no code`);
  ensure(p.sheet === o.grid.name, `${where}: sheet ${show(String(p.sheet))}`);
  ensure(typeof p.cell === 'string' && A1.test(p.cell), `${where}: cell is not A1`);
  const row = Number(/\d+$/.exec(p.cell)?.[0]);
  ensure(
    row <= Math.max(o.grid.values.length, 1),
    `${where}: row ${row} is below the sheet (${o.grid.values.length} rows)`,
  );
  ensure(typeof p.message === 'string' && p.message.trim() !== '', `${where}: empty message`);
  const own = withoutUserText(p.message.normalize('NFC'), [...o.userTexts, o.grid.name]);
  ensure(VIETNAMESE_LETTER.test(own), `${where}: the message's own words are not Vietnamese`);
  const leaks = leaksIn(p.message, o.userTexts);
  ensure(leaks.length === 0, `${where}: leaks ${leaks.join(', ')}`);
}

function checkCounts(c: ReportCounts | StateCounts, what: string, states: readonly string[]): void {
  const values = states.map((s) => (c as Record<string, number>)[s]);
  ensure(
    [c.tasks, ...values].every((n) => Number.isInteger(n) && n >= 0),
    `${what}: counts are not whole numbers ≥ 0: ${JSON.stringify(c)}`,
  );
  ensure(
    values.reduce((a, b) => a + b, 0) === c.tasks,
    `${what}: tasks ${c.tasks} ≠ sum of the states ${JSON.stringify(c)}`,
  );
  ensure(
    c.rateOnTime >= 0 && c.rateOnTime <= c.rateDue && c.rateDue <= c.tasks && c.rateOnTime <= c.doneOnTime,
    `${what}: completion rate parts ${c.rateOnTime}/${c.rateDue} of ${JSON.stringify(c)}`,
  );
}

/** What the signed text may never hold: an empty field in a sentence. */
const EMPTY_FIELD: readonly [string, RegExp][] = [
  ['an empty lead', /chủ trì: ;/],
  ['an empty deadline', /hạn ,|hạn \)/],
  ['an empty task', /^\u00a0*- [:(.]/],
  ['an empty result', /: \(|: \.$/],
  ['an empty list item', /^\u00a0*- \.$/],
];

/**
 * The printed report names no row whose state the sheet cannot read ("Lỗi dữ liệu": counted nowhere); a row with
 * another check error is counted and named as the sheet shows it (one count for I.1 and II.1, issue 19), and no
 * sentence has an empty field.
 */
function checkSignedText(o: Outcome): void {
  const flagged = new Set(o.report.dataErrors.map((d) => d.row));
  for (const t of o.read.tasks) {
    if (!t.listed) continue;
    const hasError = o.errors.some((p) => Number(/\d+$/.exec(p.cell)?.[0]) === t.row);
    ensure(
      hasError === flagged.has(t.row),
      `row ${t.row}: error ${hasError}, listed apart ${flagged.has(t.row)}`,
    );
  }
  const named = [
    ...o.report.overdue,
    ...o.report.nextQuarter,
    ...o.report.sections.flatMap((s) => [...s.done, ...s.overdue]),
  ];
  for (const r of named)
    ensure(r.task.unreadable.length === 0, `row ${r.task.row} shows "Lỗi dữ liệu" but is named`);
  const printed = Number(/(\d+)$/.exec(o.reportSheet.page?.printArea ?? 'A1:A0')?.[1]);
  o.reportSheet.cells.slice(0, printed).forEach((row, r) =>
    row.forEach((v) => {
      if (typeof v !== 'string') return;
      const own = withoutUserText(v, o.userTexts);
      for (const [what, re] of EMPTY_FIELD)
        ensure(!re.test(own), `report row ${r + 1}: ${what} in ${show(v)}`);
    }),
  );
}

const REPORT_STATES = [...DEADLINE_STATES, 'notYetInPeriod'] as const;
const ROLLUP_STATES = REPORT_STATES;

function checkSheetCells(spec: SheetSpec, o: Outcome): void {
  spec.cells.forEach((row, r) =>
    row.forEach((v, c) => {
      const where = `${spec.name}!R${r + 1}C${c + 1}`;
      ensure(v === null || typeof v === 'string' || typeof v === 'number', `${where}: a ${typeof v}`);
      if (typeof v === 'number') ensure(Number.isFinite(v), `${where}: ${v}`);
      if (typeof v === 'string') {
        const leaks = leaksIn(v, o.userTexts).filter(
          (l) => l === 'undefined' || l === 'NaN' || l === '[object Object]',
        );
        ensure(leaks.length === 0, `${where}: leaks ${leaks.join(', ')} in ${show(v)}`);
      }
    }),
  );
  for (const f of spec.formulas ?? []) {
    ensure(A1.test(f.cell), `${spec.name}: formula cell ${f.cell}`);
    ensure(f.formula.startsWith('='), `${spec.name}!${f.cell}: formula ${show(f.formula)}`);
    ensure(
      (f.formula.match(/"/g) ?? []).length % 2 === 0,
      `${spec.name}!${f.cell}: unbalanced quotes in ${show(f.formula)}`,
    );
    const leaks = leaksIn(f.formula, o.userTexts).filter((l) => l === 'undefined' || l === 'NaN');
    ensure(leaks.length === 0, `${spec.name}!${f.cell}: leaks ${leaks.join(', ')}`);
  }
}

/** The brief's invariants: nothing throws (runTracker() did not), problems are well formed, totals add up. */
function checkCore(o: Outcome): void {
  ensure(
    o.errors.every((p) => p.severity === 'error') && o.warnings.every((p) => p.severity === 'warning'),
    'errors/warnings split by severity',
  );
  const seen = new Set<string>();
  for (const p of o.problems) {
    checkProblem(p, o);
    const key = `${p.code}@${p.cell}: ${p.message}`;
    ensure(!seen.has(key), `problem ${show(key)} reported twice`);
    seen.add(key);
  }
  for (const t of o.read.tasks) {
    ensure(
      t.row >= o.read.headerRow + 2 && t.row <= o.grid.values.length,
      `task row ${t.row} outside the data rows`,
    );
    ensure(t.deadline === null || isIsoDate(t.deadline), `row ${t.row}: deadline ${String(t.deadline)}`);
    ensure(
      t.completedOn === null || isIsoDate(t.completedOn),
      `row ${t.row}: completedOn ${String(t.completedOn)}`,
    );
  }
  // Report totals add up, in total, per section and per lead.
  checkCounts(o.report.totals, 'report totals', REPORT_STATES);
  for (const s of o.report.sections) checkCounts(s.counts, `report section ${s.id}`, REPORT_STATES);
  for (const l of o.report.byLead) checkCounts(l.counts, `report lead ${l.lead}`, REPORT_STATES);
  ensure(
    o.report.overdue.every((r) => r.state === 'overdue' && r.daysLate >= 1),
    'overdue list',
  );
  // Roll-up: totals add up, and the quarter buckets (before, Q1…Q4, after, none) partition the tasks.
  checkCounts(o.roll.total, 'rollup total', ROLLUP_STATES);
  for (const r of [...o.roll.bySection, ...o.roll.byLead, ...o.roll.byQuarter, ...o.roll.byPeriod])
    checkCounts(r.counts, `rollup ${r.key}`, ROLLUP_STATES);
  for (const k of ['tasks', ...DEADLINE_STATES] as const) {
    const sum = o.roll.byQuarter.reduce((a, r) => a + r.counts[k], 0);
    ensure(sum === o.roll.total[k], `rollup by quarter: ${k} ${sum} ≠ total ${o.roll.total[k]}`);
  }
  checkSheetCells(o.reportSheet, o);
  if (o.summary) checkSheetCells(o.summary, o);
  checkSignedText(o);
}

/** Runs `check` on the outcome of each case; a throw from runTracker() or a Violation fails the property. */
const property = (check: (o: Outcome) => void): fc.IProperty<[FuzzCase]> =>
  fc.property(caseArb, (c) => {
    check(runTracker(c));
  });

describe('fuzzing the tracker grid', () => {
  it('a mutated tracker never crashes check/rollup/report/summary, and every problem and figure is well formed', () => {
    fc.assert(property(checkCore), fcParams('trackerFuzz'));
  });

  it('the unmutated tracker passes with no problem at all', () => {
    const o = runTracker({
      mutations: [],
      today: CENTRE_SERIAL,
      year: 2026,
      warningDays: 7,
      knownLeads: [...BODIES],
      period: { pick: 'containing' },
      mode: 'calendar',
      formulas: 'all',
    });
    checkCore(o);
    expect(o.problems).toEqual([]);
    expect(o.read.tasks).toHaveLength(48);
    expect(o.summary).toBeDefined();
  });
});

// ---------------------------------------------------------------------------------------------------------
// Cross-checks beyond the brief's list. Each failing one is a bug report; see the comments.

/** Section rows must add up to the total, in the roll-up and in the report. */
function checkSectionsAddUp(o: Outcome): void {
  for (const k of ['tasks', ...DEADLINE_STATES] as const) {
    const r = o.roll.bySection.reduce((a, s) => a + s.counts[k], 0);
    ensure(r === o.roll.total[k], `rollup: section rows give ${k} = ${r}, total says ${o.roll.total[k]}`);
  }
  for (const k of ['tasks', ...REPORT_STATES] as const) {
    const r = o.report.sections.reduce((a, s) => a + s.counts[k], 0);
    ensure(
      r === o.report.totals[k],
      `report: section rows give ${k} = ${r}, "Cộng" says ${o.report.totals[k]}`,
    );
  }
}

/** Lead rows (with the "Khác" row, which holds tasks without a known lead) add up to the total. */
function checkLeadsAddUp(o: Outcome): void {
  const counted = o.read.tasks.filter((t) => t.listed);
  const noLead = counted.filter((t) => t.lead === '' && t.match.lead !== null);
  const sum = o.roll.byLead.reduce((a, s) => a + s.counts.tasks, 0);
  ensure(sum === o.roll.total.tasks, `rollup: lead rows ${sum} ≠ ${o.roll.total.tasks}`);
  for (const t of noLead)
    ensure(
      o.errors.some((p) => p.code === 'emptyLead' && p.cell.endsWith(String(t.row))),
      `row ${t.row}: no emptyLead error`,
    );
  const keys = o.roll.byLead.map((l) => normalizeKey(l.key));
  ensure(new Set(keys).size === keys.length, `rollup: a lead has two rows: ${show(keys.join(' | '))}`);
}

/**
 * Excel's hard limits: text ≤ 32,767 and formulas ≤ 8,192 characters (the .xlsx writer refuses the whole
 * sheet otherwise: WorkbookError 'unsupported'), rows ≤ 409 pt (Office.js rejects RangeFormat.rowHeight
 * above that, as test/fake-excel/range.ts models).
 */
function checkExcelLimits(o: Outcome): void {
  for (const spec of [o.reportSheet, ...(o.summary ? [o.summary] : [])]) {
    spec.cells.forEach((row, r) =>
      row.forEach((v, c) => {
        if (typeof v === 'string')
          ensure(
            v.length <= 32_767,
            `${spec.name}!R${r + 1}C${c + 1}: ${v.length} characters (Excel holds 32,767)`,
          );
      }),
    );
    for (const [row, height] of Object.entries(spec.rowHeights ?? {}))
      ensure(
        height >= 0 && height <= 409,
        `${spec.name}: row ${row} is ${height} pt high (Excel allows 0–409)`,
      );
    for (const f of spec.formulas ?? [])
      ensure(
        f.formula.length - 1 <= 8_192,
        `${spec.name}!${f.cell}: formula of ${f.formula.length - 1} characters (Excel takes 8,192)`,
      );
  }
}

describe('fuzzing the tracker grid: cross-checks', () => {
  it('the lead rows of the roll-up add up to the total (tasks without a lead are reported as errors)', () => {
    fc.assert(property(checkLeadsAddUp), fcParams('trackerCross'));
  });

  // Found by this fuzzer and fixed: a task with an empty Mục was counted in the total but in no section row,
  // and the check said nothing. Now the check flags it and a "Khác" row holds it.
  it('every counted task lands in exactly one section row (roll-up and report)', () => {
    fc.assert(property(checkSectionsAddUp), fcParams('trackerCross'));
  });

  it('a task with an empty Mục is flagged and counted in the "Khác" section', () => {
    const o = runTracker({
      mutations: [{ kind: 'set', row: 2, col: 1, value: '' }],
      today: CENTRE_SERIAL,
      year: 2026,
      warningDays: 7,
      knownLeads: [...BODIES],
      period: { pick: 'quarter', quarter: 4 },
      mode: 'calendar',
      formulas: 'none',
    });
    expect(o.problems.map((p) => `${p.code}@${p.cell}`)).toEqual(['emptySection@B3']);
    // The plan's 48 less the task of writing the year report itself (rollup.periodTasks).
    expect(o.report.totals.tasks).toBe(47);
    expect(o.report.sections.reduce((a, s) => a + s.counts.tasks, 0)).toBe(47);
  });

  // Found by this fuzzer and fixed: report paragraphs asked for rows taller than Excel's 409 pt and cells
  // longer than 32,767 characters; a Mục or lead of thousands of characters made COUNTIFS formulas longer
  // than 8,192 characters. Report rows and cells are now capped, and long keys are counted under "Khác".
  it('report and summary sheets fit Excel (text ≤ 32,767, formula ≤ 8,192 characters, rows ≤ 409 pt)', () => {
    fc.assert(property(checkExcelLimits), fcParams('trackerLimits'));
  });

  const limitsCase = (mutations: Mutation[]): Outcome =>
    runTracker({
      mutations,
      today: CENTRE_SERIAL,
      year: 2026,
      warningDays: 7,
      knownLeads: [...BODIES],
      period: { pick: 'quarter', quarter: 2 },
      mode: 'calendar',
      formulas: 'none',
    });

  it('a done task of 20,000 characters with 20,000 characters of evidence makes a report cell of 40,000', () => {
    const o = limitsCase([
      { kind: 'set', row: 1, col: 2, value: 'a'.repeat(20_000) },
      {
        kind: 'progress',
        row: 0,
        count: 1,
        status: 'Hoàn thành',
        completed: -1,
        anchor: 'deadline',
        evidence: 'b'.repeat(20_000),
      },
    ]);
    expect(o.problems).toEqual([]); // both cells are fine for Excel and for the check
    const longest = Math.max(
      ...o.reportSheet.cells.flat().map((v) => (typeof v === 'string' ? v.length : 0)),
    );
    expect(longest).toBeLessThanOrEqual(32_767); // actual: 40,034
  });

  it('a done task with 1,700 characters of evidence gets a report row taller than 409 pt', () => {
    const o = limitsCase([
      {
        kind: 'progress',
        row: 0,
        count: 1,
        status: 'Hoàn thành',
        completed: -1,
        anchor: 'deadline',
        evidence: 'Đã ban hành Quyết định số 12/QĐ-UBND. '.repeat(45).slice(0, 1_700),
      },
    ]);
    expect(o.problems).toEqual([]);
    const tallest = Math.max(...Object.values(o.reportSheet.rowHeights ?? {}));
    expect(tallest).toBeLessThanOrEqual(409); // actual: 460
  });

  it('a Mục of 9,000 characters makes Tổng hợp formulas longer than 8,192 characters', () => {
    const o = limitsCase([{ kind: 'set', row: 1, col: 1, value: 'M'.repeat(9_000) }]);
    expect(o.summary).toBeDefined();
    const longest = Math.max(...(o.summary?.formulas ?? []).map((f) => f.formula.length - 1));
    expect(longest).toBeLessThanOrEqual(8_192); // actual: 9,088
  });
});

describe('Danh mục with a body listed twice', () => {
  // Found by this fuzzer and fixed: a body listed twice in Danh mục (or once in NFD, or spaced differently)
  // gave two rows in Tổng hợp's block 2 and its total counted that body's tasks twice.
  it('leadsOf gives each lead once, however Danh mục repeats it', () => {
    const variant = fc
      .tuple(fc.constantFrom(...BODIES), fc.constantFrom('same', 'nfd', 'upper', 'spaced'))
      .map(([b, how]) =>
        how === 'same'
          ? b
          : how === 'nfd'
            ? b.normalize('NFD')
            : how === 'upper'
              ? b.toLocaleUpperCase('vi')
              : ` ${b.replace(/ /g, '  ')} `,
      );
    fc.assert(
      fc.property(fc.array(variant, { minLength: 1, maxLength: 20 }), (listed) => {
        const keys = leadsOf([], listed).map(normalizeKey);
        expect(new Set(keys).size).toBe(keys.length);
      }),
      fcParams('medium'),
    );
  });
});
