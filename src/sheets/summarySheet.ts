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
import { reportPeriod, type ReportPeriod } from '../domain/periods';
import { OTHER_KEY, quarterBuckets, type QuarterBucket } from '../domain/rollup';
import type { PeriodMode } from '../domain/settings';
import { END_DATE_SERIAL, FIRST_DATE_SERIAL } from '../domain/sheetRules';
import type { ColumnKey } from '../domain/tracker';
import { TTHC_FIGURE_KEYS, type TthcColumnKey, type TthcFigures } from '../domain/tthc';
import { type MonthWindow } from '../domain/tthcFigures';
import { ROMAN_QUARTER } from '../domain/schedule';
import { BODY_FONT, TABLE_HEADER_STYLE } from './palette';
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

/** Each column's header: a state's is its label (Chưa đến kỳ's too). */
const HEADER_TEXT: Record<SummaryColumn, string> = {
  ...STATE_LABEL,
  tasks: SUMMARY_TEXT.tasksHeader,
  rateOnTime: SUMMARY_TEXT.rateOnTimeHeader,
  rateDue: SUMMARY_TEXT.rateDueHeader,
  rate: SUMMARY_TEXT.rateHeader,
};

type SummaryBlockKey = 'section' | 'lead' | 'quarter' | 'period';

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

const countifs = (...criteria: string[]): string => `COUNTIFS(${criteria.join(',')})`;
const label = (s: keyof typeof STATE_LABEL): string => q(STATE_LABEL[s]);
const TOMORROW = 'TODAY()+1';
const at = (row: number, k: SummaryColumn): string => `${colOf(k)}${row}`;
const rateOf = (row: number): string =>
  `IF(${at(row, 'rateDue')}=0,"",${at(row, 'rateOnTime')}/${at(row, 'rateDue')})`;
/** The width of a merged note across the sheet, in characters. */
const NOTE_WIDTH_CHARS = WIDTHS.reduce((a, b) => a + b, 0) * 0.95;

/** What the blocks write into, each in turn from the top: the order of formulas and styles is the sheet's. */
interface Out {
  cells: CellValue[][];
  formulas: FormulaCell[];
  styles: StyleRun[];
  dataBars: DataBarSpec[];
  merges: string[];
  rowHeights: Record<number, number>;
}

const put = (out: Out, row: number, values: CellValue[]): void => {
  out.cells[row - 1] = values;
};
const set = (out: Out, row: number, k: SummaryColumn, formula: string): void => {
  out.formulas.push({ cell: `${colOf(k)}${row}`, formula: `=${formula}` });
};

/** The tracker's Tình trạng hạn and Hạn hoàn thành columns, as the ranges COUNTIFS reads. */
interface TrackerRanges {
  state: string;
  dl: string;
}

/** A tracker column as an absolute range from the first row under its header to the sheet's last row. */
function trackerRange(input: SummaryInput, k: ColumnKey): string {
  const c = input.columns[k];
  if (c === undefined) throw new RangeError(`tracker column ${k} not found`);
  const L = colToLetters(c);
  return `${quoteSheet(SHEET.tracker)}!$${L}$${input.headerRow + 2}:$${L}$${MAX_ROW}`;
}

