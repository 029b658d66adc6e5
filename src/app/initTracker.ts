import { ACTION, SHEET } from '../i18n/vi';
import { type IsoDate } from '../domain/dates';
import { expandSchedule } from '../domain/schedule';
import { defaultSettings } from '../domain/settings';
import { sheetNameKey } from '../domain/text';
import { buildListsSheet } from '../sheets/listsSheet';
import { buildRegisterSheet, ownedEntry, readRegister } from '../sheets/register';
import { buildSettingsSheet } from '../sheets/settingsSheet';
import type { SheetSpec } from '../sheets/spec';
import { buildTrackerSheet, seedsFromPlan, type TrackerSeed } from '../sheets/trackerSheet';
import type { WorkbookPort } from '../workbook/port';
import { guarded } from './errors';
import type { ActionOutcome } from './types';

export interface InitOptions {
  year: number;
  /** When the write happens (recorded in the register). */
  now?: Date;
  /** Rows to write instead of the plan's (tests and benchmarks use this for large trackers). */
  seeds?: readonly TrackerSeed[];
}

/**
 * "Khởi tạo bảng theo dõi": writes Nhiệm vụ (the plan for the year), Danh mục and Cài đặt, unless a tracker
 * exists already. A user's sheet with one of those names is never touched: the action stops and says so.
 * Danh mục and Cài đặt the add-in wrote earlier are kept as they are (they hold the user's edits).
 */
export async function initTracker(port: WorkbookPort, opts: InitOptions): Promise<ActionOutcome> {
  if (!Number.isInteger(opts.year) || opts.year < 1990 || opts.year > 2100) {
    return { ok: false, message: ACTION.invalidYear(String(opts.year)) };
  }
  return guarded(async () => {
    const snap = await port.read([SHEET.register]);
    const registered = readRegister(snap.contents[SHEET.register]);
    const owned = new Map(registered.map((o) => [sheetNameKey(o.name), o]));
    const exists = new Set(snap.sheets.map((s) => sheetNameKey(s.name)));
    const has = (name: string): boolean => exists.has(sheetNameKey(name));
    if (has(SHEET.tracker)) {
      const message = owned.has(sheetNameKey(SHEET.tracker))
        ? ACTION.trackerExists(SHEET.tracker)
        : ACTION.sheetExistsUser(SHEET.tracker);
      return { ok: false, message, sheet: SHEET.tracker };
    }
    for (const name of [SHEET.lists, SHEET.settings]) {
      if (has(name) && !owned.has(sheetNameKey(name)))
        return { ok: false, message: ACTION.sheetExistsUser(name), sheet: name };
    }
    const seeds = opts.seeds ?? seedsFromPlan(expandSchedule(opts.year));
    // Danh mục and Cài đặt go first: the tracker's dropdowns and formulas refer to them, and Excel resolves a
    // reference to a sheet that does not exist yet as an external link.
    const specs: SheetSpec[] = [];
    if (!has(SHEET.lists)) specs.push(buildListsSheet());
    if (!has(SHEET.settings)) specs.push(buildSettingsSheet(defaultSettings(opts.year)));
    specs.push(buildTrackerSheet(seeds, opts.year));
    const writtenAt = (opts.now ?? new Date()).toISOString();
    const register = buildRegisterSheet(
      [...owned.values()],
      specs.map((s) => ownedEntry(s, writtenAt)),
    );
    await port.apply({
      write: [...specs, register],
      activate: SHEET.tracker,
      select: 'C2',
      tabOrder: [SHEET.tracker, SHEET.lists, SHEET.settings],
    });
    return {
      ok: true,
      message: ACTION.initDone(SHEET.tracker, seeds.length, opts.year),
      sheet: SHEET.tracker,
      cell: 'A1',
    };
  });
}

export type { IsoDate };
