/**
 * Writing a sheet that exists already (Tổng hợp, a report, the register) in place: the same worksheet,
 * emptied and written again, so formulas a user wrote on other sheets against it keep working. Deleting the
 * sheet and adding a new one of the same name — what the adapter did before, and still does for a sheet with
 * a table or on a host without ExcelApi 1.9 — turns them into #REF!, as the fake Excel does like Excel.
 */
import { compileReport } from '../../src/app';

import { SHEET } from '../../src/i18n/vi';

import type { SheetSpec } from '../../src/sheets/spec';

import { createOfficeWorkbook } from '../../src/workbook/office/officeWorkbook';

import { createFakeExcel, type FakeExcel, type SheetView } from '../fake-excel';

import { richSpec, sheetSpec } from '../support/specBuilder';

import { initNamed } from '../support/identity';

import { bigSeeds } from '../support/fakeOffice';

const now = new Date('2026-06-05T03:00:00Z');
const asOf = '2026-06-05';
const REPORT = 'Báo cáo 6 tháng 2026';
const DASHBOARD = 'Bảng điều khiển';

/** A user's own sheet built on the add-in's: quoted and unquoted references, a range, a whole column. */
const DASHBOARD_FORMULAS: Record<string, string> = {
  A1: `='${SHEET.summary}'!C20`,
  A2: `=SUM('${REPORT}'!C10:C12)`,
  A3: `=IF('${SHEET.summary}'!D5>0,'${REPORT}'!A6,"Tổng hợp!C20 chưa có")`,
  A4: `=COUNTA(${SHEET.register}!A:A)`,
  A5: `='${SHEET.tracker}'!C2`,
};

async function trackerWorkbook(rows?: number): Promise<FakeExcel> {
  const excel = createFakeExcel();
  const seeds = rows ? bigSeeds(rows) : undefined;
  const out = await initNamed(createOfficeWorkbook(excel.run), { year: 2026, now, seeds });
  expect(out.ok).toBe(true);
  return excel;
}

function formulasOf(sheet: SheetView, cells: string[]): Record<string, string | null> {
  return Object.fromEntries(cells.map((c) => [c, sheet.formula(c)]));
}

/** A sheet as data, without what differs between two workbooks written the same way (ids). */
function contentOf(sheet: SheetView): unknown {
  const s = sheet.state;
  return {
    name: s.name,
    visibility: s.visibility,
    tabColor: s.tabColor,
    cells: [...s.cells.entries()].sort((a, b) => a[0] - b[0]),
    layers: s.layers,
    merges: s.merges,
    columnWidths: [...s.columnWidths.entries()].sort((a, b) => a[0] - b[0]),
    rowHeights: [...s.rowHeights.entries()].sort((a, b) => a[0] - b[0]),
    hiddenRows: [...s.hiddenRows],
    hiddenColumns: [...s.hiddenColumns],
    validations: s.validations,
    conditionalFormats: s.conditionalFormats.map(({ id: _id, ...rest }) => rest),
    freeze: s.freeze,
    pageLayout: s.pageLayout,
  };
}

/** The same name, nothing but two rows of cells. */
function plainSpec(name: string): SheetSpec {
  return sheetSpec(name, [
    ['mới', 1],
    ['mới', 2],
  ]);
}

/** A workbook with "Đầu", `name` (written from `first` by the adapter), "Cuối", read and ready to apply. */
async function withSheet(name: string, first: SheetSpec): Promise<FakeExcel> {
  const excel = createFakeExcel();
  excel.addUserSheet('Đầu');
  await createOfficeWorkbook(excel.run).apply({ write: [first] });
  excel.addUserSheet('Cuối');
  expect(excel.sheetNames()).toEqual(['Đầu', name, 'Cuối']);
  return excel;
}

