/**
 * The .xlsx file as an Open Packaging Conventions package: named parts, relationships between them, and
 * their content types. Parts that nobody edits are kept as the bytes they were read as, so they come out
 * unchanged; parts that are edited are kept as XML trees and serialized on save.
 *
 * Parts are unzipped only when something reads them, each within the limits of limits.ts; a part nobody
 * reads (a picture, a pivot cache, a part nothing refers to) is never unzipped and is saved by copying its
 * compressed bytes. Reading a part that is still compressed throws PartNotInflated: callers inflate what they
 * need first (`inflate`), or run their work through `withInflatedParts`, which inflates on demand.
 *
 * Part names here have no leading slash ("xl/workbook.xml"); the package root is "".
 * Runs in Node and in the browser (JSZip, TextEncoder/TextDecoder; no fs, no Buffer).
 */
import JSZip from 'jszip';

import { withDeclaredEncoding } from './tagScan';
import { inflatePart, type ZippedPart } from './partInflate';
import { limitExceeded, unreadable } from './unreadable';
import {
  children,
  cloneDocument,
  element,
  getAttr,
  parseXml,
  serializeXml,
  setAttr,
  XmlDepthError,
  type XmlDocument,
} from './xml';
import { readZipDirectory } from './zipDirectory';
import { type PlatformZlib, platformZlib } from './platformZlib';
import { deflatedEntry, joinChunks } from './partChunks';
import { type CopiedEntry, writeZip, type ZipEntryInput } from './zipWriter';

export const REL = {
  officeDocument: 'http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument',
  worksheet: 'http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet',
  chartsheet: 'http://schemas.openxmlformats.org/officeDocument/2006/relationships/chartsheet',
  styles: 'http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles',
  sharedStrings: 'http://schemas.openxmlformats.org/officeDocument/2006/relationships/sharedStrings',
  calcChain: 'http://schemas.openxmlformats.org/officeDocument/2006/relationships/calcChain',
  table: 'http://schemas.openxmlformats.org/officeDocument/2006/relationships/table',
} as const;

/** The ISO/IEC 29500 Strict namespace family, which ExcelJS and this adapter do not handle. */
export const STRICT_NAMESPACE_PREFIX = 'http://purl.oclc.org/ooxml/';

export const CONTENT_TYPE = {
  worksheet: 'application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml',
  table: 'application/vnd.openxmlformats-officedocument.spreadsheetml.table+xml',
  styles: 'application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml',
} as const;

const RELS_NS = 'http://schemas.openxmlformats.org/package/2006/relationships';

export interface Relationship {
  id: string;
  type: string;
  target: string;
  external: boolean;
}

/** `chunks`: a written part's bytes in the pieces they were written in (setChunks). */
type PartData =
  { zipped: ZippedPart } | { bytes: Uint8Array } | { chunks: readonly Uint8Array[] } | { doc: XmlDocument };

class PackageError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'PackageError';
  }
}

/** A part was read before it was unzipped: inflate it (Package.inflate) and try again. */
export class PartNotInflated extends Error {
  constructor(readonly part: string) {
    super(`part ${part} is not unzipped yet`);
    this.name = 'PartNotInflated';
  }
}

export class Package {
  /** In zip order. */
  private readonly parts = new Map<string, PartData>();
  /** Part names by their lower case, built when first needed and dropped when a part is added or removed. */
  private lowerNames: Map<string, string> | undefined;

  private constructor() {}

