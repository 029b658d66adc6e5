/**
 * A new year's tracker from the old one (`cchc rollover`, the pane's "Chuyển sang năm mới"): which rows of the
 * old tracker carry over, what their Ghi chú says, and what Cài đặt becomes. Pure; src/app/rollover.ts reads
 * the old workbook and writes the new one.
 *
 * A row carries over exactly when its own Tình trạng hạn (deadlineState, on the day of the rollover: what the
 * sheet shows that day) is not done, unless the plan makes it anew:
 * - a row with a deadline, whatever the deadline (overdue, due soon, due in the new year like December's TTHC
 *   review): carried;
 * - a row the sheet's formula cannot read (Lỗi dữ liệu): carried as it is, to be fixed on the new tracker;
 * - a continuous row (no deadline): the plan makes its own continuous tasks anew for every year, so those are
 *   not carried (never two of one task); a continuous task the user added, which the plan does not make, is;
 * - a row the sheet does not count (its Nội dung is empty, so it shows no state) is not a task and is not
 *   carried; the outcome names it.
 * Rows the user added by hand are judged by the same rules as the plan's.
 */
import type { IsoDate } from './dates';
import { deadlineState, isDone, type DeadlineState } from './deadline';
import { expandSchedule, type PlannedTask } from './schedule';
import { defaultSettings, SETTING_KEYS, settingCellValue, type SettingKey, type Settings } from './settings';
import { normalizeKey } from './text';
import { CARRIED_NOTE } from '../i18n/vi';
import type { Task } from './tracker';

/** Why a row carries over. */
type CarryReason = 'dated' | 'dataError' | 'ownContinuous';

export interface CarryDecision {
  task: Task;
  /** Its Tình trạng hạn on the day of the rollover (never a done one). */
  state: DeadlineState;
  reason: CarryReason;
}

export interface CarryPlan {
  /** The rows to carry, in sheet order. */
  carried: CarryDecision[];

  /** Rows with something in them but no Nội dung: the sheet counts them as no task; not carried. */
  notTasks: number[];
}

export interface CarryOptions {
  /** The day of the rollover: the day the old tracker's states are taken on. */
  today: IsoDate;
  warningDays: number;
  /** The new tracker's year. */
  to: number;
}

/** The texts of the plan's continuous tasks (no deadline) in year `year`, normalised. */
function planContinuousTexts(year: number): Set<string> {
  return new Set(
    expandSchedule(year)
      .filter((t) => t.deadline === null)
      .map((t) => normalizeKey(t.task)),
  );
}

/**
 * The texts of the plan's dated tasks in year `year`, normalised. A periodic task names its period and year
 * ("… (Quý II/2026)", "… tháng 03/2026"), so only a one-time task of the plan has the same words every year.
 */
function planDatedTexts(year: number): Set<string> {
  return new Set(
    expandSchedule(year)
      .filter((t) => t.deadline !== null)
      .map((t) => normalizeKey(t.task)),
  );
}

/**
 * The plan's rows for the new year, less the one-time tasks a carried row already holds: a task of the plan
 * not done last year comes over as last year's row (its deadline, its progress, marked "Chuyển từ năm …"), and
 * the plan does not make it a second time. `replaced` lists the plan rows left out. Numbered anew from 1.
 */
export function newYearPlan(
  to: number,
  carried: readonly CarryDecision[],
): { plan: PlannedTask[]; replaced: PlannedTask[] } {
  const held = new Set(carried.map((d) => normalizeKey(d.task.task)));
  const all = expandSchedule(to);
  const dated = planDatedTexts(to);
  const isHeld = (t: PlannedTask): boolean =>
    t.deadline !== null && dated.has(normalizeKey(t.task)) && held.has(normalizeKey(t.task));
  return {
    plan: all.filter((t) => !isHeld(t)).map((t, i) => ({ ...t, stt: i + 1 })),
    replaced: all.filter(isHeld),
  };
}

/** Which rows of the old tracker carry over into the tracker of `opts.to`. */
export function planCarryOver(tasks: readonly Task[], opts: CarryOptions): CarryPlan {
  const continuous = planContinuousTexts(opts.to);
  const carried: CarryDecision[] = [];
  const notTasks: number[] = [];
  for (const task of tasks) {
    if (!task.listed) {
      notTasks.push(task.row);
      continue;
    }
    const state = deadlineState(task, opts.today, opts.warningDays);
    if (isDone(state)) continue;
    const noDeadline = task.deadline === null && !task.unreadable.includes('deadline');
    // The plan makes its continuous tasks anew: never carried, whatever their state.
    if (noDeadline && continuous.has(normalizeKey(task.task))) continue;

    const reason: CarryReason = state === 'dataError' ? 'dataError' : noDeadline ? 'ownContinuous' : 'dated';
    carried.push({ task, state, reason });
  }
  return { carried, notTasks };
}

/** Cài đặt of the new year, and the settings that followed the new year's default. */
export interface RolledSettings {
  settings: Settings;
  /** Settings whose default depends on the year and that the user had left at the old year's default. */
  followed: SettingKey[];
}

const sameValue = (
  a: ReturnType<typeof settingCellValue>,
  b: ReturnType<typeof settingCellValue>,
): boolean =>
  typeof a === 'string' && typeof b === 'string' ? normalizeKey(a) === normalizeKey(b) : a === b;

/**
 * The year set to `to`; a setting whose default depends on the year (the recipient: the province's Sở Nội vụ
 * from 2026) takes the new year's default where the user kept the old year's; every other setting stays as
 * the user has it.
 */
export function rolloverSettings(old: Settings, to: number): RolledSettings {
  const before = defaultSettings(old.year);
  const after = defaultSettings(to);
  const settings: Settings = { ...old, year: to };
  const followed: SettingKey[] = [];
  for (const key of SETTING_KEYS) {
    if (key === 'year') continue;
    const changesWithYear = !sameValue(settingCellValue(before, key), settingCellValue(after, key));
    const keptDefault = sameValue(settingCellValue(old, key), settingCellValue(before, key));
    if (changesWithYear && keptDefault) {
      Object.assign(settings, { [key]: after[key] });
      followed.push(key);
    }
  }
  return { settings, followed };
}

/**
 * The year a row was carried from, read from the mark the rollover writes on its own line of Ghi chú
 * ("Chuyển từ năm 2026 (dòng 14)", noteWithCarry); null for a row of the tracker's own year. The report and
 * every other view say "(năm 2026)" of such a row from this.
 */
export function carriedFrom(note: string): number | null {
  // The last mark: a row carried twice (2025 → 2026 → 2027) is last year's now. Read as the tracker reads
  // Ghi chú (its line breaks may be spaces), so the mark is found anywhere in the text.
  const marks = [...note.normalize('NFC').matchAll(CARRIED_NOTE.mark)];
  return marks.length === 0 ? null : Number(marks[marks.length - 1][1]);
}
