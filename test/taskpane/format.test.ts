import { reportPeriod } from '../../src/domain/periods';
import { Debouncer } from '../../src/taskpane/debounce';
import {
  defaultPeriodId,
  nextReportText,
  percentText,
  periodChoices,
  taskDeadlineText,
  timeText,
  yearChoices,
} from '../../src/taskpane/format';

describe('how the pane words things', () => {
  it('rounds percentages to whole numbers', () => {
    expect(percentText(0)).toBe('0%');
    expect(percentText(0.0625)).toBe('6%');
    expect(percentText(1)).toBe('100%');
  });

  it('names the next report with its deadline and the days left', () => {
    expect(nextReportText(reportPeriod(2026, 2), 3)).toBe(
      'Báo cáo 6 tháng đầu năm 2026 — hạn 05/06/2026, còn 3 ngày',
    );
    expect(nextReportText(reportPeriod(2026, 1), 0)).toBe(
      'Báo cáo quý I năm 2026 — hạn 05/03/2026, đến hạn hôm nay',
    );
    expect(nextReportText(reportPeriod(2026, 4), 12)).toBe('Báo cáo năm 2026 — hạn 05/12/2026, còn 12 ngày');
  });

  it('says how late or how near a task is, dd/mm/yyyy', () => {
    expect(taskDeadlineText({ deadline: '2026-02-05', daysLeft: -117 })).toBe(
      'Hạn 05/02/2026 · trễ 117 ngày',
    );
    expect(taskDeadlineText({ deadline: '2026-06-05', daysLeft: 3 })).toBe('Hạn 05/06/2026 · còn 3 ngày');
    expect(taskDeadlineText({ deadline: '2026-06-02', daysLeft: 0 })).toBe('Hạn 02/06/2026 · hạn hôm nay');
    expect(taskDeadlineText({ deadline: null, daysLeft: 0 })).toBe('Không có hạn');
  });

  it('writes times as hh:mm', () => {
    expect(timeText(new Date(2026, 5, 2, 9, 5))).toBe('09:05');
  });

  it('offers three years either side for the tracker, and the quarters around today for the report', () => {
    expect(yearChoices(2026)).toEqual([2023, 2024, 2025, 2026, 2027, 2028, 2029]);
    const choices = periodChoices('2026-06-02');
    expect(choices).toHaveLength(12);
    expect(choices[0]).toEqual({ id: '2025-Q1', year: 2025, quarter: 1, label: 'Quý I/2025' });
    expect(choices.map((c) => c.label)).toContain('Quý IV/2027');
    expect(defaultPeriodId('2026-06-02')).toBe('2026-Q2');
    expect(defaultPeriodId('2026-12-31')).toBe('2026-Q4');
    expect(defaultPeriodId('2027-01-01')).toBe('2027-Q1');
  });
});

describe('Debouncer', () => {
  beforeEach(() => jest.useFakeTimers());
  afterEach(() => jest.useRealTimers());

  it('fires once, after the burst has been quiet for the wait', () => {
    const fire = jest.fn();
    const d = new Debouncer(fire, 800);
    d.trigger();
    jest.advanceTimersByTime(500);
    d.trigger();
    jest.advanceTimersByTime(799);
    expect(fire).not.toHaveBeenCalled();
    expect(d.pending).toBe(true);
    jest.advanceTimersByTime(1);
    expect(fire).toHaveBeenCalledTimes(1);
    expect(d.pending).toBe(false);
  });

  it('fires at the latest maxWait after the first trigger of a burst', () => {
    const fire = jest.fn();
    const d = new Debouncer(fire, 800, 2000);
    for (let t = 0; t < 2000; t += 100) {
      d.trigger();
      jest.advanceTimersByTime(100);
    }
    expect(fire).toHaveBeenCalledTimes(1);
  });

  it('can be flushed or cancelled', () => {
    const fire = jest.fn();
    const d = new Debouncer(fire, 800);
    d.flush();
    expect(fire).not.toHaveBeenCalled();
    d.trigger();
    d.flush();
    expect(fire).toHaveBeenCalledTimes(1);
    d.trigger();
    d.cancel();
    jest.advanceTimersByTime(5000);
    expect(fire).toHaveBeenCalledTimes(1);
  });
});
