/**
 * Why a file could not be read, as data: the reader's modules throw these, and the adapter turns each into
 * one true Vietnamese line (i18n/xlsx.ts) — damaged, not an .xlsx, an old .xls, Strict Open XML,
 * password-protected, or past a named limit (limits.ts) — never a stack trace or an English message.
 */
import { LIMIT_VALUES } from '../limits';
import { WorkbookError } from '../port';
import { type LimitName, type UnreadableReason, unreadableMessage } from '../../i18n/xlsx';
import { XmlDepthError, XmlError } from './xml';

export type { UnreadableReason } from '../../i18n/xlsx';

/**
 * A file the adapter cannot read, and why. A WorkbookError whose code is 'unsupported', because the adapter
 * words the message itself (the application shows it as is).
 */
export class UnreadableWorkbookError extends WorkbookError {
  constructor(readonly reason: UnreadableReason) {
    super('unsupported', reason.kind === 'limit' ? reason.sheet : undefined, unreadableMessage(reason));
    this.name = 'UnreadableWorkbookError';
  }
}

/** Shorthand for the reader's modules. */
export function unreadable(reason: UnreadableReason): UnreadableWorkbookError {
  return new UnreadableWorkbookError(reason);
}

export function limitExceeded(
  limit: LimitName,
  where: { part?: string; sheet?: string; found?: number } = {},
): UnreadableWorkbookError {
  return new UnreadableWorkbookError({ kind: 'limit', limit, max: LIMIT_VALUES[limit], ...where });
}

/**
 * Runs a read of one part, turning malformed XML into a damaged file and too deep a nesting into the named
 * limit, both naming the part.
 */
export function readingPart<T>(part: string, read: () => T): T {
  try {
    return read();
  } catch (error) {
    if (error instanceof XmlDepthError) throw limitExceeded('xmlDepth', { part });
    if (error instanceof XmlError) throw unreadable({ kind: 'damaged', part });
    throw error;
  }
}
