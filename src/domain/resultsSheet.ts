/**
 * "Kết quả theo kỳ" read: the officer's words for each task and quarter, tied to the tasks of Nhiệm vụ.
 *
 * The sheet has one row per task that needs words and per quarter (init writes a block of rows for each
 * quarter: Quý I's rows, then Quý II's…), with the task's Mục and text copied from Nhiệm vụ as plain text, and
 * two columns of words: what was done in the quarter, and what is planned for the quarter after it.
 *
 * A row is tied to its Nhiệm vụ task by the task's text, compared as people retype it (normalizeKey: case,
 * spacing, Unicode form, dashes; and quotes and a trailing full stop): not by a cell reference, which sorting
 * Nhiệm vụ would silently point at another task, and not by the row's place, which inserting rows moves. A row
 * whose task is no longer on Nhiệm vụ still has its words reported, under the text it names, with a warning.
 *
 * - readResults(grid, tasks) → ResultsRead (the contract in results.ts) with the problems of its cells;
 * - resultTasks(tasks, year) (resultTasks.ts, apart: it carries the plan) → the tasks a new sheet gives rows.
 */
import { RESULTS_HEADERS, RESULTS_TEXT } from '../i18n/vi';
import { toA1 } from './a1';
import { cellAt, cellText, isErrorCell, type Grid, type GridCell } from './grid';
import { findHeaderRow, headerColumns, headerSet } from './headerRow';
import type { Quarter } from './periods';
import type { Problem } from './problems';
import { NO_RESULTS, type ResultsRead, type WrittenResult } from './results';
import { ROMAN_QUARTER } from './schedule';
import { cleanText, normalizeKey, rememberedText } from './text';

export type ResultsColumnKey = keyof typeof RESULTS_HEADERS;

/** Column order of a new sheet. */
export const RESULTS_COLUMN_KEYS: readonly ResultsColumnKey[] = [
  'quarter',
  'section',
  'task',
  'result',
  'planned',
];

/** Without these the words cannot be placed: each missing one is one error. */
const RESULTS_REQUIRED_COLUMNS: readonly ResultsColumnKey[] = ['quarter', 'task', 'result'];

const RESULTS_HEADER_SET = headerSet(RESULTS_HEADERS, RESULTS_COLUMN_KEYS);

export const QUARTERS: readonly Quarter[] = [1, 2, 3, 4];

/** "Quý III": a quarter cell as a new sheet holds it. */
export function quarterCellText(q: Quarter): string {
  return RESULTS_TEXT.quarterLabel(ROMAN_QUARTER[q - 1]);
}

const ROMAN_VALUE: Readonly<Record<string, Quarter>> = { i: 1, ii: 2, iii: 3, iv: 4 };

/** The quarter a cell names, as people type it ("Quý III", "quy 3", "Q3", 3, "III"); null when none. */
export function readQuarterCell(v: GridCell): Quarter | null {
  if (typeof v === 'number') return Number.isInteger(v) && v >= 1 && v <= 4 ? (v as Quarter) : null;
  if (typeof v !== 'string') return null;
  const m = RESULTS_TEXT.quarterPattern.exec(normalizeKey(v));
  if (!m) return null;
  return ROMAN_VALUE[m[1]] ?? (Number(m[1]) as Quarter);
}

const rememberedTaskKey = rememberedText((text) =>
  normalizeKey(text)
    .replace(/[\u201c\u201d\u201e\u00ab\u00bb]/g, '"')
    .replace(/[\u2018\u2019]/g, "'")
    .replace(/[\s.;,:]+$/, ''),
);

/** A task's text as the two sheets are matched by: normalizeKey, quotes alike, no trailing full stop. */
export function taskKey(text: string): string {
  return rememberedTaskKey(text);
}

/**
 * Words as the report states them: NFC, each line's spaces collapsed and trimmed, blank lines dropped (the
 * officer's line breaks are kept). "" when nothing is written.
 */
export function cleanWords(text: string): string {
  return text
    .normalize('NFC')
    .split(/\r\n|\r|\n/)
    .map(cleanText)
    .filter((line) => line !== '')
    .join('\n');
}

/** What a task needs to be matched and placed: its text and Mục (a Nhiệm vụ task, a plan row). */
export interface TaskRef {
  section: string;
  task: string;
}

/** A Nhiệm vụ task as the reader ties words to it. */
export interface TrackerTaskRef extends TaskRef {
  /** Sheet row, 1-based. */
  row: number;
}

/** The header row (0-based) of "Kết quả theo kỳ" and its columns; undefined when no header row is found. */
export function resultsLayout(
  grid: Grid,
): { headerRow: number; columns: Partial<Record<ResultsColumnKey, number>> } | undefined {
  const headerRow = findHeaderRow(grid, RESULTS_HEADER_SET);
  if (headerRow < 0) return undefined;
  return { headerRow, columns: headerColumns(grid, headerRow, RESULTS_HEADER_SET, []) };
}

/**
 * Reads "Kết quả theo kỳ" (undefined: the workbook has no such sheet) against the tasks of Nhiệm vụ (the first
 * task of a text is the one its words are tied to).
 */
