/**
 * A worksheet ExcelJS wrote in the scratch workbook, made to fit the user's workbook before it is grafted in:
 * shared strings made inline, cell formats renumbered into the user's stylesheet, the merges, stopIfTrue and
 * row heights and used range (dimension) ExcelJS gets wrong, the sheet's default font on every column; and its
 * table part, written here.
 */
import { formatRange, MAX_COLUMNS, parseA1Range, rangeToA1 } from '../../domain/a1';
import type { SheetSpec } from '../../sheets/spec';
import { type Book } from './book';
import { type Package, REL } from './opc';
import { escapeColumnName } from './ooxmlEscapes';
import { scanTags } from './tagScan';
import { ensureChild, WORKSHEET_ORDER } from './schema';
import { stripEquals } from './sheetCells';
import type { WrittenSheet } from './sheetWriter';
import type { StyleMerger } from './styles';
import {
  child,
  children,
  element,
  getAttr,
  insertInOrder,
  localName,
  parseXml,
  prefixOf,
  removeChildren,
  serializeXml,
  setAttr,
  textNode,
  type XmlDocument,
  type XmlElement,
} from './xml';

/**
 * The scratch worksheet of `w` (its XML text: the sheet's frame, and in column A one sample cell per style its
 * cells use), fitted to the target workbook (its styles through `merger`), with the sheet's rows written from
 * the spec (sheetCells.ts), as the UTF-8 bytes of the part to graft, in chunks (Package.setChunks: never
 * joined, 47 MB on a 20,000-row rollover). `edit` may change the tree of everything but the rows (the table step
 * adds its <tableParts>) before it is written.
 *
 * The rows are written as text, a piece at a time, and encoded as they are written: a sheet of 80,000 rows
 * never becomes a tree of millions of nodes, nor one string (UTF-16) beside its bytes. The stylesheet's new
 * entries are added in document order: columns, then the cells row by row, then conditional formats.
 */
export function fitScratchSheet(
  text: string,
  w: WrittenSheet,
  merger: StyleMerger,
  edit: (doc: XmlDocument) => void = () => undefined,
): Uint8Array[] {
  const split = splitRows(text);
  const sampleFormats = samples(split.rows);
  const doc = parseXml(split.outline);
  const prefix = prefixOf(doc.root.name);
  const sheetData = child(doc.root, 'sheetData');
  let used: { top: number; left: number; bottom: number; right: number } | undefined;
  const encoder = new TextEncoder();
  const rows: Uint8Array[] = [];
  const fitRows = (): void => {
    used = w.cells.writeRows(
      (style) => {
        const scratch = sampleFormats.get(w.samples.get(style) ?? 0);
        return scratch === undefined ? undefined : merger.xf(scratch);
      },
      prefix,
      (piece) => rows.push(encoder.encode(piece)),
    );
  };
  remapStyles(doc.root, prefix, merger, (el) => {
    if (el === sheetData) fitRows();
  });
  markStopIfTrue(doc, w.stopIfTruePriorities);
  writeMerges(doc, w.spec);
  if (w.spec.defaultFont) styleAllColumns(doc, merger.fontOnly(w.spec.defaultFont));
  const dimension = ensureChild(doc.root, 'dimension', WORKSHEET_ORDER);
  setAttr(dimension, 'ref', used ? rangeToA1(used.top, used.left, used.bottom, used.right) : 'A1');
  edit(doc);
  if (!sheetData) return [encoder.encode(serializeXml(doc))];
  if (rows.length === 0) {
    // No rows: <sheetData/>, as ExcelJS writes it.
    sheetData.children = [];
    sheetData.source = undefined;
    return [encoder.encode(serializeXml(doc))];
  }
  // The rows go between the outline's text before and after them.
  sheetData.children = [{ kind: 'raw', raw: ROWS_MARK }];
  const outline = serializeXml(doc);
  const at = outline.indexOf(ROWS_MARK);
  return [
    encoder.encode(outline.slice(0, at)),
    ...rows,
    encoder.encode(outline.slice(at + ROWS_MARK.length)),
  ];
}

