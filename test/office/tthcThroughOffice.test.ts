/**
 * Hồ sơ TTHC through the Office.js adapter on the fake Excel API: the sheet is read in the same batch as the
 * tracker (check stays one sync on a workbook the adapter knows, the report two), adding it to a tracker made
 * before it takes one read and one write and changes no other cell, and it is written as designed (a table with
 * its two formula columns, dropdowns, whole-number validation, colours).
 */
import { checkTracker, compileReport } from '../../src/app';
import { planSettings } from '../../src/domain/settings';
import { expandSchedule } from '../../src/domain/schedule';
import { SHEET, TTHC_TABLE_NAME } from '../../src/i18n/vi';
import { buildListsSheet } from '../../src/sheets/listsSheet';
import { buildRegisterSheet, ownedEntry } from '../../src/sheets/register';
import { buildSettingsSheet } from '../../src/sheets/settingsSheet';
import type { SheetSpec } from '../../src/sheets/spec';
import { buildTrackerSheet, seedsFromPlan } from '../../src/sheets/trackerSheet';
import { createOfficeWorkbook } from '../../src/workbook/office/officeWorkbook';
import { createFakeExcel } from '../fake-excel';
import { initNamed } from '../support/identity';
import { typeInto, valuesAndFormulas } from '../support/fakeOffice';

const now = new Date('2026-06-05T03:00:00Z');
const AS_OF = '2026-06-05';

describe('Hồ sơ TTHC through Office.js', () => {
  it('is written as designed: a table with its formula columns, dropdowns, validation and colours', async () => {
    const excel = createFakeExcel();
    await initNamed(createOfficeWorkbook(excel.run), { year: 2026, now });
    const sheet = excel.sheet(SHEET.tthc);
    expect(sheet.value('A2')).toBe(1);
    expect(sheet.value('B2')).toBe('Hộ tịch');
    expect(sheet.formula('F2')).toMatch(/^=IF\(AND\(IF\(ISTEXT\(C2\)/);
    expect(sheet.formula('L145')).toMatch(/^=IF\(ISNUMBER\(F145\)/);
    expect(sheet.tables().map((t) => [t.name, t.range])).toEqual([[TTHC_TABLE_NAME, 'A1:M145']]);
    expect(sheet.validations().map((v) => v.range)).toEqual(
      expect.arrayContaining(['A2:A145', 'B2:B145', 'C2:E145', 'G2:K145']),
    );
    expect(sheet.conditionalFormats().map((c) => c.range)).toEqual(['A2:M145', 'F2:F145', 'A2:M145']);
    expect(sheet.freeze).toMatchObject({ rows: 1, columns: 2 });
  });

  it('is read in the same batch as the tracker: check one sync, report two, at 5,000 tracker rows', async () => {
    const excel = createFakeExcel();
    const port = createOfficeWorkbook(excel.run);
    const plan = seedsFromPlan(expandSchedule(2026));
    const seeds = Array.from({ length: 5000 }, (_, i) => ({ ...plan[i % plan.length], stt: i + 1 }));
    await initNamed(port, { year: 2026, now, seeds });
    typeInto(excel, SHEET.tthc, 1, 3, '12'); // D2: a count stored as text
    typeInto(excel, SHEET.tthc, 1, 7, 12); // H2
    excel.resetStats();
    const check = await checkTracker(port, { today: AS_OF });
    expect(excel.syncCount).toBe(1);
    expect(check.result!.errors.map((e) => `${e.sheet}!${e.cell}:${e.code}`)).toEqual([
      `${SHEET.tthc}!D2:tthcCountAsText`,
    ]);
    excel.resetStats();
    const report = await compileReport(port, { asOf: AS_OF, now });
    expect(report.ok).toBe(true);
    expect(excel.syncCount).toBe(2);
    expect(report.content!.tthc.dataErrors.map((d) => d.row)).toEqual([2]);
    // A workbook just opened: one more sync, to find its sheets.
    excel.resetStats();
    await compileReport(createOfficeWorkbook(excel.run), { asOf: AS_OF, now });
    expect(excel.syncCount).toBe(3);
    expect(excel.refused).toEqual([]);
  });

  it('is added to a tracker made before it in one read and one write, changing no other cell', async () => {
    const excel = createFakeExcel();
    const port = createOfficeWorkbook(excel.run);
    // The workbook as an earlier version wrote it: no Hồ sơ TTHC, Danh mục with columns A–E.
    const full = buildListsSheet();
    const oldLists: SheetSpec = {
      ...full,
      cells: full.cells.map((r) => r.slice(0, 5)),
      styles: [],
      columnWidths: full.columnWidths!.slice(0, 5),
    };
    const specs = [
      oldLists,
      buildSettingsSheet(planSettings(2026)),
      buildTrackerSheet(seedsFromPlan(expandSchedule(2026)), 2026),
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
    const before = Object.fromEntries(
      [SHEET.tracker, SHEET.settings].map((n) => [n, valuesAndFormulas(excel, n)]),
    );
    const listsBefore = valuesAndFormulas(excel, SHEET.lists) as unknown[][];
    excel.resetStats();
    const out = await initNamed(port, { year: 2026, now });
    expect(out).toMatchObject({ ok: true, sheet: SHEET.tthc });
    expect(excel.syncCount).toBe(2);
    for (const n of [SHEET.tracker, SHEET.settings]) expect(valuesAndFormulas(excel, n)).toEqual(before[n]);
    const lists = valuesAndFormulas(excel, SHEET.lists) as unknown[][];
    expect(lists.map((r) => r.slice(0, 5))).toEqual(listsBefore.map((r) => r.slice(0, 5)));
    expect(excel.sheet(SHEET.lists).value('F1')).toBe('Lĩnh vực');
    expect(excel.sheet(SHEET.lists).value('F2')).toBe('Hộ tịch');
    expect(excel.sheet(SHEET.lists).numberFormat('F2')).toBe('@');
    expect(excel.activeSheet()).toBe(SHEET.tthc);
    expect(excel.sheet(SHEET.tthc).value('B2')).toBe('Hộ tịch');
  });
});