export function buildSummarySheet(input: SummaryInput): { spec: SheetSpec; layout: SummaryLayout } {
  const t: TrackerRanges = {
    state: trackerRange(input, 'deadlineState'),
    dl: trackerRange(input, 'deadline'),
  };
  const out: Out = { cells: [], formulas: [], styles: [], dataBars: [], merges: [], rowHeights: {} };
  const layout: SummaryLayout = {
    blocks: [],
    columns: Object.fromEntries(SUMMARY_COLUMNS.map((k) => [k, colOf(k)])) as Record<SummaryColumn, string>,
  };
  const { year } = input;
  writeTitle(out, input);
  let row = 4;
  const section = trackerRange(input, 'section');
  const lead = trackerRange(input, 'lead');
  row = writeBlock(out, t, layout, row, {
    key: 'section',
    title: SUMMARY_TEXT.bySection,
    groupHeader: [SUMMARY_TEXT.sectionHeader, SUMMARY_TEXT.contentHeader],
    groups: [
      ...input.sections.map((s) => ({ key: s.id, a: s.id, b: s.title, criteria: [section, eq(s.id)] })),
      { key: OTHER_KEY, a: '', b: OTHER_GROUP.section, criteria: null },
    ],
  });
  row = writeBlock(out, t, layout, row, {
    key: 'lead',
    title: SUMMARY_TEXT.byLead,
    groupHeader: [SUMMARY_TEXT.sttHeader, SUMMARY_TEXT.leadHeader],
    groups: [
      ...input.leads.map((l, i) => ({ key: l, a: i + 1, b: l, criteria: [lead, eq(l)] })),
      { key: OTHER_KEY, a: '', b: OTHER_GROUP.lead, criteria: null },
    ],
  });
  row = writeBlock(out, t, layout, row, {
    key: 'quarter',
    title: SUMMARY_TEXT.byQuarter,
    groupHeader: [SUMMARY_TEXT.periodHeader, SUMMARY_TEXT.dueHeader],
    groups: quarterBuckets(year).map((b, i) => ({
      key: b.key,
      a: i + 1,
      b: b.label,
      criteria: bucketCriteria(t, b),
    })),
  });
  const periods = ([1, 2, 3, 4] as const).map((qtr) => reportPeriod(year, qtr, input.periodMode));
  row = writeBlock(out, t, layout, row, {
    key: 'period',
    title: SUMMARY_TEXT.byPeriod,
    groupHeader: [SUMMARY_TEXT.periodHeader, SUMMARY_TEXT.reportHeader],
    groups: periods.map((p, i) => ({
      key: p.id,
      a: i + 1,
      b: SUMMARY_TEXT.periodLabel(p.subject, formatVnDate(p.from), formatVnDate(p.to)),
      criteria: null,
    })),
    figures: (r, i) => periodFigures(out, t, r, periods[i]),
  });
  if (input.tthc) {
    const written = writeTthcBlocks(out, year, input.tthc, row);
    layout.tthc = written.layout;
    row = written.next;
  } else {
    put(out, row, [SUMMARY_TEXT.tthcMissing]);
    out.styles.push({ range: `A${row}`, style: { font: { italic: true, color: '595959' } } });
    row += 2;
  }
  writeNote(out, row, SUMMARY_TEXT.rateNote);
  return { layout, spec: specOf(out) };
}

/** Rows 1 and 2: the title and the introduction (when written; the figures follow TODAY()). */
function writeTitle(out: Out, input: SummaryInput): void {
  put(out, 1, [SUMMARY_TEXT.title(input.year)]);
  out.merges.push(`A1:${LAST}1`);
  const intro = SUMMARY_TEXT.intro(formatVnDate(input.writtenOn));
  put(out, 2, [intro]);
  out.merges.push(`A2:${LAST}2`);
  out.rowHeights[2] = rowHeightFor([{ text: intro, widthChars: NOTE_WIDTH_CHARS }], 11);
  out.styles.push(
    { range: 'A1', style: { font: { bold: true, size: 14 }, alignment: { horizontal: 'center' } } },
    {
      range: 'A2',
      style: {
        font: { italic: true, size: 11, color: '595959' },
        alignment: { horizontal: 'center', vertical: 'top', wrap: true },
      },
    },
  );
}

/** An italic note merged across the sheet, as tall as its wrapped text. */
function writeNote(out: Out, row: number, note: string): void {
  put(out, row, [note]);
  out.merges.push(`A${row}:${LAST}${row}`);
  out.rowHeights[row] = rowHeightFor([{ text: note, widthChars: NOTE_WIDTH_CHARS }], 11);
  out.styles.push({
    range: `A${row}`,
    style: { font: { italic: true, size: 11, color: '595959' }, alignment: { vertical: 'top', wrap: true } },
  });
}

/** The finished sheet: every row as wide as the figures, printed A4 landscape one page wide. */
function specOf(out: Out): SheetSpec {
  const width = LAST_COL_INDEX + 1;
  const dense = Array.from({ length: out.cells.length }, (_, i) => {
    const r = out.cells[i] ?? [];
    return Array.from({ length: width }, (_, c) => r[c] ?? null);
  });
  return {
    name: SHEET.summary,
    kind: 'summary',
    defaultFont: BODY_FONT,
    cells: dense,
    formulas: out.formulas,
    styles: out.styles,
    merges: out.merges,
    dataBars: out.dataBars,
    columnWidths: WIDTHS,
    rowHeights: out.rowHeights,
    autoRowHeights: true,
    page: {
      paper: 'A4',
      orientation: 'landscape',
      margins: { top: 15, bottom: 15, left: 15, right: 10, header: 8, footer: 8 },
      fitToWidth: true,
      printArea: `A1:${LAST}${dense.length}`,
    },
  };
}

