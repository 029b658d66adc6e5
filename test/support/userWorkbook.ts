/**
 * Workbooks for the .xlsx adapter tests, built without the adapter: ExcelJS for the ordinary content, then
 * plain string surgery on the zip for what ExcelJS cannot write (charts, macros, defined names, a
 * calculation chain, custom XML), as a user's Excel would have saved them.
 */
import ExcelJS from 'exceljs';
import JSZip from 'jszip';

import type { SheetSpec } from '../../src/sheets/spec';
import { WorkbookError } from '../../src/workbook/port';
import { addOverride, addRelationship, addVbaProject, readText, sheetPart } from './xlsxZip';

const PNG_1X1 =
  'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==';

export interface UserWorkbookOptions {
  /** Sheet that gets a bar chart (drawing + chart part). */
  chartOn?: string;
  /** Add xl/vbaProject.bin (as an .xlsm would have). */
  vba?: boolean;
  /** Protect this sheet (sheet protection without password). */
  protect?: string;
  /** Put a note on 'Nhiệm vụ' (the sheet the tests replace). */
  noteOnTasks?: boolean;
  /** Put an Excel table with this name on 'Báo cáo quý'. */
  tableOnQuarter?: string;
  /** Add a chartsheet (a tab holding only a chart) with this name, at the end. */
  chartsheet?: string;
}

export const USER_SHEETS = ['Hướng dẫn', 'Báo cáo quý', 'Nhiệm vụ', 'Cài đặt'] as const;

/** A user's workbook: four sheets with values, formulas, styles, a picture, a note, plus optional extras. */
export async function buildUserWorkbook(options: UserWorkbookOptions = {}): Promise<Uint8Array> {
  const wb = new ExcelJS.Workbook();
  const guide = wb.addWorksheet('Hướng dẫn', { properties: { tabColor: { argb: 'FF0070C0' } } });
  guide.getCell('A1').value = 'Hướng dẫn sử dụng';
  guide.getCell('A1').font = { name: 'Times New Roman', size: 14, bold: true };
  guide.mergeCells('A1:D1');
  guide.getCell('A2').value = 'Nhập nhiệm vụ ở trang "Nhiệm vụ".';
  guide.getCell('A3').note = 'Ghi chú của người dùng';
  const image = wb.addImage({ base64: PNG_1X1, extension: 'png' });
  guide.addImage(image, { tl: { col: 5, row: 1 }, ext: { width: 20, height: 20 } });

  const quarter = wb.addWorksheet('Báo cáo quý');
  quarter.addRows([
    ['Quý', 'Số việc'],
    ['Quý I', 10],
    ['Quý II', 20],
    ['Quý III', 30],
  ]);
  quarter.getCell('B5').value = { formula: 'SUM(B2:B4)', result: 60 } as ExcelJS.CellFormulaValue;
  quarter.getCell('C2').value = new Date(Date.UTC(2025, 2, 31));
  quarter.getCell('C2').numFmt = 'dd/mm/yyyy';
  quarter.getCell('A1').fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFFFFF00' } };

  const tasks = wb.addWorksheet('Nhiệm vụ');
  tasks.addRows([
    ['STT', 'Nội dung cũ'],
    [1, 'Việc cũ'],
  ]);
  if (options.noteOnTasks) tasks.getCell('B2').note = 'Ghi chú trên trang sẽ bị thay';
  if (options.tableOnQuarter) {
    quarter.addTable({
      name: options.tableOnQuarter,
      ref: 'E1',
      headerRow: true,
      columns: [{ name: 'Mã', filterButton: true }],
      rows: [['Q1']],
    });
  }

  const settings = wb.addWorksheet('Cài đặt');
  settings.addRows([
    ['Tên xã', 'Long Điền A'],
    ['Năm', 2025],
    ['Ngày báo cáo', null],
  ]);
  settings.getCell('B4').value = { formula: 'B2+1', result: 2026 } as ExcelJS.CellFormulaValue;
  if (options.protect) await wb.getWorksheet(options.protect)?.protect('', {});

  const zip = await JSZip.loadAsync((await wb.xlsx.writeBuffer()) as ArrayBuffer);
  await addDefinedNames(zip);
  await addCalcChain(zip);
  await addCustomXml(zip);
  if (options.chartOn) await addUserChart(zip, options.chartOn);
  if (options.vba) await addVbaProject(zip);
  if (options.chartsheet) await addChartsheet(zip, options.chartsheet);
  return zip.generateAsync({ type: 'uint8array', compression: 'DEFLATE' });
}

