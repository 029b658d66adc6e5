/**
 * "Chuyển sang năm mới" (`cchc rollover`): the next year's tracker, built in a new workbook from the old one,
 * with the unfinished work carried over. The old workbook is only read.
 *
 * The new workbook holds what `initTracker` writes for the year (the plan's rows, Danh mục, Cài đặt, the
 * register), except that:
 * - Nhiệm vụ has, after the plan's rows, every row of the old tracker that is not done (src/domain/rollover.ts
 *   says which), copied as its cells hold them, with "Chuyển từ năm …" added to its Ghi chú;
 * - Cài đặt is the old one's, with the year moved on and a year-aware default moved with it where the user
 *   kept it; the user's own rows come along;
 * - Danh mục is the old one's list of bodies (the user's additions included) and the user's own columns;
 * - any other sheet comes only through a carry-over step (CARRY_OVER_STEPS: Hồ sơ TTHC's, TTHC_CARRY_OVER);
 *   the user's own sheets are not copied, and the message names them.
 */
import { ROLLOVER } from '../i18n/rollover';
import { LISTS_HEADER, SETTING_LABEL, SETTINGS_HEADER, SHEET, TTHC_HEADERS } from '../i18n/vi';
import { toA1 } from '../domain/a1';
import type { IsoDate } from '../domain/dates';
import type { DeadlineState } from '../domain/deadline';
import { cellAt, cellText, isBlank, isErrorCell, type Grid, type GridCell } from '../domain/grid';
import { dataErrorRows } from '../domain/report';
import { newYearPlan, planCarryOver, rolloverSettings } from '../domain/rollover';
import { countifsKey } from '../domain/rollup';
import { resultTasks } from '../domain/resultTasks';
import { readSettings, SETTING_KEYS, settingCellValue, type SettingsRead } from '../domain/settings';
import { normalizeKey, sheetNameKey } from '../domain/text';
import { COLUMN_KEYS, columnEntry } from '../domain/tracker';
import { fieldListColumnOf, readKnownFields, tthcCarryOver } from '../domain/tthcFigures';
import { readTthc, TTHC_FIELDS } from '../domain/tthc';
import {
  buildCarriedLists,
  buildCarriedSettings,
  buildCarriedTracker,
  buildCarriedTthc,
  isCellError,
  type CopiedColumn,
  type CopiedSettings,
  type CopiedTrackerRow,
  type CopiedValue,
} from '../sheets/carried';
import { buildListsSheet } from '../sheets/listsSheet';
import { buildRegisterSheet, ownedEntry, readRegister } from '../sheets/register';
import { buildResultsSheet } from '../sheets/resultsSheet';
import type { SheetSpec } from '../sheets/spec';
import { seedsFromPlan } from '../sheets/trackerSheet';
import type { RawSheet, WorkbookPort, WorkbookSnapshot } from '../workbook/port';
import { trackerFromSnapshot, trackerMissingOutcome, type TrackerState } from './checkTracker';
import { guarded } from './errors';
import type { ActionOutcome } from './types';

/** What a carry-over step is given: the old workbook's sheets it asked for (those that exist), and the years. */
interface CarryOverInput {
  sheets: Readonly<Record<string, RawSheet>>;
  from: number;
  to: number;
  /** The day of the rollover. */
  today: IsoDate;
}

interface CarryOverResult {
  /** Sheets of the new workbook (the add-in's own: they are registered). */
  write: SheetSpec[];
  /** Lines for the outcome's message, in Vietnamese. */
  notes: string[];
}

/**
 * How a sheet other than the tracker's three moves into the new year. A step is pure: the rollover reads the
 * sheets it names with the tracker's, passes those that exist, and writes what it returns in the
 * same batch as the tracker. The sheets it reads are the add-in's, not the user's own: they are not named as
 * sheets left behind.
 */