describe('a user’s formulas on the add-in’s sheets survive Tổng hợp báo cáo', () => {
  it("keeps ='Tổng hợp'!C20 and the report references through two more compileReport runs", async () => {
    const excel = await trackerWorkbook();
    expect((await compileReport(createOfficeWorkbook(excel.run), { asOf, now })).ok).toBe(true);
    const dashboard = excel.addUserSheet(DASHBOARD, [], { formulas: DASHBOARD_FORMULAS });
    const order = excel.sheetNames();
    const ids = [SHEET.summary, REPORT, SHEET.register].map((n) => excel.sheet(n).state.id);

    for (let run = 0; run < 2; run++) {
      const port = createOfficeWorkbook(excel.run);
      const out = await compileReport(port, { asOf, now: new Date(now.getTime() + run * 60_000) });
      expect(out).toMatchObject({ ok: true, sheet: REPORT });
      expect(port.lastWarnings).toEqual([]);
      expect(formulasOf(dashboard, Object.keys(DASHBOARD_FORMULAS))).toEqual(DASHBOARD_FORMULAS);
      // The same worksheets, in the same tab positions: written in place, not deleted and added again.
      expect(excel.sheetNames()).toEqual(order);
      expect([SHEET.summary, REPORT, SHEET.register].map((n) => excel.sheet(n).state.id)).toEqual(ids);
      expect(excel.sheet(SHEET.register).visibility).toBe('VeryHidden');
      expect(excel.sheet(REPORT).value('A6')).toBe('BÁO CÁO');
      expect(excel.activeSheet()).toBe(REPORT);
    }
  });

  it('takes at most 3 context.sync() calls at 5,000 rows when the sheets are replaced in place', async () => {
    const excel = await trackerWorkbook(5000);
    expect((await compileReport(createOfficeWorkbook(excel.run), { asOf, now })).ok).toBe(true);
    const ids = [SHEET.summary, REPORT, SHEET.register].map((n) => excel.sheet(n).state.id);
    excel.resetStats();

    const out = await compileReport(createOfficeWorkbook(excel.run), { asOf, now });

    expect(out.ok).toBe(true);
    expect(out.content!.totals.tasks).toBe(5000);
    expect([SHEET.summary, REPORT, SHEET.register].map((n) => excel.sheet(n).state.id)).toEqual(ids);
    expect(excel.syncCount).toBeLessThanOrEqual(3);
    for (const p of excel.payloads) expect(p).toBeLessThanOrEqual(4 * 1024 * 1024);
    const mb = (b: number): string => `${(b / 1024 / 1024).toFixed(2)} MB`;
    console.info(
      `compileReport again at 5,000 rows: ${excel.syncCount} syncs, requests ${excel.payloads.map(mb).join(', ')}`,
    );
  });
});

