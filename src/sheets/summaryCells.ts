/**
 * What the blocks of "Tổng hợp" share (summarySheet.ts, and summaryTthc.ts for the TTHC blocks): the figure
 * columns and their widths, the formula helpers (quoted text, exact-match criteria, COUNTIFS), what the blocks
 * write into, and the styles of a block's title, header, body and total rows.
 */
import { STATE_LABEL, SUMMARY_TEXT } from '../i18n/vi';
import { colToLetters, MAX_ROWS } from '../domain/a1';
import { ymdFromIso, type IsoDate } from '../domain/dates';
import { DEADLINE_STATES } from '../domain/deadline';
import { TABLE_HEADER_STYLE } from './palette';
import type { CellValue, DataBarSpec, FormulaCell, StyleRun } from './spec';
import { rowHeightFor } from './textLayout';

/**
 * The figure columns, from C: Tổng số, the seven states, then the completion rate as numerator, denominator
 * and ratio; the period block adds Chưa đến kỳ.
 */
export const SUMMARY_COLUMNS = [
  'tasks',
  ...DEADLINE_STATES,
  'rateOnTime',
  'rateDue',
  'rate',
  'notYetInPeriod',
] as const;
export type SummaryColumn = (typeof SUMMARY_COLUMNS)[number];

export const FIRST_FIGURE_COL = 2; // C
export const colOf = (k: SummaryColumn): string =>
  colToLetters(FIRST_FIGURE_COL + SUMMARY_COLUMNS.indexOf(k));
export const LAST_COL_INDEX = FIRST_FIGURE_COL + SUMMARY_COLUMNS.length - 1;
export const LAST = colToLetters(LAST_COL_INDEX);
/** The last column of the blocks other than the period block (no Chưa đến kỳ). */
export const LAST_COMMON = colOf('rate');
export const MAX_ROW = MAX_ROWS;
export const WIDTHS = [7, 40, 8, 11, 11, 9, 10, 9, 11, 9, 11, 10, 10, 10];

/** Each column's header: a state's is its label (Chưa đến kỳ's too). */
export const HEADER_TEXT: Record<SummaryColumn, string> = {
  ...STATE_LABEL,
  tasks: SUMMARY_TEXT.tasksHeader,
  rateOnTime: SUMMARY_TEXT.rateOnTimeHeader,
  rateDue: SUMMARY_TEXT.rateDueHeader,
  rate: SUMMARY_TEXT.rateHeader,
};

export const q = (s: string): string => `"${s.replace(/"/g, '""')}"`;
/** A COUNTIFS criterion that matches exactly this text (in any case): "=" first, wildcards * ? ~ escaped. */
export const eq = (s: string): string => q(`=${s.replace(/[~*?]/g, (m) => `~${m}`)}`);
export const dateOf = (iso: IsoDate): string => {
  const { year, month, day } = ymdFromIso(iso);
  return `DATE(${year},${month},${day})`;
};

export const countifs = (...criteria: string[]): string => `COUNTIFS(${criteria.join(',')})`;
export const label = (s: keyof typeof STATE_LABEL): string => q(STATE_LABEL[s]);
export const TOMORROW = 'TODAY()+1';
export const at = (row: number, k: SummaryColumn): string => `${colOf(k)}${row}`;
export const rateOf = (row: number): string =>
  `IF(${at(row, 'rateDue')}=0,"",${at(row, 'rateOnTime')}/${at(row, 'rateDue')})`;
/** The width of a merged note across the sheet, in characters. */
export const NOTE_WIDTH_CHARS = WIDTHS.reduce((a, b) => a + b, 0) * 0.95;

/** What the blocks write into, each in turn from the top: the order of formulas and styles is the sheet's. */
export interface Out {
  cells: CellValue[][];
  formulas: FormulaCell[];
  styles: StyleRun[];
  dataBars: DataBarSpec[];
  merges: string[];
  rowHeights: Record<number, number>;
}

export const put = (out: Out, row: number, values: CellValue[]): void => {
  out.cells[row - 1] = values;
};
export const set = (out: Out, row: number, k: SummaryColumn, formula: string): void => {
  out.formulas.push({ cell: `${colOf(k)}${row}`, formula: `=${formula}` });
};

/** An italic note merged across the sheet, as tall as its wrapped text. */
export function writeNote(out: Out, row: number, note: string): void {
  put(out, row, [note]);
  out.merges.push(`A${row}:${LAST}${row}`);
  out.rowHeights[row] = rowHeightFor([{ text: note, widthChars: NOTE_WIDTH_CHARS }], 11);
  out.styles.push({
    range: `A${row}`,
    style: { font: { italic: true, size: 11, color: '595959' }, alignment: { vertical: 'top', wrap: true } },
  });
}

/** A block's title, in bold. */
export function writeBlockTitle(out: Out, row: number, title: string): void {
  put(out, row, [title]);
  out.styles.push({ range: `A${row}`, style: { font: { bold: true, size: 13 } } });
}

/** A header row of `height` points, up to column `last`, in the header's colours. */
export function writeHeaderRow(
  out: Out,
  row: number,
  values: CellValue[],
  height: number,
  last: string,
): void {
  put(out, row, values);
  out.rowHeights[row] = height;
  out.styles.push({
    range: `A${row}:${last}${row}`,
    style: TABLE_HEADER_STYLE,
  });
}

/** A total row's colour. */
export function styleTotalRow(out: Out, row: number, last: string): void {
  out.styles.push({
    range: `A${row}:${last}${row}`,
    style: { font: { bold: true }, fill: 'DDEBF7' },
  });
}

/** Borders, alignment and number formats of a table's rows `first`…`end`; its rate column as `rateFormat`. */
export function styleTableBody(
  out: Out,
  first: number,
  end: number,
  last: string,
  rateCol: string,
  rateFormat: string,
): void {
  out.styles.push(
    {
      range: `A${first}:${last}${end}`,
      style: { border: { top: 'thin', bottom: 'thin', left: 'thin', right: 'thin' } },
    },
    { range: `A${first}:A${end}`, style: { alignment: { horizontal: 'center', vertical: 'top' } } },
    { range: `B${first}:B${end}`, style: { alignment: { wrap: true, vertical: 'top' } } },
    {
      range: `C${first}:${last}${end}`,
      style: { numberFormat: '0', alignment: { horizontal: 'center', vertical: 'top' } },
    },
    {
      range: `${rateCol}${first}:${rateCol}${end}`,
      style: { numberFormat: rateFormat, alignment: { horizontal: 'center', vertical: 'top' } },
    },
  );
}