export interface CarryOverStep {
  /** The sheets of the old workbook it reads. */
  reads: readonly string[];
  carry(input: CarryOverInput): CarryOverResult;
}

/**
 * Hồ sơ TTHC moves into the new year as an empty year (init's sheet, with Danh mục's fields) whose January
 * "Kỳ trước chuyển sang" is December's pending dossiers of each field. Without December's figures (a rollover
 * in November) January's carry-over stays blank and the note says to type it: no figure the data does not hold.
 */
export const TTHC_CARRY_OVER: CarryOverStep = {
  reads: [SHEET.tthc, SHEET.lists],
  carry({ sheets, from, to }) {
    const old = sheets[SHEET.tthc];
    if (!old) return { write: [], notes: [] };
    const listed = listedFields(sheets[SHEET.lists]);
    const carry = tthcCarryOver(readTthc(old, from), listed);
    const listedKeys = new Set(listed.map(countifsKey));
    const extra = carry.pending.map((p) => p.field).filter((f) => !listedKeys.has(countifsKey(f)));
    const fields = [...listed, ...extra];
    const fieldColumn = LISTS_HEADER.indexOf(TTHC_HEADERS.field);
    const notes: string[] = [];
    if (!carry.known) notes.push(ROLLOVER.tthcDecemberMissing(from, to));
    else notes.push(ROLLOVER.tthcCarried(carry.pending, from, to));
    if (carry.decemberGap.length > 0) notes.push(ROLLOVER.tthcDecemberGap(carry.decemberGap, from, to));
    if (extra.length > 0) notes.push(ROLLOVER.tthcUnlistedFields(extra));
    if (carry.dataErrorRows.length > 0) notes.push(ROLLOVER.tthcDecemberErrors(carry.dataErrorRows, from));
    if (carry.unplaced > 0) notes.push(ROLLOVER.tthcUnplaced(carry.unplaced, from));
    return { write: [buildCarriedTthc(to, fields, fieldColumn, carry.pending)], notes };
  },
};

/** The steps every rollover runs. */
export const CARRY_OVER_STEPS: readonly CarryOverStep[] = [TTHC_CARRY_OVER];

/** Danh mục's fields as the new Danh mục lists them: the old list's text entries, else the plan's. */
function listedFields(lists: Grid | undefined): readonly string[] {
  const known = readKnownFields(lists);
  return known && known.length > 0 ? known : TTHC_FIELDS;
}

export interface RolloverOptions {
  /** The new tracker's year: the old tracker's year + 1, and nothing else (the default). */
  to?: number;
  /** The day of the rollover: the day the old rows' states are taken on (the sheet's TODAY()). */
  today: IsoDate;
  /** When the write happens (recorded in the register). */
  now?: Date;
  /** Default: CARRY_OVER_STEPS. */
  steps?: readonly CarryOverStep[];
}

export interface CarriedRow {
  /** Row on the old tracker. */
  row: number;
  /** Row on the new tracker. */
  newRow: number;
  task: string;
  deadline: IsoDate | null;
  /** Its Tình trạng hạn on the day of the rollover. */
  state: DeadlineState;
  /** The old check found errors on the row: carried as it is, to be fixed on the new tracker. */
  dataError: boolean;
}

export interface RolloverOutcome extends ActionOutcome {
  from?: number;
  to?: number;
  /** Rows of the plan for the new year (what `init` writes). */
  planRows?: number;
  carried?: CarriedRow[];
  /** Lines under the message: rows with data errors, what was left behind, settings that moved with the year. */
  warnings?: string[];
}

/** Errors that a carried row leaves behind: its STT is numbered anew and its Tình trạng hạn is a formula again. */
const LEFT_BEHIND = new Set(['duplicateStt', 'stateNotFormula']);

/**
 * Ghi chú of a carried row: what the user wrote (kept exactly), then on a line of its own "Chuyển từ năm 2026
 * (dòng 14)". An error value in the old Ghi chú (no cell of the state's formula) is named in the note.
 */
