/**
 * --period and --as-of as report and consolidate read them, checked before any file is opened: a well-formed
 * period, and an as-of day on which that period has begun in either way of counting periods (the exact start
 * depends on a workbook's Cài đặt, which the application checks per workbook).
 */
import { isIsoDate, type IsoDate } from '../domain/dates';
import { parsePeriodId, reportPeriod, type Quarter } from '../domain/periods';
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
  const period = typeof periodText === 'string' ? parsePeriodId(periodText) : null;
  if (periodText !== undefined && !period) throw new UsageError(CLI.badPeriod(String(periodText)), command);
  const given = options['as-of'];
  if (given !== undefined && (given === true || !isIsoDate(given)))
    throw new UsageError(CLI.badDate('as-of', String(given)), command);
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
