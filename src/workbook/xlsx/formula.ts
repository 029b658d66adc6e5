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

export function shiftFormula(formula: string, rowOffset: number, colOffset: number): string {
  if (rowOffset === 0 && colOffset === 0) return formula;
  let out = '';
  let i = 0;
  const n = formula.length;
  while (i < n) {
    const ch = formula[i];
    if (ch === '"' || ch === "'") {
      const end = skipQuoted(formula, i, ch);
      out += formula.slice(i, end);
      i = end;
    } else if (ch === '[') {
      const end = skipBrackets(formula, i);
      out += formula.slice(i, end);
      i = end;
    } else if (ch === '$' && isDigit(formula[i + 1] ?? '') && !isTokenChar(formula[i - 1] ?? '')) {
      // "$2:$5"
      let end = i + 1;
      while (end < n && isDigit(formula[end])) end += 1;
      const token = formula.slice(i, end);
      if (formula[end] === ':') {
        let end2 = end + 1;
        if (formula[end2] === '$') end2 += 1;
        while (end2 < n && isDigit(formula[end2])) end2 += 1;
        const other = formula.slice(end + 1, end2);
        if (ROW.test(other)) {
          out += `${token}:${shiftRow(other, rowOffset)}`;
          i = end2;
          continue;
        }
      }
      out += token;
      i = end;
    } else if (isTokenStart(ch) && !isTokenChar(formula[i - 1] ?? '')) {
      let end = i;
      while (end < n && isTokenChar(formula[end])) end += 1;
      const token = formula.slice(i, end);
      const next = formula[end] ?? '';
      if (next === '(' || next === '!' || next === '[') {
        out += token; // function, sheet name or table name
      } else if (CELL.test(token)) {
        out += shiftCell(token, rowOffset, colOffset);
      } else if (next === ':' && COLUMN.test(token)) {
        // A whole-column range such as A:C or $A:B.
        let end2 = end + 1;
        while (end2 < n && isTokenChar(formula[end2])) end2 += 1;
        const other = formula.slice(end + 1, end2);
        if (COLUMN.test(other)) {
          out += `${shiftColumn(token, colOffset)}:${shiftColumn(other, colOffset)}`;
          end = end2;
        } else {
          out += token;
        }
      } else {
        out += token;
      }
      i = end;
    } else if (isDigit(ch) && !isTokenChar(formula[i - 1] ?? '') && formula[i - 1] !== '.') {
      let end = i;
      while (end < n && (isDigit(formula[end]) || formula[end] === '.')) end += 1;
      const token = formula.slice(i, end);
      // A whole-row range such as 2:5 (a number followed by ':' and a number).
      if (formula[end] === ':' && /^\d+$/.test(token)) {
        let end2 = end + 1;
        if (formula[end2] === '$') end2 += 1;
        while (end2 < n && isDigit(formula[end2])) end2 += 1;
        const other = formula.slice(end + 1, end2);
        if (ROW.test(other)) {
          out += `${shiftRow(token, rowOffset)}:${shiftRow(other, rowOffset)}`;
          i = end2;
          continue;
        }
      }
      out += token;
      i = end;
    } else {
      out += ch;
      i += 1;
    }
  }
  return out;
}

function shiftCell(token: string, rowOffset: number, colOffset: number): string {
  const m = CELL.exec(token) as RegExpExecArray;
  const col = m[1] ? columnNumber(m[2]) : columnNumber(m[2]) + colOffset;
  const row = m[3] ? Number(m[4]) : Number(m[4]) + rowOffset;
  if (col < 1 || col > MAX_COLUMN || row < 1 || row > MAX_ROW) return '#REF!';
  return `${m[1]}${columnLetters(col)}${m[3]}${row}`;
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