describe('Office adapter: replacing a sheet in place', () => {
  it('leaves nothing of the old sheet: cells, formats, merges, formats, validations, sizes, panes, page setup', async () => {
    const excel = await withSheet('Báo cáo', richSpec('Báo cáo'));
    const before = excel.sheet('Báo cáo');
    const id = before.state.id;
    before.state.hiddenRows.add(6);
    before.state.hiddenColumns.add(7);
    expect(before.merges()).toHaveLength(2);
    expect(before.conditionalFormats()).toHaveLength(2);
    expect(before.validations()).toHaveLength(2);
    const port = createOfficeWorkbook(excel.run);
    await port.read(['Báo cáo']);
    excel.resetStats();

    await port.apply({ write: [plainSpec('Báo cáo')] });

    expect(excel.syncCount).toBe(1);
    expect(port.lastWarnings).toEqual([]);
    expect(excel.sheetNames()).toEqual(['Đầu', 'Báo cáo', 'Cuối']);
    const s = excel.sheet('Báo cáo');
    expect(s.state.id).toBe(id);
    expect(s.values()).toEqual([
      ['mới', 1],
      ['mới', 2],
    ]);
    expect(s.usedRange()).toBe('A1:B2');
    expect(s.formula('F9')).toBeNull();
    expect(s.state.layers).toEqual([]);
    expect(s.format('A1')).toEqual({
      fontName: 'Calibri',
      fontSize: 11,
      numberFormat: 'General',
      borders: {},
    });
    expect(s.numberFormat('C3')).toBe('General');
    expect(s.merges()).toEqual([]);
    expect(s.conditionalFormats()).toEqual([]);
    expect(s.validations()).toEqual([]);
    expect(s.state.columnWidths.size).toBe(0);
    expect(s.state.rowHeights.size).toBe(0);
    expect(s.state.hiddenRows.size).toBe(0);
    expect(s.state.hiddenColumns.size).toBe(0);
    expect(s.freeze).toBeNull();
    expect(s.tabColor).toBe('');
    expect(s.visibility).toBe('Visible');
    const blank = {
      leftHeader: '',
      centerHeader: '',
      rightHeader: '',
      leftFooter: '',
      centerFooter: '',
      rightFooter: '',
    };
    expect(s.pageLayout).toMatchObject({
      orientation: 'Portrait',
      topMargin: 54,
      bottomMargin: 54,
      leftMargin: 50.4,
      rightMargin: 50.4,
      headerMargin: 21.6,
      footerMargin: 21.6,
      zoom: { scale: 100 },
      centerHorizontally: false,
      firstPageNumber: '',
      // No way to remove a print area through Office.js: it is set to the cells the new spec describes.
      printArea: 'A1:B2',
      printTitleRows: null,
      headersFooters: { state: 'Default', firstPage: blank, defaultForAllPages: blank },
    });
  });

  it('gives the same sheet as writing the spec on a new one', async () => {
    const fresh = createFakeExcel();
    fresh.addUserSheet('Đầu');
    await createOfficeWorkbook(fresh.run).apply({ write: [richSpec('Báo cáo')] });

    const replaced = await withSheet('Báo cáo', richSpec('Báo cáo'));
    replaced.sheet('Báo cáo').state.hiddenRows.add(3);
    const port = createOfficeWorkbook(replaced.run);
    await port.read(['Báo cáo']);
    await port.apply({ write: [richSpec('Báo cáo')] });

    expect(contentOf(replaced.sheet('Báo cáo'))).toEqual(contentOf(fresh.sheet('Báo cáo')));
  });

  it('keeps the tab position of a sheet in the middle and takes the spec’s spelling of its name', async () => {
    const excel = await withSheet('BÁO CÁO', plainSpec('BÁO CÁO'));
    const user = excel.addUserSheet('Của tôi', [], { formulas: { A1: "='BÁO CÁO'!B2" } });
    const port = createOfficeWorkbook(excel.run);
    await port.read([]);
    await port.apply({ write: [sheetSpec('Báo cáo', [['mới']])], tabOrder: [] });
    expect(excel.sheetNames()).toEqual(['Đầu', 'Báo cáo', 'Cuối', 'Của tôi']);
    expect(excel.sheet('Báo cáo').values()).toEqual([['mới']]);
    // Excel rewrites references to a renamed sheet; the fake does too.
    expect(user.formula('A1')).toBe("='Báo cáo'!B2");
  });

  it('hides the sheet again as the spec says, and shows a hidden one whose spec says nothing', async () => {
    const excel = createFakeExcel();
    excel.addUserSheet('Nhiệm vụ');
    excel.addUserSheet('Sổ', [['cũ']]).state.visibility = 'VeryHidden';
    excel.addUserSheet('Ẩn', [['cũ']]).state.visibility = 'Hidden';
    const port = createOfficeWorkbook(excel.run);
    await port.read([]);
    await port.apply({
      write: [sheetSpec('Sổ', [['mới']], { visibility: 'veryHidden' }), sheetSpec('Ẩn', [['mới']])],
    });
    expect(excel.sheet('Sổ').visibility).toBe('VeryHidden');
    expect(excel.sheet('Ẩn').visibility).toBe('Visible');
    expect(excel.sheetNames()).toEqual(['Nhiệm vụ', 'Sổ', 'Ẩn']);
  });

  it('queues nothing when another sheet of the plan is protected', async () => {
    const excel = await withSheet('Báo cáo', richSpec('Báo cáo'));
    excel.addUserSheet('Khóa', [['x']]);
    excel.protect('Khóa');
    const before = contentOf(excel.sheet('Báo cáo'));
    const port = createOfficeWorkbook(excel.run);
    await port.read([]);
    excel.resetStats();
    await expect(
      port.apply({ write: [plainSpec('Báo cáo'), sheetSpec('Khóa', [['mới']])] }),
    ).rejects.toMatchObject({ code: 'sheetProtected', sheet: 'Khóa' });
    expect(excel.syncCount).toBe(0);
    expect(contentOf(excel.sheet('Báo cáo'))).toEqual(before);
  });

  it('splits a big replacement across syncs by bytes, the sheet emptied before it is written', async () => {
    const rows = (n: number, text: string): (string | number)[][] =>
      Array.from({ length: n }, (_, i) => [i + 1, `${text} ${i + 1} — ${'nội dung '.repeat(8)}`]);
    const excel = await withSheet('Lớn', sheetSpec('Lớn', rows(3000, 'cũ'), { merges: ['C1:D1'] }));
    const maxSyncBytes = 48 * 1024;
    const port = createOfficeWorkbook(excel.run, { maxSyncBytes });
    await port.read([]);
    excel.resetStats();

    await port.apply({ write: [sheetSpec('Lớn', rows(2000, 'mới'))] });

    expect(excel.syncCount).toBeGreaterThan(3);
    for (const p of excel.payloads) expect(p).toBeLessThanOrEqual(maxSyncBytes + 1024);
    const s = excel.sheet('Lớn');
    expect(s.usedRange()).toBe('A1:B2000');
    expect(s.value('B2000')).toMatch(/^mới 2000 /);
    expect(s.value('A2001')).toBeNull();
    expect(s.merges()).toEqual([]);
  });
});

