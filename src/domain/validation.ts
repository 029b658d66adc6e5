/** "Kiểm tra dữ liệu": the rules between a task's fields, on top of what reading the tracker found. */
import { PROBLEM, SHEET } from '../i18n/vi';
import { toA1, tryParseA1Cell } from './a1';
import { formatVnDate, type IsoDate } from './dates';
import { cellText, isErrorCell, type Grid } from './grid';
import { SECTIONS } from './plan';
import { countifsKey } from './rollup';
import type { CellFix, CheckResult, Problem } from './problems';
import { expandSchedule } from './schedule';
import { excelTrim } from './sheetRules';
import { readTracker, stateColumnProblems, type ColumnKey, type Task, type TrackerRead } from './tracker';
import { spellingMessage } from './statusSpelling';
import { normalizeKey } from './text';

export interface CheckContext {
  /** The day the figures are taken (today, or a report's as-of day). */
  today: IsoDate;
  /** The tracker's year (Cài đặt › Năm theo dõi): deadlines outside year ± 1 are flagged. */
  year: number;
  /** Bodies on the Danh mục list; a lead outside it is a warning. Empty: not checked. */
  knownLeads: readonly string[];
}

/**
 * Plan tasks of a year that have a deadline, by normalised text: their deadline must not be removed. By text,
 * because the text is the only link a tracker keeps to its plan row: the plan's ids (PlanItem.id) are not in
 * the workbook (no hidden column) and STT is renumbered by users. So a plan text once shipped is not edited:
 * an edited one would leave old trackers' rows unchecked (docs/extending.md, "Plan rows are matched by their
 * text").
 */
function datedPlanTasks(year: number): Map<string, string> {
  const out = new Map<string, string>();
  if (!Number.isInteger(year) || year < 1990 || year > 2100) return out;
  for (const t of expandSchedule(year)) if (t.deadline !== null) out.set(normalizeKey(t.task), t.timeline);
  return out;
}

/**
 * Is a completion in `completionYear` plausible for a task with this deadline on a tracker of `year`? The
 * tracker's year and the next (late work; December's reviews fall due in January); the year before only for
 * a task due before April, finished ahead of time or carried over.
 */
function completionYearFits(completionYear: number, deadline: IsoDate | null, year: number): boolean {
  if (completionYear === year || completionYear === year + 1) return true;
  return completionYear === year - 1 && deadline !== null && deadline < `${year}-04-01`;
}

function validateTasks(read: TrackerRead, sheet: string, ctx: CheckContext): Problem[] {
  const problems: Problem[] = [];
  const lists = listsOf(ctx);
  const push: Push = (severity, code, cell, message, fix) => {
    problems.push({ severity, code, sheet, cell, message, ...(fix ? { fix } : {}) });
  };
  const firstStt = new Map<string, string>();
  for (const t of read.tasks) {
    const at = (k: ColumnKey): string => toA1(t.row - 1, read.columns[k] ?? 0);
    const c: TaskCheck = { sheet, ctx, push, at };
    if (t.task === '' && !t.unreadable.includes('task'))
      push('error', 'emptyTask', at('task'), PROBLEM.emptyTask(sheet, at('task')));
    checkSection(c, t, lists);
    checkLead(c, t, lists);
    checkStatusAndCompletion(c, t);
    checkDeadline(c, t, lists.dated);
    if (t.stt !== '' && read.columns.stt !== undefined) {
      const key = normalizeKey(t.stt);
      const first = firstStt.get(key);
      if (first)
        push('error', 'duplicateStt', at('stt'), PROBLEM.duplicateStt(sheet, at('stt'), t.stt, first));
      else firstStt.set(key, at('stt'));
    }
  }
  return problems;
}

type Push = (
  severity: Problem['severity'],
  code: string,
  cell: string,
  message: string,
  fix?: CellFix,
) => void;

/** What checking one task needs: the sheet, the context, where problems go and the task's cells. */
interface TaskCheck {
  sheet: string;
  ctx: CheckContext;
  push: Push;
  at: (k: ColumnKey) => string;
}

/** The lists a task is checked against: sections, Danh mục's bodies, and the plan's dated tasks. */
interface Lists {
  knownBySheetKey: Set<string>;
  knownByKey: Map<string, string>;
  sectionByKey: Map<string, string>;
  sectionBySheetKey: Set<string>;
  dated: Map<string, string>;
}

function listsOf(ctx: CheckContext): Lists {
  return {
    knownBySheetKey: new Set(ctx.knownLeads.map(countifsKey)),
    knownByKey: new Map(ctx.knownLeads.map((l) => [normalizeKey(l), l])),
    sectionByKey: new Map(SECTIONS.map((s) => [normalizeKey(s.id), s.id])),
    sectionBySheetKey: new Set(SECTIONS.map((s) => countifsKey(s.id))),
    dated: datedPlanTasks(ctx.year),
  };
}

/** Mục: present, and one of the plan's (a spelling that differs only in form is fixable). */
function checkSection({ sheet, push, at }: TaskCheck, t: Task, lists: Lists): void {
  if (t.section === '') {
    if (t.match.section !== null)
      push('error', 'emptySection', at('section'), PROBLEM.emptySection(sheet, at('section')));
  } else if (t.match.section !== null && !lists.sectionBySheetKey.has(countifsKey(t.match.section))) {
    const canonical = lists.sectionByKey.get(normalizeKey(t.section));
    if (canonical)
      push(
        'error',
        'sectionSpelling',
        at('section'),
        spellingMessage(PROBLEM.sectionSpelling, sheet, at('section'), t.section, t.match.section, canonical),
        { value: canonical, was: t.match.section, becomes: canonical },
      );
    else
      push('error', 'unknownSection', at('section'), PROBLEM.unknownSection(sheet, at('section'), t.section));
  }
}