async function addDefinedNames(zip: JSZip): Promise<void> {
  const workbook = await readText(zip, 'xl/workbook.xml');
  const names =
    '<definedNames>' +
    `<definedName name="DanhSachQuy">'Báo cáo quý'!$A$2:$A$4</definedName>` +
    `<definedName name="SoViecDong">OFFSET('Báo cáo quý'!$B$2,0,0,COUNTA('Báo cáo quý'!$B:$B)-1,1)</definedName>` +
    `<definedName name="TenRieng" localSheetId="3">'Cài đặt'!$B$1</definedName>` +
    '</definedNames>';
  zip.file('xl/workbook.xml', workbook.replace('<calcPr', `${names}<calcPr`));
}

async function addCalcChain(zip: JSZip): Promise<void> {
  zip.file(
    'xl/calcChain.xml',
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<calcChain xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><c r="B5" i="2"/><c r="B4" i="4"/></calcChain>',
  );
  await addOverride(
    zip,
    'xl/calcChain.xml',
    'application/vnd.openxmlformats-officedocument.spreadsheetml.calcChain+xml',
  );
  await addRelationship(zip, 'xl/workbook.xml', 'calcChain', 'calcChain.xml', 'rIdCalc');
}

async function addCustomXml(zip: JSZip): Promise<void> {
  zip.file(
    'customXml/item1.xml',
    '<?xml version="1.0" encoding="UTF-8"?><cchc xmlns="urn:test">dữ liệu riêng</cchc>',
  );
  await addRelationship(zip, 'xl/workbook.xml', 'customXml', '../customXml/item1.xml', 'rIdCustom');
}

export const CHART_PART = 'xl/charts/chart1.xml';

function chartXml(dataSheet: string): string {
  const quoted = `'${dataSheet}'`;
  return (
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n' +
    '<c:chartSpace xmlns:c="http://schemas.openxmlformats.org/drawingml/2006/chart" xmlns:a="http://schemas.openxmlformats.org/drawingml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships">' +
    '<c:chart><c:plotArea><c:layout/><c:barChart><c:barDir val="col"/><c:grouping val="clustered"/><c:varyColors val="0"/>' +
    `<c:ser><c:idx val="0"/><c:order val="0"/><c:cat><c:strRef><c:f>${quoted}!$A$2:$A$4</c:f></c:strRef></c:cat>` +
    `<c:val><c:numRef><c:f>${quoted}!$B$2:$B$4</c:f></c:numRef></c:val></c:ser>` +
    '<c:axId val="1"/><c:axId val="2"/></c:barChart>' +
    '<c:catAx><c:axId val="1"/><c:scaling><c:orientation val="minMax"/></c:scaling><c:delete val="0"/><c:axPos val="b"/><c:crossAx val="2"/></c:catAx>' +
    '<c:valAx><c:axId val="2"/><c:scaling><c:orientation val="minMax"/></c:scaling><c:delete val="0"/><c:axPos val="l"/><c:crossAx val="1"/></c:valAx>' +
    '</c:plotArea></c:chart></c:chartSpace>'
  );
}

