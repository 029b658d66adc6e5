import { SETTINGS_FORM, SHEET } from '../i18n/vi';
import {
  readSettings,
  SETTING_KEYS,
  settingCellValue,
  settingEntry,
  type SettingKey,
  type Settings,
} from '../domain/settings';
import type { PaneEditor } from '../domain/settingsTable';
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

/** The settings validateSettings insists on (the pane marks them required): the table's required ones. */
export const REQUIRED_SETTINGS: ReadonlySet<SettingKey> = new Set<SettingKey>(
  SETTING_KEYS.filter((k) => settingEntry(k).required),
);

/** Checks a settings form; returns the errors by field (empty when valid). */
export function validateSettings(s: Settings): Partial<Record<SettingKey, string>> {
  const errors: Partial<Record<SettingKey, string>> = {};
  const check = <K extends SettingKey>(key: K): void => {
    const error = settingEntry(key).check(s[key]);
    if (error !== undefined) errors[key] = error;
  };
  SETTING_KEYS.forEach(check);
  return errors;
}

/** The form's values: what the user typed, as typed (numbers, dates and choices stay text until saved). */
export type SettingsForm = Record<SettingKey, string>;

/** One field of the pane's form, in the form's order. */
export type SettingField = PaneEditor & {
  key: SettingKey;
  label: string;
  hint: string;
  required: boolean;
};

/** The pane's fields, each as its entry says, in the form's order. */
export function settingFields(): SettingField[] {
  return [...SETTING_KEYS]
    .sort((a, b) => settingEntry(a).pane.order - settingEntry(b).pane.order)
    .map((key) => {
      const { label, hint, required, pane } = settingEntry(key);
      const { order: _order, hint: paneHint, toText: _toText, fromText: _fromText, ...editor } = pane;
      return { ...editor, key, label, hint: paneHint ?? hint, required };
    });
}

export function formFromSettings(s: Settings): SettingsForm {
  const form: Partial<SettingsForm> = {};
  const text = <K extends SettingKey>(key: K): void => {
    form[key] = settingEntry(key).pane.toText(s[key]);
  };
  SETTING_KEYS.forEach(text);
  return form as SettingsForm; // every key of the table
}

export function settingsFromForm(f: SettingsForm): Settings {
  const settings: Partial<Record<SettingKey, unknown>> = {};
  for (const key of SETTING_KEYS) settings[key] = settingEntry(key).pane.fromText(f[key]);
  return settings as Settings; // every key of the table, each its entry's type
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
          { sheet: SHEET.settings, cell: `A${row}`, value: settingEntry(key).label, numberFormat: '@' },
          { sheet: SHEET.settings, cell: `C${row}`, value: settingEntry(key).hint, numberFormat: '@' },
        );
      }
      const value = settingCellValue({ ...settings, unitName: cleanText(settings.unitName) }, key);
      updates.push({
        sheet: SHEET.settings,
        cell: `B${row}`,
        value,
        numberFormat:
          settingEntry(key).numberFormat === 'dd/mm/yyyy'
            ? 'dd/mm/yyyy'
            : typeof value === 'number'
              ? '0'
              : '@',
      });
    }
    await port.apply({ write: [], updates });
    return { ok: true, message: SETTINGS_FORM.saved(), sheet: SHEET.settings, settings };
  });
}
