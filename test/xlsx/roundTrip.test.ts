/**
 * SheetSpec → .xlsx → back: every feature of a spec written by the adapter, checked by reading it again
 * through the adapter, through ExcelJS's full model, and in the XML where ExcelJS does not look.
 */
import ExcelJS from 'exceljs';

import { fingerprintGrid, fingerprintSpec } from '../../src/sheets/register';
import type { SheetSpec } from '../../src/sheets/spec';
import { openXlsx, type XlsxWorkbook } from '../../src/workbook/xlsx/xlsxWorkbook';
import { expectWorkbookError, featureTrackerSpec, listsSpec, loadExcelJs } from '../support/userWorkbook';
import { partText } from '../support/xlsxZip';

async function written(
  specs: SheetSpec[],
  activate?: string,
): Promise<{ wb: XlsxWorkbook; bytes: Uint8Array }> {
  const wb = await openXlsx(null);
  await wb.apply({ write: specs, activate });
  return { wb, bytes: await wb.toBuffer() };
}

describe('writing a SheetSpec and reading it back', () => {
  let bytes: Uint8Array;
  let excel: ExcelJS.Workbook;
  let sheetXml: string;

  beforeAll(async () => {
    ({ bytes } = await written([featureTrackerSpec(), listsSpec()], 'Nhiệm vụ'));
    excel = await loadExcelJs(bytes);
    sheetXml = await partText(bytes, 'xl/worksheets/sheet1.xml');
  });

  it('lists the sheets with their visibility, in order', async () => {
    const snapshot = await (await openXlsx(bytes)).read([]);
    expect(snapshot.sheets).toEqual([
      { name: 'Nhiệm vụ', protected: false, visibility: 'visible' },
      { name: 'Danh mục', protected: false, visibility: 'veryHidden' },
    ]);
  });

  it('reads values, formulas and number formats padded to A1', async () => {
    const snapshot = await (await openXlsx(bytes)).read(['nhiệm vụ', 'Danh mục', 'Không có']);
    expect(Object.keys(snapshot.contents)).toEqual(['nhiệm vụ', 'Danh mục']);
    const sheet = snapshot.contents['nhiệm vụ'];
    expect(sheet.name).toBe('Nhiệm vụ');
    expect(sheet.values[0]).toEqual([
      'STT',
      'Nhiệm vụ',
      'Hạn',
      'Tình trạng',
      'Tiến độ',
      'Trạng thái hạn',
      null,
      null,
    ]);
    expect(sheet.values[1].slice(0, 5)).toEqual([1, '=1+1', 45_000, 'Chưa', 0.25]);
    // Formulas carry no cached result: the spreadsheet computes them on open.
    expect(sheet.values[1][5]).toBeNull();
    expect(sheet.formulas[0][7]).toBe('=COUNTIFS(D2:D5,"Xong")');
    expect(sheet.formulas.map((row) => row[5])).toEqual([
      null,
      '=IF(C2<TODAY(),"Quá hạn","Trong hạn")',
      '=IF(C3<TODAY(),"Quá hạn","Trong hạn")',
      '=IF(C4<TODAY(),"Quá hạn","Trong hạn")',
      '=IF(C5<TODAY(),"Quá hạn","Trong hạn")',
    ]);
    expect(sheet.numberFormats[1][2]).toBe('dd/mm/yyyy');
    expect(sheet.numberFormats[1][4]).toBe('0%');
    expect(sheet.numberFormats[1][0]).toBe('General');
    expect(sheet.values).toHaveLength(5);
    expect(sheet.values.every((row) => row.length === 8)).toBe(true);
    expect(sheet.formulas).toHaveLength(5);
    expect(sheet.numberFormats).toHaveLength(5);
    expect(sheet.tables).toEqual([{ name: 'tblNhiemVu', range: 'A1:F5' }]);
    expect(sheet.hiddenRows).toEqual([]);
    expect(snapshot.contents['Danh mục'].values).toEqual([['Tình trạng'], ['Chưa'], ['Đang làm'], ['Xong']]);
  });

  it('keeps text that starts with = + - @ as text', async () => {
    const sheet = (await (await openXlsx(bytes)).read(['Nhiệm vụ'])).contents['Nhiệm vụ'];
    expect(sheet.values.slice(1).map((row) => row[1])).toEqual(['=1+1', '+84 912 345 678', '-x', '@y']);
    expect(sheet.formulas.slice(1).map((row) => row[1])).toEqual([null, null, null, null]);
    expect(sheetXml).toContain('<c r="B2" s="');
    expect(sheetXml).toMatch(/<c r="B2"[^>]*t="inlineStr"[^>]*><is><t>=1\+1<\/t><\/is><\/c>/);
    expect(sheetXml).not.toMatch(/<f>1\+1<\/f>/);
    const ws = excel.getWorksheet('Nhiệm vụ') as ExcelJS.Worksheet;
    expect(ws.getCell('B2').type).toBe(ExcelJS.ValueType.String);
    expect(ws.getCell('B2').value).toBe('=1+1');
  });

  it('keeps dates as serial numbers, fractions included', async () => {
    const sheet = (await (await openXlsx(bytes)).read(['Nhiệm vụ'])).contents['Nhiệm vụ'];
    expect(sheet.values.slice(1).map((row) => row[2])).toEqual([45_000, 46_500, 45_500, 45_658.5]);
    const ws = excel.getWorksheet('Nhiệm vụ') as ExcelJS.Worksheet;
    // ExcelJS turns date-formatted numbers into Dates (UTC): serial 45 658.5 is 2025-01-01 12:00.
    expect((ws.getCell('C5').value as Date).toISOString()).toBe('2025-01-01T12:00:00.000Z');
  });

  it('writes fonts, fills, borders, alignment and number formats', () => {
    const ws = excel.getWorksheet('Nhiệm vụ') as ExcelJS.Worksheet;
    const a1 = ws.getCell('A1');
    expect(a1.font).toMatchObject({
      name: 'Times New Roman',
      size: 13,
      bold: true,
      underline: true,
      color: { argb: 'FF9C0006' },
    });
    expect(a1.fill).toMatchObject({ type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFFFC7CE' } });
    expect(a1.border).toMatchObject({
      top: { style: 'thin' },
      bottom: { style: 'medium' },
      left: { style: 'thin' },
      right: { style: 'thin' },
    });
    expect(a1.alignment).toMatchObject({ horizontal: 'center', vertical: 'middle', wrapText: true });
    expect(ws.getCell('C2').numFmt).toBe('dd/mm/yyyy');
    expect(ws.getCell('C2').alignment).toMatchObject({ horizontal: 'right', indent: 1 });
    expect(ws.getCell('B2').font).toMatchObject({ name: 'Arial', size: 10, italic: true });
    // The sheet's default font: on written cells, and on every column for cells typed later.
    expect(ws.getCell('A2').font).toMatchObject({ name: 'Times New Roman', size: 13 });
    expect(ws.getCell('H1').font).toMatchObject({ name: 'Times New Roman', size: 13 });
    expect(sheetXml).toMatch(/<col min="6" max="16384" width="9.140625" style="\d+"\/>/);
    expect(ws.getColumn(100).font).toMatchObject({ name: 'Times New Roman', size: 13 });
  });

  it('writes merges, column widths, row heights, frozen panes, tab colour and visibility', () => {
    const ws = excel.getWorksheet('Nhiệm vụ') as ExcelJS.Worksheet;
    expect(ws.model.merges).toEqual(['J1:K2']);
    expect([1, 2, 3, 4, 5].map((c) => ws.getColumn(c).width)).toEqual([6, 40, 12, 14, 10]);
    expect(ws.getRow(1).height).toBe(32.25);
    expect(ws.getRow(3).height).toBe(20);
    expect(ws.views[0]).toMatchObject({ state: 'frozen', xSplit: 2, ySplit: 1, topLeftCell: 'C2' });
    expect(ws.properties.tabColor).toEqual({ argb: 'FF00B050' });
    expect(ws.state).toBe('visible');
    expect((excel.getWorksheet('Danh mục') as ExcelJS.Worksheet).state).toBe('veryHidden');
  });

  it('writes data validations: list from a formula, date range, whole numbers, prompts and errors', () => {
    const ws = excel.getWorksheet('Nhiệm vụ') as ExcelJS.Worksheet;
    const dv = (address: string): ExcelJS.DataValidation => ws.getCell(address).dataValidation;
    expect(dv('D50')).toMatchObject({
      type: 'list',
      allowBlank: true,
      formulae: ["OFFSET('Danh mục'!$A$2,0,0,COUNTA('Danh mục'!$A:$A)-1,1)"],
      showInputMessage: true,
      promptTitle: 'Tình trạng',
      prompt: 'Chọn một tình trạng trong danh sách',
      showErrorMessage: true,
      errorStyle: 'stop',
      errorTitle: 'Không hợp lệ',
      error: 'Hãy chọn trong danh sách',
    });
    const date = dv('C2');
    expect(date).toMatchObject({
      type: 'date',
      operator: 'between',
      errorStyle: 'warning',
      errorTitle: 'Ngày sai',
    });
    expect((date.formulae as Date[]).map((d) => d.toISOString().slice(0, 10))).toEqual([
      '2025-01-01',
      '2030-12-31',
    ]);
    expect(dv('A100')).toMatchObject({ type: 'whole', operator: 'between', formulae: [1, 999] });
    expect(dv('A100').allowBlank).toBeFalsy();
    expect(sheetXml).toContain('<formula1>45658</formula1><formula2>47848</formula2>');
  });

  it('writes conditional formats with stopIfTrue, and data bars', () => {
    const ws = excel.getWorksheet('Nhiệm vụ') as ExcelJS.Worksheet;
    // ExcelJS keeps the rules it read in worksheet.conditionalFormattings, which its typings leave out.
    const { conditionalFormattings } = ws as unknown as {
      conditionalFormattings: ExcelJS.ConditionalFormattingOptions[];
    };
    const rules = conditionalFormattings.flatMap((cf) => cf.rules.map((rule) => ({ ref: cf.ref, rule })));
    expect(rules).toHaveLength(3);
    expect(rules[0]).toMatchObject({
      ref: 'A2:F100',
      rule: {
        type: 'expression',
        priority: 1,
        formulae: ['$F2="Quá hạn"'],
        style: { fill: { bgColor: { argb: 'FFFFC7CE' } }, font: { color: { argb: 'FF9C0006' } } },
      },
    });
    expect(rules[1]).toMatchObject({ rule: { type: 'expression', priority: 2, formulae: ['$D2="Xong"'] } });
    expect(rules[2]).toMatchObject({
      ref: 'E2:E100',
      rule: {
        type: 'dataBar',
        cfvo: [
          { type: 'num', value: 0 },
          { type: 'num', value: 1 },
        ],
        color: { argb: 'FF638EC6' },
      },
    });
    // ExcelJS does not model stopIfTrue; the XML has it on the first rule only.
    expect(sheetXml).toMatch(/<cfRule type="expression" dxfId="\d+" priority="1" stopIfTrue="1">/);
    expect(sheetXml).toMatch(/<cfRule type="expression" dxfId="\d+" priority="2">/);
  });

  it('writes the page setup: A4, orientation, margins, fit to width, centring, print area, titles, header', async () => {
    const ws = excel.getWorksheet('Nhiệm vụ') as ExcelJS.Worksheet;
    expect(ws.pageSetup).toMatchObject({
      paperSize: 9,
      orientation: 'landscape',
      fitToPage: true,
      fitToWidth: 1,
      fitToHeight: 0,
      horizontalCentered: true,
      printArea: 'A1:F5',
      printTitlesRow: '1:1',
    });
    const margins = ws.pageSetup.margins as ExcelJS.Margins;
    expect(margins.top * 25.4).toBeCloseTo(20, 2);
    expect(margins.left * 25.4).toBeCloseTo(30, 2);
    expect(margins.right * 25.4).toBeCloseTo(15, 2);
    expect(margins.header * 25.4).toBeCloseTo(10, 2);
    expect(ws.headerFooter).toMatchObject({ differentFirst: true, oddHeader: '&CTrang &P' });
    const workbookXml = await partText(bytes, 'xl/workbook.xml');
    expect(workbookXml).toContain(
      `<definedName name="_xlnm.Print_Area" localSheetId="0">'Nhiệm vụ'!$A$1:$F$5</definedName>`,
    );
    expect(workbookXml).toContain(
      `<definedName name="_xlnm.Print_Titles" localSheetId="0">'Nhiệm vụ'!$1:$1</definedName>`,
    );
  });

  it('writes an Excel table with a calculated column that every data row carries', async () => {
    const tableXml = await partText(bytes, 'xl/tables/table1.xml');
    expect(tableXml).toContain('name="tblNhiemVu" displayName="tblNhiemVu" ref="A1:F5"');
    expect(tableXml).toContain('<autoFilter ref="A1:F5"/>');
    expect(tableXml).toContain(
      '<tableColumn id="6" name="Trạng thái hạn"><calculatedColumnFormula>IF(C2&lt;TODAY(),"Quá hạn","Trong hạn")</calculatedColumnFormula></tableColumn>',
    );
    expect(tableXml).toContain('<tableStyleInfo name="TableStyleMedium2"');
    // Filled down as one shared formula, as Excel stores a calculated column.
    expect(sheetXml).toContain(
      '<f t="shared" ref="F2:F5" si="0">IF(C2&lt;TODAY(),&quot;Quá hạn&quot;,&quot;Trong hạn&quot;)</f>',
    );
    const ws = excel.getWorksheet('Nhiệm vụ') as ExcelJS.Worksheet;
    const table = ws.getTable('tblNhiemVu') as unknown as {
      table: { tableRef: string; columns: { name: string }[] };
    };
    expect(table.table.tableRef).toBe('A1:F5');
    expect(table.table.columns.map((c) => c.name)).toEqual(featureTrackerSpec().table?.columns);
  });

  it('makes Excel recalculate on open', async () => {
    // (ExcelJS does not read calcPr back, so the XML is checked.)
    expect(await partText(bytes, 'xl/workbook.xml')).toMatch(/<calcPr [^>]*fullCalcOnLoad="1"/);
  });

  it('activates the requested sheet', async () => {
    const workbookXml = await partText(bytes, 'xl/workbook.xml');
    expect(workbookXml).toMatch(/<workbookView [^>]*activeTab="0"/);
    expect(sheetXml).toMatch(/<sheetView [^>]*tabSelected="1"/);
  });
});

describe('text Excel would misread', () => {
  it('keeps spaces, line breaks and a literal "_x0041_" as written', async () => {
    const texts = ['  hai dấu cách  ', 'dòng 1\ndòng 2', '_x0041_', 'tab\tx'];
    const { wb, bytes } = await written([{ name: 'A', kind: 'report', cells: [texts] }]);
    expect((await wb.read(['A'])).contents.A.values[0]).toEqual(texts);
    // OOXML escapes a literal "_xHHHH_" so that Excel does not decode it.
    expect(await partText(bytes, 'xl/worksheets/sheet1.xml')).toContain('<t>_x005F_x0041_</t>');
  });
});

describe('tables', () => {
  it('gives a header-only table one empty data row, as Excel does', async () => {
    const spec: SheetSpec = {
      name: 'Trống',
      kind: 'tracker',
      cells: [['A', 'B']],
      table: {
        name: 'tblTrong',
        range: 'A1:B1',
        columns: ['A', 'B'],
        style: 'TableStyleLight9',
        calculatedColumns: [{ column: 1, formula: '=A2*2' }],
      },
    };
    const { bytes } = await written([spec]);
    expect(await partText(bytes, 'xl/tables/table1.xml')).toContain('ref="A1:B2"');
    const sheet = (await (await openXlsx(bytes)).read(['Trống'])).contents['Trống'];
    expect(sheet.formulas[1]).toEqual([null, '=A2*2']);
  });

  it('escapes control characters in column names as Excel does', async () => {
    const header = 'Ngày\nhoàn thành';
    const spec: SheetSpec = {
      name: 'T',
      kind: 'tracker',
      cells: [[header], [1]],
      table: { name: 'tblT', range: 'A1:A2', columns: [header], style: 'TableStyleLight9' },
    };
    const { bytes } = await written([spec]);
    expect(await partText(bytes, 'xl/tables/table1.xml')).toContain('name="Ngày_x000A_hoàn thành"');
  });

  it('refuses a header row that does not match the columns', async () => {
    const spec = featureTrackerSpec();
    spec.cells = spec.cells.map((row, i) => (i === 0 ? ['STT', 'Sai'] : row));
    const wb = await openXlsx(null);
    const error = await expectWorkbookError(wb.apply({ write: [spec] }), 'unsupported');
    expect(error.sheet).toBe('Nhiệm vụ');
    expect(error.message).toContain('tiêu đề cột 2');
  });

  it('refuses a bad table name', async () => {
    const spec = featureTrackerSpec();
    spec.table = { ...(spec.table as NonNullable<SheetSpec['table']>), name: 'A1' };
    await expectWorkbookError((await openXlsx(null)).apply({ write: [spec] }), 'unsupported');
  });
});

describe('updates, activation and errors', () => {
  it('sets single cells without touching the rest of the sheet', async () => {
    const wb = await openXlsx(null);
    await wb.apply({ write: [featureTrackerSpec(), listsSpec()] });
    const before = (await wb.read(['Nhiệm vụ'])).contents['Nhiệm vụ'];
    await wb.apply({
      updates: [
        { sheet: 'Nhiệm vụ', cell: 'B3', value: 'Việc mới' },
        { sheet: 'Nhiệm vụ', cell: 'D4', value: 'Xong' },
        { sheet: 'Nhiệm vụ', cell: 'E2', value: 0.75 },
        { sheet: 'Nhiệm vụ', cell: 'B4', value: null },
        { sheet: 'Nhiệm vụ', cell: 'M20', value: true },
        { sheet: 'Nhiệm vụ', cell: 'L7', value: 45_900, numberFormat: 'dd/mm/yyyy' },
        { sheet: 'Danh mục', cell: 'A5', value: '=không phải công thức' },
      ],
      write: [],
    });
    const after = (await wb.read(['Nhiệm vụ', 'Danh mục'])).contents;
    const tasks = after['Nhiệm vụ'];
    expect(tasks.values[2][1]).toBe('Việc mới');
    expect(tasks.values[3][3]).toBe('Xong');
    expect(tasks.values[1][4]).toBe(0.75);
    expect(tasks.values[3][1]).toBeNull();
    expect(tasks.values[19][12]).toBe(true);
    expect(tasks.values[6][11]).toBe(45_900);
    expect(tasks.numberFormats[6][11]).toBe('dd/mm/yyyy');
    expect(tasks.numberFormats[1][4]).toBe('0%');
    expect(tasks.formulas[1][5]).toBe(before.formulas[1][5]);
    expect(tasks.values[0]).toEqual([...before.values[0], null, null, null, null, null]);
    expect(after['Danh mục'].values[4]).toEqual(['=không phải công thức']);
    expect(after['Danh mục'].formulas[4]).toEqual([null]);
    // The cell keeps its format when only the value changes.
    const excel = await loadExcelJs(await wb.toBuffer());
    expect((excel.getWorksheet('Nhiệm vụ') as ExcelJS.Worksheet).getCell('B3').font).toMatchObject({
      name: 'Times New Roman',
    });
  });

  it('activates and selects', async () => {
    const wb = await openXlsx(null);
    await wb.apply({ write: [featureTrackerSpec(), { name: 'Tổng hợp', kind: 'summary', cells: [['x']] }] });
    await wb.apply({ write: [], activate: 'Tổng hợp', select: 'C7' });
    const bytes = await wb.toBuffer();
    expect(await partText(bytes, 'xl/workbook.xml')).toMatch(/activeTab="1"/);
    const summary = await partText(bytes, 'xl/worksheets/sheet2.xml');
    expect(summary).toMatch(
      /<sheetView [^>]*tabSelected="1"[^>]*>.*<selection activeCell="C7" sqref="C7"\/>/,
    );
    expect(await partText(bytes, 'xl/worksheets/sheet1.xml')).not.toContain('tabSelected');
  });

  it('refuses what Excel cannot hold, before changing anything', async () => {
    const wb = await openXlsx(null);
    await wb.apply({ write: [featureTrackerSpec()] });
    const before = await wb.toBuffer();
    const cases: [SheetSpec[], string | undefined][] = [
      [[{ name: 'Tên/sai', kind: 'report', cells: [] }], 'Tên/sai'],
      [[{ name: 'x'.repeat(32), kind: 'report', cells: [] }], 'x'.repeat(32)],
      [[{ name: 'A', kind: 'report', cells: [[Number.NaN]] }], 'A'],
      [[{ name: 'A', kind: 'report', cells: [['x'.repeat(32_768)]] }], 'A'],
      [[{ name: 'A', kind: 'report', cells: [], tabColor: 'red' }], 'A'],
      [[{ name: 'A', kind: 'report', cells: [], merges: ['A1:B2', 'B2:C3'] }], 'A'],
      [
        [
          {
            name: 'A',
            kind: 'report',
            cells: [],
            formulas: [{ cell: 'A1', formula: `=${'1+'.repeat(5000)}1` }],
          },
        ],
        'A',
      ],
      [
        [
          {
            name: 'A',
            kind: 'report',
            cells: [],
            validations: [
              {
                range: 'A1',
                rule: { type: 'wholeNumber', min: 0, max: 1 },
                allowBlank: true,
                error: { title: 'x'.repeat(33), message: 'y', style: 'stop' },
              },
            ],
          },
        ],
        'A',
      ],
      [
        [
          {
            name: 'A',
            kind: 'report',
            cells: [],
            validations: [
              {
                range: 'A1',
                rule: { type: 'date', min: '2025-02-30', max: '2025-03-01' },
                allowBlank: true,
                error: { title: 'x', message: 'y', style: 'stop' },
              },
            ],
          },
        ],
        'A',
      ],
      [
        [
          { name: 'A', kind: 'report', cells: [] },
          { name: 'a', kind: 'report', cells: [] },
        ],
        'a',
      ],
    ];
    for (const [write, sheet] of cases) {
      const error = await expectWorkbookError(wb.apply({ write }), 'unsupported');
      expect(error.sheet).toBe(sheet);
      expect(error.message).toMatch(/[À-ỹ]/); // Vietnamese
    }
    await expectWorkbookError(
      wb.apply({ write: [{ ...listsSpec(), name: 'Ẩn' }], activate: 'Ẩn' }),
      'unsupported',
    );
    await expectWorkbookError(
      wb.apply({ write: [{ ...featureTrackerSpec(), visibility: 'hidden' }] }),
      'unsupported',
    );
    await expectWorkbookError(
      wb.apply({ write: [], updates: [{ sheet: 'Không có', cell: 'A1', value: 1 }] }),
      'sheetNotFound',
    );
    await expectWorkbookError(wb.apply({ write: [], activate: 'Không có' }), 'sheetNotFound');
    await expectWorkbookError(
      wb.apply({ write: [], updates: [{ sheet: 'Nhiệm vụ', cell: 'A0', value: 1 }] }),
      'unsupported',
    );
    expect(await wb.toBuffer()).toEqual(before);
  });

  it('refuses to save a workbook without sheets', async () => {
    await expectWorkbookError((await openXlsx(null)).toBuffer(), 'unsupported');
  });

  it('reports a file that is not an .xlsx as unreadable, saying what it is', async () => {
    // 'unsupported': the adapter words the message itself, so a check that writes nothing never reports a
    // file it could not read as one it could not write.
    const notZip = await expectWorkbookError(openXlsx(new TextEncoder().encode('not a zip')), 'unsupported');
    expect(notZip.message).toBe('Không đọc được tệp: tệp không phải .xlsx hoặc đã hỏng.');
    const xls = await expectWorkbookError(
      openXlsx(new Uint8Array([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1])),
      'unsupported',
    );
    expect(xls.message).toContain('Excel 97–2003 (.xls)');
  });
});

describe('error values kept as they were', () => {
  it('writes a spec’s error cells as error constants, which read back as errors and count in the fingerprint', async () => {
    const spec: SheetSpec = {
      name: 'Lỗi',
      kind: 'tracker',
      cells: [
        ['Nội dung', 'Hạn'],
        [null, null],
        ['việc', 46_000],
      ],
      errorCells: [
        { cell: 'A2', error: '#N/A' },
        { cell: 'B2', error: '#DIV/0!' },
      ],
    };
    const { bytes } = await written([spec]);
    expect(await partText(bytes, 'xl/worksheets/sheet1.xml')).toMatch(
      /<c r="A2"[^>]*t="e"[^>]*><v>#N\/A<\/v>/,
    );
    const sheet = (await (await openXlsx(bytes)).read(['Lỗi'])).contents['Lỗi'];
    expect(sheet.values[1]).toEqual([{ error: '#N/A' }, { error: '#DIV/0!' }]);
    expect(sheet.formulas[1]).toEqual([null, null]);
    expect(fingerprintGrid(sheet)).toBe(fingerprintSpec(spec));
    expect(fingerprintSpec(spec)).not.toBe(fingerprintSpec({ ...spec, errorCells: [] }));
  });

  it('refuses an error cell whose place in the grid holds a value', async () => {
    const wb = await openXlsx(null);
    await expectWorkbookError(
      wb.apply({
        write: [
          { name: 'Lỗi', kind: 'tracker', cells: [['x']], errorCells: [{ cell: 'A1', error: '#REF!' }] },
        ],
      }),
      'unsupported',
    );
  });
});

describe('reading cells ExcelJS stores in other shapes', () => {
  it('reads cached results, errors, rich text, hyperlinks, shared formulas, merged and hidden rows', async () => {
    const source = new ExcelJS.Workbook();
    const ws = source.addWorksheet('Dữ liệu');
    ws.getCell('A1').value = { formula: 'NA()', result: { error: '#N/A' } } as ExcelJS.CellFormulaValue;
    ws.getCell('A2').value = { error: '#REF!' } as ExcelJS.CellErrorValue;
    ws.getCell('A3').value = { richText: [{ text: 'Chữ ' }, { font: { bold: true }, text: 'đậm' }] };
    ws.getCell('A4').value = { text: 'Cổng dịch vụ công', hyperlink: 'https://dichvucong.gov.vn' };
    ws.getCell('B1').value = 1;
    ws.getCell('B2').value = 2;
    ws.getCell('B3').value = 3;
    ws.fillFormula('C1:C3', 'B1*2&"Q1"', [2, 4, 6]);
    ws.getCell('D1').value = {
      formula: 'TODAY()',
      result: new Date(Date.UTC(2025, 5, 5)),
    } as ExcelJS.CellFormulaValue;
    ws.getCell('D1').numFmt = 'dd/mm/yyyy';
    ws.getCell('E1').value = 'Gộp';
    ws.mergeCells('E1:F2');
    ws.getCell('A6').value = 'ẩn';
    ws.getRow(6).hidden = true;
    ws.getCell('B8').value = 'ẩn nữa';
    ws.getRow(8).hidden = true;
    const bytes = new Uint8Array((await source.xlsx.writeBuffer()) as ArrayBuffer);
    const sheet = (await (await openXlsx(bytes)).read(['Dữ liệu'])).contents['Dữ liệu'];
    expect(sheet.values[0][0]).toEqual({ error: '#N/A' });
    expect(sheet.formulas[0][0]).toBe('=NA()');
    expect(sheet.values[1][0]).toEqual({ error: '#REF!' });
    expect(sheet.values[2][0]).toBe('Chữ đậm');
    expect(sheet.values[3][0]).toBe('Cổng dịch vụ công');
    expect(sheet.values.map((row) => row[2]).slice(0, 3)).toEqual([2, 4, 6]);
    // Shared formulas come back per cell; the string literal "Q1" is not taken for a reference.
    expect(sheet.formulas.map((row) => row[2]).slice(0, 3)).toEqual([
      '=B1*2&"Q1"',
      '=B2*2&"Q1"',
      '=B3*2&"Q1"',
    ]);
    expect(sheet.values[0][3]).toBe(45_813);
    // A merged area reads as Excel shows it: the value in its top-left cell only.
    expect(sheet.values[0][4]).toBe('Gộp');
    expect(sheet.values[1][4]).toBeNull();
    expect(sheet.hiddenRows).toEqual([6, 8]);
    expect(sheet.values).toHaveLength(8);
    expect(sheet.values.every((row) => row.length === 5)).toBe(true);
  });
});
