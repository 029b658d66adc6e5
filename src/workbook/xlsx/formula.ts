/**
 * Moving an A1-style formula to another cell, as a spreadsheet does when it fills a formula down: relative
 * references shift, absolute ones ($A$1) stay. Unlike a plain regular expression over the whole text, this
 * leaves string literals ("Q1"), quoted sheet names ('Q1 2025'!A1), structured references (Bảng[Cột]),
 * function names (LOG10) and sheet prefixes (Sheet1!) alone.
 */
import { colToLetters, lettersToCol, MAX_COLUMNS as MAX_COLUMN, MAX_ROWS as MAX_ROW } from '../../domain/a1';

const CELL = /^(\$?)([A-Za-z]{1,3})(\$?)(\d+)$/;
const COLUMN = /^(\$?)([A-Za-z]{1,3})$/;
const ROW = /^(\$?)(\d+)$/;

/** What a piece of the formula becomes: text that never changes, or text that depends on the offsets. */
type Out = string | ((rowOffset: number, colOffset: number) => string);
/** A piece of the output and where in the formula the next one starts. */
type Piece = [out: Out, end: number];

/**
 * Formulas already cut into pieces. A shared formula is shifted once for every cell that shares it (a tracker
 * column of 5,000 rows), so its text is scanned once, not once a cell. Bounded: emptied when full.
 */
const compiled = new Map<string, Out[]>();
const MAX_COMPILED = 256;

export function shiftFormula(formula: string, rowOffset: number, colOffset: number): string {
  if (rowOffset === 0 && colOffset === 0) return formula;
  let parts = compiled.get(formula);
  if (!parts) {
    parts = compile(formula);
    if (compiled.size >= MAX_COMPILED) compiled.clear();
    compiled.set(formula, parts);
  }
  let out = '';
  for (const part of parts) out += typeof part === 'string' ? part : part(rowOffset, colOffset);
  return out;
}

/** The formula as its pieces, adjacent fixed text joined. */
function compile(formula: string): Out[] {
  const parts: Out[] = [];
  let text = '';
  let i = 0;
  while (i < formula.length) {
    const ch = formula[i];
    const prev = formula[i - 1] ?? '';
    let piece: Piece;
    if (ch === '"' || ch === "'") piece = verbatim(formula, i, skipQuoted(formula, i, ch));
    else if (ch === '[') piece = verbatim(formula, i, skipBrackets(formula, i));
    else if (ch === '$' && isDigit(formula[i + 1] ?? '') && !isTokenChar(prev))
      piece = absoluteRows(formula, i);
    else if (isTokenStart(ch) && !isTokenChar(prev)) piece = nameToken(formula, i);
    else if (isDigit(ch) && !isTokenChar(prev) && prev !== '.') piece = numberToken(formula, i);
    else piece = [ch, i + 1];
    if (typeof piece[0] === 'string') text += piece[0];
    else {
      if (text) parts.push(text);
      text = '';
      parts.push(piece[0]);
    }
    i = piece[1];
  }
  if (text) parts.push(text);
  return parts;
}

function verbatim(formula: string, start: number, end: number): Piece {
  return [formula.slice(start, end), end];
}

/** "$2" at `start`, or a row range that begins with it ("$2:$5"; the second row shifts if relative). */
function absoluteRows(formula: string, start: number): Piece {
  let end = start + 1;
  while (end < formula.length && isDigit(formula[end])) end += 1;
  const token = formula.slice(start, end);
  const range = rowAfterColon(formula, end);
  if (!range) return [token, end];
  const other = range[0];
  return [(rowOffset) => `${token}:${shiftRow(other, rowOffset)}`, range[1]];
}

/** A name at `start`: a function, sheet or table name (kept), a cell, or a whole-column range such as A:C. */
function nameToken(formula: string, start: number): Piece {
  const n = formula.length;
  let end = start;
  while (end < n && isTokenChar(formula[end])) end += 1;
  const token = formula.slice(start, end);
  const next = formula[end] ?? '';
  if (next === '(' || next === '!' || next === '[') return [token, end]; // function, sheet name or table name
  if (CELL.test(token)) return [cellShifter(token), end];
  if (next === ':' && COLUMN.test(token)) {
    let end2 = end + 1;
    while (end2 < n && isTokenChar(formula[end2])) end2 += 1;
    const other = formula.slice(end + 1, end2);
    if (COLUMN.test(other))
      return [(_, colOffset) => `${shiftColumn(token, colOffset)}:${shiftColumn(other, colOffset)}`, end2];
  }
  return [token, end];
}

