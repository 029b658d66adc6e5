/** The Office adapter's read(): one batch of two syncs, used ranges padded to A1, errors and empties mapped. */
import { createOfficeWorkbook } from '../../src/workbook/office/officeWorkbook';
import { toRawSheet } from '../../src/workbook/office/readSheets';
import { createFakeExcel } from '../fake-excel';

describe('Office adapter: read', () => {
  it('lists every sheet in tab order with protection and visibility, in two syncs', async () => {
    const excel = createFakeExcel();
    excel.addUserSheet('Nhiệm vụ', [['STT']]);
    excel.addUserSheet('Cài đặt', [['Năm', 2026]]);
    excel.addUserSheet('Sổ đăng ký');
    excel.protect('Cài đặt');
    excel.sheet('Sổ đăng ký').state.visibility = 'VeryHidden';
    const port = createOfficeWorkbook(excel.run);

    const snapshot = await port.read(['Nhiệm vụ', 'Cài đặt', 'Báo cáo']);

    expect(excel.syncCount).toBe(2);
    expect(snapshot.sheets).toEqual([
      { name: 'Nhiệm vụ', protected: false, visibility: 'visible' },
      { name: 'Cài đặt', protected: true, visibility: 'visible' },
      { name: 'Sổ đăng ký', protected: false, visibility: 'veryHidden' },
    ]);
    expect(Object.keys(snapshot.contents)).toEqual(['Nhiệm vụ', 'Cài đặt']);
    expect(snapshot.contents['Cài đặt'].values).toEqual([['Năm', 2026]]);
  });

  it('needs one sync only when none of the requested sheets exists', async () => {
    const excel = createFakeExcel();
    excel.addUserSheet('Sheet1');
    const snapshot = await createOfficeWorkbook(excel.run).read(['Nhiệm vụ']);
    expect(excel.syncCount).toBe(1);
    expect(snapshot.contents).toEqual({});
  });

  it('pads a used range that starts below/right of A1 so row 0 is sheet row 1', async () => {
    const excel = createFakeExcel();
    excel.addUserSheet(
      'Dữ liệu',
      [
        ['Tên', 'Ngày'],
        ['Việc A', 46100],
      ],
      {
        origin: 'C3',
        numberFormats: { D4: 'dd/mm/yyyy' },
      },
    );
    const { contents } = await createOfficeWorkbook(excel.run).read(['Dữ liệu']);
    const sheet = contents['Dữ liệu'];
    expect(sheet.values).toEqual([
      [null, null, null, null],
      [null, null, null, null],
      [null, null, 'Tên', 'Ngày'],
      [null, null, 'Việc A', 46100],
    ]);
    expect(sheet.numberFormats[3]).toEqual(['General', 'General', 'General', 'dd/mm/yyyy']);
    expect(sheet.formulas.every((row) => row.every((f) => f === null))).toBe(true);
    expect(sheet.hiddenRows).toEqual([]);
  });

  it('maps error cells to {error}, empty strings to null, and keeps formulas apart from text', async () => {
    const excel = createFakeExcel();
    excel.addUserSheet('Dữ liệu', [[{ error: '#N/A' }, '', 'x', '=văn bản', 5, true]], {
      formulas: { E1: '=2+3' },
      numberFormats: { D1: '@' },
    });
    const { contents } = await createOfficeWorkbook(excel.run).read(['dữ liệu']);
    const sheet = contents['dữ liệu'];
    expect(sheet.name).toBe('Dữ liệu');
    expect(sheet.values).toEqual([[{ error: '#N/A' }, null, 'x', '=văn bản', 5, true]]);
    expect(sheet.formulas).toEqual([[null, null, null, null, '=', null]]);
  });

  it('marks every formula cell "=" from where Excel says the formulas are (ExcelApi 1.9), in several areas, in two syncs', async () => {
    const excel = createFakeExcel();
    const name = "Kỳ 1, bản 'mới' số 2"; // a comma and apostrophes inside the quoted sheet name
    excel.addUserSheet(
      name,
      [
        ['a', 1, null, null],
        ['b', 2, null, 'x'],
        ['c', 3, null, '=chữ'],
      ],
      {
        origin: 'B2',
        formulas: { D2: '=C2*2', D3: '=C3*2', D4: '=C4*2', B5: '=1', E2: '=TODAY()' },
        numberFormats: { E4: '@' },
      },
    );
    const { contents } = await createOfficeWorkbook(excel.run).read([name]);
    expect(excel.syncCount).toBe(2);
    const marks = contents[name].formulas.map((row) => row.map((f) => (f === null ? '.' : f)).join(''));
    expect(marks).toEqual(['.....', '...==', '...=.', '...=.', '.=...']);
    expect(contents[name].values[3][4]).toBe('=chữ');
  });

  it('reads a sheet without formulas with every formula entry null', async () => {
    const excel = createFakeExcel();
    excel.addUserSheet('Dữ liệu', [
      ['a', 1],
      ['b', 2],
    ]);
    const { contents } = await createOfficeWorkbook(excel.run).read(['Dữ liệu']);
    expect(contents['Dữ liệu'].formulas).toEqual([
      [null, null],
      [null, null],
    ]);
  });

  it('reports the tables of the requested sheets with addresses without the sheet name', async () => {
    const excel = createFakeExcel();
    excel.addUserSheet('Nhiệm vụ', [
      ['STT', 'Nội dung'],
      [1, 'a'],
    ]);
    excel.addUserSheet('Khác', [['x']]);
    excel.addTable('Nhiệm vụ', 'NhiemVu', 'A1:B2');
    excel.addTable('Khác', 'Khac', 'A1:A1');
    const { contents } = await createOfficeWorkbook(excel.run).read(['Nhiệm vụ']);
    expect(contents['Nhiệm vụ'].tables).toEqual([{ name: 'NhiemVu', range: 'A1:B2' }]);
  });

  it('returns empty grids for a blank sheet', async () => {
    const excel = createFakeExcel();
    excel.addUserSheet('Trống');
    const { contents } = await createOfficeWorkbook(excel.run).read(['Trống']);
    expect(contents['Trống']).toEqual({
      name: 'Trống',
      values: [],
      formulas: [],
      numberFormats: [],
      hiddenRows: [],
      tables: [],
    });
  });

  it('treats the single empty A1 Excel reports for a blank sheet as nothing', () => {
    const blank = {
      address: 'Trống!A1',
      values: [['']],
      valueTypes: [['Empty']],
      numberFormat: [['General']],
      formulaAreas: null,
    };
    expect(toRawSheet('Trống', blank, []).values).toEqual([]);
  });
});
