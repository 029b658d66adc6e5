/**
 * The workbook part of a package: its sheets (name, visibility, the part that holds each), read straight from
 * xl/workbook.xml and its relationships, so that chartsheets and unusual part names are seen too.
 */
import { FILE_LIMITS } from '../limits';
import { decodeText, Package, REL, type Relationship, STRICT_NAMESPACE_PREFIX } from './opc';
import { attribute, scanTags } from './tagScan';
import { limitExceeded, readingPart, unreadable } from './unreadable';
import { child, children, getAttr, localName, type XmlElement } from './xml';

type Visibility = 'visible' | 'hidden' | 'veryHidden';

export interface SheetEntry {
  name: string;
  visibility: Visibility;
  sheetId: number;
  relId: string;
  relType: string;
  /** The part holding the sheet; undefined when the relationship is broken. */
  part: string | undefined;
}

export interface Book {
  workbookPart: string;
  sheets: SheetEntry[];
  date1904: boolean;
  /** Workbook structure protection (sheets cannot be added, deleted or renamed). */
  structureLocked: boolean;
}

export const MAIN_NS = 'http://schemas.openxmlformats.org/spreadsheetml/2006/main';
export const REL_NS = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships';

export function readBook(pkg: Package): Book {
  const workbookPart = pkg.officeDocument();
  const doc = pkg.readXml(workbookPart);
  const rootNs = namespaceOf(doc.root.name, doc.root.attrs);
  if (rootNs.startsWith(STRICT_NAMESPACE_PREFIX)) throw unreadable({ kind: 'strict' });
  if (localName(doc.root.name) !== 'workbook') throw unreadable({ kind: 'notWorkbook' });
  const rels = new Map<string, Relationship>();
  for (const rel of pkg.rels(workbookPart)) if (!rels.has(rel.id)) rels.set(rel.id, rel);
  const sheetsEl = child(doc.root, 'sheets');
  const sheetElements = sheetsEl ? children(sheetsEl, 'sheet') : [];
  if (sheetElements.length > FILE_LIMITS.maxSheets) {
    throw limitExceeded('sheets', { part: workbookPart, found: sheetElements.length });
  }
  const sheets: SheetEntry[] = sheetElements.map((el) => {
    const relId = relationshipId(el, doc.root) ?? '';
    const rel = rels.get(relId);
    const state = getAttr(el, 'state');
    return {
      name: getAttr(el, 'name') ?? '',
      visibility: state === 'hidden' || state === 'veryHidden' ? state : 'visible',
      sheetId: Number(getAttr(el, 'sheetId') ?? 0),
      relId,
      relType: rel?.type ?? '',
      part: rel ? pkg.targetPart(workbookPart, rel) : undefined,
    };
  });
  // Two sheets in one part is no workbook Excel makes; reading it would read (and scan) the part twice.
  const parts = new Set<string>();
  for (const sheet of sheets) {
    if (!sheet.part) continue;
    if (parts.has(sheet.part)) throw unreadable({ kind: 'damaged', part: workbookPart });
    parts.add(sheet.part);
  }
  const pr = child(doc.root, 'workbookPr');
  const date1904 = isTrue(pr && getAttr(pr, 'date1904'));
  const protection = child(doc.root, 'workbookProtection');
  const structureLocked = isTrue(protection && getAttr(protection, 'lockStructure'));
  return { workbookPart, sheets, date1904, structureLocked };
}

export function isWorksheet(entry: SheetEntry): boolean {
  return entry.relType === REL.worksheet && !!entry.part;
}

/** Sheet protection by the bytes of a sheet part (bytes never change in place; an edit replaces them). */
const protectionByBytes = new WeakMap<Uint8Array, boolean>();

/**
 * Whether the sheet has sheet protection turned on (worksheets: sheet="1"; chartsheets: content="1"). Asked
 * for every sheet on every read and apply, so a part held as bytes is decoded and scanned once (or not at
 * all when the reader's scanSheet saw it first, rememberProtection) and the answer kept with its bytes.
 */
