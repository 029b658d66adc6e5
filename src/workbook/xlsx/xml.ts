/**
 * A small XML tree for editing the parts of an .xlsx package in place: parse, find, change, serialize.
 *
 * It is not a validating parser, and it keeps bytes: a part that is parsed and serialized without changes
 * comes out exactly as it went in (a property test holds it to that over generated XML and every part of the
 * corpus). Comments, processing instructions, CDATA and DOCTYPE are kept as raw text, text nodes as written
 * (undecoded), and each element keeps its start and end tags as read (quotes, spacing, entity forms, `<a/>` or
 * `<a></a>`) for as long as its name and attributes are unchanged; an element built or changed here is written
 * in one canonical form. Element names keep their prefixes ("x14:cfRule"); `localName` strips them for lookups
 * that must not depend on the prefix a producer chose.
 *
 * Parsing is one pass with an explicit stack, and refuses nesting deeper than FILE_LIMITS.maxXmlDepth, so the
 * recursive walks over a tree (serializing, text content) stay far from the call-stack limit.
 */
import { FILE_LIMITS } from '../limits';

export interface XmlElement {
  kind: 'element';
  name: string;
  /** Attributes in document order, values decoded. Change them with setAttr/removeAttr (see ElementSource). */
  attrs: [string, string][];
  children: XmlNode[];
  /** How the element was written in the text it was parsed from; undefined for an element built here. */
  source?: ElementSource;
}

/**
 * An element's tags as read. They are written back while the element still has the name and the attribute
 * array (same array, same length) it was read with; setAttr drops them when it changes a value in place.
 */
interface ElementSource {
  name: string;
  attrs: [string, string][];
  count: number;
  /** The start tag, "<" to ">" (or "/>"). */
  open: string;
  /** The end tag when it is not exactly `</name>` ("</a >"); undefined otherwise. */
  close: string | undefined;
  /** Read as an empty-element tag ("<a/>"). */
  empty: boolean;
}

/** Text as written in the document (entity references not decoded). */
export interface XmlText {
  kind: 'text';
  raw: string;
}

/** A comment, processing instruction, CDATA section or DOCTYPE, kept verbatim. */
interface XmlRaw {
  kind: 'raw';
  raw: string;
}

export type XmlNode = XmlElement | XmlText | XmlRaw;

export interface XmlDocument {
  /** Everything before the root element (byte-order mark, XML declaration, comments), verbatim. */
  prolog: string;
  root: XmlElement;
  /** Everything after the root element, verbatim. */
  epilog: string;
}

export class XmlError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'XmlError';
  }
}

/** An element nested deeper than FILE_LIMITS.maxXmlDepth: refused before any recursive walk could overflow. */
export class XmlDepthError extends XmlError {
  constructor(depth: number) {
    super(`elements nested deeper than ${depth}`);
    this.name = 'XmlDepthError';
  }
}

/** Whitespace as /\s/ takes it (what separates names and attributes in a tag); ASCII first, without a regex. */
function isSpace(code: number): boolean {
  if (code === 0x20 || (code >= 0x09 && code <= 0x0d)) return true;
  return code >= 0x80 && /\s/.test(String.fromCharCode(code));
}

/** Whether a name (element or attribute) ends here: whitespace, '/', '>' or '='. */
function endsName(code: number): boolean {
  return code === 0x2f || code === 0x3e || code === 0x3d || isSpace(code) || Number.isNaN(code);
}

export function parseXml(text: string): XmlDocument {
  return new Parser(text).parse();
}

/** One parse: a position in the text and the stack of open elements. */
class Parser {
  private pos = 0;
  private prolog = '';
  private root: XmlElement | undefined;
  private readonly stack: XmlElement[] = [];

  constructor(private readonly text: string) {}

