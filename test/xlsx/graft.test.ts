/**
 * Writing sheets into a workbook the user made: everything that is not written stays as it was, byte for
 * byte (other sheets, charts, pictures, notes, macros, defined names, custom XML); what a replaced sheet
 * takes with it is reported; protected sheets are refused.
 */
import ExcelJS from 'exceljs';
import JSZip from 'jszip';

import { openXlsx } from '../../src/workbook/xlsx/xlsxWorkbook';
import {
  buildSdkStyleWorkbook,
  buildUserWorkbook,
  CHART_PART,
  CHARTSHEET_CHART_PART,
  featureTrackerSpec,
  listsSpec,
  USER_SHEETS,
  expectWorkbookError,
  loadExcelJs,
} from '../support/userWorkbook';
import { partsOf, partText } from '../support/xlsxZip';

interface PartDiff {
  added: string[];
  removed: string[];
  changed: string[];
}

async function diffParts(before: Uint8Array, after: Uint8Array): Promise<PartDiff> {
  const a = await partsOf(before);
  const b = await partsOf(after);
  const same = (x: Uint8Array, y: Uint8Array): boolean =>
    x.length === y.length && x.every((v, i) => v === y[i]);
  return {
    added: [...b.keys()].filter((k) => !a.has(k)).sort(),
    removed: [...a.keys()].filter((k) => !b.has(k)).sort(),
    changed: [...a.keys()]
      .filter((k) => b.has(k) && !same(a.get(k) as Uint8Array, b.get(k) as Uint8Array))
      .sort(),
  };
}

