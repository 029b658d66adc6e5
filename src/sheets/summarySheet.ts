/**
 * "Tổng hợp": live roll-ups of the tracker by plan section, lead body, quarter of the deadline and reporting
 * period, with totals and the completion rate. Only COUNTIFS, SUM, MIN, IF, DATE, TODAY and arithmetic
 * (Excel 2010+ and LibreOffice), over the tracker's columns wherever they are, so the figures follow every
 * edit without the add-in. Each figure is the one src/domain/rollup.ts computes (test/interop holds them
 * equal in LibreOffice): states are counted from the Tình trạng hạn column, so a row counts here exactly as
 * it shows there; dates are bounded with "<" the next day, so a time of day never moves a task.
 */
import { OTHER_GROUP, SHEET, STATE_LABEL, SUMMARY_TEXT } from '../i18n/vi';
import { colToLetters, MAX_ROWS, quoteSheet, toAbsolute } from '../domain/a1';
import { addDays, formatVnDate, ymdFromIso, type IsoDate } from '../domain/dates';
import { DEADLINE_STATES } from '../domain/deadline';
import { reportPeriod } from '../domain/periods';
import { OTHER_KEY, quarterBuckets, type QuarterBucket } from '../domain/rollup';
import type { PeriodMode } from '../domain/settings';
import { END_DATE_SERIAL, FIRST_DATE_SERIAL } from '../domain/sheetRules';
import type { ColumnKey } from '../domain/tracker';
import { TTHC_FIGURE_KEYS, type MonthWindow, type TthcColumnKey, type TthcFigures } from '../domain/tthc';
import { ROMAN_QUARTER } from '../domain/schedule';
import { BODY_FONT, HEADER_FILL, HEADER_FONT } from './palette';
import type { CellValue, DataBarSpec, FormulaCell, SheetSpec, StyleRun } from './spec';
import { rowHeightFor } from './textLayout';

export interface SummaryInput {
  year: number;
  periodMode: PeriodMode;
  /** When the sheet is written (shown; the figures themselves follow TODAY()). */
  writtenOn: IsoDate;
  /** 0-based header row and columns of the tracker, as read. */
  headerRow: number;
  columns: Partial<Record<ColumnKey, number>>;
  sections: { id: string; title: string }[];
  leads: string[];
  /**
   * "Hồ sơ TTHC" as read (its 0-based header row and columns) and the fields to give a row
   * (domain/tthc.tthcFieldsOf): the TTHC blocks. Undefined when the workbook has no readable such sheet.
   */
  tthc?: { headerRow: number; columns: Partial<Record<TthcColumnKey, number>>; fields: string[] };
}

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

const FIRST_FIGURE_COL = 2; // C
const colOf = (k: SummaryColumn): string => colToLetters(FIRST_FIGURE_COL + SUMMARY_COLUMNS.indexOf(k));
const LAST_COL_INDEX = FIRST_FIGURE_COL + SUMMARY_COLUMNS.length - 1;
const LAST = colToLetters(LAST_COL_INDEX);
/** The last column of the blocks other than the period block (no Chưa đến kỳ). */
const LAST_COMMON = colOf('rate');
const MAX_ROW = MAX_ROWS;
const WIDTHS = [7, 40, 8, 11, 11, 9, 10, 9, 11, 9, 11, 10, 10, 10];

const HEADER_TEXT: Record<SummaryColumn, string> = {
  tasks: SUMMARY_TEXT.tasksHeader,
  doneOnTime: STATE_LABEL.doneOnTime,
  doneLate: STATE_LABEL.doneLate,
  overdue: STATE_LABEL.overdue,
  dueSoon: STATE_LABEL.dueSoon,
  onTrack: STATE_LABEL.onTrack,
  ongoing: STATE_LABEL.ongoing,
  dataError: STATE_LABEL.dataError,
  rateOnTime: SUMMARY_TEXT.rateOnTimeHeader,
  rateDue: SUMMARY_TEXT.rateDueHeader,
  rate: SUMMARY_TEXT.rateHeader,
  notYetInPeriod: STATE_LABEL.notYetInPeriod,
};

