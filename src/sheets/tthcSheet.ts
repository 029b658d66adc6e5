/**
 * "Hồ sơ TTHC": the one-stop shop's monthly dossier counts (plan II.3), one row per month and field. A new
 * sheet has a row for every month of the year and every field of Danh mục, so the officer only types counts;
 * a row with no count typed is no figures. Its two formula columns and its colours read every cell as
 * src/domain/sheetRules.ts says (the domain's readCountCell, readMonthCell, readFieldCell), with IF/AND/OR/NOT/
 * ISNUMBER/ISTEXT/ISBLANK/ISLOGICAL/TRIM/INT/N only (Excel 2010+, LibreOffice):
 * - Tổng số hồ sơ = carried over + online + in person/post; "" on a row with no count typed; "Lỗi dữ liệu" where
 *   the month is not a whole number 1–12, the field is not text, or a count is not blank or a whole number from
 *   0 to 1,000,000;
 * - Tỷ lệ đúng hạn = (early + on time) / (early + on time + late), blank when nothing was resolved;
 * - a row with late or overdue dossiers is red, a row the formula cannot read purple, and a Tổng số hồ sơ that
 *   does not balance (received ≠ resolved + pending) amber.
 * Excel's IF evaluates only the branch it takes, so no function meets a value it cannot handle.
 */
import { BODY_FONT, STATE_COLORS, TABLE_HEADER_STYLE } from './palette';
import { tablePageSetup } from './pageSetup';
import { rangeToA1, colToLetters } from '../domain/a1';
import { MAX_COUNT, TTHC_DATA_ERROR } from '../domain/sheetRules';
import {
  TTHC_COLUMN_KEYS,
  TTHC_COUNT_KEYS,
  TTHC_FIELDS,
  type TthcColumnKey,
  type TthcCountKey,
} from '../domain/tthc';
import { SHEET, TTHC_HEADERS, TTHC_TABLE_NAME, VALIDATION_TEXT } from '../i18n/vi';
import { fieldListSource } from './listsSheet';
import type {
  CellValue,
  ConditionalFormatSpec,
  FormulaCell,
  SheetSpec,
  StyleRun,
  ValidationSpec,
} from './spec';
import { rowHeightFor } from './textLayout';

/** Column letter of a key in a new sheet ("received" → "F"). */
export function tthcColumn(key: TthcColumnKey): string {
  return colToLetters(TTHC_COLUMN_KEYS.indexOf(key));
}

/** The cells a row's formulas read: A1 references of one row. */
export interface TthcRowRefs {
  month: string;
  field: string;
  counts: Record<TthcCountKey, string>;
  received: string;
}

/** The references of sheet row `row` (1-based) of a new sheet; `$` before the column for conditional formats. */
function tthcRowRefs(row: number, absoluteColumns = false): TthcRowRefs {
  const ref = (k: TthcColumnKey): string => `${absoluteColumns ? '$' : ''}${tthcColumn(k)}${row}`;
  const counts = {} as Record<TthcCountKey, string>;
  for (const k of TTHC_COUNT_KEYS) counts[k] = ref(k);
  return { month: ref('month'), field: ref('field'), counts, received: ref('received') };
}

const q = (s: string): string => `"${s.replace(/"/g, '""')}"`;

/** TRUE where a count cell holds nothing the formula counts (blank, or text of spaces only). */
function blankCount(x: string): string {
  return `IF(ISTEXT(${x}),TRIM(${x})="",ISBLANK(${x}))`;
}

/**
 * TRUE where the formula cannot read a count cell (not blank and not a whole number from 0 to MAX_COUNT). TRUE/FALSE is no count:
 * Excel's ISNUMBER says so, LibreOffice's takes it for 1/0, hence ISLOGICAL.
 */
function unreadableCount(x: string): string {
  return (
    `IF(ISNUMBER(${x}),OR(ISLOGICAL(${x}),${x}<0,${x}>${MAX_COUNT},INT(${x})<>${x}),` +
    `IF(ISTEXT(${x}),TRIM(${x})<>"",NOT(ISBLANK(${x}))))`
  );
}

/** TRUE where the month is not a whole number from 1 to 12 (TRUE/FALSE neither, as for counts). */
function unreadableMonth(x: string): string {
  return `IF(ISNUMBER(${x}),OR(ISLOGICAL(${x}),${x}<1,${x}>12,INT(${x})<>${x}),TRUE)`;
}

/** TRUE where the field is not text TRIM leaves something of. */
function unreadableField(x: string): string {
  return `IF(ISTEXT(${x}),TRIM(${x})="",TRUE)`;
}

/** Tổng số hồ sơ: "" (no count typed), "Lỗi dữ liệu", or carried over + online + in person/post. */
function tthcTotalFormula(r: TthcRowRefs): string {
  const counts = TTHC_COUNT_KEYS.map((k) => r.counts[k]);
  const blank = `AND(${counts.map(blankCount).join(',')})`;
  const unreadable = `OR(${unreadableMonth(r.month)},${unreadableField(r.field)},${counts.map(unreadableCount).join(',')})`;
  const sum = (['carriedOver', 'online', 'offline'] as const).map((k) => `N(${r.counts[k]})`).join('+');
  return `=IF(${blank},"",IF(${unreadable},${q(TTHC_DATA_ERROR)},${sum}))`;
}

