/**
 * The TTHC blocks of "Tổng hợp": "Hồ sơ TTHC"'s figures by month, then by field for each quarter and the year
 * to date, each a SUMIFS over the rows whose Tổng số hồ sơ shows a number (src/domain/tthcFigures.ts computes the
 * same figures, and test/interop holds them equal in LibreOffice).
 */
import { OTHER_GROUP, SHEET, STATE_LABEL, SUMMARY_TEXT } from '../i18n/vi';
import { colToLetters, quoteSheet, toAbsolute } from '../domain/a1';
import { OTHER_KEY } from '../domain/rollup';
import { TTHC_FIGURE_KEYS, type TthcColumnKey, type TthcFigures } from '../domain/tthc';
import { type MonthWindow } from '../domain/tthcFigures';
import { ROMAN_QUARTER } from '../domain/schedule';
import { BODY_FONT } from './palette';
import { rowHeightFor } from './textLayout';
import {
  FIRST_FIGURE_COL,
  MAX_ROW,
  type Out,
  WIDTHS,
  eq,
  put,
  q,
  styleTableBody,
  styleTotalRow,
  writeBlockTitle,
  writeHeaderRow,
  writeNote,
} from './summaryCells';

/** The figure columns of a TTHC block: T (domain/tthc.TthcFigures) and the on-time rate. */
export type TthcSummaryColumn = keyof TthcFigures | 'rate';
export const TTHC_SUMMARY_COLUMNS: readonly TthcSummaryColumn[] = [...TTHC_FIGURE_KEYS, 'rate'];

/** "Hồ sơ TTHC" as read: its 0-based header row and columns, and the fields to give a row. */
export interface TthcSummaryInput {
  headerRow: number;
  columns: Partial<Record<TthcColumnKey, number>>;
  fields: string[];
}

export interface TthcSummaryLayout {
  /** Column letter of each figure (C…L). */
  columns: Record<TthcSummaryColumn, string>;
  /** Column of the month block's "Số dòng có số liệu" (counted rows of the month). */
  rowsColumn: string;
  /** Sheet row of each month's figures (index 0 = January). */
  monthRows: number[];
  /**
   * The blocks by field: each quarter on its own (Q1…Q4) and the year to date (year: every month with figures).
   * `monthsRow` holds the window's first and last month with figures in `columns.carriedOver` and
   * `columns.online` (0 when none).
   */
  blocks: {
    key: 'Q1' | 'Q2' | 'Q3' | 'Q4' | 'year';
    window: MonthWindow;
    monthsRow: number;
    firstRow: number;
    /** Field keys in row order; the last is OTHER_KEY ("Khác"). */
    keys: string[];
    totalRow: number;
  }[];
  /** The cell counting the rows that show "Lỗi dữ liệu". */
  dataErrorCell: string;
}

// ---------------------------------------------------------------------------------------------------------
// The TTHC blocks

const TC = TTHC_SUMMARY_COLUMNS;
const tcolOf = (k: TthcSummaryColumn): string => colToLetters(FIRST_FIGURE_COL + TC.indexOf(k));
const tat = (r: number, k: TthcSummaryColumn): string => `${tcolOf(k)}${r}`;
/** The month block's "Số dòng có số liệu" column, after the figures. */
const ROWS_COL = colToLetters(FIRST_FIGURE_COL + TC.length);
const tthcRate = (r: number): string => {
  const good = `${tat(r, 'early')}+${tat(r, 'onTime')}`;
  const resolved = `${good}+${tat(r, 'late')}`;
  return `IF(${resolved}=0,"",(${good})/(${resolved}))`;
};
type TthcBlockKey = TthcSummaryLayout['blocks'][number]['key'];

/** "Hồ sơ TTHC"'s columns as SUMIFS ranges, and the writing of one row of TTHC figures. */
interface TthcWriter {
  /** The column of "Hồ sơ TTHC" as a range below its header. */
  tcol: (k: TthcColumnKey) => string;
  /** Criteria: the row counts (its Tổng số hồ sơ shows a number). */
  counted: string[];
  month: string;
  set: (r: number, k: TthcSummaryColumn | 'rows', formula: string) => void;
  /** One row of figures: `first`/`last` are the month criteria of carried over / pending, `flows` of the rest. */
  figures: (r: number, first: string[], flows: string[], last: string[], extra: string[]) => void;
}