describe('replacing and adding sheets in a user workbook', () => {
  let original: Uint8Array;
  let output: Uint8Array;
  let diff: PartDiff;

  beforeAll(async () => {
    original = await buildUserWorkbook({ chartOn: 'Báo cáo quý', vba: true });
    const wb = await openXlsx(original);
    await wb.apply({ write: [featureTrackerSpec(), listsSpec()] });
    expect(wb.lossReport()).toEqual([]);
    output = await wb.toBuffer();
    diff = await diffParts(original, output);
  });

  it('keeps the replaced sheet at its tab position and adds new sheets at the end', async () => {
    const snapshot = await (await openXlsx(output)).read([]);
    expect(snapshot.sheets.map((s) => s.name)).toEqual([...USER_SHEETS, 'Danh mục']);
    const workbookXml = await partText(output, 'xl/workbook.xml');
    // Same sheetId and relationship as before for the replaced sheet.
    const ids = (xml: string): string[] => {
      const tag = new RegExp(`<sheet [^>]*name="Nhiệm vụ"[^>]*/>`).exec(xml)?.[0] ?? '';
      return [/sheetId="(\d+)"/.exec(tag)?.[1] ?? '', /r:id="([^"]+)"/.exec(tag)?.[1] ?? ''];
    };
    expect(ids(workbookXml)).toEqual(ids(await partText(original, 'xl/workbook.xml')));
    expect(ids(workbookXml)).toEqual(['3', 'rId6']);
  });

  it('changes only the parts it must, and leaves every other part byte for byte', () => {
    expect(diff.changed).toEqual([
      '[Content_Types].xml',
      'xl/_rels/workbook.xml.rels',
      'xl/styles.xml',
      'xl/workbook.xml',
      'xl/worksheets/sheet3.xml',
    ]);
    expect(diff.added).toEqual([
      'xl/tables/table1.xml',
      'xl/worksheets/_rels/sheet3.xml.rels',
      'xl/worksheets/sheet5.xml',
    ]);
    // The calculation chain is dropped on purpose: Excel rebuilds it.
    expect(diff.removed).toEqual(['xl/calcChain.xml']);
  });

  it('keeps the other sheets’ cells: values, formulas and number formats', async () => {
    const others = ['Hướng dẫn', 'Báo cáo quý', 'Cài đặt'];
    const before = await (await openXlsx(original)).read(others);
    const after = await (await openXlsx(output)).read(others);
    expect(after.contents).toEqual(before.contents);
    expect(after.contents['Báo cáo quý'].values[4][1]).toBe(60);
    expect(after.contents['Báo cáo quý'].formulas[4][1]).toBe('=SUM(B2:B4)');
    expect(after.contents['Báo cáo quý'].values[1][2]).toBe(45_747);
    expect(after.contents['Báo cáo quý'].numberFormats[1][2]).toBe('dd/mm/yyyy');
  });

  it('keeps the other sheets’ formats valid after the stylesheet grew', async () => {
    const excel = await loadExcelJs(output);
    expect((excel.getWorksheet('Hướng dẫn') as ExcelJS.Worksheet).getCell('A1').font).toMatchObject({
      name: 'Times New Roman',
      size: 14,
      bold: true,
    });
    expect((excel.getWorksheet('Báo cáo quý') as ExcelJS.Worksheet).getCell('A1').fill).toMatchObject({
      fgColor: { argb: 'FFFFFF00' },
    });
    expect((excel.getWorksheet('Nhiệm vụ') as ExcelJS.Worksheet).getCell('A1').font).toMatchObject({
      bold: true,
      size: 13,
    });
  });

  it('keeps defined names (formula names and sheet-scoped ones too) and adds the print names', async () => {
    const xml = await partText(output, 'xl/workbook.xml');
    expect(xml).toContain(`<definedName name="DanhSachQuy">'Báo cáo quý'!$A$2:$A$4</definedName>`);
    expect(xml).toContain(
      `<definedName name="SoViecDong">OFFSET('Báo cáo quý'!$B$2,0,0,COUNTA('Báo cáo quý'!$B:$B)-1,1)</definedName>`,
    );
    expect(xml).toContain(`<definedName name="TenRieng" localSheetId="3">'Cài đặt'!$B$1</definedName>`);
    expect(xml).toContain(
      `<definedName name="_xlnm.Print_Area" localSheetId="2">'Nhiệm vụ'!$A$1:$F$5</definedName>`,
    );
    expect(xml).toMatch(/<calcPr [^>]*fullCalcOnLoad="1"/);
    expect(await partText(output, 'xl/_rels/workbook.xml.rels')).not.toContain('calcChain');
    expect(await partText(output, '[Content_Types].xml')).not.toContain('calcChain');
  });

  it('keeps the chart, the picture, the macros and custom XML', async () => {
    expect(diff.changed).not.toContain(CHART_PART);
    const types = await partText(output, '[Content_Types].xml');
    expect(types).toContain('application/vnd.ms-excel.sheet.macroEnabled.main+xml');
    expect(types).toContain('/xl/charts/chart1.xml');
    const parts = await partsOf(output);
    for (const part of [
      'xl/vbaProject.bin',
      'customXml/item1.xml',
      'xl/media/image1.png',
      'xl/drawings/drawing1.xml',
      'xl/comments1.xml',
    ]) {
      expect(parts.has(part)).toBe(true);
    }
  });

  it('writes the new sheets readable by the adapter', async () => {
    const snapshot = await (await openXlsx(output)).read(['Nhiệm vụ', 'Danh mục']);
    expect(snapshot.contents['Nhiệm vụ'].values[1].slice(0, 2)).toEqual([1, '=1+1']);
    expect(snapshot.contents['Nhiệm vụ'].tables).toEqual([{ name: 'tblNhiemVu', range: 'A1:F5' }]);
    expect(snapshot.contents['Danh mục'].values).toEqual([['Tình trạng'], ['Chưa'], ['Đang làm'], ['Xong']]);
    expect(snapshot.sheets.find((s) => s.name === 'Danh mục')?.visibility).toBe('veryHidden');
  });
});