  /**
   * Opens a package from its bytes: checks its zip directory (readZipDirectory), then unzips the parts that
   * say what the package is ([Content_Types].xml and every relationship part) and checks that no
   * relationship points outside the package. Throws UnreadableWorkbookError.
   */
  static async load(data: Uint8Array | ArrayBuffer): Promise<Package> {
    const bytes = data instanceof Uint8Array ? data : new Uint8Array(data);
    const directory = readZipDirectory(bytes);
    let zip: JSZip;
    try {
      zip = await JSZip.loadAsync(bytes);
    } catch {
      throw unreadable({ kind: 'damaged' });
    }
    const pkg = new Package();
    for (const entry of directory.entries) {
      if (entry.directory) continue;
      const object = zip.file(entry.name);
      if (!object) throw unreadable({ kind: 'damaged' });
      const entryData: CopiedEntry = {
        method: entry.method,
        data: bytes.subarray(entry.dataOffset, entry.dataOffset + entry.compressedSize),
        crc32: entry.crc32,
        uncompressedSize: entry.uncompressedSize,
        dosDateTime: entry.dosDateTime,
      };
      pkg.parts.set(entry.name, { zipped: { object, declared: entry.uncompressedSize, entry: entryData } });
    }
    const contentTypes = pkg.findPartIgnoringCase('[Content_Types].xml');
    if (!contentTypes) throw unreadable({ kind: 'notXlsx' });
    await pkg.inflate([contentTypes, ...pkg.names().filter(isRelsPart)]);
    for (const rels of pkg.names().filter(isRelsPart)) pkg.checkRelationships(rels);
    return pkg;
  }

  /**
   * Unzips the named parts that are still compressed (names not in the package are ignored). Each part
   * within FILE_LIMITS.maxPartBytes and exactly its declared size, or UnreadableWorkbookError.
   */
  async inflate(names: Iterable<string>): Promise<void> {
    for (const name of names) {
      const data = this.parts.get(name);
      if (!data || !('zipped' in data) || data.zipped.bytes) continue;
      data.zipped.bytes = await inflatePart(name, data.zipped);
    }
  }

  /** Whether reading the part needs no unzipping. */
  isInflated(name: string): boolean {
    const data = this.parts.get(name);
    return !!data && (!('zipped' in data) || !!data.zipped.bytes);
  }

  /**
   * A copy to build changes on. Bytes are shared (nothing here changes bytes in place: an edit replaces the
   * part's data); trees are copied node by node (cloneDocument), never serialized and parsed again.
   */
  clone(): Package {
    const copy = new Package();
    for (const [name, data] of this.parts)
      copy.parts.set(name, 'doc' in data ? { doc: cloneDocument(data.doc) } : data);
    return copy;
  }

  /**
   * The package as zip bytes: through the installed deflater (zipWriter.ts; Node's zlib in the CLI) where
   * there is one, else JSZip. A part nobody changed goes out as the entry it came in as, never unzipped.
   */
  async toZip(): Promise<Uint8Array> {
    const deflater = platformZlib();
    const now = new Date();
    const written = deflater && writeZip(await this.zipEntries(deflater, now), deflater, now);
    if (written) return written;
    const zip = new JSZip();
    for (const [name, data] of this.parts) {
      if ('zipped' in data) {
        // A part nobody changed goes out as the zip entry it came in as: JSZip copies a loaded entry's
        // compressed bytes when the compression is the same (DEFLATE), so it is never unzipped to be saved.
        // `files` is JSZip's documented table of entries; the entry object is JSZip's own.
        (zip.files as Record<string, JSZip.JSZipObject>)[name] = data.zipped.object;
      } else {
        zip.file(name, this.bytes(name), { binary: true });
      }
    }
    return zip.generateAsync({
      type: 'uint8array',
      compression: 'DEFLATE',
      compressionOptions: { level: 6 },
    });
  }

  /**
   * The parts as zipWriter.ts takes them: a deflated part copied, a stored one deflated afresh (as JSZip does),
   * a part written in chunks deflated from them (never joined: a 20,000-row rollover's two big sheets are
   * 47 MB).
   */
  private async zipEntries(deflater: PlatformZlib, now: Date): Promise<ZipEntryInput[]> {
    const entries: ZipEntryInput[] = [];
    for (const [name, data] of this.parts) {
      if ('zipped' in data && data.zipped.entry.method === 8)
        entries.push({ name, copied: data.zipped.entry });
      else if ('zipped' in data && !data.zipped.bytes) entries.push({ name, bytes: data.zipped.entry.data });
      else if ('chunks' in data && deflater.deflateRawChunks)
        entries.push({ name, copied: await deflatedEntry(data.chunks, deflater, now) });
      else entries.push({ name, bytes: this.bytes(name) });
    }
    return entries;
  }