/** A number at `start`, or a whole-row range such as 2:5 (a number followed by ':' and a number). */
function numberToken(formula: string, start: number): Piece {
  let end = start;
  while (end < formula.length && (isDigit(formula[end]) || formula[end] === '.')) end += 1;
  const token = formula.slice(start, end);
  const range = /^\d+$/.test(token) ? rowAfterColon(formula, end) : undefined;
  if (!range) return [token, end];
  const other = range[0];
  return [(rowOffset) => `${shiftRow(token, rowOffset)}:${shiftRow(other, rowOffset)}`, range[1]];
}

/** The row after a ':' at `at` ("$5" or "5") and where it ends; undefined when there is none. */
function rowAfterColon(formula: string, at: number): [row: string, end: number] | undefined {
  if (formula[at] !== ':') return undefined;
  let end = at + 1;
  if (formula[end] === '$') end += 1;
  while (end < formula.length && isDigit(formula[end])) end += 1;
  const row = formula.slice(at + 1, end);
  return ROW.test(row) ? [row, end] : undefined;
}

/** A cell reference's shift, its parts read once. */
function cellShifter(token: string): (rowOffset: number, colOffset: number) => string {
  const m = CELL.exec(token) as RegExpExecArray;
  const [, colMark, letters, rowMark] = m;
  const col0 = columnNumber(letters);
  const row0 = Number(m[4]);
  return (rowOffset, colOffset) => {
    const col = colMark ? col0 : col0 + colOffset;
    const row = rowMark ? row0 : row0 + rowOffset;
    if (col < 1 || col > MAX_COLUMN || row < 1 || row > MAX_ROW) return '#REF!';
    return `${colMark}${columnLetters(col)}${rowMark}${row}`;
  };
}

function shiftColumn(token: string, colOffset: number): string {
  const m = COLUMN.exec(token) as RegExpExecArray;
  if (m[1]) return token;
  const col = columnNumber(m[2]) + colOffset;
  return col < 1 || col > MAX_COLUMN ? '#REF!' : columnLetters(col);
}

function shiftRow(token: string, rowOffset: number): string {
  const m = ROW.exec(token) as RegExpExecArray;
  if (m[1]) return token;
  const row = Number(m[2]) + rowOffset;
  return row < 1 || row > MAX_ROW ? '#REF!' : String(row);
}

function skipQuoted(text: string, start: number, quote: string): number {
  let i = start + 1;
  while (i < text.length) {
    if (text[i] === quote) {
      if (text[i + 1] === quote) {
        i += 2;
        continue;
      }
      return i + 1;
    }
    i += 1;
  }
  return text.length;
}

function skipBrackets(text: string, start: number): number {
  let depth = 0;
  for (let i = start; i < text.length; i += 1) {
    if (text[i] === "'" && depth > 0) {
      i += 1; // an apostrophe escapes the next character inside structured references
      continue;
    }
    if (text[i] === '[') depth += 1;
    else if (text[i] === ']') {
      depth -= 1;
      if (depth === 0) return i + 1;
    }
  }
  return text.length;
}

function isDigit(ch: string): boolean {
  return ch >= '0' && ch <= '9';
}

function isTokenStart(ch: string): boolean {
  return /[A-Za-z_$\\]/.test(ch) || ch > '\u007f';
}

function isTokenChar(ch: string): boolean {
  return ch !== '' && (/[A-Za-z0-9_.$\\]/.test(ch) || ch > '\u007f');
}

/** Column letters → 1-based number, as the formula's bounds are written. */
function columnNumber(letters: string): number {
  return lettersToCol(letters) + 1;
}

function columnLetters(col: number): string {
  return colToLetters(col - 1);
}
