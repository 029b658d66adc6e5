/**
 * One pass over the tags of an XML text, for reading large parts without building a tree: every character is
 * looked at a bounded number of times, however the text is crafted (a million "<c" in a comment, a tag that
 * never closes, a cell without an end tag), so the time is linear in the text. Comments, CDATA sections,
 * processing instructions and declarations are skipped whole.
 *
 * `scanSteps` counts the characters the scanner moved over, so tests can show the linearity by doubling the
 * input rather than by a clock.
 */
import { FILE_LIMITS } from '../limits';
import { XmlDepthError, XmlError } from './xml';

const MAX_DEPTH = FILE_LIMITS.maxXmlDepth;

/** Characters moved over by every scan of this process. */
export const scanSteps = { count: 0 };

export interface Tag {
  /** Local name (prefix dropped): "c" for <x:c>. */
  name: string;
  /** Offset of the tag's '<'. */
  start: number;
  closing: boolean;
  selfClosing: boolean;
  /** The attribute text lies between these offsets. */
  attrStart: number;
  attrEnd: number;
  /** Offset just after the tag's '>'. */
  end: number;
  /** The element's depth: 1 for the root, its parent's + 1 (the same for its start, empty or end tag). */
  depth: number;
}

/**
 * Calls `visit` for each start and end tag of text[from, to), in order; `visit` returns false to stop. Throws
 * XmlDepthError past FILE_LIMITS.maxXmlDepth and XmlError on a tag cut short.
 */
export function scanTags(
  text: string,
  visit: (tag: Tag) => boolean | void,
  from = 0,
  to = text.length,
): void {
  let pos = from;
  let depth = 0;
  const tag: Tag = {
    name: '',
    start: 0,
    closing: false,
    selfClosing: false,
    attrStart: 0,
    attrEnd: 0,
    end: 0,
    depth: 0,
  };
  while (pos < to) {
    const lt = text.indexOf('<', pos);
    if (lt < 0 || lt >= to) {
      scanSteps.count += to - pos;
      return;
    }
    scanSteps.count += lt - pos;
    pos = lt;
    const next = text.charCodeAt(pos + 1);
    if (next === 0x21 /* ! */ || next === 0x3f /* ? */) {
      pos = skipMarkup(text, pos, to);
      continue;
    }
    const closing = next === 0x2f; /* / */
    let i = pos + (closing ? 2 : 1);
    const nameStart = i;
    let colon = -1;
    for (; i < to; i += 1) {
      const ch = text.charCodeAt(i);
      if (ch === 0x3a) colon = i;
      else if (ch <= 0x20 || ch === 0x2f || ch === 0x3e) break; // space, '/', '>'
    }
    const name = text.slice(colon >= 0 ? colon + 1 : nameStart, i);
    const attrStart = i;
    i = tagClose(text, i, to);
    if (i >= to) {
      scanSteps.count += to - pos;
      throw new XmlError(`unclosed tag at offset ${pos}`);
    }
    const selfClosing = !closing && text.charCodeAt(i - 1) === 0x2f;
    scanSteps.count += i + 1 - pos;
    pos = i + 1;
    if (closing) {
      depth = Math.max(0, depth - 1);
    } else if (!selfClosing) {
      depth += 1;
      if (depth > MAX_DEPTH) throw new XmlDepthError(MAX_DEPTH);
    }
    tag.name = name;
    tag.start = lt;
    tag.closing = closing;
    tag.selfClosing = selfClosing;
    tag.attrStart = attrStart;
    tag.attrEnd = selfClosing ? i - 1 : i;
    tag.end = pos;
    // The element's own depth, for start, empty and end tags alike.
    tag.depth = closing || selfClosing ? depth + 1 : depth;
    if (visit(tag) === false) return;
  }
}

/**
 * The text of the element whose start tag ends at `pos`, as an XML parser gives it: line ends as "\n",
 * references decoded, CDATA sections as they stand, comments and processing instructions left out. It stops
 * at the next tag (the element's end tag, for the leaf elements it is used on: <v>, <f>, <t>). A reference
 * to no character, or to an entity other than XML's five (one a DOCTYPE would declare: the "billion laughs"),
 * is malformed: XmlError.
 */
