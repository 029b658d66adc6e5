/**
 * The .xlsx reader against crafted input (issue 13), in process: the zip directory is judged before anything
 * is unzipped, parts are unzipped only when read and never past their limits, and every pass over file
 * content is linear — shown by the scanner's step counter while the input doubles, never by a clock.
 */
import { constants as zlibConstants, deflateRawSync } from 'node:zlib';

import { EXCEL, FILE_LIMITS } from '../../src/workbook/limits';
import { WorkbookError } from '../../src/workbook/port';
import { nodeZlib } from '../../src/workbook/xlsx/nodeZlib';
import { inflationCounter } from '../../src/workbook/xlsx/partInflate';
import { Package, targetLeavesPackage } from '../../src/workbook/xlsx/opc';
import { usePlatformZlib } from '../../src/workbook/xlsx/platformZlib';
import { scanSheet } from '../../src/workbook/xlsx/reader';
import { scanSteps, scanTags } from '../../src/workbook/xlsx/tagScan';
import { UnreadableWorkbookError } from '../../src/workbook/xlsx/unreadable';
import { parseXml, serializeXml, XmlDepthError } from '../../src/workbook/xlsx/xml';
import { openXlsx } from '../../src/workbook/xlsx/xlsxWorkbook';
import { readZipDirectory } from '../../src/workbook/xlsx/zipDirectory';
import { buildZip, deflateBomb, entriesOf, type RawEntry } from '../corpus/rawZip';

const MAIN_NS = 'http://schemas.openxmlformats.org/spreadsheetml/2006/main';

async function blankEntries(): Promise<RawEntry[]> {
  const book = await openXlsx({ firstSheet: 'Nhiệm vụ' });
  return entriesOf(await book.toBuffer());
}

function reasonOf(run: () => unknown): UnreadableWorkbookError['reason'] {
  try {
    run();
  } catch (error) {
    expect(error).toBeInstanceOf(UnreadableWorkbookError);
    return (error as UnreadableWorkbookError).reason;
  }
  throw new Error('expected the file to be refused');
}

async function asyncReasonOf(run: Promise<unknown>): Promise<UnreadableWorkbookError['reason']> {
  const error = await run.then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(UnreadableWorkbookError);
  expect((error as WorkbookError).code).toBe('unsupported');
  expect((error as Error).message).toMatch(/^Không đọc được tệp: /);
  return (error as UnreadableWorkbookError).reason;
}

/**
 * A tracker sheet that unzips to `size` bytes but declares 4 KB: reading it is refused as damaged, after
 * unzipping at most one chunk past the declared size.
 */
async function expectBombStopped(size: number): Promise<void> {
  const entries = await blankEntries();
  const sheet = entries.find((e) => /worksheets\/sheet\d+\.xml$/.test(e.name)) as RawEntry;
  const bomb = deflateBomb(`<worksheet xmlns="${MAIN_NS}"><sheetData>`, size, '</sheetData></worksheet>');
  Object.assign(sheet, { deflated: bomb, declaredSize: 4096, data: undefined });
  const before = inflationCounter.bytes;
  const book = await openXlsx(buildZip(entries));
  expect(await asyncReasonOf(book.read(['Nhiệm vụ']))).toEqual({ kind: 'damaged', part: sheet.name });
  expect(inflationCounter.bytes - before).toBeLessThan(64 * 1024);
}

