import JSZip from 'jszip';
import { compileReport } from '../../src/app';
import { SHEET } from '../../src/i18n/vi';
import { createOfficeWorkbook } from '../../src/workbook/office/officeWorkbook';
import { openXlsx } from '../../src/workbook/xlsx/xlsxWorkbook';
import { createFakeExcel } from '../fake-excel';
import { sheetPart } from '../support/xlsxZip';
import { initNamed } from '../support/identity';

describe('rows sized to their wrapped text', () => {
  it('are fitted by Excel itself in a live workbook (tracker), fixed where cells are merged (report)', async () => {
    const excel = createFakeExcel();
    const port = createOfficeWorkbook(excel.run);
    await initNamed(port, { year: 2026 });
    await compileReport(port, { asOf: '2026-06-05' });
    const tracker = excel.sheet(SHEET.tracker).state;
    expect(tracker.autofitRows.size).toBeGreaterThanOrEqual(49);
    expect(tracker.rowHeights.size).toBe(0);
    const report = excel.sheet('Báo cáo 6 tháng 2026').state;
    expect(report.autofitRows.size).toBe(0);
    expect(report.rowHeights.size).toBeGreaterThan(10);
  });

  it('are written as auto heights in a file, so Excel refits a row when its text changes', async () => {
    const book = await openXlsx(null);
    await initNamed(book, { year: 2026 });
    await compileReport(book, { asOf: '2026-06-05' });
    const zip = await JSZip.loadAsync(await book.toBuffer());
    const part = async (name: string): Promise<string> =>
      zip.file(await sheetPart(zip, name))!.async('string');
    const tracker = await part(SHEET.tracker);
    expect(tracker).toMatch(/<row r="3" [^>]*ht="\d+/);
    expect(tracker).not.toContain('customHeight');
    const report = await part('Báo cáo 6 tháng 2026');
    expect(report).toContain('customHeight="1"');
    // The places for the officer's words (with their unmerged copy in AK) are auto heights: they grow with
    // what is typed over them (SheetSpec.autoHeightRows).
    const places = [...report.matchAll(/<row [^>]*>(?:(?!<\/row>).)*<c r="AK\d+"/gs)].map((m) => m[0]);
    expect(places.length).toBeGreaterThan(0);
    for (const row of places) expect(/^<row [^>]*customHeight/.test(row)).toBe(false);
  });
});
