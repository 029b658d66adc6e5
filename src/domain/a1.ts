/**
 * A1 addresses, the one module that reads and writes them: cells, ranges, whole rows and columns, absolute
 * references ($B$3) and sheet names ('Nhiệm vụ'!A1, a quote inside doubled). Every layer uses this one (the
 * domain is the lowest layer, so all may import it); test/architecture.test.ts keeps column-letter
 * arithmetic and sheet-name quoting out of every other file.
 *
 * Rows and columns here are 0-based indexes; A1 text is 1-based as Excel shows it.
 */

export interface CellRef {
  row: number;
  col: number;
}

export interface RangeRef {
  start: CellRef;
  end: CellRef;
}

/** A cell with its "$" signs: $B3 is column-absolute, B$3 row-absolute. */
export interface CellAddress extends CellRef {
  absoluteRow: boolean;
  absoluteCol: boolean;
}

/** Excel's grid: rows 1…1,048,576, columns A…XFD. */
export const MAX_ROWS = 1_048_576;
export const MAX_COLUMNS = 16_384;

// ---------------------------------------------------------------------------------------------------------
// Columns

const LETTERS: (string | undefined)[] = new Array<string | undefined>(MAX_COLUMNS).fill(undefined);

/** 0 → "A", 25 → "Z", 26 → "AA". */
export function colToLetters(col: number): string {
  // Excel's columns (A…XFD) are remembered once made: formula shifting asks for the same few letters millions
  // of times.
  const known = LETTERS[col];
  if (known !== undefined) return known;
  if (!Number.isInteger(col) || col < 0) throw new RangeError(`invalid column index ${col}`);
  const letters = lettersOf(col);
  if (col < LETTERS.length) LETTERS[col] = letters;
  return letters;
}

