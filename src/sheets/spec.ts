/**
 * A sheet described as plain data. Builders in src/sheets produce these from domain results; the two
 * adapters in src/workbook (Office.js and ExcelJS) apply them. Nothing here knows about either API.
 *
 * Conventions:
 * - Addresses are A1 strings without a sheet name ("A1", "B2:L40"), relative to the sheet the spec describes.
 * - `cells` is a dense grid starting at A1. A string is always written as text, whatever its first
 *   character ("=SUM(A1)" in `cells` stays that text); formulas live only in `formulas`.
 * - Dates are Excel serial numbers (1900 system) with a date number format.
 * - Lengths: column widths in characters (Excel's unit), row heights and font sizes in points, margins in mm.
 */

export type CellValue = string | number | boolean | null;

/**
 * The error values a cell can hold as a constant in a workbook file (ECMA-376 Part 1, §18.17.2, "Error
 * Values"). Newer ones (#SPILL!, #CALC!, …) exist only as results of formulas.
 */
export type CellError = '#NULL!' | '#DIV/0!' | '#VALUE!' | '#REF!' | '#NAME?' | '#NUM!' | '#N/A';

type HorizontalAlign = 'left' | 'center' | 'right' | 'justify';
type VerticalAlign = 'top' | 'center' | 'bottom';
type BorderWeight = 'thin' | 'medium';

export interface CellStyle {
  font?: {
    name?: string;
    size?: number;
    bold?: boolean;
    italic?: boolean;
    underline?: boolean;
    /** Hex RGB without '#', e.g. "9C0006". */
    color?: string;
  };
  /** Solid fill, hex RGB without '#'. */
  fill?: string;
  /** Which edges of every cell in the range get a border. */
  border?: { top?: BorderWeight; bottom?: BorderWeight; left?: BorderWeight; right?: BorderWeight };
  alignment?: { horizontal?: HorizontalAlign; vertical?: VerticalAlign; wrap?: boolean; indent?: number };
  /** Excel number format, e.g. "dd/mm/yyyy", "0%", "@". */
  numberFormat?: string;
}

export interface StyleRun {
  range: string;
  style: CellStyle;
}

export interface FormulaCell {
  /** Single-cell address. */
  cell: string;
  /** English-locale formula starting with "=", e.g. "=COUNTIFS('Nhiệm vụ'!$H$2:$H$60,\"Hoàn thành\")". */
  formula: string;
  /**
   * The formula's result as the file stores it until a program recalculates (a text a row's height is fitted
   * to on opening, for instance). Adapters that let the program calculate (Office.js) ignore it.
   */
  result?: string | number;
}

export interface TableSpec {
  name: string;
  /** Header row included, e.g. "A1:L40". */
  range: string;
  /** Header texts, in column order (must equal the first row of `range` in `cells`). */
  columns: string[];
  style: string;
  /**
   * Columns whose every data cell has the same relative formula, so rows a user adds to the table get it
   * too (Excel's calculated column). `formula` is the first data row's formula. The spec's `formulas` list
   * ALSO holds the formula of every data row (already shifted to its row), so an adapter needs this entry
   * only to mark the column as calculated (e.g. <calculatedColumnFormula> in the table part); it never has
   * to shift formulas itself.
   */
  calculatedColumns?: { column: number; formula: string }[];
}

export type ValidationRule =
  | {
      type: 'list';
      /** Formula for the list, e.g. "=OFFSET('Danh mục'!$A$2,0,0,COUNTA('Danh mục'!$A:$A)-1,1)". */ source: string;
    }
  | { type: 'date'; /** ISO date */ min: string; /** ISO date */ max: string }
  | { type: 'wholeNumber'; min: number; max: number }
  | { type: 'decimal'; min: number; max: number };

export interface ValidationSpec {
  range: string;
  rule: ValidationRule;
  allowBlank: boolean;
  prompt?: { title: string; message: string };
  error: { title: string; message: string; style: 'stop' | 'warning' };
}

export interface ConditionalFormatSpec {
  range: string;
  /** Custom formula, relative to the top-left cell of `range` (Excel's convention). */
  formula: string;
  fill?: string;
  fontColor?: string;
  stopIfTrue?: boolean;
}