export type SummaryBlockKey = 'section' | 'lead' | 'quarter' | 'period';

export interface SummaryLayout {
  /** Sheet row (1-based) of each block's first data row and its total row; keys in row order. */
  blocks: { key: SummaryBlockKey; firstRow: number; keys: string[]; totalRow: number }[];
  /** Column letter of each figure. */
  columns: Record<SummaryColumn, string>;
  /** The TTHC blocks, when the workbook has a readable "Hồ sơ TTHC". */
  tthc?: TthcSummaryLayout;
}

/** The figure columns of a TTHC block: T (domain/tthc.TthcFigures) and the on-time rate. */
export type TthcSummaryColumn = keyof TthcFigures | 'rate';
export const TTHC_SUMMARY_COLUMNS: readonly TthcSummaryColumn[] = [...TTHC_FIGURE_KEYS, 'rate'];

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

const q = (s: string): string => `"${s.replace(/"/g, '""')}"`;
/** A COUNTIFS criterion that matches exactly this text (in any case): "=" first, wildcards * ? ~ escaped. */
const eq = (s: string): string => q(`=${s.replace(/[~*?]/g, (m) => `~${m}`)}`);
const dateOf = (iso: IsoDate): string => {
  const { year, month, day } = ymdFromIso(iso);
  return `DATE(${year},${month},${day})`;
};