  parse(): XmlDocument {
    const { text, stack } = this;
    const len = text.length;
    if (text.charCodeAt(0) === 0xfeff) {
      this.prolog = '\ufeff'; // a byte-order mark, kept as read
      this.pos = 1;
    }
    while (this.pos < len) {
      const lt = text.indexOf('<', this.pos);
      if (lt < 0) {
        if (stack.length) this.fail('unclosed element');
        break;
      }
      if (lt > this.pos) {
        const raw = text.slice(this.pos, lt);
        if (stack.length) stack[stack.length - 1].children.push({ kind: 'text', raw });
        else if (!this.root) this.prolog += raw;
      }
      this.pos = lt;
      const next = text.charCodeAt(lt + 1);
      if (next === 0x21 /* ! */ || next === 0x3f /* ? */) this.markup();
      else if (next === 0x2f /* / */ ? this.endTag() : this.startTag()) break; // the root is closed
    }
    if (!this.root) throw new XmlError('no root element');
    if (stack.length) throw new XmlError(`unclosed <${stack[stack.length - 1].name}>`);
    return { prolog: this.prolog, root: this.root, epilog: text.slice(this.pos) };
  }

  private fail(what: string): never {
    throw new XmlError(`${what} at offset ${this.pos}`);
  }

  /** A comment, CDATA section, processing instruction or declaration at `pos`, kept as raw text. */
  private markup(): void {
    const { text, pos } = this;
    let end: number;
    if (text.startsWith('<!--', pos)) end = this.through('-->', pos + 4, 'unclosed comment');
    else if (text.startsWith('<![CDATA[', pos)) end = this.through(']]>', pos + 9, 'unclosed CDATA section');
    else if (text.startsWith('<?', pos)) end = this.through('?>', pos + 2, 'unclosed processing instruction');
    else end = this.through('>', pos + 2, 'unclosed declaration');
    const node: XmlRaw = { kind: 'raw', raw: text.slice(pos, end) };
    this.pos = end;
    const parent = this.stack[this.stack.length - 1];
    if (parent) parent.children.push(node);
    else if (!this.root) this.prolog += node.raw;
  }

  /** The offset just past the next `marker` from `from`. */
  private through(marker: string, from: number, what: string): number {
    const at = this.text.indexOf(marker, from);
    if (at < 0) this.fail(what);
    return at + marker.length;
  }

  /** An end tag at `pos`; true when it closes the root. */
  private endTag(): boolean {
    const { text, pos } = this;
    const end = text.indexOf('>', pos + 2);
    if (end < 0) this.fail('unclosed end tag');
    const name = text.slice(pos + 2, end).trim();
    const open = this.stack.pop();
    if (!open || open.name !== name) this.fail(`unexpected </${name}>`);
    if (end - pos - 2 !== name.length) (open.source as ElementSource).close = text.slice(pos, end + 1);
    this.pos = end + 1;
    return !this.stack.length;
  }

  /** A start or empty-element tag at `pos`; true when it is an empty root (the document ends there). */
  private startTag(): boolean {
    const { text, stack } = this;
    const start = this.pos;
    let nameEnd = start + 1;
    while (nameEnd < text.length && !endsName(text.charCodeAt(nameEnd))) nameEnd += 1;
    const name = text.slice(start + 1, nameEnd);
    if (!name) this.fail('element without a name');
    const attrs: [string, string][] = [];
    this.pos = nameEnd;
    const empty = this.attributes(attrs);
    const source: ElementSource = {
      name,
      attrs,
      count: attrs.length,
      open: text.slice(start, this.pos),
      close: undefined,
      empty,
    };
    const element: XmlElement = { kind: 'element', name, attrs, children: [], source };
    const parent = stack[stack.length - 1];
    if (parent) parent.children.push(element);
    else if (this.root) this.fail('second root element');
    else this.root = element;
    if (empty) return !stack.length;
    stack.push(element);
    if (stack.length > FILE_LIMITS.maxXmlDepth) throw new XmlDepthError(FILE_LIMITS.maxXmlDepth);
    return false;
  }

