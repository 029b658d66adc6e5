/**
 * The pane's actions over any workbook port: the application layer (src/app) plus what only the host can do
 * (select a cell, report changes). Excel (officeActions.ts) and the browser preview (src/preview) each give
 * their port and host; everything else is this one module.
 */
// Each action from its own module, not from '../app': the index also holds what the pane loads lazily.
import { checkTracker } from '../app/checkTracker';
import { fixCells } from '../app/fixCells';
import { initTracker } from '../app/initTracker';
import { loadOverview } from '../app/overview';
import { loadSettings, saveSettings } from '../app/settingsForm';
import type { ActionOutcome } from '../app/types';
import type { IsoDate } from '../domain/dates';
import type { WorkbookPort } from '../workbook/port';
import type { ChangeListener, PaneActions } from './actions';

/** What differs between Excel and the browser preview. */
export interface PaneHost {
  today(): IsoDate;
  selectCell(sheet: string, cell: string): Promise<void>;
  subscribeToChanges(onChange: ChangeListener): Promise<() => void>;
  /** Notes of the last write about what this host could not do as designed (an older Excel). */
  writeNotes?(): readonly string[];
}

/** A successful write's outcome, with the host's notes about what it could not honour, if any. */
function withNotes<T extends ActionOutcome>(outcome: T, host: PaneHost): T & { notes?: readonly string[] } {
  const notes = outcome.ok ? (host.writeNotes?.() ?? []) : [];
  return notes.length > 0 ? { ...outcome, notes } : outcome;
}

export function createPaneActions(port: WorkbookPort, host: PaneHost): PaneActions {
  const fallbackYear = (): number => Number(host.today().slice(0, 4));
  return {
    today: () => host.today(),
    loadOverview: async () => {
      const outcome = await loadOverview(port, { today: host.today() });
      // A workbook without a tracker is where every user starts: the pane offers to create one.
      const noTracker = !outcome.ok && outcome.reason === 'trackerMissing';
      return noTracker ? { ...outcome, noTracker } : outcome;
    },
    initTracker: async (year) => withNotes(await initTracker(port, { year }), host),
    checkTracker: () => checkTracker(port, { today: host.today() }),
    fixCells: async (confirmed) => withNotes(await fixCells(port, { today: host.today(), confirmed }), host),
    compileReport: async (request) => {
      // The report's builders (layout, sentences, font metrics) load when first used: the pane opens faster.
      const { compileReport } = await import(/* webpackChunkName: "report" */ '../app/compileReport');
      return withNotes(
        await compileReport(
          port,
          request ? { asOf: request.asOf, period: request.period } : { asOf: host.today() },
        ),
        host,
      );
    },
    loadSettings: () => loadSettings(port, { fallbackYear: fallbackYear() }),
    saveSettings: (settings) => saveSettings(port, settings),
    selectCell: (sheet, cell) => host.selectCell(sheet, cell),
    subscribeToChanges: (onChange) => host.subscribeToChanges(onChange),
  };
}
