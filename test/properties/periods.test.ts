/**
 * Properties of the schedule (src/domain/schedule.ts) and the report periods (src/domain/periods.ts) for
 * every year the add-in accepts (1990–2100), walked exhaustively, and for random days.
 */
import fc from 'fast-check';

import { SHEET } from '../../src/i18n/vi';
import { BODIES } from '../../src/domain/bodies';
import {
  addDays,
  daysBetween,
  endOfMonth,
  endOfQuarter,
  isoFromSerial,
  ymdFromIso,
  type IsoDate,
} from '../../src/domain/dates';
import {
  nextPeriod,
  nextReportDue,
  parsePeriodId,
  periodContaining,
  reportPeriod,
  type Quarter,
} from '../../src/domain/periods';
import { PLAN_ITEMS } from '../../src/domain/plan';
import { expandItem, expandSchedule, KNOWN_BODIES } from '../../src/domain/schedule';
import type { PeriodMode } from '../../src/domain/settings';
import { checkTrackerGrid } from '../../src/domain/validation';
import { buildTrackerSheet, seedsFromPlan } from '../../src/sheets/trackerSheet';
import { fcParams } from '../support/fuzz';

const YEARS = Array.from({ length: 2100 - 1990 + 1 }, (_, i) => 1990 + i);
const QUARTERS: readonly Quarter[] = [1, 2, 3, 4];
const MODES: readonly PeriodMode[] = ['calendar', 'decree09'];
const twoDigits = (n: number): string => String(n).padStart(2, '0');

/** Runs `check` for every year and collects failures, so one run names every bad year at once. */
function everyYear(check: (year: number) => void): void {
  const failures: string[] = [];
  for (const y of YEARS) {
    try {
      check(y);
    } catch (e) {
      failures.push(`${y}: ${e instanceof Error ? e.message.split('\n').slice(0, 6).join(' ') : String(e)}`);
    }
  }
  expect(failures).toEqual([]);
}