describe('the zip directory, judged before anything is unzipped', () => {
  it('accepts a workbook and sums the sizes it declares', async () => {
    const entries = await blankEntries();
    const dir = readZipDirectory(buildZip(entries));
    expect(dir.entries.map((e) => e.name)).toEqual(entries.map((e) => e.name));
    expect(dir.unzippedBytes).toBe(entries.reduce((n, e) => n + (e.data as Uint8Array).length, 0));
  });

  it('refuses duplicate names, also in other case, rather than keep one copy', async () => {
    const entries = await blankEntries();
    const styles = entries.find((e) => e.name === 'xl/styles.xml') as RawEntry;
    expect(reasonOf(() => readZipDirectory(buildZip([...entries, { ...styles }])))).toEqual({
      kind: 'duplicateEntry',
      name: 'xl/styles.xml',
    });
    expect(
      reasonOf(() => readZipDirectory(buildZip([...entries, { ...styles, name: 'XL/Styles.xml' }]))),
    ).toEqual({ kind: 'duplicateEntry', name: 'XL/Styles.xml' });
  });

  it.each([
    '../../x.xml',
    '/abs.xml',
    '\\abs.xml',
    'C:/x.xml',
    'xl/../x.xml',
    'xl/./x.xml',
    'xl//x.xml',
    'a\\..\\x',
  ])('refuses the entry name %j rather than rename it', async (name) => {
    const entries = [...(await blankEntries()), { name, data: '<x/>' }];
    expect(reasonOf(() => readZipDirectory(buildZip(entries)))).toEqual({ kind: 'entryOutside', name });
  });

  it('names an encrypted zip, an encrypted workbook and an old .xls', async () => {
    const entries = await blankEntries();
    expect(reasonOf(() => readZipDirectory(buildZip(entries.map((e) => ({ ...e, flags: 1 })))))).toEqual({
      kind: 'encrypted',
    });
    const cfb = new Uint8Array(4096);
    cfb.set([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]);
    expect(reasonOf(() => readZipDirectory(cfb))).toEqual({ kind: 'legacyXls' });
    [...'EncryptedPackage'].forEach((ch, i) => (cfb[2000 + 2 * i] = ch.charCodeAt(0)));
    expect(reasonOf(() => readZipDirectory(cfb))).toEqual({ kind: 'encrypted' });
  });

  it('calls a cut-short zip damaged and anything else not an .xlsx', async () => {
    const bytes = buildZip(await blankEntries());
    expect(reasonOf(() => readZipDirectory(bytes.slice(0, bytes.length >> 1)))).toEqual({ kind: 'damaged' });
    expect(reasonOf(() => readZipDirectory(new TextEncoder().encode('Kế hoạch')))).toEqual({
      kind: 'notXlsx',
    });
  });

  it('refuses entries that share their data (how some bombs multiply a block)', async () => {
    const entries = await blankEntries();
    entries.push({ name: 'customXml/copy.xml', sameDataAs: 0 });
    expect(reasonOf(() => readZipDirectory(buildZip(entries)))).toEqual({ kind: 'damaged' });
  });

  it('refuses by declared sizes alone, reading Zip64 sizes past 4 GB', async () => {
    const entries = await blankEntries();
    const bomb = deflateBomb('<x>', 8 * 1024 * 1024, '</x>');
    const huge = [...entries, { name: 'xl/media/big.bin', deflated: bomb, declaredSize: 5 * 1024 ** 3 }];
    expect(reasonOf(() => readZipDirectory(buildZip(huge)))).toMatchObject({
      kind: 'limit',
      limit: 'unzippedBytes',
    });
  });

  it(`refuses more than ${FILE_LIMITS.maxZipEntries} entries`, async () => {
    const entries = await blankEntries();
    for (let i = 0; i <= FILE_LIMITS.maxZipEntries; i += 1) entries.push({ name: `e/${i}.xml`, data: '' });
    expect(reasonOf(() => readZipDirectory(buildZip(entries)))).toMatchObject({
      kind: 'limit',
      limit: 'zipEntries',
    });
  });
});

