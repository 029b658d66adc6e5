/**
 * The ribbon button "Tổng hợp báo cáo" as a plain function of its dependencies, so that it can be tested
 * without Office: run the report, tell the user what came of it (success or failure) within the command's
 * lifetime, and always tell Office the command is done.
 */
import type { ActionOutcome } from '../app/types';
import { ACTION_NAME, COMMAND, OUTCOME } from '../i18n/ui';
import type { WorkbookPort } from '../workbook/port';
import type { ActionLock } from './actionLock';
import { describeError, outcomeNotice, type OutcomeExtras } from './outcomeText';

/** The part of Office.AddinCommands.Event the command uses. */
export interface CompletableEvent {
  completed(): void;
}

/**
 * Office ends a function command five minutes after it starts ("Add-in commands": the function must call
 * event.completed() within that time). Everything the command does is timed from its start, with half a
 * minute to spare.
 */
export const COMMAND_LIFETIME_MS = 5 * 60 * 1000;
export const COMMAND_BUDGET_MS = COMMAND_LIFETIME_MS - 30 * 1000;
/** At least this long is kept for the user to read the notice: the report itself may take the rest. */
export const NOTICE_RESERVE_MS = 60 * 1000;

export interface CompileReportCommandDeps {
  /** The workbook to read and write. */
  port: WorkbookPort;
  /** The application action (src/app compileReport). */
  compileReport(port: WorkbookPort, options: { asOf: string }): Promise<ActionOutcome & OutcomeExtras>;
  /**
   * Shows the notice to the user; resolves when the user has closed it, or at `deadline` (ms since the
   * epoch, as `now` counts) at the latest.
   */
  notify(notice: ActionOutcome, deadline: number): Promise<void>;
  /** Today as an ISO date (yyyy-mm-dd): the report's "as of" date. */
  today(): string;
  /** One action at a time in this workbook, shared with the task pane. */
  lock?: ActionLock;
  /** The clock (Date.now). */
  now?(): number;
  /** A timer (setTimeout) that can be cancelled. */
  timer?(ms: number, fire: () => void): () => void;
}

const defaultTimer = (ms: number, fire: () => void): (() => void) => {
  const handle = setTimeout(fire, Math.max(0, ms));
  return () => clearTimeout(handle);
};

/** The report, or undefined when it has not finished by `ms` from now. */
function within<T>(work: Promise<T>, ms: number, timer: NonNullable<CompileReportCommandDeps['timer']>) {
  return new Promise<T | undefined>((resolve, reject) => {
    const cancel = timer(ms, () => resolve(undefined));
    work.then(
      (value) => {
        cancel();
        resolve(value);
      },
      (error: unknown) => {
        cancel();
        reject(error);
      },
    );
  });
}

/**
 * Runs the report and shows what came of it: on success the report's sheet, period, how many rows have data
 * errors and any notes of what this Excel could not do as designed; on failure what is wrong and what to do.
 * Never throws: an unexpected error becomes a Vietnamese message (its detail goes to the console), and
 * event.completed() is called exactly once in every case, before Office's five minutes are up: a report
 * still running after the budget (Excel waiting for a cell edit to end, say) is reported as such.
 * Returns the notice shown.
 */
export async function runCompileReportCommand(
  event: CompletableEvent,
  deps: CompileReportCommandDeps,
): Promise<ActionOutcome> {
  const now = deps.now ?? Date.now;
  const timer = deps.timer ?? defaultTimer;
  const deadline = now() + COMMAND_BUDGET_MS;
  let notice: ActionOutcome;
  try {
    try {
      const run = async (): Promise<ActionOutcome & OutcomeExtras> =>
        deps.compileReport(deps.port, { asOf: deps.today() });
      const work = deps.lock
        ? deps.lock.run('report', run).then((locked) =>
            locked.ran
              ? locked.value
              : {
                  ok: false,
                  reason: 'busy' as const,
                  message: OUTCOME.busy(locked.running && ACTION_NAME[locked.running]),
                },
          )
        : run();
      const outcome = await within(work, deadline - NOTICE_RESERVE_MS - now(), timer);
      notice = outcome
        ? outcomeNotice(outcome, deps.port.lastWarnings ?? [])
        : { ok: false, message: COMMAND.stillWaiting };
    } catch (error) {
      // The action turns every expected failure into an outcome; this is a bug or a lost connection. The
      // user gets a Vietnamese sentence, the details go to the developer tools only.
      console.error('compileReportCommand failed', describeError(error));
      notice = { ok: false, message: COMMAND.unexpectedError('') };
    }
    try {
      await deps.notify(notice, deadline);
    } catch (error) {
      // Nothing else can reach the user from a ribbon command; leave a trace for the developer tools.
      console.error('compileReportCommand: could not show the outcome', error);
    }
    return notice;
  } finally {
    event.completed();
  }
}