export function noteWithCarry(old: GridCell, from: number, row: number): string {
  const note = ROLLOVER.carriedNote(from, row);
  if (isErrorCell(old)) return ROLLOVER.carriedNoteAfterError(note, old.error);
  const text = cellText(old);
  if (text.trim() === '') return note;
  return text.endsWith('\n') ? `${text}${note}` : `${text}\n${note}`;
}

/** A cell as it is copied: an error value only as a spreadsheet can hold one (#SPILL! and such become #N/A). */
function copiedValue(v: GridCell): CopiedValue {
  if (!isErrorCell(v)) return v;
  return { error: isCellError(v.error) ? v.error : '#N/A' };
}

/** Every non-blank row of a grid's columns from `fromCol` on, as they are; [] when there are none. */
function columnsFrom(grid: Grid, fromCol: number): CopiedValue[][] {
  const rows = grid.values.map((row) => row.slice(fromCol).map(copiedValue));
  while (rows.length > 0 && rows[rows.length - 1].every((v) => isBlank(v as GridCell))) rows.pop();
  return rows;
}

/** A column of a grid below its header, as it is, without its trailing blanks. */
function columnBelowHeader(grid: Grid, col: number): CopiedValue[] {
  const values = grid.values.slice(1).map((row) => copiedValue(row[col] ?? null));
  while (values.length > 0 && isBlank(values[values.length - 1] as GridCell)) values.pop();
  return values;
}

/**
 * Danh mục of the new year: the old lists of bodies and of TTHC fields as the user keeps them, and the user's
 * own columns (those after the add-in's five of before Hồ sơ TTHC, where an older `init` put the field list in
 * the first free one: that one is the field list, not the user's).
 */
function carryLists(grid: Grid | undefined): SheetSpec {
  if (!grid) return buildListsSheet();
  const fieldColumn = fieldListColumnOf(grid);
  const fields = fieldColumn < 0 ? null : columnBelowHeader(grid, fieldColumn);
  const ownFrom = LISTS_HEADER.indexOf(TTHC_HEADERS.field);
  const own = columnsFrom(grid, ownFrom).map((row) => row.filter((_, i) => ownFrom + i !== fieldColumn));
  return buildCarriedLists(columnBelowHeader(grid, 0), fields, own);
}

export async function rolloverTracker(
  source: WorkbookPort,
  target: WorkbookPort,
  opts: RolloverOptions,
): Promise<RolloverOutcome> {
  return guarded(async (): Promise<RolloverOutcome> => {
    // The old workbook's snapshot is read and let go here: only the new sheets and the outcome come out, so
    // the old tracker's grid is not kept alive while the new workbook is written.
    const next = await newYear(source, opts);
    if (!('specs' in next)) return next;
    const { specs, stepSpecs, outcome } = next;

    // Nothing goes into a workbook that has any of these sheets already: the new year's is a new workbook.
    const existing = new Set((await target.read([])).sheets.map((s) => sheetNameKey(s.name)));
    const taken = [...specs.map((s) => s.name), SHEET.register].find((n) => existing.has(sheetNameKey(n)));
    if (taken) return { ok: false, message: ROLLOVER.targetTaken(taken) };
    const writtenAt = (opts.now ?? new Date()).toISOString();
    await target.apply({
      write: [
        ...specs,
        buildRegisterSheet(
          [],
          specs.map((s) => ownedEntry(s, writtenAt)),
        ),
      ],
      activate: SHEET.tracker,
      select: 'C2',
      tabOrder: [SHEET.tracker, SHEET.results, ...stepSpecs.map((s) => s.name), SHEET.lists, SHEET.settings],
    });
    return outcome;
  });
}

