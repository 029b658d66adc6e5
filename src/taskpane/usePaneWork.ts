/**
 * The pane's work: the actions its buttons run, one at a time, and what they leave to show (the spinner, the
 * notice, the last check, the rollover's rows). App lays the pane out; this hook is what the buttons do.
 */
import * as React from 'react';
import type { ConfirmedFix } from '../app/fixCells';
import type { SettingsOutcome } from '../app/settingsForm';
import type { CheckResult } from '../domain/problems';
import type { ReportContent } from '../domain/report';
import type { Identity, Settings } from '../domain/settings';
import { PANE } from '../i18n/ui';
import type { PaneActions, ReportRequest, RolloverView } from './actions';
import type { ActionsPanelProps } from './ActionsPanel';
import { checkNoticeFor, noticeFor, type Notice, type Place, type Running, type Work } from './notice';
import { describeError } from './outcomeText';
import { useOverview, type OverviewHandle } from './useOverview';

export interface PaneWork {
  overview: OverviewHandle;
  /** The year the init form proposes. */
  year: number;
  setYear: (year: number) => void;
  /** The unit, place and signer the init form holds. */
  identity: Identity;
  setIdentity: (identity: Identity) => void;
  /** The work running now, if any: its spinner shows at its place. */
  running: Running | null;
  busy: boolean;
  notice: Notice | null;
  setNotice: (notice: Notice | null) => void;
  /** The last check, and how many workbook changes the pane had seen when it ran. */
  check: { result: CheckResult; atChange: number } | null;
  rollover: RolloverView | null;
  /** The content of the report made last in this pane (its Word document is offered), or null. */
  report: ReportContent | null;
  /** Changes when the settings form must load again (the sheets were made anew). */
  settingsKey: number;
  /** Selects a cell in Excel; a failure shows at `place`. */
  goTo: (sheet: string, cell: string, place?: Place) => Promise<void>;
  onInit: (place: Place) => Promise<void>;
  onCheck: () => Promise<void>;
  onFix: (confirmed: ConfirmedFix[]) => Promise<void>;
  /** Without a request: the period containing today (the ribbon's "Tổng hợp báo cáo"). */
  onReport: (request?: ReportRequest) => Promise<void>;
  /** Renders the last report as a Word document and offers it as a download. */
  onDownloadDocx: () => Promise<void>;
  onConsolidate: ActionsPanelProps['onConsolidate'];
  onRollover: () => Promise<void>;
  onSaveSettings: (settings: Settings) => Promise<SettingsOutcome | undefined>;
}

export function usePaneWork(
  actions: PaneActions,
  opts: { initialYear: number; debounceMs?: number },
): PaneWork {
  const [year, setYear] = React.useState(opts.initialYear);
  const [identity, setIdentity] = React.useState<Identity>({});
  const runner = useRunner(actions);
  const [check, setCheck] = React.useState<{ result: CheckResult; atChange: number } | null>(null);
  const [rollover, setRollover] = React.useState<RolloverView | null>(null);
  const [report, setReport] = React.useState<ReportContent | null>(null);
  const [settingsKey, setSettingsKey] = React.useState(0);
  const overview = useOverview(actions, { paused: runner.running !== null, debounceMs: opts.debounceMs });
  const changesRef = React.useRef(overview.changes);
  changesRef.current = overview.changes;
  const handlers = paneHandlers({
    actions,
    year,
    identity,
    run: runner.run,
    setNotice: runner.setNotice,
    setCheck,
    setRollover,
    report,
    setReport,
    setSettingsKey,
    overview,
    changesRef,
  });
  return {
    overview,
    year,
    setYear,
    identity,
    setIdentity,
    running: runner.running,
    busy: runner.running !== null,
    notice: runner.notice,
    setNotice: runner.setNotice,
    check,
    rollover,
    report,
    settingsKey,
    goTo: runner.goTo,
    ...handlers,
  };
}

type Run = <T>(work: Work, place: Place, task: () => Promise<T>) => Promise<T | undefined>;

/** One piece of work at a time, with its spinner and its notice; and selecting a cell in Excel. */
function useRunner(actions: PaneActions): {
  running: Running | null;
  notice: Notice | null;
  setNotice: (notice: Notice | null) => void;
  run: Run;
  goTo: PaneWork['goTo'];
} {
  const [running, setRunning] = React.useState<Running | null>(null);
  const [notice, setNotice] = React.useState<Notice | null>(null);
  // State re-renders asynchronously; the ref closes the gap so that a double click, or a click on another
  // button in the same frame, never starts a second piece of work.
  const runningRef = React.useRef(false);

  /** Runs one piece of work at a time; its spinner and its outcome show at `place`, next to its button. */
  const run: Run = async (work, place, task) => {
    if (runningRef.current) return undefined;
    runningRef.current = true;
    setRunning({ work, place });
    setNotice(null);
    try {
      return await task();
    } catch (error) {
      setNotice({
        place,
        intent: 'error',
        title: PANE.outcomeTitle.error,
        message: PANE.unexpectedError(describeError(error)),
      });
      return undefined;
    } finally {
      runningRef.current = false;
      setRunning(null);
    }
  };

  const goTo = async (sheet: string, cell: string, place: Place = 'top') => {
    try {
      await actions.selectCell(sheet, cell);
    } catch {
      setNotice({
        place,
        intent: 'error',
        title: PANE.outcomeTitle.error,
        message: PANE.selectFailed(sheet, cell),
      });
    }
  };
  return { running, notice, setNotice, run, goTo };
}

