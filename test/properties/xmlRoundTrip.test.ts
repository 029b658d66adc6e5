/**
 * The .xlsx adapter's XML tree (src/workbook/xlsx/xml.ts) keeps bytes: parse → serialize gives back the very
 * text it was given, over generated XML (elements with and without prefixes, attributes in both quote styles
 * with entities and odd spacing, text, CDATA, comments, processing instructions, a prolog and an epilog) and
 * over every XML part of every workbook of the corpus (test/corpus/cases.ts) and of the adapter's fixtures.
 * A changed element is written in canonical form and the rest stays as read; a copy (cloneDocument) writes the
 * same bytes and shares nothing with the original.
 */
import fc from 'fast-check';
import JSZip from 'jszip';

import { decodeText } from '../../src/workbook/xlsx/opc';
import {
  canonicalElement,
  cloneDocument,
  element,
  parseXml,
  serializeXml,
  setAttr,
  XmlError,
  type XmlElement,
} from '../../src/workbook/xlsx/xml';
import { corpusCases } from '../corpus/cases';
import { buildSdkStyleWorkbook, buildUserWorkbook } from '../support/userWorkbook';
import { fcParams } from '../support/fuzz';

const nameArb = fc
  .tuple(
    fc.constantFrom('', 'x:', 'x14ac:', 'mc:', 'a'),
    fc.constantFrom('c', 'row', 'sheetData', 't', 'is', 'v', 'ext', 'Relationship'),
  )
  .map(([prefix, local]) => (prefix === 'a' ? `a:${local}` : `${prefix}${local}`));

/** Attribute-value pieces, raw as a producer writes them (the quote that closes the value excluded). */
const valuePieceArb = fc.constantFrom(
  'A1',
  '1',
  ' ',
  'Tổng hợp',
  '&amp;',
  '&lt;',
  '&gt;',
  '&#10;',
  '&#x1EA1;',
  '&#39;',
  '&quot;',
  '>',
  '_x000D_',
  'urn:schemas-microsoft-com:office:office',
);
const spaceArb = fc.constantFrom(' ', '  ', '\n', '\t', '\r\n ');
const optionalSpaceArb = fc.constantFrom('', '', ' ', '\n');

const attributeArb = fc
  .tuple(
    fc.constantFrom('r', 's', 't', 'xml:space', 'xmlns', 'xmlns:x', 'x14ac:dyDescent', 'Target'),
    optionalSpaceArb,
    optionalSpaceArb,
    fc.constantFrom('"', "'"),
    fc.array(valuePieceArb, { maxLength: 4 }),
    spaceArb,
  )
  .map(([name, before, after, quote, pieces, lead]) => {
    // A quote of the other kind may stand inside the value as itself.
    const value = pieces.join('') + (quote === '"' ? "'" : '"').repeat(pieces.length % 2);
    return `${lead}${name}${before}=${after}${quote}${value}${quote}`;
  });

const textArb = fc
  .array(
    fc.constantFrom('Nhiệm vụ', ' ', '\n  ', '&amp;', '&lt;3', '&#8230;', '>', "'", '"', '\t', '&unknown;'),
    { minLength: 1, maxLength: 4 },
  )
  .map((parts) => parts.join(''));

const miscArb = fc.oneof(
  textArb,
  fc.constantFrom(
    '<![CDATA[<a> & ]]>',
    '<![CDATA[]]>',
    '<!-- ghi chú & <b> -->',
    '<!---->',
    '<?pi data?>',
    '<?mso-application progid="Excel.Sheet"?>',
  ),
);

/** Unique attribute names are not needed here: the parser does not check them, and keeps them as read. */
const elementArb: fc.Arbitrary<string> = fc.letrec<{ el: string }>((tie) => ({
  el: fc
    .tuple(
      nameArb,
      fc.array(attributeArb, { maxLength: 3 }),
      optionalSpaceArb,
      fc.oneof(
        { weight: 2, arbitrary: fc.constant<string[] | null>(null) },
        { weight: 3, arbitrary: fc.array(fc.oneof(tie('el'), miscArb), { maxLength: 4 }) },
      ),
    )
    .map(([name, attrs, closeSpace, content]) => {
      const open = `<${name}${attrs.join('')}${closeSpace}`;
      if (content === null) return `${open}/>`;
      return `${open}>${content.join('')}</${name}${closeSpace}>`;
    }),
})).el;