function tthcWriter(out: Out, t: TthcSummaryInput): TthcWriter {
  const tcol = (k: TthcColumnKey): string => {
    const c = t.columns[k];
    if (c === undefined) throw new RangeError(`TTHC column ${k} not found`);
    const L = colToLetters(c);
    return `${quoteSheet(SHEET.tthc)}!$${L}$${t.headerRow + 2}:$${L}$${MAX_ROW}`;
  };
  const tset = (r: number, k: TthcSummaryColumn | 'rows', formula: string): void => {
    out.formulas.push({ cell: `${k === 'rows' ? ROWS_COL : tcolOf(k)}${r}`, formula: `=${formula}` });
  };
  const counted = [tcol('received'), '">=0"'];
  const month = tcol('month');
  const sumifs = (k: TthcSummaryColumn, ...criteria: string[]): string =>
    `SUMIFS(${tcol(k as TthcColumnKey)},${[...criteria, ...counted].join(',')})`;
  const figures = (r: number, first: string[], flows: string[], last: string[], extra: string[]): void => {
    tset(r, 'carriedOver', sumifs('carriedOver', ...first, ...extra));
    for (const k of ['online', 'offline', 'early', 'onTime', 'late'] as const)
      tset(r, k, sumifs(k, ...flows, ...extra));
    for (const k of ['pendingOnTime', 'pendingLate'] as const) tset(r, k, sumifs(k, ...last, ...extra));
    tset(r, 'received', `${tat(r, 'carriedOver')}+${tat(r, 'online')}+${tat(r, 'offline')}`);
    tset(r, 'rate', tthcRate(r));
  };
  return { tcol, counted, month, set: tset, figures };
}

/** A TTHC header row; the month block's has "Số dòng có số liệu" after the figures. */
function writeTthcHeaderRow(out: Out, r: number, first: [string, string], withRows: boolean): void {
  const texts = TC.map((k) => SUMMARY_TEXT.tthcHeaders[k]);
  const values = [...first, ...texts, ...(withRows ? [SUMMARY_TEXT.tthcHeaders.rows] : [])];
  // "Tiếp nhận trực tiếp, bưu chính" wraps onto four lines.
  writeHeaderRow(out, r, values, 64, withRows ? ROWS_COL : tcolOf('rate'));
}

/**
 * The TTHC blocks (domain/tthc.tthcFigures, one rule): the months, then each quarter and the year to date by
 * field. A row of "Hồ sơ TTHC" counts where its Tổng số hồ sơ shows a number (criterion ">=0"); carried over
 * is the first month with figures', pending the last's (nested IFs over the month block: no array formula),
 * the flows sums over the window. Returns the next free row and the blocks' layout.
 */
export function writeTthcBlocks(
  out: Out,
  year: number,
  t: TthcSummaryInput,
  start: number,
): { next: number; layout: TthcSummaryLayout } {
  const w = tthcWriter(out, t);
  const tl: TthcSummaryLayout = {
    columns: Object.fromEntries(TC.map((k) => [k, tcolOf(k)])) as Record<TthcSummaryColumn, string>,
    rowsColumn: ROWS_COL,
    monthRows: [],
    blocks: [],
    dataErrorCell: '',
  };
  let r = writeTthcMonths(out, w, tl, year, start);
  const windows: { key: TthcBlockKey; label: string; window: MonthWindow }[] = [
    ...([1, 2, 3, 4] as const).map((qtr) => ({
      key: `Q${qtr}` as const,
      label: SUMMARY_TEXT.tthcQuarter(ROMAN_QUARTER[qtr - 1], year),
      window: { from: qtr * 3 - 2, to: qtr * 3 },
    })),
    { key: 'year' as const, label: SUMMARY_TEXT.tthcYear(year), window: { from: 1, to: 12 } },
  ];
  windows.forEach((win, i) => {
    r = writeTthcWindow(out, w, tl, t.fields, r, { ...win, number: 6 + i });
  });
  writeNote(out, r, SUMMARY_TEXT.tthcNote);
  return { next: r + 2, layout: tl };
}

/** The month block: the count of rows showing "Lỗi dữ liệu", then one row per month. Returns the next row. */
function writeTthcMonths(
  out: Out,
  w: TthcWriter,
  tl: TthcSummaryLayout,
  year: number,
  start: number,
): number {
  let r = start;
  writeBlockTitle(out, r, SUMMARY_TEXT.tthcByMonth(year));
  r += 1;
  put(out, r, ['', SUMMARY_TEXT.tthcDataErrors]);
  tl.dataErrorCell = `C${r}`;
  out.formulas.push({
    cell: tl.dataErrorCell,
    formula: `=COUNTIF(${w.tcol('received')},${q(STATE_LABEL.dataError)})`,
  });
  out.styles.push(
    { range: `B${r}`, style: { font: { italic: true }, alignment: { horizontal: 'right' } } },
    {
      range: `C${r}`,
      style: { numberFormat: '0', font: { bold: true }, alignment: { horizontal: 'center' } },
    },
  );
  r += 1;
  writeTthcHeaderRow(out, r, [SUMMARY_TEXT.monthHeader, ''], true);
  r += 1;
  const monthFirst = r;
  for (let m = 1; m <= 12; m++) {
    put(out, r, [m, SUMMARY_TEXT.tthcMonth(m)]);
    const only = [w.month, String(m)];
    w.figures(r, only, only, only, []);
    w.set(r, 'rows', `COUNTIFS(${[w.month, String(m), ...w.counted].join(',')})`);
    tl.monthRows.push(r);
    r += 1;
  }
  styleTableBody(out, monthFirst, r - 1, ROWS_COL, tcolOf('rate'), '0.0%');
  return r + 1;
}

