/** Helpers for the tests that run the app through the fake Excel API (test/fake-excel). */
import { expandSchedule } from '../../src/domain/schedule';
import { seedsFromPlan, type TrackerSeed } from '../../src/sheets/trackerSheet';
import { createOfficeWorkbook } from '../../src/workbook/office/officeWorkbook';
import { createFakeExcel, type FakeExcel } from '../fake-excel';
import { findSheet, setCell } from '../fake-excel/state';
import { initNamed } from './identity';

/** `n` tracker rows: the 2026 plan's rows over and over, each task numbered by its round. */
export function bigSeeds(n: number): TrackerSeed[] {
  const plan = seedsFromPlan(expandSchedule(2026));
  return Array.from({ length: n }, (_, i) => {
    const p = plan[i % plan.length];
    return { ...p, stt: i + 1, task: `${p.task} — đợt ${Math.floor(i / plan.length) + 1}`.slice(0, 150) };
  });
}

/** Every cell of a sheet as [value, formula], row by row. */
export function valuesAndFormulas(excel: FakeExcel, name: string): unknown[] {
  const sheet = excel.sheet(name);
  return sheet
    .values()
    .map((row, r) => row.map((v, c) => [v, sheet.formula(`${String.fromCharCode(65 + c)}${r + 1}`)]));
}

/** A value typed into a cell, as a user types it (no formula, no event). */
export function typeInto(
  excel: FakeExcel,
  sheet: string,
  row: number,
  col: number,
  value: string | number,
): void {
  setCell(findSheet(excel.state, sheet)!, row, col, { value, formula: null });
}

/** A workbook with the 2026 tracker made at `now`, its counters reset. */
export async function withTracker(now: Date): Promise<FakeExcel> {
  const excel = createFakeExcel();
  excel.addUserSheet('Sheet1');
  await initNamed(createOfficeWorkbook(excel.run), { year: 2026, now });
  excel.resetStats();
  return excel;
}

/** What a promise rejects with (fails if it resolves). */
export async function rejection(p: Promise<unknown>): Promise<{ code?: string; message: string }> {
  try {
    await p;
  } catch (e) {
    return e as { code?: string; message: string };
  }
  throw new Error('expected a rejection');
}

/** A localStorage over a Map the test can look into. */
export function mapStorage(): Storage & { map: Map<string, string> } {
  const map = new Map<string, string>();
  return {
    map,
    get length() {
      return map.size;
    },
    clear: () => map.clear(),
    key: (i) => [...map.keys()][i] ?? null,
    getItem: (k) => map.get(k) ?? null,
    setItem: (k, v) => void map.set(k, v),
    removeItem: (k) => void map.delete(k),
  };
}