  /** A start tag's attributes, up to and past its '>' or '/>'; returns whether it was '/>'. */
  private attributes(attrs: [string, string][]): boolean {
    const text = this.text;
    const len = text.length;
    for (;;) {
      this.skipSpace();
      if (this.pos >= len) this.fail('unclosed start tag');
      const ch = text.charCodeAt(this.pos);
      if (ch === 0x3e /* > */) {
        this.pos += 1;
        return false;
      }
      if (ch === 0x2f /* / */ && text.charCodeAt(this.pos + 1) === 0x3e) {
        this.pos += 2;
        return true;
      }
      let attrEnd = this.pos;
      while (attrEnd < len && !endsName(text.charCodeAt(attrEnd))) attrEnd += 1;
      const attrName = text.slice(this.pos, attrEnd);
      if (!attrName) this.fail('malformed attribute');
      this.pos = attrEnd;
      this.skipSpace();
      if (text.charCodeAt(this.pos) !== 0x3d /* = */) this.fail(`attribute ${attrName} without a value`);
      this.pos += 1;
      this.skipSpace();
      const quote = text[this.pos];
      if (quote !== '"' && quote !== "'") this.fail(`unquoted attribute ${attrName}`);
      const valueEnd = text.indexOf(quote, this.pos + 1);
      if (valueEnd < 0) this.fail(`unclosed attribute ${attrName}`);
      attrs.push([attrName, decodeEntities(text.slice(this.pos + 1, valueEnd))]);
      this.pos = valueEnd + 1;
    }
  }

  private skipSpace(): void {
    const text = this.text;
    while (this.pos < text.length && isSpace(text.charCodeAt(this.pos))) this.pos += 1;
  }
}

export function serializeXml(doc: XmlDocument): string {
  const out: string[] = [doc.prolog];
  writeNode(doc.root, out, true);
  out.push(doc.epilog);
  return out.join('');
}

/**
 * One element in canonical form (attributes in double quotes, re-encoded; empty elements as `<a/>`), whatever
 * it was read as: for comparing elements by content (StyleMerger), not for writing a part back.
 */
export function canonicalElement(element: XmlElement): string {
  const out: string[] = [];
  writeNode(element, out, false);
  return out.join('');
}

/** The tags an element was read with, when it still has that name and those attributes. */
function unchangedSource(node: XmlElement): ElementSource | undefined {
  const source = node.source;
  if (!source || source.name !== node.name || source.attrs !== node.attrs) return undefined;
  return source.count === node.attrs.length ? source : undefined;
}

function writeNode(node: XmlNode, out: string[], asRead: boolean): void {
  if (node.kind !== 'element') {
    out.push(node.raw);
    return;
  }
  const source = asRead ? unchangedSource(node) : undefined;
  if (source) {
    if (source.empty && !node.children.length) {
      out.push(source.open);
      return;
    }
    // An element read as <a/> that has children now: its start tag without the '/'.
    out.push(source.empty ? `${source.open.slice(0, -2)}>` : source.open);
  } else {
    out.push('<', node.name);
    for (const [name, value] of node.attrs) out.push(' ', name, '="', encodeAttribute(value), '"');
    if (!node.children.length) {
      out.push('/>');
      return;
    }
    out.push('>');
  }
  for (const child of node.children) writeNode(child, out, asRead);
  out.push(source?.close ?? `</${node.name}>`);
}

/** A deep copy of a document: the same tree, nothing shared with the original (tags as read kept). */
export function cloneDocument(doc: XmlDocument): XmlDocument {
  return { prolog: doc.prolog, root: cloneElement(doc.root), epilog: doc.epilog };
}

function cloneElement(el: XmlElement): XmlElement {
  const attrs = el.attrs.map(([n, v]): [string, string] => [n, v]);
  const source = unchangedSource(el);
  const children = el.children.map((c) => (c.kind === 'element' ? cloneElement(c) : { ...c }));
  const copy: XmlElement = { kind: 'element', name: el.name, attrs, children };
  if (source) copy.source = { ...source, attrs };
  return copy;
}

// ---------------------------------------------------------------------------------------------------------
// Entities

const NAMED_ENTITIES: Record<string, string> = { lt: '<', gt: '>', amp: '&', quot: '"', apos: "'" };

export function decodeEntities(raw: string): string {
  if (!raw.includes('&')) return raw;
  return raw.replace(/&(#x[0-9a-fA-F]+|#[0-9]+|[a-zA-Z]+);/g, (whole, body: string) => {
    if (body[0] === '#') {
      const code =
        body[1] === 'x' || body[1] === 'X' ? parseInt(body.slice(2), 16) : parseInt(body.slice(1), 10);
      // A reference to no character (past U+10FFFF) stays as written, as a lenient reader shows it.
      return Number.isFinite(code) && code <= 0x10ffff ? String.fromCodePoint(code) : whole;
    }
    return NAMED_ENTITIES[body] ?? whole;
  });
}

