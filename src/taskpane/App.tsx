import * as React from 'react';
import {
  Button,
  Divider,
  Field,
  Link,
  MessageBar,
  MessageBarActions,
  MessageBarBody,
  MessageBarTitle,
  Select,
  Spinner,
  Subtitle1,
  Subtitle2,
  Text,
  makeStyles,
  tokens,
} from '@fluentui/react-components';
import type { ActionOutcome } from '../app/types';
import type { CheckResult, Problem } from '../domain/problems';
import { PANE } from '../i18n/ui';
import type { CheckView, PaneActions } from './actions';

export interface AppProps {
  actions: PaneActions;
  /** The year the picker starts at and centres on; defaults to the current year. */
  currentYear?: number;
}

type Work = 'init' | 'check' | 'report';

interface Notice {
  intent: 'success' | 'warning' | 'error';
  message: string;
}

/** Years offered by the picker: three either side of the current year. */
export function yearChoices(currentYear: number): number[] {
  return Array.from({ length: 7 }, (_, i) => currentYear - 3 + i);
}

/** How an outcome is shown: failures as errors, a check that found problems as a warning. */
export function noticeFor(outcome: CheckView): Notice {
  if (!outcome.ok) return { intent: 'error', message: outcome.message };
  const found = outcome.result ? outcome.result.errors.length + outcome.result.warnings.length : 0;
  return { intent: found > 0 ? 'warning' : 'success', message: outcome.message };
}

function describe(error: unknown): string {
  if (error instanceof Error) return error.message;
  return typeof error === 'string' ? error : '';
}

const useStyles = makeStyles({
  root: {
    display: 'flex',
    flexDirection: 'column',
    rowGap: tokens.spacingVerticalL,
    padding: `${tokens.spacingVerticalL} ${tokens.spacingHorizontalL}`,
  },
  header: { display: 'flex', flexDirection: 'column', rowGap: tokens.spacingVerticalXS },
  section: { display: 'flex', flexDirection: 'column', rowGap: tokens.spacingVerticalS },
  hint: { color: tokens.colorNeutralForeground3 },
  row: { display: 'flex', alignItems: 'flex-end', columnGap: tokens.spacingHorizontalS, flexWrap: 'wrap' },
  list: {
    margin: 0,
    padding: 0,
    listStyleType: 'none',
    display: 'flex',
    flexDirection: 'column',
    rowGap: tokens.spacingVerticalS,
  },
  problem: { textAlign: 'left', display: 'block' },
  spinner: { justifyContent: 'flex-start' },
  // Stays in the page (screen readers announce changes only in live regions that already exist), but takes
  // no room while empty.
  live: {
    display: 'flex',
    flexDirection: 'column',
    rowGap: tokens.spacingVerticalS,
    ':empty': { marginTop: `calc(-1 * ${tokens.spacingVerticalL})` },
  },
  address: { fontWeight: tokens.fontWeightSemibold },
});

