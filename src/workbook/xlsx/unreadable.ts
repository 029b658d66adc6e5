/**
 * Why a file could not be read, as data: the reader's modules throw these, and the adapter turns each into
 * one true Vietnamese line (i18n/xlsx.ts) — damaged, not an .xlsx, an old .xls, Strict Open XML,
 * password-protected, or past a named limit (limits.ts) — never a stack trace or an English message.
 */
import { type LimitName } from '../limits';
import { WorkbookError } from '../port';
import { unreadableMessage } from '../../i18n/xlsx';
import { XmlDepthError, XmlError } from './xml';

export type UnreadableReason =
  /** Neither a zip package nor a file format we can name. */
  | { kind: 'notXlsx' }
  /** An Excel 97–2003 workbook (a Compound File Binary) renamed or saved as .xlsx. */
  | { kind: 'legacyXls' }
  /** Password-protected: Excel's encrypted package, or a zip whose entries are encrypted. */
  | { kind: 'encrypted' }
  /** ISO/IEC 29500 Strict Open XML, which the reader does not handle. */
  | { kind: 'strict' }
  /** A zip package that is not a spreadsheet (a .docx renamed, say). */
  | { kind: 'notWorkbook' }
  /** Broken: a truncated zip, data that does not unzip, malformed XML. `part` when it is known. */
  | { kind: 'damaged'; part?: string }
  /** Past one of the limits of limits.ts; `found` is the value met when it is known. */
  | { kind: 'limit'; limit: LimitName; part?: string; sheet?: string; found?: number }
  /** Two zip entries with the same name (one would silently hide the other). */
  | { kind: 'duplicateEntry'; name: string }
  /** An entry named outside the package ("../x", "/x", "C:\x"). */
  | { kind: 'entryOutside'; name: string }
  /** A relationship (not marked external) whose target lies outside the package. */
  | { kind: 'relationshipOutside'; source: string; target: string };

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
  return new UnreadableWorkbookError({ kind: 'limit', limit, ...where });
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
