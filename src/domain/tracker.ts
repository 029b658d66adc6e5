/**
 * The tracker ("Nhiệm vụ"): its columns, and reading its rows from a grid into tasks. Headers are found by
 * their text (regardless of case, spacing and Unicode form), so reordered columns and extra user columns are
 * fine. Reading reports cell-level problems (dates that are not dates, error values); the rules between
 * fields are in validation.ts.
 */
import { HEADERS, PROBLEM, STATUS_LABEL } from '../i18n/vi';
import { toA1 } from './a1';
import { formatVnDate, isoFromSerial, parseDateText, type IsoDate } from './dates';
import type { TaskStatus } from './deadline';
import { cellAt, cellText, isBlank, isErrorCell, type Grid, type GridCell } from './grid';
import type { Problem } from './problems';
import { cleanText, normalizeKey } from './text';

export type ColumnKey = keyof typeof HEADERS;

/** Column order of a new tracker. */
export const COLUMN_KEYS: readonly ColumnKey[] = [
  'stt',
  'section',
  'task',
  'lead',
  'coordinators',
  'timeline',
  'deadline',
  'status',
  'completedOn',
  'evidence',
  'note',
  'deadlineState',
];

/** Without these the tracker cannot be read: each missing one is one error. */
export const REQUIRED_COLUMNS: readonly ColumnKey[] = [
  'section',
  'task',
  'lead',
  'deadline',
  'status',
  'completedOn',
  // Tổng hợp counts by this column's formula: without it the roll-ups cannot be built.
  'deadlineState',
];

export interface Task {
  /** Sheet row, 1-based. */
  row: number;
  stt: string;
  section: string;
  task: string;
  lead: string;
  coordinators: string;
  timeline: string;
  deadline: IsoDate | null;
  /** null when blank or not one of the three labels. */
  status: TaskStatus | null;
  statusText: string;
  completedOn: IsoDate | null;
  evidence: string;
  note: string;
}

export interface TrackerRead {
  /** Header row, 0-based; -1 when none was found. */
  headerRow: number;
  /** Column index (0-based) of each column found. */
  columns: Partial<Record<ColumnKey, number>>;
  tasks: Task[];
  problems: Problem[];
}

const STATUS_BY_KEY = new Map<string, TaskStatus>(
  (Object.keys(STATUS_LABEL) as TaskStatus[]).map((k) => [normalizeKey(STATUS_LABEL[k]), k]),
);

export function parseStatus(text: string): TaskStatus | null {
  return STATUS_BY_KEY.get(normalizeKey(text)) ?? null;
}

const HEADER_BY_KEY = new Map<string, ColumnKey>(COLUMN_KEYS.map((k) => [normalizeKey(HEADERS[k]), k]));

/** How many rows from the top to look for the header row. */
const HEADER_SCAN_ROWS = 30;

function findHeaderRow(grid: Grid): number {
  let best = -1;
  let bestCount = 2; // at least three known headers
  const limit = Math.min(grid.values.length, HEADER_SCAN_ROWS);
  for (let r = 0; r < limit; r++) {
    const found = new Set<ColumnKey>();
    for (const v of grid.values[r] ?? []) {
      const key = typeof v === 'string' ? HEADER_BY_KEY.get(normalizeKey(v)) : undefined;
      if (key) found.add(key);
    }
    if (found.size > bestCount) {
      best = r;
      bestCount = found.size;
    }
  }
  return best;
}

