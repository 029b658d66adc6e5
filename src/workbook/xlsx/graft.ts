/**
 * Moving written sheets into a workbook package without touching anything else in it.
 *
 * ExcelJS rewrites a whole workbook from its own model when it saves, and its model leaves out charts,
 * pivot tables, macros, slicers, sheet-scoped and formula names, and more. So the adapter never saves the
 * user's workbook through ExcelJS. It keeps the original package and, for each sheet it writes, takes the
 * worksheet part that ExcelJS generated in a scratch workbook and grafts it in:
 *
 * - the worksheet part replaces the old sheet's part (same tab, same relationship) or is added at the end;
 * - the cell formats it uses are copied into the workbook's stylesheet and renumbered (StyleMerger);
 * - its shared strings become inline strings, so the workbook's shared-string table is left alone;
 * - its table is written here (with calculated columns, which ExcelJS cannot write);
 * - print area and print titles become defined names scoped to the sheet;
 * - parts that only the old sheet used (its tables, drawings, comments, …) are removed and reported.
 *
 * Everything else (other sheets, defined names, charts, VBA, custom XML, …) stays byte for byte.
 */
import { sheetNameKey } from '../../domain/text';
import type { CellValue, SheetSpec } from '../../sheets/spec';
import type { CellUpdate } from '../port';
import { WorkbookError } from '../port';
import {
  formatRange,
  formatRows,
  parseA1Cell,
  parseA1Range,
  parseRows,
  qualify,
  rangeToA1,
  toA1,
} from '../../domain/a1';
import {
  type Book,
  isSheetProtected,
  isTrue,
  isWorksheet,
  readBook,
  ensureRelationshipPrefix,
  relationshipId,
  sameSheetName,
  type SheetEntry,
} from './book';
import { describeLoss, messages, tableDetail, type PartKind } from '../../i18n/xlsx';
import { CONTENT_TYPE, decodeText, Package, REL, type Relationship, relativeTarget } from './opc';
import type { WrittenSheet } from './sheetWriter';
import { stripEquals } from './sheetWriter';
import { StyleMerger } from './styles';
import { findAttribute, scanTags } from './tagScan';
import {
  child,
  childElements,
  children,
  element,
  getAttr,
  insertInOrder,
  localName,
  parseXml,
  prefixOf,
  removeAttr,
  removeChildren,
  setAttr,
  textContent,
  textNode,
  type XmlDocument,
  type XmlElement,
} from './xml';

/** CT_Worksheet's sequence. */
export const WORKSHEET_ORDER = [
  'sheetPr',
  'dimension',
  'sheetViews',
  'sheetFormatPr',
  'cols',
  'sheetData',
  'sheetCalcPr',
  'sheetProtection',
  'protectedRanges',
  'scenarios',
  'autoFilter',
  'sortState',
  'dataConsolidate',
  'customSheetViews',
  'mergeCells',
  'phoneticPr',
  'conditionalFormatting',
  'dataValidations',
  'hyperlinks',
  'printOptions',
  'pageMargins',
  'pageSetup',
  'headerFooter',
  'rowBreaks',
  'colBreaks',
  'customProperties',
  'cellWatches',
  'ignoredErrors',
  'smartTags',
  'drawing',
  'legacyDrawing',
  'legacyDrawingHF',
  'drawingHF',
  'picture',
  'oleObjects',
  'controls',
  'webPublishItems',
  'tableParts',
  'extLst',
] as const;

/** CT_Workbook's sequence. */
const WORKBOOK_ORDER = [
  'fileVersion',
  'fileSharing',
  'workbookPr',
  'workbookProtection',
  'bookViews',
  'sheets',
  'functionGroups',
  'externalReferences',
  'definedNames',
  'calcPr',
  'oleSize',
  'customWorkbookViews',
  'pivotCaches',
  'smartTagPr',
  'smartTagTypes',
  'webPublishing',
  'fileRecoveryPr',
  'webPublishObjects',
  'extLst',
] as const;

/** CT_SheetView's sequence. */
const SHEET_VIEW_ORDER = ['pane', 'selection', 'pivotSelection', 'extLst'] as const;

/** CT_Cell's sequence. */
const CELL_ORDER = ['f', 'v', 'is', 'extLst'] as const;

