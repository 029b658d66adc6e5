import * as React from 'react';
import {
  Badge,
  Button,
  Field,
  MessageBar,
  MessageBarBody,
  MessageBarTitle,
  ProgressBar,
  Spinner,
  Text,
  makeStyles,
  tokens,
} from '@fluentui/react-components';
import type { DeadlineState } from '../domain/deadline';
import type { Overview, OverviewTask } from '../domain/overview';
import { PANE } from '../i18n/ui';
import { STATE_LABEL } from '../i18n/vi';
import { STATE_COLORS } from '../sheets/palette';
import { nextReportText, percentText, taskDeadlineText, timeText } from './format';
import { ItemList, type ListItem } from './ItemList';
import { PaneSection } from './PaneSection';
import { usePaneStyles } from './styles';
import type { OverviewState } from './useOverview';
import { TthcSection } from './TthcSection';

/** Badge order: what needs attention first. */
const BADGE_ORDER: readonly DeadlineState[] = [
  'overdue',
  'dueSoon',
  'doneLate',
  'doneOnTime',
  'onTrack',
  'ongoing',
];

const useStyles = makeStyles({
  badges: {
    margin: 0,
    padding: 0,
    listStyleType: 'none',
    display: 'flex',
    flexWrap: 'wrap',
    gap: tokens.spacingHorizontalXS,
  },
  badge: { fontWeight: tokens.fontWeightSemibold },
  status: { display: 'flex', alignItems: 'center', columnGap: tokens.spacingHorizontalS, flexWrap: 'wrap' },
  nextReport: {
    padding: `${tokens.spacingVerticalS} ${tokens.spacingHorizontalM}`,
    borderRadius: tokens.borderRadiusMedium,
    backgroundColor: tokens.colorNeutralBackground2,
  },
});

export interface OverviewPanelProps {
  state: OverviewState;
  onRefresh: () => void;
  /** Selects the task's cell in "Nhiệm vụ". */
  onSelectTask: (task: OverviewTask, cell: string) => void;
  /** The year picker and button shown when there is no tracker yet. */
  initForm: React.ReactNode;
  /** Selects a cell of "Hồ sơ TTHC" (a row the TTHC figures point at). */
  onSelectTthcCell?: (cell: string) => void;
  /** Adds "Hồ sơ TTHC" to a workbook whose tracker has none. */
  onAddTthc?: () => void;
  /** Another action is running: buttons that write wait. */
  busy?: boolean;
  /** The results editor (Kết quả theo kỳ), shown under the TTHC figures once there is a tracker. */
  resultsEditor?: React.ReactNode;
}

function StateBadges({ overview }: { overview: Overview }): React.JSX.Element {
  const styles = useStyles();
  return (
    <ul className={styles.badges} aria-label={PANE.countsLabel}>
      {BADGE_ORDER.map((state) => {
        const colors = STATE_COLORS[state];
        const label = PANE.stateCount(STATE_LABEL[state], overview.counts[state]);
        return (
          <li key={state}>
            {colors ? (
              <Badge
                className={styles.badge}
                size="extra-large"
                shape="rounded"
                appearance="filled"
                style={{ backgroundColor: `#${colors.fill}`, color: `#${colors.font}` }}
                data-state={state}
              >
                {label}
              </Badge>
            ) : (
              <Badge
                size="extra-large"
                shape="rounded"
                appearance="outline"
                color="informative"
                data-state={state}
              >
                {label}
              </Badge>
            )}
          </li>
        );
      })}
    </ul>
  );
}