export function readResults(
  grid: Grid | undefined,
  tasks: readonly TrackerTaskRef[],
  trackerSheet: string,
): ResultsRead {
  if (!grid) return NO_RESULTS;
  const sheet = grid.name;
  const problems: Problem[] = [];
  const headerRow = findHeaderRow(grid, RESULTS_HEADER_SET);
  if (headerRow < 0) {
    problems.push({
      severity: 'error',
      code: 'resultsHeaderNotFound',
      sheet,
      cell: 'A1',
      message: RESULTS_TEXT.headerNotFound(sheet),
    });
    return { present: true, readable: false, entries: [], problems };
  }
  const columns = headerColumns(grid, headerRow, RESULTS_HEADER_SET, problems);
  const headerCell = toA1(headerRow, 0);
  const missing = RESULTS_REQUIRED_COLUMNS.filter((k) => columns[k] === undefined);
  for (const k of missing)
    problems.push({
      severity: 'error',
      code: 'resultsMissingColumn',
      sheet,
      cell: headerCell,
      message: RESULTS_TEXT.missingColumn(sheet, headerCell, RESULTS_HEADERS[k]),
    });
  if (missing.length > 0) return { present: true, readable: false, entries: [], problems };

  const byKey = new Map<string, TrackerTaskRef>();
  for (const t of tasks) {
    const key = taskKey(t.task);
    if (key !== '' && !byKey.has(key)) byKey.set(key, t);
  }
  const entries: WrittenResult[] = [];
  const ctx: RowContext = { grid, sheet, columns, byKey, trackerSheet, problems };
  for (let r = headerRow + 1; r < grid.values.length; r++) entries.push(...readRow(ctx, r));
  entries.sort((a, b) => a.order - b.order || when(a) - when(b) || kindOrder(a) - kindOrder(b));
  return { present: true, readable: true, entries, problems };
}

const kindOrder = (e: WrittenResult): number => (e.kind === 'result' ? 0 : 1);
/** The quarter in time: next year's first after this year's fourth. */
const when = (e: WrittenResult): number => (e.nextYear ? 5 : e.quarter);

interface RowContext {
  grid: Grid;
  sheet: string;
  columns: Partial<Record<ResultsColumnKey, number>>;
  byKey: ReadonlyMap<string, TrackerTaskRef>;
  trackerSheet: string;
  problems: Problem[];
}

/** The words of one cell: its text, or null (blank; an error value, with its problem). */
function wordsOf(
  ctx: RowContext,
  r: number,
  key: 'result' | 'planned',
): { text: string; cell: string } | null {
  const c = ctx.columns[key];
  if (c === undefined) return null;
  const v = cellAt(ctx.grid, r, c);
  const cell = toA1(r, c);
  if (isErrorCell(v)) {
    ctx.problems.push({
      severity: 'error',
      code: 'resultsCellError',
      sheet: ctx.sheet,
      cell,
      message: RESULTS_TEXT.cellError(ctx.sheet, cell, v.error),
    });
    return null;
  }
  const text = cleanWords(cellText(v));
  if (text === '') return null;
  if (typeof v === 'number' || typeof v === 'boolean')
    ctx.problems.push({
      severity: 'warning',
      code: 'resultsNotText',
      sheet: ctx.sheet,
      cell,
      message: RESULTS_TEXT.notText(ctx.sheet, cell, text),
    });
  return { text, cell };
}

/** Sheet row `r` (0-based): its entries (none where nothing is written), and its problems. */
function readRow(ctx: RowContext, r: number): WrittenResult[] {
  const { grid, sheet, columns, problems } = ctx;
  const written = (['result', 'planned'] as const)
    .map((kind) => ({ kind, words: wordsOf(ctx, r, kind) }))
    .filter(
      (w): w is { kind: 'result' | 'planned'; words: { text: string; cell: string } } => w.words !== null,
    );
  if (written.length === 0) return [];
  const quarterCol = columns.quarter as number;
  const quarterRaw = cellAt(grid, r, quarterCol);
  const quarter = readQuarterCell(quarterRaw);
  if (quarter === null) {
    const cell = toA1(r, quarterCol);
    problems.push({
      severity: 'error',
      code: 'resultsQuarterUnreadable',
      sheet,
      cell,
      message: RESULTS_TEXT.quarterUnreadable(sheet, cell, cleanText(cellText(quarterRaw))),
    });
    return [];
  }
  const taskCol = columns.task as number;
  const taskRaw = cellAt(grid, r, taskCol);
  const task = isErrorCell(taskRaw) ? '' : cleanText(cellText(taskRaw));
  const taskCell = toA1(r, taskCol);
  const match = task === '' ? undefined : ctx.byKey.get(taskKey(task));
  if (task === '')
    problems.push({
      severity: 'warning',
      code: 'resultsTaskMissing',
      sheet,
      cell: taskCell,
      message: RESULTS_TEXT.taskMissing(sheet, taskCell),
    });
  else if (!match)
    problems.push({
      severity: 'warning',
      code: 'resultsTaskNotOnTracker',
      sheet,
      cell: taskCell,
      message: RESULTS_TEXT.taskNotOnTracker(sheet, taskCell, ctx.trackerSheet),
    });
  const sectionRaw = columns.section === undefined ? null : cellAt(grid, r, columns.section);
  const section = match ? match.section : isErrorCell(sectionRaw) ? '' : cleanText(cellText(sectionRaw));
  return written.map(({ kind, words }): WrittenResult => {
    const planned = kind === 'planned';
    const next = planned ? (((quarter % 4) + 1) as Quarter) : quarter;
    return {
      section,
      task: match ? cleanText(match.task) : task,
      trackerRow: match ? match.row : null,
      order: match ? match.row : r + 1,
      quarter: next,
      text: words.text,
      kind,
      ...(planned && quarter === 4 ? { nextYear: true } : {}),
      cell: words.cell,
    };
  });
}