/** Something removed with a replaced sheet: a part only it used, or a name scoped to it. */
export interface RemovedPart {
  part: string;
  /** The sheet it belonged to (its name before replacement). */
  sheet: string;
  /** What it is, when it is something the user would miss; undefined for plumbing (tables, printer settings). */
  kind: PartKind | undefined;
  /** For a defined name: the name. */
  name?: string;
}

export function describeRemoved(removed: RemovedPart): string | undefined {
  if (removed.name !== undefined) return messages.lostName(removed.name, removed.sheet);
  return removed.kind ? describeLoss(removed.kind, removed.part, removed.sheet) : undefined;
}

// ---------------------------------------------------------------------------------------------------------
// Checks made before anything is changed

/** The sheets a plan targets must be writable; throws WorkbookError otherwise. */
export function checkPlan(
  pkg: Package,
  book: Book,
  specs: SheetSpec[],
  updates: CellUpdate[],
  activate: string | undefined,
): void {
  const names = new Set<string>();
  for (const spec of specs) {
    const folded = sheetNameKey(spec.name);
    if (names.has(folded))
      throw new WorkbookError('unsupported', spec.name, messages.duplicateSheetInPlan(spec.name));
    names.add(folded);
    const existing = book.sheets.find((s) => sameSheetName(s.name, spec.name));
    if (existing && isSheetProtected(pkg, existing)) {
      throw new WorkbookError('sheetProtected', existing.name, messages.sheetProtected(existing.name));
    }
  }
  if (specs.length && book.structureLocked) {
    // Not 'sheetProtected': no one sheet is protected, and the message says what to unprotect.
    throw new WorkbookError('unsupported', undefined, messages.structureLocked);
  }
  checkTableNames(pkg, book, specs);
  for (const update of updates) {
    const inPlan = specs.some((spec) => sameSheetName(spec.name, update.sheet));
    const existing = book.sheets.find((s) => sameSheetName(s.name, update.sheet));
    if (!inPlan && !existing)
      throw new WorkbookError('sheetNotFound', update.sheet, messages.sheetNotFound(update.sheet));
    if (!inPlan && existing) {
      if (!isWorksheet(existing))
        throw new WorkbookError('unsupported', existing.name, messages.notAWorksheet(existing.name));
      if (isSheetProtected(pkg, existing)) {
        throw new WorkbookError('sheetProtected', existing.name, messages.sheetProtected(existing.name));
      }
    }
    try {
      parseA1Cell(update.cell);
    } catch {
      throw new WorkbookError('unsupported', update.sheet, messages.badAddress(update.sheet, update.cell));
    }
    checkValue(update.sheet, update.cell, update.value);
  }
  // Visibility after the plan: at least one visible sheet, and the sheet to activate must be visible.
  const finalVisibility = new Map<string, string>();
  for (const s of book.sheets) finalVisibility.set(sheetNameKey(s.name), s.visibility);
  for (const spec of specs) finalVisibility.set(sheetNameKey(spec.name), spec.visibility ?? 'visible');
  if (![...finalVisibility.values()].includes('visible')) {
    throw new WorkbookError('unsupported', undefined, messages.noVisibleSheet);
  }
  if (activate !== undefined) {
    const state = finalVisibility.get(sheetNameKey(activate));
    if (state === undefined)
      throw new WorkbookError('sheetNotFound', activate, messages.sheetNotFound(activate));
    if (state !== 'visible')
      throw new WorkbookError('unsupported', activate, messages.activateHidden(activate));
  }
}

function checkValue(sheet: string, address: string, value: CellValue): void {
  if (
    (typeof value === 'number' && !Number.isFinite(value)) ||
    (typeof value === 'string' && value.length > 32_767)
  ) {
    throw new WorkbookError('unsupported', sheet, messages.badValue(sheet, address));
  }
}