describe('parts unzipped only when read, within their limits', () => {
  const orphanSize = 2 * 1024 ** 3;

  it('never unzips a part nothing reads, and saves it as the bytes it came as', async () => {
    const entries = await blankEntries();
    const bomb = deflateBomb('', orphanSize, '');
    // Its directory claims 1 KB: an honest claim would be refused outright (the whole package's limit).
    entries.push({ name: 'xl/media/orphan.bin', deflated: bomb, declaredSize: 1024 });
    const before = inflationCounter.bytes;
    const book = await openXlsx(buildZip(entries));
    await book.read(['Nhiệm vụ']);
    await book.apply({ write: [], updates: [{ sheet: 'Nhiệm vụ', cell: 'A1', value: 'Nhiệm vụ' }] });
    const saved = await book.toBuffer();
    // Everything unzipped is the small parts of a blank workbook.
    expect(inflationCounter.bytes - before).toBeLessThan(64 * 1024);
    const dir = readZipDirectory(saved);
    const orphan = dir.entries.find((e) => e.name === 'xl/media/orphan.bin');
    expect(orphan).toMatchObject({ compressedSize: bomb.length, uncompressedSize: 1024 });
    const start = (orphan?.localOffset ?? 0) + 30 + 'xl/media/orphan.bin'.length;
    expect(Buffer.from(saved.subarray(start, start + bomb.length)).equals(Buffer.from(bomb))).toBe(true);
  });

  it('stops unzipping a part one chunk past the size it declared, and calls the file damaged', async () => {
    await expectBombStopped(orphanSize);
  });

  it(`refuses a part that would unzip past ${FILE_LIMITS.maxPartBytes / 2 ** 20} MB before unzipping it`, async () => {
    const entries = await blankEntries();
    const sheet = entries.find((e) => /worksheets\/sheet\d+\.xml$/.test(e.name)) as RawEntry;
    const size = FILE_LIMITS.maxPartBytes + 1024 * 1024;
    Object.assign(sheet, { deflated: deflateBomb('', size, ''), declaredSize: size, data: undefined });
    const before = inflationCounter.bytes;
    const book = await openXlsx(buildZip(entries));
    expect(await asyncReasonOf(book.read(['Nhiệm vụ']))).toMatchObject({
      kind: 'limit',
      limit: 'partBytes',
      part: sheet.name,
    });
    // Only the blank workbook's small parts were unzipped, not a byte of the sheet.
    expect(inflationCounter.bytes - before).toBeLessThan(64 * 1024);
  });

  it.each([
    ['xl/workbook.xml', '../../../x.xml', true],
    ['xl/workbook.xml', '../x.xml', false],
    ['', '/xl/workbook.xml', false],
    ['xl/workbook.xml', 'file:///etc/passwd', true],
    ['xl/worksheets/sheet1.xml', '../../../../x', true],
  ])('from %s, the target %j leaves the package: %s', (source, target, leaves) => {
    expect(targetLeavesPackage(source, target)).toBe(leaves);
  });

  it('refuses a relationship pointing outside the package', async () => {
    const entries = await blankEntries();
    const rels = entries.find((e) => e.name === 'xl/_rels/workbook.xml.rels') as RawEntry;
    rels.data = new TextDecoder()
      .decode(rels.data as Uint8Array)
      .replace(
        '</Relationships>',
        '<Relationship Id="rX" Type="t" Target="../../evil.xml"/></Relationships>',
      );
    expect(await asyncReasonOf(Package.load(buildZip(entries)))).toEqual({
      kind: 'relationshipOutside',
      source: 'xl/_rels/workbook.xml.rels',
      target: '../../evil.xml',
    });
  });
});

describe('nesting', () => {
  it(`parseXml refuses elements nested deeper than ${FILE_LIMITS.maxXmlDepth}, so no walk overflows the stack`, () => {
    const deep = (n: number): string => '<a>'.repeat(n) + '</a>'.repeat(n);
    const ok = parseXml(deep(FILE_LIMITS.maxXmlDepth));
    expect(serializeXml(parseXml(serializeXml(ok)))).toBe(serializeXml(ok));
    expect(() => parseXml(deep(FILE_LIMITS.maxXmlDepth + 1))).toThrow(XmlDepthError);
    expect(() => parseXml(deep(200_000))).toThrow(XmlDepthError);
  });

  it('the tag scanner refuses it too', () => {
    expect(() => scanTags('<a>'.repeat(200_000), () => undefined)).toThrow(XmlDepthError);
  });
});

