/**
 * The ribbon button "Tổng hợp báo cáo" as a plain function of its dependencies, so that it can be tested
 * without Office: run the report, show the outcome, and always tell Office the command is done.
 */
import type { ActionOutcome } from '../app/types';
import { COMMAND } from '../i18n/ui';
import type { WorkbookPort } from '../workbook/port';

/** The part of Office.AddinCommands.Event the command uses. */
export interface CompletableEvent {
  completed(): void;
}

export interface CompileReportCommandDeps {
  /** The workbook to read and write. */
  port: WorkbookPort;
  /** The application action (src/app compileReport). */
  compileReport(port: WorkbookPort, options: { asOf: string }): Promise<ActionOutcome>;
  /** Shows the outcome to the user; resolves when the user has seen it (or it needs no answer). */
  notify(outcome: ActionOutcome): Promise<void>;
  /** Today as an ISO date (yyyy-mm-dd): the report's "as of" date. */
  today(): string;
}

function describe(error: unknown): string {
  if (error instanceof Error) return error.message;
  return typeof error === 'string' ? error : '';
}

/**
 * Runs the report and shows its outcome. Never throws: an unexpected error becomes a Vietnamese message, and
 * event.completed() is called in every case (Office otherwise keeps the button busy until its 5-minute
 * timeout).
 */
export async function runCompileReportCommand(
  event: CompletableEvent,
  deps: CompileReportCommandDeps,
): Promise<ActionOutcome> {
  let outcome: ActionOutcome;
  try {
    try {
      outcome = await deps.compileReport(deps.port, { asOf: deps.today() });
    } catch (error) {
      // The action turns every expected failure into an outcome; this is a bug or a lost connection. The
      // user gets a Vietnamese sentence, the details go to the developer tools only.
      console.error('compileReportCommand failed', describe(error));
      outcome = { ok: false, message: COMMAND.unexpectedError('') };
    }
    try {
      await deps.notify(outcome);
    } catch (error) {
      // Nothing else can reach the user from a ribbon command; leave a trace for the developer tools.
      console.error('compileReportCommand: could not show the outcome', error);
    }
    return outcome;
  } finally {
    event.completed();
  }
}
