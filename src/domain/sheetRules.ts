/**
 * How the workbook's own formulas read a cell. The Tình trạng hạn formula (src/sheets/stateFormula.ts) and the
 * Tổng hợp formulas (src/sheets/summarySheet.ts) are built from the constants here, and the domain reads every
 * cell through the functions here, so the add-in, the CLI and a spreadsheet without the add-in (Excel,
 * LibreOffice) see the same thing in every cell, however a person typed it:
 *
 * - a date is a number (a serial of the 1900 date system, any time of day, INT() taken) from 01/03/1900 to
 *   31/12/9999; a blank cell or text of spaces only is no date; anything else in a date column (a date typed
 *   as text, a number stored as text, TRUE, an error value, a serial out of range) cannot be read;
 * - a status is compared as Excel's TRIM leaves it (only the ASCII space is trimmed and inner runs of it
 *   collapsed; a non-breaking space or a tab stays) and regardless of case (LOWER), code unit for code unit
 *   (EXACT): "hoàn thành" is Hoàn thành, "Hoàn thành" followed by a non-breaking space is not. Each list value
 *   is also accepted in its decomposed (NFD) and half-composed spellings, which the formula lists one by one.
 *   A status that is none of them (another word, "hoan thanh", a number, an error value) makes the row
 *   "Lỗi dữ liệu" (readStatusCell);
 * - COUNTIFS matches a Mục or a lead body regardless of case but otherwise exactly (no trimming, no Unicode
 *   normalisation), which matchKey() states.
 *
 * LibreOffice behaves so (test/interop holds it). Excel's documented behaviour is the same for TRIM, case and
 * the number/text order; whether Excel equates canonically equivalent (NFC/NFD) text in COUNTIFS is not
 * documented, so the check reports such a Mục or lead as an error with a one-click fix.
 */
import { STATE_LABEL, STATUS_LABEL } from '../i18n/vi';
import { isoFromSerial, type IsoDate } from './dates';
import type { TaskStatus } from './deadline';
import { cellText, isErrorCell, type GridCell } from './grid';

/** First serial read as a date: 01/03/1900 (Excel and LibreOffice disagree about the days before it). */
export const FIRST_DATE_SERIAL = 61;
/** One past the last serial read as a date (31/12/9999 is 2,958,465). */
export const END_DATE_SERIAL = 2_958_466;

/** Excel's and LibreOffice's TRIM: ASCII spaces only, at both ends, and inner runs collapsed to one. */
export function excelTrim(text: string): string {
  return text.replace(/ {2,}/g, ' ').replace(/^ | $/g, '');
}

export type DateCell =
  | { kind: 'blank' }
  | { kind: 'date'; iso: IsoDate }
  /** The formula cannot read it: the row shows "Lỗi dữ liệu". */
  | { kind: 'unreadable' };

/** A date column's cell as the formula reads it. */
export function readDateCell(v: GridCell): DateCell {
  if (v === null) return { kind: 'blank' };
  if (typeof v === 'string') return excelTrim(v) === '' ? { kind: 'blank' } : { kind: 'unreadable' };
  if (typeof v === 'number') {
    if (!Number.isFinite(v) || v < FIRST_DATE_SERIAL || v >= END_DATE_SERIAL) return { kind: 'unreadable' };
    const iso = isoFromSerial(Math.floor(v));
    return iso === null ? { kind: 'unreadable' } : { kind: 'date', iso };
  }
  return { kind: 'unreadable' };
}

/** Does the row count as a task? The formula shows nothing where TRIM(Nội dung) is empty. */
export function isListedTask(v: GridCell): boolean {
  if (v === null) return false;
  if (typeof v === 'string') return excelTrim(v) !== '';
  return true; // numbers, booleans, and error values (the row then shows "Lỗi dữ liệu")
}

/**
 * Every spelling of a label the formula accepts, in lower case (it compares LOWER(TRIM(cell)) with EXACT): each
 * Vietnamese letter precomposed (NFC, as the dropdown writes it), fully decomposed (NFD), or with some of its
 * marks precomposed and the rest combining ("ê" + dot below, as Windows' Vietnamese keyboard types "ệ"). Other
 * orders of combining marks are not listed: such a cell is "Lỗi dữ liệu", with the fix offered.
 */
export function labelSpellings(label: string): string[] {
  let forms = [''];
  for (const ch of label.normalize('NFC').toLowerCase()) {
    const nfd = [...ch.normalize('NFD')];
    const base = nfd[0];
    const marks = nfd.slice(1);
    const ways: string[] = [];
    for (let mask = 0; mask < 1 << marks.length; mask++) {
      const kept = marks.filter((_, i) => (mask & (1 << i)) !== 0);
      const rest = marks.filter((_, i) => (mask & (1 << i)) === 0);
      const pre = (base + kept.join('')).normalize('NFC');
      if ([...pre].length === 1) ways.push(pre + rest.join(''));
    }
    const unique = [...new Set(ways)];
    forms = forms.flatMap((f) => unique.map((w) => f + w));
  }
  return forms;
}

const STATUS_KEYS = Object.keys(STATUS_LABEL) as TaskStatus[];

/** The spellings of each list value the formula accepts (lower case; see labelSpellings). */
const STATUS_SPELLINGS_ACCEPTED: Readonly<Record<TaskStatus, readonly string[]>> = {
  notStarted: labelSpellings(STATUS_LABEL.notStarted),
  inProgress: labelSpellings(STATUS_LABEL.inProgress),
  done: labelSpellings(STATUS_LABEL.done),
};