/** The new year's sheets and what the outcome says of them, from the old workbook; or why not. */
async function newYear(
  source: WorkbookPort,
  opts: RolloverOptions,
): Promise<{ specs: SheetSpec[]; stepSpecs: SheetSpec[]; outcome: RolloverOutcome } | RolloverOutcome> {
  const steps = opts.steps ?? CARRY_OVER_STEPS;
  const stepSheets = steps.flatMap((s) => s.reads);
  const snap = await source.read([
    ...new Set([SHEET.tracker, SHEET.settings, SHEET.lists, SHEET.register, SHEET.results, ...stepSheets]),
  ]);
  const old = readOldYear(snap, opts);
  if ('ok' in old) return old;
  const { state, from, to } = old;

  const tracker = carryTracker(state, from, to, opts.today);
  const { settings, followed, spec: settingsSheet } = carrySettings(old, to);
  // Danh mục, and the sheets the steps carry.
  const lists = carryLists(snap.contents[SHEET.lists]);
  const { stepSpecs, notes } = runSteps(steps, snap, from, to, opts.today);
  const results = carryResults(state, tracker, from, to);
  const specs = [lists, settingsSheet, tracker.spec, results.spec, ...stepSpecs];

  const warnings = [
    ...rolloverWarnings(snap, state, tracker, stepSheets, from),
    ...followed.map((key) =>
      ROLLOVER.settingFollowed(SETTING_LABEL[key], String(settingCellValue(settings, key)), to),
    ),
    ...notes,
    ...results.notes,
  ];
  return {
    specs,
    stepSpecs,
    outcome: {
      ok: true,
      message: ROLLOVER.done(to, tracker.plan.length, tracker.carried.length, from),
      from,
      to,
      planRows: tracker.plan.length,
      carried: tracker.carried,
      warnings,
    },
  };
}

/** The old workbook as the rollover needs it: a readable tracker, its settings and the years. */
interface OldYear {
  state: TrackerState;
  settingsGrid: Grid;
  settingsRead: SettingsRead;
  from: number;
  to: number;
}

/**
 * Reads the old tracker and its Cài đặt, or refuses: no tracker, a tracker without its columns, a year that
 * cannot be read, a new year other than the next.
 */
function readOldYear(snap: WorkbookSnapshot, opts: RolloverOptions): OldYear | RolloverOutcome {
  const state = trackerFromSnapshot(snap, opts.today);
  if (!state) return trackerMissingOutcome();
  const structural = state.result.errors.find(
    (e) => e.code === 'missingColumn' || e.code === 'headerNotFound',
  );
  if (structural)
    return {
      ok: false,
      message: ROLLOVER.trackerBroken(structural.message),
      sheet: structural.sheet,
      cell: structural.cell,
    };
  const settingsGrid = snap.contents[SHEET.settings];
  const settingsRead = readSettings(settingsGrid, Number(opts.today.slice(0, 4)));
  const yearRow = settingsRead.rows.year;
  const yearCell = yearRow === undefined ? undefined : toA1(yearRow - 1, 1);
  if (!settingsGrid || !yearCell || settingsRead.problems.some((p) => p.cell === yearCell))
    return { ok: false, message: ROLLOVER.yearUnknown(), sheet: SHEET.settings };
  const from = state.settings.year;
  // A tracker of a year not begun (a 2027 file rolled over during 2026): its rows are not the past's work.
  const thisYear = Number(opts.today.slice(0, 4));
  if (from > thisYear)
    return { ok: false, message: ROLLOVER.sourceInFuture(from, thisYear), sheet: SHEET.settings };
  const to = opts.to ?? from + 1;
  if (to !== from + 1) return { ok: false, reason: 'badRequest', message: ROLLOVER.wrongYear(to, from) };
  return { state, settingsGrid, settingsRead, from, to };
}

/** The new Nhiệm vụ, with what the message says about it. */
interface CarriedTracker {
  spec: SheetSpec;
  /** The plan's rows for the new year. */
  plan: ReturnType<typeof seedsFromPlan>;
  carried: CarriedRow[];
  /** Rows left behind because they hold no task. */
  notTasks: ReturnType<typeof planCarryOver>['notTasks'];
  /** Tasks of the new year's plan not made again because a carried row holds them. */
  replaced: number;
  /** Cells of carried rows that held a formula (copied as their values). */
  formulaCells: string[];
}

