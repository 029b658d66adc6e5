/**
 * Sheets that exercise every kind of cell the .xlsx adapter writes, for sheetCells.test.ts: each is written
 * into a new workbook, and its worksheet part, stylesheet and table part are compared with
 * sheetCells.expected.json, which the ExcelJS path wrote (every cell through ExcelJS, its XML fitted to the
 * workbook) before the rows were written straight from the spec.
 */
import type { SheetSpec } from '../../src/sheets/spec';
import { richSpec } from '../support/specBuilder';

/**
 * The adapter tests' rich sheet (richSpec) as this fixture was written by the ExcelJS path: with a row break,
 * and without richSpec's list validation and data bar.
 */
function richCase(): SheetSpec {
  const { dataBars: _dataBars, ...spec } = richSpec('Báo cáo', { rowBreaks: [4] });
  return { ...spec, validations: spec.validations?.slice(0, 1) };
}

export const SHEET_CELLS_CASES: Record<string, SheetSpec> = {
  /** Values, formulas, styles, merges, sizes, validations, conditional formats, page setup, a sheet font. */
  rich: richCase(),

  /** Every value type and the text XML and OOXML escape, without a sheet font. */
  values: {
    name: 'Giá trị',
    kind: 'report',
    cells: [
      ['a & b < c > d " e \' f', ' leading', 'trailing ', 'two\nlines', ''],
      ['ctl\u0001\u0008\u000b\u001f\u007f end', 'tab\there', '_x0041_ literal', 'cr\rhere', '\ufffe'],
      [1e21, -0, 0.1 + 0.2, 123456789012345, -1.5e-7],
      [true, false, null, 0, 'Tiếng Việt có dấu'],
    ],
    errorCells: [
      { cell: 'A6', error: '#N/A' },
      { cell: 'B6', error: '#DIV/0!' },
      { cell: 'C6', error: '#REF!' },
    ],
    formulas: [
      { cell: 'A7', formula: '=A3&"<x>"', result: 'text & <more>' },
      { cell: 'B7', formula: '=1+1', result: 2 },
      { cell: 'C7', formula: '=""', result: '' },
      { cell: 'D7', formula: "='Giá trị'!A1" },
      // A formula replaces the value written in the same cell.
      { cell: 'E4', formula: '=LEN(A1)' },
    ],
    styles: [
      { range: 'A1:B1', style: { numberFormat: '@' } },
      { range: 'C3', style: {} },
      { range: 'E3:E5', style: { alignment: { horizontal: 'right' } } },
    ],
    rowHeights: { 2: 0, 4: 18.75, 9: 12, 12: 33 },
    autoHeightRows: [4, 12],
  },

  /** A table with calculated columns (listed right to left; one of a single row), auto row heights. */
  table: {
    name: 'Bảng',
    kind: 'report',
    cells: [
      ['Tên', 'Số', 'Gấp đôi', 'Ghi chú', 'Nhãn'],
      ['một', 1, null, 'x', null],
      ['hai', 2, null, null, null],
      ['ba', 3, null, 'y', null],
    ],
    table: {
      name: 'BangSo',
      range: 'A1:E4',
      columns: ['Tên', 'Số', 'Gấp đôi', 'Ghi chú', 'Nhãn'],
      style: 'TableStyleMedium2',
      calculatedColumns: [
        { column: 4, formula: '=[@Tên]&"-"&[@Số]' },
        { column: 2, formula: '=[@Số]*2' },
      ],
    },
    styles: [
      { range: 'A1:E1', style: { font: { bold: true }, fill: 'FFFF00' } },
      { range: 'B2:C4', style: { numberFormat: '#,##0' } },
    ],
    rowHeights: { 1: 24, 2: 15, 3: 15, 4: 15 },
    autoRowHeights: true,
    defaultFont: { name: 'Arial', size: 10 },
  },

  /** Merged ranges whose covered cells are written only with a border, a fill or a value. */
  merges: {
    name: 'Gộp',
    kind: 'report',
    cells: [
      ['Tiêu đề', null, null, null, null],
      [null, 'giữ', null, null, null],
      ['cuối', null, null, null, null],
    ],
    merges: ['A1:E1', 'A2:C2', 'A3:E3'],
    styles: [
      { range: 'A1:E1', style: { font: { bold: true, size: 16 } } },
      { range: 'A2:C2', style: { fill: 'DDEBF7' } },
      { range: 'A3:E3', style: { border: { bottom: 'medium' } } },
    ],
    defaultFont: { name: 'Times New Roman', size: 12 },
  },

  /** A header-only table (Excel gives it one empty data row) and nothing else. */
  headerOnly: {
    name: 'Trống',
    kind: 'report',
    cells: [['Cột A', 'Cột B']],
    table: {
      name: 'BangTrong',
      range: 'A1:B1',
      columns: ['Cột A', 'Cột B'],
      style: 'TableStyleLight1',
      calculatedColumns: [{ column: 1, formula: '=1' }],
    },
  },

  /** No cells at all. */
  empty: { name: 'Rỗng', kind: 'report', cells: [] },
};
