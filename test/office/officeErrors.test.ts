/**
 * Issue 9, item 2: every documented Excel failure has its own Vietnamese message and a sensible reaction;
 * the Excel code goes to the console, never to the user; no message tells the user to do what cannot help.
 */
import { compileReport, loadSettings, saveSettings } from '../../src/app';

import { OFFICE_ERROR, SHEET } from '../../src/i18n/vi';

import {
  createOfficeWorkbook,
  toWorkbookError,
  UNFINISHED_MARK,
} from '../../src/workbook/office/officeWorkbook';

import { WorkbookError } from '../../src/workbook/port';

import { withTracker } from '../support/fakeOffice';

const now = new Date('2026-06-05T08:00:00Z');
const AS_OF = '2026-06-05';
const VIETNAMESE = /[ạảấầẩẫậắằẳẵặẹẻẽếềểễệỉịọỏốồổỗộớờởỡợụủứừửữựỳỵỷỹđ]/;

function office(code: string): Error {
  return Object.assign(
    new Error(`The requested operation failed.\n    at run (excel-web-16.00.js:25:1234)`),
    {
      code,
      debugInfo: { code, errorLocation: 'Worksheet.add' },
    },
  );
}

describe('Office adapter: every Excel failure in its own words', () => {
  const cases: [string, string | undefined, 'read' | 'write', string, string][] = [
    ['InvalidOperationInCellEditMode', undefined, 'write', 'cellEditMode', OFFICE_ERROR.cellEditMode()],
    ['InactiveWorkbook', undefined, 'read', 'inactiveWorkbook', OFFICE_ERROR.inactiveWorkbook()],
    ['ItemAlreadyExists', 'Tổng hợp', 'write', 'sheetListChanged', OFFICE_ERROR.sheetListChanged()],
    ['ItemNotFound', 'Cài đặt', 'write', 'sheetListChanged', OFFICE_ERROR.sheetListChanged()],
    ['ItemNotFound', 'Cài đặt', 'read', 'host', OFFICE_ERROR.sheetNotFound('Cài đặt')],
    ['AccessDenied', 'Tổng hợp', 'write', 'sheetProtected', OFFICE_ERROR.sheetProtected('Tổng hợp')],
    ['AccessDenied', undefined, 'write', 'host', OFFICE_ERROR.somethingProtected()],
    ['RangeExceedsLimit', undefined, 'read', 'host', OFFICE_ERROR.tooLargeForWeb()],
    ['RequestPayloadSizeLimitExceeded', undefined, 'write', 'host', OFFICE_ERROR.tooLargeForWeb()],
    ['ResponsePayloadSizeLimitExceeded', undefined, 'read', 'host', OFFICE_ERROR.tooLargeForWeb()],
    ['GeneralException', undefined, 'write', 'host', OFFICE_ERROR.unknown()],
    ['SomethingNew', undefined, 'write', 'host', OFFICE_ERROR.unknown()],
  ];

  it.each(cases)('%s (%s, %s) → %s', (code, sheet, phase, expected, message) => {
    const log = jest.fn();
    const error = toWorkbookError(office(code), sheet, phase, log);
    expect(error).toBeInstanceOf(WorkbookError);
    expect(error.code).toBe(expected);
    expect(error.message).toBe(message);
    expect(error.message).toMatch(VIETNAMESE);
    expect(error.message).not.toMatch(/operation failed|\n|\bat .*:\d+|[A-Z][a-z]+[A-Z]\w+/); // no English, no code
    expect(log).toHaveBeenCalledWith(code, 'Worksheet.add'); // the code goes to the console
    expect((error as Error & { cause?: unknown }).cause).toBeInstanceOf(Error);
  });

  it('tells no one to save and reopen the file, and keeps a non-Office error out of the message', () => {
    for (const [, , , , message] of cases) expect(message).not.toMatch(/mở lại|lưu tệp/);
    const log = jest.fn();
    const other = toWorkbookError(new TypeError('boom\n    at x (y.js:1:1)'), undefined, 'write', log);
    expect(other).toMatchObject({ code: 'host', message: OFFICE_ERROR.unknown() });
    expect(log).toHaveBeenCalledWith('unknown', expect.stringContaining('boom'));
  });

  it('waits for the user to leave cell-edit mode (delayForCellEdit) and then writes the report', async () => {
    const excel = await withTracker(now);
    excel.enterCellEdit();
    const pending = compileReport(createOfficeWorkbook(excel.run), { asOf: AS_OF, now });
    await new Promise((r) => setImmediate(r));
    expect(excel.waitingForEdit).toBe(1);
    excel.exitCellEdit();
    const out = await pending;
    expect(out).toMatchObject({ ok: true, sheet: 'Báo cáo 6 tháng 2026' });
  });

  it('says "press Enter or Esc, then click again" where Excel cannot wait for the edit, and writes nothing', async () => {
    const excel = await withTracker(now);
    excel.honourDelayForCellEdit(false);
    excel.enterCellEdit();
    const names = excel.sheetNames();
    const out = await compileReport(createOfficeWorkbook(excel.run, { logError: jest.fn() }), {
      asOf: AS_OF,
      now,
    });
    expect(out).toMatchObject({ ok: false, message: OFFICE_ERROR.cellEditMode() });
    expect(out.message).toContain('Enter hoặc Esc');
    expect(excel.sheetNames()).toEqual(names);
  });

  it('says the same where Excel answers cell-edit mode with a plain InvalidOperation (office-js#856)', async () => {
    const excel = await withTracker(now);
    excel.honourDelayForCellEdit(false);
    excel.answerCellEditWith('InvalidOperation');
    excel.enterCellEdit();
    const names = excel.sheetNames();
    const out = await compileReport(createOfficeWorkbook(excel.run, { logError: jest.fn() }), {
      asOf: AS_OF,
      now,
    });
    expect(out).toMatchObject({ ok: false, message: OFFICE_ERROR.cellEditMode() });
    expect(excel.sheetNames()).toEqual(names);
    // Another InvalidOperation is not taken for cell-edit mode.
    const other = toWorkbookError(
      Object.assign(new Error('The range overlaps a merged area.'), { code: 'InvalidOperation' }),
      undefined,
      'write',
      () => undefined,
    );
    expect(other.message).toBe(OFFICE_ERROR.unknown());
  });

  it('asks for this workbook’s window when another workbook has the focus', async () => {
    const excel = await withTracker(now);
    excel.setInactive(true);
    const out = await compileReport(createOfficeWorkbook(excel.run, { logError: jest.fn() }), {
      asOf: AS_OF,
      now,
    });
    expect(out).toMatchObject({ ok: false, message: OFFICE_ERROR.inactiveWorkbook() });
  });

  it('runs the report again from its read when a sheet of its name appeared before the write (ItemAlreadyExists)', async () => {
    const excel = await withTracker(now);
    const log = jest.fn();
    // Sync 0 reads; before sync 1 (the write) the user adds a sheet with the report's name.
    excel.beforeSync(1, () => excel.addUserSheet('Báo cáo 6 tháng 2026', [['của người dùng']]));
    const out = await compileReport(createOfficeWorkbook(excel.run, { logError: log }), { asOf: AS_OF, now });
    expect(out).toMatchObject({ ok: true, sheet: 'Báo cáo 6 tháng 2026 (2)' });
    expect(excel.sheet('Báo cáo 6 tháng 2026').value('A1')).toBe('của người dùng');
    // Tổng hợp, which the failed write had added before it stopped, was removed and written again, once.
    expect(excel.sheetNames().filter((n) => n === SHEET.summary)).toHaveLength(1);
    expect(excel.sheetNames().map((n) => excel.sheet(n).tabColor)).not.toContain(UNFINISHED_MARK);
    expect(log).toHaveBeenCalledWith('ItemAlreadyExists', expect.any(String));
  });

  it('reads again when the sheet a save writes to was deleted before the write (ItemNotFound), and says so', async () => {
    const excel = await withTracker(now);
    const port = createOfficeWorkbook(excel.run, { logError: jest.fn() });
    const { settings } = await loadSettings(port, { fallbackYear: 2026 });
    excel.resetStats();
    excel.beforeSync(1, () => {
      excel.state.sheets = excel.state.sheets.filter((s) => s.name !== SHEET.settings);
    });
    const out = await saveSettings(port, settings!);
    expect(out.ok).toBe(false);
    expect(out.message).toContain(`"${SHEET.settings}"`); // the second read finds no Cài đặt: what to do
  });
});
