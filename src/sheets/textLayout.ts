/**
 * Row heights for wrapped text, estimated from the text's length and the column's width. Written as
 * explicit heights because neither Excel nor LibreOffice reliably fits rows to wrapped text when it opens
 * a file; an estimate errs on the tall side (a clipped line is worse than a little white space).
 */

import { MEASURED_RANGES, WIDTHS_BASE36 } from './fontMetrics';

/** Excel's row height limit, in points. */
const MAX_ROW_HEIGHT = 409;

/**
 * Lines a text takes in a column `widthChars` wide (Excel's unit, the width of "0" in the 11 pt default
 * font) at `fontPt`. Vietnamese text in Times New Roman averages a little narrower than that "0".
 */
export function estimateLines(text: string, widthChars: number, fontPt: number): number {
  const perLine = Math.max(1, Math.floor((widthChars * 1.05 * 11) / fontPt));
  // One paragraph (the common case, 200,000 times on a 20,000-row tracker): no split.
  if (!text.includes('\n')) return Math.max(1, Math.ceil(text.length / perLine));
  return text
    .split(/\r?\n/)
    .reduce((sum, paragraph) => sum + Math.max(1, Math.ceil(paragraph.length / perLine)), 0);
}

/** Height in points of a row whose cells hold these texts in columns of these widths. */
export function rowHeightFor(cells: readonly { text: string; widthChars: number }[], fontPt: number): number {
  let lines = 1;
  for (const c of cells)
    if (c.text !== '') lines = Math.max(lines, estimateLines(c.text, c.widthChars, fontPt));
  return heightOfLines(lines, fontPt);
}

/**
 * Height in points of a row whose tallest cell takes `lines` lines (rowHeightFor, for the sheets that work out
 * the lines of 20,000 rows themselves, without a list of cells for each).
 */
export function heightOfLines(lines: number, fontPt: number): number {
  return Math.min(MAX_ROW_HEIGHT, Math.ceil(Math.max(1, lines) * fontPt * 1.25 + 4));
}

export type FontFace = keyof typeof WIDTHS_BASE36;

const widthTables = new Map<FontFace, Map<number, number>>();

/** The advance widths of a face, per code point, in thousandths of an em (decoded once). */
function widthsOf(face: FontFace): Map<number, number> {
  let table = widthTables.get(face);
  if (!table) {
    table = new Map();
    const digits = WIDTHS_BASE36[face];
    let i = 0;
    for (const [first, last] of MEASURED_RANGES) {
      for (let cp = first; cp <= last; cp++, i++) {
        const w = parseInt(digits.slice(2 * i, 2 * i + 2), 36);
        if (w > 0) table.set(cp, w);
      }
    }
    widthTables.set(face, table);
  }
  return table;
}

/** Width of a character the table does not hold: a wide Latin letter's, or a full em for other scripts. */
function unmeasuredWidth(cp: number): number {
  if (cp >= 0x300 && cp <= 0x36f) return 0; // combining marks sit on the letter before them
  if (cp === 0x200b || cp === 0x200c || cp === 0x200d || cp === 0xfeff) return 0;
  return cp < 0x2e80 ? 722 : 1000;
}

/** Width in points of `text` set in Times New Roman of `pt` points. */
export function textWidthPt(text: string, pt: number, face: FontFace = 'regular'): number {
  const table = widthsOf(face);
  let units = 0;
  for (const ch of text.normalize('NFC')) {
    const cp = ch.codePointAt(0) as number;
    units += table.get(cp) ?? unmeasuredWidth(cp);
  }
  return (units * pt) / 1000;
}

/**
 * Lines `text` takes when a spreadsheet wraps it in a cell `widthPt` wide: words (runs between spaces) go on a
 * line while they fit; a word wider than the line is broken where it reaches the edge. Line breaks in the text
 * start new lines.
 */
export function wrappedLines(text: string, widthPt: number, pt: number, face: FontFace = 'regular'): number {
  const space = textWidthPt(' ', pt, face);
  let lines = 0;
  for (const paragraph of text.split(/\r?\n/)) {
    lines += 1;
    let x = 0;
    for (const word of paragraph.split(' ')) {
      let w = textWidthPt(word, pt, face);
      const needed = x === 0 ? w : x + space + w;
      if (needed <= widthPt) {
        x = needed;
        continue;
      }
      if (x > 0) lines += 1; // the word starts the next line
      while (w > widthPt) {
        lines += 1;
        w -= widthPt;
      }
      x = w;
    }
  }
  return lines;
}