describe("Excel's grid, before anything is allocated", () => {
  const sheet = (data: string): string =>
    `<worksheet xmlns="${MAIN_NS}"><sheetData>${data}</sheetData></worksheet>`;

  it.each([
    ['<row r="99999999999"><c r="A99999999999"><v>1</v></c></row>', 'rows', 99_999_999_999],
    ['<row r="1048577"/>', 'rows', EXCEL.maxRows + 1],
    ['<row r="1"><c r="A1048577"><v>1</v></c></row>', 'rows', EXCEL.maxRows + 1],
    ['<row r="1"><c r="XFE1"><v>1</v></c></row>', 'columns', EXCEL.maxColumns + 1],
    ['<row r="1"><c r="ABCDEFG1"><v>1</v></c></row>', 'columns', EXCEL.maxColumns + 1],
  ])('%s is refused (%s)', (data, limit, found) => {
    expect(reasonOf(() => scanSheet(sheet(data), 'Nhiệm vụ'))).toEqual({
      kind: 'limit',
      limit,
      max: limit === 'rows' ? EXCEL.maxRows : EXCEL.maxColumns,
      sheet: 'Nhiệm vụ',
      found,
    });
  });

  it('a column range past XFD is refused', () => {
    const text = `<worksheet xmlns="${MAIN_NS}"><cols><col min="1" max="99999999"/></cols><sheetData/></worksheet>`;
    expect(reasonOf(() => scanSheet(text, 'S'))).toMatchObject({ limit: 'columns', found: 99_999_999 });
  });

  it('a cell whose only content is an empty element (a shared formula\'s <f t="shared" si="0"/>) holds content', () => {
    const scan = scanSheet(
      sheet('<row r="3"><c r="L3" s="19"><f t="shared" si="0"/></c><c r="XFD3" s="1"/></row>'),
      'S',
    );
    expect(scan.contentEnd.get(3)).toBe(12);
    expect(scan.lastCol).toBe(EXCEL.maxColumns);
  });

  it('the last row and column of XFD1048576 are read', () => {
    const scan = scanSheet(sheet('<row r="1048576"><c r="XFD1048576" s="2"/></row>'), 'S');
    expect(scan).toMatchObject({
      lastRow: EXCEL.maxRows,
      lastCol: EXCEL.maxColumns,
      cells: [EXCEL.maxRows, EXCEL.maxColumns],
    });
    // Formatted but empty: it widens the used range, yet the row holds no value to read.
    expect(scan.contentEnd.size).toBe(0);
  });
});

describe('every pass over file content is linear', () => {
  /** Scanner steps for a sheet holding `body(n)`, for n, 2n, 4n, 8n; each doubling must about double them. */
  function growth(body: (n: number) => string, n: number): number[] {
    const steps = [n, 2 * n, 4 * n, 8 * n].map((size) => {
      const text = `<worksheet xmlns="${MAIN_NS}"><sheetData>${body(size)}</sheetData></worksheet>`;
      const before = scanSteps.count;
      try {
        scanSheet(text, 'S');
      } catch {
        // refused (a tag cut short): the steps taken to find out still count
      }
      return scanSteps.count - before;
    });
    return steps.slice(1).map((s, i) => s / steps[i]);
  }

  it.each<[string, (n: number) => string]>([
    ['a million "<c" in a comment', (n) => `<!--${'<c'.repeat(n)}-->`],
    ['"<c " never closed by ">"', (n) => `<row r="1">${'<c '.repeat(n)}`],
    ['formatted empty cells, a row each', (n) => '<row><c r="B1" s="1"/></row>'.repeat(n)],
    [
      'ordinary cells',
      (n) => '<row><c r="A1" s="3"><v>1</v></c><c r="B1" t="inlineStr"><is><t>x</t></is></c></row>'.repeat(n),
    ],
    [
      'one tag with ever more attributes',
      (n) => `<row r="1"><c ${'a="1" '.repeat(n)}r="A1"><v>1</v></c></row>`,
    ],
    [
      'formula results full of entities',
      (n) => `<row r="1"><c r="A1" t="str"><f>x</f><v>${'&amp;'.repeat(n)}</v></c></row>`,
    ],
    ['an unterminated comment', (n) => `<!--${'<c r="A1">'.repeat(n)}`],
    ['a quote never closed in a tag', (n) => `<row r="1"><c r="${'A'.repeat(n)}`],
  ])('%s: the work doubles with the input', (_name, body) => {
    for (const ratio of growth(body, 50_000)) {
      expect(ratio).toBeGreaterThan(1.8);
      expect(ratio).toBeLessThan(2.2);
    }
  });

  it('reading a whole workbook grows linearly with a comment of ever more "<c"', async () => {
    const entries = await blankEntries();
    const sheet = entries.find((e) => /worksheets\/sheet\d+\.xml$/.test(e.name)) as RawEntry;
    const original = new TextDecoder().decode(sheet.data as Uint8Array);
    const steps: number[] = [];
    for (const n of [125_000, 250_000, 500_000, 1_000_000]) {
      const text = original.replace(
        /<sheetData\/>|<sheetData>/,
        (m) =>
          `${m === '<sheetData/>' ? '<sheetData>' : m}<!--${'<c'.repeat(n)}-->${m === '<sheetData/>' ? '</sheetData>' : ''}`,
      );
      sheet.data = new TextEncoder().encode(text);
      const book = await openXlsx(buildZip(entries));
      const before = scanSteps.count;
      await book.read(['Nhiệm vụ']);
      steps.push(scanSteps.count - before);
    }
    for (let i = 1; i < steps.length; i += 1) {
      expect(steps[i] / steps[i - 1]).toBeGreaterThan(1.8);
      expect(steps[i] / steps[i - 1]).toBeLessThan(2.2);
    }
  });
});

