import {
  child,
  children,
  decodeEntities,
  element,
  encodeAttribute,
  getAttr,
  insertInOrder,
  parseXml,
  serializeXml,
  setAttr,
  textContent,
  XmlError,
} from '../../src/workbook/xlsx/xml';

describe('parseXml / serializeXml', () => {
  it('round-trips a document with declaration, comments, CDATA, prefixes and entities', () => {
    const text =
      '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<!-- đầu -->' +
      '<x:worksheet xmlns:x="urn:main" a=\'1\'><x:sheetData><x:row r="1"><x:c r="A1" t="inlineStr">' +
      '<x:is><x:t xml:space="preserve"> Tôm &amp; cá &lt;3 </x:t></x:is></x:c></x:row></x:sheetData>' +
      '<![CDATA[<raw>]]><?pi data?><x:empty/></x:worksheet>\n';
    const doc = parseXml(text);
    expect(doc.root.name).toBe('x:worksheet');
    expect(getAttr(doc.root, 'a')).toBe('1');
    const t = child(child(child(child(child(doc.root, 'sheetData')!, 'row')!, 'c')!, 'is')!, 't')!;
    expect(textContent(t)).toBe(' Tôm & cá <3 ');
    // Byte for byte, single quotes included.
    expect(serializeXml(doc)).toBe(text);
  });

  it('decodes attribute values and encodes them back safely', () => {
    const doc = parseXml('<a v="&quot;x&quot; &amp; &#39;y&#39; &#x1EA1;&#10;"/>');
    expect(getAttr(doc.root, 'v')).toBe('"x" & \'y\' ạ\n');
    // Kept as read until the value changes; then written in canonical form.
    expect(serializeXml(doc)).toBe('<a v="&quot;x&quot; &amp; &#39;y&#39; &#x1EA1;&#10;"/>');
    setAttr(doc.root, 'v', `${getAttr(doc.root, 'v')}!`);
    expect(serializeXml(doc)).toBe('<a v="&quot;x&quot; &amp; \'y\' ạ&#10;!"/>');
    expect(encodeAttribute('<\t>')).toBe('&lt;&#9;&gt;');
    expect(decodeEntities('&unknown; &lt;')).toBe('&unknown; <');
  });

  it('rejects malformed XML', () => {
    expect(() => parseXml('<a><b></a>')).toThrow(XmlError);
    expect(() => parseXml('<a x=1/>')).toThrow(XmlError);
    expect(() => parseXml('<a>')).toThrow(XmlError);
    expect(() => parseXml('no root')).toThrow(XmlError);
  });

  it('reads a UTF-8 byte-order mark as nothing', () => {
    expect(parseXml('\ufeff<a/>').root.name).toBe('a');
  });
});

describe('insertInOrder', () => {
  const order = ['sheetPr', 'dimension', 'sheetViews', 'cols', 'sheetData', 'tableParts', 'extLst'];
  it('puts a child after the last one that precedes it in the schema', () => {
    const root = parseXml('<w><dimension/><sheetData/><extLst/></w>').root;
    insertInOrder(root, element('cols'), order);
    insertInOrder(root, element('sheetPr'), order);
    insertInOrder(root, element('tableParts'), order);
    expect(children(root, 'sheetPr').length).toBe(1);
    expect(root.children.map((c) => (c.kind === 'element' ? c.name : c.kind))).toEqual([
      'sheetPr',
      'dimension',
      'cols',
      'sheetData',
      'tableParts',
      'extLst',
    ]);
  });

  it('leaves unknown (extension) elements where they are', () => {
    const root = parseXml('<w><fileVersion/><mc:AlternateContent/><sheets/></w>').root;
    insertInOrder(root, element('bookViews'), ['fileVersion', 'workbookPr', 'bookViews', 'sheets']);
    expect(root.children.map((c) => (c.kind === 'element' ? c.name : ''))).toEqual([
      'fileVersion',
      'bookViews',
      'mc:AlternateContent',
      'sheets',
    ]);
  });
});