  names(): string[] {
    return [...this.parts.keys()];
  }

  has(name: string): boolean {
    return this.parts.has(name);
  }

  /**
   * Part names are case-insensitive in OPC; producers sometimes disagree with their own references. A map by
   * lower case, so a workbook of thousands of parts is not searched part by part for each reference.
   */
  findPartIgnoringCase(name: string): string | undefined {
    if (this.parts.has(name)) return name;
    if (!this.lowerNames) {
      this.lowerNames = new Map();
      for (const key of this.parts.keys()) {
        const lower = key.toLowerCase();
        if (!this.lowerNames.has(lower)) this.lowerNames.set(lower, key);
      }
    }
    return this.lowerNames.get(name.toLowerCase());
  }

  private setPart(name: string, data: PartData): void {
    if (!this.parts.has(name)) this.lowerNames = undefined;
    this.parts.set(name, data);
  }

  /** The part's bytes as stored (unzipped); PartNotInflated when it is still compressed. */
  private stored(name: string): Uint8Array | undefined {
    const data = this.parts.get(name);
    if (!data) throw new PackageError(`missing part ${name}`);
    if ('doc' in data) return undefined;
    if ('bytes' in data) return data.bytes;
    if ('chunks' in data) {
      // Read as a whole: joined once, and kept so.
      const bytes = joinChunks(data.chunks);
      this.setPart(name, { bytes });
      return bytes;
    }
    if (!data.zipped.bytes) throw new PartNotInflated(name);
    return data.zipped.bytes;
  }

  bytes(name: string): Uint8Array {
    const stored = this.stored(name);
    if (stored) return stored;
    return new TextEncoder().encode(serializeXml((this.parts.get(name) as { doc: XmlDocument }).doc));
  }

  text(name: string): string {
    const stored = this.stored(name);
    if (stored) return decodeText(stored);
    return serializeXml((this.parts.get(name) as { doc: XmlDocument }).doc);
  }

  /**
   * The part's tree, for reading only. A part held as bytes is parsed afresh (a change to that tree is lost);
   * a part held as a tree returns that very tree (a change to it is kept). Change parts through editXml.
   */
  readXml(name: string): XmlDocument {
    const stored = this.stored(name);
    if (stored) return parseXmlPart(name, decodeText(stored));
    return (this.parts.get(name) as { doc: XmlDocument }).doc;
  }

  /** The part's tree for editing; the part is serialized from it on save. */
  editXml(name: string): XmlDocument {
    const stored = this.stored(name);
    if (!stored) return (this.parts.get(name) as { doc: XmlDocument }).doc;
    const doc = parseXmlPart(name, decodeText(stored));
    // The tree is written back as UTF-8 whatever the part was read as.
    doc.prolog = withDeclaredEncoding(doc.prolog, 'UTF-8');
    this.setPart(name, { doc });
    return doc;
  }

  /** Whether the part is held as a tree (edited or written this session) rather than as bytes. */
  isParsed(name: string): boolean {
    const data = this.parts.get(name);
    return !!data && 'doc' in data;
  }

  /** Replaces a part's content with this text, as UTF-8 bytes. */
  setText(name: string, text: string): void {
    this.setPart(name, { bytes: new TextEncoder().encode(text) });
  }

  /** Replaces a part's content with these bytes (UTF-8 XML, for a part the reader may parse). */
  setBytes(name: string, bytes: Uint8Array): void {
    this.setPart(name, { bytes });
  }

