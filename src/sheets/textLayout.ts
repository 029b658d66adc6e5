/**
 * Row heights for wrapped text, estimated from the text's length and the column's width. Written as
 * explicit heights because neither Excel nor LibreOffice reliably fits rows to wrapped text when it opens
 * a file; an estimate errs on the tall side (a clipped line is worse than a little white space).
 */

/** Excel's row height limit, in points. */
export const MAX_ROW_HEIGHT = 409;

/**
 * Lines a text takes in a column `widthChars` wide (Excel's unit, the width of "0" in the 11 pt default
 * font) at `fontPt`. Vietnamese text in Times New Roman averages a little narrower than that "0".
 */
export function estimateLines(text: string, widthChars: number, fontPt: number): number {
  const perLine = Math.max(1, Math.floor((widthChars * 1.05 * 11) / fontPt));
  return text
    .split(/\r?\n/)
    .reduce((sum, paragraph) => sum + Math.max(1, Math.ceil(paragraph.length / perLine)), 0);
}

/** Height in points of a row whose cells hold these texts in columns of these widths. */
export function rowHeightFor(cells: readonly { text: string; widthChars: number }[], fontPt: number): number {
  const lines = Math.max(
    1,
    ...cells.map((c) => (c.text === '' ? 1 : estimateLines(c.text, c.widthChars, fontPt))),
  );
  return Math.min(MAX_ROW_HEIGHT, Math.ceil(lines * fontPt * 1.25 + 4));
}