async function addUserChart(zip: JSZip, sheet: string): Promise<void> {
  const part = await sheetPart(zip, sheet);
  zip.file(CHART_PART, chartXml(sheet));
  const drawing = `xl/drawings/drawingChart${part.replace(/\D/g, '')}.xml`;
  zip.file(
    drawing,
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n' +
      '<xdr:wsDr xmlns:xdr="http://schemas.openxmlformats.org/drawingml/2006/spreadsheetDrawing" xmlns:a="http://schemas.openxmlformats.org/drawingml/2006/main">' +
      '<xdr:twoCellAnchor><xdr:from><xdr:col>3</xdr:col><xdr:colOff>0</xdr:colOff><xdr:row>1</xdr:row><xdr:rowOff>0</xdr:rowOff></xdr:from>' +
      '<xdr:to><xdr:col>9</xdr:col><xdr:colOff>0</xdr:colOff><xdr:row>15</xdr:row><xdr:rowOff>0</xdr:rowOff></xdr:to>' +
      '<xdr:graphicFrame macro=""><xdr:nvGraphicFramePr><xdr:cNvPr id="2" name="Biểu đồ 1"/><xdr:cNvGraphicFramePr/></xdr:nvGraphicFramePr>' +
      '<xdr:xfrm><a:off x="0" y="0"/><a:ext cx="0" cy="0"/></xdr:xfrm><a:graphic><a:graphicData uri="http://schemas.openxmlformats.org/drawingml/2006/chart">' +
      '<c:chart xmlns:c="http://schemas.openxmlformats.org/drawingml/2006/chart" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships" r:id="rId1"/>' +
      '</a:graphicData></a:graphic></xdr:graphicFrame><xdr:clientData/></xdr:twoCellAnchor></xdr:wsDr>',
  );
  const drawingName = drawing.split('/').pop() as string;
  await addRelationship(zip, drawing, 'chart', '../charts/chart1.xml', 'rId1');
  await addRelationship(zip, part, 'drawing', `../drawings/${drawingName}`, 'rIdChart');
  const sheetXml = await readText(zip, part);
  if (sheetXml.includes('<drawing ')) throw new Error('fixture sheet already has a drawing');
  const anchor = ['<legacyDrawing', '<tableParts', '<extLst', '</worksheet>'].find((t) =>
    sheetXml.includes(t),
  ) as string;
  zip.file(part, sheetXml.replace(anchor, `<drawing r:id="rIdChart"/>${anchor}`));
  await addOverride(zip, drawing, 'application/vnd.openxmlformats-officedocument.drawing+xml');
  await addOverride(zip, CHART_PART, 'application/vnd.openxmlformats-officedocument.drawingml.chart+xml');
}

export const CHARTSHEET_CHART_PART = 'xl/charts/chart9.xml';

async function addChartsheet(zip: JSZip, name: string): Promise<void> {
  zip.file(CHARTSHEET_CHART_PART, chartXml('Báo cáo quý'));
  zip.file(
    'xl/drawings/drawingSheet9.xml',
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n' +
      '<xdr:wsDr xmlns:xdr="http://schemas.openxmlformats.org/drawingml/2006/spreadsheetDrawing" xmlns:a="http://schemas.openxmlformats.org/drawingml/2006/main">' +
      '<xdr:absoluteAnchor><xdr:pos x="0" y="0"/><xdr:ext cx="8000000" cy="5000000"/>' +
      '<xdr:graphicFrame macro=""><xdr:nvGraphicFramePr><xdr:cNvPr id="2" name="Biểu đồ 9"/><xdr:cNvGraphicFramePr/></xdr:nvGraphicFramePr>' +
      '<xdr:xfrm><a:off x="0" y="0"/><a:ext cx="0" cy="0"/></xdr:xfrm><a:graphic><a:graphicData uri="http://schemas.openxmlformats.org/drawingml/2006/chart">' +
      '<c:chart xmlns:c="http://schemas.openxmlformats.org/drawingml/2006/chart" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships" r:id="rId1"/>' +
      '</a:graphicData></a:graphic></xdr:graphicFrame><xdr:clientData/></xdr:absoluteAnchor></xdr:wsDr>',
  );
  await addRelationship(zip, 'xl/drawings/drawingSheet9.xml', 'chart', '../charts/chart9.xml', 'rId1');
  zip.file(
    'xl/chartsheets/sheet1.xml',
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n' +
      '<chartsheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships">' +
      '<sheetPr/><sheetViews><sheetView workbookViewId="0"/></sheetViews><pageMargins left="0.7" right="0.7" top="0.75" bottom="0.75" header="0.3" footer="0.3"/>' +
      '<drawing r:id="rId1"/></chartsheet>',
  );
  await addRelationship(zip, 'xl/chartsheets/sheet1.xml', 'drawing', '../drawings/drawingSheet9.xml', 'rId1');
  await addRelationship(zip, 'xl/workbook.xml', 'chartsheet', 'chartsheets/sheet1.xml', 'rIdChartsheet');
  const workbook = await readText(zip, 'xl/workbook.xml');
  zip.file(
    'xl/workbook.xml',
    workbook.replace('</sheets>', `<sheet name="${name}" sheetId="9" r:id="rIdChartsheet"/></sheets>`),
  );
  await addOverride(
    zip,
    'xl/chartsheets/sheet1.xml',
    'application/vnd.openxmlformats-officedocument.spreadsheetml.chartsheet+xml',
  );
  await addOverride(
    zip,
    'xl/drawings/drawingSheet9.xml',
    'application/vnd.openxmlformats-officedocument.drawing+xml',
  );
  await addOverride(
    zip,
    CHARTSHEET_CHART_PART,
    'application/vnd.openxmlformats-officedocument.drawingml.chart+xml',
  );
}