  /**
   * Replaces a part's content with these bytes, in order, as they were written: zipped from the chunks, joined
   * only if the part is read as a whole (bytes, text, readXml).
   */
  setChunks(name: string, chunks: readonly Uint8Array[]): void {
    this.setPart(name, { chunks });
  }

  /** The part's bytes as chunks, in order: those it was written in, without joining them; else its bytes. */
  chunks(name: string): readonly Uint8Array[] {
    const data = this.parts.get(name);
    return data && 'chunks' in data ? data.chunks : [this.bytes(name)];
  }

  setXml(name: string, doc: XmlDocument): void {
    this.setPart(name, { doc });
  }

  remove(name: string): void {
    if (this.parts.delete(name)) this.lowerNames = undefined;
  }

  // -------------------------------------------------------------------------------------------------------
  // Relationships

  /** "xl/worksheets/sheet1.xml" → "xl/worksheets/_rels/sheet1.xml.rels"; "" (the package) → "_rels/.rels". */
  static relsPartFor(source: string): string {
    const slash = source.lastIndexOf('/');
    const dir = slash < 0 ? '' : source.slice(0, slash + 1);
    const file = slash < 0 ? source : source.slice(slash + 1);
    return `${dir}_rels/${file}.rels`;
  }

  rels(source: string, relsPartName?: string): Relationship[] {
    const relsPart = relsPartName ?? this.findPartIgnoringCase(Package.relsPartFor(source));
    if (!relsPart) return [];
    const doc = this.readXml(relsPart);
    return children(doc.root, 'Relationship').map((el) => ({
      id: getAttr(el, 'Id') ?? '',
      type: getAttr(el, 'Type') ?? '',
      target: getAttr(el, 'Target') ?? '',
      external: (getAttr(el, 'TargetMode') ?? '').toLowerCase() === 'external',
    }));
  }

  writeRels(source: string, rels: Relationship[]): void {
    const name = this.findPartIgnoringCase(Package.relsPartFor(source)) ?? Package.relsPartFor(source);
    if (!rels.length) {
      this.remove(name);
      return;
    }
    const root = element('Relationships', [['xmlns', RELS_NS]]);
    for (const rel of rels) {
      const attrs: [string, string][] = [
        ['Id', rel.id],
        ['Type', rel.type],
        ['Target', rel.target],
      ];
      if (rel.external) attrs.push(['TargetMode', 'External']);
      root.children.push(element('Relationship', attrs));
    }
    this.setXml(name, { prolog: XML_DECLARATION, root, epilog: '' });
  }

  /**
   * Refuses a relationship part with an internal target outside the package ("../../x" above the root, or a
   * URI with a scheme not marked external): resolving it would silently point somewhere else.
   */
  private checkRelationships(relsPart: string): void {
    const source = sourceOfRels(relsPart);
    if (source === undefined) return;
    for (const rel of this.rels(source, relsPart)) {
      if (!rel.external && targetLeavesPackage(source, rel.target)) {
        throw unreadable({ kind: 'relationshipOutside', source: relsPart, target: rel.target });
      }
    }
  }

  /**
   * The part a relationship points to, as this package names it (part names match ignoring case); undefined
   * for an external target or a part that is not there. Every "follow this relationship" goes through here.
   */
  targetPart(source: string, rel: Relationship): string | undefined {
    if (rel.external) return undefined;
    return this.findPartIgnoringCase(resolveTarget(source, rel.target));
  }

  /** The part that `source`'s first relationship of `type` points to (targetPart), or undefined. */
  relatedPart(source: string, type: string): string | undefined {
    const rel = this.rels(source).find((r) => r.type === type);
    return rel && this.targetPart(source, rel);
  }

  /** The parts that `source`'s relationships of `type` point to, in order (targetPart; missing ones left out). */
  relatedParts(source: string, type: string): string[] {
    return this.rels(source)
      .filter((r) => r.type === type)
      .map((r) => this.targetPart(source, r))
      .filter((p): p is string => !!p);
  }

