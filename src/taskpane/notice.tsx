import * as React from 'react';
import {
  Button,
  MessageBar,
  MessageBarActions,
  MessageBarBody,
  MessageBarTitle,
  Spinner,
  makeStyles,
  tokens,
} from '@fluentui/react-components';
import { PANE } from '../i18n/ui';
import type { CheckView, PaneOutcome } from './actions';

type NoticeIntent = 'success' | 'warning' | 'error' | 'info';

/** The pane's pieces of work; one runs at a time. */
export type Work = 'init' | 'check' | 'report' | 'settings' | 'rollover' | 'consolidate';

/** Where a piece of work reports: next to its button, or at the top of the pane. */
export type Place = 'top' | Work;

export interface Running {
  work: Work;
  place: Place;
}

/** What the message bar says after a piece of work, and where it offers to go. */
export interface Notice {
  place: Place;
  intent: NoticeIntent;
  title: string;
  message: string;
  /** The action's warnings, and what the host could not do as designed (WorkbookPort.lastWarnings). */
  notes?: readonly string[];
  /** "Vị trí: trang …, ô …" for an error that has a place. */
  location?: string;
  /** A button that selects this cell: the sheet just written, or the cell of a problem. */
  target?: { sheet: string; cell: string; label: string };
}

/**
 * How an outcome is shown. A failure is an error, with its place when it has one; a success offers to open
 * the sheet it wrote (`openTarget`), and turns into a warning when the host wrote less than designed.
 */
export function noticeFor(outcome: PaneOutcome, place: Place, opts: { openTarget?: boolean } = {}): Notice {
  if (!outcome.ok && outcome.reason === 'busy') {
    // Not a failure: another action of the add-in was running; this one did not start.
    return { place, intent: 'warning', title: PANE.outcomeTitle.warning, message: outcome.message };
  }
  if (!outcome.ok) {
    const notice: Notice = {
      place,
      intent: 'error',
      title: PANE.outcomeTitle.error,
      message: outcome.message,
    };
    if (outcome.sheet && outcome.cell) {
      notice.location = PANE.location(outcome.sheet, outcome.cell);
      notice.target = { sheet: outcome.sheet, cell: outcome.cell, label: PANE.goToProblem(outcome.cell) };
    }
    return notice;
  }
  const notes = outcome.notes ?? [];
  const notice: Notice = {
    place,
    intent: notes.length > 0 ? 'warning' : 'success',
    title: notes.length > 0 ? PANE.outcomeTitle.warning : PANE.outcomeTitle.success,
    message: outcome.message,
  };
  if (notes.length > 0) notice.notes = notes;
  if (opts.openTarget && outcome.sheet) {
    notice.target = {
      sheet: outcome.sheet,
      cell: outcome.cell ?? 'A1',
      label: PANE.openSheet(outcome.sheet),
    };
  }
  return notice;
}

/** A check that ran is a success, a warning or an error by what it found; one that could not run is a failure. */
export function checkNoticeFor(outcome: CheckView, place: Place): Notice {
  if (!outcome.result) return noticeFor(outcome, place);
  const { errors, warnings } = outcome.result;
  const intent = errors.length > 0 ? 'error' : warnings.length > 0 ? 'warning' : 'success';
  return { place, intent, title: PANE.checkTitle[intent], message: outcome.message };
}

const useStyles = makeStyles({
  // Always in the page (screen readers announce changes only in live regions that already exist), taking
  // no room while empty.
  live: {
    display: 'flex',
    flexDirection: 'column',
    rowGap: tokens.spacingVerticalS,
    // Out of the flow (no gap in the column) but still in the accessibility tree.
    ':empty': { position: 'absolute', width: '1px', height: '1px', overflow: 'hidden' },
  },
  spinner: { justifyContent: 'flex-start' },
  notes: { margin: `${tokens.spacingVerticalXS} 0 0`, paddingLeft: tokens.spacingHorizontalL },
  location: { display: 'block', marginTop: tokens.spacingVerticalXS, fontWeight: tokens.fontWeightSemibold },
});

interface NoticeBarProps {
  notice: Notice;
  onGoTo: (sheet: string, cell: string) => void;
  onDismiss: () => void;
}

function NoticeBar({ notice, onGoTo, onDismiss }: NoticeBarProps): React.JSX.Element {
  const styles = useStyles();
  const { target } = notice;
  // The outcome of what the user just asked for: focus goes to its first button (go to the sheet or the
  // cell, else close), so a keyboard or screen-reader user lands on it rather than on a button now disabled.
  const firstButton = React.useRef<HTMLButtonElement>(null);
  React.useEffect(() => {
    firstButton.current?.focus();
  }, [notice]);
  return (
    <MessageBar intent={notice.intent} layout="multiline">
      <MessageBarBody>
        <MessageBarTitle>{notice.title}</MessageBarTitle>
        {notice.message}
        {notice.location && <span className={styles.location}>{notice.location}</span>}
        {notice.notes && (
          <ul className={styles.notes}>
            {notice.notes.map((note) => (
              <li key={note}>{note}</li>
            ))}
          </ul>
        )}
      </MessageBarBody>
      <MessageBarActions>
        {target && (
          <Button
            ref={firstButton}
            appearance="primary"
            size="small"
            onClick={() => onGoTo(target.sheet, target.cell)}
          >
            {target.label}
          </Button>
        )}
        <Button
          ref={target ? undefined : firstButton}
          appearance="transparent"
          size="small"
          onClick={onDismiss}
        >
          {PANE.dismiss}
        </Button>
      </MessageBarActions>
    </MessageBar>
  );
}

export interface FeedbackProps {
  place: Place;
  running: Running | null;
  notice: Notice | null;
  onGoTo: (sheet: string, cell: string) => void;
  onDismiss: () => void;
}

/** The spinner of the work running and the message bar of its outcome, where that work reports. */
export function Feedback({ place, running, notice, onGoTo, onDismiss }: FeedbackProps): React.JSX.Element {
  const styles = useStyles();
  return (
    <div className={styles.live} aria-live="polite" data-feedback={place}>
      {running?.place === place && (
        <Spinner
          className={styles.spinner}
          size="tiny"
          labelPosition="after"
          label={PANE.working[running.work]}
        />
      )}
      {notice?.place === place && <NoticeBar notice={notice} onGoTo={onGoTo} onDismiss={onDismiss} />}
    </div>
  );
}
