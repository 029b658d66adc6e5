import {
  DEFAULT_SETTING_TEXT,
  LEGACY_SIGNER_TITLE_LABEL,
  LEGACY_VICE_CHAIRMAN_TITLE,
  PERIOD_MODE_LABEL,
  PROBLEM,
  SETTING_HINT,
  SETTING_LABEL,
  SHEET,
  SIGNER_LABEL,
  SIGNER_TITLE,
} from '../i18n/vi';
import { toA1 } from './a1';
import { parseDateText, serialFromIso, type IsoDate } from './dates';
import { cellAt, cellText, isBlank, type Grid, type GridCell } from './grid';
import { DEFAULT_WARNING_DAYS, readDateCell, warningDaysOf } from './sheetRules';
import type { Problem } from './problems';
import { cleanText, foldLookalikes, normalizeKey, unitKey } from './text';

export type PeriodMode = 'calendar' | 'decree09';

/**
 * Who signs the report. A People's Committee signs as a collective ("TM. ỦY BAN NHÂN DÂN"): the chairman
 * ("CHỦ TỊCH"), or a vice-chairman for the chairman ("KT. CHỦ TỊCH" / "PHÓ CHỦ TỊCH").
 */
export type Signer = 'chairman' | 'viceChairman';

/** What differs between communes. Lives on the "Cài đặt" sheet, so it travels with the workbook. */
export interface Settings {
  unitName: string;
  recipient: string;
  place: string;
  year: number;
  warningDays: number;
  signer: Signer;
  signerName: string;
  otherRecipients: string[];
  periodMode: PeriodMode;
  /** The plan's number, e.g. "125/KH-UBND" ("" when not given: the report then names the plan by its title). */
  planNumber: string;
  /** The day the plan was issued (null when not given). */
  planDate: IsoDate | null;
}

export type SettingKey = keyof Settings;

/**
 * Row order on the Cài đặt sheet (row 2 onwards). Keys are only ever appended: the Tình trạng hạn formulas of
 * workbooks made earlier refer to the warning-days cell by its row.
 */
export const SETTING_KEYS: readonly SettingKey[] = [
  'unitName',
  'recipient',
  'place',
  'year',
  'warningDays',
  'signer',
  'signerName',
  'otherRecipients',
  'periodMode',
  'planNumber',
  'planDate',
];

/** The tracker year from which the province's Sở Nội vụ receives the report (districts ended 01/07/2025). */
const PROVINCE_RECIPIENT_FROM_YEAR = 2026;

/**
 * What a new tracker starts with: the recipient as of the tracker's year and the plan's other defaults, but no
 * unit, place or signer's name. Those are the user's (init's flags, the pane's form): a report never borrows
 * another commune's name or signer (missingIdentity).
 */
export function defaultSettings(year: number): Settings {
  return {
    unitName: '',
    recipient:
      year >= PROVINCE_RECIPIENT_FROM_YEAR
        ? DEFAULT_SETTING_TEXT.provinceRecipient
        : DEFAULT_SETTING_TEXT.districtRecipient,
    place: '',
    year,
    warningDays: DEFAULT_WARNING_DAYS,
    signer: 'viceChairman',
    signerName: '',
    otherRecipients: [...DEFAULT_SETTING_TEXT.otherRecipients],
    periodMode: 'calendar',
    planNumber: '',
    planDate: null,
  };
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
export function settingCellValue(settings: Settings, key: SettingKey): string | number | null {
  const v = settings[key];
  if (key === 'otherRecipients') return (v as string[]).join('; ');
  if (key === 'periodMode') return PERIOD_MODE_LABEL[v as PeriodMode];
  if (key === 'signer') return SIGNER_LABEL[v as Signer];
  if (key === 'planDate') return v === null ? null : serialFromIso(v as IsoDate);
  return v as string | number;
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
  const byLabel = new Map<string, SettingKey>(SETTING_KEYS.map((k) => [normalizeKey(SETTING_LABEL[k]), k]));
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
    if ((IDENTITY_KEYS as readonly SettingKey[]).includes(key) && foldLookalikes(cellText(raw)) === '')
      problems.push({
        severity: 'warning',
        code: 'settingBlank',
        sheet,
        cell,
        message: PROBLEM.settingBlank(sheet, cell, SETTING_LABEL[key]),
      });
    else
      problems.push({
        severity: 'warning',
        code: 'settingInvalid',
        sheet,
        cell,
        message: PROBLEM.settingInvalid(sheet, cell, SETTING_LABEL[key], SETTING_HINT[key]),
      });
  });
  if (rows.recipient === undefined) settings.recipient = defaultSettings(settings.year).recipient;
  // Workbooks made before "Người ký" existed said who signs in "Chức vụ người ký".
  if (rows.signer === undefined && legacyTitle !== undefined)
    settings.signer = LEGACY_VICE_CHAIRMAN_TITLE.test(legacyTitle.normalize('NFC'))
      ? 'viceChairman'
      : 'chairman';
  return { settings, rows, problems };
}

