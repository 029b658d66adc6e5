/**
 * What the preview's sheet view shows of a raw sheet: values as Excel would display them (dates dd/mm/yyyy,
 * percentages), and the values of the formulas it can compute with the domain instead of a spreadsheet
 * engine: the tracker's "Tình trạng hạn" (deadlineState, the rule the formula states) and the roll-ups of
 * "Tổng hợp" (rollup, the counts its COUNTIFS compute). Pure functions, no React.
 */
import { toA1 } from '../domain/a1';
import { formatVnDate, isoFromSerial, parseDateText, serialFromIso, type IsoDate } from '../domain/dates';
import { deadlineState, type DeadlineState } from '../domain/deadline';
import type { Grid } from '../domain/grid';
import { rollupFor, summaryFor } from '../app/summary';
import { completionRate, type StateCounts } from '../domain/rollup';
import { readSettings, type Settings } from '../domain/settings';
import { readTracker, type ColumnKey, type TrackerRead } from '../domain/tracker';
import { readKnownLeads } from '../domain/validation';
import { SHEET, STATE_LABEL } from '../i18n/vi';
import { SUMMARY_COLUMNS } from '../sheets/summarySheet';
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
export function trackerComputed(model: TrackerModel): ComputedCells {
  const out: ComputedCells = new Map();
  const col = model.column('deadlineState');
  if (col === undefined) return out;
  for (const [row, state] of model.stateByRow) out.set(toA1(row - 1, col), STATE_LABEL[state]);
  return out;
}

/**
 * The figures of "Tổng hợp", computed with the domain's roll-up. The sheet is rebuilt from the tracker as it
 * is now; a cell gets a value only where the rebuilt formula is exactly the one in the sheet, so a sheet
 * written from an older tracker layout (or edited) shows its formulas rather than wrong numbers.
 */
export function summaryComputed(
  summary: RawSheet,
  model: TrackerModel,
  lists: Grid | undefined,
  today: IsoDate,
): ComputedCells {
  const out: ComputedCells = new Map();
  const { read } = model;
  if (read.columns.deadlineState === undefined || read.headerRow < 0) return out;
  const listed = lists ? readKnownLeads(lists) : undefined;
  let built: ReturnType<typeof summaryFor>;
  try {
    built = summaryFor(model, listed, today);
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
  if (name === SHEET.summary) return summaryComputed(sheets[name], model, sheets[SHEET.lists], today);
  return new Map();
}

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
