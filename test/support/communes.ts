/** Made-up communes' reports for tests of the consolidation's fold and sheets (no workbook involved). */
import { consolidate, type CommuneReport, type Consolidation } from '../../src/domain/consolidation';
import { completionRate, emptyCounts, type StateCounts } from '../../src/domain/rollup';

/** Counts with `onTime` of `due` tasks done on time, the rest of `due` overdue, and a few others. */
export function counts(onTime: number, due: number, extra: Partial<StateCounts> = {}): StateCounts {
  const c = emptyCounts();
  c.doneOnTime = onTime;
  c.rateOnTime = onTime;
  c.overdue = due - onTime;
  c.rateDue = due;
  c.ongoing = 5;
  c.notYetInPeriod = 3;
  Object.assign(c, extra);
  c.tasks =
    c.doneOnTime +
    c.doneLate +
    c.overdue +
    c.dueSoon +
    c.onTrack +
    c.ongoing +
    c.dataError +
    c.notYetInPeriod;
  return c;
}

export function commune(
  unit: string,
  file: string,
  totals: StateCounts,
  more: Partial<CommuneReport> = {},
): CommuneReport {
  return {
    unit,
    file,
    year: 2026,
    from: '2026-01-01',
    to: '2026-09-30',
    totals,
    completionRate: completionRate(totals),
    tthcOnTimeRate: null,
    tthc: null,
    ownReport: null,
    overdue: [],
    dataErrorRows: 0,
    compiledAt: null,
    fileTime: null,
    ...more,
  };
}

export function consolidation(
  communes: CommuneReport[],
  failed: Consolidation['failed'] = [],
): Consolidation {
  return consolidate({
    period: { id: '2026-Q3', year: 2026, quarter: 3, subject: '9 tháng năm 2026' },
    asOf: '2026-09-04',
    communes,
    failed,
  });
}