describe('expandSchedule, every year 1990–2100', () => {
  it('has 48 rows numbered 1…48, each with a known lead and a deadline in [01/01/Y, 10/01/Y+1] or none', () => {
    everyYear((y) => {
      const rows = expandSchedule(y);
      expect(rows).toHaveLength(48);
      expect(rows.map((r) => r.stt)).toEqual(Array.from({ length: 48 }, (_, i) => i + 1));
      for (const r of rows) {
        expect(KNOWN_BODIES.has(r.lead)).toBe(true);
        expect(r.task.trim()).not.toBe('');
        if (r.deadline !== null) {
          expect(r.deadline >= `${y}-01-01`).toBe(true);
          expect(r.deadline <= `${y + 1}-01-10`).toBe(true);
        }
      }
      // Row texts name the year where they repeat, so no two rows of a year read the same.
      expect(new Set(rows.map((r) => r.task)).size).toBe(rows.length);
    });
  });

  it('is the plan items expanded in order, each item’s rows in date order', () => {
    everyYear((y) => {
      const byItem = PLAN_ITEMS.map((item) => expandItem(item, y));
      expect(expandSchedule(y).map(({ stt: _stt, ...rest }) => rest)).toEqual(byItem.flat());
      byItem.forEach((rows, i) => {
        const item = PLAN_ITEMS[i];
        const dated = rows.map((r) => r.deadline);
        if (rows.length > 1) {
          // Repeating items: every row dated, strictly increasing.
          for (let k = 1; k < dated.length; k++)
            expect((dated[k] as IsoDate) > (dated[k - 1] as IsoDate)).toBe(true);
        }
        switch (item.rule.kind) {
          case 'continuous':
            expect(dated).toEqual([null]);
            break;
          case 'quarterEnd':
            expect(dated).toEqual([endOfQuarter(y, item.rule.quarter)]);
            break;
          case 'quarterly':
            expect(dated).toEqual(QUARTERS.map((q) => endOfQuarter(y, q)));
            break;
          case 'monthly': {
            expect(rows).toHaveLength(12);
            const { daysAfter } = item.rule;
            rows.forEach((r, m) => {
              expect(daysBetween(endOfMonth(y, m + 1), r.deadline as IsoDate)).toBe(daysAfter);
              expect(r.task).toContain(`tháng ${twoDigits(m + 1)}/${y}`);
            });
            break;
          }
          case 'afterYearEnd':
            expect(dated).toEqual([addDays(`${y}-12-31`, item.rule.daysAfter)]);
            break;
          case 'reports':
            expect(dated).toEqual([`${y}-03-05`, `${y}-06-05`, `${y}-09-05`, `${y}-12-05`]);
            break;
        }
      });
    });
  });

  it('monthly reviews fall 5 days after each month’s end; the four reports are due 05/03, 05/06, 05/09, 05/12', () => {
    everyYear((y) => {
      const monthly = PLAN_ITEMS.filter((i) => i.rule.kind === 'monthly');
      expect(monthly.length).toBeGreaterThan(0);
      for (const item of monthly) {
        const rows = expandItem(item, y);
        expect(rows.map((r) => r.deadline)).toEqual(
          Array.from({ length: 12 }, (_, m) => (m < 11 ? `${y}-${twoDigits(m + 2)}-05` : `${y + 1}-01-05`)),
        );
      }
      const reports = PLAN_ITEMS.filter((i) => i.rule.kind === 'reports');
      expect(reports).toHaveLength(1);
      const due = expandItem(reports[0], y).map((r) => r.deadline);
      expect(due).toEqual(QUARTERS.map((q) => reportPeriod(y, q).due));
      expect(due.map((d) => d?.slice(5))).toEqual(['03-05', '06-05', '09-05', '12-05']);
    });
  });

  it('years outside 1990–2100 (and non-integers) are refused', () => {
    fc.assert(
      fc.property(
        fc.oneof(
          fc.integer({ min: -100_000, max: 1989 }),
          fc.integer({ min: 2101, max: 100_000 }),
          fc.double({ min: 1990, max: 2100, noInteger: true, noNaN: true }),
          fc.constantFrom(Number.NaN, Infinity, -Infinity),
        ),
        (y) => {
          expect(() => expandSchedule(y)).toThrow(RangeError);
        },
      ),
      fcParams('medium'),
    );
  });

  it('the tracker the app writes for year Y reads back as the schedule with no problem', () => {
    everyYear((y) => {
      const planned = expandSchedule(y);
      const spec = buildTrackerSheet(seedsFromPlan(planned), y);
      const grid = { name: SHEET.tracker, values: spec.cells, formulas: [] };
      const { read, result } = checkTrackerGrid(grid, {
        today: `${y}-01-01`,
        year: y,
        knownLeads: [...BODIES],
      });
      expect([...result.errors, ...result.warnings]).toEqual([]);
      expect(
        read.tasks.map((t) => [t.stt, t.section, t.task, t.lead, t.deadline, t.status, t.completedOn]),
      ).toEqual(
        planned.map((p) => [String(p.stt), p.section, p.task, p.lead, p.deadline, 'notStarted', null]),
      );
    });
  });
});

describe('reportPeriod, every year 1990–2100, both modes', () => {
  it('from ≤ quarterFrom ≤ quarterTo = to; to is the quarter end (calendar) or the 14th (decree09); due in the last month', () => {
    everyYear((y) => {
      for (const mode of MODES) {
        for (const q of QUARTERS) {
          const p = reportPeriod(y, q, mode);
          const last = q * 3;
          expect(p.from <= p.quarterFrom).toBe(true);
          expect(p.quarterFrom <= p.quarterTo).toBe(true);
          expect(p.quarterTo).toBe(p.to);
          if (mode === 'calendar') {
            expect(p.from).toBe(`${y}-01-01`);
            expect(p.to).toBe(endOfMonth(y, last));
            expect(p.quarterFrom).toBe(`${y}-${twoDigits(last - 2)}-01`);
          } else {
            expect(p.from).toBe(`${y - 1}-12-15`);
            expect(p.to).toBe(`${y}-${twoDigits(last)}-14`);
            expect(p.quarterFrom).toBe(q === 1 ? `${y - 1}-12-15` : `${y}-${twoDigits(last - 3)}-15`);
          }
          expect(ymdFromIso(p.due)).toEqual({ year: y, month: last, day: 5 });
          expect(p.due >= p.quarterFrom && p.due <= p.quarterTo).toBe(true);
          expect(p.id).toBe(`${y}-Q${q}`);
          expect(parsePeriodId(p.id)).toEqual({ year: y, quarter: q });
          expect(p.sheetName.length).toBeLessThanOrEqual(31);
          expect(p.sheetName).not.toMatch(/[:\\/?*[\]]/);
          expect(p.subject).toContain(String(y));
        }
      }
    });
  });

  it('nextPeriod chains quarter after quarter (Q4 → Q1 of Y+1), windows touching with no gap or overlap', () => {
    for (const mode of MODES) {
      let p = reportPeriod(1990, 1, mode);
      const ids: string[] = [p.id];
      while (!(p.year === 2100 && p.quarter === 4)) {
        const n = nextPeriod(p);
        expect(n.mode).toBe(mode);
        expect(n.quarter).toBe(p.quarter === 4 ? 1 : p.quarter + 1);
        expect(n.year).toBe(p.quarter === 4 ? p.year + 1 : p.year);
        expect(n.quarterFrom).toBe(addDays(p.quarterTo, 1));
        // Cumulative windows restart at Q1 and otherwise keep their start.
        if (n.quarter === 1) expect(n.from).toBe(n.quarterFrom);
        else expect(n.from).toBe(p.from);
        p = n;
        ids.push(p.id);
      }
      expect(ids).toEqual(YEARS.flatMap((y) => QUARTERS.map((q) => `${y}-Q${q}`)));
    }
  });
});

