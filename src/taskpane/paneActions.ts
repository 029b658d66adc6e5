/**
 * The pane's actions over any workbook port: the application layer (src/app) plus what only the host can do
 * (select a cell, report changes). Excel (officeActions.ts) and the browser preview (src/preview) each give
 * their port and host; everything else is this one module.
 */
// Each action from its own module, not from '../app': the index also holds what the pane loads lazily.
import { checkTracker } from '../app/checkTracker';
import { fixCells } from '../app/fixCells';
import { loadOverview } from '../app/overview';
import { loadSettings, saveSettings } from '../app/settingsForm';
import type { ActionOutcome } from '../app/types';
import type { ActionName } from './actionLock';
import { outcomeNotes, type OutcomeExtras } from './outcomeText';
import { ACTION_NAME, OUTCOME } from '../i18n/ui';
import type { WorkbookPort } from '../workbook/port';
import type { PaneActions, PaneHost } from './actions';

/**
 * A write's outcome with the lines the user reads under its message, as the ribbon's notice shows them: the
 * action's warnings, and what this host could not honour.
 */
function withNotes<T extends ActionOutcome & OutcomeExtras>(
  outcome: T,
  host: PaneHost,
): T & { notes?: readonly string[] } {
  const notes = outcomeNotes(outcome, host.writeNotes?.() ?? []);
  return notes.length > 0 ? { ...outcome, notes } : outcome;
}

export function createPaneActions(port: WorkbookPort, host: PaneHost): PaneActions {
  const fallbackYear = (): number => Number(host.today().slice(0, 4));
  /** Runs an action unless another one (the ribbon's, another pane's) holds the workbook. */
  const exclusive = async <T extends ActionOutcome>(
    action: ActionName,
    work: () => Promise<T>,
  ): Promise<T | ActionOutcome> => {
    if (!host.lock) return work();
    const locked = await host.lock.run(action, work);
    if (locked.ran) return locked.value;
    return {
      ok: false,
      reason: 'busy',
      message: OUTCOME.busy(locked.running && ACTION_NAME[locked.running]),
    };
  };
  return {
    today: () => host.today(),
    loadOverview: async () => {
      const outcome = await loadOverview(port, { today: host.today() });
      // A workbook without a tracker is where every user starts: the pane offers to create one.
      const noTracker = !outcome.ok && outcome.reason === 'trackerMissing';
      return noTracker ? { ...outcome, noTracker } : outcome;
    },
    initTracker: async (year, identity) => {
      // The sheet builders load when first used, as the report's do: a workbook is set up once.
      const { initTracker } = await import(/* webpackChunkName: "init" */ '../app/initTracker');
      return withNotes(await exclusive('init', () => initTracker(port, { year, identity })), host);
    },
    checkTracker: () => exclusive('check', () => checkTracker(port, { today: host.today() })),
    fixCells: async (confirmed) =>
      withNotes(await exclusive('fix', () => fixCells(port, { today: host.today(), confirmed })), host),
    compileReport: async (request) => {
      // The report's builders (layout, sentences, font metrics) load when first used: the pane opens faster.
      const { compileReport } = await import(/* webpackChunkName: "report" */ '../app/compileReport');
      return withNotes(
        await exclusive('report', () =>
          compileReport(
            port,
            request ? { asOf: request.asOf, period: request.period } : { asOf: host.today() },
          ),
        ),
        host,
      );
    },
    consolidate: async (request, onFile) => {
      // The consolidation and the .xlsx reader (ExcelJS, JSZip) load only when this action is used: the
      // pane's initial JavaScript does not carry them.
      const { consolidateInto } = await import(/* webpackChunkName: "consolidate" */ './consolidateAction');
      return withNotes(await consolidateInto(port, request, onFile, exclusive), host);
    },
    rolloverTracker: async () => {
      // With the .xlsx adapter (ExcelJS, JSZip), loaded when first used: the pane opens faster.
      const { rolloverInPane } = await import(/* webpackChunkName: "rollover" */ './rolloverFile');
      return rolloverInPane(port, {
        today: host.today(),
        exclusive: (work) => exclusive('rollover', work),
        openWorkbook: host.openWorkbook?.bind(host),
        onMac: host.onMac,
      });
    },
    loadSettings: () => loadSettings(port, { fallbackYear: fallbackYear() }),
    saveSettings: (settings) => exclusive('settings', () => saveSettings(port, settings)),
    // The results editor's reading and writing load with it: the pane's first JavaScript stays within budget.
    loadResults: async () => {
      const { loadResultsForm } = await import(/* webpackChunkName: "results" */ '../app/resultsForm');
      return loadResultsForm(port);
    },
    saveResult: async (entry) => {
      const { saveResult } = await import(/* webpackChunkName: "results" */ '../app/resultsForm');
      return exclusive('results', () => saveResult(port, entry));
    },
    selectCell: (sheet, cell) => host.selectCell(sheet, cell),
    subscribeToChanges: (onChange) => host.subscribeToChanges(onChange),
  };
}
