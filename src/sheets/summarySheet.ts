/**
 * "Tổng hợp": live roll-ups of the tracker by plan section, lead body, quarter of the deadline and reporting
 * period, with totals and the completion rate. Only COUNTIFS, SUM, MIN, IF, DATE, TODAY and arithmetic
 * (Excel 2010+ and LibreOffice), over the tracker's columns wherever they are, so the figures follow every
 * edit without the add-in. Each figure is the one src/domain/rollup.ts computes (test/interop holds them
 * equal in LibreOffice): states are counted from the Tình trạng hạn column, so a row counts here exactly as
 * it shows there; dates are bounded with "<" the next day, so a time of day never moves a task. The TTHC
 * blocks are summaryTthc.ts; the columns, formula helpers and styles both use are summaryCells.ts.
 */
import { OTHER_GROUP, SHEET, SUMMARY_TEXT } from '../i18n/vi';
import { colToLetters, quoteSheet } from '../domain/a1';
import { addDays, formatVnDate, type IsoDate } from '../domain/dates';
import { DEADLINE_STATES } from '../domain/deadline';
import { reportPeriod, reportQuarters, type ReportPeriod } from '../domain/periods';
import { OTHER_KEY, ownReportTask, quarterBuckets, type QuarterBucket } from '../domain/rollup';
import type { PeriodMode } from '../domain/settings';
import { END_DATE_SERIAL, FIRST_DATE_SERIAL } from '../domain/sheetRules';
import type { ColumnKey } from '../domain/tracker';
import { BODY_FONT } from './palette';
import type { CellValue, SheetSpec } from './spec';
import { rowHeightFor } from './textLayout';
import {
  HEADER_TEXT,
  LAST,
  LAST_COL_INDEX,
  LAST_COMMON,
  MAX_ROW,
  NOTE_WIDTH_CHARS,
  type Out,
  SUMMARY_COLUMNS,
  type SummaryColumn,
  TOMORROW,
  WIDTHS,
  at,
  colOf,
  countifs,
  dateOf,
  eq,
  label,
  put,
  rateOf,
  set,
  styleTableBody,
  styleTotalRow,
  writeBlockTitle,
  writeHeaderRow,
  writeNote,
} from './summaryCells';
import { writeTthcBlocks, type TthcSummaryInput, type TthcSummaryLayout } from './summaryTthc';

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
  tthc?: TthcSummaryInput;
}

type SummaryBlockKey = 'section' | 'lead' | 'quarter' | 'period';

export interface SummaryLayout {
  /** Sheet row (1-based) of each block's first data row and its total row; keys in row order. */
  blocks: { key: SummaryBlockKey; firstRow: number; keys: string[]; totalRow: number }[];
  /** Column letter of each figure. */
  columns: Record<SummaryColumn, string>;
  /** The TTHC blocks, when the workbook has a readable "Hồ sơ TTHC". */
  tthc?: TthcSummaryLayout;
}

/** The tracker's Tình trạng hạn, Hạn hoàn thành and Nội dung columns, as the ranges COUNTIFS reads. */
interface TrackerRanges {
  state: string;
  dl: string;
  task: string;
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
    task: trackerRange(input, 'task'),
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
  const periods = reportQuarters().map((qtr) => reportPeriod(year, qtr, input.periodMode));
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
 * A report's row, counted as its report counts (rollup.reportState, rollup.periodTasks): tasks due by the end
 * of the window (those due before it are work carried over from an earlier year), tasks without a (readable)
 * deadline, and apart, tasks due after the window; never the task of writing that report.
 */
function periodFigures(out: Out, t: TrackerRanges, r: number, p: ReportPeriod): void {
  const { state, dl } = t;
  const own = ownReportTask(p);
  /**
   * Every count of the row: the state, and every row but the one of writing this report. That row is
   * subtracted ("=" matches it exactly, in any case) rather than left out with "<>": a "<>" criterion matches
   * every empty cell of the whole column, which LibreOffice then reads to the sheet's last row (96 such
   * COUNTIFS made converting a tracker twice as slow).
   */
  const count = (s: string, ...more: string[]): string =>
    own === null
      ? countifs(state, s, ...more)
      : `(${countifs(state, s, ...more)}-${countifs(state, s, t.task, eq(own), ...more)})`;
  /** Criteria: the deadline is a date (in the range the sheet reads). */
  const dated = [dl, `">=${FIRST_DATE_SERIAL}"`, dl, `"<${END_DATE_SERIAL}"`];
  const E = dateOf(addDays(p.to, 1));
  const inWindow = [dl, `">=${FIRST_DATE_SERIAL}"`, dl, `"<"&${E}`];
  DEADLINE_STATES.forEach((s) =>
    set(out, r, s, `${count(label(s), ...inWindow)}+${count(label(s))}-${count(label(s), ...dated)}`),
  );
  set(out, r, 'notYetInPeriod', count('"?*"', dl, `">="&${E}`, dl, `"<${END_DATE_SERIAL}"`));
  set(
    out,
    r,
    'tasks',
    `SUM(${at(r, DEADLINE_STATES[0])}:${at(r, DEADLINE_STATES[DEADLINE_STATES.length - 1])})+${at(r, 'notYetInPeriod')}`,
  );
  set(out, r, 'rateOnTime', count(label('doneOnTime'), ...inWindow));
  set(
    out,
    r,
    'rateDue',
    `${at(r, 'rateOnTime')}+${at(r, 'doneLate')}+${at(r, 'overdue')}+` +
      count(label('dueSoon'), dl, `">=${FIRST_DATE_SERIAL}"`, dl, `"<"&MIN(${E},${TOMORROW})`),
  );
  set(out, r, 'rate', rateOf(r));
}