export function App({ actions, currentYear = new Date().getFullYear() }: AppProps): React.JSX.Element {
  const styles = useStyles();
  const [year, setYear] = React.useState(currentYear);
  const [running, setRunning] = React.useState<Work | null>(null);
  const [notice, setNotice] = React.useState<Notice | null>(null);
  const [check, setCheck] = React.useState<CheckResult | null>(null);
  // The state above re-renders asynchronously; the ref closes the gap so that a double click, or a click on
  // another button in the same frame, never starts a second piece of work.
  const runningRef = React.useRef(false);

  const run = async <T extends ActionOutcome>(work: Work, task: () => Promise<T>): Promise<T | undefined> => {
    if (runningRef.current) return undefined;
    runningRef.current = true;
    setRunning(work);
    setNotice(null);
    try {
      return await task();
    } catch (error) {
      setNotice({ intent: 'error', message: PANE.unexpectedError(describe(error)) });
      return undefined;
    } finally {
      runningRef.current = false;
      setRunning(null);
    }
  };

  const onInit = async () => {
    const outcome = await run('init', () => actions.initTracker(year));
    if (!outcome) return;
    setNotice(noticeFor(outcome));
    if (outcome.ok) setCheck(null); // the sheets changed: an earlier check no longer applies
  };

  const onCheck = async () => {
    const outcome = await run('check', () => actions.checkTracker());
    if (!outcome) return;
    setNotice(noticeFor(outcome));
    setCheck(outcome.result ?? null);
  };

  const onReport = async () => {
    const outcome = await run('report', () => actions.compileReport());
    if (outcome) setNotice(noticeFor(outcome));
  };

  const onSelect = async (problem: Problem) => {
    try {
      await actions.selectCell(problem.sheet, problem.cell);
    } catch {
      setNotice({ intent: 'error', message: PANE.selectFailed(problem.sheet, problem.cell) });
    }
  };

  const busy = running !== null;

  const problemList = (problems: Problem[], heading: string, id: string) =>
    problems.length === 0 ? null : (
      <section className={styles.section} aria-labelledby={id}>
        <Subtitle2 as="h3" id={id}>
          {heading}
        </Subtitle2>
        <ul className={styles.list}>
          {problems.map((problem, i) => (
            <li key={`${problem.sheet}!${problem.cell}#${problem.code}#${i}`}>
              <Link
                as="button"
                className={styles.problem}
                title={PANE.goToCell(problem.sheet, problem.cell)}
                onClick={() => void onSelect(problem)}
              >
                <span className={styles.address}>{PANE.problemAt(problem.sheet, problem.cell)}</span>
                {` — ${problem.message}`}
              </Link>
            </li>
          ))}
        </ul>
      </section>
    );

  return (
    <main className={styles.root} aria-busy={busy}>
      <header className={styles.header}>
        <Subtitle1 as="h1">{PANE.title}</Subtitle1>
        <Text className={styles.hint}>{PANE.subtitle}</Text>
      </header>

      <div className={styles.live} aria-live="polite">
        {running && (
          <Spinner
            className={styles.spinner}
            size="tiny"
            labelPosition="after"
            label={PANE.working[running]}
          />
        )}
        {notice && (
          <MessageBar intent={notice.intent} layout="multiline">
            <MessageBarBody>
              <MessageBarTitle>{PANE.outcomeTitle[notice.intent]}</MessageBarTitle>
              {notice.message}
            </MessageBarBody>
            <MessageBarActions>
              <Button appearance="transparent" size="small" onClick={() => setNotice(null)}>
                {PANE.dismiss}
              </Button>
            </MessageBarActions>
          </MessageBar>
        )}
      </div>

      <section className={styles.section} aria-labelledby="init-heading">
        <Subtitle2 as="h2" id="init-heading">
          {PANE.initHeading}
        </Subtitle2>
        <Text className={styles.hint}>{PANE.initHint}</Text>
        <div className={styles.row}>
          <Field label={PANE.yearLabel}>
            <Select value={String(year)} onChange={(_, data) => setYear(Number(data.value))} disabled={busy}>
              {yearChoices(currentYear).map((y) => (
                <option key={y} value={y}>
                  {y}
                </option>
              ))}
            </Select>
          </Field>
          <Button appearance="primary" disabled={busy} onClick={() => void onInit()}>
            {PANE.initButton}
          </Button>
        </div>
      </section>

      <Divider />

      <section className={styles.section} aria-labelledby="check-heading">
        <Subtitle2 as="h2" id="check-heading">
          {PANE.checkHeading}
        </Subtitle2>
        <Text className={styles.hint}>{PANE.checkHint}</Text>
        <div>
          <Button disabled={busy} onClick={() => void onCheck()}>
            {PANE.checkButton}
          </Button>
        </div>
        {check && check.errors.length + check.warnings.length === 0 && <Text>{PANE.noProblems}</Text>}
        {check && problemList(check.errors, PANE.errorsHeading(check.errors.length), 'errors-heading')}
        {check &&
          problemList(check.warnings, PANE.warningsHeading(check.warnings.length), 'warnings-heading')}
      </section>

      <Divider />

      <section className={styles.section} aria-labelledby="report-heading">
        <Subtitle2 as="h2" id="report-heading">
          {PANE.reportHeading}
        </Subtitle2>
        <Text className={styles.hint}>{PANE.reportHint}</Text>
        <div>
          <Button disabled={busy} onClick={() => void onReport()}>
            {PANE.reportButton}
          </Button>
        </div>
      </section>
    </main>
  );
}