/** Table names are unique in a workbook, among tables and defined names alike (case-insensitive). */
function checkTableNames(pkg: Package, book: Book, specs: SheetSpec[]): void {
  const replaced = new Set(
    specs
      .map((spec) => book.sheets.find((s) => sameSheetName(s.name, spec.name))?.part)
      .filter((p): p is string => !!p),
  );
  const taken = new Set<string>();
  for (const entry of book.sheets) {
    if (!entry.part || replaced.has(entry.part)) continue;
    for (const part of tablePartsOf(pkg, entry.part)) {
      const root = pkg.readXml(part).root;
      for (const attr of ['name', 'displayName']) {
        const v = getAttr(root, attr);
        if (v) taken.add(sheetNameKey(v));
      }
    }
  }
  const definedNames = child(pkg.readXml(book.workbookPart).root, 'definedNames');
  for (const dn of definedNames ? children(definedNames, 'definedName') : []) {
    const v = getAttr(dn, 'name');
    if (v) taken.add(sheetNameKey(v));
  }
  for (const spec of specs) {
    if (!spec.table) continue;
    const name = spec.table.name;
    if (
      !/^[\p{L}_\\][\p{L}\p{N}_.\\]*$/u.test(name) ||
      /^[A-Za-z]{1,3}\d+$/.test(name) ||
      /^[RrCc]$/.test(name)
    ) {
      throw new WorkbookError(
        'unsupported',
        spec.name,
        messages.badTable(spec.name, tableDetail.badName(name)),
      );
    }
    if (taken.has(sheetNameKey(name))) {
      throw new WorkbookError('unsupported', spec.name, messages.tableNameTaken(spec.name, name));
    }
    taken.add(sheetNameKey(name));
  }
}

function tablePartsOf(pkg: Package, sheetPart: string): string[] {
  return pkg
    .rels(sheetPart)
    .filter((r) => r.type === REL.table)
    .map((r) => pkg.resolve(sheetPart, r))
    .map((p) => p && pkg.findPartIgnoringCase(p))
    .filter((p): p is string => !!p);
}

// ---------------------------------------------------------------------------------------------------------
// Grafting written sheets

