import { scanExtent } from '../../src/workbook/xlsx/reader';
import type { SheetSpec } from '../../src/sheets/spec';
import { openXlsx } from '../../src/workbook/xlsx/xlsxWorkbook';

const sheet = (data: string, prefix = ''): string =>
  `<?xml version="1.0"?><${prefix}worksheet xmlns${prefix ? `:${prefix.slice(0, -1)}` : ''}="urn:x"><${prefix}sheetData>${data}</${prefix}sheetData></${prefix}worksheet>`;

describe('scanExtent (the used range, as Excel counts it)', () => {
  it('counts cells with content or a cell format of their own', () => {
    expect(
      scanExtent(
        sheet(
          '<row r="1"><c r="A1" t="s"><v>0</v></c><c r="D1"/></row>' +
            '<row r="3"><c r="B3" s="0"/><c r="E3" s="0"></c></row>' +
            '<row r="7" hidden="1"><c r="C7" s="4"/></row>' +
            '<row r="9" hidden="true"><c r="H9"></c></row>',
        ),
      ),
    ).toEqual({ lastRow: 7, lastCol: 3, hiddenRows: [7, 9] });
  });

  it('follows positions left out by the producer, and prefixed elements', () => {
    expect(
      scanExtent(
        sheet(
          '<x:row><x:c><x:v>1</x:v></x:c><x:c><x:f>A1</x:f></x:c></x:row><x:row><x:c/><x:c/><x:c t="inlineStr"><x:is><x:t>c&gt;</x:t></x:is></x:c></x:row>',
          'x:',
        ),
      ),
    ).toEqual({ lastRow: 2, lastCol: 3, hiddenRows: [] });
  });

  it('is empty for a sheet without cells', () => {
    expect(scanExtent(sheet(''))).toEqual({ lastRow: 0, lastCol: 0, hiddenRows: [] });
    expect(scanExtent('<worksheet/>')).toEqual({ lastRow: 0, lastCol: 0, hiddenRows: [] });
  });
});

describe('reading pre-formatted rows', () => {
  it('includes formatted empty cells in the used range, with their number formats', async () => {
    const spec: SheetSpec = {
      name: 'Nhiệm vụ',
      kind: 'tracker',
      cells: [
        ['STT', 'Hạn'],
        [1, 45_000],
      ],
      styles: [{ range: 'B2:B50', style: { numberFormat: 'dd/mm/yyyy' } }],
    };
    const wb = await openXlsx(null);
    await wb.apply({ write: [spec] });
    const read = (await wb.read(['Nhiệm vụ'])).contents['Nhiệm vụ'];
    expect(read.values).toHaveLength(50);
    expect(read.values[1]).toEqual([1, 45_000]);
    expect(read.values[49]).toEqual([null, null]);
    expect(read.numberFormats[49]).toEqual(['General', 'dd/mm/yyyy']);
  });
});