/** The spellings of "Hoàn thành" the formula reads as done. */
export const DONE_SPELLINGS: readonly string[] = STATUS_SPELLINGS_ACCEPTED.done;

/** Every spelling of a list value the formula accepts: any other non-blank status is "Lỗi dữ liệu". */
export const LISTED_STATUS_SPELLINGS: readonly string[] = STATUS_KEYS.flatMap(
  (k) => STATUS_SPELLINGS_ACCEPTED[k],
);

const STATUS_BY_SPELLING = new Map<string, TaskStatus>(
  STATUS_KEYS.flatMap((k) => STATUS_SPELLINGS_ACCEPTED[k].map((s): [string, TaskStatus] => [s, k])),
);

export type StatusCell =
  /** Blank, or text of spaces only: no status (the task is open). */
  | { kind: 'blank' }
  | { kind: 'status'; status: TaskStatus }
  /** Anything else, an error value too: the row shows "Lỗi dữ liệu". */
  | { kind: 'unlisted' };

/**
 * Trạng thái as the formula reads it: TRIM (ASCII spaces), then LOWER, then EXACT against the accepted spellings.
 * EXACT, not "=": Excel's "=" compares text by the Windows collation (which can ignore zero-width characters and
 * equate other Unicode forms), LibreOffice's code unit by code unit; EXACT compares code units in both, so the
 * rule is the same in Excel, LibreOffice and here. A number, TRUE/FALSE or an error value is no status.
 */
export function readStatusCell(v: GridCell): StatusCell {
  if (v === null) return { kind: 'blank' };
  if (typeof v !== 'string') return { kind: 'unlisted' };
  const t = excelTrim(v);
  if (t === '') return { kind: 'blank' };
  const status = STATUS_BY_SPELLING.get(t.toLowerCase());
  return status ? { kind: 'status', status } : { kind: 'unlisted' };
}

/**
 * A Mục or lead cell as COUNTIFS compares it with a criterion: its text as stored (compared regardless of case,
 * see rollup.countifsKey). Error values match nothing (null).
 */
export function matchText(v: GridCell): string | null {
  if (isErrorCell(v)) return null;
  return cellText(v);
}

/** The warning-days setting as the formula reads it: a number from 0 to 365 (its whole part), else 7. */
export const DEFAULT_WARNING_DAYS = 7;
export const MAX_WARNING_DAYS = 365;

export function warningDaysOf(v: GridCell): number | null {
  if (typeof v !== 'number' || !Number.isFinite(v) || v < 0 || v > MAX_WARNING_DAYS) return null;
  return Math.floor(v);
}

/*
 * "Hồ sơ TTHC" (src/sheets/tthcSheet.ts builds its formulas from what follows): a row's counts, month and
 * field as the Tổng số hồ sơ formula reads them. A row is counted only where every cell of it is readable;
 * otherwise the formula shows "Lỗi dữ liệu" and Tổng hợp leaves the row out (src/domain/tthc.ts).
 * test/interop/tthcDifferential.test.ts holds it against LibreOffice. One difference is LibreOffice's own: it
 * has no boolean type and tells TRUE from 1 by the cell's number format, so a TRUE pasted into a cell formatted
 * as a number is the count 1 there, while Excel (and the domain) cannot read it.
 */

/** Label the Tổng số hồ sơ formula shows on a row it cannot read (the tracker's word for the same thing). */
export const TTHC_DATA_ERROR = STATE_LABEL.dataError;

export type CountCell =
  | { kind: 'blank' }
  | { kind: 'count'; value: number }
  /** Text (a number stored as text too), a decimal, a negative number, TRUE/FALSE, an error value. */
  | { kind: 'unreadable' };

/**
 * The largest count a cell may hold: far above any commune's month, and low enough that every sum of the sheet,
 * Tổng hợp and the report is exact. A count above it is a typo (extra zeros) the formula shows as "Lỗi dữ liệu".
 */
export const MAX_COUNT = 1_000_000;

/**
 * A dossier count as the formula reads it: a blank cell or text of spaces only is blank (no dossiers); a
 * whole number from 0 to MAX_COUNT is a count; anything else cannot be read.
 */
export function readCountCell(v: GridCell): CountCell {
  if (v === null) return { kind: 'blank' };
  if (typeof v === 'string') return excelTrim(v) === '' ? { kind: 'blank' } : { kind: 'unreadable' };
  if (typeof v === 'number') {
    if (!Number.isFinite(v) || v < 0 || v > MAX_COUNT || Math.floor(v) !== v) return { kind: 'unreadable' };
    return { kind: 'count', value: v === 0 ? 0 : v };
  }
  return { kind: 'unreadable' };
}

/** A month as the formula reads it: a whole number from 1 to 12, else null (blank, text, 3.5, 13…). */
export function readMonthCell(v: GridCell): number | null {
  if (typeof v !== 'number' || !Number.isInteger(v) || v < 1 || v > 12) return null;
  return v;
}

/**
 * A field (Lĩnh vực) as the formula reads it: text that TRIM does not empty, kept as stored (Tổng hợp's
 * criteria compare it as COUNTIFS does, rollup.countifsKey); null for blank, a number, TRUE, an
 * error value.
 */
export function readFieldCell(v: GridCell): string | null {
  if (typeof v !== 'string' || excelTrim(v) === '') return null;
  return v;
}
