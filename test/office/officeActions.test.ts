/** The three actions of src/app through the Office.js adapter on the fake: round trips, tab order, results. */
import { checkTracker, compileReport } from '../../src/app';
import { expandSchedule } from '../../src/domain/schedule';
import { SHEET } from '../../src/i18n/vi';
import { seedsFromPlan, type TrackerSeed } from '../../src/sheets/trackerSheet';
import { createOfficeWorkbook } from '../../src/workbook/office/officeWorkbook';
import { createFakeExcel } from '../fake-excel';
import { initNamed } from '../support/identity';

const FIVE_MB = 5 * 1024 * 1024;
const AS_OF = '2026-06-05';

/** The plan's rows repeated to `n`, with task texts of about 150 characters. */
function manySeeds(n: number): TrackerSeed[] {
  const plan = seedsFromPlan(expandSchedule(2026));
  return Array.from({ length: n }, (_, i) => {
    const base = plan[i % plan.length];
    const task = `${base.task} — đợt ${Math.floor(i / plan.length) + 1}, `.padEnd(150, 'rà soát thủ tục ');
    return { ...base, stt: i + 1, task };
  });
}

describe('Office adapter: the actions end to end', () => {
  it('init puts Nhiệm vụ, Kết quả theo kỳ, Hồ sơ TTHC, Danh mục and Cài đặt first, hides the register, in 2 syncs; check (1) and report (2) follow', async () => {
    const excel = createFakeExcel();
    excel.addUserSheet('Sheet1');
    const port = createOfficeWorkbook(excel.run);

    const init = await initNamed(port, { year: 2026 });
    expect(init.ok).toBe(true);
    expect(excel.syncCount).toBe(2);
    expect(excel.sheetNames().slice(0, 5)).toEqual([
      SHEET.tracker,
      SHEET.results,
      SHEET.tthc,
      SHEET.lists,
      SHEET.settings,
    ]);
    expect(excel.sheet(SHEET.register).visibility).toBe('VeryHidden');
    expect(excel.activeSheet()).toBe(SHEET.tracker);
    expect(port.lastWarnings).toEqual([]);

    excel.resetStats();
    const check = await checkTracker(port, { today: AS_OF });
    expect(check.result?.errors).toEqual([]);
    expect(check.result?.warnings.filter((w) => w.code === 'stateNotFormula')).toEqual([]);
    expect(excel.syncCount).toBe(1); // the adapter remembers the sheets init wrote: one read, sized

    excel.resetStats();
    const report = await compileReport(port, { asOf: AS_OF });
    expect(report).toMatchObject({ ok: true, sheet: 'Báo cáo 6 tháng 2026' });
    expect(excel.syncCount).toBe(2); // one to read, one to write
    expect(excel.sheetNames()).toContain(SHEET.summary);
  });

  it('keeps a 5,000-row tracker to 2 syncs an action (one to read, one to write), every request under 4 MB and response under 5 MB', async () => {
    const excel = createFakeExcel();
    excel.addUserSheet('Sheet1');
    const port = createOfficeWorkbook(excel.run);
    const actions = [
      () => initNamed(port, { year: 2026, seeds: manySeeds(5000) }),
      () => checkTracker(port, { today: AS_OF }),
      () => compileReport(port, { asOf: AS_OF }),
    ];
    for (const action of actions) {
      excel.resetStats();
      const outcome = await action();
      expect(outcome.ok || 'result' in outcome).toBe(true);
      expect(excel.syncCount).toBeLessThanOrEqual(2);
      expect(excel.refused).toEqual([]);
      for (const p of excel.payloads) expect(p).toBeLessThanOrEqual(4 * 1024 * 1024);
      for (const r of excel.responses) expect(r).toBeLessThanOrEqual(FIVE_MB);
    }
    expect(excel.sheet(SHEET.tracker).value('C5001')).toEqual(manySeeds(5000)[4999].task);
  });
});
