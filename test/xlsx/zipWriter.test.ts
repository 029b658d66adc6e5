/**
 * Zipping with the platform's deflater (zipWriter.ts; Node's zlib, nodeZlib.ts, which the CLI gives platformZlib.ts):
 * the zip reads back in JSZip with every CRC checked and in the adapter's own zip-directory check, a part
 * nobody changed is copied as it came, and without a deflater Package zips through JSZip as in the browser.
 */
import JSZip from 'jszip';

import { openXlsx } from '../../src/workbook/xlsx/xlsxWorkbook';
import { nodeZlib } from '../../src/workbook/xlsx/nodeZlib';
import { usePlatformZlib } from '../../src/workbook/xlsx/platformZlib';
import { Package } from '../../src/workbook/xlsx/opc';
import { byteLength, chunksFrom, leadingChunks } from '../../src/workbook/xlsx/partChunks';
import { readZipDirectory } from '../../src/workbook/xlsx/zipDirectory';
import { dosDateTime, writeZip } from '../../src/workbook/xlsx/zipWriter';
import { buildUserWorkbook, CHART_PART } from '../support/userWorkbook';
import { partsOf } from '../support/xlsxZip';
import { richSpec } from '../support/specBuilder';

const encode = (text: string): Uint8Array => new TextEncoder().encode(text);

afterEach(() => usePlatformZlib(undefined));

describe('writeZip', () => {
  it('writes a zip JSZip reads back with every CRC checked, UTF-8 names flagged', async () => {
    const entries = [
      { name: '[Content_Types].xml', bytes: encode('<Types/>'.repeat(1000)) },
      { name: 'xl/worksheets/Trang tính 1.xml', bytes: encode('x') },
      { name: 'xl/media/ảnh.png', bytes: new Uint8Array([0, 1, 2, 255]) },
      { name: 'empty.xml', bytes: new Uint8Array(0) },
    ];
    const zip = writeZip(entries, nodeZlib, new Date(Date.UTC(2026, 11, 8, 9, 30, 10)));
    if (!zip) throw new Error('no zip');
    const read = await JSZip.loadAsync(zip, { checkCRC32: true });
    for (const entry of entries)
      expect(await read.file(entry.name)?.async('uint8array')).toEqual(entry.bytes);
    const directory = readZipDirectory(zip);
    expect(directory.entries.map((e) => e.name)).toEqual(entries.map((e) => e.name));
    expect(directory.entries.every((e) => e.method === 8)).toBe(true);
    expect(directory.entries.map((e) => e.crc32)).toEqual(entries.map((e) => nodeZlib.crc32(e.bytes)));
    expect(directory.entries[0].dosDateTime).toBe(dosDateTime(new Date(Date.UTC(2026, 11, 8, 9, 30, 10))));
    // General purpose flag, bit 11 (UTF-8 name): only on the names that are not ASCII.
    const view = new DataView(zip.buffer, zip.byteOffset, zip.byteLength);
    const flags = directory.entries.map((e) => view.getUint16(e.localOffset + 6, true) & 0x0800);
    expect(flags).toEqual([0, 0x0800, 0x0800, 0]);
  });

  it('leaves a zip past 65,534 entries to JSZip', () => {
    const entries = Array.from({ length: 0xffff }, (_, i) => ({ name: `p${i}`, bytes: new Uint8Array(0) }));
    expect(writeZip(entries, nodeZlib)).toBeUndefined();
  });
});

