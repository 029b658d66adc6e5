import { PERIOD_MODE_LABEL, SETTING_LABEL, SETTINGS_FORM, SHEET } from '../i18n/vi';
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

export async function loadSettings(
  port: WorkbookPort,
  opts: { fallbackYear: number },
): Promise<SettingsOutcome> {
  return guarded(async (): Promise<SettingsOutcome> => {
    const snap = await port.read([SHEET.settings]);
    const grid = snap.contents[SHEET.settings];
    if (!grid) return { ok: false, message: SETTINGS_FORM.missing(), sheet: SHEET.settings };
    return { ok: true, message: '', settings: readSettings(grid, opts.fallbackYear).settings };
  });
}

/** Checks a settings form; returns the errors by field (empty when valid). */
export function validateSettings(s: Settings): Partial<Record<SettingKey, string>> {
  const errors: Partial<Record<SettingKey, string>> = {};
  if (!Number.isInteger(s.year) || s.year < 1990 || s.year > 2100) errors.year = SETTINGS_FORM.year();
  if (!Number.isInteger(s.warningDays) || s.warningDays < 0 || s.warningDays > 365)
    errors.warningDays = SETTINGS_FORM.warningDays();
  for (const k of ['unitName', 'recipient', 'place', 'signerTitle', 'signerName'] as const) {
    if (cleanText(s[k]) === '') errors[k] = SETTINGS_FORM.required();
  }
  if (s.periodMode !== 'calendar' && s.periodMode !== 'decree09')
    errors.periodMode = PERIOD_MODE_LABEL.calendar;
  return errors;
}

/** Writes the form's values into the value cells of Cài đặt, and nothing else. */
export async function saveSettings(port: WorkbookPort, settings: Settings): Promise<SettingsOutcome> {
  const fieldErrors = validateSettings(settings);
  if (Object.keys(fieldErrors).length > 0)
    return { ok: false, message: SETTINGS_FORM.invalid(), fieldErrors };
  return guarded(async (): Promise<SettingsOutcome> => {
    const snap = await port.read([SHEET.settings]);
    const grid = snap.contents[SHEET.settings];
    if (!grid) return { ok: false, message: SETTINGS_FORM.missing(), sheet: SHEET.settings };
    if (snap.sheets.find((s) => s.name === SHEET.settings)?.protected) {
      return {
        ok: false,
        message: SETTINGS_FORM.protected(),
        sheet: SHEET.settings,
      };
    }
    const { rows } = readSettings(grid, settings.year);
    const updates: CellUpdate[] = [];
    for (const key of SETTING_KEYS) {
      const row = rows[key];
      if (row === undefined)
        return { ok: false, message: SETTINGS_FORM.missingRow(SETTING_LABEL[key]), sheet: SHEET.settings };
      const value = settingCellValue({ ...settings, unitName: cleanText(settings.unitName) }, key);
      updates.push({
        sheet: SHEET.settings,
        cell: `B${row}`,
        value,
        numberFormat: typeof value === 'number' ? '0' : '@',
      });
    }
    await port.apply({ write: [], updates });
    return { ok: true, message: SETTINGS_FORM.saved(), sheet: SHEET.settings, settings };
  });
}