describe("Node's zlib in place of JSZip (the CLI's unzipper, platformZlib.ts)", () => {
  afterEach(() => usePlatformZlib(undefined));

  /** Every part of the package at `bytes`, unzipped. */
  async function partsOf(bytes: Uint8Array): Promise<Map<string, Uint8Array>> {
    const pkg = await Package.load(bytes);
    await pkg.inflate(pkg.names());
    return new Map(pkg.names().map((name) => [name, pkg.bytes(name)]));
  }

  it('unzips every part, deflated or stored, to the same bytes as JSZip', async () => {
    const entries = await blankEntries();
    entries.push({ name: 'xl/media/stored.bin', data: new Uint8Array([1, 2, 3, 0, 255]), method: 0 });
    entries.push({ name: 'xl/media/empty.bin', data: new Uint8Array(0) });
    const zip = buildZip(entries);
    const viaJsZip = await partsOf(zip);
    usePlatformZlib(nodeZlib);
    const viaZlib = await partsOf(zip);
    expect([...viaZlib.keys()]).toEqual([...viaJsZip.keys()]);
    for (const [name, bytes] of viaJsZip)
      expect(Buffer.from(viaZlib.get(name) as Uint8Array)).toEqual(Buffer.from(bytes));
  });

  it('stops at the declared size of a part that would unzip to more, and calls the file damaged', async () => {
    usePlatformZlib(nodeZlib);
    await expectBombStopped(64 * 1024 * 1024);
  });

  it('calls a part damaged whose data is not DEFLATE, is cut short, or unzips to less than declared', async () => {
    usePlatformZlib(nodeZlib);
    const changes: ((sheet: RawEntry) => Partial<RawEntry>)[] = [
      () => ({ deflated: new Uint8Array([0xff, 0xff, 0xff, 0xff]), declaredSize: 100 }),
      () => ({ deflated: deflateBomb('<worksheet/>', 10, ''), declaredSize: 100 }),
      // Every byte there, but the stream's last block missing: JSZip calls it damaged too.
      (sheet) => ({
        deflated: new Uint8Array(
          deflateRawSync(sheet.data as Uint8Array, { finishFlush: zlibConstants.Z_SYNC_FLUSH }),
        ),
        declaredSize: (sheet.data as Uint8Array).length,
      }),
    ];
    for (const change of changes) {
      const entries = await blankEntries();
      const sheet = entries.find((e) => /worksheets\/sheet\d+\.xml$/.test(e.name)) as RawEntry;
      Object.assign(sheet, { ...change(sheet), data: undefined });
      const book = await openXlsx(buildZip(entries));
      expect(await asyncReasonOf(book.read(['Nhiệm vụ']))).toEqual({ kind: 'damaged', part: sheet.name });
    }
  });
});