/** Nhiệm vụ: the plan's rows for the year, then the old rows not done, as their cells hold them. */
function carryTracker(state: TrackerState, from: number, to: number, today: IsoDate): CarriedTracker {
  const { grid, read } = state;
  const { carried: decisions, notTasks } = planCarryOver(read.tasks, {
    today,
    warningDays: state.settings.warningDays,
    to,
  });
  const renewed = newYearPlan(to, decisions);
  const plan = seedsFromPlan(renewed.plan);
  const errorRows = new Set(
    dataErrorRows(
      read.tasks,
      state.result.errors.filter((e) => !LEFT_BEHIND.has(e.code)),
      SHEET.tracker,
    ).map((d) => d.row),
  );
  const formulaCells: string[] = [];
  const copiedRows: CopiedTrackerRow[] = [];
  const carried: CarriedRow[] = decisions.map((d, i) => {
    const r = d.task.row - 1;
    const cells: Partial<Record<CopiedColumn, CopiedValue>> = {};
    for (const key of COLUMN_KEYS) {
      // The number and the state are the new sheet's own (CopiedColumn: every column a person types in).
      if (key === 'stt' || key === 'deadlineState' || !columnEntry(key).typed) continue;
      const c = read.columns[key];
      const raw = c === undefined ? null : cellAt(grid, r, c);
      if (c !== undefined && grid.formulas[r]?.[c]) formulaCells.push(toA1(r, c));
      cells[key] = key === 'note' ? noteWithCarry(raw, from, d.task.row) : copiedValue(raw);
    }
    copiedRows.push({ stt: plan.length + i + 1, cells });
    return {
      row: d.task.row,
      newRow: plan.length + i + 2,
      task: d.task.task,
      deadline: d.task.deadline,
      state: d.state,
      dataError: d.state === 'dataError' || errorRows.has(d.task.row),
    };
  });
  return {
    spec: buildCarriedTracker(plan, copiedRows, to),
    plan,
    carried,
    notTasks,
    replaced: renewed.replaced.length,
    formulaCells,
  };
}

/**
 * Kết quả theo kỳ of the new year: a row for each task of the plan that needs words and each carried task
 * (resultTasks), every words cell empty. What was written for the old year's quarters was reported in that
 * year's reports and stays in the old workbook: a new year's quarters start with nothing written, and the note
 * says where the old words are.
 */
function carryResults(
  state: TrackerState,
  tracker: CarriedTracker,
  from: number,
  to: number,
): { spec: SheetSpec; notes: string[] } {
  const byRow = new Map(state.read.tasks.map((t) => [t.row, t]));
  const carried = tracker.carried.flatMap((c) => {
    const task = byRow.get(c.row);
    return task ? [{ section: task.section, task: task.task }] : [];
  });
  const rows = resultTasks([...tracker.plan, ...carried], to);
  const written = state.results.entries.length;
  return {
    spec: buildResultsSheet(rows),
    notes: written > 0 ? [ROLLOVER.resultsLeftBehind(written, from, to)] : [],
  };
}

