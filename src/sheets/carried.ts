/**
 * The sheets of a new year's workbook that carry what the old workbook held (src/app/rollover.ts): each is the
 * sheet `init` writes, with the user's cells laid over it as they were (text stays text, a date stays its
 * serial, a date typed as text stays that text, an error value stays that error). Apart from the builders so
 * that the pane's first screen does not carry this: it loads with "Chuyển sang năm mới".
 */
import { toA1 } from '../domain/a1';
import { SETTING_KEYS, type SettingKey, type Settings } from '../domain/settings';
import { COLUMN_KEYS, type ColumnKey } from '../domain/tracker';
import { TTHC_COLUMN_KEYS, TTHC_FIELDS } from '../domain/tthc';
import { LISTS_HEADER, TTHC_HEADERS } from '../i18n/vi';
import { BODY_FONT } from './palette';
import { buildListsSheet } from './listsSheet';
import { buildTthcSheet } from './tthcSheet';
import { buildSettingsSheet, settingRow } from './settingsSheet';
import type { CellError, CellValue, SheetSpec } from './spec';
import { estimateLines, heightOfLines, rowHeightFor } from './textLayout';
import { buildTrackerSheet, trackerColumnWidths, type TrackerSeed } from './trackerSheet';

/** The error values a cell can hold as a constant (spec.ts, CellError). */
const CELL_ERRORS: readonly CellError[] = [
  '#NULL!',
  '#DIV/0!',
  '#VALUE!',
  '#REF!',
  '#NAME?',
  '#NUM!',
  '#N/A',
];

export function isCellError(text: string): text is CellError {
  return (CELL_ERRORS as readonly string[]).includes(text);
}

/** A value copied from a workbook as it was: text, a number, TRUE/FALSE, an error value, or nothing. */
export type CopiedValue = CellValue | { error: CellError };

/** Lays `value` on the spec's cell (0-based): in `cells`, or, an error value, in `errorCells`. */
function lay(spec: SheetSpec, row: number, col: number, value: CopiedValue): void {
  while (spec.cells.length <= row) spec.cells.push([]);
  const line = spec.cells[row];
  while (line.length <= col) line.push(null);
  if (value !== null && typeof value === 'object') {
    line[col] = null;
    (spec.errorCells ??= []).push({ cell: toA1(row, col), error: value.error });
  } else line[col] = value;
}

const shown = (v: CopiedValue): string => (v === null ? '' : typeof v === 'object' ? v.error : String(v));

/** The columns a row copied from another tracker brings: all but STT (numbered anew) and Tình trạng hạn (a formula). */
export type CopiedColumn = Exclude<ColumnKey, 'stt' | 'deadlineState'>;

/** A row copied from another tracker, numbered anew. */
export interface CopiedTrackerRow {
  stt: number;
  cells: Partial<Record<CopiedColumn, CopiedValue>>;
}

/**
 * Nhiệm vụ of the new year: the tracker `init` writes for `year` with `plan`'s rows, then the copied rows, which
 * get the table, the row formula, the dropdowns and the colours as every row does.
 */
export function buildCarriedTracker(
  plan: readonly TrackerSeed[],
  copied: readonly CopiedTrackerRow[],
  year: number,
): SheetSpec {
  const blank = (stt: number): TrackerSeed => ({
    stt,
    section: '',
    task: '',
    lead: '',
    coordinators: '',
    timeline: '',
    deadline: null,
    note: '',
  });
  const spec = buildTrackerSheet([...plan, ...copied.map((c) => blank(c.stt))], year);
  const widths = trackerColumnWidths();
  const heights = { ...spec.rowHeights };
  copied.forEach((c, i) => {
    const row = plan.length + 1 + i; // 0-based: the header is row 0
    let lines = 1;
    COLUMN_KEYS.forEach((key, col) => {
      if (key === 'stt' || key === 'deadlineState') return;
      const value = c.cells[key] ?? null;
      lay(spec, row, col, value);
      if (typeof value === 'string' && value !== '')
        lines = Math.max(lines, estimateLines(value, widths[key], BODY_FONT.size));
    });
    // rowHeightFor's height, without a list of the row's cells for each of 20,000 rows.
    heights[row + 1] = heightOfLines(lines, BODY_FONT.size);
  });
  spec.rowHeights = heights;
  return spec;
}

