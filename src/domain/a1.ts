/** A1-style cell addresses. Rows and columns here are 0-based indexes; A1 text is 1-based as Excel shows it. */

export interface CellRef {
  row: number;
  col: number;
}

export interface RangeRef {
  start: CellRef;
  end: CellRef;
}

/** 0 → "A", 25 → "Z", 26 → "AA". */
export function colToLetters(col: number): string {
  if (!Number.isInteger(col) || col < 0) throw new RangeError(`invalid column index ${col}`);
  let n = col + 1;
  let s = '';
  while (n > 0) {
    const r = (n - 1) % 26;
    s = String.fromCharCode(65 + r) + s;
    n = Math.floor((n - 1) / 26);
  }
  return s;
}

/** "A" → 0, "AA" → 26. Case-insensitive. */
export function lettersToCol(letters: string): number {
  if (!/^[A-Za-z]{1,3}$/.test(letters)) throw new RangeError(`invalid column letters "${letters}"`);
  let n = 0;
  for (const ch of letters.toUpperCase()) n = n * 26 + (ch.charCodeAt(0) - 64);
  return n - 1;
}

/** (0, 0) → "A1". */
export function toA1(row: number, col: number): string {
  return `${colToLetters(col)}${row + 1}`;
}

/** "B3:D10" → {start:{row:2,col:1}, end:{row:9,col:3}}; "C5" → a one-cell range. "$" signs and a sheet prefix are ignored. */
export function parseA1Range(address: string): RangeRef {
  const bare = address.includes('!') ? address.slice(address.lastIndexOf('!') + 1) : address;
  const parts = bare.replace(/\$/g, '').split(':');
  if (parts.length < 1 || parts.length > 2) throw new RangeError(`invalid range "${address}"`);
  const cells = parts.map(parseA1Cell);
  const [a, b = a] = cells;
  return {
    start: { row: Math.min(a.row, b.row), col: Math.min(a.col, b.col) },
    end: { row: Math.max(a.row, b.row), col: Math.max(a.col, b.col) },
  };
}

export function parseA1Cell(address: string): CellRef {
  const m = /^\$?([A-Za-z]{1,3})\$?(\d{1,7})$/.exec(address.trim());
  if (!m) throw new RangeError(`invalid cell "${address}"`);
  const row = Number(m[2]) - 1;
  if (row < 0) throw new RangeError(`invalid cell "${address}"`);
  return { row, col: lettersToCol(m[1]) };
}

/** (0,0,9,11) → "A1:L10". */
export function rangeToA1(startRow: number, startCol: number, endRow: number, endCol: number): string {
  const a = toA1(startRow, startCol);
  const b = toA1(endRow, endCol);
  return a === b ? a : `${a}:${b}`;
}

/** Quotes a sheet name for use in a formula: Nhiệm vụ → 'Nhiệm vụ'. */
export function quoteSheet(name: string): string {
  return `'${name.replace(/'/g, "''")}'`;
}
