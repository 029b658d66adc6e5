/**
 * Address handling of the fake: A1 text (with "$", a sheet prefix, whole columns "A:C" and whole rows
 * "2:4") ↔ rectangles of 0-based indexes. Written apart from the adapter's own helpers so that a bug in one
 * cannot hide in the other.
 */
import { colToLetters, lettersToCol, toA1 } from '../../src/domain/a1';
import { FakeOfficeError } from './errors';

export const MAX_ROWS = 1_048_576;
export const MAX_COLUMNS = 16_384;

/** A rectangle of cells, 0-based and inclusive. */
export interface Rect {
  top: number;
  left: number;
  bottom: number;
  right: number;
}

export function rectRows(r: Rect): number {
  return r.bottom - r.top + 1;
}

export function rectColumns(r: Rect): number {
  return r.right - r.left + 1;
}

export function rectCells(r: Rect): number {
  return rectRows(r) * rectColumns(r);
}

export function contains(r: Rect, row: number, col: number): boolean {
  return row >= r.top && row <= r.bottom && col >= r.left && col <= r.right;
}

export function overlaps(a: Rect, b: Rect): boolean {
  return a.top <= b.bottom && b.top <= a.bottom && a.left <= b.right && b.left <= a.right;
}

export function sameRect(a: Rect, b: Rect): boolean {
  return a.top === b.top && a.left === b.left && a.bottom === b.bottom && a.right === b.right;
}

export const WHOLE_SHEET: Rect = { top: 0, left: 0, bottom: MAX_ROWS - 1, right: MAX_COLUMNS - 1 };

/** True when the rectangle spans whole rows or whole columns (formats there do not extend the used range). */
export function isUnbounded(r: Rect): boolean {
  return (r.top === 0 && r.bottom === MAX_ROWS - 1) || (r.left === 0 && r.right === MAX_COLUMNS - 1);
}

/** Splits "'Nhiệm vụ'!A1:B2" into the sheet name and the range part. */
export function splitSheet(address: string): { sheet: string | null; range: string } {
  const bang = address.lastIndexOf('!');
  if (bang < 0) return { sheet: null, range: address };
  let sheet = address.slice(0, bang);
  if (sheet.startsWith("'") && sheet.endsWith("'")) sheet = sheet.slice(1, -1).replace(/''/g, "'");
  return { sheet, range: address.slice(bang + 1) };
}

function invalid(address: string): FakeOfficeError {
  return new FakeOfficeError(
    'InvalidArgument',
    `The argument is invalid or missing or has an incorrect format ("${address}").`,
  );
}

function parsePart(part: string, address: string): { row: number | null; col: number | null } {
  const m = /^\$?([A-Za-z]{1,3})?\$?(\d{1,7})?$/.exec(part);
  if (!m || (m[1] === undefined && m[2] === undefined)) throw invalid(address);
  const col = m[1] === undefined ? null : lettersToCol(m[1]);
  const row = m[2] === undefined ? null : Number(m[2]) - 1;
  if ((row !== null && (row < 0 || row >= MAX_ROWS)) || (col !== null && col >= MAX_COLUMNS))
    throw invalid(address);
  return { row, col };
}

/** Parses "A1", "A1:C3", "A:C", "2:4" (any may carry "$" and a sheet prefix). Throws InvalidArgument. */
export function parseAddress(address: string): Rect {
  const { range } = splitSheet(address.trim());
  const parts = range.split(':');
  if (parts.length > 2 || parts[0] === '') throw invalid(address);
  const a = parsePart(parts[0], address);
  const b = parts.length === 2 ? parsePart(parts[1], address) : a;
  const kind = (p: { row: number | null; col: number | null }): string =>
    p.row !== null && p.col !== null ? 'cell' : p.row !== null ? 'row' : 'col';
  if (kind(a) !== kind(b) || (parts.length === 1 && kind(a) !== 'cell')) throw invalid(address);
  const top = Math.min(a.row ?? 0, b.row ?? 0);
  const bottom = a.row === null ? MAX_ROWS - 1 : Math.max(a.row, b.row ?? a.row);
  const left = Math.min(a.col ?? 0, b.col ?? 0);
  const right = a.col === null ? MAX_COLUMNS - 1 : Math.max(a.col, b.col ?? a.col);
  return { top, left, bottom, right };
}

/** Quotes a sheet name the way Excel does in addresses it returns. */
export function quoteSheetName(name: string): string {
  return /^[A-Za-z_][A-Za-z0-9_.]*$/.test(name) ? name : `'${name.replace(/'/g, "''")}'`;
}

/** A rectangle as Excel returns it: "A1:C3", "A:C", "2:4", or "B2" for one cell. */
export function rectToAddress(r: Rect): string {
  if (r.top === 0 && r.bottom === MAX_ROWS - 1 && !(r.left === 0 && r.right === MAX_COLUMNS - 1)) {
    return `${colToLetters(r.left)}:${colToLetters(r.right)}`;
  }
  if (r.left === 0 && r.right === MAX_COLUMNS - 1 && !(r.top === 0 && r.bottom === MAX_ROWS - 1)) {
    return `${r.top + 1}:${r.bottom + 1}`;
  }
  const a = toA1(r.top, r.left);
  const b = toA1(r.bottom, r.right);
  return a === b ? a : `${a}:${b}`;
}

/**
 * Rectangles covering exactly the given cells: runs along each row, merged with the run of the same columns
 * in the row above. Sorted by top row, then left column. (Written apart from the adapter's coverCells.)
 */
export function rectsCovering(cells: readonly { row: number; col: number }[]): Rect[] {
  const sorted = [...cells].sort((a, b) => a.row - b.row || a.col - b.col);
  const done: Rect[] = [];
  let open = new Map<string, Rect>();
  let i = 0;
  while (i < sorted.length) {
    const row = sorted[i].row;
    const next = new Map<string, Rect>();
    while (i < sorted.length && sorted[i].row === row) {
      const left = sorted[i].col;
      let right = left;
      i++;
      while (i < sorted.length && sorted[i].row === row && sorted[i].col <= right + 1) {
        right = Math.max(right, sorted[i].col);
        i++;
      }
      const key = `${left}:${right}`;
      const above = open.get(key);
      if (above && above.bottom === row - 1) {
        above.bottom = row;
        open.delete(key);
        next.set(key, above);
      } else {
        next.set(key, { top: row, left, bottom: row, right });
      }
    }
    done.push(...open.values());
    open = next;
  }
  done.push(...open.values());
  return done.sort((a, b) => a.top - b.top || a.left - b.left);
}