/** A tracker-like spec using every SheetSpec feature. */
export function featureTrackerSpec(overrides: Partial<SheetSpec> = {}): SheetSpec {
  const header = ['STT', 'Nhiệm vụ', 'Hạn', 'Tình trạng', 'Tiến độ', 'Trạng thái hạn'];
  return {
    name: 'Nhiệm vụ',
    kind: 'tracker',
    cells: [
      header,
      [1, '=1+1', 45_000, 'Chưa', 0.25],
      [2, '+84 912 345 678', 46_500, 'Xong', 1],
      [3, '-x', 45_500, null, 0.5],
      [4, '@y', 45_658.5, 'Chưa', 0],
    ],
    formulas: [{ cell: 'H1', formula: '=COUNTIFS(D2:D5,"Xong")' }],
    styles: [
      {
        range: 'A1:E1',
        style: {
          font: { bold: true, color: '9C0006', underline: true },
          fill: 'FFC7CE',
          border: { top: 'thin', bottom: 'medium', left: 'thin', right: 'thin' },
          alignment: { horizontal: 'center', vertical: 'center', wrap: true },
        },
      },
      {
        range: 'C2:C5',
        style: { numberFormat: 'dd/mm/yyyy', alignment: { horizontal: 'right', indent: 1 } },
      },
      { range: 'E2:E5', style: { numberFormat: '0%' } },
      { range: 'B2', style: { font: { italic: true, name: 'Arial', size: 10 } } },
    ],
    merges: ['J1:K2'],
    columnWidths: [6, 40, 12, 14, 10],
    rowHeights: { 1: 32.25, 3: 20 },
    table: {
      name: 'tblNhiemVu',
      range: 'A1:F5',
      columns: header,
      style: 'TableStyleMedium2',
      calculatedColumns: [{ column: 5, formula: '=IF(C2<TODAY(),"Quá hạn","Trong hạn")' }],
    },
    validations: [
      {
        range: 'D2:D100',
        rule: { type: 'list', source: "=OFFSET('Danh mục'!$A$2,0,0,COUNTA('Danh mục'!$A:$A)-1,1)" },
        allowBlank: true,
        prompt: { title: 'Tình trạng', message: 'Chọn một tình trạng trong danh sách' },
        error: { title: 'Không hợp lệ', message: 'Hãy chọn trong danh sách', style: 'stop' },
      },
      {
        range: 'C2:C100',
        rule: { type: 'date', min: '2025-01-01', max: '2030-12-31' },
        allowBlank: true,
        error: { title: 'Ngày sai', message: 'Ngày phải trong 2025–2030', style: 'warning' },
      },
      {
        range: 'A2:A100',
        rule: { type: 'wholeNumber', min: 1, max: 999 },
        allowBlank: false,
        error: { title: 'STT', message: 'Số nguyên 1–999', style: 'stop' },
      },
    ],
    conditionalFormats: [
      { range: 'A2:F100', formula: '=$F2="Quá hạn"', fill: 'FFC7CE', fontColor: '9C0006', stopIfTrue: true },
      { range: 'A2:F100', formula: '=$D2="Xong"', fill: 'C6EFCE' },
    ],
    dataBars: [{ range: 'E2:E100', color: '638EC6', min: 0, max: 1 }],
    freeze: { rows: 1, columns: 2 },
    page: {
      paper: 'A4',
      orientation: 'landscape',
      margins: { top: 20, bottom: 20, left: 30, right: 15, header: 10, footer: 10 },
      printArea: 'A1:F5',
      printTitleRows: '1:1',
      fitToWidth: true,
      centerHorizontally: true,
      header: { center: 'Trang &P', differentFirstPage: true },
    },
    tabColor: '00B050',
    defaultFont: { name: 'Times New Roman', size: 13 },
    ...overrides,
  };
}