/** Cơ quan chủ trì: present, and on Danh mục when it has a list (a spelling that differs only in form is fixable). */
function checkLead({ sheet, push, at }: TaskCheck, t: Task, lists: Lists): void {
  if (t.lead === '') {
    if (t.match.lead !== null) push('error', 'emptyLead', at('lead'), PROBLEM.emptyLead(sheet, at('lead')));
  } else if (
    lists.knownByKey.size > 0 &&
    t.match.lead !== null &&
    !lists.knownBySheetKey.has(countifsKey(t.match.lead))
  ) {
    const canonical = lists.knownByKey.get(normalizeKey(t.lead));
    if (canonical)
      push(
        'error',
        'leadSpelling',
        at('lead'),
        spellingMessage(PROBLEM.leadSpelling, sheet, at('lead'), t.lead, t.match.lead ?? t.lead, canonical),
        {
          value: canonical,
          was: t.match.lead ?? t.lead,
          becomes: canonical,
        },
      );
    else
      push('warning', 'unknownLead', at('lead'), PROBLEM.unknownLead(sheet, at('lead'), t.lead, SHEET.lists));
  }
}

/** Trạng thái and Ngày hoàn thành: a date when done, a done status when dated, a date that fits. */
function checkStatusAndCompletion({ sheet, ctx, push, at }: TaskCheck, t: Task): void {
  // A status that is not a list value is reported where it is read (tracker.ts): the row is "Lỗi dữ liệu".
  const statusReadable = !t.unreadable.includes('status');
  const completedReadable = !t.unreadable.includes('completedOn');
  if (t.status === 'done' && t.completedOn === null && completedReadable)
    push('error', 'doneWithoutDate', at('completedOn'), PROBLEM.doneWithoutDate(sheet, at('completedOn')));
  if (t.completedOn === null) return;
  const y = Number(t.completedOn.slice(0, 4));
  if (t.completedOn > ctx.today)
    push(
      'error',
      'completedInFuture',
      at('completedOn'),
      PROBLEM.completedInFuture(
        sheet,
        at('completedOn'),
        formatVnDate(t.completedOn),
        formatVnDate(ctx.today),
      ),
    );
  // Late work, and December's reviews, are finished in January of the next year; a task of the year before
  // (its deadline then) may have been finished then. Any other year is a typo to fix.
  else if (!completionYearFits(y, t.deadline, ctx.year))
    push(
      'error',
      'completedOutOfYear',
      at('completedOn'),
      PROBLEM.completedOutOfYear(sheet, at('completedOn'), formatVnDate(t.completedOn), ctx.year),
    );
  if (t.status !== 'done' && statusReadable)
    push('error', 'dateWithoutDone', at('status'), PROBLEM.dateWithoutDone(sheet, at('status')));
}

/** Hạn hoàn thành: within a year of the tracker's, and kept on a plan task that has one. */
function checkDeadline({ sheet, ctx, push, at }: TaskCheck, t: Task, dated: Map<string, string>): void {
  if (t.deadline !== null) {
    const y = Number(t.deadline.slice(0, 4));
    if (Math.abs(y - ctx.year) > 1)
      push(
        'warning',
        'deadlineOutOfYear',
        at('deadline'),
        PROBLEM.deadlineOutOfYear(sheet, at('deadline'), formatVnDate(t.deadline), ctx.year),
      );
  } else if (!t.unreadable.includes('deadline') && t.listed) {
    const timeline = dated.get(normalizeKey(t.task));
    if (timeline !== undefined)
      push(
        'error',
        'recurringWithoutDeadline',
        at('deadline'),
        PROBLEM.recurringWithoutDeadline(sheet, at('deadline'), timeline),
      );
  }
}

/** Sorts problems by row, then column, so the list reads top to bottom like the sheet. */
export function sortProblems(problems: Problem[]): Problem[] {
  // Each cell's address is parsed once, not on every comparison (280,000 problems at the limits); the sort is
  // stable, so problems at one cell keep their order.
  const keyed = problems.map((problem) => {
    const at = tryParseA1Cell(problem.cell);
    return { problem, row: at ? at.row + 1 : 0, col: at ? at.col + 1 : 0 };
  });
  keyed.sort((a, b) => {
    if (a.problem.sheet !== b.problem.sheet) return a.problem.sheet < b.problem.sheet ? -1 : 1;
    return a.row - b.row || a.col - b.col;
  });
  return keyed.map((k) => k.problem);
}

/** The whole check of a tracker grid: reading problems, field rules, and the formula column. */
export function checkTrackerGrid(grid: Grid, ctx: CheckContext): { read: TrackerRead; result: CheckResult } {
  const read = readTracker(grid);
  const all = [...read.problems, ...validateTasks(read, grid.name, ctx), ...stateColumnProblems(grid, read)];
  const sorted = sortProblems(all);
  return {
    read,
    result: {
      errors: sorted.filter((p) => p.severity === 'error'),
      warnings: sorted.filter((p) => p.severity === 'warning'),
    },
  };
}

/** The bodies listed on Danh mục (column A below its header), for the lead check. */
export function readKnownLeads(grid: Grid | undefined): string[] {
  if (!grid) return [];
  // As stored: the dropdown writes the entry exactly so, and Tổng hợp's criteria must match it.
  return grid.values
    .slice(1)
    .filter((row) => !isErrorCell(row[0] ?? null))
    .map((row) => cellText(row[0] ?? null))
    .filter((s) => excelTrim(s) !== '');
}
