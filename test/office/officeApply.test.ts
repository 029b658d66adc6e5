/** The Office adapter's apply(): what lands in the workbook, in how many syncs, and what it refuses. */
import { PLAN_ERROR } from '../../src/i18n/plan';
import { OFFICE_ERROR } from '../../src/i18n/vi';
import { EXCEL } from '../../src/workbook/limits';
import { WorkbookError } from '../../src/workbook/port';
import { columnWidthPoints, mmToPoints } from '../../src/workbook/office/sheetLayout';
import { createOfficeWorkbook } from '../../src/workbook/office/officeWorkbook';
import { createFakeExcel } from '../fake-excel';
import { richSpec, sheetSpec, stateFormula, trackerSpec } from '../support/specBuilder';

async function caught(p: Promise<unknown>): Promise<WorkbookError> {
  try {
    await p;
  } catch (e) {
    if (e instanceof WorkbookError) return e;
    throw e;
  }
  throw new Error('expected a WorkbookError');
}

describe('Office adapter: apply', () => {
  it('writes values, formulas, styles, merges, sizes, data bars, freeze panes and page setup in one sync', async () => {
    const excel = createFakeExcel();
    excel.addUserSheet('Sheet1');
    const port = createOfficeWorkbook(excel.run);
    await port.read([]);
    excel.resetStats();

    await port.apply({
      write: [richSpec('Báo cáo', { printTitleRows: '2:2' })],
      activate: 'Báo cáo',
      select: 'A3',
    });

    expect(excel.syncCount).toBe(1);
    expect(port.lastWarnings).toEqual([]);
    const s = excel.sheet('Báo cáo');
    expect(s.values('A1:C3')).toEqual([
      ['BÁO CÁO KẾT QUẢ', null, null],
      ['Nội dung', 'Số lượng', 'Tỷ lệ'],
      ['Hoàn thành', 3, 0.75],
    ]);
    expect(s.formula('B4')).toBe('=SUM(B3:B3)');
    expect(s.formula('C4')).toBe('=IF(B4=0,0,B3/B4)');
    expect(s.format('A1')).toMatchObject({
      fontName: 'Times New Roman',
      fontSize: 14,
      bold: true,
      italic: true,
      underline: 'Single',
      fontColor: '#1F4E78',
    });
    expect(s.format('B2')).toMatchObject({
      fill: '#D9E1F2',
      horizontalAlignment: 'Center',
      verticalAlignment: 'Center',
      wrapText: true,
    });
    expect(s.format('A3')).toMatchObject({ indentLevel: 1, fontName: 'Times New Roman', fontSize: 13 });
    // The sheet's font over the cells the spec describes (the whole sheet is over the web's cell limit).
    expect(s.format('C4')).toMatchObject({ fontName: 'Times New Roman', fontSize: 13 });
    expect(s.format('Z99')).toMatchObject({ fontName: 'Calibri', fontSize: 11 });
    expect(s.format('B3').borders).toEqual({
      top: { style: 'Continuous', weight: 'Thin' },
      bottom: { style: 'Continuous', weight: 'Thin' },
      left: { style: 'Continuous', weight: 'Medium' },
      right: { style: 'Continuous', weight: 'Medium' },
    });
    expect(s.format('C4').borders.right).toEqual({ style: 'Continuous', weight: 'Medium' });
    expect(s.numberFormat('C3')).toBe('0%');
    expect(s.numberFormat('B3')).toBe('General');
    expect(s.merges()).toEqual(['A1:D1', 'A5:D5']);
    expect([0, 1, 2].map((c) => s.columnWidth(c))).toEqual([
      columnWidthPoints(40),
      columnWidthPoints(12),
      columnWidthPoints(12),
    ]);
    // As the file format reads a width (ECMA-376 §18.3.1.13): 40 → 280 px; the report grid's 2.25 → 16 px.
    expect(columnWidthPoints(40)).toBe(210);
    expect(columnWidthPoints(2.25)).toBe(12);
    expect([1, 2, 3].map((r) => s.rowHeight(r))).toEqual([30, 20, 20]);
    expect(s.conditionalFormats()).toContainEqual(
      expect.objectContaining({
        type: 'DataBar',
        range: 'C3:C4',
        dataBar: {
          lowerBoundRule: { type: 'Number', formula: '0' },
          upperBoundRule: { type: 'Number', formula: '1' },
          fillColor: '#5B9BD5',
          gradientFill: false,
        },
      }),
    );
    expect(s.freeze).toEqual({ rows: 2, columns: 1 });
    expect(s.pageLayout).toMatchObject({
      orientation: 'Landscape',
      paperSize: 'A4',
      topMargin: mmToPoints(20),
      leftMargin: mmToPoints(30),
      headerMargin: mmToPoints(10),
      printArea: 'A1:D5',
      printTitleRows: '2:2',
      zoom: { scale: 100 }, // a fit to pages waits for the Page Layout tab (office-js#1860); the scale holds
      centerHorizontally: true,
      firstPageNumber: 3,
      headersFooters: {
        state: 'FirstAndDefault',
        firstPage: { centerHeader: '' },
        defaultForAllPages: { centerHeader: 'Trang &P' },
      },
    });
    expect(mmToPoints(20)).toBeCloseTo(56.69, 2);
    expect(s.tabColor).toBe('#70AD47');
    expect(excel.activeSheet()).toBe('Báo cáo');
    expect(excel.selection()).toBe('Báo cáo!A3');
  });

  it('keeps text that starts with = + - @ (or looks like a number) as the exact text', async () => {
    const excel = createFakeExcel();
    excel.addUserSheet('Sheet1');
    const texts = [
      '=SUM(A1)',
      '+84 912 345 678',
      '- Tổ chức hội nghị',
      '@xã',
      '-5',
      '007',
      'TRUE',
      '05/06/2026',
      'bình thường',
    ];
    const port = createOfficeWorkbook(excel.run);
    await port.apply({ write: [sheetSpec('Ghi chú', [texts, [1, 2, 3, 4, 5, 6, 7, 8, 9]])] });
    const s = excel.sheet('Ghi chú');
    expect(s.values('A1:I1')).toEqual([texts]);
    expect(texts.map((_, i) => s.formula(`${String.fromCharCode(65 + i)}1`))).toEqual(texts.map(() => null));
    expect(s.numberFormat('A1')).toBe('@');
    expect(s.numberFormat('I1')).toBe('General');
    expect(s.values('A2:I2')).toEqual([[1, 2, 3, 4, 5, 6, 7, 8, 9]]);
  });

  it('protects scattered risky texts in a long column with one sparse format array, not one request each', async () => {
    const excel = createFakeExcel();
    excel.addUserSheet('Sheet1');
    const rows = Array.from({ length: 400 }, (_, i) => [i, i % 2 === 0 ? `- mục ${i}` : `mục ${i}`]);
    const port = createOfficeWorkbook(excel.run);
    await port.apply({ write: [sheetSpec('Danh sách', rows)] });
    expect(excel.operationCount).toBeLessThan(30);
    const s = excel.sheet('Danh sách');
    expect(s.value('B1')).toBe('- mục 0');
    expect(s.value('B399')).toBe('- mục 398');
    expect(s.numberFormat('B2')).toBe('General');
  });

  it('builds the table, its calculated column (filled down with moved references), validations and conditional formats', async () => {
    const excel = createFakeExcel();
    excel.addUserSheet('Sheet1');
    const port = createOfficeWorkbook(excel.run);
    await port.apply({ write: [trackerSpec('Nhiệm vụ', 5, 60)] });
    const s = excel.sheet('Nhiệm vụ');
    expect(s.tables()).toEqual([
      expect.objectContaining({ name: 'NhiemVu', style: 'TableStyleLight9', range: 'A1:L6' }),
    ]);
    expect(s.tables()[0].columns[11]).toBe('Tình trạng hạn');
    for (const row of [2, 3, 6]) expect(s.formula(`L${row}`)).toBe(stateFormula(row));
    expect(s.numberFormat('C2')).toBe('@');
    expect(s.numberFormat('G3')).toBe('dd/mm/yyyy');
    expect(s.value('G3')).toBe(46101);
    expect(s.value('J2')).toBe('- Báo cáo kết quả');
    expect(s.validations()).toEqual([
      {
        range: 'H2:H6',
        rule: { list: { inCellDropDown: true, source: "='Danh mục'!$B$2:$B$4" } },
        ignoreBlanks: true,
        errorAlert: {
          showAlert: true,
          style: 'Stop',
          title: 'Trạng thái không hợp lệ',
          message: 'Hãy chọn trong danh sách.',
        },
        prompt: null,
      },
      {
        range: 'G2:G6',
        rule: { date: { operator: 'Between', formula1: '2021-01-01', formula2: '2031-12-31' } },
        ignoreBlanks: true,
        errorAlert: {
          showAlert: true,
          style: 'Stop',
          title: 'Ngày không hợp lệ',
          message: 'Hãy nhập một ngày thật.',
        },
        prompt: { showPrompt: true, title: 'Hạn hoàn thành', message: 'Nhập ngày dạng dd/mm/yyyy.' },
      },
    ]);
    // The spec's first rule has the top priority.
    expect(s.conditionalFormats().map((c) => [c.range, c.custom, c.stopIfTrue])).toEqual([
      ['A2:L6', { formula: '=$L2="Quá hạn"', fill: '#FFC7CE', fontColor: '#9C0006' }, true],
      ['A2:L6', { formula: '=$L2="Sắp đến hạn"', fill: '#FFEB9C', fontColor: '#7F4F00' }, true],
    ]);
    expect(s.freeze).toEqual({ rows: 1, columns: 0 });
    expect(s.pageLayout).toMatchObject({
      orientation: 'Landscape',
      printTitleRows: '1:1',
      headersFooters: { state: 'Default' },
    });
    expect(s.rowHeight(1)).toBe(32);
  });

  it('writes a paragraph a row (its own merge and style each) in a few operations, with the same result', async () => {
    const excel = createFakeExcel();
    excel.addUserSheet('Sheet1');
    const rows = 2000;
    const paragraph = {
      alignment: { horizontal: 'justify' as const, vertical: 'top' as const, wrap: true, indent: 2 },
    };
    const spec = sheetSpec(
      'Báo cáo',
      Array.from({ length: rows }, (_, i) => [`- đoạn ${i + 1}`, ...new Array<null>(8).fill(null)]),
      {
        merges: Array.from({ length: rows }, (_, i) => `A${i + 1}:I${i + 1}`),
        styles: Array.from({ length: rows }, (_, i) => ({
          range: `A${i + 1}:I${i + 1}`,
          style: i === 999 ? { ...paragraph, font: { bold: true } } : paragraph,
        })),
      },
    );
    const port = createOfficeWorkbook(excel.run);
    await port.read([]);
    excel.resetStats();

    await port.apply({ write: [spec] });

    expect(excel.syncCount).toBe(1);
    expect(excel.operationCount).toBeLessThan(80);
    const s = excel.sheet('Báo cáo');
    expect(s.merges()).toHaveLength(rows);
    expect(s.merges()).toEqual(expect.arrayContaining(['A1:I1', 'A1000:I1000', 'A2000:I2000']));
    expect(s.format('E1500')).toMatchObject({
      horizontalAlignment: 'Justify',
      indentLevel: 2,
      wrapText: true,
    });
    expect(s.format('A1000').bold).toBe(true);
    expect(s.format('A999').bold).toBeUndefined();
    expect(s.format('A1001').bold).toBeUndefined();
    expect(s.value('A2000')).toBe('- đoạn 2000');
  });

  it('writes whole-number validations with a warning-style alert', async () => {
    const excel = createFakeExcel();
    excel.addUserSheet('Sheet1');
    await createOfficeWorkbook(excel.run).apply({
      write: [
        sheetSpec('Cài đặt', [['Năm', 2026]], {
          validations: [
            {
              range: 'B1',
              rule: { type: 'wholeNumber', min: 1990, max: 2100 },
              allowBlank: false,
              error: { title: 'Năm', message: 'Từ 1990 đến 2100.', style: 'warning' },
            },
          ],
        }),
      ],
    });
    expect(excel.sheet('Cài đặt').validations()[0]).toMatchObject({
      rule: { wholeNumber: { operator: 'Between', formula1: 1990, formula2: 2100 } },
      ignoreBlanks: false,
      errorAlert: { style: 'Warning' },
    });
  });

  it('replaces an existing sheet in place: same tab position, old content gone', async () => {
    const excel = createFakeExcel();
    excel.addUserSheet('Đầu');
    excel.addUserSheet('Báo cáo', [
      ['cũ', 'cũ'],
      ['cũ', 'cũ'],
    ]);
    excel.addUserSheet('Cuối');
    excel.addTable('Báo cáo', 'BangCu', 'A1:B2');
    const port = createOfficeWorkbook(excel.run);
    await port.read(['Báo cáo']);
    excel.resetStats();

    await port.apply({ write: [sheetSpec('Báo cáo', [['mới']]), sheetSpec('Thêm', [[1]])] });

    expect(excel.syncCount).toBe(1);
    expect(excel.sheetNames()).toEqual(['Đầu', 'Báo cáo', 'Cuối', 'Thêm']);
    expect(excel.sheet('Báo cáo').values()).toEqual([['mới']]);
    expect(excel.sheet('Báo cáo').tables()).toEqual([]);
  });

  it('replaces a very hidden sheet and hides the new one as the spec says', async () => {
    const excel = createFakeExcel();
    excel.addUserSheet('Nhiệm vụ');
    excel.addUserSheet('Sổ đăng ký', [['cũ']]).state.visibility = 'VeryHidden';
    const port = createOfficeWorkbook(excel.run);
    await port.read([]);
    await port.apply({ write: [sheetSpec('Sổ đăng ký', [['mới']], { visibility: 'veryHidden' })] });
    expect(excel.sheetNames()).toEqual(['Nhiệm vụ', 'Sổ đăng ký']);
    expect(excel.sheet('Sổ đăng ký').visibility).toBe('VeryHidden');
    expect(excel.sheet('Sổ đăng ký').value('A1')).toBe('mới');
  });

  it('refuses to write a protected sheet before queueing anything, leaving the workbook unchanged', async () => {
    const excel = createFakeExcel();
    excel.addUserSheet('Nhiệm vụ', [['của người dùng']]);
    excel.protect('Nhiệm vụ');
    const port = createOfficeWorkbook(excel.run);
    await port.read(['Nhiệm vụ']);
    excel.resetStats();

    const error = await caught(
      port.apply({ write: [sheetSpec('Danh mục', [['a']]), sheetSpec('Nhiệm vụ', [['mới']])] }),
    );

    expect(error).toMatchObject({ code: 'sheetProtected', sheet: 'Nhiệm vụ' });
    expect(excel.syncCount).toBe(0);
    expect(excel.sheetNames()).toEqual(['Nhiệm vụ']);
    expect(excel.sheet('Nhiệm vụ').value('A1')).toBe('của người dùng');
  });

  it('sets single cells without touching the rest, keeping risky text as text', async () => {
    const excel = createFakeExcel();
    excel.addUserSheet('Cài đặt', [
      ['Năm', 2025],
      ['Ghi chú', 'x'],
      ['Ngày', null],
    ]);
    const port = createOfficeWorkbook(excel.run);
    await port.read(['Cài đặt']);
    excel.resetStats();
    await port.apply({
      write: [],
      updates: [
        { sheet: 'Cài đặt', cell: 'B1', value: 2026 },
        { sheet: 'Cài đặt', cell: 'B2', value: '- theo kế hoạch' },
        { sheet: 'Cài đặt', cell: 'B3', value: 46100, numberFormat: 'dd/mm/yyyy' },
      ],
    });
    expect(excel.syncCount).toBe(1);
    const s = excel.sheet('Cài đặt');
    expect(s.values()).toEqual([
      ['Năm', 2026],
      ['Ghi chú', '- theo kế hoạch'],
      ['Ngày', 46100],
    ]);
    expect(s.numberFormat('B3')).toBe('dd/mm/yyyy');
  });

  it('refuses updates to a missing or protected sheet before writing anything', async () => {
    const excel = createFakeExcel();
    excel.addUserSheet('Khóa');
    excel.protect('Khóa');
    const port = createOfficeWorkbook(excel.run);
    await port.read([]);
    const missing = await caught(
      port.apply({
        write: [sheetSpec('Mới', [[1]])],
        updates: [{ sheet: 'Không có', cell: 'A1', value: 1 }],
      }),
    );
    expect(missing).toMatchObject({ code: 'sheetNotFound', sheet: 'Không có' });
    const locked = await caught(
      port.apply({ write: [], updates: [{ sheet: 'Khóa', cell: 'A1', value: 1 }] }),
    );
    expect(locked).toMatchObject({ code: 'sheetProtected', sheet: 'Khóa' });
    expect(excel.sheetNames()).toEqual(['Khóa']);
  });

  it('takes one extra sync to list the sheets when apply comes without a read', async () => {
    const excel = createFakeExcel();
    excel.addUserSheet('Sheet1');
    const port = createOfficeWorkbook(excel.run);
    await port.apply({ write: [sheetSpec('A', [[1]])] });
    expect(excel.syncCount).toBe(2);
    excel.resetStats();
    await port.read([]);
    await port.apply({ write: [sheetSpec('B', [[1]])] });
    expect(excel.syncCount).toBe(2); // read (1: nothing requested exists) + apply (1)
  });

  it('moves the sheets named in tabOrder that exist to the front, in that order, in the same sync', async () => {
    const excel = createFakeExcel();
    excel.addUserSheet('Sheet1');
    excel.addUserSheet('Của tôi');
    excel.addUserSheet('Danh mục', [['cũ']]);
    const port = createOfficeWorkbook(excel.run);
    await port.read([]);
    excel.resetStats();

    await port.apply({
      write: [sheetSpec('Danh mục', [['mới']]), sheetSpec('Cài đặt', [[1]]), sheetSpec('Nhiệm vụ', [[2]])],
      activate: 'Nhiệm vụ',
      tabOrder: ['Nhiệm vụ', 'Không có', 'danh mục', 'Cài đặt', 'Nhiệm vụ'],
    });

    expect(excel.syncCount).toBe(1);
    expect(excel.sheetNames()).toEqual(['Nhiệm vụ', 'Danh mục', 'Cài đặt', 'Sheet1', 'Của tôi']);
    expect(excel.sheet('Danh mục').value('A1')).toBe('mới');
    expect(excel.activeSheet()).toBe('Nhiệm vụ');
  });

  it('puts an existing sheet it does not write in the tab order too, and leaves the order alone without tabOrder', async () => {
    const excel = createFakeExcel();
    excel.addUserSheet('A');
    excel.addUserSheet('B');
    excel.addUserSheet('C');
    const port = createOfficeWorkbook(excel.run);
    await port.apply({ write: [sheetSpec('D', [[1]])], tabOrder: ['C'] });
    expect(excel.sheetNames()).toEqual(['C', 'A', 'B', 'D']);
    await port.apply({ write: [sheetSpec('E', [[1]])] });
    expect(excel.sheetNames()).toEqual(['C', 'A', 'B', 'D', 'E']);
  });

  it('refuses data-validation texts past Excel’s limits, as the .xlsx adapter does, before writing anything', async () => {
    const excel = createFakeExcel();
    excel.addUserSheet('Sheet1');
    const port = createOfficeWorkbook(excel.run);
    const long = 'Tiêu đề rất dài vượt quá ba mươi hai ký tự cho phép';
    const refused = await caught(
      port.apply({
        write: [
          sheetSpec('A', [[1]], {
            validations: [
              {
                range: 'A1',
                rule: { type: 'wholeNumber', min: 0, max: 9 },
                allowBlank: true,
                error: { title: long, message: 'x', style: 'stop' },
              },
            ],
          }),
        ],
      }),
    );
    expect(refused).toMatchObject({ code: 'unsupported', sheet: 'A' });
    expect(refused.message).toBe(PLAN_ERROR.validationTextTooLong('A', 'A1', long.length, 32));
    expect(excel.sheetNames()).toEqual(['Sheet1']);
  });

  it('refuses a plan with a cell or formula Excel cannot hold, before writing anything', async () => {
    const excel = createFakeExcel();
    excel.addUserSheet('Sheet1');
    const port = createOfficeWorkbook(excel.run);
    await port.read([]);
    excel.resetStats();
    const text = await caught(
      port.apply({ write: [sheetSpec('A', [[1]]), sheetSpec('B', [['x'.repeat(40_000)]])] }),
    );
    expect(text).toMatchObject({ code: 'unsupported', sheet: 'B' });
    expect(text.message).toBe(PLAN_ERROR.cellTooLong('B', 'A1', 40_000, EXCEL.maxCellChars));
    const formula = await caught(
      port.apply({
        write: [sheetSpec('C', [[null]], { formulas: [{ cell: 'A1', formula: `=${'1+'.repeat(5000)}1` }] })],
      }),
    );
    expect(formula).toMatchObject({ code: 'unsupported', sheet: 'C' });
    expect(formula.message).toBe(PLAN_ERROR.formulaTooLong('C', 'A1', 10_002, EXCEL.maxFormulaChars));
    expect(excel.syncCount).toBe(1); // the sheet list for the second apply; nothing written
    expect(excel.sheetNames()).toEqual(['Sheet1']);
  });

  it('refuses a plan with an error value to keep, rather than write something else in its place', async () => {
    const excel = createFakeExcel();
    excel.addUserSheet('Sheet1');
    const port = createOfficeWorkbook(excel.run);
    await port.read([]);
    excel.resetStats();
    const refused = await caught(
      port.apply({
        write: [sheetSpec('A', [['a', null]], { errorCells: [{ cell: 'B1', error: '#N/A' }] })],
      }),
    );
    expect(refused).toMatchObject({ code: 'unsupported', sheet: 'A' });
    expect(refused.message).toBe(OFFICE_ERROR.errorValueUnsupported('A', 'B1', '#N/A'));
    expect(excel.syncCount).toBe(0);
    expect(excel.sheetNames()).toEqual(['Sheet1']);
  });
});
