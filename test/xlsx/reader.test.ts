import type { RawSheet } from '../../src/workbook/port';
import { scanExtent } from '../../src/workbook/xlsx/reader';
import type { SheetSpec } from '../../src/sheets/spec';
import { openXlsx } from '../../src/workbook/xlsx/xlsxWorkbook';
import { buildZip, entriesOf, textOf } from '../corpus/rawZip';

const sheet = (data: string, prefix = ''): string =>
  `<?xml version="1.0"?><${prefix}worksheet xmlns${prefix ? `:${prefix.slice(0, -1)}` : ''}="urn:x"><${prefix}sheetData>${data}</${prefix}sheetData></${prefix}worksheet>`;

describe('scanExtent (the used range, as Excel counts it)', () => {
  it('counts cells with content or a cell format of their own', () => {
    expect(
      scanExtent(
        sheet(
          '<row r="1"><c r="A1" t="s"><v>0</v></c><c r="D1"/></row>' +
            '<row r="3"><c r="B3" s="0"/><c r="E3" s="0"></c></row>' +
            '<row r="7" hidden="1"><c r="C7" s="4"/></row>' +
            '<row r="9" hidden="true"><c r="H9"></c></row>',
        ),
      ),
    ).toEqual({ lastRow: 7, lastCol: 3, hiddenRows: [7, 9] });
  });

  it('follows positions left out by the producer, and prefixed elements', () => {
    expect(
      scanExtent(
        sheet(
          '<x:row><x:c><x:v>1</x:v></x:c><x:c><x:f>A1</x:f></x:c></x:row><x:row><x:c/><x:c/><x:c t="inlineStr"><x:is><x:t>c&gt;</x:t></x:is></x:c></x:row>',
          'x:',
        ),
      ),
    ).toEqual({ lastRow: 2, lastCol: 3, hiddenRows: [] });
  });

  it('is empty for a sheet without cells', () => {
    expect(scanExtent(sheet(''))).toEqual({ lastRow: 0, lastCol: 0, hiddenRows: [] });
    expect(scanExtent('<worksheet/>')).toEqual({ lastRow: 0, lastCol: 0, hiddenRows: [] });
  });
});

describe('reading pre-formatted rows', () => {
  it('includes formatted empty cells in the used range, with their number formats', async () => {
    const spec: SheetSpec = {
      name: 'Nhiệm vụ',
      kind: 'tracker',
      cells: [
        ['STT', 'Hạn'],
        [1, 45_000],
      ],
      styles: [{ range: 'B2:B50', style: { numberFormat: 'dd/mm/yyyy' } }],
    };
    const wb = await openXlsx(null);
    await wb.apply({ write: [spec] });
    const read = (await wb.read(['Nhiệm vụ'])).contents['Nhiệm vụ'];
    expect(read.values).toHaveLength(50);
    expect(read.values[1]).toEqual([1, 45_000]);
    expect(read.values[49]).toEqual([null, null]);
    expect(read.numberFormats[49]).toEqual(['General', 'dd/mm/yyyy']);
  });
});

describe('a part in any encoding reads the same (the reader hands ExcelJS UTF-8 bytes as they stand)', () => {
  it('reads a sheet and its shared strings alike in UTF-8, UTF-8 with a mark, UTF-16 with a mark', async () => {
    const wb = await openXlsx(null);
    await wb.apply({
      write: [
        {
          name: 'Nhiệm vụ',
          kind: 'tracker',
          cells: [
            ['STT', 'Nội dung & "ghi chú"'],
            [1, 'Rà soát thủ tục hành chính'],
          ],
          styles: [{ range: 'A2', style: { numberFormat: 'dd/mm/yyyy' } }],
        },
      ],
    });
    const entries = await entriesOf(await wb.toBuffer());
    const readWith = async (encode: (text: string) => Uint8Array): Promise<RawSheet> => {
      const changed = entries.map((e) =>
        /^xl\/(worksheets\/sheet\d+|sharedStrings|styles)\.xml$/.test(e.name)
          ? { ...e, data: encode(textOf(e)) }
          : e,
      );
      const book = await openXlsx(buildZip(changed));
      return (await book.read(['Nhiệm vụ'])).contents['Nhiệm vụ'];
    };
    const utf8 = (t: string): Uint8Array => new TextEncoder().encode(t);
    const plain = await readWith(utf8);
    expect(plain.values).toEqual([
      ['STT', 'Nội dung & "ghi chú"'],
      [1, 'Rà soát thủ tục hành chính'],
    ]);
    expect(plain.numberFormats[1][0]).toBe('dd/mm/yyyy');
    const withMark = await readWith((t) => new Uint8Array([0xef, 0xbb, 0xbf, ...utf8(t)]));
    const utf16 = await readWith((t) => {
      const out = new Uint8Array(2 + t.length * 2);
      out.set([0xff, 0xfe]);
      for (let i = 0; i < t.length; i += 1) {
        out[2 + i * 2] = t.charCodeAt(i) & 0xff;
        out[3 + i * 2] = t.charCodeAt(i) >> 8;
      }
      return out;
    });
    expect(withMark).toEqual(plain);
    expect(utf16.values).toEqual(plain.values);
    expect(utf16.numberFormats).toEqual(plain.numberFormats);
  });

  it('tells a sheet not read is protected, in UTF-8 or UTF-16, from its bytes', async () => {
    const wb = await openXlsx(null);
    await wb.apply({ write: [{ name: 'Khóa', kind: 'tracker', cells: [['x']] }] });
    const entries = await entriesOf(await wb.toBuffer());
    const utf16 = (t: string): Uint8Array =>
      new Uint8Array([
        0xff,
        0xfe,
        ...Array.from(t).flatMap((ch) => [ch.charCodeAt(0) & 0xff, ch.charCodeAt(0) >> 8]),
      ]);
    for (const [encode, lock] of [
      [(t: string) => new TextEncoder().encode(t), true],
      [utf16, true],
      [(t: string) => new TextEncoder().encode(t), false],
      [utf16, false],
    ] as const) {
      const changed = entries.map((e) => {
        if (!/^xl\/worksheets\/sheet\d+\.xml$/.test(e.name)) return e;
        const text = textOf(e);
        return {
          ...e,
          data: encode(
            lock ? text.replace('</sheetData>', '</sheetData><sheetProtection sheet="1"/>') : text,
          ),
        };
      });
      const book = await openXlsx(buildZip(changed));
      const { sheets } = await book.read([]);
      expect(sheets.find((s) => s.name === 'Khóa')?.protected).toBe(lock);
    }
  });

  it('reads an invalid UTF-8 sequence as U+FFFD, as before', async () => {
    const wb = await openXlsx(null);
    await wb.apply({ write: [{ name: 'Nhiệm vụ', kind: 'tracker', cells: [['Rà soát'], ['XY']] }] });
    const entries = await entriesOf(await wb.toBuffer());
    const changed = entries.map((e) => {
      const text = textOf(e);
      const at = text.indexOf('XY');
      if (!e.name.endsWith('.xml') || at < 0) return e;
      const bytes = new TextEncoder().encode(text);
      const byteAt = new TextEncoder().encode(text.slice(0, at)).length;
      bytes[byteAt + 1] = 0xc3; // 'Y' → a lead byte with no continuation
      return { ...e, data: bytes };
    });
    const book = await openXlsx(buildZip(changed));
    const read = (await book.read(['Nhiệm vụ'])).contents['Nhiệm vụ'];
    expect(read.values).toEqual([['Rà soát'], ['X\ufffd']]);
  });
});
