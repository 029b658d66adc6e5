/**
 * Roll-ups: counts of tasks by deadline state, grouped by plan section, lead body, quarter of the deadline,
 * and in total. The "Tổng hợp" sheet computes the same counts with formulas; a test holds them equal.
 */
import { BODIES } from './bodies';
import { endOfQuarter, isoFromYmd, startOfQuarter, type IsoDate } from './dates';
import { deadlineState, DEADLINE_STATES, type DeadlineState } from './deadline';
import { SECTIONS } from './plan';
import { quarterLabel } from './schedule';
import type { Task } from './tracker';
import { normalizeKey } from './text';

export type StateCounts = Record<DeadlineState, number> & { tasks: number };

export function emptyCounts(): StateCounts {
  return { tasks: 0, doneOnTime: 0, doneLate: 0, overdue: 0, dueSoon: 0, onTrack: 0, ongoing: 0 };
}

export function addCount(c: StateCounts, state: DeadlineState): void {
  c.tasks += 1;
  c[state] += 1;
}

/** Share done (on time or late) of all tasks counted; 0 when there are none. */
export function percentDone(c: StateCounts): number {
  return c.tasks === 0 ? 0 : (c.doneOnTime + c.doneLate) / c.tasks;
}

export interface RollupRow {
  /** What the row groups by: a section id, a body name, or a quarter key ("Q1"…, "before", "after", "none"). */
  key: string;
  label: string;
  counts: StateCounts;
}

export interface QuarterBucket {
  key: string;
  label: string;
  /** Inclusive deadline bounds; null = open. `none` = tasks without a deadline. */
  from: IsoDate | null;
  to: IsoDate | null;
  none?: boolean;
}

export function quarterBuckets(year: number): QuarterBucket[] {
  return [
    { key: 'before', label: `Trước năm ${year}`, from: null, to: isoFromYmd(year - 1, 12, 31) },
    ...([1, 2, 3, 4] as const).map((q) => ({
      key: `Q${q}`,
      label: quarterLabel(year, q),
      from: startOfQuarter(year, q),
      to: endOfQuarter(year, q),
    })),
    { key: 'after', label: `Từ năm ${year + 1}`, from: isoFromYmd(year + 1, 1, 1), to: null },
    { key: 'none', label: 'Không có hạn (thường xuyên)', from: null, to: null, none: true },
  ];
}

export interface Rollup {
  asOf: IsoDate;
  total: StateCounts;
  bySection: RollupRow[];
  byLead: RollupRow[];
  byQuarter: RollupRow[];
}

/** Lead bodies in list order, then any other lead found in the tasks (in order of first appearance). */
export function leadsOf(tasks: readonly Task[], listed: readonly string[] = BODIES): string[] {
  const seen = new Set(listed.map(normalizeKey));
  const extra: string[] = [];
  for (const t of tasks) {
    const k = normalizeKey(t.lead);
    if (t.lead !== '' && !seen.has(k)) {
      seen.add(k);
      extra.push(t.lead);
    }
  }
  return [...listed, ...extra];
}

/** Section ids in plan order, then any other Mục found in the tasks. */
export function sectionsOf(tasks: readonly Task[]): { id: string; title: string }[] {
  const known = new Set(SECTIONS.map((s) => normalizeKey(s.id)));
  const extra: { id: string; title: string }[] = [];
  for (const t of tasks) {
    const k = normalizeKey(t.section);
    if (t.section !== '' && !known.has(k)) {
      known.add(k);
      extra.push({ id: t.section, title: t.section });
    }
  }
  return [...SECTIONS, ...extra];
}

export function inBucket(b: QuarterBucket, deadline: IsoDate | null): boolean {
  if (b.none) return deadline === null;
  if (deadline === null) return false;
  return (b.from === null || deadline >= b.from) && (b.to === null || deadline <= b.to);
}

export function rollup(
  allTasks: readonly Task[],
  asOf: IsoDate,
  warningDays: number,
  year: number,
  listedLeads: readonly string[] = BODIES,
): Rollup {
  // A row without a task text is an error the check reports; like the sheet's formulas, roll-ups skip it.
  const tasks = allTasks.filter((t) => t.task !== '');
  const states = tasks.map((t) => deadlineState(t, asOf, warningDays));
  const group = (keys: { key: string; label: string }[], keyOf: (t: Task) => string): RollupRow[] => {
    const rows = keys.map((k) => ({ ...k, counts: emptyCounts() }));
    const byKey = new Map(rows.map((r) => [normalizeKey(r.key), r]));
    tasks.forEach((t, i) => {
      const row = byKey.get(normalizeKey(keyOf(t)));
      if (row) addCount(row.counts, states[i]);
    });
    return rows;
  };
  const total = emptyCounts();
  states.forEach((s) => addCount(total, s));
  const buckets = quarterBuckets(year);
  const byQuarter = buckets.map((b) => {
    const counts = emptyCounts();
    tasks.forEach((t, i) => {
      if (inBucket(b, t.deadline)) addCount(counts, states[i]);
    });
    return { key: b.key, label: b.label, counts };
  });
  return {
    asOf,
    total,
    bySection: group(
      sectionsOf(tasks).map((s) => ({ key: s.id, label: s.title })),
      (t) => t.section,
    ),
    byLead: group(
      leadsOf(tasks, listedLeads).map((l) => ({ key: l, label: l })),
      (t) => t.lead,
    ),
    byQuarter,
  };
}

export { DEADLINE_STATES };