export function elementText(text: string, pos: number): string {
  let out = '';
  for (;;) {
    const lt = text.indexOf('<', pos);
    const end = lt < 0 ? text.length : lt;
    scanSteps.count += end - pos;
    if (end > pos) out += decodeReferences(normalizeLineEnds(text.slice(pos, end)));
    if (lt < 0) return out;
    let marker: string;
    let from: number;
    if (text.startsWith('<![CDATA[', lt)) [marker, from] = [']]>', lt + 9];
    else if (text.startsWith('<!--', lt)) [marker, from] = ['-->', lt + 4];
    else if (text.startsWith('<?', lt)) [marker, from] = ['?>', lt + 2];
    else return out;
    const close = text.indexOf(marker, from);
    if (close < 0) return out;
    if (marker === ']]>') out += normalizeLineEnds(text.slice(from, close));
    scanSteps.count += close + marker.length - lt;
    pos = close + marker.length;
  }
}

const PREDEFINED: Readonly<Record<string, string>> = { lt: '<', gt: '>', amp: '&', quot: '"', apos: "'" };

/** Character and entity references decoded strictly (see elementText). */
function decodeReferences(raw: string): string {
  if (!raw.includes('&')) return raw;
  return raw.replace(/&([^;&]*);?/g, (whole, body: string) => {
    if (!whole.endsWith(';')) throw new XmlError('an "&" that starts no reference');
    if (body[0] !== '#') {
      const named = PREDEFINED[body];
      if (named === undefined) throw new XmlError(`undefined entity &${body};`);
      return named;
    }
    const hex = body[1] === 'x';
    const digits = body.slice(hex ? 2 : 1);
    const code = (hex ? /^[0-9a-fA-F]{1,8}$/ : /^[0-9]{1,10}$/).test(digits)
      ? parseInt(digits, hex ? 16 : 10)
      : -1;
    if (!isXmlChar(code)) throw new XmlError(`a reference to no character: ${whole}`);
    return String.fromCodePoint(code);
  });
}

/** XML 1.0's Char: tab, line feed, carriage return, and U+0020 up, less the surrogates, U+FFFE and U+FFFF. */
function isXmlChar(code: number): boolean {
  if (code < 0x20) return code === 0x9 || code === 0xa || code === 0xd;
  return code <= 0xd7ff || (code >= 0xe000 && code <= 0xfffd) || (code >= 0x10000 && code <= 0x10ffff);
}

/** XML's end-of-line handling: CR LF and a lone CR read as LF (a character reference &#13; stays). */
function normalizeLineEnds(raw: string): string {
  return raw.includes('\r') ? raw.replace(/\r\n?/g, '\n') : raw;
}

/** Past the comment, CDATA section, declaration or processing instruction at `pos` (or to `to` if unclosed). */
function skipMarkup(text: string, pos: number, to: number): number {
  let marker = '>';
  let from = pos + 2;
  if (text.charCodeAt(pos + 1) === 0x3f /* ? */) {
    marker = '?>';
  } else if (text.startsWith('<!--', pos)) {
    marker = '-->';
    from = pos + 4;
  } else if (text.startsWith('<![CDATA[', pos)) {
    marker = ']]>';
    from = pos + 9;
  }
  const at = text.indexOf(marker, from);
  const next = at < 0 || at + marker.length > to ? to : at + marker.length;
  scanSteps.count += next - pos;
  return next;
}

/** The offset of the '>' that ends a tag whose attributes start at `i` ('>' inside quoted values skipped), or `to`. */
function tagClose(text: string, i: number, to: number): number {
  let quote = 0;
  for (; i < to; i += 1) {
    const ch = text.charCodeAt(i);
    if (quote) {
      if (ch === quote) quote = 0;
    } else if (ch === 0x22 || ch === 0x27) quote = ch;
    else if (ch === 0x3e) break;
  }
  return i;
}

/**
 * The raw (undecoded) value of attribute `name` in a tag's attribute text, matched by its full name ("r",
 * "r:id"); undefined when absent. Linear in the attribute text.
 */
export function attribute(text: string, tag: Tag, name: string): string | undefined {
  return findAttribute(text, tag, name)?.value;
}

/**
 * Attribute `name` of a tag: its value, and the span of text it takes from the whitespace before it to its
 * closing quote (to cut it out). Linear in the attribute text; stops at the first malformed attribute.
 */
export function findAttribute(
  text: string,
  tag: Tag,
  name: string,
): { value: string; start: number; end: number } | undefined {
  let found: { value: string; start: number; end: number } | undefined;
  eachAttribute(text, tag, (nameStart, nameEnd, valueStart, valueEnd, spaceStart) => {
    if (nameEnd - nameStart !== name.length || !text.startsWith(name, nameStart)) return true;
    found = { value: text.slice(valueStart, valueEnd), start: spaceStart, end: valueEnd + 1 };
    return false;
  });
  return found;
}

