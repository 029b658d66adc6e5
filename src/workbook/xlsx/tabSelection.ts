/**
 * Which tabs are selected, and the selected cell: a worksheet's first sheet view carries tabSelected (Excel
 * opens every selected tab as one group of sheets) and its selection. Reading and clearing the flag on a sheet
 * the plan does not write never parses the sheet: its sheet views come before its cells, so the tag scanner
 * reads only the start of the part.
 */
import { parseA1Cell, toA1 } from '../../domain/a1';
import { isTrue } from './book';
import { decodeText, type Package } from './opc';
import { byteLength, chunksFrom, joinChunks, leadingChunks } from './partChunks';
import { ensureChild, SHEET_VIEW_ORDER, WORKSHEET_ORDER } from './schema';
import { declaredEncoding, findAttribute, rootElement, scanTags, withDeclaredEncoding } from './tagScan';
import {
  child,
  children,
  element,
  getAttr,
  insertInOrder,
  parseXml,
  prefixOf,
  removeAttr,
  serializeXml,
  setAttr,
  type XmlDocument,
  type XmlElement,
  XmlError,
} from './xml';

/** How much of a worksheet part is decoded first to find its sheet views (they come before the cells). */
const HEAD_BYTES = 64 * 1024;

/** Whether a worksheet's sheet views select its tab (tabSelected="1"), without parsing its cells. */
export function isTabSelected(pkg: Package, part: string): boolean {
  if (pkg.isParsed(part)) {
    const views = child(pkg.readXml(part).root, 'sheetViews');
    return (views ? children(views, 'sheetView') : []).some((v) => isTrue(getAttr(v, 'tabSelected')));
  }
  if (byteLength(pkg.chunks(part)) > HEAD_BYTES) {
    const head = sheetViews(decodeText(headBytes(pkg, part)));
    if (head?.cells !== undefined) return head.selected;
  }
  return sheetViews(decodeText(pkg.bytes(part)))?.selected ?? false;
}

/** The first HEAD_BYTES bytes of a part longer than that, without joining a part written in chunks. */
function headBytes(pkg: Package, part: string): Uint8Array {
  return joinChunks(leadingChunks(pkg.chunks(part), HEAD_BYTES)).subarray(0, HEAD_BYTES);
}

/**
 * The tabSelected flags of the sheet views, and where <sheetData> starts (undefined when there is none), in
 * one pass of the tag scanner up to the cells: it reads tags as the tree parser does without building the
 * tree of a large sheet. Undefined when a tag before the cells is cut short (a head, or a damaged part).
 */
function sheetViews(text: string): { selected: boolean; cells: number | undefined } | undefined {
  let selected = false;
  let cells: number | undefined;
  try {
    scanTags(text, (tag) => {
      if (tag.closing) return true;
      if (tag.name === 'sheetData') {
        cells = tag.start;
        return false;
      }
      if (tag.name === 'sheetView' && isTrue(findAttribute(text, tag, 'tabSelected')?.value)) selected = true;
      return true;
    });
  } catch (error) {
    if (error instanceof XmlError) return undefined;
    throw error;
  }
  return { selected, cells };
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

/**
 * Clears tabSelected on a sheet the plan does not write. On an unparsed part this is a text edit of its
 * sheet views only, so a tracker of 20,000 rows is not parsed and re-serialized to change one attribute.
 */
export function deselectTab(pkg: Package, part: string): void {
  if (pkg.isParsed(part)) {
    setTabSelected(pkg.editXml(part), false);
    return;
  }
  const head = sheetHead(pkg, part);
  if (!head) {
    setTabSelected(pkg.editXml(part), false);
    return;
  }
  const { text, end } = head;
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
  let kept = '';
  let from = 0;
  for (const cut of cuts) {
    kept += text.slice(from, cut.start);
    from = cut.end;
  }
  pkg.setChunks(part, head.replace(kept + text.slice(from, end)));
}

/**
 * A worksheet part's text up to its cells (`end`: where <sheetData> starts), decoded from as few of its bytes
 * as hold it, and how to replace that text and keep the rest of the part's bytes as they are (a 20,000-row
 * tracker is neither decoded nor encoded again whole). Undefined for a part without cells, or not in UTF-8
 * as written (a byte order mark, another declared encoding): those are edited as a whole tree.
 */
function sheetHead(
  pkg: Package,
  part: string,
): { text: string; end: number; replace: (head: string) => Uint8Array[] } | undefined {
  let text = '';
  let end: number | undefined;
  let bytes: Uint8Array = new Uint8Array(0);
  // The head alone, then (where the cells start later) the whole part.
  for (const whole of byteLength(pkg.chunks(part)) > HEAD_BYTES ? [false, true] : [true]) {
    bytes = whole ? pkg.bytes(part) : headBytes(pkg, part);
    text = decodeText(bytes);
    end = sheetViews(text)?.cells;
    if (end !== undefined) break;
  }
  if (end === undefined) return undefined;
  const encoding = declaredEncoding(text);
  if (encoding !== undefined && encoding.toLowerCase() !== 'utf-8') return undefined;
  const encoder = new TextEncoder();
  const before = encoder.encode(text.slice(0, end));
  // The decoded text is the bytes as they are (no byte order mark dropped, nothing replaced).
  for (let i = 0; i < before.length; i += 1) if (before[i] !== bytes[i]) return undefined;
  // The rest as chunks, not copied: a 20,000-row tracker's 17 MB.
  const rest = chunksFrom(pkg.chunks(part), before.length);
  return {
    text,
    end,
    replace: (head) => [encoder.encode(head), ...rest],
  };
}

/**
 * Edits what comes before a worksheet's cells (its sheet views) without parsing the cells: on a part held as
 * bytes, the text up to <sheetData> is parsed as a tree of its own (closed where the cells begin), edited, and
 * written back before the rest of the text as it was, so selecting a cell on a tracker of 20,000 rows does not
 * make a tree of it. The text is what editing the whole tree gives. `edit` changes only elements before the
 * cells, not the root's own tag; a part without cells, or not in UTF-8, is edited as a whole tree.
 */
export function editSheetHead(pkg: Package, part: string, edit: (doc: XmlDocument) => void): void {
  if (pkg.isParsed(part)) {
    edit(pkg.editXml(part));
    return;
  }
  const found = sheetHead(pkg, part);
  const root = found && rootElement(found.text);
  let head: XmlDocument | undefined;
  if (found && root) {
    try {
      head = parseXml(`${found.text.slice(0, found.end)}</${root.name}>`);
    } catch (error) {
      if (!(error instanceof XmlError)) throw error;
    }
  }
  if (!found || !head || head.root.name !== root?.name) {
    edit(pkg.editXml(part));
    return;
  }
  const close = `</${head.root.name}>`;
  // As editXml does: the tree is written back as UTF-8 whatever the part was read as.
  head.prolog = withDeclaredEncoding(head.prolog, 'UTF-8');
  const attrs = head.root.attrs;
  edit(head);
  const written = serializeXml(head);
  if (head.root.attrs !== attrs || !written.endsWith(close))
    throw new Error(`editSheetHead: the edit changed the root of ${part}`);
  pkg.setChunks(part, found.replace(written.slice(0, -close.length)));
}

export function setTabSelected(doc: XmlDocument, selected: boolean): void {
  const view = firstSheetView(doc);
  if (selected) setAttr(view, 'tabSelected', '1');
  else removeAttr(view, 'tabSelected');
}

export function setSelection(doc: XmlDocument, address: string): void {
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