/** The sample cells' cell formats in the scratch sheet: row → its `s` (absent where ExcelJS wrote none). */
function samples(rows: { kind: 'row' | 'text'; text: string }[]): Map<number, number> {
  const formats = new Map<number, number>();
  for (const row of rows) {
    if (row.kind !== 'row') continue;
    const cell = /<(?:[\w.-]+:)?c r="A(\d+)" s="(\d+)"/.exec(row.text);
    if (cell) formats.set(Number(cell[1]), Number(cell[2]));
  }
  return formats;
}

/** Where the rows go in the outline's text: NUL is no character of an XML document, so it is nowhere else. */
const ROWS_MARK = '\u0000rows\u0000';

/**
 * A worksheet's text as the tree of everything but the rows (`outline`: <sheetData> left empty) and the
 * children of <sheetData> in order: each row element's text, and what lies between them as it is.
 */
function splitRows(text: string): { outline: string; rows: { kind: 'row' | 'text'; text: string }[] } {
  let open: { start: number; end: number; selfClosing: boolean } | undefined;
  let close: { start: number; end: number } | undefined;
  const rows: { kind: 'row' | 'text'; text: string }[] = [];
  let rowStart = -1;
  let last = -1;
  scanTags(text, (tag) => {
    if (!open) {
      if (tag.depth === 2 && !tag.closing && tag.name === 'sheetData') {
        open = { start: tag.start, end: tag.end, selfClosing: tag.selfClosing };
        last = tag.end;
        return !tag.selfClosing;
      }
      return true;
    }
    if (tag.depth === 2) {
      close = { start: tag.start, end: tag.end };
      if (last < tag.start) rows.push({ kind: 'text', text: text.slice(last, tag.start) });
      return false;
    }
    if (tag.depth !== 3) return true;
    if (!tag.closing) {
      if (last < tag.start) rows.push({ kind: 'text', text: text.slice(last, tag.start) });
      rowStart = tag.start;
    }
    if (tag.closing || tag.selfClosing) {
      rows.push({ kind: 'row', text: text.slice(rowStart, tag.end) });
      last = tag.end;
    }
    return true;
  });
  if (!open || open.selfClosing || !close) return { outline: text, rows: [] };
  return { outline: text.slice(0, open.end) + text.slice(close.start), rows };
}

/** The scratch workbook's stylesheet (ExcelJS always writes one). */
export function scratchStyles(pkg: Package, book: Book): XmlDocument {
  const part = pkg.relatedPart(book.workbookPart, REL.styles);
  if (!part) throw new Error('scratch workbook has no styles');
  return pkg.readXml(part);
}

/**
 * Cell formats and differential formats renumbered into the target stylesheet, in document order from `el`
 * (elements of the sheet's own prefix); `after` is called on each element once its subtree is done.
 */
function remapStyles(
  el: XmlElement,
  prefix: string,
  merger: StyleMerger,
  after: (el: XmlElement) => void = () => undefined,
): void {
  const name = localName(el.name);
  if (prefixOf(el.name) === prefix) {
    if ((name === 'c' || name === 'row') && getAttr(el, 's') !== undefined) {
      setAttr(el, 's', String(merger.xf(Number(getAttr(el, 's')))));
    } else if (name === 'col' && getAttr(el, 'style') !== undefined) {
      setAttr(el, 'style', String(merger.xf(Number(getAttr(el, 'style')))));
    } else if (name === 'cfRule' && getAttr(el, 'dxfId') !== undefined) {
      setAttr(el, 'dxfId', String(merger.dxf(Number(getAttr(el, 'dxfId')))));
    }
  }
  for (const c of el.children) if (c.kind === 'element') remapStyles(c, prefix, merger, after);
  after(el);
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
