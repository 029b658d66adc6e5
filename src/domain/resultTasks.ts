/**
 * Which tasks "Kết quả theo kỳ" gives rows: every task of Nhiệm vụ but the dated instances of the plan's
 * repeated items (quarterly and monthly meetings, the year-end review, the periodic reports), whose evidence is
 * Nhiệm vụ's own Kết quả / Hồ sơ minh chứng. Standing tasks get rows (their results are words, quarter by
 * quarter), and so do the yearly dated tasks (progress while not done) and the tasks the officer added or a
 * rollover carried. Apart from resultsSheet.ts because it carries the plan: only init and rollover need it.
 */
import { PLAN_ITEMS } from './plan';
import { taskKey, type TaskRef } from './resultsSheet';
import { expandItem } from './schedule';

/** Task texts of the plan's dated instances of repeated items in `years`: they need no words of their own. */
function repeatedInstanceKeys(years: readonly number[]): Set<string> {
  const keys = new Set<string>();
  for (const item of PLAN_ITEMS) {
    if (item.rule.kind === 'continuous' || item.rule.kind === 'quarterEnd') continue;
    for (const y of years) for (const row of expandItem(item, y)) keys.add(taskKey(row.task));
  }
  return keys;
}

/**
 * The tasks a new "Kết quả theo kỳ" of `year` gives rows, in their order: each task text once, without the
 * dated instances of the plan's repeated items of that year or the year before (a rolled-over December review).
 */
export function resultTasks<T extends TaskRef>(tasks: readonly T[], year: number): T[] {
  const repeated = repeatedInstanceKeys([year - 1, year]);
  const seen = new Set<string>();
  const out: T[] = [];
  for (const t of tasks) {
    const key = taskKey(t.task);
    if (key === '' || repeated.has(key) || seen.has(key)) continue;
    seen.add(key);
    out.push(t);
  }
  return out;
}