/** The settings read by a reader of their own (the others are texts: applyTextSetting). */
type ValueSettingKey = 'year' | 'warningDays' | 'periodMode' | 'signer' | 'planDate';

/** Each such setting's value from its cell; undefined when the cell cannot be read. */
const READ_SETTING: { [K in ValueSettingKey]: (raw: GridCell) => Settings[K] | undefined } = {
  year: readYear,
  // Read exactly as the Tình trạng hạn formula reads the cell (sheetRules.warningDaysOf), so that the
  // add-in and the sheet agree even on a value typed as text.
  warningDays: (raw) => warningDaysOf(raw) ?? undefined,
  periodMode: (raw) => readPeriodMode(raw) ?? undefined,
  signer: (raw) => parseSigner(cellText(raw)) ?? undefined,
  planDate: readPlanDate,
};

const isValueSetting = (key: SettingKey): key is ValueSettingKey => key in READ_SETTING;

/**
 * Sets `key` of `settings` from the value cell `raw`. False when the value cannot be read: the default stays
 * (a blank Năm theo dõi, Số kế hoạch or Nơi nhận khác is not an error).
 */
function applySetting(settings: Settings, key: SettingKey, raw: GridCell): boolean {
  return isValueSetting(key) ? applyValue(settings, key, raw) : applyTextSetting(settings, key, raw);
}

/** A setting with a reader of its own; a blank year keeps the default as a blank text does, without a problem. */
function applyValue<K extends ValueSettingKey>(settings: Settings, key: K, raw: GridCell): boolean {
  const value = READ_SETTING[key](raw);
  if (value === undefined) return key === 'year' && isBlank(raw);
  settings[key] = value;
  return true;
}

/** Năm theo dõi: a whole number from 1990 to 2100, or digits typed as text. */
function readYear(raw: GridCell): number | undefined {
  const n =
    typeof raw === 'number' ? raw : typeof raw === 'string' && /^\s*\d+\s*$/.test(raw) ? Number(raw) : NaN;
  return Number.isInteger(n) && n >= 1990 && n <= 2100 ? n : undefined;
}

/** Kỳ báo cáo: blank or the calendar label → calendar; the decree's label or "09/2019" → decree09. */
function readPeriodMode(raw: GridCell): PeriodMode | null {
  const text = normalizeKey(cellText(raw));
  if (text === '' || text === normalizeKey(PERIOD_MODE_LABEL.calendar)) return 'calendar';
  if (text === normalizeKey(PERIOD_MODE_LABEL.decree09) || text.includes('09/2019')) return 'decree09';
  return null;
}

/** Ngày kế hoạch: null when blank, a date (or a date typed as text); undefined when unreadable. */
function readPlanDate(raw: GridCell): IsoDate | null | undefined {
  if (isBlank(raw)) return null;
  const d = readDateCell(raw);
  const parsed = typeof raw === 'string' ? parseDateText(raw) : null;
  if (d.kind === 'date') return d.iso;
  if (parsed?.ok) return parsed.iso;
  return undefined;
}

type TextSettingKey = Exclude<SettingKey, ValueSettingKey>;

/** A setting held as text: Nơi nhận khác a list split at ";", Số kế hoạch possibly empty, the others not. */
function applyTextSetting(settings: Settings, key: TextSettingKey, raw: GridCell): boolean {
  if (typeof raw === 'object' && raw !== null) return false;
  const text = cleanText(cellText(raw));
  if (key === 'otherRecipients') {
    settings.otherRecipients =
      text === ''
        ? []
        : text
            .split(';')
            .map(cleanText)
            .filter((s) => s !== '');
    return true;
  }
  if (key === 'planNumber') {
    settings.planNumber = text; // may be empty: the report then names the plan by its title
    return true;
  }
  if (text === '') return false;
  // A unit, place or person is named in letters: a bare number (a year typed under the wrong label, Cài đặt's
  // labels swapped) is no name, and would make a commune called "2026".
  if ((IDENTITY_KEYS as readonly SettingKey[]).includes(key) && !/\p{L}/u.test(text)) return false;
  settings[key] = text;
  return true;
}

/** "Chủ tịch" / "Phó Chủ tịch (ký thay Chủ tịch)", in any case, spacing or Unicode form; null otherwise. */
export function parseSigner(text: string): Signer | null {
  const key = normalizeKey(text);
  if (key === normalizeKey(SIGNER_LABEL.chairman)) return 'chairman';
  if (key === normalizeKey(SIGNER_LABEL.viceChairman) || key.startsWith(SIGNER_TITLE.viceChairmanKey))
    return 'viceChairman';
  return null;
}

/** The signature block's upper-case lines, from "TM. ỦY BAN NHÂN DÂN" to the title. */
export function signatureLines(signer: Signer, collective: string): string[] {
  const head = collective === '' ? [] : [`TM. ${collective}`];
  return signer === 'chairman'
    ? [...head, SIGNER_TITLE.chairman]
    : [...head, SIGNER_TITLE.onBehalf, SIGNER_TITLE.viceChairman];
}