describe('what a replaced sheet takes with it', () => {
  it('names a chart on a replaced sheet, refuses to save without allowLoss, and saves with it', async () => {
    const original = await buildUserWorkbook({ chartOn: 'Nhiệm vụ' });
    const wb = await openXlsx(original);
    await wb.apply({ write: [featureTrackerSpec()] });
    expect(wb.lossReport()).toEqual(["biểu đồ trên trang tính 'Nhiệm vụ' (xl/charts/chart1.xml)"]);
    const error = await expectWorkbookError(wb.toBuffer(), 'unsupported');
    expect(error.message).toContain("biểu đồ trên trang tính 'Nhiệm vụ' (xl/charts/chart1.xml)");
    const output = await wb.toBuffer({ allowLoss: true });
    const diff = await diffParts(original, output);
    expect(diff.removed).toEqual([
      'xl/calcChain.xml',
      'xl/charts/chart1.xml',
      'xl/drawings/_rels/drawingChart3.xml.rels',
      'xl/drawings/drawingChart3.xml',
    ]);
    const types = await partText(output, '[Content_Types].xml');
    expect(types).not.toContain('chart1.xml');
    expect(types).not.toContain('drawingChart3.xml');
  });

  it('names notes on a replaced sheet', async () => {
    const wb = await openXlsx(await buildUserWorkbook({ noteOnTasks: true }));
    await wb.apply({ write: [featureTrackerSpec()] });
    expect(wb.lossReport()).toEqual(["ghi chú (comment) trên trang tính 'Nhiệm vụ' (xl/comments3.xml)"]);
  });

  it('does not report the old table of a replaced sheet, and keeps table names and ids unique', async () => {
    const wb = await openXlsx(await buildUserWorkbook({ tableOnQuarter: 'tblQuy' }));
    await wb.apply({ write: [featureTrackerSpec()] });
    await wb.apply({ write: [featureTrackerSpec()] });
    expect(wb.lossReport()).toEqual([]);
    const output = await wb.toBuffer();
    const parts = [...(await partsOf(output)).keys()].filter((p) => p.startsWith('xl/tables/'));
    expect(parts).toHaveLength(2);
    const ids = await Promise.all(
      parts.map(async (p) => /<table [^>]*\bid="(\d+)"/.exec(await partText(output, p))?.[1]),
    );
    expect(new Set(ids).size).toBe(2);
    const snapshot = await (await openXlsx(output)).read(['Báo cáo quý', 'Nhiệm vụ']);
    expect(snapshot.contents['Báo cáo quý'].tables).toEqual([{ name: 'tblQuy', range: 'E1:E2' }]);
    expect(snapshot.contents['Nhiệm vụ'].tables).toEqual([{ name: 'tblNhiemVu', range: 'A1:F5' }]);
  });

  it('refuses a table name that another sheet’s table already uses', async () => {
    const wb = await openXlsx(await buildUserWorkbook({ tableOnQuarter: 'TBLNHIEMVU' }));
    const error = await expectWorkbookError(wb.apply({ write: [featureTrackerSpec()] }), 'unsupported');
    expect(error.message).toContain('tblNhiemVu');
  });

  it('does not grow the stylesheet when the same sheet is written again', async () => {
    const wb = await openXlsx(await buildUserWorkbook());
    await wb.apply({ write: [featureTrackerSpec()] });
    const once = await partText(await wb.toBuffer(), 'xl/styles.xml');
    await wb.apply({ write: [featureTrackerSpec()] });
    await wb.apply({ write: [featureTrackerSpec()] });
    expect(await partText(await wb.toBuffer(), 'xl/styles.xml')).toBe(once);
  });
});