describe('periodContaining', () => {
  const inside = (day: IsoDate, mode: PeriodMode): void => {
    const p = periodContaining(day, mode);
    expect(day >= p.quarterFrom && day <= p.quarterTo).toBe(true);
    expect(day >= p.from && day <= p.to).toBe(true);
    // The period is the one whose own window holds the day: its neighbours do not.
    if (!(p.year === 1990 && p.quarter === 1)) {
      const prev = QUARTERS.map((q) => reportPeriod(p.quarter === 1 ? p.year - 1 : p.year, q, mode))[
        p.quarter === 1 ? 3 : p.quarter - 2
      ];
      expect(prev.quarterTo < day).toBe(true);
    }
    expect(nextPeriod(p).quarterFrom > day).toBe(true);
  };

  it('holds every day 01/01/1990 … 31/12/2100 in its quarter, in both modes (walked day by day)', () => {
    for (const mode of MODES) {
      const failures: string[] = [];
      for (let day = '1990-01-01'; day <= '2100-12-31'; day = addDays(day, 1)) {
        const p = periodContaining(day, mode);
        if (!(day >= p.quarterFrom && day <= p.quarterTo)) failures.push(`${mode} ${day} → ${p.id}`);
      }
      expect(failures).toEqual([]);
    }
  });

  it('holds a random day (fc.date, 1900–9998) in its quarter, in both modes', () => {
    fc.assert(
      fc.property(
        fc.date({
          min: new Date('1900-01-01T00:00:00Z'),
          max: new Date('9998-12-31T23:59:59Z'),
          noInvalidDate: true,
        }),
        fc.constantFrom(...MODES),
        (date, mode) => {
          inside(date.toISOString().slice(0, 10), mode);
        },
      ),
      fcParams('scalar'),
    );
  });

  it('maps each period’s first and last day back to that period', () => {
    everyYear((y) => {
      for (const mode of MODES) {
        for (const q of QUARTERS) {
          const p = reportPeriod(y, q, mode);
          expect(periodContaining(p.quarterFrom, mode).id).toBe(p.id);
          expect(periodContaining(p.quarterTo, mode).id).toBe(p.id);
          expect(periodContaining(p.due, mode).id).toBe(p.id);
        }
      }
    });
  });
});

describe('nextReportDue', () => {
  it('is the first report due on or after the day: due ≥ day, and the report before it was due earlier', () => {
    fc.assert(
      fc.property(fc.integer({ min: 32_874, max: 73_050 }), fc.constantFrom(...MODES), (serial, mode) => {
        const day = isoFromSerial(serial) as IsoDate; // 1990-01-01 … 2099-12-31
        const p = nextReportDue(day, mode);
        expect(p.due >= day).toBe(true);
        expect(daysBetween(day, p.due)).toBeLessThanOrEqual(92);
        const prevDue =
          p.quarter === 1
            ? reportPeriod(p.year - 1, 4, mode).due
            : reportPeriod(p.year, (p.quarter - 1) as Quarter, mode).due;
        expect(prevDue < day).toBe(true);
      }),
      fcParams('small'),
    );
  });
});
