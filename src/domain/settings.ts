import {
  DEFAULT_SETTING_TEXT,
  LEGACY_SIGNER_TITLE_LABEL,
  LEGACY_VICE_CHAIRMAN_TITLE,
  PROBLEM,
  SHEET,
  SIGNER_TITLE,
} from '../i18n/vi';
import { toA1 } from './a1';
import { cellAt, cellText, isBlank, type Grid, type GridCell } from './grid';
import type { Problem } from './problems';
import { parseSigner, SETTINGS_TABLE, type SettingEntry, type SettingsTable } from './settingsTable';
import { foldLookalikes, normalizeKey, unitKey } from './text';

export type { PeriodMode, SettingKey, Settings, Signer } from './settingsModel';
import type { SettingKey, Settings, Signer } from './settingsModel';

/** Row order on the Cài đặt sheet (row 2 onwards): the table's (settingsTable.ts), where keys are only appended. */
export const SETTING_KEYS = Object.keys(SETTINGS_TABLE) as readonly SettingKey[];

export { parseSigner };

/** A setting's entry in the table, typed by its key (the table's type says each entry is so typed). */
export function settingEntry<K extends SettingKey>(key: K): SettingEntry<Settings[K]> {
  return (SETTINGS_TABLE as SettingsTable)[key];
}

/**
 * What a new tracker starts with: each setting's default for the tracker's year (the recipient as of that year,
 * the plan's other defaults), but no unit, place or signer's name. Those are the user's (init's flags, the
 * pane's form): a report never borrows another commune's name or signer (missingIdentity).
 */
export function defaultSettings(year: number): Settings {
  const settings: Partial<Record<SettingKey, unknown>> = {};
  for (const key of SETTING_KEYS) settings[key] = settingEntry(key).default(year);
  return settings as Settings; // every key of the table, each its entry's type
}

/** The plan's own values (its header, Nơi nhận and signature block: UBND xã Long Điền A): for the demo. */
export function planSettings(year: number): Settings {
  return {
    ...defaultSettings(year),
    unitName: DEFAULT_SETTING_TEXT.unitName,
    place: DEFAULT_SETTING_TEXT.place,
    signerName: DEFAULT_SETTING_TEXT.signerName,
  };
}

/** The settings that say who reports: without them a report would be nobody's (or borrow another's). */
const IDENTITY_KEYS = ['unitName', 'place', 'signerName'] as const satisfies readonly SettingKey[];
export type IdentityKey = (typeof IDENTITY_KEYS)[number];

/** What the user says about the commune when a tracker is made (init's flags, the pane's form). */
export type Identity = Partial<Pick<Settings, IdentityKey | 'signer' | 'recipient'>>;

/**
 * A new tracker's settings: the defaults with what the user gave (blank texts ignored). A user who names the
 * plan's own commune (UBND xã Long Điền A, in any spelling) gets the plan's place and signer where none is given.
 */
export function newTrackerSettings(year: number, identity: Identity = {}): Settings {
  const settings = defaultSettings(year);
  for (const key of [...IDENTITY_KEYS, 'recipient'] as const) {
    const text = foldLookalikes(identity[key] ?? '');
    if (text !== '') settings[key] = text;
  }
  if (identity.signer) settings.signer = identity.signer;
  const plan = planSettings(year);
  if (settings.unitName !== '' && unitKey(settings.unitName) === unitKey(plan.unitName))
    for (const key of ['place', 'signerName'] as const) if (settings[key] === '') settings[key] = plan[key];
  return settings;
}

/** The identity settings left blank (or holding only invisible characters), in Cài đặt's order. */
export function missingIdentity(settings: Settings): IdentityKey[] {
  return IDENTITY_KEYS.filter((k) => foldLookalikes(settings[k]) === '');
}

/** A setting's value as written in its cell (a date as its serial). */
export function settingCellValue<K extends SettingKey>(settings: Settings, key: K): string | number | null {
  return settingEntry(key).toCell(settings[key]);
}

