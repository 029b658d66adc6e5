import { ACTION, PROBLEM, SHEET } from '../i18n/vi';
import { BODIES } from '../domain/bodies';
import type { IsoDate } from '../domain/dates';
import type { Grid } from '../domain/grid';
import type { CheckResult } from '../domain/problems';
import { readSettings, type Settings, type SettingsRead } from '../domain/settings';
import type { TrackerRead } from '../domain/tracker';
import { checkTrackerGrid, readKnownLeads, sortProblems } from '../domain/validation';
import type { WorkbookPort, WorkbookSnapshot } from '../workbook/port';
import { guarded } from './errors';
import type { ActionOutcome } from './types';

export interface CheckOutcome extends ActionOutcome {
  result?: CheckResult;
}

export interface TrackerState {
  grid: Grid;
  read: TrackerRead;
  settings: Settings;
  /** Sheet row of each setting found on Cài đặt (a setting missing there took its default). */
  settingRows: SettingsRead['rows'];
  result: CheckResult;
}

/** The outcome of any action that needs a tracker when the workbook has none: what to do, where. */
export function trackerMissingOutcome(): ActionOutcome {
  return {
    ok: false,
    message: PROBLEM.trackerMissing(SHEET.tracker),
    sheet: SHEET.tracker,
    reason: 'trackerMissing',
  };
}

/** Reads and checks the tracker from a snapshot holding Nhiệm vụ, Cài đặt and Danh mục. Pure. */
export function trackerFromSnapshot(snap: WorkbookSnapshot, today: IsoDate): TrackerState | undefined {
  const grid = snap.contents[SHEET.tracker];
  if (!grid) return undefined;
  const {
    settings,
    rows: settingRows,
    problems: settingProblems,
  } = readSettings(snap.contents[SHEET.settings], Number(today.slice(0, 4)));
  const lists = snap.contents[SHEET.lists];
  const knownLeads = lists ? readKnownLeads(lists) : [...BODIES];
  const { read, result } = checkTrackerGrid(grid, { today, year: settings.year, knownLeads });
  return {
    grid,
    read,
    settings,
    settingRows,
    result: { errors: result.errors, warnings: sortProblems([...result.warnings, ...settingProblems]) },
  };
}

/** "Kiểm tra dữ liệu": lists every problem of the tracker with its sheet and cell. */
export async function checkTracker(port: WorkbookPort, opts: { today: IsoDate }): Promise<CheckOutcome> {
  return guarded(async (): Promise<CheckOutcome> => {
    const snap = await port.read([SHEET.tracker, SHEET.settings, SHEET.lists]);
    const state = trackerFromSnapshot(snap, opts.today);
    if (!state) return trackerMissingOutcome();
    const { errors, warnings } = state.result;
    const message =
      errors.length + warnings.length === 0
        ? ACTION.checkClean(SHEET.tracker, state.read.tasks.length)
        : ACTION.checkFound(errors.length, warnings.length);
    return { ok: errors.length === 0, message, sheet: SHEET.tracker, result: state.result };
  });
}