/** Cài đặt: the user's values as they are, the year moved on, a default moved with the year where kept. */
function carrySettings(
  { state, settingsGrid, settingsRead }: OldYear,
  to: number,
): ReturnType<typeof rolloverSettings> & { spec: SheetSpec } {
  const { settings, followed } = rolloverSettings(state.settings, to);
  const settingRows = new Set(Object.values(settingsRead.rows).map((row) => row - 1));
  const values: CopiedSettings['values'] = {};
  for (const key of SETTING_KEYS) {
    const row = settingsRead.rows[key];
    if (key === 'year' || followed.includes(key) || row === undefined) continue;
    values[key] = copiedValue(cellAt(settingsGrid, row - 1, 1));
  }
  const isHeader = (r: number): boolean =>
    r === 0 && normalizeKey(String(cellAt(settingsGrid, 0, 0) ?? '')) === normalizeKey(SETTINGS_HEADER[0]);
  const extraRows = settingsGrid.values
    .map((row, r) => ({ row, r }))
    .filter(({ row, r }) => !settingRows.has(r) && !isHeader(r) && row.some((v) => !isBlank(v)))
    .map(({ row }) => row.map(copiedValue));
  return { settings, followed, spec: buildCarriedSettings(settings, { values, extraRows }) };
}

/** Runs each carry-over step that finds one of its sheets: the sheets to write and the lines for the message. */
function runSteps(
  steps: readonly CarryOverStep[],
  snap: WorkbookSnapshot,
  from: number,
  to: number,
  today: IsoDate,
): { stepSpecs: SheetSpec[]; notes: string[] } {
  const notes: string[] = [];
  const stepSpecs: SheetSpec[] = [];
  for (const step of steps) {
    const present = Object.fromEntries(
      step.reads.filter((n) => snap.contents[n]).map((n) => [n, snap.contents[n]]),
    );
    if (Object.keys(present).length === 0) continue;
    const result = step.carry({ sheets: present, from, to, today });
    stepSpecs.push(...result.write);
    notes.push(...result.notes);
  }
  return { stepSpecs, notes };
}

/**
 * What the user reads besides the counts: what needs fixing (rows with data errors, formulas copied as
 * values) and what stayed behind (rows without a task, the user's own sheets and columns).
 */
function rolloverWarnings(
  snap: WorkbookSnapshot,
  { grid, read }: TrackerState,
  tracker: CarriedTracker,
  stepSheets: readonly string[],
  from: number,
): string[] {
  const warnings: string[] = [];
  const withErrors = tracker.carried.filter((c) => c.dataError);
  if (withErrors.length > 0) warnings.push(ROLLOVER.dataErrorRows(withErrors));
  if (tracker.notTasks.length > 0) warnings.push(ROLLOVER.notTasks(tracker.notTasks));
  if (tracker.replaced > 0) warnings.push(ROLLOVER.heldByCarried(tracker.replaced, from, from + 1));
  if (tracker.formulaCells.length > 0) warnings.push(ROLLOVER.formulaValues(tracker.formulaCells));
  const known = new Set(
    [SHEET.tracker, SHEET.settings, SHEET.lists, SHEET.register, ...stepSheets].map(sheetNameKey),
  );
  const own = new Set(readRegister(snap.contents[SHEET.register]).map((o) => sheetNameKey(o.name)));
  const userSheets = snap.sheets
    .map((s) => s.name)
    .filter((n) => !known.has(sheetNameKey(n)) && !own.has(sheetNameKey(n)));
  if (userSheets.length > 0) warnings.push(ROLLOVER.userSheets(userSheets, from));
  const mapped = new Set(Object.values(read.columns));
  const userColumns = (grid.values[read.headerRow] ?? [])
    .map((v, c) => ({ v, c }))
    .filter(({ v, c }) => !mapped.has(c) && !isBlank(v))
    .map(({ v }) => String(isErrorCell(v) ? v.error : v));
  if (userColumns.length > 0) warnings.push(ROLLOVER.userColumns(userColumns, from));
  return warnings;
}

/** The figures of `cchc rollover --json`. */
export function rolloverJson(outcome: RolloverOutcome, out: string): object {
  return {
    from: outcome.from,
    to: outcome.to,
    planRows: outcome.planRows,
    carried: (outcome.carried ?? []).map((c) => ({
      row: c.row,
      newRow: c.newRow,
      task: c.task,
      deadline: c.deadline,
      state: c.state,
      dataError: c.dataError,
    })),
    out,
    notes: outcome.warnings ?? [],
  };
}
