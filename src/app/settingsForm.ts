import { PERIOD_MODE_LABEL, SETTING_LABEL, SHEET } from '../i18n/vi';
import {
  readSettings,
  SETTING_KEYS,
  settingCellValue,
  type SettingKey,
  type Settings,
} from '../domain/settings';
import { cleanText } from '../domain/text';
import type { CellUpdate, WorkbookPort } from '../workbook/port';
import { guarded } from './errors';
import type { ActionOutcome } from './types';

export interface SettingsOutcome extends ActionOutcome {
  settings?: Settings;
  /** Field errors of a save, by setting. */
  fieldErrors?: Partial<Record<SettingKey, string>>;
}

const SETTINGS_MSG = {
  missing: () => `Chưa có trang "${SHEET.settings}". Hãy bấm "Khởi tạo bảng theo dõi" trước.`,
  missingRow: (label: string) =>
    `Trang "${SHEET.settings}" không có dòng "${label}". Hãy thêm dòng này ở cột A.`,
  saved: () => `Đã lưu cài đặt vào trang "${SHEET.settings}".`,
  invalid: () => 'Có giá trị chưa hợp lệ; hãy sửa các ô được đánh dấu.',
  year: () => 'Năm phải là số từ 1990 đến 2100.',
  warningDays: () => 'Số ngày cảnh báo phải là số nguyên từ 0 đến 365.',
  required: () => 'Không được để trống.',
} as const;

export async function loadSettings(
  port: WorkbookPort,
  opts: { fallbackYear: number },
): Promise<SettingsOutcome> {
  return guarded(async (): Promise<SettingsOutcome> => {
    const snap = await port.read([SHEET.settings]);
    const grid = snap.contents[SHEET.settings];
    if (!grid) return { ok: false, message: SETTINGS_MSG.missing(), sheet: SHEET.settings };
    return { ok: true, message: '', settings: readSettings(grid, opts.fallbackYear).settings };
  });
}

/** Checks a settings form; returns the errors by field (empty when valid). */
export function validateSettings(s: Settings): Partial<Record<SettingKey, string>> {
  const errors: Partial<Record<SettingKey, string>> = {};
  if (!Number.isInteger(s.year) || s.year < 1990 || s.year > 2100) errors.year = SETTINGS_MSG.year();
  if (!Number.isInteger(s.warningDays) || s.warningDays < 0 || s.warningDays > 365)
    errors.warningDays = SETTINGS_MSG.warningDays();
  for (const k of ['unitName', 'recipient', 'place', 'signerTitle', 'signerName'] as const) {
    if (cleanText(s[k]) === '') errors[k] = SETTINGS_MSG.required();
  }
  if (s.periodMode !== 'calendar' && s.periodMode !== 'decree09')
    errors.periodMode = PERIOD_MODE_LABEL.calendar;
  return errors;
}

/** Writes the form's values into the value cells of Cài đặt, and nothing else. */
export async function saveSettings(port: WorkbookPort, settings: Settings): Promise<SettingsOutcome> {
  const fieldErrors = validateSettings(settings);
  if (Object.keys(fieldErrors).length > 0) return { ok: false, message: SETTINGS_MSG.invalid(), fieldErrors };
  return guarded(async (): Promise<SettingsOutcome> => {
    const snap = await port.read([SHEET.settings]);
    const grid = snap.contents[SHEET.settings];
    if (!grid) return { ok: false, message: SETTINGS_MSG.missing(), sheet: SHEET.settings };
    if (snap.sheets.find((s) => s.name === SHEET.settings)?.protected) {
      return {
        ok: false,
        message: `Trang "${SHEET.settings}" đang được khóa. Hãy bỏ bảo vệ trang rồi lưu lại.`,
        sheet: SHEET.settings,
      };
    }
    const { rows } = readSettings(grid, settings.year);
    const updates: CellUpdate[] = [];
    for (const key of SETTING_KEYS) {
      const row = rows[key];
      if (row === undefined)
        return { ok: false, message: SETTINGS_MSG.missingRow(SETTING_LABEL[key]), sheet: SHEET.settings };
      const value = settingCellValue({ ...settings, unitName: cleanText(settings.unitName) }, key);
      updates.push({
        sheet: SHEET.settings,
        cell: `B${row}`,
        value,
        numberFormat: typeof value === 'number' ? '0' : '@',
      });
    }
    await port.apply({ write: [], updates });
    return { ok: true, message: SETTINGS_MSG.saved(), sheet: SHEET.settings, settings };
  });
}