/**
 * Calls `visit` with each attribute of a tag, in order: where its name and its value (within the quotes)
 * lie, and where the whitespace before it starts; `visit` returns false to stop. Stops at the first malformed
 * attribute rather than guess. Linear in the attribute text.
 */
function eachAttribute(
  text: string,
  tag: Tag,
  visit: (
    nameStart: number,
    nameEnd: number,
    valueStart: number,
    valueEnd: number,
    spaceStart: number,
  ) => boolean,
): void {
  let i = tag.attrStart;
  const end = tag.attrEnd;
  while (i < end) {
    const spaceStart = i;
    while (i < end && text.charCodeAt(i) <= 0x20) i += 1;
    const nameStart = i;
    while (i < end) {
      const ch = text.charCodeAt(i);
      if (ch <= 0x20 || ch === 0x3d /* = */) break;
      i += 1;
    }
    const nameEnd = i;
    while (i < end && text.charCodeAt(i) <= 0x20) i += 1;
    if (text.charCodeAt(i) !== 0x3d) break; // malformed: stop rather than guess
    i += 1;
    while (i < end && text.charCodeAt(i) <= 0x20) i += 1;
    const quote = text.charCodeAt(i);
    if (quote !== 0x22 && quote !== 0x27) break;
    let valueEnd = i + 1;
    while (valueEnd < end && text.charCodeAt(valueEnd) !== quote) valueEnd += 1;
    if (valueEnd >= end) break;
    if (!visit(nameStart, nameEnd, i + 1, valueEnd, spaceStart)) {
      scanSteps.count += valueEnd + 1 - tag.attrStart;
      return;
    }
    i = valueEnd + 1;
  }
  scanSteps.count += end - tag.attrStart;
}

/**
 * The raw values of several attributes of a tag in one pass over its attribute text: `out[i]` is the value of
 * `names[i]`, or undefined when absent (the first of a repeated name). Stops at the first malformed attribute,
 * as findAttribute does.
 */
export function readAttributes(
  text: string,
  tag: Tag,
  names: readonly string[],
  out: (string | undefined)[],
): void {
  out.fill(undefined, 0, names.length);
  eachAttribute(text, tag, (nameStart, nameEnd, valueStart, valueEnd) => {
    for (let k = 0; k < names.length; k += 1) {
      const name = names[k];
      if (out[k] === undefined && nameEnd - nameStart === name.length && text.startsWith(name, nameStart)) {
        out[k] = text.slice(valueStart, valueEnd);
        break;
      }
    }
    return true;
  });
}

/** The name of the root element (with its prefix), or undefined; looks no further than the root's start tag. */
export function rootElement(text: string): { name: string; attrs: string } | undefined {
  let found: { name: string; attrs: string } | undefined;
  let pos = 0;
  // The prefix is needed here, so the name is read again from the tag's own text.
  scanTags(text, (tag) => {
    if (tag.closing) return false;
    const start = text.lastIndexOf('<', tag.attrStart);
    found = { name: text.slice(start + 1, tag.attrStart), attrs: text.slice(tag.attrStart, tag.attrEnd) };
    pos = tag.end;
    return false;
  });
  return pos ? found : undefined;
}

/** The text's XML declaration (`<?xml …?>` at its start, after a byte-order mark): a tag over its pseudo-attributes. */
function declarationTag(text: string): Tag | undefined {
  const at = text.charCodeAt(0) === 0xfeff ? 1 : 0;
  if (!text.startsWith('<?xml', at) || !(text.charCodeAt(at + 5) <= 0x20)) return undefined;
  const close = text.indexOf('?>', at + 5);
  if (close < 0) return undefined;
  const end = close + 2;
  const tag = { name: 'xml', start: at, closing: false, selfClosing: true, depth: 0 };
  return { ...tag, attrStart: at + 5, attrEnd: close, end };
}

/** The encoding the XML declaration names ("UTF-16"), raw; undefined when it names none. */
export function declaredEncoding(text: string): string | undefined {
  const tag = declarationTag(text);
  return tag && attribute(text, tag, 'encoding');
}

/** `text` with the encoding its XML declaration names set to `encoding` (unchanged when it names none). */
export function withDeclaredEncoding(text: string, encoding: string): string {
  const tag = declarationTag(text);
  const found = tag && findAttribute(text, tag, 'encoding');
  if (!found) return text;
  let start = found.start;
  while (text.charCodeAt(start) <= 0x20) start += 1;
  return `${text.slice(0, start)}encoding="${encoding}"${text.slice(found.end)}`;
}
