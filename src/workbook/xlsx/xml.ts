/**
 * A small XML tree for editing the parts of an .xlsx package in place: parse, find, change, serialize.
 *
 * It is not a validating parser. It keeps what it does not understand (comments, processing instructions,
 * CDATA, DOCTYPE) as raw text, keeps attribute order, and keeps text nodes exactly as written (undecoded), so
 * a part that is parsed and serialized without changes comes out equivalent to what went in. Element names
 * keep their prefixes ("x14:cfRule"); `localName` strips them for lookups that must not depend on the prefix
 * a producer chose.
 *
 * Parsing is one pass with an explicit stack, and refuses nesting deeper than FILE_LIMITS.maxXmlDepth, so the
 * recursive walks over a tree (serializing, text content) stay far from the call-stack limit.
 */
import { FILE_LIMITS } from '../limits';

export interface XmlElement {
  kind: 'element';
  name: string;
  /** Attributes in document order, values decoded. */
  attrs: [string, string][];
  children: XmlNode[];
}

/** Text as written in the document (entity references not decoded). */
export interface XmlText {
  kind: 'text';
  raw: string;
}

/** A comment, processing instruction, CDATA section or DOCTYPE, kept verbatim. */
export interface XmlRaw {
  kind: 'raw';
  raw: string;
}

export type XmlNode = XmlElement | XmlText | XmlRaw;

export interface XmlDocument {
  /** Everything before the root element (XML declaration, comments), verbatim. */
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

const NAME_END = /[\s/>=]/;

export function parseXml(text: string): XmlDocument {
  let pos = 0;
  const len = text.length;
  if (text.charCodeAt(0) === 0xfeff) pos = 1; // byte-order mark

  let prolog = '';
  let root: XmlElement | undefined;
  const stack: XmlElement[] = [];

  const fail = (what: string): never => {
    throw new XmlError(`${what} at offset ${pos}`);
  };

  const appendRaw = (node: XmlRaw): void => {
    const parent = stack[stack.length - 1];
    if (parent) parent.children.push(node);
    else if (!root) prolog += node.raw;
  };

  while (pos < len) {
    const lt = text.indexOf('<', pos);
    if (lt < 0) {
      if (stack.length) fail('unclosed element');
      break;
    }
    if (lt > pos) {
      const raw = text.slice(pos, lt);
      if (stack.length) stack[stack.length - 1].children.push({ kind: 'text', raw });
      else if (!root) prolog += raw;
    }
    pos = lt;
    if (text.startsWith('<!--', pos)) {
      const end = text.indexOf('-->', pos + 4);
      if (end < 0) fail('unclosed comment');
      appendRaw({ kind: 'raw', raw: text.slice(pos, end + 3) });
      pos = end + 3;
    } else if (text.startsWith('<![CDATA[', pos)) {
      const end = text.indexOf(']]>', pos + 9);
      if (end < 0) fail('unclosed CDATA section');
      appendRaw({ kind: 'raw', raw: text.slice(pos, end + 3) });
      pos = end + 3;
    } else if (text.startsWith('<?', pos)) {
      const end = text.indexOf('?>', pos + 2);
      if (end < 0) fail('unclosed processing instruction');
      appendRaw({ kind: 'raw', raw: text.slice(pos, end + 2) });
      pos = end + 2;
    } else if (text.startsWith('<!', pos)) {
      const end = text.indexOf('>', pos + 2);
      if (end < 0) fail('unclosed declaration');
      appendRaw({ kind: 'raw', raw: text.slice(pos, end + 1) });
      pos = end + 1;
    } else if (text.startsWith('</', pos)) {
      const end = text.indexOf('>', pos + 2);
      if (end < 0) fail('unclosed end tag');
      const name = text.slice(pos + 2, end).trim();
      const open = stack.pop();
      if (!open || open.name !== name) fail(`unexpected </${name}>`);
      pos = end + 1;
      if (!stack.length) break;
    } else {
      pos += 1;
      let nameEnd = pos;
      while (nameEnd < len && !NAME_END.test(text[nameEnd])) nameEnd += 1;
      const name = text.slice(pos, nameEnd);
      if (!name) fail('element without a name');
      const element: XmlElement = { kind: 'element', name, attrs: [], children: [] };
      pos = nameEnd;
      let selfClosing = false;
      for (;;) {
        while (pos < len && /\s/.test(text[pos])) pos += 1;
        if (pos >= len) fail('unclosed start tag');
        const ch = text[pos];
        if (ch === '>') {
          pos += 1;
          break;
        }
        if (ch === '/' && text[pos + 1] === '>') {
          pos += 2;
          selfClosing = true;
          break;
        }
        let attrEnd = pos;
        while (attrEnd < len && !NAME_END.test(text[attrEnd])) attrEnd += 1;
        const attrName = text.slice(pos, attrEnd);
        if (!attrName) fail('malformed attribute');
        pos = attrEnd;
        while (pos < len && /\s/.test(text[pos])) pos += 1;
        if (text[pos] !== '=') fail(`attribute ${attrName} without a value`);
        pos += 1;
        while (pos < len && /\s/.test(text[pos])) pos += 1;
        const quote = text[pos];
        if (quote !== '"' && quote !== "'") fail(`unquoted attribute ${attrName}`);
        const valueEnd = text.indexOf(quote, pos + 1);
        if (valueEnd < 0) fail(`unclosed attribute ${attrName}`);
        element.attrs.push([attrName, decodeEntities(text.slice(pos + 1, valueEnd))]);
        pos = valueEnd + 1;
      }
      const parent = stack[stack.length - 1];
      if (parent) parent.children.push(element);
      else if (root) fail('second root element');
      else root = element;
      if (!selfClosing) {
        stack.push(element);
        if (stack.length > FILE_LIMITS.maxXmlDepth) throw new XmlDepthError(FILE_LIMITS.maxXmlDepth);
      } else if (!stack.length) break;
    }
  }
  if (!root) throw new XmlError('no root element');
  if (stack.length) throw new XmlError(`unclosed <${stack[stack.length - 1].name}>`);
  return { prolog, root, epilog: text.slice(pos) };
}

export function serializeXml(doc: XmlDocument): string {
  const out: string[] = [doc.prolog];
  writeNode(doc.root, out);
  out.push(doc.epilog);
  return out.join('');
}

export function serializeElement(element: XmlElement): string {
  const out: string[] = [];
  writeNode(element, out);
  return out.join('');
}

function writeNode(node: XmlNode, out: string[]): void {
  if (node.kind !== 'element') {
    out.push(node.raw);
    return;
  }
  out.push('<', node.name);
  for (const [name, value] of node.attrs) out.push(' ', name, '="', encodeAttribute(value), '"');
  if (!node.children.length) {
    out.push('/>');
    return;
  }
  out.push('>');
  for (const child of node.children) writeNode(child, out);
  out.push('</', node.name, '>');
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

export function encodeText(value: string): string {
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
      attr[1] = value;
      return;
    }
  }
  el.attrs.push([name, value]);
}

export function removeAttr(el: XmlElement, name: string): void {
  el.attrs = el.attrs.filter(([n]) => n !== name);
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
