/**
 * docs/extending.md, "To add a setting", walked through: change (a) of issue 24, a setting "Số điện thoại liên
 * hệ" for the report's footer, added to the settings' table alone (a jest module mock of settingsTable.ts,
 * the app loaded anew), shows in every view that derives from the table: the Cài đặt sheet, reading it back, the
 * pane's form model, the save and the rollover. Workbooks written before it (today's demo and old tracker) read
 * it as its default, and their check and report succeed. The report's sentence is the one place written by hand.
 */
import type { GridCell } from '../../src/domain/grid';
import type { SettingEntry, SettingsTable } from '../../src/domain/settingsTable';
import { SETTINGS_TABLE } from '../../src/domain/settingsTable';
import {
  checkAndReport,
  outcomeFigures,
  todaysFixtures,
  type TodaysFixture,
} from '../support/todaysFixtures';

const TABLE = '../../src/domain/settingsTable';
const LABEL = 'Số điện thoại liên hệ';
const HINT = 'Số điện thoại ghi ở cuối báo cáo (để trống nếu không ghi)';

/** The new entry, as a maintainer would write it in SETTINGS_TABLE. */
const contactPhone: SettingEntry<string> = {
  label: LABEL,
  hint: HINT,
  kind: 'optionalText',
  default: () => '',
  required: false,
  read: (raw: GridCell) => (typeof raw === 'object' && raw !== null ? undefined : String(raw ?? '').trim()),
  toCell: (v) => v,
  numberFormat: '@',
  check: (v) => (/^[\d\s.+()-]*$/.test(v) ? undefined : 'Số điện thoại chỉ gồm chữ số.'),
  pane: { editor: 'input', order: 12, toText: (v) => v, fromText: (t) => t.trim() },
  report: 'the footer, under the signature',
};

// The compiler holds the table complete: without an entry for a key of Settings it is not a SettingsTable.
const { planDate: _left, ...withoutPlanDate } = SETTINGS_TABLE;
// @ts-expect-error: planDate has no entry
const incomplete: SettingsTable = withoutPlanDate;

let fixtures: TodaysFixture[];
/** Each fixture's check and report with today's table. */
let before: unknown[];
beforeAll(async () => {
  expect(incomplete).not.toHaveProperty('planDate');
  fixtures = await todaysFixtures(); // with today's table
  before = [];
  for (const f of fixtures) before.push(outcomeFigures(await checkAndReport(f)));
  jest.resetModules();
  jest.doMock(TABLE, () => {
    const actual = jest.requireActual<typeof import('../../src/domain/settingsTable')>(TABLE);
    return { ...actual, SETTINGS_TABLE: { ...actual.SETTINGS_TABLE, contactPhone } };
  });
});

/** Settings with the new key (the type Settings is today's: the test adds the key at run time). */
type WithPhone = import('../../src/domain/settings').Settings & { contactPhone: string };

async function planSettingsWithPhone(phone: string): Promise<WithPhone> {
  const { planSettings } = await import('../../src/domain/settings');
  return { ...planSettings(2026), contactPhone: phone };
}

describe('a setting added through the table alone', () => {
  it('is a row of Cài đặt (label, value, hint, text format), read back as written', async () => {
    const { buildSettingsSheet, settingRow } = await import('../../src/sheets/settingsSheet');
    const { readSettings, SETTING_KEYS } = await import('../../src/domain/settings');
    expect(SETTING_KEYS[SETTING_KEYS.length - 1]).toBe('contactPhone');
    const settings = await planSettingsWithPhone('0296 3 841 234');
    const spec = buildSettingsSheet(settings);
    const row = settingRow('contactPhone' as never);
    expect(row).toBe(SETTING_KEYS.length + 1);
    expect(spec.cells[row - 1]).toEqual([LABEL, '0296 3 841 234', HINT]);
    expect(spec.rowHeights?.[row]).toBeGreaterThan(0);
    expect(spec.styles?.find((s) => s.range === `B2:B${row}`)?.style.numberFormat).toBe('@');
    const read = readSettings({ name: 'Cài đặt', values: spec.cells as never, formulas: [] }, 2026);
    expect((read.settings as WithPhone).contactPhone).toBe('0296 3 841 234');
    expect(read.rows).toHaveProperty('contactPhone', row);
    expect(read.problems).toEqual([]);
  });

  it('is a field of the pane’s form, converted both ways and checked', async () => {
    const form = await import('../../src/app/settingsForm');
    const fields = form.settingFields();
    expect(fields[fields.length - 1]).toEqual({
      editor: 'input',
      key: 'contactPhone',
      label: LABEL,
      hint: HINT,
      required: false,
    });
    const settings = await planSettingsWithPhone('0296 3 841 234');
    const typed = form.formFromSettings(settings);
    expect(typed).toHaveProperty('contactPhone', '0296 3 841 234');
    expect(form.settingsFromForm({ ...typed, contactPhone: ' 0909 ' } as never)).toHaveProperty(
      'contactPhone',
      '0909',
    );
    expect(form.validateSettings(settings)).toEqual({});
    expect(form.validateSettings({ ...settings, contactPhone: 'gọi ông Bình' } as never)).toEqual({
      contactPhone: 'Số điện thoại chỉ gồm chữ số.',
    });
    expect(form.REQUIRED_SETTINGS.has('contactPhone' as never)).toBe(false);
  });

  it('is kept by the rollover', async () => {
    const { rolloverSettings } = await import('../../src/domain/rollover');
    const settings = await planSettingsWithPhone('0296 3 841 234');
    expect(rolloverSettings(settings, 2027).settings).toHaveProperty('contactPhone', '0296 3 841 234');
  });

  it('reads as its default from workbooks written before it; their check and report say what they said', async () => {
    const xlsx = await import('../../src/workbook/xlsx/xlsxWorkbook');
    const form = await import('../../src/app/settingsForm');
    for (const [i, fixture] of fixtures.entries()) {
      const loaded = await form.loadSettings(await xlsx.openXlsx(fixture.bytes), { fallbackYear: 2026 });
      expect(loaded.ok).toBe(true);
      expect(loaded.settings).toHaveProperty('contactPhone', '');
      const after = await checkAndReport(fixture);
      expect(before[i]).toMatchObject({ reportOk: true, json: expect.anything() });
      expect(outcomeFigures(after)).toEqual(before[i]);
    }
  });

  it('is saved into a workbook written before it as a row of its own, below the user’s rows', async () => {
    const xlsx = await import('../../src/workbook/xlsx/xlsxWorkbook');
    const form = await import('../../src/app/settingsForm');
    const book = await xlsx.openXlsx(fixtures[1].bytes);
    const loaded = await form.loadSettings(book, { fallbackYear: 2026 });
    const saved = await form.saveSettings(book, {
      ...loaded.settings,
      contactPhone: '0296 3 841 234',
    } as never);
    expect(saved.ok).toBe(true);
    const again = await form.loadSettings(book, { fallbackYear: 2026 });
    expect(again.settings).toEqual({ ...loaded.settings, contactPhone: '0296 3 841 234' });
    const grid = (await book.read(['Cài đặt'])).contents['Cài đặt'];
    const row = grid?.values.findIndex((r) => r[0] === LABEL) ?? -1;
    // The old tracker has a row of the user's own at 15: the new setting goes below it.
    expect(row + 1).toBe(16);
    expect(grid?.values[row]).toEqual([LABEL, '0296 3 841 234', HINT]);
  });
});
