/**
 * Moving written sheets into a workbook package without touching anything else in it.
 *
 * ExcelJS rewrites a whole workbook from its own model when it saves, and its model leaves out charts,
 * pivot tables, macros, slicers, sheet-scoped and formula names, and more. So the adapter never saves the
 * user's workbook through ExcelJS. It keeps the original package and, for each sheet it writes, takes the
 * worksheet part that ExcelJS generated in a scratch workbook and grafts it in. This module does the grafting
 * itself: the worksheet part replaces the old sheet's part (same tab, same relationship) or is added at the
 * end, with its relationships, its table part and its <sheet> entry; parts that only the old sheet used (its
 * tables, drawings, comments, …) are removed and reported (lostParts.ts). The sheet is fitted to the workbook
 * first (scratchSheet.ts: styles, shared strings, merges); its print names are printNames.ts's.
 *
 * Everything else (other sheets, defined names, charts, VBA, custom XML, …) stays byte for byte.
 */
import { sameSheetName } from '../../domain/text';
import {
  type Book,
  ensureRelationshipPrefix,
  isWorksheet,
  readBook,
  relationshipId,
  type SheetEntry,
} from './book';
import { classifyPart, type RemovedPart } from './lostParts';
import { CONTENT_TYPE, Package, REL, type Relationship, relativeTarget } from './opc';
import { setPrintNames } from './printNames';
import { WORKBOOK_ORDER, WORKSHEET_ORDER, ensureChild } from './schema';
import { fitScratchSheet, maxTableId, scratchStyles, tableDocument } from './scratchSheet';
import type { WrittenSheet } from './sheetWriter';
import { ensureStyles, StyleMerger } from './styles';
import {
  children,
  element,
  getAttr,
  insertInOrder,
  prefixOf,
  removeAttr,
  setAttr,
  type XmlDocument,
  type XmlElement,
} from './xml';

/** What grafting several sheets shares: the target workbook being edited, and the scratch one being read. */
interface Graft {
  pkg: Package;
  book: Book;
  workbookDoc: XmlDocument;
  /** The prefix (with colon) of relationship ids in the workbook part. */
  relPrefix: string;
  /** The <sheets> element of the workbook being edited. */
  sheetsEl: XmlElement;
  workbookRels: Relationship[];
  /** The target stylesheet, edited in place by each scratch workbook's StyleMerger. */
  styles: XmlDocument;
  nextTableId: number;
  /** Parts the replaced sheets used → the replaced sheet's name; removed at the end if nothing else uses them. */
  candidates: Map<string, string>;
  /** The user's names scoped to the sheets replaced so far (reported as removed). */
  removed: RemovedPart[];
}

/** One scratch workbook as the sheets it holds are grafted: its stylesheet merged. */
interface ScratchSource {
  scratch: Package;
  scratchBook: Book;
  merger: StyleMerger;
}

/**
 * Grafting sheets into `pkg` from one or more scratch workbooks, in order: `add` grafts the sheets of one
 * scratch workbook (which the caller may then drop), `finish` writes the workbook's relationships and removes
 * the parts only the replaced sheets used. Grafting sheet by sheet, each from a scratch workbook of its own,
 * gives the same package as grafting them all from one: styles are merged by content (StyleMerger), shared
 * strings are made inline, and part names, table ids and relationship ids are taken from the package as it
 * grows. What it saves is memory: one sheet's scratch workbook and tree are alive at a time, not all of them.
 */
export class SheetGrafter {
  private readonly graft: Graft;

  constructor(pkg: Package) {
    const book = readBook(pkg);
    const workbookDoc = pkg.editXml(book.workbookPart);
    const relPrefix = ensureRelationshipPrefix(workbookDoc.root);
    // Before the workbook's relationships are read: a workbook without a stylesheet gets one, and its relationship.
    const styles = ensureStyles(pkg, book.workbookPart);
    this.graft = {
      pkg,
      book,
      workbookDoc,
      relPrefix,
      workbookRels: pkg.rels(book.workbookPart),
      styles,
      nextTableId: maxTableId(pkg, book) + 1,
      sheetsEl: ensureChild(workbookDoc.root, 'sheets', WORKBOOK_ORDER),
      candidates: new Map(),
      removed: [],
    };
  }

  /** Grafts the written sheets of one scratch workbook. */
  add(scratch: Package, written: readonly WrittenSheet[]): void {
    if (!written.length) return;
    const scratchBook = readBook(scratch);
    const source: ScratchSource = {
      scratch,
      scratchBook,
      merger: new StyleMerger(this.graft.styles, scratchStyles(scratch, scratchBook)),
    };
    for (const w of written) this.graft.removed.push(...graftSheet(this.graft, source, w));
  }

  /** Writes the workbook's relationships and removes what nothing uses any more; returns what was removed. */
  finish(): RemovedPart[] {
    const { pkg, book, workbookRels, candidates, removed } = this.graft;
    pkg.writeRels(book.workbookPart, workbookRels);
    return [...removed, ...removeUnusedParts(pkg, candidates)];
  }
}

