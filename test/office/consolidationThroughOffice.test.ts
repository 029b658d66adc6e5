/**
 * "Tổng hợp nhiều xã" written into a live workbook through the Office.js adapter (the fake Excel API): the
 * three sheets with their values, colours (the weak-commune rule, the data bar) and print setup, and a second
 * run replacing the add-in's own untouched sheets in place.
 */
import { consolidateFiles, writeConsolidation } from '../../src/app/consolidate';
import { writeCommuneDemo } from '../../src/app/demo';
import { CONSOLIDATION_SHEET } from '../../src/i18n/consolidation';
import { SHEET } from '../../src/i18n/vi';
import { createOfficeWorkbook } from '../../src/workbook/office/officeWorkbook';
import { openXlsx } from '../../src/workbook/xlsx/xlsxWorkbook';
import { createFakeExcel } from '../fake-excel';

const NOW = new Date('2026-11-29T03:00:00Z');

it('writes the consolidation into the open workbook as designed, and replaces its own untouched sheets in place', async () => {
  const files: Uint8Array[] = [];
  for (const commune of [0, 1, 3]) {
    const book = await openXlsx(null);
    expect((await writeCommuneDemo(book, { now: NOW, commune })).ok).toBe(true);
    files.push(await book.toBuffer());
  }
  const c = await consolidateFiles(
    files.map((b, i) => ({ name: `xa-${i}.xlsx`, bytes: async () => b })),
    { period: { year: 2026, quarter: 3 }, asOf: '2026-09-04' },
    { open: openXlsx },
  );
  const excel = createFakeExcel();
  const port = createOfficeWorkbook(excel.run);
  const first = await writeConsolidation(port, c, { now: NOW });
  expect(first).toMatchObject({ ok: true, sheet: CONSOLIDATION_SHEET.communes });
  const table = excel.sheet(CONSOLIDATION_SHEET.communes);
  expect([table.value('B5'), table.value('B6'), table.value('B7'), table.value('B8')]).toEqual([
    'UBND xã Long Điền A',
    'UBND xã Long Điền B',
    'UBND xã Mỹ Hội Đông',
    'Tổng cộng (3 xã)',
  ]);
  // The rate's data bar, the report-day and overdue colours, the weak-commune rule; commune 1 typed
  // dossier counts, so the table has its TTHC column (P) and the workbook TTHC các xã.
  expect(table.conditionalFormats().map((f) => f.range)).toEqual(['O5:O8', 'Q5:Q7', 'G5:G7', 'A5:R7']);
  expect(table.value('P4')).toBe('TTHC giải quyết đúng hạn');
  expect(excel.sheet(CONSOLIDATION_SHEET.tthc).value('B5')).toBe('UBND xã Long Điền B');
  expect(table.pageLayout).toMatchObject({ orientation: 'Landscape', paperSize: 'A4' });
  expect(excel.sheet(CONSOLIDATION_SHEET.overdue).value('B5')).toBe('UBND xã Long Điền A');
  expect(excel.sheetNames()).toEqual(
    expect.arrayContaining([
      CONSOLIDATION_SHEET.overdue,
      CONSOLIDATION_SHEET.tthc,
      CONSOLIDATION_SHEET.failed,
      SHEET.register,
    ]),
  );

  // Again, with nothing edited: the same sheets, replaced in place.
  const again = await writeConsolidation(port, c, { now: NOW });
  expect(again.sheet).toBe(CONSOLIDATION_SHEET.communes);
  expect(excel.sheetNames().filter((n) => n.startsWith(CONSOLIDATION_SHEET.communes))).toHaveLength(1);
});
