/** "Kiểm tra dữ liệu": the rules between a task's fields, on top of what reading the tracker found. */
import { PROBLEM, SHEET } from '../i18n/vi';
import { toA1 } from './a1';
import { formatVnDate, type IsoDate } from './dates';
import { cellText, type Grid } from './grid';
import type { CheckResult, Problem } from './problems';
import { readTracker, stateColumnProblems, type ColumnKey, type TrackerRead } from './tracker';
import { normalizeKey } from './text';

export interface CheckContext {
  today: IsoDate;
  /** The tracker's year (Cài đặt › Năm theo dõi): deadlines outside year ± 1 are flagged. */
  year: number;
  /** Bodies on the Danh mục list; a lead outside it is a warning. Empty: not checked. */
  knownLeads: readonly string[];
}

export function validateTasks(read: TrackerRead, sheet: string, ctx: CheckContext): Problem[] {
  const problems: Problem[] = [];
  const known = new Set(ctx.knownLeads.map(normalizeKey));
  const addr = (row: number, key: ColumnKey): string => toA1(row - 1, read.columns[key] ?? 0);
  const push = (severity: Problem['severity'], code: string, cell: string, message: string): void => {
    problems.push({ severity, code, sheet, cell, message });
  };
  const firstStt = new Map<string, string>();
  for (const t of read.tasks) {
    if (t.task === '')
      push('error', 'emptyTask', addr(t.row, 'task'), PROBLEM.emptyTask(sheet, addr(t.row, 'task')));
    if (t.section === '')
      push(
        'error',
        'emptySection',
        addr(t.row, 'section'),
        PROBLEM.emptySection(sheet, addr(t.row, 'section')),
      );
    if (t.lead === '')
      push('error', 'emptyLead', addr(t.row, 'lead'), PROBLEM.emptyLead(sheet, addr(t.row, 'lead')));
    else if (known.size > 0 && !known.has(normalizeKey(t.lead)))
      push(
        'warning',
        'unknownLead',
        addr(t.row, 'lead'),
        PROBLEM.unknownLead(sheet, addr(t.row, 'lead'), t.lead, SHEET.lists),
      );
    if (t.statusText !== '' && t.status === null)
      push(
        'error',
        'unknownStatus',
        addr(t.row, 'status'),
        PROBLEM.unknownStatus(sheet, addr(t.row, 'status'), t.statusText),
      );
    if (t.status === 'done' && t.completedOn === null && !hasProblemAt(read, addr(t.row, 'completedOn')))
      push(
        'error',
        'doneWithoutDate',
        addr(t.row, 'completedOn'),
        PROBLEM.doneWithoutDate(sheet, addr(t.row, 'completedOn')),
      );
    if (t.completedOn !== null && t.completedOn > ctx.today)
      push(
        'error',
        'completedInFuture',
        addr(t.row, 'completedOn'),
        PROBLEM.completedInFuture(sheet, addr(t.row, 'completedOn'), formatVnDate(t.completedOn)),
      );
    if (t.completedOn !== null && t.status !== 'done' && t.statusText !== '' && t.status !== null)
      push(
        'warning',
        'dateWithoutDone',
        addr(t.row, 'status'),
        PROBLEM.dateWithoutDone(sheet, addr(t.row, 'status')),
      );
    if (t.deadline !== null) {
      const y = Number(t.deadline.slice(0, 4));
      if (Math.abs(y - ctx.year) > 1)
        push(
          'warning',
          'deadlineOutOfYear',
          addr(t.row, 'deadline'),
          PROBLEM.deadlineOutOfYear(sheet, addr(t.row, 'deadline'), formatVnDate(t.deadline), ctx.year),
        );
    }
    if (t.stt !== '' && read.columns.stt !== undefined) {
      const key = normalizeKey(t.stt);
      const first = firstStt.get(key);
      if (first)
        push(
          'error',
          'duplicateStt',
          addr(t.row, 'stt'),
          PROBLEM.duplicateStt(sheet, addr(t.row, 'stt'), t.stt, first),
        );
      else firstStt.set(key, addr(t.row, 'stt'));
    }
  }
  return problems;
}

function hasProblemAt(read: TrackerRead, cell: string): boolean {
  return read.problems.some((p) => p.cell === cell);
}

/** Sorts problems by row, then column, so the list reads top to bottom like the sheet. */
export function sortProblems(problems: Problem[]): Problem[] {
  const key = (cell: string): [number, number] => {
    const m = /^([A-Z]+)(\d+)$/.exec(cell);
    if (!m) return [0, 0];
    let col = 0;
    for (const ch of m[1]) col = col * 26 + ch.charCodeAt(0) - 64;
    return [Number(m[2]), col];
  };
  return [...problems].sort((a, b) => {
    if (a.sheet !== b.sheet) return a.sheet < b.sheet ? -1 : 1;
    const [ra, ca] = key(a.cell);
    const [rb, cb] = key(b.cell);
    return ra - rb || ca - cb;
  });
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
  return grid.values
    .slice(1)
    .map((row) => cellText(row[0] ?? null).trim())
    .filter((s) => s !== '');
}