function encodeText(value: string): string {
  return value.replace(/[&<>]/g, (ch) => (ch === '&' ? '&amp;' : ch === '<' ? '&lt;' : '&gt;'));
}

export function encodeAttribute(value: string): string {
  return value.replace(/[&<>"\n\r\t]/g, (ch) => {
    switch (ch) {
      case '&':
        return '&amp;';
      case '<':
        return '&lt;';
      case '>':
        return '&gt;';
      case '"':
        return '&quot;';
      default:
        return `&#${ch.charCodeAt(0)};`;
    }
  });
}

// ---------------------------------------------------------------------------------------------------------
// Tree helpers

/** "x14:cfRule" → "cfRule". */
export function localName(name: string): string {
  const colon = name.indexOf(':');
  return colon < 0 ? name : name.slice(colon + 1);
}

/** The prefix of an element's name including the colon ("x:" for "x:worksheet"), or "". */
export function prefixOf(name: string): string {
  const colon = name.indexOf(':');
  return colon < 0 ? '' : name.slice(0, colon + 1);
}

export function element(name: string, attrs: [string, string][] = [], children: XmlNode[] = []): XmlElement {
  return { kind: 'element', name, attrs, children };
}

export function textNode(value: string): XmlText {
  return { kind: 'text', raw: encodeText(value) };
}

export function getAttr(el: XmlElement, name: string): string | undefined {
  for (const [n, v] of el.attrs) if (n === name) return v;
  return undefined;
}

export function setAttr(el: XmlElement, name: string, value: string): void {
  for (const attr of el.attrs) {
    if (attr[0] === name) {
      if (attr[1] !== value) el.source = undefined;
      attr[1] = value;
      return;
    }
  }
  el.attrs.push([name, value]);
}

export function removeAttr(el: XmlElement, name: string): void {
  // A new array only when the attribute is there: an element keeps its tags as read (ElementSource) otherwise.
  if (el.attrs.some(([n]) => n === name)) el.attrs = el.attrs.filter(([n]) => n !== name);
}

export function childElements(el: XmlElement): XmlElement[] {
  return el.children.filter((c): c is XmlElement => c.kind === 'element');
}

/** Child elements whose local name is `name` (prefix ignored). */
export function children(el: XmlElement, name: string): XmlElement[] {
  return el.children.filter((c): c is XmlElement => c.kind === 'element' && localName(c.name) === name);
}

export function child(el: XmlElement, name: string): XmlElement | undefined {
  for (const c of el.children) if (c.kind === 'element' && localName(c.name) === name) return c;
  return undefined;
}

/** The decoded text content of an element (its text and CDATA descendants). */
export function textContent(el: XmlElement): string {
  let out = '';
  for (const c of el.children) {
    if (c.kind === 'text') out += decodeEntities(c.raw);
    else if (c.kind === 'raw' && c.raw.startsWith('<![CDATA[')) out += c.raw.slice(9, -3);
    else if (c.kind === 'element') out += textContent(c);
  }
  return out;
}

export function removeChildren(el: XmlElement, predicate: (c: XmlElement) => boolean): void {
  el.children = el.children.filter((c) => c.kind !== 'element' || !predicate(c));
}

/**
 * Inserts `newChild` among `parent`'s children so that the local names follow `order` (a schema sequence):
 * right after the last child that comes no later in the sequence, else before the first that comes later.
 * Children not in `order` (extensions, markup-compatibility blocks) do not move and do not decide the place.
 */
export function insertInOrder(parent: XmlElement, newChild: XmlElement, order: readonly string[]): void {
  const rank = (node: XmlNode): number =>
    node.kind === 'element' ? order.indexOf(localName(node.name)) : -1;
  const newRank = order.indexOf(localName(newChild.name));
  let index = -1;
  for (let i = 0; i < parent.children.length; i += 1) {
    const r = rank(parent.children[i]);
    if (r >= 0 && r <= newRank) index = i + 1;
  }
  if (index < 0) {
    index = parent.children.findIndex((c) => rank(c) > newRank);
    if (index < 0) index = parent.children.length;
  }
  parent.children.splice(index, 0, newChild);
}