export function isSheetProtected(pkg: Package, entry: SheetEntry): boolean {
  if (!entry.part || !pkg.has(entry.part)) return false;
  if (pkg.isParsed(entry.part)) {
    const el = child(pkg.readXml(entry.part).root, 'sheetProtection');
    return !!el && protectionOn((name) => getAttr(el, name));
  }
  const bytes = pkg.bytes(entry.part);
  let on = protectionByBytes.get(bytes);
  if (on === undefined) {
    on = mayNameProtection(bytes) && scanProtection(entry.part, decodeText(bytes));
    protectionByBytes.set(bytes, on);
  }
  return on;
}

/** Keeps what a scan of a sheet part's text found (scanSheet), so that isSheetProtected need not scan it. */
export function rememberProtection(bytes: Uint8Array, on: boolean): void {
  protectionByBytes.set(bytes, on);
}

/** Whether a sheetProtection element's attributes (read through `attr`) turn protection on. */
export function protectionOn(attr: (name: string) => string | undefined): boolean {
  return isTrue(attr('sheet')) || isTrue(attr('content'));
}

const PROTECTION_NAME = new TextEncoder().encode('sheetProtection');

/**
 * Whether the part's text may contain "sheetProtection", told from its bytes without decoding them (a sheet of
 * 60 MB the read does not ask for is not turned into a string to learn it has no protection). In UTF-8 an
 * ASCII byte is always its own character, so the text holds the name exactly when the bytes do; a part in
 * UTF-16 (a byte order mark FF FE or FE FF) is decoded to be sure.
 */
function mayNameProtection(bytes: Uint8Array): boolean {
  if (bytes.length >= 2 && (bytes[0] === 0xff || bytes[0] === 0xfe)) return true;
  const first = PROTECTION_NAME[0];
  const last = bytes.length - PROTECTION_NAME.length;
  for (let at = bytes.indexOf(first); at >= 0 && at <= last; at = bytes.indexOf(first, at + 1)) {
    let i = 1;
    while (i < PROTECTION_NAME.length && bytes[at + i] === PROTECTION_NAME[i]) i += 1;
    if (i === PROTECTION_NAME.length) return true;
  }
  return false;
}

function scanProtection(part: string, text: string): boolean {
  if (!text.includes('sheetProtection')) return false; // most sheets: one native search, no scan
  let on = false;
  // One linear pass: the element comes after the cells, so a large sheet is scanned, never parsed.
  readingPart(part, () =>
    scanTags(text, (tag) => {
      if (tag.name !== 'sheetProtection' || tag.closing) return true;
      on = protectionOn((name) => attribute(text, tag, name));
      return false;
    }),
  );
  return on;
}

export function isTrue(value: string | undefined): boolean {
  return value === '1' || value === 'true';
}

/** The namespace URI bound to an element's prefix, from its own attributes. */
function namespaceOf(name: string, attrs: [string, string][]): string {
  const colon = name.indexOf(':');
  const decl = colon < 0 ? 'xmlns' : `xmlns:${name.slice(0, colon)}`;
  return attrs.find(([n]) => n === decl)?.[1] ?? '';
}

/**
 * The relationship id on an element (r:id), whichever prefix the relationships namespace has, declared on
 * the element itself (as the Open XML SDK writes it) or on the root.
 */
export function relationshipId(el: XmlElement, root: XmlElement): string | undefined {
  for (const scope of [el.attrs, root.attrs]) {
    for (const [name, value] of scope) {
      if (name.startsWith('xmlns:') && value === REL_NS) {
        const id = getAttr(el, `${name.slice(6)}:id`);
        if (id !== undefined) return id;
      }
    }
  }
  return getAttr(el, 'r:id');
}

/**
 * The prefix (with colon) to write relationship ids with under `root`: the one bound on the root, else a new
 * declaration on the root.
 */
export function ensureRelationshipPrefix(root: XmlElement): string {
  const decl = root.attrs.find(([n, v]) => n.startsWith('xmlns:') && v === REL_NS);
  if (decl) return `${decl[0].slice(6)}:`;
  let prefix = 'r';
  for (let n = 1; root.attrs.some(([name]) => name === `xmlns:${prefix}`); n += 1) prefix = `r${n}`;
  root.attrs.push([`xmlns:${prefix}`, REL_NS]);
  return `${prefix}:`;
}