export function OverviewPanel({
  state,
  onRefresh,
  onSelectTask,
  initForm,
  onSelectTthcCell = () => undefined,
  onAddTthc = () => undefined,
  busy = false,
  resultsEditor,
}: OverviewPanelProps): React.JSX.Element {
  const styles = usePaneStyles();

  if (state.status === 'loading') {
    return <Spinner size="small" labelPosition="after" label={PANE.loadingOverview} />;
  }

  const refreshRow = <RefreshRow state={state} onRefresh={onRefresh} />;

  if (state.status === 'failed' || !state.view.overview) {
    const noTracker = state.status === 'ready' && state.view.noTracker;
    const message = state.status === 'failed' ? state.message : state.view.message;
    return (
      <div className={styles.section}>
        <MessageBar intent={noTracker ? 'info' : 'error'} layout="multiline">
          <MessageBarBody>
            <MessageBarTitle>{noTracker ? PANE.noTrackerTitle : PANE.overviewFailedTitle}</MessageBarTitle>
            {noTracker ? PANE.noTrackerHint : message}
          </MessageBarBody>
        </MessageBar>
        {noTracker && initForm}
        {refreshRow}
      </div>
    );
  }

  const overview = state.view.overview;
  const taskCell = state.view.taskCell ?? ((row: number) => `C${row}`);
  const toItem = (task: OverviewTask): ListItem => ({
    key: `${task.row}`,
    title: task.task,
    meta: [task.lead, taskDeadlineText(task)].filter((s) => s !== '').join(' · '),
    action: PANE.goToTask(task.row),
    onActivate: () => onSelectTask(task, taskCell(task.row)),
  });

  return (
    <div className={styles.section}>
      <Progress overview={overview} />
      <NextReport overview={overview} />
      <TaskLists overview={overview} toItem={toItem} />
      <TthcSection
        tthc={overview.tthc}
        year={overview.year}
        busy={busy}
        cellOf={state.view.tthcCell ?? ((row: number) => `B${row}`)}
        onSelectRow={onSelectTthcCell}
        onAddSheet={onAddTthc}
      />
      {resultsEditor}
      {refreshRow}
    </div>
  );
}

/** When the overview was read, and the button that reads it again. */
function RefreshRow({
  state,
  onRefresh,
}: {
  state: Exclude<OverviewState, { status: 'loading' }>;
  onRefresh: () => void;
}): React.JSX.Element {
  const styles = usePaneStyles();
  const own = useStyles();
  return (
    <div className={own.status}>
      {state.status === 'ready' && (
        <Text size={200} className={styles.hint}>
          {PANE.updatedAt(timeText(state.loadedAt))}
        </Text>
      )}
      <Button appearance="subtle" size="small" onClick={onRefresh} disabled={state.refreshing}>
        {PANE.refresh}
      </Button>
      {state.refreshing && <Spinner size="extra-tiny" aria-label={PANE.refreshing} />}
    </div>
  );
}

/** The completion rate and the counts by state; a warning instead when the tracker has no task. */
function Progress({ overview }: { overview: Overview }): React.JSX.Element {
  if (overview.counts.tasks === 0)
    return (
      <MessageBar intent="warning" layout="multiline">
        <MessageBarBody>{PANE.noTasks}</MessageBarBody>
      </MessageBar>
    );
  return (
    <>
      <Field
        label={PANE.progressLabel(overview.year)}
        hint={
          overview.rate === null
            ? PANE.progressNothingDue
            : PANE.progressHint(overview.rateOnTime, overview.rateDue, percentText(overview.rate))
        }
      >
        <ProgressBar value={overview.rate ?? 0} max={1} thickness="large" color="success" />
      </Field>
      <StateBadges overview={overview} />
    </>
  );
}

/** The next report and the days left to it. */
function NextReport({ overview }: { overview: Overview }): React.JSX.Element {
  const own = useStyles();
  return (
    <PaneSection id="next-report-heading" heading={PANE.nextReportHeading}>
      <Text className={own.nextReport}>{nextReportText(overview.nextReport, overview.daysToNextReport)}</Text>
    </PaneSection>
  );
}

/** The rows with data errors (when there are), the overdue tasks and those due soon. */
function TaskLists({
  overview,
  toItem,
}: {
  overview: Overview;
  toItem: (task: OverviewTask) => ListItem;
}): React.JSX.Element {
  return (
    <>
      {overview.dataErrors.length > 0 && (
        <ItemList
          id="data-errors-heading"
          heading={PANE.dataErrorsHeading(overview.dataErrors.length)}
          items={overview.dataErrors.map(toItem)}
          empty=""
          tone="danger"
          clampTitles
          level="h2"
        />
      )}
      <ItemList
        id="overdue-heading"
        heading={PANE.overdueHeading(overview.overdue.length)}
        items={overview.overdue.map(toItem)}
        empty={PANE.noOverdue}
        tone="danger"
        clampTitles
        level="h2"
      />
      <ItemList
        id="due-soon-heading"
        heading={PANE.dueSoonHeading(overview.dueSoon.length)}
        items={overview.dueSoon.map(toItem)}
        empty={PANE.noDueSoon}
        tone="warning"
        clampTitles
        level="h2"
      />
    </>
  );
}
