import { isIsoDate } from '../domain/dates';
import { PERIOD_MODE_LABEL, SETTING_HINT, SETTING_LABEL, SETTINGS_FORM, SHEET } from '../i18n/vi';
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

/** The texts a form must not leave blank. */
const REQUIRED_TEXTS = [
  'unitName',
  'recipient',
  'place',
  'signerName',
] as const satisfies readonly SettingKey[];

/**
 * The settings validateSettings insists on (the pane marks them required): the texts above, and the year, the
 * warning days and the signer, each checked for what it can be.
 */
export const REQUIRED_SETTINGS: ReadonlySet<SettingKey> = new Set<SettingKey>([
  ...REQUIRED_TEXTS,
  'year',
  'warningDays',
  'signer',
]);

/** Checks a settings form; returns the errors by field (empty when valid). */
export function validateSettings(s: Settings): Partial<Record<SettingKey, string>> {
  const errors: Partial<Record<SettingKey, string>> = {};
  if (!Number.isInteger(s.year) || s.year < 1990 || s.year > 2100) errors.year = SETTINGS_FORM.year();
  if (!Number.isInteger(s.warningDays) || s.warningDays < 0 || s.warningDays > 365)
    errors.warningDays = SETTINGS_FORM.warningDays();
  for (const k of REQUIRED_TEXTS) {
    if (cleanText(s[k]) === '') errors[k] = SETTINGS_FORM.required();
  }
  if (s.periodMode !== 'calendar' && s.periodMode !== 'decree09')
    errors.periodMode = PERIOD_MODE_LABEL.calendar;
  if (s.signer !== 'chairman' && s.signer !== 'viceChairman') errors.signer = SETTINGS_FORM.required();
  if (s.planDate !== null && !isIsoDate(s.planDate)) errors.planDate = SETTINGS_FORM.planDate();
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
    // A workbook made before a setting existed has no row for it: the row is added below the others.
    let nextRow = grid.values.length + 1;
    for (const key of SETTING_KEYS) {
      let row = rows[key];
      if (row === undefined) {
        row = nextRow++;
        updates.push(
          { sheet: SHEET.settings, cell: `A${row}`, value: SETTING_LABEL[key], numberFormat: '@' },
          { sheet: SHEET.settings, cell: `C${row}`, value: SETTING_HINT[key], numberFormat: '@' },
        );
      }
      const value = settingCellValue({ ...settings, unitName: cleanText(settings.unitName) }, key);
      updates.push({
        sheet: SHEET.settings,
        cell: `B${row}`,
        value,
        numberFormat: key === 'planDate' ? 'dd/mm/yyyy' : typeof value === 'number' ? '0' : '@',
      });
    }
    await port.apply({ write: [], updates });
    return { ok: true, message: SETTINGS_FORM.saved(), sheet: SHEET.settings, settings };
  });
}
