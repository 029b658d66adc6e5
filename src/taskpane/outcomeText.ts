/**
 * What the user is told of an action's outcome in the task pane (the ribbon's "Tổng hợp báo cáo" opens the pane
 * and runs there): the
 * action's own message (the report's says its sheet, its period and how many tracker rows have data errors),
 * then the action's warnings and the notes of what this Excel could not do as designed (the adapter's
 * lastWarnings), each once. And, for an unexpected error, the detail of it that may be shown or logged.
 */
import type { ActionOutcome } from '../app/types';

/** Optional fields of an outcome that add lines to what the user reads (ReportOutcome has them). */
export interface OutcomeExtras {
  warnings?: readonly string[];
}

/** The lines under an outcome's message, in the order the user should read them. */
export function outcomeNotes(outcome: ActionOutcome & OutcomeExtras, hostNotes: readonly string[]): string[] {
  const lines: string[] = [];
  for (const note of [...(outcome.warnings ?? []), ...(outcome.ok ? hostNotes : [])])
    if (note && !lines.includes(note)) lines.push(note);
  return lines;
}

/** An unexpected error's own message (a thrown string as it is), else nothing: the detail after a sentence. */
export function describeError(error: unknown): string {
  if (error instanceof Error) return error.message;
  return typeof error === 'string' ? error : '';
}