export interface SettingsRead {
  settings: Settings;
  /** Sheet row (1-based) of each setting found, for writing back. */
  rows: Partial<Record<SettingKey, number>>;
  problems: Problem[];
}

/**
 * Reads Cài đặt: column A holds the labels (matched regardless of case, spacing and Unicode form), column B
 * the values. A missing sheet or an unreadable value falls back to the default with a warning.
 */
export function readSettings(grid: Grid | undefined, fallbackYear: number): SettingsRead {
  const settings = defaultSettings(fallbackYear);
  const problems: Problem[] = [];
  const rows: Partial<Record<SettingKey, number>> = {};
  const sheet = SHEET.settings;
  if (!grid) {
    problems.push({
      severity: 'warning',
      code: 'settingsMissing',
      sheet,
      cell: 'A1',
      message: PROBLEM.settingsMissing(sheet),
    });
    return { settings, rows, problems };
  }
  const byLabel = new Map<string, SettingKey>(
    SETTING_KEYS.map((k) => [normalizeKey(settingEntry(k).label), k]),
  );
  let legacyTitle: string | undefined;
  grid.values.forEach((_, r) => {
    const label = cellAt(grid, r, 0);
    if (typeof label !== 'string') return;
    if (normalizeKey(label) === normalizeKey(LEGACY_SIGNER_TITLE_LABEL))
      legacyTitle = cellText(cellAt(grid, r, 1));
    const key = byLabel.get(normalizeKey(label));
    if (!key || rows[key] !== undefined) return;
    rows[key] = r + 1;
    const cell = toA1(r, 1);
    const raw = cellAt(grid, r, 1);
    if (applySetting(settings, key, raw)) return;
    // A name left blank says so (the report would be nobody's); any other unreadable value is invalid.
    if (settingEntry(key).kind === 'name' && foldLookalikes(cellText(raw)) === '')
      problems.push({
        severity: 'warning',
        code: 'settingBlank',
        sheet,
        cell,
        message: PROBLEM.settingBlank(sheet, cell, settingEntry(key).label),
      });
    else
      problems.push({
        severity: 'warning',
        code: 'settingInvalid',
        sheet,
        cell,
        message: PROBLEM.settingInvalid(sheet, cell, settingEntry(key).label, settingEntry(key).hint),
      });
  });
  // A workbook made before a setting existed has no row for it: its default, for the year read (the
  // recipient's depends on it).
  const defaults = defaultSettings(settings.year);
  for (const key of SETTING_KEYS)
    if (rows[key] === undefined) Object.assign(settings, { [key]: defaults[key] });
  // Workbooks made before "Người ký" existed said who signs in "Chức vụ người ký".
  if (rows.signer === undefined && legacyTitle !== undefined)
    settings.signer = LEGACY_VICE_CHAIRMAN_TITLE.test(legacyTitle.normalize('NFC'))
      ? 'viceChairman'
      : 'chairman';
  return { settings, rows, problems };
}

/**
 * Sets `key` of `settings` from the value cell `raw`, by its entry's reader. False when the value cannot be
 * read: the default stays (a blank Năm theo dõi, Số kế hoạch or Nơi nhận khác is not an error).
 */
function applySetting<K extends SettingKey>(settings: Settings, key: K, raw: GridCell): boolean {
  const entry = settingEntry(key);
  const value = entry.read(raw);
  if (value === undefined) return entry.blankKeepsDefault === true && isBlank(raw);
  settings[key] = value;
  return true;
}

/** The signature block's upper-case lines, from "TM. ỦY BAN NHÂN DÂN" to the title. */
export function signatureLines(signer: Signer, collective: string): string[] {
  const head = collective === '' ? [] : [`TM. ${collective}`];
  return signer === 'chairman'
    ? [...head, SIGNER_TITLE.chairman]
    : [...head, SIGNER_TITLE.onBehalf, SIGNER_TITLE.viceChairman];
}