  /** Parts that `source` points to, directly or through other parts (internal relationships only). */
  reachableFrom(sources: string[]): Set<string> {
    const seen = new Set<string>();
    const queue = [...sources];
    while (queue.length) {
      const part = queue.pop() as string;
      for (const rel of this.rels(part)) {
        if (rel.external) continue;
        // A missing target counts too: whoever removes it must know it was referred to.
        const actual = this.targetPart(part, rel) ?? resolveTarget(part, rel.target);
        if (seen.has(actual)) continue;
        seen.add(actual);
        queue.push(actual);
      }
    }
    return seen;
  }

  /** A relationship id not used in `rels`. */
  static freeRelId(rels: Relationship[]): string {
    const used = new Set(rels.map((r) => r.id));
    let n = rels.length + 1;
    while (used.has(`rId${n}`)) n += 1;
    return `rId${n}`;
  }

  /** A part name like `${prefix}${n}${suffix}` that does not exist yet, with the smallest n ≥ 1. */
  freePartName(prefix: string, suffix: string, tryUnnumbered = false): string {
    if (tryUnnumbered && !this.findPartIgnoringCase(`${prefix}${suffix}`)) return `${prefix}${suffix}`;
    for (let n = 1; ; n += 1) {
      const name = `${prefix}${n}${suffix}`;
      if (!this.findPartIgnoringCase(name)) return name;
    }
  }

  // -------------------------------------------------------------------------------------------------------
  // Content types

  private contentTypesPart(): string {
    return this.findPartIgnoringCase('[Content_Types].xml') as string;
  }

  contentType(name: string): string | undefined {
    const doc = this.readXml(this.contentTypesPart());
    const partName = `/${name}`.toLowerCase();
    for (const el of children(doc.root, 'Override')) {
      if ((getAttr(el, 'PartName') ?? '').toLowerCase() === partName) return getAttr(el, 'ContentType');
    }
    const dot = name.lastIndexOf('.');
    const ext = dot < 0 ? '' : name.slice(dot + 1).toLowerCase();
    for (const el of children(doc.root, 'Default')) {
      if ((getAttr(el, 'Extension') ?? '').toLowerCase() === ext) return getAttr(el, 'ContentType');
    }
    return undefined;
  }

  setContentType(name: string, contentType: string): void {
    const doc = this.editXml(this.contentTypesPart());
    const partName = `/${name}`;
    for (const el of children(doc.root, 'Override')) {
      if ((getAttr(el, 'PartName') ?? '').toLowerCase() === partName.toLowerCase()) {
        setAttr(el, 'ContentType', contentType);
        return;
      }
    }
    doc.root.children.push(
      element(`${prefixOfRoot(doc)}Override`, [
        ['PartName', partName],
        ['ContentType', contentType],
      ]),
    );
  }

  removeContentTypeOverride(name: string): void {
    const partName = `/${name}`.toLowerCase();
    const doc = this.readXml(this.contentTypesPart());
    const has = children(doc.root, 'Override').some(
      (el) => (getAttr(el, 'PartName') ?? '').toLowerCase() === partName,
    );
    if (!has) return;
    const edit = this.editXml(this.contentTypesPart());
    edit.root.children = edit.root.children.filter(
      (c) =>
        c.kind !== 'element' ||
        !c.name.endsWith('Override') ||
        (getAttr(c, 'PartName') ?? '').toLowerCase() !== partName,
    );
  }

  /** The workbook part, from the package relationships. */
  officeDocument(): string {
    const rel = this.rels('').find((r) => r.type === REL.officeDocument);
    if (!rel) {
      if (this.rels('').some((r) => r.type.startsWith(STRICT_NAMESPACE_PREFIX))) {
        throw unreadable({ kind: 'strict' });
      }
      throw unreadable({ kind: 'notWorkbook' });
    }
    const part = this.targetPart('', rel);
    if (!part) throw unreadable({ kind: 'damaged' });
    return part;
  }
}

export const XML_DECLARATION = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n';