export function graftSheets(pkg: Package, scratch: Package, written: WrittenSheet[]): RemovedPart[] {
  if (!written.length) return [];
  const book = readBook(pkg);
  const scratchBook = readBook(scratch);
  const workbookDoc = pkg.editXml(book.workbookPart);
  const relPrefix = ensureRelationshipPrefix(workbookDoc.root);
  const merger = new StyleMerger(ensureStyles(pkg, book.workbookPart), stylesOf(scratch, scratchBook));
  const workbookRels = pkg.rels(book.workbookPart);
  const sharedStrings = scratchSharedStrings(scratch, scratchBook);
  const candidates = new Map<string, string>(); // part → the replaced sheet's name
  const removed: RemovedPart[] = [];
  let nextTableId = maxTableId(pkg, book) + 1;

  const sheetsEl = ensureChild(workbookDoc.root, 'sheets', WORKBOOK_ORDER);
  let sheetElements = children(sheetsEl, 'sheet');

  for (const w of written) {
    const { spec } = w;
    const scratchEntry = scratchBook.sheets.find((s) => s.name === spec.name);
    if (!scratchEntry?.part) throw new Error(`scratch workbook has no sheet ${spec.name}`);
    const doc = scratch.readXml(scratchEntry.part);
    inlineSharedStrings(doc, sharedStrings);
    remapStyles(doc, merger);
    markStopIfTrue(doc, w.stopIfTruePriorities);
    writeMerges(doc, spec);
    if (spec.autoRowHeights) dropCustomHeights(doc);
    if (spec.defaultFont) styleAllColumns(doc, merger.fontOnly(spec.defaultFont));

    const existing = book.sheets.find((s) => sameSheetName(s.name, spec.name));
    const existingIndex = existing ? book.sheets.indexOf(existing) : -1;
    let sheetPart: string;
    if (existing) {
      for (const part of pkg.reachableFrom(existing.part ? [existing.part] : []))
        candidates.set(part, existing.name);
      if (existing.part && isWorksheet(existing)) {
        sheetPart = existing.part;
      } else {
        if (existing.part) candidates.set(existing.part, existing.name);
        sheetPart = pkg.freePartName('xl/worksheets/sheet', '.xml');
        replaceRelationship(workbookRels, existing.relId, {
          id: existing.relId,
          type: REL.worksheet,
          target: relativeTarget(book.workbookPart, sheetPart),
          external: false,
        });
      }
    } else {
      sheetPart = pkg.freePartName('xl/worksheets/sheet', '.xml');
    }

    const sheetRels: Relationship[] = [];
    if (spec.table && w.tableRange) {
      const tablePart = pkg.freePartName('xl/tables/table', '.xml');
      pkg.setXml(tablePart, tableDocument(w, nextTableId));
      nextTableId += 1;
      pkg.setContentType(tablePart, CONTENT_TYPE.table);
      const relId = Package.freeRelId(sheetRels);
      sheetRels.push({
        id: relId,
        type: REL.table,
        target: relativeTarget(sheetPart, tablePart),
        external: false,
      });
      const prefix = ensureRelationshipPrefix(doc.root);
      insertInOrder(
        doc.root,
        element(
          `${prefixOf(doc.root.name)}tableParts`,
          [['count', '1']],
          [element(`${prefixOf(doc.root.name)}tablePart`, [[`${prefix}id`, relId]])],
        ),
        WORKSHEET_ORDER,
      );
    }
    for (const rel of scratch.rels(scratchEntry.part)) {
      if (!rel.external) throw new Error(`unexpected relationship ${rel.type} in scratch sheet ${spec.name}`);
      sheetRels.push({ ...rel, id: Package.freeRelId(sheetRels) });
    }

    pkg.setXml(sheetPart, doc);
    pkg.writeRels(sheetPart, sheetRels);
    pkg.setContentType(sheetPart, CONTENT_TYPE.worksheet);

    let index: number;
    if (existing) {
      const el = sheetElements.find(
        (e) => relationshipId(e, workbookDoc.root) === existing.relId,
      ) as XmlElement;
      setAttr(el, 'name', spec.name);
      setVisibility(el, spec.visibility);
      index = existingIndex;
    } else {
      const relId = Package.freeRelId(workbookRels);
      workbookRels.push({
        id: relId,
        type: REL.worksheet,
        target: relativeTarget(book.workbookPart, sheetPart),
        external: false,
      });
      // A loop, not Math.max(...ids): thousands of arguments overflow the call stack.
      let sheetId = 1;
      for (const e of sheetElements)
        sheetId = Math.max(sheetId, (Number(getAttr(e, 'sheetId') ?? 0) || 0) + 1);
      const el = element(`${prefixOf(workbookDoc.root.name)}sheet`, [
        ['name', spec.name],
        ['sheetId', String(sheetId)],
        [`${relPrefix}id`, relId],
      ]);
      setVisibility(el, spec.visibility);
      sheetsEl.children.push(el);
      sheetElements = children(sheetsEl, 'sheet');
      index = sheetElements.length - 1;
      book.sheets.push({
        name: spec.name,
        visibility: spec.visibility ?? 'visible',
        sheetId,
        relId,
        relType: REL.worksheet,
        part: sheetPart,
      });
    }
    for (const name of setPrintNames(workbookDoc, index, w)) {
      removed.push({ part: book.workbookPart, sheet: existing?.name ?? spec.name, kind: undefined, name });
    }
  }
  pkg.writeRels(book.workbookPart, workbookRels);

  // Parts that only the replaced sheets used.
  const reachable = pkg.reachableFrom(['']);
  for (const [part, sheet] of candidates) {
    if (reachable.has(part) || !pkg.has(part)) continue;
    removed.push({ part, sheet, kind: classifyPart(pkg, part) });
    pkg.remove(part);
    pkg.removeContentTypeOverride(part);
    const rels = pkg.findPartIgnoringCase(Package.relsPartFor(part));
    if (rels) {
      removed.push({ part: rels, sheet, kind: undefined });
      pkg.remove(rels);
    }
  }
  return removed;
}

function replaceRelationship(rels: Relationship[], id: string, rel: Relationship): void {
  const i = rels.findIndex((r) => r.id === id);
  if (i >= 0) rels[i] = rel;
  else rels.push(rel);
}

function setVisibility(el: XmlElement, visibility: 'visible' | 'hidden' | 'veryHidden' | undefined): void {
  if (!visibility || visibility === 'visible') removeAttr(el, 'state');
  else setAttr(el, 'state', visibility);
}

function ensureChild(parent: XmlElement, name: string, order: readonly string[]): XmlElement {
  let el = child(parent, name);
  if (!el) {
    el = element(`${prefixOf(parent.name)}${name}`);
    insertInOrder(parent, el, order);
  }
  return el;
}

const MINIMAL_STYLES =
  '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n' +
  '<styleSheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">' +
  '<fonts count="1"><font><sz val="11"/><name val="Calibri"/><family val="2"/></font></fonts>' +
  '<fills count="2"><fill><patternFill patternType="none"/></fill><fill><patternFill patternType="gray125"/></fill></fills>' +
  '<borders count="1"><border><left/><right/><top/><bottom/><diagonal/></border></borders>' +
  '<cellStyleXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0"/></cellStyleXfs>' +
  '<cellXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0"/></cellXfs>' +
  '<cellStyles count="1"><cellStyle name="Normal" xfId="0" builtinId="0"/></cellStyles>' +
  '</styleSheet>';

