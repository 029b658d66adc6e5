/**
 * A workbook's shared strings (the sst part), read in one pass over its text: a cell of type "s" holds an
 * index into them.
 */
import { decodeOoxmlEscapes } from './ooxmlEscapes';
import { elementText, scanTags } from './tagScan';

/**
 * The text of each <si>, in order: its <t>, or its runs' <t> joined (rich text), with OOXML's _xHHHH_ escapes
 * decoded once; the phonetic guide (<rPh>), which Excel does not show in the cell, left out. An <si> without
 * any <t> is null (an empty cell).
 */
export function readSharedStrings(text: string): (string | null)[] {
  const strings: (string | null)[] = [];
  let parts: string[] | null = null;
  let phonetic = 0;
  scanTags(text, (tag) => {
    switch (tag.name) {
      case 'si':
        if (tag.closing) {
          strings.push(parts ? decodeOoxmlEscapes(parts.join('')) : null);
          parts = null;
        } else if (tag.selfClosing) strings.push(null);
        else {
          parts = null;
          phonetic = 0;
        }
        return;
      case 'rPh':
        if (!tag.selfClosing) phonetic += tag.closing ? -1 : 1;
        return;
      case 't':
        if (tag.closing || phonetic > 0) return;
        parts ??= [];
        if (!tag.selfClosing) parts.push(elementText(text, tag.end));
        return;
    }
  });
  return strings;
}
