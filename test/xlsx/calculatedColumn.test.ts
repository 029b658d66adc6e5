/**
 * A table's calculated column replaces the formulas its cells are given (sheetWriter.ts): the .xlsx adapter
 * reads those only for the plan's check of their length, so a tracker's row formulas, made when read
 * (trackerSheet.ts), are not made again to be kept until the column replaces them. The formulas of other cells
 * are written as before.
 */
import type { FormulaCell, SheetSpec } from '../../src/sheets/spec';
import { openXlsx } from '../../src/workbook/xlsx/xlsxWorkbook';
import { partsOf } from '../support/xlsxZip';

/** Reads of each counted cell's formula. */
const reads = new Map<string, number>();

/** A formula cell whose reads are counted. */
function counted(cell: string, formula: string): FormulaCell {
  return Object.defineProperty({ cell }, 'formula', {
    enumerable: true,
    get: () => {
      reads.set(cell, (reads.get(cell) ?? 0) + 1);
      return formula;
    },
  }) as FormulaCell;
}

const spec: SheetSpec = {
  name: 'Bảng',
  kind: 'report',
  cells: [
    ['Tên', 'Số', 'Gấp đôi'],
    ['một', 1, null],
    ['hai', 2, null],
  ],
  formulas: [counted('C2', '=B2*2'), counted('C3', '=B3*2'), { cell: 'D2', formula: '=B2+1' }],
  table: {
    name: 'BangSo',
    range: 'A1:C3',
    columns: ['Tên', 'Số', 'Gấp đôi'],
    style: 'TableStyleMedium2',
    calculatedColumns: [{ column: 2, formula: '=[@Số]*2' }],
  },
};

describe("a table's calculated column", () => {
  it("is written without the formulas its cells were given, read once for the plan's check", async () => {
    const book = await openXlsx(null);
    await book.apply({ write: [spec] });
    const parts = await partsOf(await book.toBuffer());
    const sheet = new TextDecoder().decode(parts.get('xl/worksheets/sheet1.xml'));
    expect(sheet).toContain('<c r="C2"><f t="shared" ref="C2:C3" si="0">[@Số]*2</f></c>');
    expect(sheet).toContain('<c r="C3"><f t="shared" si="0"/></c>');
    expect(sheet).toContain('<c r="D2"><f>B2+1</f></c>');
    expect(Object.fromEntries(reads)).toEqual({ C2: 1, C3: 1 });
  });
});