/** Reads the tracker sheet. `today` is not needed here: reading is the same on any day. */
export function readTracker(grid: Grid): TrackerRead {
  const sheet = grid.name;
  const problems: Problem[] = [];
  const headerRow = findHeaderRow(grid);
  if (headerRow < 0) {
    problems.push({
      severity: 'error',
      code: 'headerNotFound',
      sheet,
      cell: 'A1',
      message: PROBLEM.headerNotFound(sheet),
    });
    return { headerRow, columns: {}, tasks: [], problems };
  }
  const columns: Partial<Record<ColumnKey, number>> = {};
  (grid.values[headerRow] ?? []).forEach((v, c) => {
    const key = typeof v === 'string' ? HEADER_BY_KEY.get(normalizeKey(v)) : undefined;
    if (!key) return;
    const first = columns[key];
    if (first === undefined) columns[key] = c;
    else {
      const cell = toA1(headerRow, c);
      problems.push({
        severity: 'warning',
        code: 'duplicateColumn',
        sheet,
        cell,
        message: PROBLEM.duplicateColumn(sheet, cell, HEADERS[key], toA1(headerRow, first)),
      });
    }
  });
  const headerCell = toA1(headerRow, 0);
  const missing = REQUIRED_COLUMNS.filter((k) => columns[k] === undefined);
  for (const k of missing) {
    problems.push({
      severity: 'error',
      code: 'missingColumn',
      sheet,
      cell: headerCell,
      message: PROBLEM.missingColumn(sheet, headerCell, HEADERS[k]),
    });
  }
  if (missing.length > 0) return { headerRow, columns, tasks: [], problems };

  const dataKeys = COLUMN_KEYS.filter(
    (k) => k !== 'stt' && k !== 'deadlineState' && columns[k] !== undefined,
  );
  const tasks: Task[] = [];
  for (let r = headerRow + 1; r < grid.values.length; r++) {
    const get = (k: ColumnKey): GridCell => {
      const c = columns[k];
      return c === undefined ? null : cellAt(grid, r, c);
    };
    if (dataKeys.every((k) => isBlank(get(k)) && !grid.formulas[r]?.[columns[k] as number])) continue;
    // A formula saved without its result (some generators write no cached value) reads as blank: say so,
    // rather than treat the cell as empty.
    for (const k of dataKeys) {
      const c = columns[k] as number;
      if (!isBlank(get(k)) || !grid.formulas[r]?.[c]) continue;
      const cell = toA1(r, c);
      problems.push({
        severity: 'error',
        code: 'formulaNotCalculated',
        sheet,
        cell,
        message: PROBLEM.formulaNotCalculated(sheet, cell, HEADERS[k]),
      });
    }
    const addr = (k: ColumnKey): string => toA1(r, columns[k] as number);
    const text = (k: ColumnKey): string => {
      const v = get(k);
      if (isErrorCell(v)) {
        problems.push({
          severity: 'error',
          code: 'errorValue',
          sheet,
          cell: addr(k),
          message: PROBLEM.errorValue(sheet, addr(k), HEADERS[k], v.error),
        });
        return '';
      }
      return cleanText(cellText(v));
    };
    const date = (k: ColumnKey): IsoDate | null => readDate(get(k), sheet, addr(k), HEADERS[k], problems);
    const statusText = text('status');
    // The add-in reads these in any Unicode form, but the sheet's own formulas (Tình trạng hạn, Tổng hợp)
    // compare them as Excel does: a decomposed (NFD) spelling would count differently there.
    for (const k of ['section', 'lead', 'status'] as const) {
      const v = get(k);
      if (typeof v === 'string' && v !== v.normalize('NFC')) {
        problems.push({
          severity: 'warning',
          code: 'notNfc',
          sheet,
          cell: addr(k),
          message: PROBLEM.notNfc(sheet, addr(k), HEADERS[k]),
        });
      }
    }
    tasks.push({
      row: r + 1,
      stt: columns.stt === undefined ? '' : text('stt'),
      section: text('section'),
      task: text('task'),
      lead: text('lead'),
      coordinators: text('coordinators'),
      timeline: text('timeline'),
      deadline: date('deadline'),
      status: parseStatus(statusText),
      statusText,
      completedOn: date('completedOn'),
      evidence: text('evidence'),
      note: text('note'),
    });
  }
  return { headerRow, columns, tasks, problems };
}

function readDate(
  v: GridCell,
  sheet: string,
  cell: string,
  header: string,
  problems: Problem[],
): IsoDate | null {
  if (v === null || isBlank(v)) return null;
  const fail = (code: 'notADate' | 'impossibleDate', shown: string): null => {
    const message =
      code === 'notADate'
        ? PROBLEM.notADate(sheet, cell, header, shown)
        : PROBLEM.impossibleDate(sheet, cell, header, shown);
    problems.push({ severity: 'error', code, sheet, cell, message });
    return null;
  };
  if (isErrorCell(v)) {
    problems.push({
      severity: 'error',
      code: 'errorValue',
      sheet,
      cell,
      message: PROBLEM.errorValue(sheet, cell, header, v.error),
    });
    return null;
  }
  if (typeof v === 'number') return isoFromSerial(v) ?? fail('impossibleDate', String(v));
  if (typeof v === 'boolean') return fail('notADate', cellText(v));
  const parsed = parseDateText(v);
  if (!parsed.ok) return fail(parsed.reason === 'impossible' ? 'impossibleDate' : 'notADate', v.trim());
  problems.push({
    severity: 'warning',
    code: 'dateAsText',
    sheet,
    cell,
    message: PROBLEM.dateAsText(sheet, cell, header, v.trim(), formatVnDate(parsed.iso)),
  });
  return parsed.iso;
}

/** Excel-side facts a check needs besides the cells: is the Tình trạng hạn column still formulas? */
export function stateColumnProblems(grid: Grid, read: TrackerRead): Problem[] {
  const c = read.columns.deadlineState;
  if (c === undefined || grid.formulas.length === 0) return [];
  const out: Problem[] = [];
  for (const t of read.tasks) {
    if (grid.formulas[t.row - 1]?.[c]) continue;
    const cell = toA1(t.row - 1, c);
    out.push({
      severity: 'warning',
      code: 'stateNotFormula',
      sheet: grid.name,
      cell,
      message: PROBLEM.stateNotFormula(grid.name, cell),
    });
  }
  return out;
}