/**
 * A quarter's or the year's block by field: the window's first and last month with figures, then a row per
 * field, "Khác" (the total less the fields) and the total. Returns the next free row.
 */
function writeTthcWindow(
  out: Out,
  w: TthcWriter,
  tl: TthcSummaryLayout,
  fields: string[],
  start: number,
  win: { key: TthcBlockKey; label: string; window: MonthWindow; number: number },
): number {
  let r = start;
  writeBlockTitle(out, r, SUMMARY_TEXT.tthcByField(win.number, win.label));
  r += 1;
  const monthsRow = r;
  const { firstCell, lastCell } = writeTthcWindowMonths(out, tl, monthsRow, win.window);
  r += 1;
  writeTthcHeaderRow(out, r, [SUMMARY_TEXT.sttHeader, SUMMARY_TEXT.fieldHeader], false);
  r += 1;
  const firstRow = r;
  const first = [w.month, toAbsolute(firstCell)];
  const last = [w.month, toAbsolute(lastCell)];
  const flows = [w.month, `">=${win.window.from}"`, w.month, `"<=${win.window.to}"`];
  const keys = [...fields, OTHER_KEY];
  fields.forEach((f, j) => {
    put(out, r, [j + 1, f]);
    out.rowHeights[r] = rowHeightFor([{ text: f, widthChars: WIDTHS[1] }], BODY_FONT.size);
    w.figures(r, first, flows, last, [w.tcol('field'), eq(f)]);
    r += 1;
  });
  const otherRow = r;
  put(out, r, ['', OTHER_GROUP.field]);
  r += 1;
  const totalRow = r;
  put(out, r, ['', SUMMARY_TEXT.total]);
  w.figures(r, first, flows, last, []);
  for (const k of TC) {
    if (k === 'rate') continue;
    const listed = fields.length === 0 ? '0' : `SUM(${tat(firstRow, k)}:${tat(otherRow - 1, k)})`;
    w.set(otherRow, k, `${tat(totalRow, k)}-${listed}`);
  }
  w.set(otherRow, 'rate', tthcRate(otherRow));
  styleTotalRow(out, totalRow, tcolOf('rate'));
  styleTableBody(out, firstRow, totalRow, tcolOf('rate'), tcolOf('rate'), '0.0%');
  tl.blocks.push({ key: win.key, window: win.window, monthsRow, firstRow, keys, totalRow });
  return r + 2;
}

/**
 * The row of a window's first and last month with figures: IF(M(a)>0,a,IF(M(a+1)>0,a+1,…,0)), and the last
 * backwards. Returns the two cells.
 */
function writeTthcWindowMonths(
  out: Out,
  tl: TthcSummaryLayout,
  r: number,
  window: MonthWindow,
): { firstCell: string; lastCell: string } {
  put(out, r, ['', SUMMARY_TEXT.tthcMonthsLabel]);
  const hasRows = (m: number): string => `${ROWS_COL}${tl.monthRows[m - 1]}>0`;
  let firstF = '0';
  for (let m = window.to; m >= window.from; m--) firstF = `IF(${hasRows(m)},${m},${firstF})`;
  let lastF = '0';
  for (let m = window.from; m <= window.to; m++) lastF = `IF(${hasRows(m)},${m},${lastF})`;
  const firstCell = tat(r, 'carriedOver');
  const lastCell = tat(r, 'online');
  out.formulas.push({ cell: firstCell, formula: `=${firstF}` }, { cell: lastCell, formula: `=${lastF}` });
  out.styles.push(
    { range: `B${r}`, style: { font: { italic: true }, alignment: { horizontal: 'right' } } },
    {
      range: `${firstCell}:${lastCell}`,
      style: { numberFormat: '0', font: { bold: true }, alignment: { horizontal: 'center' } },
    },
  );
  return { firstCell, lastCell };
}
