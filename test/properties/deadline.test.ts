/**
 * Properties of the Tình trạng hạn rule (src/domain/deadline.ts) on random facts, days T and warning days
 * N (0–365), against a reference stated state by state with day counts (not string comparisons).
 */
import fc from 'fast-check';

import { daysBetween, isoFromSerial, type IsoDate } from '../../src/domain/dates';
import {
  deadlineState,
  DEADLINE_STATES,
  isDone,
  type DeadlineFacts,
  type DeadlineState,
  type TaskStatus,
} from '../../src/domain/deadline';
import { fcParams } from '../support/fuzz';

// Days are drawn near a centre so that deadlines, completions and T often collide or sit a few days apart.
const CENTRE = 46_178; // 05/06/2026
const serialNear = fc.oneof(
  { weight: 4, arbitrary: fc.integer({ min: CENTRE - 30, max: CENTRE + 30 }) },
  { weight: 2, arbitrary: fc.integer({ min: CENTRE - 800, max: CENTRE + 800 }) },
  { weight: 1, arbitrary: fc.integer({ min: 61, max: 2_900_000 }) },
);
const dayArb: fc.Arbitrary<IsoDate> = serialNear.map((s) => isoFromSerial(s) as IsoDate);
const statusArb = fc.constantFrom<TaskStatus | null>(null, 'notStarted', 'inProgress', 'done');
const factsArb: fc.Arbitrary<DeadlineFacts> = fc.record({
  status: statusArb,
  deadline: fc.option(dayArb, { freq: 5 }),
  completedOn: fc.option(dayArb, { freq: 3 }),
  unreadable: fc.oneof(
    { weight: 9, arbitrary: fc.constant([]) },
    { weight: 1, arbitrary: fc.subarray(['task', 'status', 'deadline', 'completedOn'], { minLength: 1 }) },
  ),
});
const warningArb = fc.integer({ min: 0, max: 365 });

/** Each state's own definition; exactly one must hold. */
function reference(f: DeadlineFacts, T: IsoDate, N: number): Record<DeadlineState, boolean> {
  const broken = (f.unreadable ?? []).length > 0;
  const doneAtT =
    !broken && f.status === 'done' && (f.completedOn === null || daysBetween(f.completedOn, T) >= 0);
  const late = f.deadline !== null && f.completedOn !== null && daysBetween(f.deadline, f.completedOn) > 0;
  const ahead = f.deadline === null ? null : daysBetween(T, f.deadline); // days from T to the deadline
  const open = !broken && !doneAtT;
  return {
    doneOnTime: doneAtT && !late,
    doneLate: doneAtT && late,
    ongoing: open && ahead === null,
    overdue: open && ahead !== null && ahead < 0,
    dueSoon: open && ahead !== null && ahead >= 0 && ahead <= N,
    onTrack: open && ahead !== null && ahead > N,
    dataError: broken,
  };
}

const RANK: Record<DeadlineState, number> = {
  onTrack: 0,
  dueSoon: 1,
  overdue: 2,
  ongoing: -1,
  doneOnTime: 9,
  doneLate: 9,
  dataError: -2,
};