/** Grafts one written sheet; returns the user's names that were scoped to the sheet it replaces. */
function graftSheet(graft: Graft, source: ScratchSource, w: WrittenSheet): RemovedPart[] {
  const { pkg, book, spec } = { ...graft, spec: w.spec };
  const { scratch } = source;
  const scratchEntry = source.scratchBook.sheets.find((s) => s.name === spec.name);
  if (!scratchEntry?.part) throw new Error(`scratch workbook has no sheet ${spec.name}`);
  const existing = book.sheets.find((s) => sameSheetName(s.name, spec.name));
  const sheetPart = existing
    ? replacedSheetPart(graft, existing)
    : pkg.freePartName('xl/worksheets/sheet', '.xml');

  const sheetRels: Relationship[] = [];
  // Written at once: the part is the sheet's bytes from here on, not a tree kept until the save; in the chunks
  // they were written in (a big sheet's bytes are zipped from them, never joined).
  const chunks = fitScratchSheet(scratch.text(scratchEntry.part), w, source.merger, (doc) => {
    if (spec.table && w.tableRange) addTable(graft, w, doc, sheetPart, sheetRels);
  });
  for (const rel of scratch.rels(scratchEntry.part)) {
    if (!rel.external) throw new Error(`unexpected relationship ${rel.type} in scratch sheet ${spec.name}`);
    sheetRels.push({ ...rel, id: Package.freeRelId(sheetRels) });
  }
  pkg.setChunks(sheetPart, chunks);
  pkg.writeRels(sheetPart, sheetRels);
  pkg.setContentType(sheetPart, CONTENT_TYPE.worksheet);

  const index = existing ? renameSheetEntry(graft, existing, w) : addSheetEntry(graft, w, sheetPart);
  return setPrintNames(graft.workbookDoc, index, w).map((name) => ({
    part: book.workbookPart,
    sheet: existing?.name ?? spec.name,
    kind: undefined,
    name,
  }));
}

/**
 * The part a written sheet replacing `existing` goes to: the old worksheet's own part, or for a chartsheet (or
 * a broken sheet) a new one its relationship now points to. What the old sheet used becomes a candidate for
 * removal.
 */
function replacedSheetPart(graft: Graft, existing: SheetEntry): string {
  const { pkg, book, candidates } = graft;
  for (const part of pkg.reachableFrom(existing.part ? [existing.part] : []))
    candidates.set(part, existing.name);
  if (existing.part && isWorksheet(existing)) return existing.part;
  if (existing.part) candidates.set(existing.part, existing.name);
  const sheetPart = pkg.freePartName('xl/worksheets/sheet', '.xml');
  replaceRelationship(graft.workbookRels, existing.relId, {
    id: existing.relId,
    type: REL.worksheet,
    target: relativeTarget(book.workbookPart, sheetPart),
    external: false,
  });
  return sheetPart;
}

/** The written sheet's table: its part, the sheet's relationship to it, and <tableParts> in the sheet. */
function addTable(
  graft: Graft,
  w: WrittenSheet,
  doc: XmlDocument,
  sheetPart: string,
  sheetRels: Relationship[],
): void {
  const { pkg } = graft;
  const tablePart = pkg.freePartName('xl/tables/table', '.xml');
  pkg.setXml(tablePart, tableDocument(w, graft.nextTableId));
  graft.nextTableId += 1;
  pkg.setContentType(tablePart, CONTENT_TYPE.table);
  const relId = Package.freeRelId(sheetRels);
  sheetRels.push({
    id: relId,
    type: REL.table,
    target: relativeTarget(sheetPart, tablePart),
    external: false,
  });
  const prefix = ensureRelationshipPrefix(doc.root);
  const main = prefixOf(doc.root.name);
  insertInOrder(
    doc.root,
    element(`${main}tableParts`, [['count', '1']], [element(`${main}tablePart`, [[`${prefix}id`, relId]])]),
    WORKSHEET_ORDER,
  );
}

/** The replaced sheet's <sheet> entry, renamed and shown as the spec says; returns its position. */
function renameSheetEntry(graft: Graft, existing: SheetEntry, w: WrittenSheet): number {
  const root = graft.workbookDoc.root;
  const el = children(graft.sheetsEl, 'sheet').find(
    (e) => relationshipId(e, root) === existing.relId,
  ) as XmlElement;
  setAttr(el, 'name', w.spec.name);
  setVisibility(el, w.spec.visibility);
  return graft.book.sheets.indexOf(existing);
}

/** A new <sheet> entry at the end, with its relationship; returns its position. */
function addSheetEntry(graft: Graft, w: WrittenSheet, sheetPart: string): number {
  const { book, spec } = { ...graft, spec: w.spec };
  const relId = Package.freeRelId(graft.workbookRels);
  graft.workbookRels.push({
    id: relId,
    type: REL.worksheet,
    target: relativeTarget(book.workbookPart, sheetPart),
    external: false,
  });
  const sheetElements = children(graft.sheetsEl, 'sheet');
  // A loop, not Math.max(...ids): thousands of arguments overflow the call stack.
  let sheetId = 1;
  for (const e of sheetElements) sheetId = Math.max(sheetId, (Number(getAttr(e, 'sheetId') ?? 0) || 0) + 1);
  const el = element(`${prefixOf(graft.workbookDoc.root.name)}sheet`, [
    ['name', spec.name],
    ['sheetId', String(sheetId)],
    [`${graft.relPrefix}id`, relId],
  ]);
  setVisibility(el, spec.visibility);
  graft.sheetsEl.children.push(el);
  book.sheets.push({
    name: spec.name,
    visibility: spec.visibility ?? 'visible',
    sheetId,
    relId,
    relType: REL.worksheet,
    part: sheetPart,
  });
  return sheetElements.length;
}

/** Removes the candidate parts nothing refers to any more (with their relationships); returns them. */
function removeUnusedParts(pkg: Package, candidates: Map<string, string>): RemovedPart[] {
  const removed: RemovedPart[] = [];
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