/** What a Cài đặt copied from another workbook brings besides the settings. */
export interface CopiedSettings {
  /** Value cells as the user had them, by setting (those kept; the others are the settings' own values). */
  values: Partial<Record<SettingKey, CopiedValue>>;
  /** The user's own rows (notes, older labels), as they were, written below the settings. */
  extraRows: readonly (readonly CopiedValue[])[];
}

/** Cài đặt of the new year: the sheet of `settings`, with the user's value cells and rows as they were. */
export function buildCarriedSettings(settings: Settings, copied: CopiedSettings): SheetSpec {
  const spec = buildSettingsSheet(settings);
  for (const key of SETTING_KEYS) {
    if (!(key in copied.values)) continue;
    const value = copied.values[key] ?? null;
    const row = settingRow(key) - 1;
    lay(spec, row, 1, value);
    const label = spec.cells[row][0];
    const hint = spec.cells[row][2];
    spec.rowHeights = {
      ...spec.rowHeights,
      [row + 1]: rowHeightFor(
        [String(label), shown(value), String(hint)].map((text, c) => ({
          text,
          widthChars: spec.columnWidths?.[c] ?? 10,
        })),
        BODY_FONT.size,
      ),
    };
  }
  const first = SETTING_KEYS.length + 1;
  copied.extraRows.forEach((values, i) => values.forEach((v, c) => lay(spec, first + i, c, v)));
  return spec;
}

/**
 * Danh mục of the new year: the list of bodies and the list of TTHC fields as the user keeps them (additions,
 * order and gaps as they were; the plan's fields where the old workbook had no such list), and the user's own
 * columns after the add-in's, row by row from row 1.
 */
export function buildCarriedLists(
  bodies: readonly CopiedValue[],
  fields: readonly CopiedValue[] | null,
  userColumns: readonly (readonly CopiedValue[])[],
): SheetSpec {
  // Sized for the lists (their rows, their text format), then the lists laid over the plan's.
  const spec = buildListsSheet(
    bodies.map(() => ''),
    fields === null ? TTHC_FIELDS : fields.map(() => ''),
  );
  const rows = spec.cells.length;
  const fieldColumn = LISTS_HEADER.indexOf(TTHC_HEADERS.field);
  for (let r = 1; r < rows; r++) {
    lay(spec, r, 0, bodies[r - 1] ?? null);
    if (fields !== null) lay(spec, r, fieldColumn, fields[r - 1] ?? null);
  }
  const first = spec.cells[0].length;
  userColumns.forEach((values, r) => values.forEach((v, c) => lay(spec, r, first + c, v)));
  return spec;
}

/**
 * Hồ sơ TTHC of the new year: the sheet `init` writes for `year` with the fields of Danh mục, and January's "Kỳ
 * trước chuyển sang" of each field set to the dossiers still pending at the end of the old December.
 */
export function buildCarriedTthc(
  year: number,
  fields: readonly string[],
  fieldColumn: number,
  pending: readonly { field: string; count: number }[],
): SheetSpec {
  const spec = buildTthcSheet({ year, fields, fieldColumn });
  const fieldCol = TTHC_COLUMN_KEYS.indexOf('field');
  const carriedCol = TTHC_COLUMN_KEYS.indexOf('carriedOver');
  const january = new Map<string, number>();
  fields.forEach((f, i) => january.set(f, i + 1)); // row 0 is the header; January's rows come first
  for (const p of pending) {
    const row = january.get(p.field);
    if (row !== undefined && spec.cells[row][fieldCol] === p.field) lay(spec, row, carriedCol, p.count);
  }
  return spec;
}