describe('deadlineState', () => {
  it('is exactly one state, the one the reference names', () => {
    fc.assert(
      fc.property(factsArb, dayArb, warningArb, (facts, T, N) => {
        const state = deadlineState(facts, T, N);
        expect(DEADLINE_STATES).toContain(state);
        const ref = reference(facts, T, N);
        const holding = DEADLINE_STATES.filter((s) => ref[s]);
        expect(holding).toEqual([state]);
      }),
      fcParams('scalar'),
    );
  });

  it('is done at T iff the status is done and there is no completion date or it is not after T', () => {
    fc.assert(
      fc.property(factsArb, dayArb, warningArb, (facts, T, N) => {
        const doneAtT =
          (facts.unreadable ?? []).length === 0 &&
          facts.status === 'done' &&
          (facts.completedOn === null || facts.completedOn <= T);
        expect(isDone(deadlineState(facts, T, N))).toBe(doneAtT);
      }),
      fcParams('scalar'),
    );
  });

  it('for a not-done task with deadline d: overdue iff d < T, dueSoon iff T ≤ d ≤ T+N, else onTrack', () => {
    const notDone = fc.record({
      status: fc.constantFrom<TaskStatus | null>(null, 'notStarted', 'inProgress'),
      deadline: dayArb,
      completedOn: fc.option(dayArb),
    });
    fc.assert(
      fc.property(notDone, dayArb, warningArb, (facts, T, N) => {
        const d = facts.deadline;
        const state = deadlineState(facts, T, N);
        expect(state === 'overdue').toBe(d < T);
        expect(state === 'dueSoon').toBe(daysBetween(T, d) >= 0 && daysBetween(T, d) <= N);
        expect(state === 'onTrack').toBe(daysBetween(T, d) > N);
      }),
      fcParams('scalar'),
    );
  });

  it('never moves backwards as T moves later for a not-done task (onTrack → dueSoon → overdue)', () => {
    fc.assert(
      fc.property(
        fc.record({
          status: fc.constantFrom<TaskStatus | null>(null, 'notStarted', 'inProgress'),
          deadline: fc.option(dayArb),
          completedOn: fc.option(dayArb),
        }),
        serialNear,
        fc.integer({ min: 0, max: 400 }),
        warningArb,
        (facts, t1, step, N) => {
          const T1 = isoFromSerial(t1) as IsoDate;
          const T2 = isoFromSerial(Math.min(t1 + step, 2_900_000)) as IsoDate;
          const s1 = deadlineState(facts, T1, N);
          const s2 = deadlineState(facts, T2, N);
          if (s1 === 'overdue') expect(s2).toBe('overdue');
          if (s1 === 'ongoing') expect(s2).toBe('ongoing');
          expect(RANK[s2]).toBeGreaterThanOrEqual(RANK[s1]);
        },
      ),
      fcParams('scalar'),
    );
  });

  it('once done at T, a task stays done (and on time or late alike) at every later day', () => {
    fc.assert(
      fc.property(
        factsArb,
        serialNear,
        fc.integer({ min: 0, max: 400 }),
        warningArb,
        (facts, t1, step, N) => {
          const T1 = isoFromSerial(t1) as IsoDate;
          const T2 = isoFromSerial(Math.min(t1 + step, 2_900_000)) as IsoDate;
          const s1 = deadlineState(facts, T1, N);
          if (isDone(s1)) expect(deadlineState(facts, T2, N)).toBe(s1);
        },
      ),
      fcParams('scalar'),
    );
  });

  it('more warning days never turn dueSoon into onTrack, nor change anything but onTrack ↔ dueSoon', () => {
    fc.assert(
      fc.property(factsArb, dayArb, warningArb, warningArb, (facts, T, a, b) => {
        const [lo, hi] = a <= b ? [a, b] : [b, a];
        const sLo = deadlineState(facts, T, lo);
        const sHi = deadlineState(facts, T, hi);
        if (sLo === 'dueSoon') expect(sHi).toBe('dueSoon');
        if (sLo !== sHi) expect([sLo, sHi]).toEqual(['onTrack', 'dueSoon']);
      }),
      fcParams('scalar'),
    );
  });

  it('an unknown status (null) behaves as not started', () => {
    fc.assert(
      fc.property(factsArb, dayArb, warningArb, (facts, T, N) => {
        expect(deadlineState({ ...facts, status: null }, T, N)).toBe(
          deadlineState({ ...facts, status: 'notStarted' }, T, N),
        );
        expect(deadlineState({ ...facts, status: 'inProgress' }, T, N)).toBe(
          deadlineState({ ...facts, status: 'notStarted' }, T, N),
        );
      }),
      fcParams('small'),
    );
  });
});
