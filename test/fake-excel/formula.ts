/**
 * Moving an A1 formula as Excel does when it is filled or copied: relative row/column parts of each cell
 * reference move by the offset, "$" parts stay. Text in double quotes and function names are left alone.
 * Enough for the fake's autoFill; not a formula parser.
 */
import { colToLetters, lettersToCol } from '../../src/workbook/a1';

const REF = /(^|[^A-Za-z0-9_.$"])(\$?)([A-Za-z]{1,3})(\$?)(\d{1,7})(?![A-Za-z0-9_(!])/g;

function shiftCode(code: string, rows: number, columns: number): string {
  return code.replace(
    REF,
    (match, pre: string, colAbs: string, letters: string, rowAbs: string, digits: string) => {
      const col = colAbs ? lettersToCol(letters) : lettersToCol(letters) + columns;
      const row = rowAbs ? Number(digits) : Number(digits) + rows;
      if (col < 0 || row < 1) return `${pre}#REF!`;
      return `${pre}${colAbs}${colAbs ? letters.toUpperCase() : colToLetters(col)}${rowAbs}${row}`;
    },
  );
}

export function shiftFormula(formula: string, rows: number, columns: number): string {
  // Split on string literals ("…" with "" escapes) and quoted sheet names ('…' with '' escapes).
  const parts = formula.split(/("(?:[^"]|"")*"|'(?:[^']|'')*')/);
  return parts.map((part, i) => (i % 2 === 1 ? part : shiftCode(part, rows, columns))).join('');
}