/** Tỷ lệ đúng hạn: (early + on time) / resolved on a counted row; blank when nothing was resolved. */
function tthcRateFormula(r: TthcRowRefs): string {
  const good = `N(${r.counts.early})+N(${r.counts.onTime})`;
  const resolved = `${good}+N(${r.counts.late})`;
  return `=IF(ISNUMBER(${r.received}),IF(${resolved}=0,"",(${good})/(${resolved})),"")`;
}

/** The colours' rules, as formulas of one row (TRUE: the row gets the colour). */
export function tthcMarkFormulas(r: TthcRowRefs): { dataError: string; late: string; unbalanced: string } {
  const n = (k: TthcCountKey): string => `N(${r.counts[k]})`;
  const flows = TTHC_COUNT_KEYS.filter((k) => k !== 'carriedOver')
    .map((k) => r.counts[k])
    .join(',');
  // IF, not AND: AND evaluates every argument, and N() of an error value is that error.
  return {
    dataError: `=${r.received}=${q(TTHC_DATA_ERROR)}`,
    late: `=IF(ISNUMBER(${r.received}),${n('late')}+${n('pendingLate')}>0,FALSE)`,
    // Only once the month is reported (a count other than the carry-over typed: domain tthcUnbalanced). Within
    // ISNUMBER(Tổng số hồ sơ) every count is blank or a number, so COUNT sees exactly the typed ones.
    unbalanced:
      `=IF(ISNUMBER(${r.received}),IF(COUNT(${flows})=0,FALSE,` +
      `${n('carriedOver')}+${n('online')}+${n('offline')}<>` +
      `${n('early')}+${n('onTime')}+${n('late')}+${n('pendingOnTime')}+${n('pendingLate')}),FALSE)`,
  };
}

const WIDTHS: Record<TthcColumnKey, number> = {
  month: 7,
  field: 24,
  carriedOver: 11,
  online: 11,
  offline: 12,
  received: 10,
  early: 11,
  onTime: 11,
  late: 11,
  pendingOnTime: 11,
  pendingLate: 11,
  rate: 9,
  lateReason: 36,
};

export interface TthcSheetInput {
  /** The tracker's year (shown in the month prompt). */
  year: number;
  /** The fields to write a row for, each month (Danh mục's list). */
  fields?: readonly string[];
  /** Column (0-based) of the fields on Danh mục, for the dropdown. */
  fieldColumn?: number;
}

/** A row for every month and field, with the two formulas of each. */
function tthcRows(
  header: readonly string[],
  fields: readonly string[],
): { cells: CellValue[][]; formulas: FormulaCell[] } {
  const cells: CellValue[][] = [[...header]];
  const formulas: FormulaCell[] = [];
  for (let month = 1; month <= 12; month++)
    for (const field of fields) {
      const row = cells.length + 1;
      cells.push(TTHC_COLUMN_KEYS.map((k) => (k === 'month' ? month : k === 'field' ? field : null)));
      const refs = tthcRowRefs(row);
      formulas.push(
        { cell: `${tthcColumn('received')}${row}`, formula: tthcTotalFormula(refs) },
        { cell: `${tthcColumn('rate')}${row}`, formula: tthcRateFormula(refs) },
      );
    }
  return { cells, formulas };
}

/** The data cells of rows 2…lastRow of a column ("F2:F145"). */
function dataRange(k: TthcColumnKey, lastRow: number): string {
  return `${tthcColumn(k)}2:${tthcColumn(k)}${lastRow}`;
}

/** The two runs of count columns: received (carried over…in person/post) and resolved/pending (early…late). */
function countRanges(lastRow: number): string[] {
  const L = tthcColumn;
  return [`${L('carriedOver')}2:${L('offline')}${lastRow}`, `${L('early')}2:${L('pendingLate')}${lastRow}`];
}

/** The rows coloured as tthcMarkFormulas says: unreadable purple, an unbalanced total amber, late red. */
function tthcConditionalFormats(lastRow: number): ConditionalFormatSpec[] {
  const all = rangeToA1(1, 0, lastRow - 1, TTHC_COLUMN_KEYS.length - 1);
  const marks = tthcMarkFormulas(tthcRowRefs(2, true));
  const color = (s: 'dataError' | 'overdue' | 'dueSoon'): { fill?: string; fontColor?: string } => ({
    fill: STATE_COLORS[s]?.fill,
    fontColor: STATE_COLORS[s]?.font,
  });
  return [
    { range: all, formula: marks.dataError, ...color('dataError'), stopIfTrue: true },
    {
      range: dataRange('received', lastRow),
      formula: marks.unbalanced,
      ...color('dueSoon'),
      stopIfTrue: true,
    },
    { range: all, formula: marks.late, ...color('overdue'), stopIfTrue: true },
  ];
}