/**
 * The workbook's stylesheet for editing. A workbook without one (the Open XML SDK writes such files) gets a
 * minimal one whose default format is what Excel assumes for cells without a format.
 */
function ensureStyles(pkg: Package, workbookPart: string): XmlDocument {
  const rels = pkg.rels(workbookPart);
  const rel = rels.find((r) => r.type === REL.styles);
  const part = rel && pkg.resolve(workbookPart, rel);
  const actual = part && pkg.findPartIgnoringCase(part);
  if (actual) return pkg.editXml(actual);
  const name = pkg.freePartName('xl/styles', '.xml', true);
  pkg.setXml(name, parseXml(MINIMAL_STYLES));
  pkg.setContentType(name, CONTENT_TYPE.styles);
  pkg.writeRels(workbookPart, [
    ...rels,
    {
      id: Package.freeRelId(rels),
      type: REL.styles,
      target: relativeTarget(workbookPart, name),
      external: false,
    },
  ]);
  return pkg.editXml(name);
}

function stylesOf(pkg: Package, book: Book): XmlDocument {
  const rel = pkg.rels(book.workbookPart).find((r) => r.type === REL.styles);
  const part = rel && pkg.resolve(book.workbookPart, rel);
  if (!part || !pkg.has(part)) throw new Error('scratch workbook has no styles');
  return pkg.readXml(part);
}

/** The scratch workbook's shared strings as plain text (written sheets hold no rich text). */
function scratchSharedStrings(pkg: Package, book: Book): string[] {
  const rel = pkg.rels(book.workbookPart).find((r) => r.type === REL.sharedStrings);
  const part = rel && pkg.resolve(book.workbookPart, rel);
  if (!part || !pkg.has(part)) return [];
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

const MAX_COLUMN = 16_384;
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
  gap(next, MAX_COLUMN);
  cols.children = out;
}

/**
 * Row heights written as auto heights: the estimate stays (LibreOffice shows it), but without customHeight
 * Excel refits a row when its text changes (SheetSpec.autoRowHeights).
 */
function dropCustomHeights(doc: XmlDocument): void {
  const sheetData = child(doc.root, 'sheetData');
  for (const row of sheetData ? children(sheetData, 'row') : []) removeAttr(row, 'customHeight');
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

function maxTableId(pkg: Package, book: Book): number {
  let max = 0;
  for (const entry of book.sheets) {
    if (!entry.part) continue;
    for (const part of tablePartsOf(pkg, entry.part)) {
      max = Math.max(max, Number(getAttr(pkg.readXml(part).root, 'id') ?? 0) || 0);
    }
  }
  return max;
}

/** Characters XML 1.0 cannot hold, which OOXML writes as _xHHHH_. */
// eslint-disable-next-line no-control-regex
const XML_FORBIDDEN = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\ufffe\uffff]/g;
/** Control characters, which table column names hold escaped (a line break is _x000A_). */
// eslint-disable-next-line no-control-regex
const CONTROL_CHARACTERS = /[\u0000-\u001f]/g;

/** OOXML's escaping: `pattern`'s characters as _xHHHH_, and a literal "_xHHHH_" protected as _x005F_xHHHH_. */
function escapeOoxml(value: string, pattern: RegExp): string {
  return value
    .replace(/_x[0-9A-Fa-f]{4}_/g, (m) => `_x005F${m}`)
    .replace(pattern, (ch) => `_x${ch.charCodeAt(0).toString(16).toUpperCase().padStart(4, '0')}_`);
}

