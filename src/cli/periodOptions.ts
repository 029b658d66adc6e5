/**
 * --period and --as-of as report and consolidate read them, checked before any file is opened: a well-formed
 * period, and an as-of day on which that period has begun in either way of counting periods (the exact start
 * depends on a workbook's Cài đặt, which the application checks per workbook).
 */
import { type IsoDate } from '../domain/dates';
import { parsePeriodId, periodContaining, reportPeriod, type Quarter } from '../domain/periods';
import { dayOption, parseDay } from './dayOption';
import { CLI } from '../i18n/cli';
import { UsageError, type ParsedArgs } from './args';

export interface PeriodRequest {
  period?: { year: number; quarter: Quarter };
  asOf: IsoDate;
}

export function periodOptions(
  options: ParsedArgs['options'],
  today: IsoDate,
  command: string,
  opts: { required: true },
): Required<PeriodRequest>;
export function periodOptions(
  options: ParsedArgs['options'],
  today: IsoDate,
  command: string,
  opts?: { required: boolean },
): PeriodRequest;
export function periodOptions(
  options: ParsedArgs['options'],
  today: IsoDate,
  command: string,
  opts: { required: boolean } = { required: false },
): PeriodRequest {
  const periodText = options.period;
  if (periodText === undefined && opts.required)
    throw new UsageError(CLI.missingOption('--period', 'YYYY-Qn'), command);
  const period = typeof periodText === 'string' ? periodFrom(periodText, command) : null;
  if (periodText !== undefined && !period) throw new UsageError(CLI.badPeriod(String(periodText)), command);
  const givenText = options['as-of'];
  const given = givenText === undefined ? undefined : dayOption('as-of', givenText, command);
  const asOf = given ?? today;
  if (period) {
    const calendarFrom = reportPeriod(period.year, period.quarter, 'calendar').from;
    const decreeFrom = reportPeriod(period.year, period.quarter, 'decree09').from;
    if (asOf < calendarFrom && asOf < decreeFrom) {
      const id = `${period.year}-Q${period.quarter}`;
      throw new UsageError(
        given
          ? CLI.asOfBeforePeriod(given, id, calendarFrom, decreeFrom)
          : CLI.todayBeforePeriod(today, id, calendarFrom, decreeFrom),
        command,
      );
    }
  }
  return { period: period ?? undefined, asOf };
}

/** --period: YYYY-Qn, or a day (dd/mm/yyyy, YYYY-MM-DD) standing for the period whose quarter holds it. */
function periodFrom(text: string, command: string): { year: number; quarter: Quarter } | null {
  const id = parsePeriodId(text);
  if (id) return id;
  const day = parseDay(text);
  if (day.ok) {
    const p = periodContaining(day.iso, 'calendar');
    return { year: p.year, quarter: p.quarter };
  }
  if (day.reason === 'nonexistent') dayOption('period', text, command); // throws the true line
  throw new UsageError(CLI.badPeriodOrDay(text), command);
}
