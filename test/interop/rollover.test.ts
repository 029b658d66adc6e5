/**
 * The new year's workbook in LibreOffice (the independent spreadsheet): old trackers of this year, written in
 * as people write (progress, dates typed as text, error values, deadlines moved), are rolled over to next year
 * today; LibreOffice recalculates every new workbook, and every row's Tình trạng hạn, carried or planned, is
 * the state the domain gives the row, and every figure of a Tổng hợp over the new tracker (where work carried
 * over from this year counts from the new year's first report on) is the domain's roll-up. All for today, the
 * day LibreOffice recalculates.
 */
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import fc from 'fast-check';

import { rolloverTracker } from '../../src/app/rollover';

import { trackerFromSnapshot, type TrackerState } from '../../src/app/checkTracker';

import { rollupFor, summaryFor } from '../../src/app/summary';

import { addDays, todayIso } from '../../src/domain/dates';
import { deadlineState } from '../../src/domain/deadline';

import { expandSchedule } from '../../src/domain/schedule';

import { readKnownLeads } from '../../src/domain/validation';

import { SHEET, STATE_LABEL, STATUS_LABEL } from '../../src/i18n/vi';

import { openXlsx } from '../../src/workbook/xlsx/xlsxWorkbook';

import { disposeLibreOffice, recalcAllWithLibreOffice } from '../support/libreoffice';

import { summaryMismatches } from '../support/summaryOracle';

import { FUZZ_SEED, libreOfficeRuns } from '../support/fuzz';

import { buildOldTracker, endOfNovember, userRows, type OldTrackerEdit } from '../support/oldTracker';

import { serialFromToday } from '../support/days';

const today = todayIso();
const year = Number(today.slice(0, 4));
const ROWS = expandSchedule(year).length + userRows(year).length;
const TRACKERS = libreOfficeRuns();
const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'cchc-rollover-lo-'));
afterAll(async () => {
  await disposeLibreOffice();
  if (!process.env.KEEP_TEST_FILES) fs.rmSync(dir, { recursive: true, force: true });
});

const rowArb = fc.integer({ min: 2, max: ROWS + 1 });
const pastArb = fc.integer({ min: -90, max: 0 });

/** One thing a person does to a row: progress, or one of the ways a cell ends up unreadable. */
const editArb: fc.Arbitrary<OldTrackerEdit[]> = fc.oneof(
  fc.tuple(rowArb, pastArb).map(([row, d]): OldTrackerEdit[] => [
    { row, key: 'status', value: STATUS_LABEL.done },
    { row, key: 'completedOn', value: serialFromToday(d) },
  ]),
  rowArb.map((row): OldTrackerEdit[] => [{ row, key: 'status', value: STATUS_LABEL.inProgress }]),
  // Done, but dated after today: not done yet.
  fc.tuple(rowArb, fc.integer({ min: 1, max: 20 })).map(([row, d]): OldTrackerEdit[] => [
    { row, key: 'status', value: STATUS_LABEL.done },
    { row, key: 'completedOn', value: serialFromToday(d) },
  ]),
  // A deadline moved, to any day around today (before the year, into the next).
  fc
    .tuple(rowArb, fc.integer({ min: -400, max: 60 }))
    .map(([row, d]): OldTrackerEdit[] => [{ row, key: 'deadline', value: serialFromToday(d) }]),
  fc.tuple(rowArb, pastArb).map(([row, d]): OldTrackerEdit[] => {
    const [y, m, dd] = addDays(today, d).split('-');
    return [{ row, key: 'deadline', value: `${Number(dd)}/${Number(m)}/${y}` }];
  }),
  fc
    .tuple(rowArb, fc.constantFrom('status', 'task', 'completedOn', 'deadline') as fc.Arbitrary<'status'>)
    .map(([row, key]): OldTrackerEdit[] => [{ row, key, value: { error: '#N/A' } }]),
  fc
    .tuple(rowArb, fc.constantFrom('hoàn thành', 'HOÀN THÀNH ', 'Hoàn thành\u00a0'))
    .map(([row, status]): OldTrackerEdit[] => [{ row, key: 'status', value: status }]),
);