describe('Office adapter: a sheet with a table is still replaced by delete-and-add', () => {
  it('replaces it correctly, in its tab position, and writes the other sheets of the plan in place', async () => {
    const excel = createFakeExcel();
    excel.addUserSheet('Đầu');
    excel.addUserSheet('Bảng', [
      ['Tên', 'Số'],
      ['cũ', 1],
    ]);
    excel.addTable('Bảng', 'BangCu', 'A1:B2');
    excel.addUserSheet('Khác', [['cũ']]);
    excel.addUserSheet('Cuối');
    const user = excel.addUserSheet('Của tôi', [], {
      formulas: { A1: '=Bảng!B2', A2: '=Khác!A1', A3: '=SUM(BangCu[Số])' },
    });
    const otherId = excel.sheet('Khác').state.id;
    const port = createOfficeWorkbook(excel.run);
    await port.read(['Khác']); // the tables come with every read, requested sheet or not
    excel.resetStats();

    await port.apply({
      write: [
        sheetSpec('Bảng', [
          ['Tên', 'Số'],
          ['mới', 2],
          ['mới', 3],
        ]),
        sheetSpec('Khác', [['mới']]),
      ],
    });

    expect(excel.syncCount).toBe(1);
    expect(excel.sheetNames()).toEqual(['Đầu', 'Bảng', 'Khác', 'Cuối', 'Của tôi']);
    expect(excel.sheet('Bảng').values()).toEqual([
      ['Tên', 'Số'],
      ['mới', 2],
      ['mới', 3],
    ]);
    expect(excel.sheet('Bảng').tables()).toEqual([]);
    expect(excel.sheet('Khác').state.id).toBe(otherId);
    expect(excel.sheet('Khác').values()).toEqual([['mới']]);
    // The price of delete-and-add: the reference to the table's sheet is lost; the other survives.
    expect(user.formula('A1')).toBe('=#REF!B2');
    expect(user.formula('A2')).toBe('=Khác!A1');
  });

  it('finds the table sheets in the extra sync an apply without a read takes', async () => {
    const excel = createFakeExcel();
    excel.addUserSheet('Bảng', [['Tên'], ['cũ']]);
    excel.addTable('Bảng', 'BangCu', 'A1:A2');
    excel.addUserSheet('Khác', [['cũ']]);
    const otherId = excel.sheet('Khác').state.id;
    const tableId = excel.sheet('Bảng').state.id;

    await createOfficeWorkbook(excel.run).apply({
      write: [sheetSpec('Bảng', [['Tên'], ['mới']]), sheetSpec('Khác', [['mới']])],
    });

    expect(excel.syncCount).toBe(2);
    expect(excel.sheet('Bảng').state.id).not.toBe(tableId);
    expect(excel.sheet('Bảng').values()).toEqual([['Tên'], ['mới']]);
    expect(excel.sheet('Khác').state.id).toBe(otherId);
    expect(excel.sheetNames()).toEqual(['Bảng', 'Khác']);
  });
});