/** A row of figures over the tasks matching `crit` (COUNTIFS criteria pairs; [] = every task). */
function figuresRow(out: Out, t: TrackerRanges, row: number, crit: string[]): void {
  const { state, dl } = t;
  DEADLINE_STATES.forEach((s) => set(out, row, s, countifs(...crit, state, label(s))));
  set(
    out,
    row,
    'tasks',
    `SUM(${at(row, DEADLINE_STATES[0])}:${at(row, DEADLINE_STATES[DEADLINE_STATES.length - 1])})`,
  );
  set(out, row, 'rateOnTime', countifs(...crit, state, label('doneOnTime'), dl, '">0"'));
  set(
    out,
    row,
    'rateDue',
    `${at(row, 'rateOnTime')}+${at(row, 'doneLate')}+${at(row, 'overdue')}+` +
      countifs(...crit, state, label('dueSoon'), dl, `"<"&${TOMORROW}`),
  );
  set(out, row, 'rate', rateOf(row));
}

/** A row that is the block's total less its listed rows ("Khác", "Không có hạn"). */
function remainderRow(
  out: Out,
  row: number,
  totalRow: number,
  others: number[],
  columns: readonly SummaryColumn[],
): void {
  for (const k of columns) {
    if (k === 'rate') continue;
    const minus = others.map((r) => at(r, k)).join(',');
    set(out, row, k, others.length === 0 ? at(totalRow, k) : `${at(totalRow, k)}-SUM(${minus})`);
  }
  set(out, row, 'rate', rateOf(row));
}

interface Group {
  key: string;
  a: CellValue;
  b: string;
  /** COUNTIFS criteria of the row; null: the block's total less its other rows ("Khác"). */
  criteria: string[] | null;
}

interface Block {
  key: SummaryBlockKey;
  title: string;
  groupHeader: [string, string];
  groups: Group[];
  /** Writes each row's figures itself (the period block), and then the block has no total row. */
  figures?: (row: number, index: number) => void;
}

/** A block's title, in bold. */
function writeBlockTitle(out: Out, row: number, title: string): void {
  put(out, row, [title]);
  out.styles.push({ range: `A${row}`, style: { font: { bold: true, size: 13 } } });
}

/** A header row of `height` points, up to column `last`, in the header's colours. */
function writeHeaderRow(out: Out, row: number, values: CellValue[], height: number, last: string): void {
  put(out, row, values);
  out.rowHeights[row] = height;
  out.styles.push({
    range: `A${row}:${last}${row}`,
    style: TABLE_HEADER_STYLE,
  });
}

/** A total row's colour. */
function styleTotalRow(out: Out, row: number, last: string): void {
  out.styles.push({
    range: `A${row}:${last}${row}`,
    style: { font: { bold: true }, fill: 'DDEBF7' },
  });
}

