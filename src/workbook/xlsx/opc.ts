/**
 * The .xlsx file as an Open Packaging Conventions package: named parts, relationships between them, and
 * their content types. Parts that nobody edits are kept as the bytes they were read as, so they come out
 * unchanged; parts that are edited are kept as XML trees and serialized on save.
 *
 * Part names here have no leading slash ("xl/workbook.xml"); the package root is "".
 * Runs in Node and in the browser (JSZip, TextEncoder/TextDecoder; no fs, no Buffer).
 */
import JSZip from 'jszip';

import { children, element, getAttr, parseXml, serializeXml, setAttr, type XmlDocument } from './xml';

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

type PartData = { bytes: Uint8Array } | { doc: XmlDocument };

export class PackageError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'PackageError';
  }
}

export class Package {
  /** In zip order. */
  private readonly parts = new Map<string, PartData>();

  private constructor() {}

  static async load(data: Uint8Array | ArrayBuffer): Promise<Package> {
    let zip: JSZip;
    try {
      zip = await JSZip.loadAsync(data);
    } catch (error) {
      throw new PackageError(`not a zip file (${(error as Error).message})`);
    }
    const pkg = new Package();
    for (const entry of Object.values(zip.files)) {
      if (entry.dir) continue;
      const name = entry.name.replace(/^\/+/, '');
      pkg.parts.set(name, { bytes: await entry.async('uint8array') });
    }
    if (!pkg.findPartIgnoringCase('[Content_Types].xml')) throw new PackageError('no [Content_Types].xml');
    return pkg;
  }

  clone(): Package {
    const copy = new Package();
    for (const [name, data] of this.parts) {
      // Trees are deep-copied by a serialize/parse round trip only when cloned; bytes are immutable here.
      copy.parts.set(name, 'bytes' in data ? data : { doc: parseXml(serializeXml(data.doc)) });
    }
    return copy;
  }

  async toZip(): Promise<Uint8Array> {
    const zip = new JSZip();
    for (const name of this.parts.keys()) {
      zip.file(name, this.bytes(name), { binary: true });
    }
    return zip.generateAsync({
      type: 'uint8array',
      compression: 'DEFLATE',
      compressionOptions: { level: 6 },
    });
  }

  names(): string[] {
    return [...this.parts.keys()];
  }

  has(name: string): boolean {
    return this.parts.has(name);
  }

  /** Part names are case-insensitive in OPC; producers sometimes disagree with their own references. */
  findPartIgnoringCase(name: string): string | undefined {
    if (this.parts.has(name)) return name;
    const lower = name.toLowerCase();
    for (const key of this.parts.keys()) if (key.toLowerCase() === lower) return key;
    return undefined;
  }

  bytes(name: string): Uint8Array {
    const data = this.parts.get(name);
    if (!data) throw new PackageError(`missing part ${name}`);
    return 'bytes' in data ? data.bytes : new TextEncoder().encode(serializeXml(data.doc));
  }

  text(name: string): string {
    const data = this.parts.get(name);
    if (!data) throw new PackageError(`missing part ${name}`);
    return 'bytes' in data ? decodeText(data.bytes) : serializeXml(data.doc);
  }

  /** A parsed copy for reading; changes to it are not kept. */
  readXml(name: string): XmlDocument {
    const data = this.parts.get(name);
    if (!data) throw new PackageError(`missing part ${name}`);
    return 'bytes' in data ? parseXml(decodeText(data.bytes)) : data.doc;
  }

  /** The part's tree for editing; the part is serialized from it on save. */
  editXml(name: string): XmlDocument {
    const data = this.parts.get(name);
    if (!data) throw new PackageError(`missing part ${name}`);
    if ('doc' in data) return data.doc;
    const doc = parseXml(decodeText(data.bytes));
    // The tree is written back as UTF-8 whatever the part was read as.
    doc.prolog = doc.prolog.replace(/encoding\s*=\s*(["'])[^"']*\1/, 'encoding="UTF-8"');
    this.parts.set(name, { doc });
    return doc;
  }

  /** Whether the part is held as a tree (edited or written this session) rather than as bytes. */
  isParsed(name: string): boolean {
    const data = this.parts.get(name);
    return !!data && 'doc' in data;
  }

  /** Replaces a part's content with this text, as UTF-8 bytes. */
  setText(name: string, text: string): void {
    this.parts.set(name, { bytes: new TextEncoder().encode(text) });
  }

  setXml(name: string, doc: XmlDocument): void {
    this.parts.set(name, { doc });
  }

  remove(name: string): void {
    this.parts.delete(name);
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

  rels(source: string): Relationship[] {
    const relsPart = this.findPartIgnoringCase(Package.relsPartFor(source));
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

  /** The part a relationship points to (undefined for external targets). */
  resolve(source: string, rel: Relationship): string | undefined {
    if (rel.external) return undefined;
    return resolveTarget(source, rel.target);
  }

  /** Parts that `source` points to, directly or through other parts (internal relationships only). */
  reachableFrom(sources: string[]): Set<string> {
    const seen = new Set<string>();
    const queue = [...sources];
    while (queue.length) {
      const part = queue.pop() as string;
      for (const rel of this.rels(part)) {
        const target = this.resolve(part, rel);
        if (!target) continue;
        const actual = this.findPartIgnoringCase(target) ?? target;
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
        throw new PackageError('strict');
      }
      throw new PackageError('no officeDocument relationship');
    }
    const part = this.findPartIgnoringCase(resolveTarget('', rel.target));
    if (!part) throw new PackageError(`missing workbook part ${rel.target}`);
    return part;
  }
}

export const XML_DECLARATION = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n';

function prefixOfRoot(doc: XmlDocument): string {
  const colon = doc.root.name.indexOf(':');
  return colon < 0 ? '' : doc.root.name.slice(0, colon + 1);
}

/** Resolves a relationship target against its source part ("../tables/table1.xml" from a sheet). */
export function resolveTarget(source: string, target: string): string {
  const cleaned = target.replace(/\\/g, '/').split('#')[0];
  let segments: string[];
  if (cleaned.startsWith('/')) {
    segments = cleaned.slice(1).split('/');
  } else {
    const slash = source.lastIndexOf('/');
    const base = slash < 0 ? [] : source.slice(0, slash).split('/');
    segments = [...base, ...cleaned.split('/')];
  }
  const out: string[] = [];
  for (const seg of segments) {
    if (seg === '' || seg === '.') continue;
    if (seg === '..') out.pop();
    else out.push(decodeURIComponentSafe(seg));
  }
  return out.join('/');
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
