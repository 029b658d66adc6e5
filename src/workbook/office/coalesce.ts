/**
 * Fewer proxy operations for the same sheet: a report lists one paragraph per task, each with its own merge
 * and style run, which would cost about ten operations a row. Runs that Excel would end up treating the
 * same way are sent as one:
 * - one-row merges of the same columns in consecutive rows → one Range.merge(across = true), which merges
 *   each row of the range on its own;
 * - consecutive style runs with the same style on ranges that join into one rectangle → one run. Runs with
 *   borders are left alone (a border on a bigger range draws inside lines the separate runs may not have).
 */
import type { CellStyle, StyleRun } from '../../sheets/spec';
import { formatRange, parseRange, type RangeRef } from '../../domain/a1';
import { isUnbounded } from './ranges';

export interface MergeRun {
  range: RangeRef;
  /** True: merge each row of the range on its own (Range.merge(true)). */
  across: boolean;
}

/** The spec's merges as few merge calls. Order among merges does not matter (they may not overlap). */
export function coalesceMerges(merges: readonly string[]): MergeRun[] {
  const out: MergeRun[] = [];
  /** Open vertical runs of one-row merges, by "left:right". */
  const open = new Map<string, MergeRun>();
  const parsed = merges.map((m) => parseRange(m));
  const oneRow = parsed
    .filter((r) => r.start.row === r.end.row && !isUnbounded(r))
    .sort((a, b) => a.start.col - b.start.col || a.start.row - b.start.row);
  for (const r of oneRow) {
    const key = `${r.start.col}:${r.end.col}`;
    const run = open.get(key);
    if (run && run.range.end.row === r.start.row - 1) {
      run.range.end.row = r.start.row;
      run.across = true;
      continue;
    }
    const fresh: MergeRun = { range: { start: { ...r.start }, end: { ...r.end } }, across: false };
    open.set(key, fresh);
    out.push(fresh);
  }
  for (const r of parsed)
    if (r.start.row !== r.end.row || isUnbounded(r)) out.push({ range: r, across: false });
  return out;
}

/** JSON of a style with its keys sorted at every level, so equal styles compare equal. */
function styleKey(style: CellStyle): string {
  return JSON.stringify(style, (_key, value: unknown) =>
    value && typeof value === 'object' && !Array.isArray(value)
      ? Object.fromEntries(
          Object.entries(value as Record<string, unknown>).sort(([a], [b]) => a.localeCompare(b)),
        )
      : value,
  );
}

/** The union of two rectangles when it is itself a rectangle (stacked with the same columns, or side by side). */
function join(a: RangeRef, b: RangeRef): RangeRef | null {
  const sameCols = a.start.col === b.start.col && a.end.col === b.end.col;
  const sameRows = a.start.row === b.start.row && a.end.row === b.end.row;
  if (sameCols && (b.start.row === a.end.row + 1 || a.start.row === b.end.row + 1)) {
    return {
      start: { row: Math.min(a.start.row, b.start.row), col: a.start.col },
      end: { row: Math.max(a.end.row, b.end.row), col: a.end.col },
    };
  }
  if (sameRows && (b.start.col === a.end.col + 1 || a.start.col === b.end.col + 1)) {
    return {
      start: { row: a.start.row, col: Math.min(a.start.col, b.start.col) },
      end: { row: a.end.row, col: Math.max(a.end.col, b.end.col) },
    };
  }
  return null;
}

/**
 * Style runs with each run of consecutive, equal, border-free styles on joining ranges made one. Later runs
 * still win over earlier ones: only neighbours in the list are joined, so nothing moves past another run.
 */
export function coalesceStyles(styles: readonly StyleRun[]): StyleRun[] {
  const out: StyleRun[] = [];
  let last: { run: StyleRun; range: RangeRef; key: string } | undefined;
  for (const run of styles) {
    const range = parseRange(run.range);
    const key = styleKey(run.style);
    const joinable = !run.style.border && !isUnbounded(range);
    const joined = joinable && last && last.key === key ? join(last.range, range) : null;
    if (last && joined) {
      last.range = joined;
      last.run.range = formatRange(joined);
      continue;
    }
    const copy: StyleRun = { range: run.range, style: run.style };
    out.push(copy);
    last = joinable ? { run: copy, range, key } : undefined;
  }
  return out;
}
