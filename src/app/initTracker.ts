import { ACTION, RESULTS_TEXT, SETTING_LABEL, SHEET, TTHC_HEADERS } from '../i18n/vi';
import { colToLetters, toA1, tryParseA1Cell } from '../domain/a1';
import type { Grid } from '../domain/grid';
import { resultTasks } from '../domain/resultTasks';
import { expandSchedule } from '../domain/schedule';
import {
  missingIdentity,
  newTrackerSettings,
  readSettings,
  type Identity,
  type Settings,
  type SettingsRead,
} from '../domain/settings';
import { sheetNameKey } from '../domain/text';
import { readTracker } from '../domain/tracker';
import { fieldListColumnOf, readKnownFields } from '../domain/tthcFigures';
import { TTHC_FIELDS } from '../domain/tthc';
import { buildListsSheet, FIELD_LIST_COLUMN } from '../sheets/listsSheet';
import { buildResultsSheet } from '../sheets/resultsSheet';
import {
  buildRegisterSheet,
  fingerprintCells,
  fingerprintGrid,
  ownedEntry,
  readRegister,
  type OwnedSheet,
} from '../sheets/register';
import { buildSettingsSheet, settingRow } from '../sheets/settingsSheet';
import type { CellValue, SheetSpec } from '../sheets/spec';
import { buildTrackerSheet, seedsFromPlan, type TrackerSeed } from '../sheets/trackerSheet';
import { buildTthcSheet } from '../sheets/tthcSheet';
import type { CellUpdate, WorkbookPort } from '../workbook/port';
import { guarded } from './errors';
import type { ActionOutcome } from './types';

export interface InitOptions {
  year: number;
  /** When the write happens (recorded in the register). */
  now?: Date;
  /**
   * Whose tracker it is (unit, place, signer…), for a new Cài đặt; blank ones stay blank and the message says
   * which cells to fill. An existing Cài đặt is the user's and is kept as it is.
   */
  identity?: Identity;
  /**
   * Rows to write on Nhiệm vụ instead of the plan's (tests and benchmarks use this for large trackers).
   * Kết quả theo kỳ still gets the plan's tasks: a benchmark measures the tracker's size, and its made-up tasks
   * (thousands of distinct texts, four rows each) would make that sheet the larger one.
   */
  seeds?: readonly TrackerSeed[];
}

/**
 * Where the fields (Lĩnh vực) go on an existing Danh mục without them: the first column, from F on, that is
 * empty from top to bottom, so no cell a user wrote is touched.
 */
function freeListColumn(lists: Grid): number {
  for (let c = FIELD_LIST_COLUMN; ; c++) {
    const used = lists.values.some((row, r) => {
      const v = row[c] ?? null;
      return (v !== null && !(typeof v === 'string' && v === '')) || !!lists.formulas[r]?.[c];
    });
    if (!used) return c;
  }
}

/**
 * "Khởi tạo bảng theo dõi": writes Nhiệm vụ (the plan for the year), Hồ sơ TTHC, Danh mục and Cài đặt, unless a
 * tracker exists already. A user's sheet with one of those names is never touched: the action stops and says
 * so. Danh mục and Cài đặt the add-in wrote earlier are kept as they are (they hold the user's edits).
 *
 * On a workbook that has the tracker but not "Hồ sơ TTHC" (made before the sheet existed), it adds only that
 * sheet, and the list of fields on Danh mục where Danh mục has none: written into empty cells of the first
 * empty column, so nothing a user wrote there changes.
 */