/** Borders, alignment and number formats of a table's rows `first`…`end`; its rate column as `rateFormat`. */
function styleTableBody(
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

/**
 * A block of rows from `start`: its title, header, one row per group and (unless `figures` writes each row
 * itself, as the period block does) a total row over every task. Returns the next free row.
 */
function writeBlock(out: Out, t: TrackerRanges, layout: SummaryLayout, start: number, b: Block): number {
  const columns =
    b.key === 'period' ? SUMMARY_COLUMNS : SUMMARY_COLUMNS.filter((k) => k !== 'notYetInPeriod');
  const last = b.key === 'period' ? LAST : LAST_COMMON;
  let row = start;
  writeBlockTitle(out, row, b.title);
  row += 1;
  // The state names wrap onto up to three lines.
  writeHeaderRow(out, row, [...b.groupHeader, ...columns.map((k) => HEADER_TEXT[k])], 48, last);
  row += 1;
  const firstRow = row;
  b.groups.forEach((g, i) => {
    put(out, row, [g.a, g.b]);
    out.rowHeights[row] = rowHeightFor([{ text: g.b, widthChars: WIDTHS[1] }], BODY_FONT.size);
    if (b.figures) b.figures(row, i);
    else if (g.criteria) figuresRow(out, t, row, g.criteria);
    row += 1;
  });
  let totalRow = 0;
  if (!b.figures) {
    totalRow = row;
    writeTotalRow(out, t, b.groups, firstRow, totalRow, columns);
    styleTotalRow(out, totalRow, last);
    row += 1;
  }
  const end = row - 1;
  styleTableBody(out, firstRow, end, last, colOf('rate'), '0%');
  out.dataBars.push({
    range: `${colOf('rate')}${firstRow}:${colOf('rate')}${end}`,
    color: '63BE7B',
    min: 0,
    max: 1,
  });
  layout.blocks.push({ key: b.key, firstRow, keys: b.groups.map((g) => g.key), totalRow });
  return row + 1;
}

/** The total row over every task, and the groups without criteria as the total less the listed rows. */
function writeTotalRow(
  out: Out,
  t: TrackerRanges,
  groups: Group[],
  firstRow: number,
  totalRow: number,
  columns: readonly SummaryColumn[],
): void {
  put(out, totalRow, ['', SUMMARY_TEXT.total]);
  figuresRow(out, t, totalRow, []);
  // Every block's total counts every task, so a row without criteria is the total less the listed rows.
  groups.forEach((g, i) => {
    if (g.criteria) return;
    const others = groups
      .map((_, j) => j)
      .filter((j) => j !== i)
      .map((j) => firstRow + j);
    remainderRow(out, firstRow + i, totalRow, others, columns);
  });
}

/** The deadline criteria of a quarter's bucket; null for "Không có hạn" (the total less the others). */
function bucketCriteria(t: TrackerRanges, b: QuarterBucket): string[] | null {
  const { dl } = t;
  if (b.none) return null;
  const from = b.from ? [dl, `">="&${dateOf(b.from)}`] : [dl, `">=${FIRST_DATE_SERIAL}"`];
  const to = b.to ? [dl, `"<"&${dateOf(addDays(b.to, 1))}`] : [dl, `"<${END_DATE_SERIAL}"`];
  return [...from, ...to];
}

/**
 * A report's row, counted as its report counts (rollup.reportState): tasks due by the end of the window (those
 * due before it are work carried over from an earlier year), tasks without a (readable) deadline, and apart,
 * tasks due after the window.
 */
function periodFigures(out: Out, t: TrackerRanges, r: number, p: ReportPeriod): void {
  const { state, dl } = t;
  /** Criteria: the deadline is a date (in the range the sheet reads). */
  const dated = [dl, `">=${FIRST_DATE_SERIAL}"`, dl, `"<${END_DATE_SERIAL}"`];
  const E = dateOf(addDays(p.to, 1));
  const inWindow = [dl, `">=${FIRST_DATE_SERIAL}"`, dl, `"<"&${E}`];
  DEADLINE_STATES.forEach((s) =>
    set(
      out,
      r,
      s,
      `${countifs(state, label(s), ...inWindow)}+${countifs(state, label(s))}-${countifs(state, label(s), ...dated)}`,
    ),
  );
  set(out, r, 'notYetInPeriod', countifs(state, '"?*"', dl, `">="&${E}`, dl, `"<${END_DATE_SERIAL}"`));
  set(
    out,
    r,
    'tasks',
    `SUM(${at(r, DEADLINE_STATES[0])}:${at(r, DEADLINE_STATES[DEADLINE_STATES.length - 1])})+${at(r, 'notYetInPeriod')}`,
  );
  set(out, r, 'rateOnTime', countifs(state, label('doneOnTime'), ...inWindow));
  set(
    out,
    r,
    'rateDue',
    `${at(r, 'rateOnTime')}+${at(r, 'doneLate')}+${at(r, 'overdue')}+` +
      countifs(state, label('dueSoon'), dl, `">=${FIRST_DATE_SERIAL}"`, dl, `"<"&MIN(${E},${TOMORROW})`),
  );
  set(out, r, 'rate', rateOf(r));
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
type TthcInput = NonNullable<SummaryInput['tthc']>;
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

function tthcWriter(out: Out, t: TthcInput): TthcWriter {
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
function writeTthcBlocks(
  out: Out,
  year: number,
  t: TthcInput,
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
