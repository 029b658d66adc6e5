/**
 * A day typed on the command line (--as-of, --today, --period's day form): YYYY-MM-DD, or dd/mm/yyyy as
 * Vietnamese write it (d/m/yyyy and dd.mm.yyyy too). A well-formed day that does not exist (30/02) is said to
 * not exist, with the month's length, never called "not a date in the form …".
 */
import { daysInMonth, isoFromYmd, isValidYmd, type IsoDate } from '../domain/dates';
import { CLI } from '../i18n/cli';
import { UsageError } from './args';

export type DayParse =
  | { ok: true; iso: IsoDate }
  | { ok: false; reason: 'format' }
  | { ok: false; reason: 'nonexistent'; year: number; month: number; day: number };

/** Reads a typed day in either form. */
export function parseDay(text: string): DayParse {
  const t = text.trim();
  let m = /^(\d{4})-(\d{1,2})-(\d{1,2})$/.exec(t);
  let ymd: [number, number, number] | undefined;
  if (m) ymd = [Number(m[1]), Number(m[2]), Number(m[3])];
  else {
    m = /^(\d{1,2})[/.](\d{1,2})[/.](\d{4})$/.exec(t);
    if (m) ymd = [Number(m[3]), Number(m[2]), Number(m[1])];
  }
  if (!ymd) return { ok: false, reason: 'format' };
  const [year, month, day] = ymd;
  if (!isValidYmd(year, month, day)) return { ok: false, reason: 'nonexistent', year, month, day };
  return { ok: true, iso: isoFromYmd(year, month, day) };
}

/** The day an option names, or UsageError with the one true line (which option, what was typed, why). */
export function dayOption(name: string, value: string | true, command: string): IsoDate {
  if (value === true) throw new UsageError(CLI.badDate(name, ''), command);
  const parsed = parseDay(value);
  if (parsed.ok) return parsed.iso;
  if (parsed.reason === 'nonexistent') {
    const { year, month, day } = parsed;
    const monthDays = month >= 1 && month <= 12 ? daysInMonth(year, month) : undefined;
    throw new UsageError(CLI.dateDoesNotExist(name, value, day, month, year, monthDays), command);
  }
  throw new UsageError(CLI.badDate(name, value), command);
}
