import { PERIOD_MODE_LABEL, PROBLEM, SETTING_HINT, SETTING_LABEL, SHEET } from '../i18n/vi';
import { toA1 } from './a1';
import { cellAt, cellText, isBlank, type Grid } from './grid';
import type { Problem } from './problems';
import { cleanText, normalizeKey } from './text';

export type PeriodMode = 'calendar' | 'decree09';

/** What differs between communes. Lives on the "Cài đặt" sheet, so it travels with the workbook. */
export interface Settings {
  unitName: string;
  recipient: string;
  place: string;
  year: number;
  warningDays: number;
  signerAuthority: string;
  signerTitle: string;
  signerName: string;
  otherRecipients: string[];
  periodMode: PeriodMode;
}

export type SettingKey = keyof Settings;

/** Row order on the Cài đặt sheet (row 2 onwards). */
export const SETTING_KEYS: readonly SettingKey[] = [
  'unitName',
  'recipient',
  'place',
  'year',
  'warningDays',
  'signerAuthority',
  'signerTitle',
  'signerName',
  'otherRecipients',
  'periodMode',
];

/** The plan's own values (its header, Nơi nhận and signature block). */
export function defaultSettings(year: number): Settings {
  return {
    unitName: 'UBND xã Long Điền A',
    recipient: 'Phòng Nội vụ',
    place: 'Long Điền A',
    year,
    warningDays: 7,
    signerAuthority: 'KT. CHỦ TỊCH',
    signerTitle: 'PHÓ CHỦ TỊCH',
    signerName: 'Trương Minh Sơn',
    otherRecipients: ['BĐH, TGV BĐH CCHC xã'],
    periodMode: 'calendar',
  };
}

/** A setting's value as written in its cell. */
export function settingCellValue(settings: Settings, key: SettingKey): string | number {
  const v = settings[key];
  if (key === 'otherRecipients') return (v as string[]).join('; ');
  if (key === 'periodMode') return PERIOD_MODE_LABEL[v as PeriodMode];
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
  grid.values.forEach((_, r) => {
    const label = cellAt(grid, r, 0);
    if (typeof label !== 'string') return;
    const key = byLabel.get(normalizeKey(label));
    if (!key || rows[key] !== undefined) return;
    rows[key] = r + 1;
    const raw = cellAt(grid, r, 1);
    const cell = toA1(r, 1);
    const invalid = (): void => {
      problems.push({
        severity: 'warning',
        code: 'settingInvalid',
        sheet,
        cell,
        message: PROBLEM.settingInvalid(sheet, cell, SETTING_LABEL[key], SETTING_HINT[key]),
      });
    };
    if (key === 'year' || key === 'warningDays') {
      const n =
        typeof raw === 'number'
          ? raw
          : typeof raw === 'string' && /^\s*\d+\s*$/.test(raw)
            ? Number(raw)
            : NaN;
      const [min, max] = key === 'year' ? [1990, 2100] : [0, 365];
      if (Number.isInteger(n) && n >= min && n <= max) settings[key] = n;
      else if (!(key === 'year' && isBlank(raw))) invalid();
      return;
    }
    if (key === 'periodMode') {
      const text = normalizeKey(cellText(raw));
      if (text === '' || text === normalizeKey(PERIOD_MODE_LABEL.calendar)) settings.periodMode = 'calendar';
      else if (text === normalizeKey(PERIOD_MODE_LABEL.decree09) || text.includes('09/2019'))
        settings.periodMode = 'decree09';
      else invalid();
      return;
    }
    if (typeof raw === 'object' && raw !== null) return invalid();
    const text = cleanText(cellText(raw));
    if (key === 'otherRecipients') {
      settings.otherRecipients =
        text === ''
          ? []
          : text
              .split(';')
              .map(cleanText)
              .filter((s) => s !== '');
      return;
    }
    if (key === 'signerAuthority') {
      settings.signerAuthority = text; // may be empty: the chairman signs in person
      return;
    }
    if (text === '') return invalid();
    settings[key] = text;
  });
  return { settings, rows, problems };
}
