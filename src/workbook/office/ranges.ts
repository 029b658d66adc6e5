/**
 * Range arithmetic for the Office adapter, on top of the shared A1 helpers: whole rows/columns, the sheet
 * prefix Excel puts on the addresses it returns, and covering a set of cells with few rectangles.
 */
import { colToLetters, parseA1Range, rangeToA1, type RangeRef } from '../a1';
import { EXCEL } from '../limits';

const MAX_ROWS = EXCEL.maxRows;
const MAX_COLUMNS = EXCEL.maxColumns;

export function rowCount(r: RangeRef): number {
  return r.end.row - r.start.row + 1;
}

export function columnCount(r: RangeRef): number {
  return r.end.col - r.start.col + 1;
}

/** "'Nhiệm vụ'!B2:C3" → "B2:C3" (sheet names may contain "!" inside quotes). */
export function withoutSheet(address: string): string {
  const m = /^(?:'(?:[^']|'')*'|[^'!]+)!(.*)$/.exec(address);
  return m ? m[1] : address;
}

/** Like parseA1Range, and also "A:C" (whole columns) and "2:4" (whole rows). */
export function parseRange(address: string): RangeRef {
  const bare = withoutSheet(address).replace(/\$/g, '');
  const cols = /^([A-Za-z]{1,3}):([A-Za-z]{1,3})$/.exec(bare);
  if (cols) {
    const a = parseA1Range(`${cols[1]}1:${cols[2]}1`);
    return { start: { row: 0, col: a.start.col }, end: { row: MAX_ROWS - 1, col: a.end.col } };
  }
  const rows = /^(\d+):(\d+)$/.exec(bare);
  if (rows) {
    const a = parseA1Range(`A${rows[1]}:A${rows[2]}`);
    return { start: { row: a.start.row, col: 0 }, end: { row: a.end.row, col: MAX_COLUMNS - 1 } };
  }
  return parseA1Range(bare);
}

/**
 * The areas of a RangeAreas address, as Excel returns it: comma-separated, each area sheet-qualified
 * ("Sheet1!A1:B4, Sheet1!D1:D4", "'Nhiệm vụ'!L2:L60,'Nhiệm vụ'!N2"). A quoted sheet name may itself hold
 * commas and doubled apostrophes, so the split skips what is inside quotes. "" gives no areas.
 */
export function parseAreas(address: string): RangeRef[] {
  const areas: string[] = [];
  let current = '';
  let quoted = false;
  for (const ch of address) {
    if (ch === "'") quoted = !quoted; // a doubled '' inside a name toggles twice: net unchanged
    if (ch === ',' && !quoted) {
      areas.push(current);
      current = '';
    } else {
      current += ch;
    }
  }
  areas.push(current);
  return areas
    .map((a) => a.trim())
    .filter((a) => a !== '')
    .map((a) => parseRange(a));
}

/** True for ranges spanning whole rows or whole columns. */
export function isUnbounded(r: RangeRef): boolean {
  return (
    (r.start.row === 0 && r.end.row === MAX_ROWS - 1) || (r.start.col === 0 && r.end.col === MAX_COLUMNS - 1)
  );
}

export function refToA1(r: RangeRef): string {
  return rangeToA1(r.start.row, r.start.col, r.end.row, r.end.col);
}

/** Columns first..last (0-based) as "A:C". */
export function columnsAddress(first: number, last: number): string {
  return `${colToLetters(first)}:${colToLetters(last)}`;
}

/** Rows first..last (1-based) as "2:4". */
export function rowsAddress(first: number, last: number): string {
  return `${first}:${last}`;
}

/** "1:1" → "$1:$1" (the form print titles take). */
export function absoluteRows(rows: string): string {
  return rows
    .split(':')
    .map((p) => `$${p.replace(/\$/g, '')}`)
    .join(':');
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
