/**
 * What the preview's sheet view shows of a raw sheet: values as Excel would display them (dates dd/mm/yyyy,
 * percentages), and the values of the formulas it can compute with the domain instead of a spreadsheet
 * engine: the tracker's "Tình trạng hạn" (deadlineState, the rule the formula states) and the roll-ups of
 * "Tổng hợp" (rollup, the counts its COUNTIFS compute). Pure functions, no React.
 */
import { toA1, tryParseA1Cell } from '../domain/a1';
import { formatVnDate, isoFromSerial, parseDateText, serialFromIso, type IsoDate } from '../domain/dates';
import { deadlineState, type DeadlineState } from '../domain/deadline';
import type { Grid } from '../domain/grid';
import { rollupFor, summaryFor, summaryTthcInput } from '../app/summary';
import { completionRate, type StateCounts } from '../domain/rollup';
import { readSettings, type Settings } from '../domain/settings';
import { readTracker, type ColumnKey, type TrackerRead } from '../domain/tracker';
import { readKnownLeads } from '../domain/validation';
import {
  onTimeRate,
  readTthc,
  TTHC_FIELDS,
  type TthcFigures,
  type TthcRead,
  type TthcRow,
} from '../domain/tthc';
import { readKnownFields, tthcFigures, tthcUnbalanced } from '../domain/tthcFigures';
import { SHEET, STATE_LABEL, TTHC_HEADERS } from '../i18n/vi';
import { SUMMARY_COLUMNS } from '../sheets/summaryCells';
import { TTHC_SUMMARY_COLUMNS } from '../sheets/summaryTthc';
import type { CellValue } from '../sheets/spec';
import type { RawCell, RawSheet } from '../workbook/port';

/** The tracker as the view needs it: each task row's deadline state and where the editable columns are. */
export interface TrackerModel {
  read: TrackerRead;
  settings: Settings;
  /** Deadline state by sheet row (1-based), for rows holding a task. */
  stateByRow: Map<number, DeadlineState>;
  column: (key: ColumnKey) => number | undefined;
}

export function trackerModel(
  tracker: RawSheet,
  settingsSheet: RawSheet | undefined,
  today: IsoDate,
): TrackerModel {
  const read = readTracker(tracker);
  const { settings } = readSettings(settingsSheet, Number(today.slice(0, 4)));
  const stateByRow = new Map<number, DeadlineState>();
  for (const task of read.tasks) {
    if (task.listed) stateByRow.set(task.row, deadlineState(task, today, settings.warningDays));
  }
  return { read, settings, stateByRow, column: (key) => read.columns[key] };
}

/** Number formats that show a serial as a date. Quoted text and [colour] sections do not count. */
export function isDateFormat(format: string | undefined): boolean {
  if (!format) return false;
  const bare = format.replace(/"[^"]*"/g, '').replace(/\[[^\]]*\]/g, '');
  return /d/i.test(bare) && /y/i.test(bare);
}

/** A cell's value as shown: dates dd/mm/yyyy, percentages, errors by their code. */
export function displayValue(value: RawCell | undefined, format: string | undefined): string {
  if (value === null || value === undefined) return '';
  if (typeof value === 'string') return value;
  if (typeof value === 'boolean') return value ? 'TRUE' : 'FALSE';
  if (typeof value === 'object') return value.error;
  if (isDateFormat(format)) {
    const iso = isoFromSerial(value);
    if (iso) return formatVnDate(iso);
  }
  if (format && /%$/.test(format.trim())) return `${Math.round(value * 100)}%`;
  return Number.isInteger(value) ? String(value) : String(Math.round(value * 1e6) / 1e6);
}

/** Values the domain gives for formula cells, by A1 address. */
export type ComputedCells = Map<string, string>;

/** The tracker's "Tình trạng hạn" cells, computed by the same rule as their formula. */
function trackerComputed(model: TrackerModel): ComputedCells {
  const out: ComputedCells = new Map();
  const col = model.column('deadlineState');
  if (col === undefined) return out;
  for (const [row, state] of model.stateByRow) out.set(toA1(row - 1, col), STATE_LABEL[state]);
  return out;
}

/** "Hồ sơ TTHC" as the view needs it: its rows as read, and each row's colour (the sheet's colour rules). */
export interface TthcModel {
  read: TthcRead;
  /** By sheet row: 'dataError' (purple), 'late' (red), else none. */
  markByRow: Map<number, 'dataError' | 'late'>;
  /** Rows whose Tổng số hồ sơ does not balance (amber on that cell). */
  unbalanced: Set<number>;
}

