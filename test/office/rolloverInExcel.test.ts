/**
 * "Chuyển sang năm mới" in Excel: the pane reads the open workbook through the Office.js adapter (on the fake
 * Excel API), builds next year's workbook as an .xlsx in memory and opens it with Excel.createWorkbook
 * (ExcelApi 1.8); the open workbook is read, never written.
 */

import { serialFromIso } from '../../src/domain/dates';
import { SHEET, STATUS_LABEL } from '../../src/i18n/vi';
import { ROLLOVER, ROLLOVER_PANE } from '../../src/i18n/rollover';
import { createPaneActions } from '../../src/taskpane/paneActions';
import { openWorkbookInExcel, toBase64 } from '../../src/taskpane/openWorkbook';
import { createOfficeWorkbook } from '../../src/workbook/office/officeWorkbook';
import { openXlsx } from '../../src/workbook/xlsx/xlsxWorkbook';
import { createFakeExcel, type FakeExcel } from '../fake-excel';
import { initNamed } from '../support/identity';

const today = '2026-11-29';

/** A 2026 tracker written by the add-in in a live workbook, then worked on: row 2 done, row 40 late. */
async function liveTracker(): Promise<FakeExcel> {
  const excel = createFakeExcel();
  excel.addUserSheet('Trang tính1');
  await initNamed(createOfficeWorkbook(excel.run), { year: 2026 });
  await excel.run(async (context) => {
    const ws = context.workbook.worksheets.getItem(SHEET.tracker);
    ws.getRange('H2:I2').values = [[STATUS_LABEL.done, serialFromIso('2026-03-20')]];
    ws.getRange('H40').values = [[STATUS_LABEL.inProgress]];
    ws.getRange('K40').values = [['Chờ kinh phí']];
    await context.sync();
  });
  return excel;
}

/** Every sheet's values and formulas, to see that nothing changed. */
function contents(excel: FakeExcel): string {
  return JSON.stringify(
    excel.sheetNames().map((name) => {
      const sheet = excel.sheet(name);
      return [
        name,
        sheet.visibility,
        sheet.values(),
        sheet
          .values()
          .map((r, i) => r.map((_, j) => sheet.formula(`${String.fromCharCode(65 + j)}${i + 1}`))),
      ];
    }),
  );
}

function actionsFor(excel: FakeExcel, onMac = false) {
  return createPaneActions(createOfficeWorkbook(excel.run), {
    onMac,
    today: () => today,
    selectCell: async () => undefined,
    subscribeToChanges: async () => () => undefined,
    openWorkbook: (bytes) =>
      openWorkbookInExcel(bytes, {
        createWorkbook: (base64) => excel.createWorkbook(base64),
        logError: () => undefined,
      }),
  });
}

describe('Chuyển sang năm mới in Excel on a Mac', () => {
  it('says the new window may be behind this one, and offers no download (a Mac cannot save it)', async () => {
    const excel = await liveTracker();
    const view = await actionsFor(excel, true).rolloverTracker();
    expect(view.opened).toBe(true);
    expect(view.message).toContain(ROLLOVER_PANE.openedMac(2027, 'ke-hoach-cchc-2027.xlsx'));
    expect(view.message).toContain('phía sau cửa sổ này');
    expect(view.downloadable).toBe(false);
  });

  it('points to Excel on the web or the CLI where the new window could not open', async () => {
    const excel = await liveTracker();
    excel.failNextCreateWorkbook(
      Object.assign(new Error('There was an internal error'), { code: 'GeneralException' }),
    );
    const view = await actionsFor(excel, true).rolloverTracker();
    expect(view.opened).toBe(false);
    expect(view.message).toContain(ROLLOVER_PANE.noDownloadMac(2027));
    expect(view.message).not.toContain('Tải tệp');
    expect(view.downloadable).toBe(false);
  });
});

describe('Chuyển sang năm mới in Excel', () => {
  it('opens next year’s workbook with Excel.createWorkbook, reading the open one without writing to it', async () => {
    const excel = await liveTracker();
    const before = contents(excel);
    excel.resetStats();
    const view = await actionsFor(excel).rolloverTracker();
    expect(view.ok).toBe(true);
    expect(view.opened).toBe(true);
    expect(view.message).toContain(ROLLOVER_PANE.opened(2027, 'ke-hoach-cchc-2027.xlsx'));
    expect(contents(excel)).toBe(before);
    expect(excel.syncCount).toBeLessThanOrEqual(2); // the read: the sheet list, then the cells
    expect(excel.createdWorkbooks).toHaveLength(1);
    const made = await openXlsx(excel.createdWorkbooks[0]);
    const tracker = (await made.read([SHEET.tracker])).contents[SHEET.tracker];
    const camera = view.carried!.find((c) => c.row === 40)!;
    expect(camera.state).toBe('overdue');
    expect(tracker.values[camera.newRow - 1][10]).toBe(`Chờ kinh phí\n${ROLLOVER.carriedNote(2026, 40)}`);
    // Row 2 is done, so it stays behind; the other 30 rows not done by 29/11 come along.
    expect(view.carried!.map((c) => c.row)).not.toContain(2);
    expect(view.carried).toHaveLength(30);
    expect(view.file!.name).toBe('ke-hoach-cchc-2027.xlsx');
  });

  it('offers the file for download where Excel refuses to create the workbook', async () => {
    const excel = await liveTracker();
    excel.failNextCreateWorkbook(
      Object.assign(new Error('There was an internal error'), { code: 'GeneralException' }),
    );
    const view = await actionsFor(excel).rolloverTracker();
    expect(view).toMatchObject({ ok: true, opened: false });
    expect(view.message).toContain(ROLLOVER_PANE.notOpened(2027, 'ke-hoach-cchc-2027.xlsx'));
    expect(view.file!.bytes.length).toBeGreaterThan(0);
  });

  it('encodes the file as Base64 exactly', () => {
    const bytes = new Uint8Array(100_003).map((_, i) => (i * 7919) % 256);
    expect(toBase64(bytes)).toBe(Buffer.from(bytes).toString('base64'));
    expect(toBase64(new Uint8Array())).toBe('');
  });
});
