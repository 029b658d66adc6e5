/**
 * Moving an A1 formula as Excel does when it is filled or copied: relative row/column parts of each cell
 * reference move by the offset, "$" parts stay. Text in double quotes and function names are left alone.
 * Enough for the fake's autoFill; not a formula parser.
 */
import { colToLetters, lettersToCol } from '../../src/domain/a1';

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

/** Sheet names as Excel compares them: regardless of case (and of NFC/NFD form). */
function sameName(a: string, b: string): boolean {
  return a.normalize('NFC').toLowerCase() === b.normalize('NFC').toLowerCase();
}

/**
 * A string literal ("…" with "" escapes, left alone), a quoted sheet reference ('…'!, with '' escapes) or an
 * unquoted one (Report!, Dữ_liệu!). The look-behind keeps "#REF!" and the tail of longer names out.
 */
const SHEET_REF = /"(?:[^"]|"")*"|'((?:[^']|'')+)'!|(?<![\p{L}\p{N}_.#$])([\p{L}\p{N}_.]+)!/gu;

/**
 * Replaces every reference to the sheet `name` in a formula ("'Tổng hợp'!C20", "Report!A1:A3") by
 * `replacement`, which takes the "…!" part's place: "#REF!" when the sheet is deleted (Excel then shows
 * "=#REF!C20"), the new quoted name and "!" when it is renamed. Text in double quotes is left alone.
 */
export function replaceSheetReferences(formula: string, name: string, replacement: string): string {
  return formula.replace(SHEET_REF, (match, quoted: string | undefined, bare: string | undefined) => {
    const sheet = quoted !== undefined ? quoted.replace(/''/g, "'") : bare;
    return sheet !== undefined && sameName(sheet, name) ? replacement : match;
  });
}
