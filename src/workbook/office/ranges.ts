/**
 * Range arithmetic for the Office adapter: sizes, whole rows/columns, the part of a range inside another.
 * Addresses themselves (parsing, formatting, sheet prefixes) are domain/a1.ts's.
 */
import { MAX_COLUMNS, MAX_ROWS, type RangeRef } from '../../domain/a1';

export function rowCount(r: RangeRef): number {
  return r.end.row - r.start.row + 1;
}

export function columnCount(r: RangeRef): number {
  return r.end.col - r.start.col + 1;
}

/** True for ranges spanning whole rows or whole columns. */
export function isUnbounded(r: RangeRef): boolean {
  return (
    (r.start.row === 0 && r.end.row === MAX_ROWS - 1) || (r.start.col === 0 && r.end.col === MAX_COLUMNS - 1)
  );
}

/** The part of `r` inside `limit`, or null. */
export function intersect(r: RangeRef, limit: RangeRef): RangeRef | null {
  const start = { row: Math.max(r.start.row, limit.start.row), col: Math.max(r.start.col, limit.start.col) };
  const end = { row: Math.min(r.end.row, limit.end.row), col: Math.min(r.end.col, limit.end.col) };
  return start.row > end.row || start.col > end.col ? null : { start, end };
}

/**
 * Rectangles covering exactly the given cells: runs along each row, then runs of identical column spans in
 * consecutive rows merged into one rectangle. Cells are {row, col}, any order, no duplicates needed.
 */
export function coverCells(cells: readonly { row: number; col: number }[]): RangeRef[] {
  const byRow = new Map<number, number[]>();
  for (const { row, col } of cells) {
    const list = byRow.get(row) ?? [];
    list.push(col);
    byRow.set(row, list);
  }
  const open = new Map<string, RangeRef>();
  const done: RangeRef[] = [];
  let previousRow = -2;
  for (const row of [...byRow.keys()].sort((a, b) => a - b)) {
    const cols = [...new Set(byRow.get(row))].sort((a, b) => a - b);
    const runs: [number, number][] = [];
    for (const c of cols) {
      const last = runs[runs.length - 1];
      if (last && last[1] === c - 1) last[1] = c;
      else runs.push([c, c]);
    }
    const next = new Map<string, RangeRef>();
    for (const [a, b] of runs) {
      const key = `${a}:${b}`;
      const rect = row === previousRow + 1 ? open.get(key) : undefined;
      if (rect) {
        rect.end.row = row;
        open.delete(key);
        next.set(key, rect);
      } else {
        next.set(key, { start: { row, col: a }, end: { row, col: b } });
      }
    }
    done.push(...open.values());
    open.clear();
    for (const [k, v] of next) open.set(k, v);
    previousRow = row;
  }
  done.push(...open.values());
  return done;
}