const documentArb = fc
  .tuple(
    fc.constantFrom('', '\ufeff'),
    fc.constantFrom(
      '',
      '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n',
      "<?xml version='1.0' encoding='utf-8'?>",
      '<?xml version="1.0"?>\r\n<!-- đầu -->\n',
      '<!DOCTYPE x>\n',
    ),
    elementArb,
    fc.constantFrom('', '\n', '\r\n', '<!-- cuối -->', ' <?pi?>\n'),
  )
  .map(([bom, prolog, root, epilog]) => `${bom}${prolog}${root}${epilog}`);

describe('parse → serialize keeps bytes', () => {
  it('over generated XML', () => {
    fc.assert(
      fc.property(documentArb, (text) => {
        expect(serializeXml(parseXml(text))).toBe(text);
      }),
      fcParams('small'),
    );
  });

  it('writes a changed element in canonical form, and the rest as read', () => {
    fc.assert(
      fc.property(documentArb, fc.nat(), fc.boolean(), (text, pick, addChild) => {
        const doc = parseXml(text);
        const elements: XmlElement[] = [];
        const walk = (el: XmlElement): void => {
          elements.push(el);
          for (const c of el.children) if (c.kind === 'element') walk(c);
        };
        walk(doc.root);
        const target = elements[pick % elements.length];
        if (addChild) target.children.push(element('n', [['v', '<"&\'>']]));
        else setAttr(target, 'changed', 'a "quoted" & <odd> value');
        const written = serializeXml(doc);
        // Well-formed, and it reads back as the changed tree.
        expect(canonicalElement(parseXml(written).root)).toBe(canonicalElement(doc.root));
        // An element other than the changed one and its ancestors keeps its start tag as read.
        for (const el of elements) {
          if (el.source && !addChild && el !== target) expect(written).toContain(el.source.open);
        }
      }),
      fcParams('medium'),
    );
  });

  it('a copy writes the same bytes and shares nothing with the original', () => {
    fc.assert(
      fc.property(documentArb, (text) => {
        const doc = parseXml(text);
        const copy = cloneDocument(doc);
        expect(serializeXml(copy)).toBe(text);
        setAttr(copy.root, 'changed', '1');
        copy.root.children.push(element('added'));
        expect(serializeXml(doc)).toBe(text);
      }),
      fcParams('medium'),
    );
  });
});

/** Every part of a package that reads as XML, decoded as the adapter decodes it. */
async function xmlParts(bytes: Uint8Array): Promise<{ name: string; text: string }[]> {
  let zip: JSZip;
  try {
    zip = await JSZip.loadAsync(bytes);
  } catch {
    return []; // a damaged or non-zip case of the corpus
  }
  const parts: { name: string; text: string }[] = [];
  for (const file of Object.values(zip.files)) {
    if (file.dir || !/\.(xml|rels|vml)$/i.test(file.name)) continue;
    let data: Uint8Array;
    try {
      data = await file.async('uint8array');
    } catch {
      continue; // an entry cut short (the truncated-download case)
    }
    parts.push({ name: file.name, text: decodeText(data) });
  }
  return parts;
}

/** Parse → serialize of every XML part of a workbook; returns the parts that are not XML at all. */
function roundTripParts(parts: { name: string; text: string }[]): { checked: number; notXml: string[] } {
  const notXml: string[] = [];
  let checked = 0;
  for (const { name, text } of parts) {
    let doc;
    try {
      doc = parseXml(text);
    } catch (error) {
      if (!(error instanceof XmlError)) throw error;
      notXml.push(name);
      continue;
    }
    expect({ name, text: serializeXml(doc) }).toEqual({ name, text });
    checked += 1;
  }
  return { checked, notXml };
}

describe('parse → serialize keeps the bytes of every XML part of the corpus and fixtures', () => {
  const cases = corpusCases().filter((c) => !c.lowMemoryCheckOnly);

  it.each(cases.map((c) => [c.id, c] as const))(
    '%s',
    async (_id, c) => {
      const { notXml } = roundTripParts(await xmlParts(await c.build()));
      // Only the corpus's damaged files hold parts that are not XML.
      if (notXml.length) expect(c.check.exit).toBe(2);
    },
    120_000,
  );

  it('the adapter fixtures (a user workbook, an Open XML SDK workbook)', async () => {
    let checked = 0;
    for (const bytes of [await buildUserWorkbook(), await buildSdkStyleWorkbook()]) {
      const result = roundTripParts(await xmlParts(bytes));
      expect(result.notXml).toEqual([]);
      checked += result.checked;
    }
    expect(checked).toBeGreaterThan(10);
  });
});