function rolloverCases(): OldTrackerEdit[][] {
  const sampled = fc.sample(fc.array(editArb, { minLength: 3, maxLength: 25 }), {
    seed: FUZZ_SEED + 14,
    numRuns: TRACKERS - 1,
  });
  return [endOfNovember(year), ...sampled.map((edits) => edits.flat())];
}

interface Written {
  file: string;
  state: TrackerState;
  carried: number;
}

/** Rolls the old tracker over today, adds Tổng hợp over the new tracker as "Tổng hợp báo cáo" builds it. */
async function writeRolloverCase(edits: OldTrackerEdit[], n: number): Promise<Written> {
  const old = await buildOldTracker({ year, edits, userContent: n === 0 });
  const target = await openXlsx(null);
  const outcome = await rolloverTracker(await openXlsx(old.bytes), target, { to: year + 1, today });
  if (!outcome.ok) throw new Error(outcome.message);
  const snap = await target.read([SHEET.tracker, SHEET.settings, SHEET.lists]);
  const state = trackerFromSnapshot(snap, today)!;
  const summary = summaryFor(state, readKnownLeads(snap.contents[SHEET.lists]), today).spec;
  await target.apply({ write: [summary] });
  const file = path.join(dir, `rollover-${String(n).padStart(2, '0')}.xlsx`);
  fs.writeFileSync(file, await target.toBuffer());
  return { file, state, carried: outcome.carried!.length };
}

interface Checked {
  rows: number;
  carried: number;
  summaryFigures: number;
  mismatches: string[];
}

const results: Checked[] = [];

beforeAll(async () => {
  const all = rolloverCases();
  const written: Written[] = [];
  for (let i = 0; i < all.length; i++) written.push(await writeRolloverCase(all[i], i));
  const recalculated = await recalcAllWithLibreOffice(
    written.map((w) => w.file),
    path.join(dir, 'recalc'),
  );
  for (let i = 0; i < written.length; i++) {
    const { state, carried } = written[i];
    const lo = (
      await (
        await openXlsx(fs.readFileSync(recalculated[i]))
      ).read([SHEET.tracker, SHEET.lists, SHEET.summary])
    ).contents;
    const stateCol = state.read.columns.deadlineState!;
    const N = state.settings.warningDays;
    const mismatches: string[] = [];
    for (const t of state.read.tasks) {
      const shown = lo[SHEET.tracker].values[t.row - 1]?.[stateCol] ?? null;
      const want = t.listed ? STATE_LABEL[deadlineState(t, today, N)] : null;
      if ((shown === '' ? null : shown) !== want)
        mismatches.push(`row ${t.row}: LibreOffice ${JSON.stringify(shown)}, domain ${JSON.stringify(want)}`);
    }
    const listed = readKnownLeads(lo[SHEET.lists]);
    const roll = rollupFor(state, listed, today);
    const { layout } = summaryFor(state, listed, today);
    mismatches.push(...summaryMismatches(lo[SHEET.summary], layout, roll));
    const figures = layout.blocks.reduce((a, b) => a + b.keys.length + (b.totalRow > 0 ? 1 : 0), 0);
    results.push({ rows: state.read.tasks.length, carried, summaryFigures: figures, mismatches });
  }
}, 1_200_000);

describe('the new year’s workbook in LibreOffice', () => {
  it(`rolls over ${TRACKERS} trackers, with carried rows in each`, () => {
    expect(results).toHaveLength(TRACKERS);
    expect(results.every((r) => r.carried > 0)).toBe(true);
    console.info(
      `rollover in LibreOffice: ${results.length} new workbooks, ${results.reduce((a, r) => a + r.rows, 0)} rows ` +
        `(${results.reduce((a, r) => a + r.carried, 0)} carried), ` +
        `${results.reduce((a, r) => a + r.summaryFigures, 0)} Tổng hợp rows compared, seed ${FUZZ_SEED}`,
    );
  });

  it('computes every Tình trạng hạn and every Tổng hợp figure as the domain does, for today', () => {
    const failing = results
      .map((r, i) => ({ case: i, mismatches: r.mismatches.slice(0, 5) }))
      .filter((r) => r.mismatches.length > 0);
    expect(failing).toEqual([]);
  });
});
