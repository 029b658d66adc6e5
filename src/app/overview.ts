import { SHEET } from '../i18n/vi';
import { toA1 } from '../domain/a1';
import type { IsoDate } from '../domain/dates';
import { buildOverview, type Overview } from '../domain/overview';
import type { WorkbookPort } from '../workbook/port';
import { TRACKER_SHEETS, trackerFromSnapshot, trackerMissingOutcome } from './checkTracker';
import { guarded } from './errors';
import type { ActionOutcome } from './types';

export interface OverviewOutcome extends ActionOutcome {
  overview?: Overview;
  /** The A1 address of the task text of each listed row ("C12"), for "go to the task". */
  taskCell?: (row: number) => string;
  /** The A1 address of a Hồ sơ TTHC row's field ("B14"), for "go to the row". */
  tthcCell?: (row: number) => string;
}

/** Reads the tracker (one read) and sums it up for the pane. No tracker: ok=false with what to do. */
export async function loadOverview(port: WorkbookPort, opts: { today: IsoDate }): Promise<OverviewOutcome> {
  return guarded(async (): Promise<OverviewOutcome> => {
    const snap = await port.read([...TRACKER_SHEETS]);
    const state = trackerFromSnapshot(snap, opts.today);
    if (!state) return trackerMissingOutcome();
    const taskCol = state.read.columns.task ?? 0;
    const fieldCol = state.tthc.columns.field ?? 0;
    return {
      ok: true,
      message: '',
      sheet: SHEET.tracker,
      overview: buildOverview(state.read.tasks, state.settings, opts.today, {
        read: state.tthc,
        listedFields: state.knownFields,
      }),
      taskCell: (row: number) => toA1(row - 1, taskCol),
      tthcCell: (row: number) => toA1(row - 1, fieldCol),
    };
  });
}
