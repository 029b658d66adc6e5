import { ACTION, PROBLEM, SHEET } from '../i18n/vi';
import { BODIES } from '../domain/bodies';
import type { IsoDate } from '../domain/dates';
import type { Grid } from '../domain/grid';
import type { CheckResult } from '../domain/problems';
import type { ResultsRead } from '../domain/results';
import { readResults } from '../domain/resultsSheet';
import { readSettings, type Settings, type SettingsRead } from '../domain/settings';
import type { TrackerRead } from '../domain/tracker';
import { checkTthc } from '../domain/tthcCheck';
import { readKnownFields } from '../domain/tthcFigures';
import { readTthc, TTHC_FIELDS, tthcFormulaProblems, type TthcRead } from '../domain/tthc';
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
  /** Every problem: the tracker's, Cài đặt's and Hồ sơ TTHC's. */
  result: CheckResult;
  /** "Hồ sơ TTHC" as read (present: false when the workbook has no such sheet, or it was not asked for). */
  tthc: TthcRead;
  /** The fields on Danh mục (the defaults where it has no such list). */
  knownFields: string[];
  /** "Kết quả theo kỳ" as read (NO_RESULTS when the workbook has no such sheet, or it was not asked for). */
  results: ResultsRead;
}

/** The sheets an action reads to know the tracker, its settings, its lists, the TTHC figures and the results. */
export const TRACKER_SHEETS: readonly string[] = [
  SHEET.tracker,
  SHEET.settings,
  SHEET.lists,
  SHEET.tthc,
  SHEET.results,
];

/** The outcome of any action that needs a tracker when the workbook has none: what to do, where. */
export function trackerMissingOutcome(): ActionOutcome {
  return {
    ok: false,
    message: PROBLEM.trackerMissing(SHEET.tracker),
    sheet: SHEET.tracker,
    reason: 'trackerMissing',
  };
}

/** Reads and checks the tracker from a snapshot holding TRACKER_SHEETS. Pure. */
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
  const tthcGrid = snap.contents[SHEET.tthc];
  const tthc = readTthc(tthcGrid, settings.year);
  const knownFields = readKnownFields(lists) ?? [...TTHC_FIELDS];
  const tthcProblems = [
    ...tthc.problems,
    ...(tthcGrid ? tthcFormulaProblems(tthcGrid, tthc) : []),
    ...checkTthc(tthc, SHEET.tthc, {
      year: settings.year,
      knownFields,
      tasks: read.tasks,
      statusColumn: read.columns.status,
    }),
  ];
  const results = readResults(snap.contents[SHEET.results], read.tasks, SHEET.tracker);
  const otherProblems = [...tthcProblems, ...results.problems];
  return {
    grid,
    read,
    settings,
    settingRows,
    result: {
      errors: sortProblems([...result.errors, ...otherProblems.filter((p) => p.severity === 'error')]),
      warnings: sortProblems([
        ...result.warnings,
        ...settingProblems,
        ...otherProblems.filter((p) => p.severity === 'warning'),
      ]),
    },
    tthc,
    knownFields,
    results,
  };
}

/** "Kiểm tra dữ liệu": lists every problem of the tracker with its sheet and cell. */
export async function checkTracker(port: WorkbookPort, opts: { today: IsoDate }): Promise<CheckOutcome> {
  return guarded(async (): Promise<CheckOutcome> => {
    const snap = await port.read([...TRACKER_SHEETS]);
    const state = trackerFromSnapshot(snap, opts.today);
    if (!state) return trackerMissingOutcome();
    const { errors, warnings } = state.result;
    const tthcRows = state.tthc.rows.filter((r) => r.state !== 'empty').length;
    const message =
      errors.length + warnings.length > 0
        ? ACTION.checkFound(errors.length, warnings.length)
        : state.tthc.present
          ? ACTION.checkCleanWithTthc(SHEET.tracker, state.read.tasks.length, tthcRows)
          : ACTION.checkClean(SHEET.tracker, state.read.tasks.length);
    return { ok: errors.length === 0, message, sheet: SHEET.tracker, result: state.result };
  });
}