export async function initTracker(port: WorkbookPort, opts: InitOptions): Promise<ActionOutcome> {
  if (!Number.isInteger(opts.year) || opts.year < 1990 || opts.year > 2100) {
    return { ok: false, message: ACTION.invalidYear(String(opts.year)) };
  }
  return guarded(async () => {
    // Nhiệm vụ too: on a tracker made before "Kết quả theo kỳ", that sheet gets a row for each of its tasks.
    const snap = await port.read([SHEET.register, SHEET.settings, SHEET.lists, SHEET.tracker]);
    const registered = readRegister(snap.contents[SHEET.register]);
    const owned = new Map(registered.map((o) => [sheetNameKey(o.name), o]));
    const exists = new Set(snap.sheets.map((s) => sheetNameKey(s.name)));
    const has = (name: string): boolean => exists.has(sheetNameKey(name));
    const writtenAt = (opts.now ?? new Date()).toISOString();
    if (has(SHEET.tracker)) {
      const mine = owned.has(sheetNameKey(SHEET.tracker));
      if (!mine || (has(SHEET.tthc) && has(SHEET.results))) {
        const message = mine ? ACTION.trackerExists(SHEET.tracker) : ACTION.sheetExistsUser(SHEET.tracker);
        return { ok: false, message, sheet: SHEET.tracker };
      }
      return addMissingSheets(port, snap.contents, owned, registered, has, opts.year, writtenAt);
    }
    for (const name of [SHEET.lists, SHEET.settings, SHEET.tthc, SHEET.results]) {
      if (has(name) && !owned.has(sheetNameKey(name)))
        return { ok: false, message: ACTION.sheetExistsUser(name), sheet: name };
    }
    const planSeeds = seedsFromPlan(expandSchedule(opts.year));
    const seeds = opts.seeds ?? planSeeds;
    // Danh mục and Cài đặt go first: the tracker's dropdowns and formulas refer to them, and Excel resolves a
    // reference to a sheet that does not exist yet as an external link.
    const specs: SheetSpec[] = [];
    let fieldColumn = FIELD_LIST_COLUMN;
    const updates: CellUpdate[] = [];
    const lists = snap.contents[SHEET.lists];
    if (!lists) specs.push(buildListsSheet());
    else fieldColumn = listsWithFields(lists, updates).column;
    const settings = newTrackerSettings(opts.year, opts.identity);
    const newSettings = !has(SHEET.settings);
    if (newSettings) specs.push(buildSettingsSheet(settings));
    specs.push(buildTrackerSheet(seeds, opts.year));
    if (!has(SHEET.results)) specs.push(buildResultsSheet(resultTasks(planSeeds, opts.year)));
    if (!has(SHEET.tthc))
      specs.push(buildTthcSheet({ year: opts.year, fields: fieldsOf(lists), fieldColumn }));
    const register = buildRegisterSheet(
      [...owned.values()],
      specs.map((s) => ownedEntry(s, writtenAt)),
    );
    await port.apply({
      write: [...specs, register],
      ...(updates.length > 0 ? { updates } : {}),
      activate: SHEET.tracker,
      select: 'C2',
      tabOrder: [SHEET.tracker, SHEET.results, SHEET.tthc, SHEET.lists, SHEET.settings],
    });
    return {
      ok: true,
      message: [
        ACTION.initDone(SHEET.tracker, seeds.length, opts.year),
        ...identityToFill(newSettings ? settings : readSettings(snap.contents[SHEET.settings], opts.year)),
      ].join(' '),
      sheet: SHEET.tracker,
      cell: 'A1',
    };
  });
}

/** The sentence asking for the unit, place and signer left blank in Cài đặt; none when all are there. */
function identityToFill(read: Settings | SettingsRead): string[] {
  const settings = 'settings' in read ? read.settings : read;
  const rows = 'settings' in read ? read.rows : {};
  const missing = missingIdentity(settings);
  if (missing.length === 0) return [];
  return [
    ACTION.identityToFill(
      missing.map((k) => ({ label: SETTING_LABEL[k], cell: `B${rows[k] ?? settingRow(k)}` })),
    ),
  ];
}

/** The fields a new Hồ sơ TTHC gets a row for: Danh mục's list where it has one, else the defaults. */
function fieldsOf(lists: Grid | undefined): readonly string[] {
  const known = readKnownFields(lists);
  return known && known.length > 0 ? known : TTHC_FIELDS;
}

/**
 * The column of the fields on an existing Danh mục: the one headed "Lĩnh vực", or a free one that the cell
 * updates pushed onto `updates` fill with the header and the default fields.
 */
function listsWithFields(lists: Grid, updates: CellUpdate[]): { column: number; added: boolean } {
  const existing = fieldListColumnOf(lists);
  if (existing >= 0) return { column: existing, added: false };
  const column = freeListColumn(lists);
  const values: CellValue[] = [TTHC_HEADERS.field, ...TTHC_FIELDS];
  values.forEach((value, r) =>
    updates.push({ sheet: SHEET.lists, cell: toA1(r, column), value, numberFormat: '@' }),
  );
  return { column, added: true };
}

