/**
 * Kết quả theo kỳ through the Office.js adapter on the fake Excel API: written as designed (plain text cells, a
 * table, a frozen header, A4 landscape with a page per quarter), read in the same batch as the tracker (check
 * one sync on a workbook the adapter knows, the report two), and added to a tracker made before it in one read
 * and one write, changing no other cell.
 */
import { checkTracker, compileReport } from '../../src/app';
import { TRACKER_SHEETS } from '../../src/app/checkTracker';
import { reportFromSnapshot } from '../../src/app/compileReport';
import { defaultSettings } from '../../src/domain/settings';
import { expandSchedule } from '../../src/domain/schedule';
import { RESULTS_TABLE_NAME, SHEET } from '../../src/i18n/vi';
import { buildListsSheet } from '../../src/sheets/listsSheet';
import { buildRegisterSheet, ownedEntry } from '../../src/sheets/register';
import { buildSettingsSheet } from '../../src/sheets/settingsSheet';
import { buildTrackerSheet, seedsFromPlan } from '../../src/sheets/trackerSheet';
import { buildTthcSheet } from '../../src/sheets/tthcSheet';
import { createOfficeWorkbook } from '../../src/workbook/office/officeWorkbook';
import { createFakeExcel, type FakeExcel } from '../fake-excel';
import { initNamed } from '../support/identity';
import { typeInto, valuesAndFormulas } from '../support/fakeOffice';

const now = new Date('2026-06-05T03:00:00Z');
const AS_OF = '2026-06-05';

/** The sheet row (1-based) of a task's quarter. */
function resultsRowOf(excel: FakeExcel, quarterLabel: string, start: string): number {
  const values = excel.sheet(SHEET.results).values();
  return values.findIndex((r) => r[0] === quarterLabel && String(r[2]).startsWith(start)) + 1;
}

describe('Kết quả theo kỳ through Office.js', () => {
  it('is written as designed: text cells, a table, a frozen header, a page per quarter', async () => {
    const excel = createFakeExcel();
    await initNamed(createOfficeWorkbook(excel.run), { year: 2026, now });
    const sheet = excel.sheet(SHEET.results);
    expect(sheet.value('A1')).toBe('Quý');
    expect(sheet.value('A2')).toBe('Quý I');
    expect(sheet.value('B2')).toBe('II.1');
    const rows = sheet.values().length;
    expect(sheet.tables().map((t) => [t.name, t.range])).toEqual([[RESULTS_TABLE_NAME, `A1:E${rows}`]]);
    for (const c of ['A', 'B', 'C', 'D', 'E']) expect(sheet.numberFormat(`${c}2`)).toBe('@');
    expect(sheet.freeze).toMatchObject({ rows: 1 });
    expect(excel.state.sheets.map((s) => s.name).slice(0, 3)).toEqual([
      SHEET.tracker,
      SHEET.results,
      SHEET.tthc,
    ]);
  });

  it('is read in the same batch as the tracker: check one sync, report two; text typed stays text', async () => {
    const excel = createFakeExcel();
    const port = createOfficeWorkbook(excel.run);
    await initNamed(port, { year: 2026, now });
    const r = resultsRowOf(excel, 'Quý II', 'Thực hiện tốt công tác tiếp dân');
    typeInto(excel, SHEET.results, r - 1, 3, 'Tiếp 15 lượt công dân');
    typeInto(excel, SHEET.results, r - 1, 4, 15); // a number in Dự kiến: read as "15", with a warning
    excel.resetStats();
    const check = await checkTracker(port, { today: AS_OF });
    expect(excel.syncCount).toBe(1);
    expect(check.result!.warnings.map((e) => `${e.sheet}!${e.cell}:${e.code}`)).toEqual([
      `${SHEET.results}!E${r}:resultsNotText`,
    ]);
    excel.resetStats();
    const report = await compileReport(port, { asOf: AS_OF, now });
    expect(report.ok).toBe(true);
    expect(excel.syncCount).toBe(2);
    excel.resetStats();
    await compileReport(createOfficeWorkbook(excel.run), { asOf: AS_OF, now });
    expect(excel.syncCount).toBe(3);
    expect(excel.refused).toEqual([]);
    const made = reportFromSnapshot(await port.read([...TRACKER_SHEETS]), { asOf: AS_OF });
    if (!made.ok) throw new Error('no report');
    expect(made.state.results.entries.map((e) => [e.quarter, e.kind, e.text])).toEqual([
      [2, 'result', 'Tiếp 15 lượt công dân'],
      [3, 'planned', '15'],
    ]);
  });

  it('is added to a tracker made before it in one read and one write, changing no other cell', async () => {
    const excel = createFakeExcel();
    const port = createOfficeWorkbook(excel.run);
    const specs = [
      buildListsSheet(),
      buildSettingsSheet(defaultSettings(2026)),
      buildTrackerSheet(seedsFromPlan(expandSchedule(2026)), 2026),
      buildTthcSheet({ year: 2026 }),
    ];
    await port.apply({
      write: [
        ...specs,
        buildRegisterSheet(
          [],
          specs.map((s) => ownedEntry(s, now.toISOString())),
        ),
      ],
    });
    const names = [SHEET.tracker, SHEET.settings, SHEET.lists, SHEET.tthc];
    const before = Object.fromEntries(names.map((n) => [n, valuesAndFormulas(excel, n)]));
    excel.resetStats();
    const out = await initNamed(port, { year: 2026, now });
    expect(out).toMatchObject({ ok: true, sheet: SHEET.results });
    expect(excel.syncCount).toBe(2);
    for (const n of names) expect(valuesAndFormulas(excel, n)).toEqual(before[n]);
    expect(excel.activeSheet()).toBe(SHEET.results);
    expect(excel.sheet(SHEET.results).value('A2')).toBe('Quý I');
  });
});
