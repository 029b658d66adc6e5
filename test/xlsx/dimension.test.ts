/**
 * A written sheet's <dimension> is the range of its cells. ExcelJS wrote the report grid's as "P1:AJ440" for
 * cells from A1: Excel and LibreOffice ignore it, but readers that trust it (openpyxl's read-only mode) would
 * skip columns A–O of the report.
 */
import JSZip from 'jszip';

import { compileReport } from '../../src/app';
import { parseA1Cell, rangeToA1 } from '../../src/domain/a1';
import { openXlsx } from '../../src/workbook/xlsx/xlsxWorkbook';
import { initNamed } from '../support/identity';

/** The range of the `<c r="…">` cells of a worksheet part, by a plain scan of its text. */
function cellExtent(xml: string): string {
  const refs = [...xml.matchAll(/<c r="([A-Z]+\d+)"/g)].map((m) => parseA1Cell(m[1]));
  const rows = refs.map((r) => r.row);
  const cols = refs.map((r) => r.col);
  return rangeToA1(Math.min(...rows), Math.min(...cols), Math.max(...rows), Math.max(...cols));
}

it('gives every sheet it writes a dimension equal to the range of its cells', async () => {
  const book = await openXlsx(null);
  await initNamed(book, { year: 2026 });
  await compileReport(book, { asOf: '2026-06-05', now: new Date('2026-06-05T08:00:00Z') });
  const zip = await JSZip.loadAsync(await book.toBuffer());
  const sheets = Object.keys(zip.files).filter((n) => /^xl\/worksheets\/sheet\d+\.xml$/.test(n));
  expect(sheets.length).toBeGreaterThanOrEqual(5);
  for (const name of sheets) {
    const xml = await zip.file(name)!.async('string');
    const dimension = /<dimension ref="([^"]+)"/.exec(xml)?.[1];
    expect({ name, dimension }).toEqual({ name, dimension: cellExtent(xml) });
  }
});
