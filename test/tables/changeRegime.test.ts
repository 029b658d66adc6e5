/**
 * docs/extending.md, "To change the reporting regime", walked through: change (b) of issue 24, the province
 * moves the report deadline from the 5th to the 10th and asks for 6-monthly reports only, made in the regime's
 * table alone (a jest module mock of reportingRegime.ts, the app loaded anew). The plan's report rows, the
 * periods and their deadlines, the roll-ups, Tổng hợp's period block and the pane's period picker all follow;
 * today's workbooks are still checked and reported.
 */
import type { ReportingRegime } from '../../src/domain/reportingRegime';
import { checkAndReport, todaysFixtures, type TodaysFixture } from '../support/todaysFixtures';

const REGIME = '../../src/domain/reportingRegime';
const halfYearly: ReportingRegime = { months: [6, 12], deadlineDay: 10, cutOffDay: 15 };

let fixtures: TodaysFixture[];
beforeAll(async () => {
  fixtures = await todaysFixtures();
  jest.resetModules();
  jest.doMock(REGIME, () => ({
    ...jest.requireActual<typeof import('../../src/domain/reportingRegime')>(REGIME),
    REPORTING_REGIME: halfYearly,
  }));
});

describe('a reporting regime changed in its table alone', () => {
  it('gives the plan two report rows, due on the 10th of June and of December', async () => {
    const { expandSchedule } = await import('../../src/domain/schedule');
    const reports = expandSchedule(2026).filter((t) =>
      t.task.startsWith('Báo cáo kết quả thực hiện kế hoạch'),
    );
    expect(reports.map((t) => [t.task, t.deadline])).toEqual([
      ['Báo cáo kết quả thực hiện kế hoạch 6 tháng đầu năm 2026', '2026-06-10'],
      ['Báo cáo kết quả thực hiện kế hoạch năm 2026', '2026-12-10'],
    ]);
  });

  it('gives two periods a year, due on the 10th, that every default and step follows', async () => {
    const p = await import('../../src/domain/periods');
    expect(p.reportQuarters()).toEqual([2, 4]);
    expect(p.reportPeriod(2026, 2).due).toBe('2026-06-10');
    expect(p.reportPeriod(2026, 4, 'decree09')).toMatchObject({
      from: '2025-12-15',
      to: '2026-12-14',
      due: '2026-12-10',
    });
    // A day of the first quarter belongs to the half-year's report; the year's last report follows it.
    expect(p.periodContaining('2026-02-01').id).toBe('2026-Q2');
    expect(p.periodContaining('2026-08-01').id).toBe('2026-Q4');
    expect(p.periodContaining('2026-12-20', 'decree09').id).toBe('2027-Q2');
    expect(p.nextPeriod(p.reportPeriod(2026, 2)).id).toBe('2026-Q4');
    expect(p.nextPeriod(p.reportPeriod(2026, 4)).id).toBe('2027-Q2');
    expect(p.nextReportDue('2026-06-11').due).toBe('2026-12-10');
    expect(p.nextReportDue('2026-12-11').due).toBe('2027-06-10');
    expect(p.currentPeriod('2027-01-08', 2026).id).toBe('2026-Q4');
  });

  it('gives the roll-ups, Tổng hợp’s period block and the pane’s picker those two reports', async () => {
    const { rollup } = await import('../../src/domain/rollup');
    const { buildSummarySheet } = await import('../../src/sheets/summarySheet');
    const { buildTrackerSheet, seedsFromPlan } = await import('../../src/sheets/trackerSheet');
    const { expandSchedule } = await import('../../src/domain/schedule');
    const { readTracker } = await import('../../src/domain/tracker');
    const { periodChoices } = await import('../../src/taskpane/format');
    const spec = buildTrackerSheet(seedsFromPlan(expandSchedule(2026)), 2026);
    const read = readTracker({ name: 'Nhiệm vụ', values: spec.cells as never, formulas: [] });
    const roll = rollup(read.tasks, {
      asOf: '2026-06-20',
      warningDays: 7,
      year: 2026,
      periodMode: 'calendar',
    });
    expect(roll.byPeriod.map((r) => [r.key, r.label])).toEqual([
      ['2026-Q2', '6 tháng đầu năm 2026'],
      ['2026-Q4', 'năm 2026'],
    ]);
    const { spec: summary, layout } = buildSummarySheet({
      year: 2026,
      periodMode: 'calendar',
      writtenOn: '2026-06-20',
      headerRow: read.headerRow,
      columns: read.columns,
      sections: [],
      leads: [],
    });
    const period = layout.blocks.find((b) => b.key === 'period');
    expect(period?.keys).toEqual(['2026-Q2', '2026-Q4']);
    expect(summary.cells[(period?.firstRow ?? 0) - 1][1]).toBe(
      'Báo cáo 6 tháng đầu năm 2026 (01/01/2026 – 30/06/2026)',
    );
    expect(periodChoices('2026-05-01').map((c) => c.id)).toEqual([
      '2025-Q2',
      '2025-Q4',
      '2026-Q2',
      '2026-Q4',
      '2027-Q2',
      '2027-Q4',
    ]);
  });

  it('still checks and reports today’s workbooks, each on the report of the half-year', async () => {
    for (const fixture of fixtures) {
      const { check, report } = await checkAndReport(fixture);
      expect(check.result).toBeDefined();
      expect(report.ok).toBe(true);
      expect(report.content?.period.quarter).toBe(4);
    }
  });
});
