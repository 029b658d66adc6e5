/**
 * The tracker ("Nhiệm vụ"): its columns, and reading its rows from a grid into tasks. Headers are found by
 * their text (regardless of case, spacing and Unicode form), so reordered columns and extra user columns are
 * fine. Reading reports cell-level problems (dates that are not dates, error values); the rules between
 * fields are in validation.ts.
 */
import { type HEADERS, PROBLEM, STATUS_LABEL } from '../i18n/vi';
import { toA1 } from './a1';
import { findHeaderRow, headerColumns, headerSet } from './headerRow';
import { formatVnDate, isoFromSerial, parseDateText, serialFromIso, type IsoDate } from './dates';
import type { TaskStatus } from './deadline';
import { cellAt, cellText, isBlank, isErrorCell, type Grid, type GridCell } from './grid';
import type { Problem } from './problems';
import { isListedTask, matchText, readDateCell, readStatusCell, type DateCell } from './sheetRules';
import { compareSpelling, differenceWords, statusMeant } from './statusSpelling';
import { cleanText } from './text';
import { TRACKER_COLUMNS, type TrackerColumnEntry } from './trackerColumns';

export type ColumnKey = keyof typeof HEADERS;

/** A column's entry in the table (trackerColumns.ts). */
export function columnEntry(key: ColumnKey): TrackerColumnEntry {
  return (TRACKER_COLUMNS as Record<ColumnKey, TrackerColumnEntry>)[key];
}

/** Column order of a new tracker: the table's. */
export const COLUMN_KEYS = Object.keys(TRACKER_COLUMNS) as readonly ColumnKey[];

/**
 * Without these the tracker cannot be read: each missing one is one error. Those the table marks required, and
 * every column Tổng hợp reads (its roll-up use): the roll-ups cannot be built without it. The others are read
 * as blank.
 */
const REQUIRED_COLUMNS: readonly ColumnKey[] = COLUMN_KEYS.filter(
  (k) => columnEntry(k).required || columnEntry(k).rollup !== null,
);

/** Each column's header text, as the table gives it. */
const COLUMN_HEADERS = Object.fromEntries(COLUMN_KEYS.map((k) => [k, columnEntry(k).header])) as Record<
  ColumnKey,
  string
>;

export interface Task {
  /** Sheet row, 1-based. */
  row: number;
  stt: string;
  section: string;
  task: string;
  lead: string;
  coordinators: string;
  timeline: string;
  /** null when blank or unreadable (then `unreadable` names the column). */
  deadline: IsoDate | null;
  /**
   * The list value the sheet's formula reads (sheetRules.readStatusCell); null: blank, or not a list value (then
   * `unreadable` holds 'status' and the row is "Lỗi dữ liệu").
   */
  status: TaskStatus | null;
  statusText: string;
  completedOn: IsoDate | null;
  evidence: string;
  note: string;
  /** The sheet's formula shows a state on this row: TRIM(Nội dung) is not empty (or the cell is an error). */
  listed: boolean;
  /** Columns whose cell the formula cannot read: the row shows "Lỗi dữ liệu". */
  unreadable: ColumnKey[];
  /**
   * Mục, lead and Nội dung as stored, which COUNTIFS compares regardless of case (sheetRules.matchText); null for
   * an error value.
   */
  match: { section: string | null; lead: string | null; task: string | null };
}

export interface TrackerRead {
  /** Header row, 0-based; -1 when none was found. */
  headerRow: number;
  /** Column index (0-based) of each column found. */
  columns: Partial<Record<ColumnKey, number>>;
  tasks: Task[];
  problems: Problem[];
}

/**
 * The status a cell holds, exactly as the sheet's formula reads it (sheetRules.readStatusCell): a list value in
 * any case, ASCII spacing and Unicode form; null for a blank cell and for anything else (which the row shows as
 * "Lỗi dữ liệu").
 */
export function parseStatus(v: GridCell): TaskStatus | null {
  const read = readStatusCell(v);
  return read.kind === 'status' ? read.status : null;
}

const TRACKER_HEADER_SET = headerSet(COLUMN_HEADERS, COLUMN_KEYS);

/** Reads the tracker sheet. `today` is not needed here: reading is the same on any day. */
export function readTracker(grid: Grid): TrackerRead {
  const sheet = grid.name;
  const problems: Problem[] = [];
  const headerRow = findHeaderRow(grid, TRACKER_HEADER_SET);
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
  const columns = headerColumns(grid, headerRow, TRACKER_HEADER_SET, problems);
  const headerCell = toA1(headerRow, 0);
  const missing = REQUIRED_COLUMNS.filter((k) => columns[k] === undefined);
  for (const k of missing) {
    problems.push({
      severity: 'error',
      code: 'missingColumn',
      sheet,
      cell: headerCell,
      message: PROBLEM.missingColumn(sheet, headerCell, COLUMN_HEADERS[k]),
    });
  }
  if (missing.length > 0) return { headerRow, columns, tasks: [], problems };

  const dataKeys = COLUMN_KEYS.filter((k) => columnEntry(k).typed && columns[k] !== undefined);
  const tasks: Task[] = [];
  for (let r = headerRow + 1; r < grid.values.length; r++) {
    const task = readTaskRow({ grid, r, columns, dataKeys, problems });
    if (task) tasks.push(task);
  }
  return { headerRow, columns, tasks, problems };
}