export function tthcModel(raw: RawSheet, year: number): TthcModel {
  const read = readTthc(raw, year);
  const markByRow = new Map<number, 'dataError' | 'late'>();
  const unbalanced = new Set<number>();
  for (const r of read.rows) {
    if (r.state === 'dataError') markByRow.set(r.row, 'dataError');
    if (r.state !== 'counted') continue;
    const c = r.counts;
    if (c.late + c.pendingLate > 0) markByRow.set(r.row, 'late');
    if (tthcUnbalanced(r)) unbalanced.add(r.row);
  }
  return { read, markByRow, unbalanced };
}

/** A share as the sheet's "0.0%" shows it. */
const percent1 = (share: number | null): string =>
  share === null ? '' : `${(Math.round(share * 1000) / 10).toFixed(1)}%`;

/** The Tổng số hồ sơ and Tỷ lệ đúng hạn cells of Hồ sơ TTHC, by the rule their formulas state. */
function tthcComputed(raw: RawSheet, model: TthcModel): ComputedCells {
  const out: ComputedCells = new Map();
  const { columns } = model.read;
  if (!model.read.readable) return out;
  const byRow = new Map<number, TthcRow>(model.read.rows.map((r) => [r.row, r]));
  raw.values.forEach((_, i) => {
    const row = i + 1;
    if (row <= model.read.headerRow + 1) return;
    const r = byRow.get(row);
    const put = (key: 'received' | 'rate', text: string): void => {
      const c = columns[key];
      if (c !== undefined && raw.formulas[i]?.[c]) out.set(toA1(i, c), text);
    };
    const counted = r?.state === 'counted' ? r : undefined;
    put(
      'received',
      r?.state === 'dataError'
        ? STATE_LABEL.dataError
        : counted
          ? String(counted.counts.carriedOver + counted.counts.online + counted.counts.offline)
          : '',
    );
    put('rate', counted ? percent1(onTimeRate(counted.counts)) : '');
  });
  return out;
}

/**
 * The figures of "Tổng hợp", computed with the domain's roll-up. The sheet is rebuilt from the tracker as it
 * is now; a cell gets a value only where the rebuilt formula is exactly the one in the sheet, so a sheet
 * written from an older tracker layout (or edited) shows its formulas rather than wrong numbers.
 */
function summaryComputed(
  summary: RawSheet,
  model: TrackerModel,
  lists: Grid | undefined,
  today: IsoDate,
  tthc?: RawSheet,
): ComputedCells {
  const out: ComputedCells = new Map();
  const { read } = model;
  if (read.columns.deadlineState === undefined || read.headerRow < 0) return out;
  const listed = lists ? readKnownLeads(lists) : undefined;
  const tthcRead = tthc ? readTthc(tthc, model.settings.year) : undefined;
  const knownFields = readKnownFields(lists) ?? TTHC_FIELDS;
  let built: ReturnType<typeof summaryFor>;
  try {
    built = summaryFor({ ...model, tthc: tthcRead, knownFields }, listed, today);
  } catch {
    return out; // a required column is missing: nothing to compute
  }
  const expected = new Map((built.spec.formulas ?? []).map((f) => [f.cell, f.formula]));
  const figures = rollupFor(model, listed, today);
  const groups = {
    section: figures.bySection,
    lead: figures.byLead,
    quarter: figures.byQuarter,
    period: figures.byPeriod,
  };
  const put = (row: number, counts: StateCounts, withNotYet: boolean): void => {
    for (const key of SUMMARY_COLUMNS) {
      if (key === 'notYetInPeriod' && !withNotYet) continue;
      const rate = completionRate(counts);
      const text = key === 'rate' ? (rate === null ? '' : `${Math.round(rate * 100)}%`) : String(counts[key]);
      const cell = `${built.layout.columns[key]}${row}`;
      const c = SUMMARY_COLUMNS.indexOf(key) + 2;
      const actual = summary.formulas[row - 1]?.[c];
      if (actual && expected.get(cell) === actual) out.set(cell, text);
    }
  };
  for (const block of built.layout.blocks) {
    const rows = groups[block.key];
    block.keys.forEach((key, i) => {
      const counts = rows.find((r) => r.key === key)?.counts;
      if (counts) put(block.firstRow + i, counts, block.key === 'period');
    });
    // Every block's total row counts every task (its "Khác" / "Không có hạn" row holds the rest).
    if (block.totalRow > 0) put(block.totalRow, figures.total, false);
  }
  const t = built.layout.tthc;
  const fields = summaryTthcInput({ ...model, tthc: tthcRead, knownFields })?.fields;
  if (t && tthcRead && fields) {
    const rows = tthcRead.rows;
    /** A cell's value where the sheet holds exactly the formula the rebuilt Tổng hợp has there. */
    const set = (cell: string, text: string): void => {
      const at = tryParseA1Cell(cell);
      if (!at) return;
      const actual = summary.formulas[at.row]?.[at.col];
      if (actual && expected.get(cell) === actual) out.set(cell, text);
    };
    const figuresRow = (row: number, f: TthcFigures): void => {
      for (const k of TTHC_SUMMARY_COLUMNS)
        set(`${t.columns[k]}${row}`, k === 'rate' ? percent1(onTimeRate(f)) : String(f[k]));
    };
    for (let m = 1; m <= 12; m++) {
      figuresRow(t.monthRows[m - 1], tthcFigures(rows, { from: m, to: m }, fields).totals);
      const counted = rows.filter((r) => r.state === 'counted' && r.month === m).length;
      set(`${t.rowsColumn}${t.monthRows[m - 1]}`, String(counted));
    }
    for (const block of t.blocks) {
      const f = tthcFigures(rows, block.window, fields);
      set(`${t.columns.carriedOver}${block.monthsRow}`, String(f.months[0] ?? 0));
      set(`${t.columns.online}${block.monthsRow}`, String(f.months[f.months.length - 1] ?? 0));
      f.byField.forEach((b, j) => figuresRow(block.firstRow + j, b.figures));
      figuresRow(block.totalRow, f.totals);
    }
    set(t.dataErrorCell, String(rows.filter((r) => r.state === 'dataError').length));
  }
  return out;
}

