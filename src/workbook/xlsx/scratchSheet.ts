/**
 * A worksheet ExcelJS wrote in the scratch workbook, made to fit the user's workbook before it is grafted in:
 * shared strings made inline, cell formats renumbered into the user's stylesheet, the merges, stopIfTrue and
 * row heights and used range (dimension) ExcelJS gets wrong, the sheet's default font on every column; and its
 * table part, written here.
 */
import { formatRange, MAX_COLUMNS, parseA1Cell, parseA1Range, rangeToA1 } from '../../domain/a1';
import type { SheetSpec } from '../../sheets/spec';
import { type Book } from './book';
import { inlineString } from './cellUpdates';
import { type Package, REL } from './opc';
import { escapeColumnName } from './ooxmlEscapes';
import { CELL_ORDER, ensureChild, WORKSHEET_ORDER } from './schema';
import { stripEquals, type WrittenSheet } from './sheetWriter';
import type { StyleMerger } from './styles';
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
  textContent,
  textNode,
  type XmlDocument,
  type XmlElement,
} from './xml';

/** The scratch worksheet of `w`, changed in place to fit the target workbook (its styles through `merger`). */
export function fitScratchSheet(
  doc: XmlDocument,
  w: WrittenSheet,
  merger: StyleMerger,
  sharedStrings: string[],
): XmlDocument {
  inlineSharedStrings(doc, sharedStrings);
  remapStyles(doc, merger);
  markStopIfTrue(doc, w.stopIfTruePriorities);
  writeMerges(doc, w.spec);
  if (w.spec.autoRowHeights) dropCustomHeights(doc);
  else if (w.spec.autoHeightRows?.length) dropCustomHeights(doc, new Set(w.spec.autoHeightRows));
  if (w.spec.defaultFont) styleAllColumns(doc, merger.fontOnly(w.spec.defaultFont));
  setUsedRange(doc);
  return doc;
}

/**
 * <dimension> as the range of the cells the sheet holds. ExcelJS can write one that starts right of column A
 * (a report grid's "P1:AJ440" for A1:AJ440); Excel and LibreOffice ignore it, but a reader that trusts it
 * (openpyxl's read-only mode, for one) would skip the columns left of it.
 */
function setUsedRange(doc: XmlDocument): void {
  const sheetData = child(doc.root, 'sheetData');
  let top = Infinity;
  let left = Infinity;
  let bottom = 0;
  let right = 0;
  for (const row of sheetData ? children(sheetData, 'row') : []) {
    for (const cell of children(row, 'c')) {
      const ref = getAttr(cell, 'r');
      if (!ref) continue;
      const at = parseA1Cell(ref);
      top = Math.min(top, at.row);
      bottom = Math.max(bottom, at.row);
      left = Math.min(left, at.col);
      right = Math.max(right, at.col);
    }
  }
  const ref = top === Infinity ? 'A1' : rangeToA1(top, left, bottom, right);
  const dimension = ensureChild(doc.root, 'dimension', WORKSHEET_ORDER);
  setAttr(dimension, 'ref', ref);
}

/** The scratch workbook's stylesheet (ExcelJS always writes one). */
export function scratchStyles(pkg: Package, book: Book): XmlDocument {
  const part = pkg.relatedPart(book.workbookPart, REL.styles);
  if (!part) throw new Error('scratch workbook has no styles');
  return pkg.readXml(part);
}

/** The scratch workbook's shared strings as plain text (written sheets hold no rich text). */
export function scratchSharedStrings(pkg: Package, book: Book): string[] {
  const part = pkg.relatedPart(book.workbookPart, REL.sharedStrings);
  if (!part) return [];
  return children(pkg.readXml(part).root, 'si').map((si) => {
    const t = child(si, 't');
    return t
      ? textContent(t)
      : children(si, 'r')
          .map((run) => textContent(child(run, 't') ?? run))
          .join('');
  });
}

/** Shared-string cells → inline-string cells, escaped as OOXML wants (ExcelJS does not escape "_xHHHH_"). */
function inlineSharedStrings(doc: XmlDocument, strings: string[]): void {
  const sheetData = child(doc.root, 'sheetData');
  if (!sheetData) return;
  const prefix = prefixOf(doc.root.name);
  for (const row of children(sheetData, 'row')) {
    for (const c of children(row, 'c')) {
      if (getAttr(c, 't') !== 's') continue;
      const v = child(c, 'v');
      const index = v ? Number(textContent(v)) : NaN;
      const text = strings[index];
      if (text === undefined) throw new Error(`scratch shared string ${index} missing`);
      setAttr(c, 't', 'inlineStr');
      removeChildren(c, (e) => localName(e.name) === 'v');
      insertInOrder(c, inlineString(text, prefix), CELL_ORDER);
    }
  }
}

function remapStyles(doc: XmlDocument, merger: StyleMerger): void {
  const visit = (el: XmlElement): void => {
    const name = localName(el.name);
    if (prefixOf(el.name) === prefixOf(doc.root.name)) {
      if ((name === 'c' || name === 'row') && getAttr(el, 's') !== undefined) {
        setAttr(el, 's', String(merger.xf(Number(getAttr(el, 's')))));
      } else if (name === 'col' && getAttr(el, 'style') !== undefined) {
        setAttr(el, 'style', String(merger.xf(Number(getAttr(el, 'style')))));
      } else if (name === 'cfRule' && getAttr(el, 'dxfId') !== undefined) {
        setAttr(el, 'dxfId', String(merger.dxf(Number(getAttr(el, 'dxfId')))));
      }
    }
    for (const c of el.children) if (c.kind === 'element') visit(c);
  };
  visit(doc.root);
}

