/**
 * The task pane: an overview of the plan (counts by deadline state, progress, the next report, late and
 * soon-due tasks), the three actions, and the settings form, in three tabs. It receives its actions as props
 * and never calls Excel itself; one piece of work runs at a time, and the overview follows the workbook's
 * changes through debounced events.
 */
import * as React from 'react';
import { Spinner, Subtitle1, Tab, TabList, Text, makeStyles, tokens } from '@fluentui/react-components';
import type { Problem } from '../domain/problems';
import { PANE } from '../i18n/ui';
import { SHEET } from '../i18n/vi';
import type { PaneActions } from './actions';
import type { Quarter } from '../domain/periods';
import { ActionsPanel, InitForm, type ActionsPanelProps } from './ActionsPanel';
import { Feedback, type Place } from './notice';
import { OverviewPanel } from './OverviewPanel';
import { usePaneWork, type PaneWork } from './usePaneWork';
import { useToday } from './useToday';

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
  /**
   * Work to run as the pane opens: 'report' when the ribbon's "Tổng hợp báo cáo" opened it
   * (taskpane.html?action=report), so the report runs in the pane, whose runtime lasts while it is open,
   * not in a function command Office may end (docs/office-js.md, "The ribbon").
   */
  startWith?: 'report';
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

/**
 * The work the pane opens for, from its page's query: "report" when the ribbon's "Tổng hợp báo cáo" opened
 * it (manifest.xml: taskpane.html?action=report).
 */
export function startWithOf(search: string): 'report' | undefined {
  return new URLSearchParams(search).get('action') === 'report' ? 'report' : undefined;
}

/** True from the first render where `value` is true on. */
function useOnceTrue(value: boolean): boolean {
  const [seen, setSeen] = React.useState(value);
  if (value && !seen) setSeen(true);
  return seen || value;
}

/** The results editor loads when the overview first shows it: the pane's first JavaScript stays within budget. */
const ResultsSection = React.lazy(() =>
  import(/* webpackChunkName: "results-editor" */ './ResultsSection').then((m) => ({
    default: m.ResultsSection,
  })),
);

/** The overview's results editor, where this host can read and write "Kết quả theo kỳ". */
function resultsEditor(
  actions: PaneActions,
  pane: {
    today: string;
    busy: boolean;
    goTo: (sheet: string, cell: string) => Promise<void>;
    loadedAt?: Date;
  },
): React.ReactNode {
  if (!actions.loadResults || !actions.saveResult) return undefined;
  return (
    <React.Suspense fallback={null}>
      <ResultsSection
        initialQuarter={(Math.floor((Number(pane.today.slice(5, 7)) - 1) / 3) + 1) as Quarter}
        busy={pane.busy}
        load={actions.loadResults}
        save={actions.saveResult}
        onSelectCell={(cell) => void pane.goTo(SHEET.results, cell)}
        refreshKey={pane.loadedAt}
      />
    </React.Suspense>
  );
}
/** The init form asks whose tracker it is unless the workbook is known to have one (whose Cài đặt stays). */
const askNames = (work: PaneWork): boolean =>
  !(work.overview.state.status === 'ready' && !work.overview.state.view.noTracker);

export function App(props: AppProps): React.JSX.Element {
  const { actions, debounceMs, initialTab = 'overview', startWith } = props;
  const styles = useStyles();
  const today = useToday(actions.today);
  const currentYear = Number(today.slice(0, 4));
  const [tab, setTab] = React.useState<PaneTab>(startWith === 'report' ? 'actions' : initialTab);
  const settingsOpened = useOnceTrue(tab === 'settings');
  const work = usePaneWork(actions, { initialYear: currentYear, debounceMs });
  const { overview, busy, goTo } = work;
  useStartWith(startWith, work);
  useNewDayRefresh(today, overview.refresh);
  const feedback = (place: Place) => (
    <Feedback
      place={place}
      running={work.running}
      notice={work.notice}
      onGoTo={(sheet, cell) => void goTo(sheet, cell, place)}
      onDismiss={() => work.setNotice(null)}
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

      <PaneTabs tab={tab} onSelect={setTab} />

      <TabPanel tab="overview" current={tab}>
        <div className={styles.panel}>
          <OverviewTab work={work} actions={actions} today={today} currentYear={currentYear} />
        </div>
      </TabPanel>

      <TabPanel tab="actions" current={tab}>
        <ActionsTab work={work} today={today} currentYear={currentYear} feedback={feedback} />
      </TabPanel>

      <TabPanel tab="settings" current={tab}>
        {settingsOpened && (
          <SettingsTab active={tab === 'settings'} work={work} actions={actions} feedback={feedback} />
        )}
      </TabPanel>
    </main>
  );
}