export interface DataBarSpec {
  range: string;
  /** Hex RGB without '#'. */
  color: string;
  /** Bars scale from min to max; for percentages use 0 and 1. */
  min: number;
  max: number;
}

export interface PageSetupSpec {
  paper: 'A4';
  orientation: 'portrait' | 'landscape';
  margins: { top: number; bottom: number; left: number; right: number; header: number; footer: number };
  printArea?: string;
  /** e.g. "1:1": rows repeated at the top of every printed page. */
  printTitleRows?: string;
  /** Fit all columns on one page wide (height unconstrained). */
  fitToWidth?: boolean;
  centerHorizontally?: boolean;
  /**
   * Header text using Excel's header codes (&P = page number). With `differentFirstPage`, page 1 has no
   * header (Nghị định 30/2020: page numbers from page 2).
   */
  header?: { center: string; differentFirstPage: boolean };
  /** Number the sheet's pages from this number, even when printed with other sheets (the report: 1). */
  firstPageNumber?: number;
  /** Rows (1-based) that start a new printed page: manual page breaks above them. */
  rowBreaks?: number[];
}

/** What kind of add-in-owned sheet this is; recorded in the ownership register. */
export type SheetKind =
  | 'tracker'
  | 'lists'
  | 'settings'
  | 'summary'
  | 'report'
  | 'register'
  | 'tthc'
  | 'results'
  | ConsolidationSheetKind;

/**
 * The sheets of a consolidation of many communes (Tổng hợp các xã, Nhiệm vụ quá hạn, Tệp không đọc được,
 * TTHC các xã). A workbook whose register lists one is a consolidation's output, never a commune's input.
 */
export type ConsolidationSheetKind = 'communes' | 'communesOverdue' | 'communesFailed' | 'communesTthc';

export interface SheetSpec {
  name: string;
  kind: SheetKind;
  cells: CellValue[][];
  formulas?: FormulaCell[];
  styles?: StyleRun[];
  merges?: string[];
  /** Column widths in characters, index 0 = column A. */
  columnWidths?: number[];
  /** Row heights in points, keyed by 1-based row number. */
  rowHeights?: Record<number, number>;
  /**
   * The row heights are estimates for rows sized to their wrapped text (no merged cells across them). The
   * Office.js adapter lets Excel fit the rows instead; the .xlsx adapter writes the estimates as auto heights
   * (no customHeight), so Excel refits a row when its text changes, and LibreOffice shows the estimate.
   */
  autoRowHeights?: boolean;
  /**
   * Rows (1-based) whose height the program fits to their text, even where the sheet's other rows have fixed
   * heights: the height in `rowHeights` is the estimate until then. The .xlsx adapter writes it without
   * customHeight, so the program refits the row when its text changes: LibreOffice fits a row to a text merged
   * across columns itself; Excel's fit skips merged cells, so such a row holds, beside the merged text, an
   * unmerged wrapped copy of it as wide as the merge (the report's places for the officer's words). The
   * Office.js adapter likewise gives the row no height (a height given is custom, and Excel would no longer
   * fit the row to its text) and asks Excel to fit it (RangeFormat.autofitRows), which measures the copy
   * where it skips the merged text (office-js#1840; docs/real-excel-checklist.md D8, D9).
   */
  autoHeightRows?: number[];
  table?: TableSpec;
  validations?: ValidationSpec[];
  conditionalFormats?: ConditionalFormatSpec[];
  dataBars?: DataBarSpec[];
  freeze?: { rows: number; columns: number };
  page?: PageSetupSpec;
  visibility?: 'visible' | 'hidden' | 'veryHidden';
  tabColor?: string;
  /** Default font for every cell of the sheet (styles override it). */
  defaultFont?: { name: string; size: number };
  /**
   * Cells that hold an error value as a constant (a row carried from an old tracker as it was, #N/A and all);
   * their place in `cells` is null. Only the .xlsx adapter writes them (the new year's workbook is built as a
   * file); the Office.js adapter refuses a spec with any, rather than write something else in their place.
   */
  errorCells?: { cell: string; error: CellError }[];
}
