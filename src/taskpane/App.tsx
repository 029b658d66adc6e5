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
import { ActionsPanel, InitForm, type ActionsPanelProps } from './ActionsPanel';
import { Feedback, type Place } from './notice';
import { OverviewPanel } from './OverviewPanel';
import { usePaneWork, type PaneWork } from './usePaneWork';

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
  const work = usePaneWork(actions, { initialYear: currentYear, debounceMs });
  const { overview, busy, goTo, year } = work;
  const feedback = (place: Place) => (
    <Feedback
      place={place}
      running={work.running}
      notice={work.notice}
      onGoTo={(sheet, cell) => void goTo(sheet, cell, place)}
      onDismiss={() => work.setNotice(null)}
    />
  );
  const initForm = (
    <InitForm
      year={year}
      currentYear={currentYear}
      busy={busy}
      onYearChange={work.setYear}
      onInit={() => void work.onInit('top')}
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
          <OverviewPanel
            state={overview.state}
            onRefresh={overview.refresh}
            onSelectTask={(_, cell) => void goTo(SHEET.tracker, cell)}
            initForm={initForm}
            onSelectTthcCell={(cell) => void goTo(SHEET.tthc, cell)}
            onAddTthc={() => void work.onInit('top')}
            busy={busy}
          />
        </div>
      </TabPanel>

      <TabPanel tab="actions" current={tab}>
        <ActionsTab work={work} today={today} currentYear={currentYear} feedback={feedback} />
      </TabPanel>

      <TabPanel tab="settings" current={tab}>
        {settingsOpened && (
          <React.Suspense fallback={<Spinner size="tiny" />}>
            <SettingsPanel
              active={tab === 'settings'}
              busy={busy}
              reloadKey={work.settingsKey}
              load={actions.loadSettings}
              save={work.onSaveSettings}
              feedback={feedback('settings')}
            />
          </React.Suspense>
        )}
      </TabPanel>
    </main>
  );
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
