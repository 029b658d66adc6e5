/**
 * Dates. In code and JSON a date is an ISO string "yyyy-mm-dd" (a calendar day, no time zone); people see
 * "dd/mm/yyyy"; Excel stores a serial number (1900 date system). All arithmetic is done in UTC so no time
 * zone or daylight-saving shift can move a day.
 */

/** A calendar date as "yyyy-mm-dd". */
export type IsoDate = string;

const MS_PER_DAY = 86_400_000;
/** Excel's day 0 for serials ≥ 61 (it counts the non-existent 29/02/1900 as day 60). */
const EXCEL_EPOCH_UTC = Date.UTC(1899, 11, 30);

function isLeapYear(year: number): boolean {
  return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
}

export function daysInMonth(year: number, month: number): number {
  return [31, isLeapYear(year) ? 29 : 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31][month - 1];
}

export function isValidYmd(year: number, month: number, day: number): boolean {
  return (
    Number.isInteger(year) &&
    Number.isInteger(month) &&
    Number.isInteger(day) &&
    year >= 1 &&
    year <= 9999 &&
    month >= 1 &&
    month <= 12 &&
    day >= 1 &&
    day <= daysInMonth(year, month)
  );
}

export function isoFromYmd(year: number, month: number, day: number): IsoDate {
  if (!isValidYmd(year, month, day)) throw new RangeError(`invalid date ${year}-${month}-${day}`);
  return `${String(year).padStart(4, '0')}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}

export function ymdFromIso(iso: IsoDate): { year: number; month: number; day: number } {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(iso);
  if (!m) throw new RangeError(`not an ISO date: ${iso}`);
  const [year, month, day] = [Number(m[1]), Number(m[2]), Number(m[3])];
  if (!isValidYmd(year, month, day)) throw new RangeError(`not a real date: ${iso}`);
  return { year, month, day };
}

export function isIsoDate(text: string): boolean {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(text);
  return !!m && isValidYmd(Number(m[1]), Number(m[2]), Number(m[3]));
}

function utcMs(iso: IsoDate): number {
  const { year, month, day } = ymdFromIso(iso);
  const d = new Date(0);
  d.setUTCFullYear(year, month - 1, day);
  return d.getTime();
}

function isoFromUtcMs(ms: number): IsoDate {
  const d = new Date(ms);
  return isoFromYmd(d.getUTCFullYear(), d.getUTCMonth() + 1, d.getUTCDate());
}

export function addDays(iso: IsoDate, days: number): IsoDate {
  return isoFromUtcMs(utcMs(iso) + days * MS_PER_DAY);
}

/** b − a in days. */
export function daysBetween(a: IsoDate, b: IsoDate): number {
  return Math.round((utcMs(b) - utcMs(a)) / MS_PER_DAY);
}

export function endOfMonth(year: number, month: number): IsoDate {
  return isoFromYmd(year, month, daysInMonth(year, month));
}

export function startOfQuarter(year: number, quarter: number): IsoDate {
  return isoFromYmd(year, (quarter - 1) * 3 + 1, 1);
}

export function endOfQuarter(year: number, quarter: number): IsoDate {
  return endOfMonth(year, quarter * 3);
}

/** Excel serial (1900 system) → ISO date; null when the serial names no real day (≤ 0, 60, fractions kept to the day). */
export function isoFromSerial(serial: number): IsoDate | null {
  if (!Number.isFinite(serial)) return null;
  const whole = Math.floor(serial);
  if (whole < 1 || whole > 2_958_465) return null; // 31/12/9999 is Excel's last day
  if (whole === 60) return null; // 29/02/1900 does not exist; Excel pretends it does
  if (whole < 60) return isoFromUtcMs(Date.UTC(1899, 11, 31) + whole * MS_PER_DAY);
  return isoFromUtcMs(EXCEL_EPOCH_UTC + whole * MS_PER_DAY);
}

/** The day's midnight UTC as a Date (what ExcelJS writes as that day). */
export function utcDate(iso: IsoDate): Date {
  return new Date(utcMs(iso));
}

/** Excel's serial of 01/01/1970, the Unix epoch. */
const UNIX_EPOCH_SERIAL = 25_569;

/**
 * A Date as ExcelJS makes them from a cell (UTC-based, time of day kept) → Excel serial (1900 system), with
 * the fraction of the day.
 */
export function serialFromDate(date: Date): number {
  return UNIX_EPOCH_SERIAL + date.getTime() / MS_PER_DAY;
}

/** ISO date → Excel serial (1900 system). Dates before 01/01/1900 have no serial: null. */
export function serialFromIso(iso: IsoDate): number | null {
  const ms = utcMs(iso);
  if (ms < Date.UTC(1900, 0, 1)) return null;
  if (ms < Date.UTC(1900, 2, 1)) return Math.round((ms - Date.UTC(1899, 11, 31)) / MS_PER_DAY);
  return Math.round((ms - EXCEL_EPOCH_UTC) / MS_PER_DAY);
}

/** "2026-06-05" → "05/06/2026". */
export function formatVnDate(iso: IsoDate): string {
  const { year, month, day } = ymdFromIso(iso);
  return `${String(day).padStart(2, '0')}/${String(month).padStart(2, '0')}/${year}`;
}

export type ParsedDateText = { ok: true; iso: IsoDate } | { ok: false; reason: 'notADate' | 'impossible' };

/**
 * Reads a date typed as text, the way a Vietnamese user writes it: day first. Accepts "5/6/2026",
 * "05/06/2026", "5-6-2026", "5.6.2026", and ISO "2026-06-05". "31/02/2026" looks like a date but names no
 * day: `impossible`. Two-digit years are refused (ambiguous).
 */
export function parseDateText(text: string): ParsedDateText {
  const t = text.normalize('NFC').trim();
  let m = /^(\d{1,2})\s*[/.-]\s*(\d{1,2})\s*[/.-]\s*(\d{4})$/.exec(t);
  if (m) {
    const [day, month, year] = [Number(m[1]), Number(m[2]), Number(m[3])];
    return isValidYmd(year, month, day)
      ? { ok: true, iso: isoFromYmd(year, month, day) }
      : { ok: false, reason: 'impossible' };
  }
  m = /^(\d{4})-(\d{1,2})-(\d{1,2})$/.exec(t);
  if (m) {
    const [year, month, day] = [Number(m[1]), Number(m[2]), Number(m[3])];
    return isValidYmd(year, month, day)
      ? { ok: true, iso: isoFromYmd(year, month, day) }
      : { ok: false, reason: 'impossible' };
  }
  return { ok: false, reason: 'notADate' };
}

/** Today's date where the user is (the machine's local calendar day). */
export function todayIso(now: Date = new Date()): IsoDate {
  return isoFromYmd(now.getFullYear(), now.getMonth() + 1, now.getDate());
}