function tableDocument(w: WrittenSheet, id: number): XmlDocument {
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
        ['name', escapeOoxml(name, CONTROL_CHARACTERS)],
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

/**
 * Print area and print titles of sheet `index`: sheet-scoped defined names, replacing the old sheet's.
 * Returns the user's names (not Excel's own _xlnm.*) that were scoped to the old sheet and went with it.
 */
function setPrintNames(workbookDoc: XmlDocument, index: number, w: WrittenSheet): string[] {
  const root = workbookDoc.root;
  const prefix = prefixOf(root.name);
  let definedNames = child(root, 'definedNames');
  const dropped: string[] = [];
  if (definedNames) {
    // Names scoped to the old sheet go with it, as when Excel deletes a sheet.
    const local = (dn: XmlElement): boolean => getAttr(dn, 'localSheetId') === String(index);
    for (const dn of children(definedNames, 'definedName').filter(local)) {
      const name = getAttr(dn, 'name') ?? '';
      if (!name.startsWith('_xlnm.')) dropped.push(name);
    }
    removeChildren(definedNames, local);
  }
  const page = w.spec.page;
  const add: [string, string][] = [];
  if (page?.printArea) {
    add.push([
      '_xlnm.Print_Area',
      qualify(w.spec.name, formatRange(parseA1Range(page.printArea), ABSOLUTE_PAIR)),
    ]);
  }
  if (page?.printTitleRows) {
    const rows = parseRows(page.printTitleRows);
    if (!rows)
      throw new WorkbookError(
        'unsupported',
        w.spec.name,
        messages.badAddress(w.spec.name, page.printTitleRows),
      );
    add.push(['_xlnm.Print_Titles', qualify(w.spec.name, formatRows(rows.first, rows.last, true))]);
  }
  if (!add.length) {
    if (definedNames && !childElements(definedNames).length) removeChildren(root, (e) => e === definedNames);
    return dropped;
  }
  if (!definedNames) {
    definedNames = element(`${prefix}definedNames`);
    insertInOrder(root, definedNames, WORKBOOK_ORDER);
  }
  for (const [name, text] of add) {
    definedNames.children.push(
      element(
        `${prefix}definedName`,
        [
          ['name', name],
          ['localSheetId', String(index)],
        ],
        [textNode(text)],
      ),
    );
  }
  return dropped;
}

const ABSOLUTE_PAIR = { absolute: true, pair: true } as const;

/** What a removed part is, for the loss report; undefined for parts nobody would miss. */
function classifyPart(pkg: Package, part: string): PartKind | undefined {
  const type = (pkg.contentType(part) ?? '').toLowerCase();
  const path = part.toLowerCase();
  if (type.includes('spreadsheetml.table+xml') || path.includes('printersettings')) return undefined;
  // The old sheet itself, when it was a chartsheet or another kind of sheet (what it held is reported).
  if (/\/(chartsheets|dialogsheets|macrosheets)\//.test(path)) return undefined;
  if (type.includes('vmldrawing') || path.endsWith('.vml')) return undefined;
  if (
    type.includes('drawingml.chart+xml') ||
    type.includes('drawingml.chartex') ||
    /\/charts\/chart(ex)?\d*\.xml$/.test(path)
  ) {
    return 'chart';
  }
  if (path.includes('/charts/')) return undefined; // chart styles and colours go with their chart
  if (path.includes('/media/') || type.startsWith('image/')) return 'image';
  if (type.includes('drawing+xml') || /\/drawings\/drawing\d*\.xml$/.test(path)) {
    // Report a drawing only for shapes of its own; its pictures and charts are reported as such.
    return /<(?:[\w-]+:)?(?:sp|grpSp|cxnSp)\b/.test(pkg.text(part)) ? 'drawing' : undefined;
  }
  if (path.includes('threadedcomment')) return 'threadedComments';
  if (type.includes('comments+xml') || /\/comments\d*\.xml$/.test(path)) return 'comments';
  if (type.includes('pivottable') || path.includes('/pivottables/')) return 'pivotTable';
  if (type.includes('pivotcache') || path.includes('/pivotcache/')) return 'pivotCache';
  if (path.includes('/slicers/') || path.includes('/slicercaches/')) return 'slicer';
  if (path.includes('/timelines/') || path.includes('/timelinecaches/')) return 'timeline';
  if (path.includes('/embeddings/')) return 'embedding';
  if (path.includes('/activex/') || path.includes('/ctrlprops/')) return 'control';
  if (path.includes('/webextensions/')) return 'webExtension';
  return 'other';
}

// ---------------------------------------------------------------------------------------------------------
// Single-cell updates on existing worksheets

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
export function inlineString(value: string, prefix: string): XmlElement {
  const attrs: [string, string][] = /^\s|\s$|\n/.test(value) ? [['xml:space', 'preserve']] : [];
  return element(
    `${prefix}is`,
    [],
    [element(`${prefix}t`, attrs, [textNode(escapeOoxml(value, XML_FORBIDDEN))])],
  );
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

// ---------------------------------------------------------------------------------------------------------
// Workbook-wide settings after a change

export interface FinishOptions {
  activate?: string;
  /** Sheets to move to the front of the tab order, in this order (WritePlan.tabOrder). */
  tabOrder?: string[];
  select?: string;
  /** Sheets replaced by this plan whose old part had the tab selected. */
  replacedSelected: string[];
}

/**
 * Makes Excel and LibreOffice recalculate everything on open (the written formulas carry no results, and
 * updated cells may feed other formulas), drops the calculation chain (it names cells that may no longer
 * hold formulas, which Excel reports as damage), and sets the active tab.
 */
export function finishWorkbook(pkg: Package, options: FinishOptions): void {
  const previousActive = reorderSheets(pkg, options.tabOrder ?? []);
  const book = readBook(pkg);
  const doc = pkg.editXml(book.workbookPart);
  const root = doc.root;
  const calcPr = ensureChild(root, 'calcPr', WORKBOOK_ORDER);
  setAttr(calcPr, 'fullCalcOnLoad', '1');

  const rels = pkg.rels(book.workbookPart);
  const calcChain = rels.find((r) => r.type === REL.calcChain);
  if (calcChain) {
    const part = pkg.resolve(book.workbookPart, calcChain);
    const actual = part && pkg.findPartIgnoringCase(part);
    if (actual) {
      pkg.remove(actual);
      pkg.removeContentTypeOverride(actual);
    }
    pkg.writeRels(
      book.workbookPart,
      rels.filter((r) => r !== calcChain),
    );
  }

  const bookViews = ensureChild(root, 'bookViews', WORKBOOK_ORDER);
  let view = child(bookViews, 'workbookView');
  if (!view) {
    view = element(`${prefixOf(root.name)}workbookView`);
    bookViews.children.push(view);
  }
  let active = Number(getAttr(view, 'activeTab') ?? 0);
  if (previousActive) active = previousActive(active);
  if (!(active >= 0 && active < book.sheets.length)) active = 0;
  let reselect = false;
  if (options.activate !== undefined) {
    active = book.sheets.findIndex((s) => sameSheetName(s.name, options.activate as string));
    reselect = true;
  } else if (book.sheets[active] && book.sheets[active].visibility !== 'visible') {
    active = Math.max(
      0,
      book.sheets.findIndex((s) => s.visibility === 'visible'),
    );
    reselect = true;
  } else if (
    book.sheets[active] &&
    options.replacedSelected.some((n) => sameSheetName(n, book.sheets[active].name))
  ) {
    reselect = true;
  }
  setAttr(view, 'activeTab', String(active));
  const firstSheet = Number(getAttr(view, 'firstSheet') ?? 0);
  if (firstSheet > active) setAttr(view, 'firstSheet', String(active));

  if (reselect) {
    book.sheets.forEach((entry, i) => {
      if (!entry.part || !isWorksheet(entry)) return;
      const selected = TAB_SELECTED.test(sheetViewsText(pkg, entry.part));
      if (i === active && !selected) setTabSelected(pkg.editXml(entry.part), true);
      // Other selected tabs would open as a group of sheets; only the active one stays selected.
      if (i !== active && selected && options.activate !== undefined) deselectTab(pkg, entry.part);
    });
  }
  const target = book.sheets[active];
  if (options.select && target?.part && isWorksheet(target))
    setSelection(pkg.editXml(target.part), options.select);
}

/**
 * Moves the named sheets to the front of <sheets>, in the order given, and renumbers what refers to a sheet
 * by its position (definedName/@localSheetId). Returns how to map an old position to the new one, or
 * undefined when nothing moved.
 */
function reorderSheets(pkg: Package, order: readonly string[]): ((oldIndex: number) => number) | undefined {
  if (order.length === 0) return undefined;
  const book = readBook(pkg);
  const root = pkg.readXml(book.workbookPart).root;
  const sheetsEl = child(root, 'sheets');
  if (!sheetsEl) return undefined;
  const entries = children(sheetsEl, 'sheet');
  const rank = (el: XmlElement): number => {
    const i = order.findIndex((name) => sameSheetName(name, getAttr(el, 'name') ?? ''));
    return i < 0 ? order.length : i;
  };
  const sorted = entries.map((el, i) => ({ el, i })).sort((a, b) => rank(a.el) - rank(b.el) || a.i - b.i);
  if (sorted.every((s, i) => s.i === i)) return undefined;
  const newIndex = new Map(sorted.map((s, i) => [s.i, i]));
  const editable = pkg.editXml(book.workbookPart).root;
  const editableSheets = child(editable, 'sheets') as XmlElement;
  const editableEntries = children(editableSheets, 'sheet');
  editableSheets.children = sorted.map((s) => editableEntries[s.i]);
  const names = child(editable, 'definedNames');
  for (const dn of names ? children(names, 'definedName') : []) {
    const local = getAttr(dn, 'localSheetId');
    if (local !== undefined && newIndex.has(Number(local)))
      setAttr(dn, 'localSheetId', String(newIndex.get(Number(local))));
  }
  return (old) => newIndex.get(old) ?? old;
}

function firstSheetView(doc: XmlDocument): XmlElement {
  const prefix = prefixOf(doc.root.name);
  const views = ensureChild(doc.root, 'sheetViews', WORKSHEET_ORDER);
  let view = child(views, 'sheetView');
  if (!view) {
    view = element(`${prefix}sheetView`, [['workbookViewId', '0']]);
    views.children.push(view);
  }
  return view;
}

const TAB_SELECTED = /\btabSelected\s*=\s*["'](1|true)["']/;

/**
 * The start of a worksheet part, up to its <sheetData>: enough to see its sheet views without decoding (or
 * parsing) the cells of a large sheet.
 */
function sheetViewsText(pkg: Package, part: string): string {
  if (pkg.isParsed(part)) return pkg.text(part);
  const bytes = pkg.bytes(part);
  const head = decodeText(bytes.subarray(0, Math.min(bytes.length, 64 * 1024)));
  const end = head.search(/<(\w+:)?sheetData\b/);
  return end >= 0 ? head.slice(0, end) : decodeText(bytes);
}

/**
 * Clears tabSelected on a sheet the plan does not write. On an unparsed part this is a text edit of its
 * sheet views only, so a tracker of 20,000 rows is not parsed and re-serialized to change one attribute.
 */
function deselectTab(pkg: Package, part: string): void {
  if (pkg.isParsed(part)) {
    setTabSelected(pkg.editXml(part), false);
    return;
  }
  const text = decodeText(pkg.bytes(part));
  const end = text.search(/<(\w+:)?sheetData\b/);
  // setText writes UTF-8: a part declared in another encoding goes through the tree, which rewrites its prolog.
  const notUtf8 = /^\uFEFF?\s*<\?xml[^>]*encoding\s*=\s*["'](?!utf-8["'])/i.test(text);
  if (end < 0 || notUtf8) {
    setTabSelected(pkg.editXml(part), false);
    return;
  }
  // The sheet views' tabSelected attributes, cut out of the text before the cells in one pass over its tags.
  const cuts: { start: number; end: number }[] = [];
  scanTags(
    text,
    (tag) => {
      if (tag.name !== 'sheetView' || tag.closing) return;
      const found = findAttribute(text, tag, 'tabSelected');
      if (found && isTrue(found.value)) cuts.push(found);
    },
    0,
    end,
  );
  let head = '';
  let from = 0;
  for (const cut of cuts) {
    head += text.slice(from, cut.start);
    from = cut.end;
  }
  pkg.setText(part, head + text.slice(from));
}

function setTabSelected(doc: XmlDocument, selected: boolean): void {
  const view = firstSheetView(doc);
  if (selected) setAttr(view, 'tabSelected', '1');
  else removeAttr(view, 'tabSelected');
}

function setSelection(doc: XmlDocument, address: string): void {
  const { row, col } = parseA1Cell(address);
  const cell = toA1(row, col);
  const view = firstSheetView(doc);
  const pane = child(view, 'pane');
  const activePane = pane ? (getAttr(pane, 'activePane') ?? 'bottomRight') : undefined;
  let selection = children(view, 'selection').find(
    (s) => (getAttr(s, 'pane') ?? 'topLeft') === (activePane ?? 'topLeft'),
  );
  if (!selection) {
    selection = element(`${prefixOf(doc.root.name)}selection`, activePane ? [['pane', activePane]] : []);
    insertInOrder(view, selection, SHEET_VIEW_ORDER);
  }
  setAttr(selection, 'activeCell', cell);
  setAttr(selection, 'sqref', cell);
}