export function buildSummarySheet(input: SummaryInput): { spec: SheetSpec; layout: SummaryLayout } {
  const col = (k: ColumnKey): string => {
    const c = input.columns[k];
    if (c === undefined) throw new RangeError(`tracker column ${k} not found`);
    const L = colToLetters(c);
    return `${quoteSheet(SHEET.tracker)}!$${L}$${input.headerRow + 2}:$${L}$${MAX_ROW}`;
  };
  const state = col('deadlineState');
  const dl = col('deadline');
  const label = (s: keyof typeof STATE_LABEL): string => q(STATE_LABEL[s]);
  /** Criteria: the deadline is a date (in the range the sheet reads). */
  const dated = [dl, `">=${FIRST_DATE_SERIAL}"`, dl, `"<${END_DATE_SERIAL}"`];
  const countifs = (...criteria: string[]): string => `COUNTIFS(${criteria.join(',')})`;
  const cells: CellValue[][] = [];
  const formulas: FormulaCell[] = [];
  const styles: StyleRun[] = [];
  const dataBars: DataBarSpec[] = [];
  const merges: string[] = [];
  const rowHeights: Record<number, number> = {};
  const layout: SummaryLayout = {
    blocks: [],
    columns: Object.fromEntries(SUMMARY_COLUMNS.map((k) => [k, colOf(k)])) as Record<SummaryColumn, string>,
  };
  const put = (row: number, values: CellValue[]): void => {
    cells[row - 1] = values;
  };
  const set = (row: number, k: SummaryColumn, formula: string): void => {
    formulas.push({ cell: `${colOf(k)}${row}`, formula: `=${formula}` });
  };
  const at = (row: number, k: SummaryColumn): string => `${colOf(k)}${row}`;
  const rateOf = (row: number): string =>
    `IF(${at(row, 'rateDue')}=0,"",${at(row, 'rateOnTime')}/${at(row, 'rateDue')})`;
  const tomorrow = 'TODAY()+1';
  /** A row of figures over the tasks matching `crit` (COUNTIFS criteria pairs; [] = every task). */
  const figuresRow = (row: number, crit: string[]): void => {
    DEADLINE_STATES.forEach((s) => set(row, s, countifs(...crit, state, label(s))));
    set(
      row,
      'tasks',
      `SUM(${at(row, DEADLINE_STATES[0])}:${at(row, DEADLINE_STATES[DEADLINE_STATES.length - 1])})`,
    );
    set(row, 'rateOnTime', countifs(...crit, state, label('doneOnTime'), dl, '">0"'));
    set(
      row,
      'rateDue',
      `${at(row, 'rateOnTime')}+${at(row, 'doneLate')}+${at(row, 'overdue')}+` +
        countifs(...crit, state, label('dueSoon'), dl, `"<"&${tomorrow}`),
    );
    set(row, 'rate', rateOf(row));
  };
  /** A row that is the block's total less its listed rows ("Khác", "Không có hạn"). */
  const remainderRow = (
    row: number,
    totalRow: number,
    others: number[],
    columns: readonly SummaryColumn[],
  ): void => {
    for (const k of columns) {
      if (k === 'rate') continue;
      const minus = others.map((r) => at(r, k)).join(',');
      set(row, k, others.length === 0 ? at(totalRow, k) : `${at(totalRow, k)}-SUM(${minus})`);
    }
    set(row, 'rate', rateOf(row));
  };
  const { year } = input;
  put(1, [SUMMARY_TEXT.title(year)]);
  merges.push(`A1:${LAST}1`);
  const intro = SUMMARY_TEXT.intro(formatVnDate(input.writtenOn));
  put(2, [intro]);
  merges.push(`A2:${LAST}2`);
  rowHeights[2] = rowHeightFor([{ text: intro, widthChars: WIDTHS.reduce((a, b) => a + b, 0) * 0.95 }], 11);
  styles.push(
    { range: 'A1', style: { font: { bold: true, size: 14 }, alignment: { horizontal: 'center' } } },
    {
      range: 'A2',
      style: {
        font: { italic: true, size: 11, color: '595959' },
        alignment: { horizontal: 'center', vertical: 'top', wrap: true },
      },
    },
  );
  let row = 4;
  interface Group {
    key: string;
    a: CellValue;
    b: string;
    /** COUNTIFS criteria of the row; null: the block's total less its other rows ("Khác"). */
    criteria: string[] | null;
  }
  /**
   * A block of rows: its title, header, one row per group and (unless `figures` writes each row itself, as the
   * period block does) a total row over every task.
   */
  const block = (
    key: SummaryBlockKey,
    title: string,
    groupHeader: [string, string],
    groups: Group[],
    figures?: (row: number, index: number) => void,
  ): void => {
    const columns =
      key === 'period' ? SUMMARY_COLUMNS : SUMMARY_COLUMNS.filter((k) => k !== 'notYetInPeriod');
    const last = key === 'period' ? LAST : LAST_COMMON;
    put(row, [title]);
    styles.push({ range: `A${row}`, style: { font: { bold: true, size: 13 } } });
    row += 1;
    put(row, [...groupHeader, ...columns.map((k) => HEADER_TEXT[k])]);
    rowHeights[row] = 48; // the state names wrap onto up to three lines
    styles.push({
      range: `A${row}:${last}${row}`,
      style: {
        font: { bold: true, color: HEADER_FONT },
        fill: HEADER_FILL,
        alignment: { horizontal: 'center', vertical: 'center', wrap: true },
      },
    });
    row += 1;
    const firstRow = row;
    groups.forEach((g, i) => {
      put(row, [g.a, g.b]);
      rowHeights[row] = rowHeightFor([{ text: g.b, widthChars: WIDTHS[1] }], BODY_FONT.size);
      if (figures) figures(row, i);
      else if (g.criteria) figuresRow(row, g.criteria);
      row += 1;
    });
    let totalRow = 0;
    if (!figures) {
      totalRow = row;
      put(row, ['', SUMMARY_TEXT.total]);
      figuresRow(totalRow, []);
      // Every block's total counts every task, so a row without criteria is the total less the listed rows.
      groups.forEach((g, i) => {
        if (g.criteria) return;
        const others = groups
          .map((_, j) => j)
          .filter((j) => j !== i)
          .map((j) => firstRow + j);
        remainderRow(firstRow + i, totalRow, others, columns);
      });
      styles.push({
        range: `A${totalRow}:${last}${totalRow}`,
        style: { font: { bold: true }, fill: 'DDEBF7' },
      });
      row += 1;
    }
    const end = row - 1;
    styles.push(
      {
        range: `A${firstRow}:${last}${end}`,
        style: { border: { top: 'thin', bottom: 'thin', left: 'thin', right: 'thin' } },
      },
      { range: `A${firstRow}:A${end}`, style: { alignment: { horizontal: 'center', vertical: 'top' } } },
      { range: `B${firstRow}:B${end}`, style: { alignment: { wrap: true, vertical: 'top' } } },
      {
        range: `C${firstRow}:${last}${end}`,
        style: { numberFormat: '0', alignment: { horizontal: 'center', vertical: 'top' } },
      },
      {
        range: `${colOf('rate')}${firstRow}:${colOf('rate')}${end}`,
        style: { numberFormat: '0%', alignment: { horizontal: 'center', vertical: 'top' } },
      },
    );
    dataBars.push({
      range: `${colOf('rate')}${firstRow}:${colOf('rate')}${end}`,
      color: '63BE7B',
      min: 0,
      max: 1,
    });
    layout.blocks.push({ key, firstRow, keys: groups.map((g) => g.key), totalRow });
    row += 1;
  };
  /**
   * The TTHC blocks (domain/tthc.tthcFigures, one rule): the months, then each quarter and the year to date by
   * field. A row of "Hồ sơ TTHC" counts where its Tổng số hồ sơ shows a number (criterion ">=0"); carried over
   * is the first month with figures', pending the last's (nested IFs over the month block: no array formula),
   * the flows sums over the window. Returns the next free row.
   */
  const tthcBlocks = (t: NonNullable<SummaryInput['tthc']>, start: number): number => {
    const tcol = (k: TthcColumnKey): string => {
      const c = t.columns[k];
      if (c === undefined) throw new RangeError(`TTHC column ${k} not found`);
      const L = colToLetters(c);
      return `${quoteSheet(SHEET.tthc)}!$${L}$${t.headerRow + 2}:$${L}$${MAX_ROW}`;
    };
    const TC = TTHC_SUMMARY_COLUMNS;
    const tcolOf = (k: TthcSummaryColumn): string => colToLetters(FIRST_FIGURE_COL + TC.indexOf(k));
    const tat = (r: number, k: TthcSummaryColumn): string => `${tcolOf(k)}${r}`;
    const rowsCol = colToLetters(FIRST_FIGURE_COL + TC.length);
    const tset = (r: number, k: TthcSummaryColumn | 'rows', formula: string): void => {
      formulas.push({ cell: `${k === 'rows' ? rowsCol : tcolOf(k)}${r}`, formula: `=${formula}` });
    };
    const counted = [tcol('received'), '">=0"'];
    const month = tcol('month');
    const sumifs = (k: TthcSummaryColumn, ...criteria: string[]): string =>
      `SUMIFS(${tcol(k as TthcColumnKey)},${[...criteria, ...counted].join(',')})`;
    const tthcRate = (r: number): string => {
      const good = `${tat(r, 'early')}+${tat(r, 'onTime')}`;
      const resolved = `${good}+${tat(r, 'late')}`;
      return `IF(${resolved}=0,"",(${good})/(${resolved}))`;
    };
    /** One row of figures: `first`/`last` are the month criteria of carried over / pending, `flows` of the rest. */
    const figures = (r: number, first: string[], flows: string[], last: string[], extra: string[]): void => {
      tset(r, 'carriedOver', sumifs('carriedOver', ...first, ...extra));
      for (const k of ['online', 'offline', 'early', 'onTime', 'late'] as const)
        tset(r, k, sumifs(k, ...flows, ...extra));
      for (const k of ['pendingOnTime', 'pendingLate'] as const) tset(r, k, sumifs(k, ...last, ...extra));
      tset(r, 'received', `${tat(r, 'carriedOver')}+${tat(r, 'online')}+${tat(r, 'offline')}`);
      tset(r, 'rate', tthcRate(r));
    };
    const headerRow = (r: number, first: [string, string], withRows: boolean): void => {
      const texts = TC.map((k) => SUMMARY_TEXT.tthcHeaders[k]);
      put(r, [...first, ...texts, ...(withRows ? [SUMMARY_TEXT.tthcHeaders.rows] : [])]);
      rowHeights[r] = 64; // "Tiếp nhận trực tiếp, bưu chính" wraps onto four lines
      const last = withRows ? rowsCol : tcolOf('rate');
      styles.push({
        range: `A${r}:${last}${r}`,
        style: {
          font: { bold: true, color: HEADER_FONT },
          fill: HEADER_FILL,
          alignment: { horizontal: 'center', vertical: 'center', wrap: true },
        },
      });
    };
    const bodyStyles = (first: number, end: number, last: string): void => {
      styles.push(
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
          range: `${tcolOf('rate')}${first}:${tcolOf('rate')}${end}`,
          style: { numberFormat: '0.0%', alignment: { horizontal: 'center', vertical: 'top' } },
        },
      );
    };
    const tl: TthcSummaryLayout = {
      columns: Object.fromEntries(TC.map((k) => [k, tcolOf(k)])) as Record<TthcSummaryColumn, string>,
      rowsColumn: rowsCol,
      monthRows: [],
      blocks: [],
      dataErrorCell: '',
    };
    let r = start;
    put(r, [SUMMARY_TEXT.tthcByMonth(input.year)]);
    styles.push({ range: `A${r}`, style: { font: { bold: true, size: 13 } } });
    r += 1;
    put(r, ['', SUMMARY_TEXT.tthcDataErrors]);
    tl.dataErrorCell = `C${r}`;
    formulas.push({
      cell: tl.dataErrorCell,
      formula: `=COUNTIF(${tcol('received')},${q(STATE_LABEL.dataError)})`,
    });
    styles.push(
      { range: `B${r}`, style: { font: { italic: true }, alignment: { horizontal: 'right' } } },
      {
        range: `C${r}`,
        style: { numberFormat: '0', font: { bold: true }, alignment: { horizontal: 'center' } },
      },
    );
    r += 1;
    headerRow(r, [SUMMARY_TEXT.monthHeader, ''], true);
    r += 1;
    const monthFirst = r;
    for (let m = 1; m <= 12; m++) {
      put(r, [m, SUMMARY_TEXT.tthcMonth(m)]);
      const only = [month, String(m)];
      figures(r, only, only, only, []);
      tset(r, 'rows', `COUNTIFS(${[month, String(m), ...counted].join(',')})`);
      tl.monthRows.push(r);
      r += 1;
    }
    bodyStyles(monthFirst, r - 1, rowsCol);
    r += 1;
    const windows: { key: TthcSummaryLayout['blocks'][number]['key']; label: string; window: MonthWindow }[] =
      [
        ...([1, 2, 3, 4] as const).map((qtr) => ({
          key: `Q${qtr}` as const,
          label: SUMMARY_TEXT.tthcQuarter(ROMAN_QUARTER[qtr - 1], input.year),
          window: { from: qtr * 3 - 2, to: qtr * 3 },
        })),
        { key: 'year' as const, label: SUMMARY_TEXT.tthcYear(input.year), window: { from: 1, to: 12 } },
      ];
    const hasRows = (m: number): string => `${rowsCol}${tl.monthRows[m - 1]}>0`;
    windows.forEach((w, i) => {
      put(r, [SUMMARY_TEXT.tthcByField(6 + i, w.label)]);
      styles.push({ range: `A${r}`, style: { font: { bold: true, size: 13 } } });
      r += 1;
      const monthsRow = r;
      put(r, ['', SUMMARY_TEXT.tthcMonthsLabel]);
      // The first month of the window with figures: IF(M(a)>0,a,IF(M(a+1)>0,a+1,…,0)); the last, backwards.
      let firstF = '0';
      for (let m = w.window.to; m >= w.window.from; m--) firstF = `IF(${hasRows(m)},${m},${firstF})`;
      let lastF = '0';
      for (let m = w.window.from; m <= w.window.to; m++) lastF = `IF(${hasRows(m)},${m},${lastF})`;
      const firstCell = tat(monthsRow, 'carriedOver');
      const lastCell = tat(monthsRow, 'online');
      formulas.push({ cell: firstCell, formula: `=${firstF}` }, { cell: lastCell, formula: `=${lastF}` });
      styles.push(
        { range: `B${r}`, style: { font: { italic: true }, alignment: { horizontal: 'right' } } },
        {
          range: `${firstCell}:${lastCell}`,
          style: { numberFormat: '0', font: { bold: true }, alignment: { horizontal: 'center' } },
        },
      );
      r += 1;
      headerRow(r, [SUMMARY_TEXT.sttHeader, SUMMARY_TEXT.fieldHeader], false);
      r += 1;
      const firstRow = r;
      const first = [month, toAbsolute(firstCell)];
      const last = [month, toAbsolute(lastCell)];
      const flows = [month, `">=${w.window.from}"`, month, `"<=${w.window.to}"`];
      const keys = [...t.fields, OTHER_KEY];
      t.fields.forEach((f, j) => {
        put(r, [j + 1, f]);
        rowHeights[r] = rowHeightFor([{ text: f, widthChars: WIDTHS[1] }], BODY_FONT.size);
        figures(r, first, flows, last, [tcol('field'), eq(f)]);
        r += 1;
      });
      const otherRow = r;
      put(r, ['', OTHER_GROUP.field]);
      r += 1;
      const totalRow = r;
      put(r, ['', SUMMARY_TEXT.total]);
      figures(r, first, flows, last, []);
      for (const k of TC) {
        if (k === 'rate') continue;
        const listed = t.fields.length === 0 ? '0' : `SUM(${tat(firstRow, k)}:${tat(otherRow - 1, k)})`;
        tset(otherRow, k, `${tat(totalRow, k)}-${listed}`);
      }
      tset(otherRow, 'rate', tthcRate(otherRow));
      styles.push({
        range: `A${totalRow}:${tcolOf('rate')}${totalRow}`,
        style: { font: { bold: true }, fill: 'DDEBF7' },
      });
      bodyStyles(firstRow, totalRow, tcolOf('rate'));
      tl.blocks.push({ key: w.key, window: w.window, monthsRow, firstRow, keys, totalRow });
      r += 2;
    });
    const tnote = SUMMARY_TEXT.tthcNote;
    put(r, [tnote]);
    merges.push(`A${r}:${LAST}${r}`);
    rowHeights[r] = rowHeightFor([{ text: tnote, widthChars: WIDTHS.reduce((a, b) => a + b, 0) * 0.95 }], 11);
    styles.push({
      range: `A${r}`,
      style: {
        font: { italic: true, size: 11, color: '595959' },
        alignment: { vertical: 'top', wrap: true },
      },
    });
    layout.tthc = tl;
    return r + 2;
  };
  const section = col('section');
  const lead = col('lead');
  block(
    'section',
    SUMMARY_TEXT.bySection,
    [SUMMARY_TEXT.sectionHeader, SUMMARY_TEXT.contentHeader],
    [
      ...input.sections.map((s) => ({ key: s.id, a: s.id, b: s.title, criteria: [section, eq(s.id)] })),
      { key: OTHER_KEY, a: '', b: OTHER_GROUP.section, criteria: null },
    ],
  );
  block(
    'lead',
    SUMMARY_TEXT.byLead,
    [SUMMARY_TEXT.sttHeader, SUMMARY_TEXT.leadHeader],
    [
      ...input.leads.map((l, i) => ({ key: l, a: i + 1, b: l, criteria: [lead, eq(l)] })),
      { key: OTHER_KEY, a: '', b: OTHER_GROUP.lead, criteria: null },
    ],
  );
  const bucketCriteria = (b: QuarterBucket): string[] | null => {
    if (b.none) return null;
    const from = b.from ? [dl, `">="&${dateOf(b.from)}`] : [dl, `">=${FIRST_DATE_SERIAL}"`];
    const to = b.to ? [dl, `"<"&${dateOf(addDays(b.to, 1))}`] : [dl, `"<${END_DATE_SERIAL}"`];
    return [...from, ...to];
  };
  block(
    'quarter',
    SUMMARY_TEXT.byQuarter,
    [SUMMARY_TEXT.periodHeader, SUMMARY_TEXT.dueHeader],
    quarterBuckets(year).map((b, i) => ({ key: b.key, a: i + 1, b: b.label, criteria: bucketCriteria(b) })),
  );
  // The reports of the year, each counted as its report counts (rollup.reportState): tasks due by the end of
  // the window (those due before it are work carried over from an earlier year), tasks without a (readable)
  // deadline, and apart, tasks due after the window.
  const periods = ([1, 2, 3, 4] as const).map((qtr) => reportPeriod(year, qtr, input.periodMode));
  const periodFigures = (r: number, i: number): void => {
    const p = periods[i];
    const E = dateOf(addDays(p.to, 1));
    const inWindow = [dl, `">=${FIRST_DATE_SERIAL}"`, dl, `"<"&${E}`];
    DEADLINE_STATES.forEach((s) =>
      set(
        r,
        s,
        `${countifs(state, label(s), ...inWindow)}+${countifs(state, label(s))}-${countifs(state, label(s), ...dated)}`,
      ),
    );
    set(r, 'notYetInPeriod', countifs(state, '"?*"', dl, `">="&${E}`, dl, `"<${END_DATE_SERIAL}"`));
    set(
      r,
      'tasks',
      `SUM(${at(r, DEADLINE_STATES[0])}:${at(r, DEADLINE_STATES[DEADLINE_STATES.length - 1])})+${at(r, 'notYetInPeriod')}`,
    );
    set(r, 'rateOnTime', countifs(state, label('doneOnTime'), ...inWindow));
    set(
      r,
      'rateDue',
      `${at(r, 'rateOnTime')}+${at(r, 'doneLate')}+${at(r, 'overdue')}+` +
        countifs(state, label('dueSoon'), dl, `">=${FIRST_DATE_SERIAL}"`, dl, `"<"&MIN(${E},${tomorrow})`),
    );
    set(r, 'rate', rateOf(r));
  };
  block(
    'period',
    SUMMARY_TEXT.byPeriod,
    [SUMMARY_TEXT.periodHeader, SUMMARY_TEXT.reportHeader],
    periods.map((p, i) => ({
      key: p.id,
      a: i + 1,
      b: SUMMARY_TEXT.periodLabel(p.subject, formatVnDate(p.from), formatVnDate(p.to)),
      criteria: null,
    })),
    periodFigures,
  );
  if (input.tthc) row = tthcBlocks(input.tthc, row);
  else {
    put(row, [SUMMARY_TEXT.tthcMissing]);
    styles.push({ range: `A${row}`, style: { font: { italic: true, color: '595959' } } });
    row += 2;
  }
  const noteRow = row;
  const note = SUMMARY_TEXT.rateNote;
  put(noteRow, [note]);
  merges.push(`A${noteRow}:${LAST}${noteRow}`);
  rowHeights[noteRow] = rowHeightFor(
    [{ text: note, widthChars: WIDTHS.reduce((a, b) => a + b, 0) * 0.95 }],
    11,
  );
  styles.push({
    range: `A${noteRow}`,
    style: { font: { italic: true, size: 11, color: '595959' }, alignment: { vertical: 'top', wrap: true } },
  });
  const width = LAST_COL_INDEX + 1;
  const dense = Array.from({ length: cells.length }, (_, i) => {
    const r = cells[i] ?? [];
    return Array.from({ length: width }, (_, c) => r[c] ?? null);
  });
  return {
    layout,
    spec: {
      name: SHEET.summary,
      kind: 'summary',
      defaultFont: BODY_FONT,
      cells: dense,
      formulas,
      styles,
      merges,
      dataBars,
      columnWidths: WIDTHS,
      rowHeights,
      autoRowHeights: true,
      page: {
        paper: 'A4',
        orientation: 'landscape',
        margins: { top: 15, bottom: 15, left: 15, right: 10, header: 8, footer: 8 },
        fitToWidth: true,
        printArea: `A1:${LAST}${dense.length}`,
      },
    },
  };
}