function prefixOfRoot(doc: XmlDocument): string {
  const colon = doc.root.name.indexOf(':');
  return colon < 0 ? '' : doc.root.name.slice(0, colon + 1);
}

function isRelsPart(name: string): boolean {
  return /(^|\/)_rels\/[^/]*\.rels$/i.test(name);
}

/** "xl/_rels/workbook.xml.rels" → "xl/workbook.xml"; "_rels/.rels" → "" (the package); undefined if neither. */
export function sourceOfRels(relsPart: string): string | undefined {
  const m = /^(.*?)_rels\/([^/]*)\.rels$/i.exec(relsPart);
  return m ? `${m[1]}${m[2]}` : undefined;
}

/** Whether an internal target resolves above the package root, or is a URI of its own (a scheme). */
export function targetLeavesPackage(source: string, target: string): boolean {
  return /^[A-Za-z][A-Za-z0-9+.-]*:/.test(target) || targetSegments(source, target).above;
}

/** parseXml for a part of the package: malformed XML is a damaged file, too deep a nesting a named limit. */
function parseXmlPart(name: string, text: string): XmlDocument {
  try {
    return parseXml(text);
  } catch (error) {
    if (error instanceof XmlDepthError) throw limitExceeded('xmlDepth', { part: name });
    throw unreadable({ kind: 'damaged', part: name });
  }
}

/**
 * Runs `work` (which must be safe to run again: reads, or edits of a fresh clone) and, when it meets a part
 * still compressed, unzips that part and runs it again. Callers inflate what they know they need first, so
 * this is rarely more than one run; it bounds itself by the number of parts.
 */
export async function withInflatedParts<T>(pkg: Package, work: () => T | Promise<T>): Promise<T> {
  for (;;) {
    try {
      return await work();
    } catch (error) {
      if (!(error instanceof PartNotInflated) || pkg.isInflated(error.part)) throw error;
      await pkg.inflate([error.part]);
    }
  }
}

/** Resolves a relationship target against its source part ("../tables/table1.xml" from a sheet). */
export function resolveTarget(source: string, target: string): string {
  return targetSegments(source, target).segments.map(decodeURIComponentSafe).join('/');
}

/**
 * The path segments (undecoded) of what `target` names from `source`'s folder, "." and ".." applied, and whether
 * a ".." climbed above the package root (ignored in the segments; Package.load refuses such targets).
 */
function targetSegments(source: string, target: string): { segments: string[]; above: boolean } {
  const cleaned = target.replace(/\\/g, '/').split('#')[0];
  const path = cleaned.startsWith('/')
    ? cleaned.split('/')
    : [...source.split('/').slice(0, -1), ...cleaned.split('/')];
  const segments: string[] = [];
  let above = false;
  for (const seg of path) {
    if (seg === '' || seg === '.') continue;
    if (seg !== '..') segments.push(seg);
    else if (segments.length) segments.pop();
    else above = true;
  }
  return { segments, above };
}

/** The relative target from `source`'s folder to `target` ("xl/worksheets/a.xml" → "../tables/t.xml"). */
export function relativeTarget(source: string, target: string): string {
  const from = source.split('/').slice(0, -1);
  const to = target.split('/');
  let common = 0;
  while (common < from.length && common < to.length - 1 && from[common] === to[common]) common += 1;
  return [...from.slice(common).map(() => '..'), ...to.slice(common)].join('/');
}

function decodeURIComponentSafe(segment: string): string {
  try {
    return decodeURIComponent(segment);
  } catch {
    return segment;
  }
}

export function decodeText(bytes: Uint8Array): string {
  if (bytes.length >= 2 && bytes[0] === 0xff && bytes[1] === 0xfe)
    return new TextDecoder('utf-16le').decode(bytes);
  if (bytes.length >= 2 && bytes[0] === 0xfe && bytes[1] === 0xff)
    return new TextDecoder('utf-16be').decode(bytes);
  return new TextDecoder('utf-8').decode(bytes);
}
