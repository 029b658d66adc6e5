/**
 * Single-cell updates on existing worksheets (WritePlan.updates): the cell found or created in place (rows and
 * cells in order, implied positions made explicit), its value and number format set, the dimension widened.
 */
import { parseA1Cell, parseA1Range, rangeToA1, toA1 } from '../../domain/a1';
import { sameSheetName } from '../../domain/text';
import { messages } from '../../i18n/xlsx';
import type { CellValue } from '../../sheets/spec';
import type { CellUpdate } from '../port';
import { WorkbookError } from '../port';
import { isTrue, readBook, type SheetEntry } from './book';
import type { Package } from './opc';
import { escapeCellText } from './ooxmlEscapes';
import { CELL_ORDER, ensureChild, WORKSHEET_ORDER } from './schema';
import { ensureStyles, StyleMerger } from './styles';
import {
  child,
  children,
  element,
  getAttr,
  insertInOrder,
  localName,
  prefixOf,
  removeAttr,
  removeChildren,
  setAttr,
  textNode,
  type XmlDocument,
  type XmlElement,
} from './xml';

export function applyUpdates(pkg: Package, updates: CellUpdate[]): void {
  if (!updates.length) return;
  const book = readBook(pkg);
  let merger: StyleMerger | undefined;
  const stylesFor = (): StyleMerger => {
    if (!merger) {
      const doc = ensureStyles(pkg, book.workbookPart);
      merger = new StyleMerger(doc, doc);
    }
    return merger;
  };
  for (const update of updates) {
    const entry = book.sheets.find((s) => sameSheetName(s.name, update.sheet)) as SheetEntry;
    const doc = pkg.editXml(entry.part as string);
    const { row, col } = parseA1Cell(update.cell);
    const cell = findOrCreateCell(doc, row, col, entry.name);
    setCellValue(cell, update.value, prefixOf(doc.root.name));
    if (update.numberFormat !== undefined) {
      setAttr(
        cell,
        's',
        String(stylesFor().withNumberFormat(Number(getAttr(cell, 's') ?? 0), update.numberFormat)),
      );
    }
    extendDimension(doc, row, col);
  }
}

function findOrCreateCell(doc: XmlDocument, row: number, col: number, sheet: string): XmlElement {
  const prefix = prefixOf(doc.root.name);
  const sheetData = ensureChild(doc.root, 'sheetData', WORKSHEET_ORDER);
  const rows = children(sheetData, 'row');
  // Rows and cells may leave out their position when it follows from the previous one.
  let implied = 0;
  for (const r of rows) {
    implied = getAttr(r, 'r') !== undefined ? Number(getAttr(r, 'r')) : implied + 1;
    setAttr(r, 'r', String(implied));
  }
  const rowNumber = row + 1;
  let rowEl = rows.find((r) => Number(getAttr(r, 'r')) === rowNumber);
  if (!rowEl) {
    rowEl = element(`${prefix}row`, [['r', String(rowNumber)]]);
    const after = rows.findIndex((r) => Number(getAttr(r, 'r')) > rowNumber);
    const at = after < 0 ? sheetData.children.length : sheetData.children.indexOf(rows[after]);
    sheetData.children.splice(at, 0, rowEl);
  }
  removeAttr(rowEl, 'spans');
  const cells = children(rowEl, 'c');
  let impliedCol = 0;
  for (const c of cells) {
    const ref = getAttr(c, 'r');
    impliedCol = ref !== undefined ? parseA1Cell(ref).col + 1 : impliedCol + 1;
    setAttr(c, 'r', toA1(row, impliedCol - 1));
  }
  const address = toA1(row, col);
  let cell = cells.find((c) => getAttr(c, 'r') === address);
  if (!cell) {
    cell = element(`${prefix}c`, [['r', address]]);
    // A new cell takes the row's format if the row has one, as Excel does.
    const rowStyle = isTrue(getAttr(rowEl, 'customFormat')) ? getAttr(rowEl, 's') : undefined;
    if (rowStyle !== undefined) setAttr(cell, 's', rowStyle);
    const after = cells.findIndex((c) => parseA1Cell(getAttr(c, 'r') as string).col > col);
    const at = after < 0 ? rowEl.children.length : rowEl.children.indexOf(cells[after]);
    rowEl.children.splice(at, 0, cell);
  }
  const f = child(cell, 'f');
  if (f && (getAttr(f, 't') === 'shared' || getAttr(f, 't') === 'array') && getAttr(f, 'ref') !== undefined) {
    const ref = getAttr(f, 'ref') as string;
    if (ref.includes(':') && ref.split(':')[0] !== ref.split(':')[1]) {
      throw new WorkbookError('unsupported', sheet, messages.sharedFormulaCell(sheet, address));
    }
  }
  return cell;
}

function setCellValue(cell: XmlElement, value: CellValue, prefix: string): void {
  removeChildren(cell, (e) => ['f', 'v', 'is'].includes(localName(e.name)));
  removeAttr(cell, 't');
  if (value === null) return;
  if (typeof value === 'string') {
    setAttr(cell, 't', 'inlineStr');
    insertInOrder(cell, inlineString(value, prefix), CELL_ORDER);
  } else if (typeof value === 'boolean') {
    setAttr(cell, 't', 'b');
    insertInOrder(cell, element(`${prefix}v`, [], [textNode(value ? '1' : '0')]), CELL_ORDER);
  } else {
    insertInOrder(cell, element(`${prefix}v`, [], [textNode(String(value))]), CELL_ORDER);
  }
}

/** <is><t>…</t></is> for a plain string, with OOXML's escapes for characters XML cannot hold. */
function inlineString(value: string, prefix: string): XmlElement {
  const attrs: [string, string][] = /^\s|\s$|\n/.test(value) ? [['xml:space', 'preserve']] : [];
  return element(`${prefix}is`, [], [element(`${prefix}t`, attrs, [textNode(escapeCellText(value))])]);
}

function extendDimension(doc: XmlDocument, row: number, col: number): void {
  const dimension = child(doc.root, 'dimension');
  const ref = dimension && getAttr(dimension, 'ref');
  if (!dimension || !ref) return;
  try {
    const r = parseA1Range(ref);
    const top = Math.min(r.start.row, row);
    const left = Math.min(r.start.col, col);
    const bottom = Math.max(r.end.row, row);
    const right = Math.max(r.end.col, col);
    setAttr(dimension, 'ref', rangeToA1(top, left, bottom, right));
  } catch {
    // An unreadable dimension is only a hint; leave it.
  }
}
