import { addDays, type IsoDate } from './dates';

/** The task's own progress, as the user records it in Trạng thái. */
export type TaskStatus = 'notStarted' | 'inProgress' | 'done';

/** Where a task stands against its deadline on a given day (column Tình trạng hạn). */
export type DeadlineState =
  | 'doneOnTime'
  | 'doneLate'
  | 'overdue'
  | 'dueSoon'
  | 'onTrack'
  | 'ongoing'
  /** A cell the formula needs cannot be read (a date typed as text, an error value…): "Lỗi dữ liệu". */
  | 'dataError';

export const DEADLINE_STATES: readonly DeadlineState[] = [
  'doneOnTime',
  'doneLate',
  'overdue',
  'dueSoon',
  'onTrack',
  'ongoing',
  'dataError',
];

export interface DeadlineFacts {
  /** 'done' exactly when the sheet's formula reads the status as Hoàn thành; anything else means not done. */
  status: TaskStatus | null;
  /** null: blank, or unreadable (then `unreadable` says so). */
  deadline: IsoDate | null;
  completedOn: IsoDate | null;
  /** Cells the formula cannot read (src/domain/sheetRules.ts): any makes the state "Lỗi dữ liệu". */
  unreadable?: readonly string[];
}

/**
 * The rule, on day T with N warning days:
 * - Lỗi dữ liệu: the task, status, deadline or completion cell cannot be read (see sheetRules.ts), a status
 *   that is not one of the list's values ("Đã hoàn thành", "hoan thanh", "Xong") included: such a row is never
 *   counted as overdue, nor as done;
 * - done at T: status is Hoàn thành and the completion date is empty or not after T (a completion dated after T
 *   does not count as done at T);
 *   - Hoàn thành đúng hạn: no deadline, or no completion date, or completed on/before the deadline;
 *   - Hoàn thành quá hạn: completed after the deadline;
 * - not done: Thường xuyên without a deadline; Quá hạn when deadline < T; Sắp đến hạn when T ≤ deadline ≤ T+N;
 *   Trong hạn when deadline > T+N.
 * The workbook's formula (src/sheets/stateFormula.ts) states the same rule for Excel and LibreOffice.
 */
export function deadlineState(facts: DeadlineFacts, today: IsoDate, warningDays: number): DeadlineState {
  if (facts.unreadable && facts.unreadable.length > 0) return 'dataError';
  const doneAtT = facts.status === 'done' && (facts.completedOn === null || facts.completedOn <= today);
  if (doneAtT) {
    if (facts.deadline === null || facts.completedOn === null || facts.completedOn <= facts.deadline)
      return 'doneOnTime';
    return 'doneLate';
  }
  if (facts.deadline === null) return 'ongoing';
  if (facts.deadline < today) return 'overdue';
  if (facts.deadline <= addDays(today, warningDays)) return 'dueSoon';
  return 'onTrack';
}

export function isDone(state: DeadlineState): boolean {
  return state === 'doneOnTime' || state === 'doneLate';
}
