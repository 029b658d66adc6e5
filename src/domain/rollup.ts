/**
 * Roll-ups: counts of tasks by deadline state, grouped by plan section, lead body, quarter of the deadline,
 * and in total. The "Tổng hợp" sheet computes the same counts with formulas; a test holds them equal.
 */
import { OTHER_GROUP } from '../i18n/vi';
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

/**
 * Longest group key the roll-ups give a row of its own. Longer ones (a pasted paragraph in Mục, say) are
 * counted under "Khác": a spreadsheet criterion over 255 characters fails (#VALUE!) and formulas are capped at
 * 8,192 characters.
 */
export const MAX_GROUP_KEY = 200;

/** The key of the "Khác" row: tasks whose key matches no listed group. */
export const OTHER_KEY = '';

function usableKey(key: string): boolean {
  return key !== '' && key.length <= MAX_GROUP_KEY;
}

/** Unique (by normalised text) usable keys, in order. */
function uniqueKeys<T>(items: readonly T[], keyOf: (item: T) => string): T[] {
  const seen = new Set<string>();
  return items.filter((item) => {
    const key = keyOf(item);
    const k = normalizeKey(key);
    if (!usableKey(key) || seen.has(k)) return false;
    seen.add(k);
    return true;
  });
}

/** Lead bodies in list order (each once), then any other lead found in the tasks (in order of first appearance). */
export function leadsOf(tasks: readonly Task[], listed: readonly string[] = BODIES): string[] {
  return uniqueKeys([...listed, ...tasks.map((t) => t.lead)], (l) => l);
}

/** Section ids in plan order, then any other Mục found in the tasks (each once). */
export function sectionsOf(tasks: readonly Task[]): { id: string; title: string }[] {
  return uniqueKeys([...SECTIONS, ...tasks.map((t) => ({ id: t.section, title: t.section }))], (s) => s.id);
}

/**
 * Splits items among listed keys (matched by normalised text); items matching none go to the returned
 * `other` list. One rule for the roll-ups, the report and (as "total − listed rows") the Tổng hợp formulas.
 */
export function groupBy<T>(
  items: readonly T[],
  keys: readonly string[],
  keyOf: (item: T) => string,
): { groups: T[][]; other: T[] } {
  const index = new Map(keys.map((k, i) => [normalizeKey(k), i]));
  const groups: T[][] = keys.map(() => []);
  const other: T[] = [];
  for (const item of items) {
    const i = index.get(normalizeKey(keyOf(item)));
    if (i === undefined) other.push(item);
    else groups[i].push(item);
  }
  return { groups, other };
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
  const group = (
    keys: { key: string; label: string }[],
    keyOf: (t: Task) => string,
    otherLabel: string,
  ): RollupRow[] => {
    const indexed = tasks.map((t, i) => ({ t, state: states[i] }));
    const { groups, other } = groupBy(
      indexed,
      keys.map((k) => k.key),
      (x) => keyOf(x.t),
    );
    const count = (list: { state: DeadlineState }[]): StateCounts => {
      const c = emptyCounts();
      for (const x of list) addCount(c, x.state);
      return c;
    };
    return [
      ...keys.map((k, i) => ({ ...k, counts: count(groups[i]) })),
      { key: OTHER_KEY, label: otherLabel, counts: count(other) },
    ];
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
      OTHER_GROUP.section,
    ),
    byLead: group(
      leadsOf(tasks, listedLeads).map((l) => ({ key: l, label: l })),
      (t) => t.lead,
      OTHER_GROUP.lead,
    ),
    byQuarter,
  };
}

export { DEADLINE_STATES };