/** The overview tab: the dashboard, with the init form where there is no tracker yet and the results editor. */
function OverviewTab({
  work,
  actions,
  today,
  currentYear,
}: {
  work: PaneWork;
  actions: PaneActions;
  today: string;
  currentYear: number;
}): React.JSX.Element {
  const { overview, busy, goTo } = work;
  const loadedAt = overview.state.status === 'ready' ? overview.state.loadedAt : undefined;
  const initForm = (
    <InitForm
      year={work.year}
      currentYear={currentYear}
      busy={busy}
      onYearChange={work.setYear}
      askNames={askNames(work)}
      identity={work.identity}
      onIdentityChange={work.setIdentity}
      onInit={() => void work.onInit('top')}
    />
  );
  return (
    <OverviewPanel
      state={overview.state}
      onRefresh={overview.refresh}
      onSelectTask={(_, cell) => void goTo(SHEET.tracker, cell)}
      initForm={initForm}
      onSelectTthcCell={(cell) => void goTo(SHEET.tthc, cell)}
      onAddTthc={() => void work.onInit('top')}
      busy={busy}
      resultsEditor={resultsEditor(actions, { today, busy, goTo, loadedAt })}
    />
  );
}

/** The settings tab, loaded when first opened. */
function SettingsTab({
  active,
  work,
  actions,
  feedback,
}: {
  active: boolean;
  work: PaneWork;
  actions: PaneActions;
  feedback: (place: Place) => React.JSX.Element;
}): React.JSX.Element {
  return (
    <React.Suspense fallback={<Spinner size="tiny" />}>
      <SettingsPanel
        active={active}
        busy={work.busy}
        reloadKey={work.settingsKey}
        load={actions.loadSettings}
        save={work.onSaveSettings}
        feedback={feedback('settings')}
      />
    </React.Suspense>
  );
}

/** A new day changes every deadline's state: the overview is read again with the new date. */
function useNewDayRefresh(today: string, refresh: () => void): void {
  const firstDay = React.useRef(today);
  React.useEffect(() => {
    if (today !== firstDay.current) refresh();
  }, [today, refresh]);
}

/** Runs the work the pane was opened for, once (React's strict mode mounts twice in development). */
function useStartWith(startWith: AppProps['startWith'], work: PaneWork): void {
  const started = React.useRef(false);
  const { onReport } = work;
  React.useEffect(() => {
    if (startWith !== 'report' || started.current) return;
    started.current = true;
    // No request: the period containing today, as the button's tooltip says.
    void onReport();
  }, [startWith, onReport]);
}

/** The actions tab: ActionsPanel wired to the pane's work. */
function ActionsTab({
  work,
  today,
  currentYear,
  feedback,
}: {
  work: PaneWork;
  today: ActionsPanelProps['today'];
  currentYear: number;
  feedback: (place: Place) => React.JSX.Element;
}): React.JSX.Element {
  const { check, goTo, overview } = work;
  return (
    <ActionsPanel
      today={today}
      busy={work.busy}
      init={{
        year: work.year,
        currentYear,
        onYearChange: work.setYear,
        askNames: askNames(work),
        identity: work.identity,
        onIdentityChange: work.setIdentity,
        onInit: () => void work.onInit('init'),
      }}
      feedback={feedback}
      onCheck={() => void work.onCheck()}
      onFix={(confirmed) => void work.onFix(confirmed)}
      check={check?.result ?? null}
      checkStale={check !== null && overview.changes > check.atChange}
      onSelectProblem={(problem: Problem) => void goTo(problem.sheet, problem.cell, 'check')}
      onReport={(request) => void work.onReport(request)}
      reportReady={work.report !== null}
      onDownloadDocx={() => void work.onDownloadDocx()}
      onConsolidate={work.onConsolidate}
      onRollover={() => void work.onRollover()}
      rollover={work.rollover}
      onSelectRow={(row) => void goTo(SHEET.tracker, `A${row}`, 'rollover')}
    />
  );
}

/** The three tabs. */
function PaneTabs({ tab, onSelect }: { tab: PaneTab; onSelect: (tab: PaneTab) => void }): React.JSX.Element {
  const styles = useStyles();
  return (
    <TabList
      className={styles.tabs}
      selectedValue={tab}
      onTabSelect={(_, data) => onSelect(data.value as PaneTab)}
      aria-label={PANE.tabsLabel}
    >
      {TABS.map((t) => (
        <Tab key={t} value={t} id={`tab-${t}`} aria-controls={`panel-${t}`}>
          {PANE.tabs[t]}
        </Tab>
      ))}
    </TabList>
  );
}

/** A tab's panel, hidden (not unmounted) while another tab is shown. */
function TabPanel({
  tab,
  current,
  children,
}: {
  tab: PaneTab;
  current: PaneTab;
  children: React.ReactNode;
}): React.JSX.Element {
  return (
    <div role="tabpanel" id={`panel-${tab}`} aria-label={PANE.tabs[tab]} hidden={current !== tab}>
      {children}
    </div>
  );
}