/** The sheets whose formulas the preview can compute, and how. */
export function computedCells(
  name: string,
  sheets: Record<string, RawSheet>,
  model: TrackerModel | undefined,
  today: IsoDate,
): ComputedCells {
  if (!model) return new Map();
  if (name === SHEET.tracker) return trackerComputed(model);
  if (name === SHEET.summary)
    return summaryComputed(sheets[name], model, sheets[SHEET.lists], today, sheets[SHEET.tthc]);
  if (name === SHEET.tthc) return tthcComputed(sheets[name], tthcModel(sheets[name], model.settings.year));
  return new Map();
}

/**
 * A count typed as in Excel: digits (a sign, a decimal point) become a number, the check then judges it; a
 * leading apostrophe keeps the text as text, as Excel does; anything else stays the text typed.
 */
export function countValue(text: string): { value: CellValue; numberFormat?: string } {
  if (text.startsWith("'"))
    return text.length > 1 ? { value: text.slice(1), numberFormat: '@' } : { value: null };
  const trimmed = text.trim();
  if (trimmed === '') return { value: null };
  return /^-?\d+(\.\d+)?$/.test(trimmed)
    ? { value: Number(trimmed), numberFormat: '0' }
    : { value: text, numberFormat: '@' };
}

/** The columns of Hồ sơ TTHC the view lets a user type into. */
export const TTHC_EDITABLE = [
  'carriedOver',
  'online',
  'offline',
  'early',
  'onTime',
  'late',
  'pendingOnTime',
  'pendingLate',
  'lateReason',
] as const;
export const tthcHeader = (key: (typeof TTHC_EDITABLE)[number]): string => TTHC_HEADERS[key];

/**
 * Typed as in Excel: a real date becomes a date serial; anything else is kept as typed (the check flags it). A
 * leading apostrophe is Excel's "keep this as text": '20/5/2026 stays the text 20/5/2026, as it does in an Excel
 * whose locale reads dates month first, or after a paste from a document.
 */
export function completedOnValue(text: string): { value: CellValue; numberFormat?: string } {
  if (text.startsWith("'"))
    return text.length > 1 ? { value: text.slice(1), numberFormat: '@' } : { value: null };
  const trimmed = text.trim();
  if (trimmed === '') return { value: null };
  const parsed = parseDateText(trimmed);
  const serial = parsed.ok ? serialFromIso(parsed.iso) : null;
  return serial !== null
    ? { value: serial, numberFormat: 'dd/mm/yyyy' }
    : { value: trimmed, numberFormat: '@' };
}