describe('protection', () => {
  it('reports protected sheets and refuses to write them before changing anything', async () => {
    const original = await buildUserWorkbook({ protect: 'Cài đặt' });
    const wb = await openXlsx(original);
    const snapshot = await wb.read([]);
    expect(snapshot.sheets.find((s) => s.name === 'Cài đặt')?.protected).toBe(true);
    expect(snapshot.sheets.find((s) => s.name === 'Nhiệm vụ')?.protected).toBe(false);
    const error = await expectWorkbookError(
      wb.apply({ write: [featureTrackerSpec(), { name: 'Cài đặt', kind: 'settings', cells: [['x']] }] }),
      'sheetProtected',
    );
    expect(error.sheet).toBe('Cài đặt');
    expect(error.message).toContain('"Cài đặt"');
    await expectWorkbookError(
      wb.apply({ write: [], updates: [{ sheet: 'cài đặt', cell: 'B1', value: 'x' }] }),
      'sheetProtected',
    );
    const diff = await diffParts(original, await wb.toBuffer());
    expect(diff).toEqual({ added: [], removed: [], changed: [] });
  });

  it('refuses to add sheets when the workbook structure is protected, with the Office adapter’s code', async () => {
    const zip = await JSZip.loadAsync(await buildUserWorkbook());
    const xml = await partText(await zip.generateAsync({ type: 'uint8array' }), 'xl/workbook.xml');
    zip.file('xl/workbook.xml', xml.replace('<sheets>', '<workbookProtection lockStructure="1"/><sheets>'));
    const wb = await openXlsx(await zip.generateAsync({ type: 'uint8array' }));
    const error = await expectWorkbookError(wb.apply({ write: [listsSpec()] }), 'structureProtected');
    expect(error.sheet).toBeUndefined();
    expect(error.message).toContain('Protect Workbook');
    // Cell updates are still allowed.
    await wb.apply({ write: [], updates: [{ sheet: 'Cài đặt', cell: 'B1', value: 'Xã mới' }] });
  });
});

describe('cell updates in a user workbook', () => {
  it('changes only the updated sheet (the date format already had a cell format to reuse)', async () => {
    const original = await buildUserWorkbook({ chartOn: 'Báo cáo quý' });
    const wb = await openXlsx(original);
    await wb.apply({
      write: [],
      updates: [
        { sheet: 'Cài đặt', cell: 'B1', value: 'Long Điền A mới' },
        { sheet: 'Cài đặt', cell: 'B3', value: 46_178, numberFormat: 'dd/mm/yyyy' },
      ],
    });
    const output = await wb.toBuffer();
    const diff = await diffParts(original, output);
    expect(diff.changed).toEqual([
      '[Content_Types].xml',
      'xl/_rels/workbook.xml.rels',
      'xl/workbook.xml',
      'xl/worksheets/sheet4.xml',
    ]);
    expect(diff.removed).toEqual(['xl/calcChain.xml']);
    const settings = (await (await openXlsx(output)).read(['Cài đặt'])).contents['Cài đặt'];
    expect(settings.values.map((row) => row[1])).toEqual(['Long Điền A mới', 2025, 46_178, 2026]);
    expect(settings.numberFormats[2][1]).toBe('dd/mm/yyyy');
    expect(settings.formulas[3][1]).toBe('=B2+1');
    // The shared-string table is left alone: the new text is an inline string.
    expect(diff.changed).not.toContain('xl/sharedStrings.xml');
  });

  it('adds a cell format when the number format is new', async () => {
    const original = await buildUserWorkbook();
    const wb = await openXlsx(original);
    await wb.apply({
      write: [],
      updates: [{ sheet: 'Cài đặt', cell: 'B2', value: 2026, numberFormat: '0" năm"' }],
    });
    const output = await wb.toBuffer();
    expect((await diffParts(original, output)).changed).toContain('xl/styles.xml');
    const settings = (await (await openXlsx(output)).read(['Cài đặt'])).contents['Cài đặt'];
    expect(settings.values[1][1]).toBe(2026);
    expect(settings.numberFormats[1][1]).toBe('0" năm"');
  });
});

describe('ExcelJS on its own (why the adapter grafts instead of re-saving)', () => {
  it('drops charts, macros, custom XML, formula names and sheet scopes when it re-saves a workbook', async () => {
    const original = await buildUserWorkbook({ chartOn: 'Báo cáo quý', vba: true });
    const workbook = await loadExcelJs(original);
    const resaved = new Uint8Array((await workbook.xlsx.writeBuffer()) as ArrayBuffer);
    const diff = await diffParts(original, resaved);
    expect(diff.removed).toEqual(
      expect.arrayContaining([CHART_PART, 'xl/vbaProject.bin', 'customXml/item1.xml']),
    );
    const xml = await partText(resaved, 'xl/workbook.xml');
    expect(xml).not.toContain('SoViecDong');
    expect(xml).toMatch(/<definedName name="TenRieng">/); // no longer scoped to its sheet
  });
});

