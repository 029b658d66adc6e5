/**
 * A cell a merge covers (not its top-left one) shows only its border and fill: the .xlsx writer leaves it out
 * when it has neither and no value, which on the report's 36-column grid is most of the sheet, and keeps it
 * when it has either.
 */
import type { SheetSpec } from '../../src/sheets/spec';
import { openXlsx } from '../../src/workbook/xlsx/xlsxWorkbook';
import { partText } from '../support/xlsxZip';

function gridSpec(): SheetSpec {
  return {
    name: 'Lưới',
    kind: 'report',
    cells: [['Tiêu đề'], ['Có viền dưới'], ['Tô nền'], [null, 'B4']],
    merges: ['A1:D1', 'A2:D2', 'A3:D3', 'A4:C4'],
    styles: [
      { range: 'A1:D4', style: { font: { bold: true, size: 13 }, alignment: { horizontal: 'center' } } },
      { range: 'A2:D2', style: { border: { bottom: 'thin' } } },
      { range: 'A3:D3', style: { fill: 'FFF2CC' } },
    ],
  };
}

async function writtenCells(spec: SheetSpec): Promise<string[]> {
  const book = await openXlsx(null);
  await book.apply({ write: [spec] });
  const bytes = await book.toBuffer();
  const sheets = (await book.read([])).sheets.map((s) => s.name);
  const index = sheets.indexOf(spec.name) + 1;
  const xml = await partText(bytes, `xl/worksheets/sheet${index}.xml`);
  return [...xml.matchAll(/<c r="([A-Z]+\d+)"/g)].map((m) => m[1]);
}

it('writes a merged-away cell only where it has a border, a fill or a value', async () => {
  expect(await writtenCells(gridSpec())).toEqual([
    'A1',
    'A2',
    'B2',
    'C2',
    'D2',
    'A3',
    'B3',
    'C3',
    'D3',
    'A4',
    'B4',
    'D4',
  ]);
});