/**
 * The tracker is there, Hồ sơ TTHC or Kết quả theo kỳ is not (a tracker made before them): adds what is missing
 * (and the field list on Danh mục for Hồ sơ TTHC), nothing else. Kết quả theo kỳ gets a row for each task of
 * Nhiệm vụ that needs words (resultTasks), as the tracker holds them now.
 */
async function addMissingSheets(
  port: WorkbookPort,
  contents: Record<string, Grid | undefined>,
  owned: Map<string, OwnedSheet>,
  registered: readonly OwnedSheet[],
  has: (name: string) => boolean,
  fallbackYear: number,
  writtenAt: string,
): Promise<ActionOutcome> {
  const { settings } = readSettings(contents[SHEET.settings], fallbackYear);
  const specs: SheetSpec[] = [];
  const updates: CellUpdate[] = [];
  const written: OwnedSheet[] = [];
  const messages: string[] = [];
  if (!has(SHEET.tthc)) {
    const tthc = tthcSpecs(settings.year, contents[SHEET.lists], owned, has, writtenAt);
    if ('refused' in tthc) return tthc.refused;
    specs.push(...tthc.specs);
    updates.push(...tthc.updates);
    written.push(...tthc.written);
    messages.push(ACTION.tthcAdded(SHEET.tthc, settings.year, tthc.addedColumn));
  }
  if (!has(SHEET.results)) {
    const tracker = contents[SHEET.tracker];
    const tasks = tracker ? readTracker(tracker).tasks.filter((t) => t.listed) : [];
    const rows = resultTasks(tasks, settings.year);
    specs.push(buildResultsSheet(rows));
    messages.push(RESULTS_TEXT.added(SHEET.results, settings.year, rows.length));
  }
  const register = buildRegisterSheet(registered, [
    ...specs.map((s) => ownedEntry(s, writtenAt)),
    ...written,
  ]);
  const shown = has(SHEET.tthc) ? SHEET.results : SHEET.tthc;
  await port.apply({
    write: [...specs, register],
    ...(updates.length > 0 ? { updates } : {}),
    activate: shown,
    select: shown === SHEET.tthc ? 'C2' : 'D2',
  });
  return { ok: true, message: messages.join(' '), sheet: shown, cell: 'A1' };
}

/** Hồ sơ TTHC for a tracker without it, and Danh mục's field list where Danh mục has none. */
function tthcSpecs(
  year: number,
  lists: Grid | undefined,
  owned: Map<string, OwnedSheet>,
  has: (name: string) => boolean,
  writtenAt: string,
):
  | { refused: ActionOutcome }
  | { specs: SheetSpec[]; updates: CellUpdate[]; written: OwnedSheet[]; addedColumn: string | null } {
  const listsEntry = owned.get(sheetNameKey(SHEET.lists));
  if (has(SHEET.lists) && !listsEntry)
    return { refused: { ok: false, message: ACTION.sheetExistsUser(SHEET.lists), sheet: SHEET.lists } };
  const specs: SheetSpec[] = [];
  const updates: CellUpdate[] = [];
  const written: OwnedSheet[] = [];
  let fieldColumn = FIELD_LIST_COLUMN;
  let addedColumn: string | null = null;
  if (!lists) specs.push(buildListsSheet());
  else {
    const untouched = listsEntry !== undefined && fingerprintGrid(lists) === listsEntry.fingerprint;
    const placed = listsWithFields(lists, updates);
    fieldColumn = placed.column;
    if (placed.added) {
      addedColumn = colToLetters(placed.column);
      // A Danh mục nobody had edited stays "untouched" in the register: its fingerprint now includes the list.
      if (untouched && listsEntry)
        written.push({ ...listsEntry, fingerprint: fingerprintAfter(lists, updates), writtenAt });
    }
  }
  specs.push(buildTthcSheet({ year, fields: fieldsOf(lists), fieldColumn }));
  return { specs, updates, written, addedColumn };
}

/** The fingerprint a sheet will have once `updates` (on that sheet) are written. */
function fingerprintAfter(grid: Grid, updates: readonly CellUpdate[]): string {
  const values = grid.values.map((row) => [...row]);
  for (const u of updates) {
    const at = tryParseA1Cell(u.cell);
    if (!at) continue;
    const { row: r, col: c } = at;
    while (values.length <= r) values.push([]);
    values[r][c] = u.value;
  }
  return fingerprintCells(values, (r, c) => !!grid.formulas[r]?.[c]);
}