export function listsSpec(): SheetSpec {
  return {
    name: 'Danh mục',
    kind: 'lists',
    cells: [['Tình trạng'], ['Chưa'], ['Đang làm'], ['Xong']],
    visibility: 'veryHidden',
  };
}

const MAIN_NS = 'http://schemas.openxmlformats.org/spreadsheetml/2006/main';
const REL_NS = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships';

/**
 * A workbook as the Open XML SDK writes it (and as Microsoft's add-in templates ship): byte-order marks,
 * SpreadsheetML under an "x:" prefix, the relationships namespace declared on the elements that use it,
 * absolute targets, odd part names, no stylesheet, no shared strings, and a Default content type that makes
 * every .xml part a workbook unless overridden.
 */
export async function buildSdkStyleWorkbook(): Promise<Uint8Array> {
  const bom = '\ufeff<?xml version="1.0" encoding="utf-8"?>';
  const zip = new JSZip();
  zip.file(
    '[Content_Types].xml',
    `${bom}<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">` +
      '<Default Extension="xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml" />' +
      '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml" />' +
      '<Override PartName="/xl/worksheets/sheet.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml" /></Types>',
  );
  zip.file(
    '_rels/.rels',
    `${bom}<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">` +
      '<Relationship Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="/xl/workbook.xml" Id="R6c1f" /></Relationships>',
  );
  zip.file(
    'xl/workbook.xml',
    `${bom}<x:workbook xmlns:x="${MAIN_NS}"><x:sheets>` +
      `<x:sheet name="Dữ liệu" sheetId="1" r:id="Ra1532f09" xmlns:r="${REL_NS}" /></x:sheets></x:workbook>`,
  );
  zip.file(
    'xl/_rels/workbook.xml.rels',
    `${bom}<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">` +
      '<Relationship Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="/xl/worksheets/sheet.xml" Id="Ra1532f09" /></Relationships>',
  );
  zip.file(
    'xl/worksheets/sheet.xml',
    `${bom}<x:worksheet xmlns:x="${MAIN_NS}"><x:sheetData>` +
      '<x:row r="1"><x:c r="A1" t="inlineStr"><x:is><x:t>Tên xã</x:t></x:is></x:c><x:c r="B1" t="inlineStr"><x:is><x:t>Long Điền A</x:t></x:is></x:c></x:row>' +
      '<x:row r="2"><x:c r="A2" t="inlineStr"><x:is><x:t>Năm</x:t></x:is></x:c><x:c r="B2"><x:v>2025</x:v></x:c></x:row>' +
      '<x:row r="3"><x:c r="A3" t="inlineStr"><x:is><x:t>Năm sau</x:t></x:is></x:c><x:c r="B3"><x:f>B2+1</x:f><x:v>2026</x:v></x:c></x:row>' +
      '</x:sheetData></x:worksheet>',
  );
  return zip.generateAsync({ type: 'uint8array', compression: 'DEFLATE' });
}

/** An .xlsx as ExcelJS reads it, for inspecting what the adapter wrote. */
export async function loadExcelJs(bytes: Uint8Array): Promise<ExcelJS.Workbook> {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(
    bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength) as ArrayBuffer,
  );
  return workbook;
}

/** Awaits `promise` and expects it to fail with a WorkbookError of this code. */
export async function expectWorkbookError(
  promise: Promise<unknown>,
  code: WorkbookError['code'],
): Promise<WorkbookError> {
  try {
    await promise;
  } catch (error) {
    expect(error).toBeInstanceOf(WorkbookError);
    expect((error as WorkbookError).code).toBe(code);
    return error as WorkbookError;
  }
  throw new Error(`expected WorkbookError(${code})`);
}
