/**
 * The number format of each cell format (xf) of a workbook's stylesheet, read in one pass over its text, and
 * whether it shows a number as a date (the reader turns such a number into the day it is, as ExcelJS did).
 */
import { attribute, scanTags } from './tagScan';
import { decodeEntities } from './xml';

/**
 * The built-in number formats a stylesheet may use by id without writing them (ECMA-376 §18.8.30), those the
 * reader has always named: the language-independent ones. Ids 27–36 and 50–81 depend on the language of the
 * program that shows them and have no code here; a cell using one reads as General, as before.
 */
const BUILT_IN_FORMATS: Readonly<Record<number, string>> = {
  0: 'General',
  1: '0',
  2: '0.00',
  3: '#,##0',
  4: '#,##0.00',
  9: '0%',
  10: '0.00%',
  11: '0.00E+00',
  12: '# ?/?',
  13: '# ??/??',
  14: 'mm-dd-yy',
  15: 'd-mmm-yy',
  16: 'd-mmm',
  17: 'mmm-yy',
  18: 'h:mm AM/PM',
  19: 'h:mm:ss AM/PM',
  20: 'h:mm',
  21: 'h:mm:ss',
  22: 'm/d/yy "h":mm',
  37: '#,##0 ;(#,##0)',
  38: '#,##0 ;[Red](#,##0)',
  39: '#,##0.00 ;(#,##0.00)',
  40: '#,##0.00 ;[Red](#,##0.00)',
  45: 'mm:ss',
  46: '[h]:mm:ss',
  47: 'mmss.0',
  48: '##0.0E+0',
  49: '@',
};

/** Each cell format's number format (undefined: none, General) and whether it shows a date, by xf index. */
export interface CellFormats {
  numberFormat(xf: number): string | undefined;
  isDate(xf: number): boolean;
}

export const NO_CELL_FORMATS: CellFormats = { numberFormat: () => undefined, isDate: () => false };

/**
 * The cell formats of a stylesheet's text: <numFmts> gives the workbook's own codes by id, <cellXfs> the
 * cell formats in order (a cell's `s` is an index into them). Index 0, an index past the list, or an xf
 * without a numFmtId has no number format. Attribute values are read as an XML parser gives them: entities
 * decoded and literal tabs and line breaks as spaces; a code's backslash escapes are dropped ("dd\/mm" is
 * "dd/mm"), as the reader has always shown them.
 */
export function readCellFormats(text: string): CellFormats {
  const codes = new Map<number, string>();
  const xfIds: number[] = [];
  let inNumFmts = false;
  let inCellXfs = false;
  scanTags(text, (tag) => {
    switch (tag.name) {
      case 'numFmts':
        inNumFmts = !tag.closing && !tag.selfClosing;
        return;
      case 'cellXfs':
        inCellXfs = !tag.closing && !tag.selfClosing;
        return;
      case 'numFmt': {
        if (!inNumFmts || tag.closing) return;
        const id = parseInt(attribute(text, tag, 'numFmtId') ?? '', 10);
        const code = attribute(text, tag, 'formatCode');
        if (code !== undefined && !Number.isNaN(id))
          codes.set(id, attributeValue(code).replace(/\\(.)/g, '$1'));
        return;
      }
      case 'xf':
        if (inCellXfs && !tag.closing) xfIds.push(parseInt(attribute(text, tag, 'numFmtId') ?? '', 10));
        return;
    }
  });
  const formats = xfIds.map((id) => (id ? codes.get(id) || BUILT_IN_FORMATS[id] : undefined) || undefined);
  const dates = formats.map((f) => f !== undefined && isDateFormat(f));
  return {
    numberFormat: (xf) => (xf > 0 ? formats[xf] : undefined),
    isDate: (xf) => xf > 0 && dates[xf] === true,
  };
}

/**
 * A number format shows a date or time when, its quoted text and [bracketed] parts left out, it has a date or
 * time letter (y, m, d, h, M, s, b). The reader's rule since it read through ExcelJS: a number in such a
 * cell is a day.
 */
export function isDateFormat(format: string): boolean {
  return /[ymdhMsb]/.test(format.replace(/\[[^\]]*]/g, '').replace(/"[^"]*"/g, ''));
}

/** An attribute's raw text as XML gives its value: literal whitespace as spaces, then entities decoded. */
function attributeValue(raw: string): string {
  return decodeEntities(raw.replace(/\r\n|[\t\n\r]/g, ' '));
}