/** Month 1–12 (its prompt names the year), the field from Danh mục, the counts whole numbers 0…MAX_COUNT. */
function tthcValidations(input: TthcSheetInput, lastRow: number): ValidationSpec[] {
  const text = VALIDATION_TEXT.tthc;
  return [
    {
      range: dataRange('month', lastRow),
      rule: { type: 'wholeNumber', min: 1, max: 12 },
      allowBlank: true,
      prompt: { title: TTHC_HEADERS.month, message: text.monthPrompt(input.year) },
      error: { title: text.monthTitle, message: text.monthMessage, style: 'stop' },
    },
    {
      range: dataRange('field', lastRow),
      rule: { type: 'list', source: fieldListSource(input.fieldColumn) },
      allowBlank: true,
      prompt: { title: TTHC_HEADERS.field, message: text.fieldPrompt(SHEET.lists) },
      error: { title: text.fieldTitle, message: text.fieldMessage(SHEET.lists), style: 'warning' },
    },
    ...countRanges(lastRow).map((range): ValidationSpec => ({
      range,
      rule: { type: 'wholeNumber', min: 0, max: MAX_COUNT },
      allowBlank: true,
      error: { title: text.countTitle, message: text.countMessage, style: 'stop' },
    })),
  ];
}

/** The header's look; counts centred whole numbers; the two formula columns on grey; texts kept as typed. */
function tthcStyles(lastRow: number): StyleRun[] {
  const data = (k: TthcColumnKey): string => dataRange(k, lastRow);
  const lastCol = TTHC_COLUMN_KEYS.length - 1;
  const formulaFill = 'F2F2F2';
  return [
    { range: rangeToA1(0, 0, 0, lastCol), style: TABLE_HEADER_STYLE },
    { range: rangeToA1(1, 0, lastRow - 1, lastCol), style: { alignment: { vertical: 'top' } } },
    {
      range: data('month'),
      style: { numberFormat: '0', alignment: { horizontal: 'center', vertical: 'top' } },
    },
    { range: data('field'), style: { numberFormat: '@', alignment: { vertical: 'top', wrap: true } } },
    ...countRanges(lastRow).map((range) => ({
      range,
      style: { numberFormat: '0', alignment: { horizontal: 'center' as const, vertical: 'top' as const } },
    })),
    {
      range: data('received'),
      style: {
        numberFormat: '0',
        fill: formulaFill,
        font: { bold: true },
        alignment: { horizontal: 'center', vertical: 'top' },
      },
    },
    {
      range: data('rate'),
      style: {
        numberFormat: '0.0%',
        fill: formulaFill,
        alignment: { horizontal: 'center', vertical: 'top' },
      },
    },
    { range: data('lateReason'), style: { numberFormat: '@', alignment: { vertical: 'top', wrap: true } } },
  ];
}

/** The header's height, and each row's from its field's wrapped text (the only long text a new row has). */
function tthcRowHeights(cells: readonly CellValue[][]): Record<number, number> {
  const rowHeights: Record<number, number> = { 1: 48 };
  for (let r = 2; r <= cells.length; r++)
    rowHeights[r] = rowHeightFor(
      [{ text: String(cells[r - 1][1] ?? ''), widthChars: WIDTHS.field }],
      BODY_FONT.size,
    );
  return rowHeights;
}

/**
 * The sheet: an Excel table (so rows added at its end get the formulas, dropdowns and colours), a row for every
 * month and field, the two formula columns, validation (month 1–12, counts whole numbers ≥ 0, the field from
 * Danh mục), the colours, a frozen header and A4 landscape printing with the header repeated.
 */
export function buildTthcSheet(input: TthcSheetInput): SheetSpec {
  const fields = input.fields && input.fields.length > 0 ? input.fields : TTHC_FIELDS;
  const header = TTHC_COLUMN_KEYS.map((k) => TTHC_HEADERS[k]);
  const { cells, formulas } = tthcRows(header, fields);
  const lastRow = cells.length;
  return {
    name: SHEET.tthc,
    kind: 'tthc',
    defaultFont: BODY_FONT,
    cells,
    formulas,
    table: {
      name: TTHC_TABLE_NAME,
      range: rangeToA1(0, 0, lastRow - 1, TTHC_COLUMN_KEYS.length - 1),
      columns: header,
      style: 'TableStyleLight9',
      calculatedColumns: [
        { column: TTHC_COLUMN_KEYS.indexOf('received'), formula: tthcTotalFormula(tthcRowRefs(2)) },
        { column: TTHC_COLUMN_KEYS.indexOf('rate'), formula: tthcRateFormula(tthcRowRefs(2)) },
      ],
    },
    styles: tthcStyles(lastRow),
    columnWidths: TTHC_COLUMN_KEYS.map((k) => WIDTHS[k]),
    rowHeights: tthcRowHeights(cells),
    autoRowHeights: true,
    validations: tthcValidations(input, lastRow),
    conditionalFormats: tthcConditionalFormats(lastRow),
    freeze: { rows: 1, columns: 2 },
    page: tablePageSetup(),
  };
}
