/**
 * The task pane: an overview of the plan (counts by deadline state, progress, the next report, late and
 * soon-due tasks), the three actions, and the settings form, in three tabs. It receives its actions as props
 * and never calls Excel itself; one piece of work runs at a time, and the overview follows the workbook's
 * changes through debounced events.
 */
import * as React from 'react';
import { Spinner, Subtitle1, Tab, TabList, Text, makeStyles, tokens } from '@fluentui/react-components';
import type { ConfirmedFix } from '../app/fixCells';
import type { SettingsOutcome } from '../app/settingsForm';
import type { CheckResult, Problem } from '../domain/problems';
import type { Settings } from '../domain/settings';
import { PANE } from '../i18n/ui';
import { SHEET } from '../i18n/vi';
import type { PaneActions, ReportRequest, RolloverView } from './actions';
import { ActionsPanel, InitForm, type ActionsPanelProps } from './ActionsPanel';
import {
  checkNoticeFor,
  Feedback,
  noticeFor,
  type Notice,
  type Place,
  type Running,
  type Work,
} from './notice';
import { OverviewPanel } from './OverviewPanel';
import { describeError, useOverview } from './useOverview';

export type PaneTab = 'overview' | 'actions' | 'settings';

/**
 * The settings form loads apart, when its tab is first opened: most sessions never open it, and the pane's
 * first JavaScript stays within its budget with room for new actions (issue 12's "Tổng hợp nhiều xã").
 */
const SettingsPanel = React.lazy(() =>
  import(/* webpackChunkName: "settings" */ './SettingsPanel').then((m) => ({ default: m.SettingsPanel })),
);

const TABS: readonly PaneTab[] = ['overview', 'actions', 'settings'];

export interface AppProps {
  actions: PaneActions;
  /** Quiet time before change events refresh the overview (tests shorten it). */
  debounceMs?: number;
  initialTab?: PaneTab;
}

const useStyles = makeStyles({
  root: {
    display: 'flex',
    flexDirection: 'column',
    rowGap: tokens.spacingVerticalM,
    padding: `${tokens.spacingVerticalM} ${tokens.spacingHorizontalM}`,
    minWidth: 0,
  },
  header: { display: 'flex', flexDirection: 'column', rowGap: tokens.spacingVerticalXXS },
  hint: { color: tokens.colorNeutralForeground3 },
  tabs: { marginLeft: `calc(-1 * ${tokens.spacingHorizontalS})`, flexWrap: 'wrap' },
  panel: { display: 'flex', flexDirection: 'column', rowGap: tokens.spacingVerticalM },
});

/** True from the first render where `value` is true on. */
function useOnceTrue(value: boolean): boolean {
  const [seen, setSeen] = React.useState(value);
  if (value && !seen) setSeen(true);
  return seen || value;
}