/** What the handlers change, besides running their work. */
interface HandlerDeps {
  actions: PaneActions;
  year: number;
  identity: Identity;
  run: Run;
  setNotice: (notice: Notice | null) => void;
  setCheck: (check: PaneWork['check']) => void;
  setRollover: (rollover: RolloverView) => void;
  report: ReportContent | null;
  setReport: (report: ReportContent | null) => void;
  setSettingsKey: React.Dispatch<React.SetStateAction<number>>;
  overview: OverviewHandle;
  /** The overview's change count now (a check remembers it, to tell when it is stale). */
  changesRef: React.RefObject<number>;
}

type Handlers = Pick<
  PaneWork,
  | 'onInit'
  | 'onCheck'
  | 'onFix'
  | 'onReport'
  | 'onDownloadDocx'
  | 'onConsolidate'
  | 'onRollover'
  | 'onSaveSettings'
>;

/** The buttons' handlers: each runs its action, then shows its outcome and updates what it changed. */
function paneHandlers(d: HandlerDeps): Handlers {
  const { actions, run, setNotice, overview } = d;
  return {
    // From the overview of an empty workbook, the outcome shows at the top: the form it came from goes away
    // as soon as the tracker exists.
    onInit: async (place) => {
      const outcome = await run('init', place, () => actions.initTracker(d.year, d.identity));
      if (!outcome) return;
      setNotice(noticeFor(outcome, place, { openTarget: true }));
      if (outcome.ok) {
        d.setCheck(null); // the sheets changed: an earlier check no longer applies
        d.setSettingsKey((k) => k + 1);
        overview.refresh();
      }
    },
    onCheck: async () => {
      const outcome = await run('check', 'check', () => actions.checkTracker());
      if (!outcome) return;
      setNotice(checkNoticeFor(outcome, 'check'));
      d.setCheck(outcome.result ? { result: outcome.result, atChange: d.changesRef.current } : null);
    },
    onFix: async (confirmed) => {
      const outcome = await run('check', 'check', () => actions.fixCells(confirmed));
      if (!outcome) return;
      // What the check found has changed: check again, and say what was fixed.
      const again = await run('check', 'check', () => actions.checkTracker());
      setNotice(noticeFor(outcome, 'check', { openTarget: false }));
      if (again) d.setCheck(again.result ? { result: again.result, atChange: d.changesRef.current } : null);
      overview.refresh();
    },
    onReport: async (request) => {
      const outcome = await run('report', 'report', () => actions.compileReport(request));
      if (!outcome) return;
      setNotice(noticeFor(outcome, 'report', { openTarget: true }));
      d.setReport(outcome.ok && outcome.content ? outcome.content : null);
    },
    onDownloadDocx: async () => {
      const content = d.report;
      if (!content) return;
      const notice = await run('report', 'report', async () => {
        // The Word renderer (the docx package) loads only when this button is pressed: the pane's first
        // screen does not carry it.
        const { downloadReportDocx } = await import(/* webpackChunkName: "report-docx" */ './reportDocxFile');
        return downloadReportDocx(content);
      });
      if (notice) setNotice({ place: 'report', intent: 'success', ...notice });
    },
    onConsolidate: async (request, onFile) => {
      const outcome = await run('consolidate', 'consolidate', () => actions.consolidate(request, onFile));
      if (outcome) setNotice(noticeFor(outcome, 'consolidate', { openTarget: true }));
    },
    onRollover: async () => {
      const outcome = await run('rollover', 'rollover', () => actions.rolloverTracker());
      if (!outcome) return;
      d.setRollover(outcome);
      setNotice(noticeFor(outcome, 'rollover', { openTarget: false }));
    },
    onSaveSettings: async (settings) => {
      const outcome = await run('settings', 'settings', () => actions.saveSettings(settings));
      if (!outcome) return undefined;
      setNotice(noticeFor(outcome, 'settings', { openTarget: true }));
      if (outcome.ok) overview.refresh(); // warning days and the year change what the overview shows
      return outcome;
    },
  };
}
