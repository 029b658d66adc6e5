/**
 * The report being signed never counts itself (issue 19, item 7): the plan's task of writing a report
 * ("Báo cáo kết quả thực hiện kế hoạch năm 2026", due 05/12) is open while that report is being made, and a
 * year report made on 07/12 must not call itself overdue. It is no figure of its own period in any view: the
 * report (I.1, II, the tables), `cchc report --json`, Tổng hợp's row of the period (rollup.byPeriod, which
 * test/interop/differential.test.ts holds against Tổng hợp's formulas in LibreOffice) and the pane's rate.
 */
import { compileReport, loadOverview } from '../../src/app';
import { TRACKER_SHEETS, trackerFromSnapshot } from '../../src/app/checkTracker';
import { rollupFor } from '../../src/app/summary';
import { reportPeriod } from '../../src/domain/periods';
import { ownReportTask } from '../../src/domain/rollup';
import { SHEET } from '../../src/i18n/vi';
import { MemoryPort } from '../support/memoryPort';
import { initNamed } from '../support/identity';

const now = new Date('2026-12-07T03:00:00Z');
const AS_OF = '2026-12-07';

describe('the report being signed', () => {
  it('is not overdue in the year report made after its due day, and every view states the same figures', async () => {
    const port = new MemoryPort();
    await initNamed(port, { year: 2026, now });
    const out = await compileReport(port, { asOf: AS_OF, now });
    expect(out.ok).toBe(true);
    expect(out.sheet).toBe('Báo cáo năm 2026');
    const content = out.content!;
    const own = ownReportTask(content.period)!;
    const nineMonths = ownReportTask(reportPeriod(2026, 3, 'calendar'))!;
    const snap = await port.read([...TRACKER_SHEETS]);
    const state = trackerFromSnapshot(snap, AS_OF)!;
    // The tracker holds it, open and due two days ago.
    const row = state.read.tasks.find((t) => t.task === own)!;
    expect(row).toMatchObject({ deadline: '2026-12-05', status: 'notStarted' });

    // The report states it nowhere: not overdue, not in progress, in no section or list.
    const named = [
      ...content.overdue,
      ...content.doneLate,
      ...content.nextQuarter,
      ...content.sections.flatMap((s) => [...s.overdue, ...s.pending, ...s.done]),
    ].map((r) => r.task.task);
    expect(named).not.toContain(own);
    const text = port
      .sheet(out.sheet!)!
      .values.flat()
      .filter((v): v is string => typeof v === 'string')
      .join('\n');
    expect(text).not.toContain(own);
    // The 9-month report, due 05/09 and never marked done, is another period's: still overdue here.
    expect(content.overdue.map((r) => r.task.task)).toContain(nineMonths);
    expect(text).toContain(nineMonths);

    // One figure everywhere: I.1, `report --json`, Tổng hợp's row of the year, the pane's rate.
    const json = out.json as { totals: Record<string, number>; completionRate: number | null };
    expect(json.totals.overdue).toBe(content.figures.overdue);
    expect(json.totals.overdue).toBe(content.overdue.length);
    expect(json.completionRate).toBe(content.rate);
    const year = rollupFor(state, undefined, AS_OF).byPeriod.find((p) => p.key === content.period.id)!;
    expect(year.counts).toEqual(content.totals);
    const pane = (await loadOverview(port, { today: AS_OF })).overview!;
    expect({ rate: pane.rate, on: pane.rateOnTime, due: pane.rateDue }).toEqual({
      rate: content.rate,
      on: content.totals.rateOnTime,
      due: content.totals.rateDue,
    });
    // The pane's list of today's work keeps it: until it is marked done, it is work to do.
    expect(pane.overdue.map((t) => t.task)).toContain(own);

    // Tổng hợp's formulas leave out, in each period's row, that period's own report row, and only it.
    const formulas = port.sheet(SHEET.summary)!.spec!.formulas!.map((f) => f.formula);
    for (const quarter of [1, 2, 3, 4] as const) {
      const text = ownReportTask(reportPeriod(2026, quarter, 'calendar'))!;
      expect(formulas.some((f) => f.includes(`"=${text}"`))).toBe(true);
    }
    // Subtracted, never left out with "<>": that criterion matches every empty cell to the sheet's last row,
    // which LibreOffice then reads (differential.test.ts took five times as long).
    expect(formulas.filter((f) => f.includes('"<>'))).toEqual([]);
  });
});