/** One row of the tracker being read: where it is, and where its problems go. */
interface TaskRow {
  grid: Grid;
  /** 0-based. */
  r: number;
  columns: Partial<Record<ColumnKey, number>>;
  /** The columns found that a person types in. */
  dataKeys: ColumnKey[];
  problems: Problem[];
}

/** Row `r` as a task, with the problems of its cells; null when the row is empty (no task, nothing typed). */
function readTaskRow(row: TaskRow): Task | null {
  const { grid, r, columns, dataKeys, problems } = row;
  const sheet = grid.name;
  const get = (k: ColumnKey): GridCell => {
    const c = columns[k];
    return c === undefined ? null : cellAt(grid, r, c);
  };
  const listed = isListedTask(get('task'));
  if (!listed && dataKeys.every((k) => isBlank(get(k)) && !grid.formulas[r]?.[columns[k] as number]))
    return null;
  formulaNotCalculatedProblems(row, get);
  const addr = (k: ColumnKey): string => toA1(r, columns[k] as number);
  const unreadable: ColumnKey[] = [];
  const text = (k: ColumnKey): string => {
    const v = get(k);
    if (isErrorCell(v)) {
      problems.push({
        severity: 'error',
        code: 'errorValue',
        sheet,
        cell: addr(k),
        message: PROBLEM.errorValue(sheet, addr(k), COLUMN_HEADERS[k], v.error),
      });
      // The state formula reads Nội dung and Trạng thái: an error there is an error on the row.
      if (k === 'task' || k === 'status') unreadable.push(k);
      return '';
    }
    return cleanText(cellText(v));
  };
  const date = (k: 'deadline' | 'completedOn'): IsoDate | null => {
    const read = readDate(get(k), sheet, addr(k), COLUMN_HEADERS[k], problems);
    if (read.kind === 'unreadable') unreadable.push(k);
    return read.kind === 'date' ? read.iso : null;
  };
  const task = text('task');
  const statusText = text('status');
  const statusCell = readStatusCell(get('status'));
  const status = statusCell.kind === 'status' ? statusCell.status : null;
  // Not a list value: the formula shows "Lỗi dữ liệu" (an error value was reported above).
  if (statusCell.kind === 'unlisted' && !unreadable.includes('status')) {
    unreadable.push('status');
    problems.push(unlistedStatusProblem(get('status'), sheet, addr('status')));
  }
  if (status !== null) statusSpellingProblems(get('status'), status, sheet, addr('status'), problems);
  const deadline = date('deadline');
  const completedOn = date('completedOn');
  // The remaining texts are read in this order, so their problems are listed in it.
  return {
    row: r + 1,
    stt: columns.stt === undefined ? '' : text('stt'),
    section: text('section'),
    task,
    lead: text('lead'),
    coordinators: text('coordinators'),
    timeline: text('timeline'),
    deadline,
    status,
    statusText,
    completedOn,
    evidence: text('evidence'),
    note: text('note'),
    listed,
    unreadable,
    match: { section: matchText(get('section')), lead: matchText(get('lead')), task: matchText(get('task')) },
  };
}

/**
 * A formula saved without its result (some generators write no cached value) reads as blank: say so, rather
 * than treat the cell as empty.
 */
function formulaNotCalculatedProblems(
  { grid, r, columns, dataKeys, problems }: TaskRow,
  get: (k: ColumnKey) => GridCell,
): void {
  const sheet = grid.name;
  for (const k of dataKeys) {
    const c = columns[k] as number;
    if (!isBlank(get(k)) || !grid.formulas[r]?.[c]) continue;
    const cell = toA1(r, c);
    problems.push({
      severity: 'error',
      code: 'formulaNotCalculated',
      sheet,
      cell,
      message: PROBLEM.formulaNotCalculated(sheet, cell, COLUMN_HEADERS[k]),
    });
  }
}

/**
 * A status the formula cannot read (not a list value: "Đã hoàn thành", "hoan thanh", "Hoàn thành" with a no-break
 * space, 5, TRUE): an error at its cell with what was typed, and, where the spelling table knows what it means, that
 * list value as the fix. Where the cell looks like the list value, the message names the invisible difference.
 */
function unlistedStatusProblem(raw: GridCell, sheet: string, cell: string): Problem {
  const meant = statusMeant(raw);
  const base = { severity: 'error' as const, code: 'unknownStatus', sheet, cell };
  const shown = cleanText(cellText(raw)).replace(/\p{Cf}/gu, '');
  if (meant === null || typeof raw !== 'string')
    return { ...base, message: PROBLEM.unknownStatus(sheet, cell, shown) };
  const label = STATUS_LABEL[meant];
  const fix = { value: label, was: raw, becomes: label };
  const { looksAlike, differences } = compareSpelling(raw, label);
  const unseen = differences.filter((d) => d !== 'case' && d !== 'spaces');
  if (looksAlike && unseen.length > 0)
    return { ...base, message: PROBLEM.statusLookalike(sheet, cell, label, differenceWords(unseen)), fix };
  return { ...base, message: PROBLEM.statusMeans(sheet, cell, shown, label), fix };
}

