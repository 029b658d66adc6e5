import JSZip from 'jszip';
import { compileReport } from '../../src/app';
import { SHEET } from '../../src/i18n/vi';
import { createOfficeWorkbook } from '../../src/workbook/office/officeWorkbook';
import { openXlsx } from '../../src/workbook/xlsx/xlsxWorkbook';
import { createFakeExcel } from '../fake-excel';
import { sheetPart } from '../support/xlsxZip';
import { initNamed } from '../support/identity';

describe('rows sized to their wrapped text', () => {
  it('are fitted by Excel itself in a live workbook: the tracker, and the report’s places for the officer’s words, from their unmerged copy', async () => {
    const excel = createFakeExcel();
    const port = createOfficeWorkbook(excel.run);
    await initNamed(port, { year: 2026 });
    excel.resetStats();
    await compileReport(port, { asOf: '2026-06-05' });
    expect(excel.syncCount).toBe(2); // one to read, one to write: the fit asks no sync of its own
    const tracker = excel.sheet(SHEET.tracker).state;
    expect(tracker.autofitRows.size).toBeGreaterThanOrEqual(49);
    expect(tracker.rowHeights.size).toBe(0);
    const report = excel.sheet('Báo cáo 6 tháng 2026');
    const last = Number(/\d+$/.exec(report.usedRange() ?? '')?.[0]);
    const rows = Array.from({ length: last }, (_, i) => i + 1).filter(
      (n) => report.formula(`AK${n}`) !== null,
    );
    expect(rows.length).toBeGreaterThan(0);
    for (const n of rows) expect(report.formula(`AK${n}`)).toBe(`=$A${n}&""`);
    // The merged text's width in points (columns A…AJ), which the copy in AK must wrap to.
    const grid = Array.from({ length: 36 }, (_, c) => report.columnWidth(c) ?? 48).reduce((a, b) => a + b, 0);
    for (const n of rows) {
      expect(report.merges()).toContain(`A${n}:AJ${n}`);
      // No height given (a custom height would never follow the typed text): Excel fits the row, measuring the
      // wrapped copy as wide as the merge, since its fit skips the merged cells.
      expect({ n, height: report.rowHeight(n), fit: report.rowFit(n) }).toEqual({
        n,
        height: undefined,
        fit: [{ cell: `AK${n}`, wrap: true, width: expect.closeTo(grid, 0) }],
      });
    }
    // Written again in place (its rows first put back to the standard height), the same.
    await compileReport(port, { asOf: '2026-06-05' });
    for (const n of rows) expect(report.rowFit(n)).toEqual([expect.objectContaining({ cell: `AK${n}` })]);
    // Every other row of the report keeps the height it was laid out with (its page breaks depend on them).
    const fixed = Array.from({ length: 30 }, (_, i) => i + 1).filter((n) => !rows.includes(n));
    for (const n of fixed)
      expect({ n, height: report.rowHeight(n) }).toEqual({ n, height: expect.any(Number) });
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