describe('a workbook written by the Open XML SDK', () => {
  it('reads it, writes into it, and keeps its namespaces and content types consistent', async () => {
    const original = await buildSdkStyleWorkbook();
    const wb = await openXlsx(original);
    const before = await wb.read(['Dữ liệu']);
    expect(before.contents['Dữ liệu'].values).toEqual([
      ['Tên xã', 'Long Điền A'],
      ['Năm', 2025],
      ['Năm sau', 2026],
    ]);
    expect(before.contents['Dữ liệu'].formulas[2]).toEqual([null, '=B2+1']);

    await wb.apply({
      write: [featureTrackerSpec()],
      updates: [
        { sheet: 'Dữ liệu', cell: 'B1', value: 'Xã mới' },
        { sheet: 'Dữ liệu', cell: 'B4', value: 46_000, numberFormat: 'dd/mm/yyyy' },
      ],
    });
    const output = await wb.toBuffer();
    const diff = await diffParts(original, output);
    expect(diff.removed).toEqual([]);
    expect(diff.added).toEqual([
      'xl/styles.xml',
      'xl/tables/table1.xml',
      'xl/worksheets/_rels/sheet1.xml.rels',
      'xl/worksheets/sheet1.xml',
    ]);

    const workbookXml = await partText(output, 'xl/workbook.xml');
    // New elements use the document's prefix; the relationships namespace is declared where it is used.
    expect(workbookXml).toMatch(
      /^<\?xml[^>]*\?><x:workbook xmlns:x="[^"]+" xmlns:r="http:\/\/schemas.openxmlformats.org\/officeDocument\/2006\/relationships">/,
    );
    expect(workbookXml).toContain('<x:sheet name="Nhiệm vụ" sheetId="2" r:id="');
    expect(workbookXml).toContain('<x:calcPr fullCalcOnLoad="1"/>');
    expect(workbookXml).toContain('<x:definedName name="_xlnm.Print_Area" localSheetId="1">');
    const types = await partText(output, '[Content_Types].xml');
    for (const part of ['/xl/styles.xml', '/xl/tables/table1.xml', '/xl/worksheets/sheet1.xml']) {
      expect(types).toContain(`PartName="${part}"`);
    }
    expect(await partText(output, 'xl/worksheets/sheet.xml')).toContain(
      '<x:c r="B1" t="inlineStr"><x:is><x:t>Xã mới</x:t></x:is></x:c>',
    );

    const after = await (await openXlsx(output)).read(['Dữ liệu', 'Nhiệm vụ']);
    expect(after.contents['Dữ liệu'].values.map((row) => row[1])).toEqual(['Xã mới', 2025, 2026, 46_000]);
    expect(after.contents['Dữ liệu'].numberFormats[3][1]).toBe('dd/mm/yyyy');
    expect(after.contents['Nhiệm vụ'].tables).toEqual([{ name: 'tblNhiemVu', range: 'A1:F5' }]);
    // The new sheet's formats point into the stylesheet made for the workbook.
    // (ExcelJS itself cannot load this workbook at all: it does not know the "x:" prefix.)
    expect(after.contents['Nhiệm vụ'].numberFormats[1][2]).toBe('dd/mm/yyyy');
    expect(await partText(output, 'xl/styles.xml')).toContain('<name val="Times New Roman"/>');
  });
});