describe('Package.toZip with a deflater installed', () => {
  it('copies the parts nobody changed as they came and deflates the written ones', async () => {
    const original = await buildUserWorkbook({ chartOn: 'Báo cáo quý', vba: true });
    const book = await openXlsx(original);
    await book.apply({ write: [richSpec('Báo cáo mới')] });
    const jszipBytes = await book.toBuffer();
    usePlatformZlib(nodeZlib);
    const nativeBytes = await book.toBuffer();
    expect(nativeBytes).not.toEqual(jszipBytes);

    // The same parts, read back with their CRCs checked.
    await JSZip.loadAsync(nativeBytes, { checkCRC32: true });
    const [viaJszip, viaNative] = await Promise.all([partsOf(jszipBytes), partsOf(nativeBytes)]);
    expect([...viaNative.keys()]).toEqual([...viaJszip.keys()]);
    for (const [name, bytes] of viaJszip) expect(viaNative.get(name)).toEqual(bytes);

    // The chart, which nothing read, is the very entry the user's file had.
    const entryData = (bytes: Uint8Array, name: string): Uint8Array => {
      const entry = readZipDirectory(bytes).entries.find((e) => e.name === name);
      if (!entry) throw new Error(`no ${name}`);
      return bytes.subarray(entry.dataOffset, entry.dataOffset + entry.compressedSize);
    };
    expect(entryData(nativeBytes, CHART_PART)).toEqual(entryData(original, CHART_PART));

    // And it opens again.
    const again = await Package.load(nativeBytes);
    expect(again.names()).toEqual([...viaJszip.keys()]);
  });

  it('deflates the entries a file had stored', async () => {
    const zip = await JSZip.loadAsync(await buildUserWorkbook());
    const stored = await zip.generateAsync({ type: 'uint8array', compression: 'STORE' });
    usePlatformZlib(nodeZlib);
    const saved = await (await openXlsx(stored)).toBuffer();
    expect(readZipDirectory(saved).entries.every((e) => e.method === 8)).toBe(true);
    const [before, after] = await Promise.all([partsOf(stored), partsOf(saved)]);
    for (const [name, bytes] of before) expect(after.get(name)).toEqual(bytes);
  });
});

describe('a part written in chunks (Package.setChunks)', () => {
  const text = 'Tiếng Việt <row r="1"/> '.repeat(5000);
  const bytes = encode(text);
  const chunks = [bytes.subarray(0, 7), bytes.subarray(7, 40_000), bytes.subarray(40_000)];

  it("deflates from its chunks to the very entry its bytes joined give, with the joined bytes' CRC", async () => {
    expect(await nodeZlib.deflateRawChunks?.(chunks)).toEqual(nodeZlib.deflateRaw(bytes));
    usePlatformZlib(nodeZlib);
    const zipOf = async (set: (pkg: Package) => void): Promise<Uint8Array> => {
      const book = await openXlsx(null);
      const pkg = (book as unknown as { pkg: Package }).pkg;
      set(pkg);
      return pkg.toZip();
    };
    const [joined, chunked] = await Promise.all([
      zipOf((pkg) => pkg.setBytes('xl/part.xml', bytes)),
      zipOf((pkg) => pkg.setChunks('xl/part.xml', chunks)),
    ]);
    const entryOf = (zip: Uint8Array): { crc32: number; data: Uint8Array } => {
      const entry = readZipDirectory(zip).entries.find((e) => e.name === 'xl/part.xml');
      if (!entry) throw new Error('no xl/part.xml');
      return {
        crc32: entry.crc32,
        data: zip.subarray(entry.dataOffset, entry.dataOffset + entry.compressedSize),
      };
    };
    expect(entryOf(chunked)).toEqual(entryOf(joined));
    expect((await partsOf(chunked)).get('xl/part.xml')).toEqual(bytes);
  });

  it('reads as its bytes joined; its chunks give its start and its rest without joining them', async () => {
    const { pkg } = (await openXlsx(null)) as unknown as { pkg: Package };
    pkg.setChunks('xl/part.xml', chunks);
    expect(pkg.chunks('xl/part.xml')).toEqual(chunks);
    expect(byteLength(pkg.chunks('xl/part.xml'))).toBe(bytes.length);
    expect(leadingChunks(chunks, 8)).toEqual(chunks.slice(0, 2));
    expect(chunksFrom(chunks, 10)).toEqual([bytes.subarray(10, 40_000), bytes.subarray(40_000)]);
    expect(pkg.text('xl/part.xml')).toBe(text);
    expect(pkg.bytes('xl/part.xml')).toEqual(bytes);
  });
});