/** Excel's stored width of a default column (8.43 characters of Calibri 11 plus padding). */
const DEFAULT_COLUMN_WIDTH = '9.140625';

/**
 * Gives every column of the sheet the cell format `xf` (as Excel stores a format applied to the whole
 * sheet), so that cells typed later into empty places get the sheet's default font.
 */
function styleAllColumns(doc: XmlDocument, xf: number): void {
  const prefix = prefixOf(doc.root.name);
  const cols = ensureChild(doc.root, 'cols', WORKSHEET_ORDER);
  const existing = children(cols, 'col').sort(
    (a, b) => Number(getAttr(a, 'min')) - Number(getAttr(b, 'min')),
  );
  const out: XmlElement[] = [];
  let next = 1;
  const gap = (from: number, to: number): void => {
    if (from > to) return;
    out.push(
      element(`${prefix}col`, [
        ['min', String(from)],
        ['max', String(to)],
        ['width', DEFAULT_COLUMN_WIDTH],
        ['style', String(xf)],
      ]),
    );
  };
  for (const col of existing) {
    const min = Number(getAttr(col, 'min'));
    const max = Number(getAttr(col, 'max'));
    gap(next, min - 1);
    if (getAttr(col, 'style') === undefined) setAttr(col, 'style', String(xf));
    out.push(col);
    next = Math.max(next, max + 1);
  }
  gap(next, MAX_COLUMNS);
  cols.children = out;
}

/**
 * Row heights written as auto heights: the estimate stays (LibreOffice shows it), but without customHeight
 * Excel refits a row when its text changes (SheetSpec.autoRowHeights), and so does LibreOffice when a text is
 * typed into it. `only`: these rows (1-based) alone (SheetSpec.autoHeightRows).
 */
function dropCustomHeights(doc: XmlDocument, only?: ReadonlySet<number>): void {
  const sheetData = child(doc.root, 'sheetData');
  for (const row of sheetData ? children(sheetData, 'row') : [])
    if (!only || only.has(Number(getAttr(row, 'r')))) removeAttr(row, 'customHeight');
}

/** The spec's merges as <mergeCells> (checked for overlaps by sheetWriter). */
function writeMerges(doc: XmlDocument, spec: SheetSpec): void {
  removeChildren(doc.root, (c) => localName(c.name) === 'mergeCells');
  const merges = spec.merges ?? [];
  if (!merges.length) return;
  const prefix = prefixOf(doc.root.name);
  const el = element(
    `${prefix}mergeCells`,
    [['count', String(merges.length)]],
    merges.map((m) => element(`${prefix}mergeCell`, [['ref', formatRange(parseA1Range(m))]])),
  );
  insertInOrder(doc.root, el, WORKSHEET_ORDER);
}

function markStopIfTrue(doc: XmlDocument, priorities: number[]): void {
  if (!priorities.length) return;
  for (const cf of children(doc.root, 'conditionalFormatting')) {
    for (const rule of children(cf, 'cfRule')) {
      if (priorities.includes(Number(getAttr(rule, 'priority')))) setAttr(rule, 'stopIfTrue', '1');
    }
  }
}

/** The largest table id in the workbook (table ids are unique across it). */
export function maxTableId(pkg: Package, book: Book): number {
  let max = 0;
  for (const entry of book.sheets) {
    if (!entry.part) continue;
    for (const part of pkg.relatedParts(entry.part, REL.table)) {
      max = Math.max(max, Number(getAttr(pkg.readXml(part).root, 'id') ?? 0) || 0);
    }
  }
  return max;
}

export function tableDocument(w: WrittenSheet, id: number): XmlDocument {
  const table = w.spec.table as NonNullable<WrittenSheet['spec']['table']>;
  const range = w.tableRange as NonNullable<WrittenSheet['tableRange']>;
  const ref = formatRange(range, { pair: true });
  const calc = new Map((table.calculatedColumns ?? []).map((c) => [c.column, stripEquals(c.formula)]));
  const columns = table.columns.map((name, i) => {
    const formula = calc.get(i);
    return element(
      'tableColumn',
      [
        ['id', String(i + 1)],
        ['name', escapeColumnName(name)],
      ],
      formula === undefined ? [] : [element('calculatedColumnFormula', [], [textNode(formula)])],
    );
  });
  const root = element(
    'table',
    [
      ['xmlns', 'http://schemas.openxmlformats.org/spreadsheetml/2006/main'],
      ['id', String(id)],
      ['name', table.name],
      ['displayName', table.name],
      ['ref', ref],
      ['totalsRowShown', '0'],
    ],
    [
      element('autoFilter', [['ref', ref]]),
      element('tableColumns', [['count', String(columns.length)]], columns),
      element('tableStyleInfo', [
        ['name', table.style],
        ['showFirstColumn', '0'],
        ['showLastColumn', '0'],
        ['showRowStripes', '1'],
        ['showColumnStripes', '0'],
      ]),
    ],
  );
  return { prolog: '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n', root, epilog: '' };
}