/**
 * A list value spelt otherwise than the dropdown writes it (another case, stray spaces, decomposed accents): the
 * formula reads it, so a warning, with the list's spelling as the fix; the message names what differs.
 */
function statusSpellingProblems(
  rawStatus: GridCell,
  status: TaskStatus,
  sheet: string,
  cell: string,
  problems: Problem[],
): void {
  const label = STATUS_LABEL[status];
  if (typeof rawStatus !== 'string' || rawStatus === label) return;
  const { differences } = compareSpelling(rawStatus, label);
  const shown = cleanText(rawStatus);
  const words = differenceWords(differences);
  problems.push({
    severity: 'warning',
    code: 'statusSpelling',
    sheet,
    cell,
    message:
      shown === label
        ? PROBLEM.statusSpellingUnseen(sheet, cell, label, words)
        : PROBLEM.statusSpelling(sheet, cell, shown, label, words),
    fix: { value: label, was: rawStatus, becomes: label },
  });
}

/** The plausible years of a date typed as a number stored as text, for the one-click fix. */
const FIXABLE_YEARS = { min: 1990, max: 2100 } as const;

/**
 * A date column's cell as the sheet's formula reads it (sheetRules.readDateCell), with a problem for every
 * cell it cannot read, and, where the meaning is certain, the fix (a real date) the pane offers.
 */
function readDate(v: GridCell, sheet: string, cell: string, header: string, problems: Problem[]): DateCell {
  const read = readDateCell(v);
  if (read.kind !== 'unreadable') return read;
  const push = (code: string, message: string, fix?: number): void => {
    const becomes = fix === undefined ? null : isoFromSerial(fix);
    problems.push({
      severity: 'error',
      code,
      sheet,
      cell,
      message,
      ...(fix === undefined || becomes === null
        ? {}
        : {
            fix: { value: fix, numberFormat: DATE_FORMAT, was: cellText(v), becomes: formatVnDate(becomes) },
          }),
    });
  };
  if (isErrorCell(v)) push('errorValue', PROBLEM.errorValue(sheet, cell, header, v.error));
  else if (typeof v === 'number')
    push('impossibleDate', PROBLEM.impossibleDate(sheet, cell, header, String(v)));
  else if (typeof v === 'boolean') push('notADate', PROBLEM.notADate(sheet, cell, header, cellText(v)));
  else if (typeof v === 'string') {
    const shown = v.trim();
    const parsed = parseDateText(v);
    const asNumber = /^\s*\d+(?:[.,]\d+)?\s*$/.test(v) ? Number(v.trim().replace(',', '.')) : NaN;
    if (parsed.ok) {
      push(
        'dateAsText',
        PROBLEM.dateAsText(sheet, cell, header, shown, formatVnDate(parsed.iso)),
        serialFromIso(parsed.iso) ?? undefined,
      );
    } else if (Number.isFinite(asNumber)) {
      const iso = readDateCell(asNumber);
      const year = iso.kind === 'date' ? Number(iso.iso.slice(0, 4)) : 0;
      const plausible = year >= FIXABLE_YEARS.min && year <= FIXABLE_YEARS.max;
      push(
        'numberAsText',
        iso.kind === 'date' && plausible
          ? PROBLEM.numberAsText(sheet, cell, header, shown, formatVnDate(iso.iso))
          : PROBLEM.notADate(sheet, cell, header, shown),
        iso.kind === 'date' && plausible ? Math.floor(asNumber) : undefined,
      );
    } else if (parsed.reason === 'impossible')
      push('impossibleDate', PROBLEM.impossibleDate(sheet, cell, header, shown));
    else push('notADate', PROBLEM.notADate(sheet, cell, header, shown));
  }
  return read;
}

/** The number format a fixed date cell gets. */
const DATE_FORMAT = 'dd/mm/yyyy';

/** Excel-side facts a check needs besides the cells: is the Tình trạng hạn column still formulas? */
export function stateColumnProblems(grid: Grid, read: TrackerRead): Problem[] {
  const c = read.columns.deadlineState;
  if (c === undefined || grid.formulas.length === 0) return [];
  const out: Problem[] = [];
  for (const t of read.tasks) {
    if (!t.listed || grid.formulas[t.row - 1]?.[c]) continue;
    const cell = toA1(t.row - 1, c);
    // The cell shows what someone typed, not the rule: Tổng hợp counts what it shows, the add-in the rule.
    out.push({
      severity: 'error',
      code: 'stateNotFormula',
      sheet: grid.name,
      cell,
      // An erased formula leaves an empty cell: it shows nothing typed.
      message: isBlank(grid.values[t.row - 1]?.[c] ?? null)
        ? PROBLEM.stateFormulaErased(grid.name, cell)
        : PROBLEM.stateNotFormula(grid.name, cell),
    });
  }
  return out;
}