function lettersOf(col: number): string {
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

// ---------------------------------------------------------------------------------------------------------
// Cells

/** (0, 0) → "A1". */
export function toA1(row: number, col: number): string {
  return `${colToLetters(col)}${row + 1}`;
}

/** (2, 1) → "$B$3". */
export function absoluteA1(row: number, col: number): string {
  return `$${colToLetters(col)}$${row + 1}`;
}

export function formatCellAddress(a: CellAddress): string {
  return `${a.absoluteCol ? '$' : ''}${colToLetters(a.col)}${a.absoluteRow ? '$' : ''}${a.row + 1}`;
}

/** "$B3" → row 2, column 1, column-absolute. Case-insensitive; surrounding spaces are ignored. */
export function parseCellAddress(address: string): CellAddress {
  const m = /^(\$?)([A-Za-z]{1,3})(\$?)(\d{1,7})$/.exec(address.trim());
  if (!m) throw new RangeError(`invalid cell "${address}"`);
  const row = Number(m[4]) - 1;
  if (row < 0) throw new RangeError(`invalid cell "${address}"`);
  return { row, col: lettersToCol(m[2]), absoluteRow: m[3] === '$', absoluteCol: m[1] === '$' };
}

/** "B3" or "$B$3" → {row: 2, col: 1}. */
export function parseA1Cell(address: string): CellRef {
  const { row, col } = parseCellAddress(address);
  return { row, col };
}

/**
 * Like parseA1Cell, but undefined where it would throw; read without a regular expression or an exception,
 * since sorting a check's problems reads every one's cell (280,000 at the limits). A property test holds it
 * to parseA1Cell.
 */
export function tryParseA1Cell(address: string): CellRef | undefined {
  const s = address.trim();
  let i = s.charCodeAt(0) === 0x24 ? 1 : 0; // $
  const lettersStart = i;
  let col = 0;
  for (; i < s.length && i - lettersStart < 4; i += 1) {
    const lower = s.charCodeAt(i) | 0x20; // A-Z → a-z; nothing else lands on a-z
    if (lower < 0x61 || lower > 0x7a) break;
    col = col * 26 + (lower - 0x60);
  }
  if (i === lettersStart || i - lettersStart > 3) return undefined;
  if (s.charCodeAt(i) === 0x24) i += 1;
  const digitsStart = i;
  let row = 0;
  for (; i < s.length; i += 1) {
    const c = s.charCodeAt(i);
    if (c < 0x30 || c > 0x39) return undefined;
    row = row * 10 + (c - 0x30);
  }
  if (i === digitsStart || i - digitsStart > 7 || row < 1) return undefined;
  return { row: row - 1, col: col - 1 };
}

/** "B3" → "$B$3" (a cell already absolute stays as it is). */
export function toAbsolute(cell: string): string {
  const { row, col } = parseA1Cell(cell);
  return absoluteA1(row, col);
}

/**
 * "AB12" → column 28 and row 12, both 1-based (row 0 when left out), read without a regular expression for
 * code that runs on every cell of a file. Undefined when it is not a reference; a column past XFD comes back
 * as MAX_COLUMNS + 1 (never overflowing) and a row of more than 16 digits as MAX_SAFE_INTEGER, for the
 * caller to refuse.
 */
export function scanCellRef(ref: string): { col: number; row: number } | undefined {
  let i = 0;
  if (ref.charCodeAt(i) === 0x24) i += 1; // $
  let col = 0;
  const lettersStart = i;
  for (; i < ref.length; i += 1) {
    const ch = ref.charCodeAt(i) | 0x20; // lower case
    if (ch < 0x61 || ch > 0x7a) break;
    col = col * 26 + (ch - 0x60);
    if (col > MAX_COLUMNS) col = MAX_COLUMNS + 1; // stays "past XFD", never overflows
  }
  if (i === lettersStart) return undefined;
  if (ref.charCodeAt(i) === 0x24) i += 1;
  let row = 0;
  const digitsStart = i;
  for (; i < ref.length; i += 1) {
    const ch = ref.charCodeAt(i);
    if (ch < 0x30 || ch > 0x39) return undefined;
    row = row * 10 + (ch - 0x30);
  }
  if (i - digitsStart > 16) row = Number.MAX_SAFE_INTEGER;
  return { col, row };
}

// ---------------------------------------------------------------------------------------------------------
// Ranges

export interface FormatRangeOptions {
  /** "$A$1:$B$2". */
  absolute?: boolean;
  /** Write a one-cell range as "A1:A1" rather than "A1" (a table's ref, a print area). */
  pair?: boolean;
}

/** {A1…L10} → "A1:L10"; a one-cell range → "A1" unless `pair`. */
export function formatRange(r: RangeRef, options: FormatRangeOptions = {}): string {
  const cell = options.absolute ? absoluteA1 : toA1;
  const a = cell(r.start.row, r.start.col);
  const b = cell(r.end.row, r.end.col);
  return a === b && !options.pair ? a : `${a}:${b}`;
}

/** (0,0,9,11) → "A1:L10". */
export function rangeToA1(startRow: number, startCol: number, endRow: number, endCol: number): string {
  return formatRange({ start: { row: startRow, col: startCol }, end: { row: endRow, col: endCol } });
}

/**
 * "B3:D10" → {start:{row:2,col:1}, end:{row:9,col:3}}; "C5" → a one-cell range; corners in any order.
 * "$" signs and a sheet prefix are ignored. Cells only: see parseRange for whole rows and columns.
 */
export function parseA1Range(address: string): RangeRef {
  const parts = withoutSheet(address).split(':');
  if (parts.length > 2) throw new RangeError(`invalid range "${address}"`);
  const cells = parts.map(parseA1Cell);
  const [a, b = a] = cells;
  return {
    start: { row: Math.min(a.row, b.row), col: Math.min(a.col, b.col) },
    end: { row: Math.max(a.row, b.row), col: Math.max(a.col, b.col) },
  };
}

/** Like parseA1Range, and also "A:C" (whole columns) and "2:4" (whole rows). */
export function parseRange(address: string): RangeRef {
  const bare = withoutSheet(address).replace(/\$/g, '');
  const cols = /^([A-Za-z]{1,3}):([A-Za-z]{1,3})$/.exec(bare);
  if (cols) {
    const [a, b] = [lettersToCol(cols[1]), lettersToCol(cols[2])];
    return { start: { row: 0, col: Math.min(a, b) }, end: { row: MAX_ROWS - 1, col: Math.max(a, b) } };
  }
  const rows = parseRows(bare);
  if (rows && bare.includes(':')) {
    return { start: { row: rows.first, col: 0 }, end: { row: rows.last, col: MAX_COLUMNS - 1 } };
  }
  return parseA1Range(bare);
}

/** Columns first..last (0-based) as "A:C", or "$A:$C". */
export function formatColumns(first: number, last: number, absolute = false): string {
  const $ = absolute ? '$' : '';
  return `${$}${colToLetters(first)}:${$}${colToLetters(last)}`;
}

/** Rows first..last (0-based) as "2:4", or "$2:$4" (the form print titles take). */
export function formatRows(first: number, last: number, absolute = false): string {
  const $ = absolute ? '$' : '';
  return `${$}${first + 1}:${$}${last + 1}`;
}

/** "2:4", "$1:$1" or "3" (one row) → 0-based first and last row; undefined when it is not rows. */
export function parseRows(text: string): { first: number; last: number } | undefined {
  const m = /^\$?(\d{1,7})(?::\$?(\d{1,7}))?$/.exec(text.trim());
  if (!m) return undefined;
  const a = Number(m[1]) - 1;
  const b = Number(m[2] ?? m[1]) - 1;
  if (a < 0 || b < 0) return undefined;
  return { first: Math.min(a, b), last: Math.max(a, b) };
}

// ---------------------------------------------------------------------------------------------------------
// Sheet names

/** Quotes a sheet name for use in a formula: Nhiệm vụ → 'Nhiệm vụ', Bà's → 'Bà''s'. */
export function quoteSheet(name: string): string {
  return `'${name.replace(/'/g, "''")}'`;
}

/** 'Bà''s' → Bà's; a name without quotes is returned as it is. */
export function unquoteSheet(text: string): string {
  return /^'.*'$/s.test(text) ? text.slice(1, -1).replace(/''/g, "'") : text;
}

/** "'Nhiệm vụ'!$B$2" (the name quoted) from a sheet name and an address. */
export function qualify(sheet: string, address: string): string {
  return `${quoteSheet(sheet)}!${address}`;
}

/**
 * "'Nhiệm vụ'!B2:C3" → sheet "Nhiệm vụ" and "B2:C3"; "Sheet1!A1" → "Sheet1" and "A1"; "A1" → no sheet.
 * A quoted name may hold "!" and doubled quotes.
 */
export function splitSheet(address: string): { sheet: string | undefined; ref: string } {
  const m = /^('(?:[^']|'')*'|[^'!]+)!(.*)$/s.exec(address);
  return m ? { sheet: unquoteSheet(m[1]), ref: m[2] } : { sheet: undefined, ref: address };
}

/** "'Nhiệm vụ'!B2:C3" → "B2:C3" (sheet names may contain "!" inside quotes). */
export function withoutSheet(address: string): string {
  return splitSheet(address).ref;
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