describe('chartsheets', () => {
  it('lists a chartsheet, reads it as empty, and replaces it with a worksheet at the same tab', async () => {
    const original = await buildUserWorkbook({ chartsheet: 'Biểu đồ' });
    const wb = await openXlsx(original);
    const snapshot = await wb.read(['Biểu đồ', 'Báo cáo quý']);
    expect(snapshot.sheets.map((s) => s.name)).toEqual([...USER_SHEETS, 'Biểu đồ']);
    expect(snapshot.contents['Biểu đồ'].values).toEqual([]);
    expect(snapshot.contents['Báo cáo quý'].values[4][1]).toBe(60);

    await wb.apply({ write: [{ name: 'Biểu đồ', kind: 'summary', cells: [['Không còn là biểu đồ']] }] });
    expect(wb.lossReport()).toEqual([`biểu đồ trên trang tính 'Biểu đồ' (${CHARTSHEET_CHART_PART})`]);
    const output = await wb.toBuffer({ allowLoss: true });
    const diff = await diffParts(original, output);
    expect(diff.removed).toEqual([
      'xl/calcChain.xml',
      'xl/charts/chart9.xml',
      'xl/chartsheets/_rels/sheet1.xml.rels',
      'xl/chartsheets/sheet1.xml',
      'xl/drawings/_rels/drawingSheet9.xml.rels',
      'xl/drawings/drawingSheet9.xml',
    ]);
    expect(diff.added).toEqual(['xl/worksheets/sheet5.xml']);
    const rels = await partText(output, 'xl/_rels/workbook.xml.rels');
    expect(rels).toMatch(/Id="rIdChartsheet" Type="[^"]+\/worksheet" Target="worksheets\/sheet5.xml"/);
    const types = await partText(output, '[Content_Types].xml');
    expect(types).not.toContain('chartsheet');
    const after = await (await openXlsx(output)).read(['Biểu đồ']);
    expect(after.sheets.map((s) => s.name)).toEqual([...USER_SHEETS, 'Biểu đồ']);
    expect(after.contents['Biểu đồ'].values).toEqual([['Không còn là biểu đồ']]);
  });

  it('refuses cell updates on a chartsheet', async () => {
    const wb = await openXlsx(await buildUserWorkbook({ chartsheet: 'Biểu đồ' }));
    await expectWorkbookError(
      wb.apply({ write: [], updates: [{ sheet: 'Biểu đồ', cell: 'A1', value: 1 }] }),
      'unsupported',
    );
  });
});

describe('names scoped to a replaced sheet', () => {
  it('go with the sheet, as in Excel, and are reported', async () => {
    const wb = await openXlsx(await buildUserWorkbook());
    await wb.apply({ write: [{ name: 'Cài đặt', kind: 'settings', cells: [['Tên xã', 'Long Điền A']] }] });
    expect(wb.lossReport()).toEqual(["tên vùng 'TenRieng' chỉ dùng trên trang tính 'Cài đặt'"]);
    const xml = await partText(await wb.toBuffer({ allowLoss: true }), 'xl/workbook.xml');
    expect(xml).not.toContain('TenRieng');
    expect(xml).toContain('SoViecDong');
  });
});

describe('workbooks that make ExcelJS alone slow and memory-hungry', () => {
  // ExcelJS expands a validation or a defined name over a whole column cell by cell (a full load of this
  // small workbook takes seconds and ~400 MB); the adapter never gives those parts to ExcelJS.
  it('reads and writes despite whole-column validations and names', async () => {
    const zip = await JSZip.loadAsync(await buildUserWorkbook());
    const sheet = await partText(await zip.generateAsync({ type: 'uint8array' }), 'xl/worksheets/sheet2.xml');
    zip.file(
      'xl/worksheets/sheet2.xml',
      sheet.replace(
        '<pageMargins',
        '<dataValidations count="1"><dataValidation type="list" allowBlank="1" sqref="D1:D1048576"><formula1>"a,b"</formula1></dataValidation></dataValidations><pageMargins',
      ),
    );
    const workbook = await partText(await zip.generateAsync({ type: 'uint8array' }), 'xl/workbook.xml');
    zip.file(
      'xl/workbook.xml',
      workbook.replace(
        '<definedNames>',
        `<definedNames><definedName name="CaCot">'Báo cáo quý'!$A$1:$A$1048576</definedName>`,
      ),
    );
    const started = Date.now();
    const wb = await openXlsx(await zip.generateAsync({ type: 'uint8array' }));
    const snapshot = await wb.read(['Báo cáo quý']);
    await wb.apply({ write: [featureTrackerSpec()] });
    const output = await wb.toBuffer();
    expect(Date.now() - started).toBeLessThan(10_000); // a generous bound for a loaded CI machine
    expect(snapshot.contents['Báo cáo quý'].values[4][1]).toBe(60);
    expect(await partText(output, 'xl/workbook.xml')).toContain('CaCot');
  });
});