export function App({ actions, debounceMs, initialTab = 'overview' }: AppProps): React.JSX.Element {
  const styles = useStyles();
  const today = React.useMemo(() => actions.today(), [actions]);
  const currentYear = Number(today.slice(0, 4));
  const [tab, setTab] = React.useState<PaneTab>(initialTab);
  const settingsOpened = useOnceTrue(tab === 'settings');
  const [year, setYear] = React.useState(currentYear);
  const [running, setRunning] = React.useState<Running | null>(null);
  const [notice, setNotice] = React.useState<Notice | null>(null);
  const [check, setCheck] = React.useState<{ result: CheckResult; atChange: number } | null>(null);
  const [rollover, setRollover] = React.useState<RolloverView | null>(null);
  const [settingsKey, setSettingsKey] = React.useState(0);
  // State re-renders asynchronously; the ref closes the gap so that a double click, or a click on another
  // button in the same frame, never starts a second piece of work.
  const runningRef = React.useRef(false);
  const overview = useOverview(actions, { paused: running !== null, debounceMs });
  const changesRef = React.useRef(overview.changes);
  changesRef.current = overview.changes;

  /** Runs one piece of work at a time; its spinner and its outcome show at `place`, next to its button. */
  const run = async <T,>(work: Work, place: Place, task: () => Promise<T>): Promise<T | undefined> => {
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

  // From the overview of an empty workbook, the outcome shows at the top: the form it came from goes away
  // as soon as the tracker exists.
  const onInit = async (place: Place) => {
    const outcome = await run('init', place, () => actions.initTracker(year));
    if (!outcome) return;
    setNotice(noticeFor(outcome, place, { openTarget: true }));
    if (outcome.ok) {
      setCheck(null); // the sheets changed: an earlier check no longer applies
      setSettingsKey((k) => k + 1);
      overview.refresh();
    }
  };

  const onCheck = async () => {
    const outcome = await run('check', 'check', () => actions.checkTracker());
    if (!outcome) return;
    setNotice(checkNoticeFor(outcome, 'check'));
    setCheck(outcome.result ? { result: outcome.result, atChange: changesRef.current } : null);
  };

  const onFix = async (confirmed: ConfirmedFix[]) => {
    const outcome = await run('check', 'check', () => actions.fixCells(confirmed));
    if (!outcome) return;
    // What the check found has changed: check again, and say what was fixed.
    const again = await run('check', 'check', () => actions.checkTracker());
    setNotice(noticeFor(outcome, 'check', { openTarget: false }));
    if (again) setCheck(again.result ? { result: again.result, atChange: changesRef.current } : null);
    overview.refresh();
  };

  const onReport = async (request: ReportRequest) => {
    const outcome = await run('report', 'report', () => actions.compileReport(request));
    if (outcome) setNotice(noticeFor(outcome, 'report', { openTarget: true }));
  };

  const onConsolidate: ActionsPanelProps['onConsolidate'] = async (request, onFile) => {
    const outcome = await run('consolidate', 'consolidate', () => actions.consolidate(request, onFile));
    if (outcome) setNotice(noticeFor(outcome, 'consolidate', { openTarget: true }));
  };

  const onRollover = async () => {
    const outcome = await run('rollover', 'rollover', () => actions.rolloverTracker());
    if (!outcome) return;
    setRollover(outcome);
    setNotice(noticeFor(outcome, 'rollover', { openTarget: false }));
  };

  const onSaveSettings = async (settings: Settings): Promise<SettingsOutcome | undefined> => {
    const outcome = await run('settings', 'settings', () => actions.saveSettings(settings));
    if (!outcome) return undefined;
    setNotice(noticeFor(outcome, 'settings', { openTarget: true }));
    if (outcome.ok) overview.refresh(); // warning days and the year change what the overview shows
    return outcome;
  };

  const onSelectProblem = (problem: Problem) => void goTo(problem.sheet, problem.cell, 'check');
  const busy = running !== null;
  const feedback = (place: Place) => (
    <Feedback
      place={place}
      running={running}
      notice={notice}
      onGoTo={(sheet, cell) => void goTo(sheet, cell, place)}
      onDismiss={() => setNotice(null)}
    />
  );
  const initForm = (
    <InitForm
      year={year}
      currentYear={currentYear}
      busy={busy}
      onYearChange={setYear}
      onInit={() => void onInit('top')}
    />
  );

  return (
    <main className={styles.root} aria-busy={busy}>
      <header className={styles.header}>
        <Subtitle1 as="h1">{PANE.title}</Subtitle1>
        <Text size={200} className={styles.hint}>
          {PANE.subtitle}
        </Text>
      </header>

      {feedback('top')}

      <TabList
        className={styles.tabs}
        selectedValue={tab}
        onTabSelect={(_, data) => setTab(data.value as PaneTab)}
        aria-label={PANE.tabsLabel}
      >
        {TABS.map((t) => (
          <Tab key={t} value={t} id={`tab-${t}`} aria-controls={`panel-${t}`}>
            {PANE.tabs[t]}
          </Tab>
        ))}
      </TabList>

      <div role="tabpanel" id="panel-overview" aria-label={PANE.tabs.overview} hidden={tab !== 'overview'}>
        <div className={styles.panel}>
          <OverviewPanel
            state={overview.state}
            onRefresh={overview.refresh}
            onSelectTask={(_, cell) => void goTo(SHEET.tracker, cell)}
            initForm={initForm}
            onSelectTthcCell={(cell) => void goTo(SHEET.tthc, cell)}
            onAddTthc={() => void onInit('top')}
            busy={busy}
          />
        </div>
      </div>

      <div role="tabpanel" id="panel-actions" aria-label={PANE.tabs.actions} hidden={tab !== 'actions'}>
        <ActionsPanel
          today={today}
          busy={busy}
          init={{ year, currentYear, onYearChange: setYear, onInit: () => void onInit('init') }}
          feedback={feedback}
          onCheck={() => void onCheck()}
          onFix={(confirmed) => void onFix(confirmed)}
          check={check?.result ?? null}
          checkStale={check !== null && overview.changes > check.atChange}
          onSelectProblem={onSelectProblem}
          onReport={(request) => void onReport(request)}
          onConsolidate={onConsolidate}
          onRollover={() => void onRollover()}
          rollover={rollover}
          onSelectRow={(row) => void goTo(SHEET.tracker, `A${row}`, 'rollover')}
        />
      </div>

      <div role="tabpanel" id="panel-settings" aria-label={PANE.tabs.settings} hidden={tab !== 'settings'}>
        {settingsOpened && (
          <React.Suspense fallback={<Spinner size="tiny" />}>
            <SettingsPanel
              active={tab === 'settings'}
              busy={busy}
              reloadKey={settingsKey}
              load={actions.loadSettings}
              save={onSaveSettings}
              feedback={feedback('settings')}
            />
          </React.Suspense>
        )}
      </div>
    </main>
  );
}
