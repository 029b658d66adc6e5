/**
 * The settings' one table: each setting of Cài đặt with its label, hint, kind, default, whether a form insists
 * on it, how its cell is read and written, how the pane edits it and where the report uses it. The Cài đặt
 * sheet, its validation, the reading back, the pane's form, the save, the rollover and the carried sheet all
 * derive from it (docs/extending.md, "To add a setting"). The compiler holds it complete: a key of Settings
 * without an entry does not compile. Readers reach it through settings.settingEntry, so that a test may
 * replace the table (jest.mock of this module) and every view follows.
 */
import {
  DEFAULT_SETTING_TEXT,
  PERIOD_MODE_LABEL,
  SETTING_HINT,
  SETTING_LABEL,
  SETTING_PANE_HINT,
  SETTINGS_FORM,
  SIGNER_LABEL,
  SIGNER_TITLE,
  VALIDATION_TEXT,
} from '../i18n/vi';
import { formatVnDate, isIsoDate, parseDateText, serialFromIso, type IsoDate } from './dates';
import { cellText, isBlank, type GridCell } from './grid';
import { DEFAULT_WARNING_DAYS, readDateCell, warningDaysOf } from './sheetRules';
import { cleanText, normalizeKey } from './text';
import type { PeriodMode, SettingKey, Settings, Signer } from './settingsModel';

/** The tracker year from which the province's Sở Nội vụ receives the report (districts ended 01/07/2025). */
export const PROVINCE_RECIPIENT_FROM_YEAR = 2026;

/** What a setting's value cell accepts, as the sheet's data validation states it. */
export type SettingCellRule =
  | { type: 'wholeNumber'; min: number; max: number }
  | { type: 'date'; min: IsoDate; max: IsoDate }
  /** The signers' list on Danh mục. */
  | { type: 'signerList' };

/** How the pane edits a setting: a one-line input, a number, a pick from `choices`, or several lines. */
export type PaneEditor =
  | { editor: 'input' }
  | { editor: 'number' }
  | { editor: 'select'; choices: Readonly<Record<string, string>> }
  | { editor: 'textarea' };

/** One setting: everything every view needs to know of it. */
export interface SettingEntry<T> {
  label: string;
  /** Cài đặt's column C, and the pane's hint (unless `pane.hint`). */
  hint: string;
  /**
   * What kind of value it is (the functions below are the rule). A `name` (the unit, the place, the signer)
   * left blank is reported as blank rather than invalid: the report would be nobody's.
   */
  kind: 'text' | 'name' | 'optionalText' | 'list' | 'wholeNumber' | 'choice' | 'date';
  /** A new tracker's value, and the value of a workbook without the setting's row (one written before it). */
  default: (year: number) => T;
  /** Does the form refuse to save it blank or invalid (the pane marks it required)? */
  required: boolean;
  /** The value read from its cell; undefined when the cell cannot be read (the default stays, with a warning). */
  read: (raw: GridCell) => T | undefined;
  /** A blank cell keeps the default without a warning (Năm theo dõi). */
  blankKeepsDefault?: boolean;
  /** The value as written in its cell (a date as its serial). */
  toCell: (value: T) => string | number | null;
  /** The value cell's number format when written. */
  numberFormat: '@' | '0' | 'dd/mm/yyyy';
  /** What the value cell refuses (Excel's data validation, style stop). */
  cellRule?: { rule: SettingCellRule; allowBlank: boolean; title: string; message: string };
  /** The form's complaint about a value; undefined when it is fine. */
  check: (value: T) => string | undefined;
  pane: PaneEditor & {
    /** Position in the pane's form (the sheet's order is the table's). */
    order: number;
    /** The pane's hint when it differs from the sheet's. */
    hint?: string;
    /** The value as the form shows it, and back (a value `check` refuses where the text is not one). */
    toText: (value: T) => string;
    fromText: (text: string) => T;
  };
  /** Where the report (reportText / reportSheet / reportDocx) uses it: the place a new setting must add by hand. */
  report: string;
}

/** The table's type: one entry per key of Settings, each typed by its value. */
export type SettingsTable = { readonly [K in SettingKey]: SettingEntry<Settings[K]> };

/** A text that must not be blank; a name (`name`) is also not a bare number. */
function requiredText(key: 'unitName' | 'recipient' | 'place' | 'signerName', name: boolean) {
  return {
    label: SETTING_LABEL[key],
    hint: SETTING_HINT[key],
    kind: name ? 'name' : 'text',
    required: true,
    read: (raw: GridCell): string | undefined => {
      if (typeof raw === 'object' && raw !== null) return undefined;
      const text = cleanText(cellText(raw));
      // A unit, place or person is named in letters: a bare number (a year typed under the wrong label, Cài
      // đặt's labels swapped) is no name, and would make a commune called "2026".
      if (text === '' || (name && !/\p{L}/u.test(text))) return undefined;
      return text;
    },
    toCell: (v: string) => v,
    numberFormat: '@',
    check: (v: string) => (cleanText(v) === '' ? SETTINGS_FORM.required() : undefined),
    toText: (v: string) => v,
    fromText: (t: string) => t,
  } as const;
}

const textPane = (order: number, base: ReturnType<typeof requiredText>) => ({
  editor: 'input' as const,
  order,
  toText: base.toText,
  fromText: base.fromText,
});

/** Whole numbers only: anything else becomes NaN, which `check` refuses. */
function wholeNumber(text: string): number {
  return /^\s*\d+\s*$/.test(text) ? Number(text) : NaN;
}

const isWhole = (v: number, min: number, max: number): boolean => Number.isInteger(v) && v >= min && v <= max;

/** Năm theo dõi: a whole number from 1990 to 2100, or digits typed as text. */
function readYear(raw: GridCell): number | undefined {
  const n =
    typeof raw === 'number' ? raw : typeof raw === 'string' && /^\s*\d+\s*$/.test(raw) ? Number(raw) : NaN;
  return isWhole(n, 1990, 2100) ? n : undefined;
}

/** Kỳ báo cáo: blank or the calendar label → calendar; the decree's label or "09/2019" → decree09. */
function readPeriodMode(raw: GridCell): PeriodMode | undefined {
  const text = normalizeKey(cellText(raw));
  if (text === '' || text === normalizeKey(PERIOD_MODE_LABEL.calendar)) return 'calendar';
  if (text === normalizeKey(PERIOD_MODE_LABEL.decree09) || text.includes('09/2019')) return 'decree09';
  return undefined;
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

/** The plan's date as typed: blank → null; dd/mm/yyyy → ISO; anything else → a value `check` refuses. */
function planDateOf(text: string): IsoDate | null {
  if (text.trim() === '') return null;
  const parsed = parseDateText(text);
  return parsed.ok ? parsed.iso : text;
}

/** Is `v` one of the keys of `choices` (its own, not an object's inherited)? */
const isChoice = (v: string, choices: Readonly<Record<string, string>>): boolean => Object.hasOwn(choices, v);

/** A text read as typed (blank allowed), or undefined for an error value. */
function optionalText(raw: GridCell): string | undefined {
  return typeof raw === 'object' && raw !== null ? undefined : cleanText(cellText(raw));
}

/** "Chủ tịch" / "Phó Chủ tịch (ký thay Chủ tịch)", in any case, spacing or Unicode form; null otherwise. */
export function parseSigner(text: string): Signer | null {
  const key = normalizeKey(text);
  if (key === normalizeKey(SIGNER_LABEL.chairman)) return 'chairman';
  if (key === normalizeKey(SIGNER_LABEL.viceChairman) || key.startsWith(SIGNER_TITLE.viceChairmanKey))
    return 'viceChairman';
  return null;
}

const unitName = requiredText('unitName', true);
const recipient = requiredText('recipient', false);
const place = requiredText('place', true);
const signerName = requiredText('signerName', true);
const text = VALIDATION_TEXT.settings;

/**
 * The settings in Cài đặt's row order (row 2 onwards). Entries are only ever appended: the Tình trạng hạn
 * formulas of workbooks made earlier refer to the warning-days cell by its row.
 */
export const SETTINGS_TABLE = {
  unitName: {
    ...unitName,
    default: () => '',
    pane: textPane(1, unitName),
    report: 'the header (the issuing body) and the signature block',
  },
  recipient: {
    ...recipient,
    default: (year: number) =>
      year >= PROVINCE_RECIPIENT_FROM_YEAR
        ? DEFAULT_SETTING_TEXT.provinceRecipient
        : DEFAULT_SETTING_TEXT.districtRecipient,
    pane: textPane(2, recipient),
    report: 'the addressee line and the recipients',
  },
  place: {
    ...place,
    default: () => '',
    pane: textPane(3, place),
    report: 'the date line, before the day',
  },
  year: {
    label: SETTING_LABEL.year,
    hint: SETTING_HINT.year,
    kind: 'wholeNumber',
    default: (year: number) => year,
    required: true,
    read: readYear,
    blankKeepsDefault: true,
    toCell: (v: number) => v,
    numberFormat: '0',
    cellRule: {
      rule: { type: 'wholeNumber', min: 1990, max: 2100 },
      allowBlank: false,
      title: text.yearTitle,
      message: text.yearMessage,
    },
    check: (v: number) => (isWhole(v, 1990, 2100) ? undefined : SETTINGS_FORM.year()),
    pane: { editor: 'number', order: 4, toText: String, fromText: wholeNumber },
    report: 'the periods (the tracker year) of every report',
  },
  warningDays: {
    label: SETTING_LABEL.warningDays,
    hint: SETTING_HINT.warningDays,
    kind: 'wholeNumber',
    default: () => DEFAULT_WARNING_DAYS,
    required: true,
    // Read exactly as the Tình trạng hạn formula reads the cell (sheetRules.warningDaysOf), so that the
    // add-in and the sheet agree even on a value typed as text.
    read: (raw: GridCell) => warningDaysOf(raw) ?? undefined,
    toCell: (v: number) => v,
    numberFormat: '0',
    cellRule: {
      rule: { type: 'wholeNumber', min: 0, max: 365 },
      allowBlank: false,
      title: text.warningDaysTitle,
      message: text.warningDaysMessage,
    },
    check: (v: number) => (isWhole(v, 0, 365) ? undefined : SETTINGS_FORM.warningDays()),
    pane: { editor: 'number', order: 5, toText: String, fromText: wholeNumber },
    report: 'the due-soon count of every figure',
  },
  signer: {
    label: SETTING_LABEL.signer,
    hint: SETTING_HINT.signer,
    kind: 'choice',
    default: (): Signer => 'viceChairman',
    required: true,
    read: (raw: GridCell) => parseSigner(cellText(raw)) ?? undefined,
    toCell: (v: Signer) => SIGNER_LABEL[v],
    numberFormat: '@',
    cellRule: {
      rule: { type: 'signerList' },
      allowBlank: false,
      title: text.signerTitle,
      message: text.signerMessage(SIGNER_LABEL.chairman, SIGNER_LABEL.viceChairman),
    },
    check: (v: Signer) => (isChoice(v, SIGNER_LABEL) ? undefined : SETTINGS_FORM.required()),
    pane: {
      editor: 'select',
      choices: SIGNER_LABEL,
      order: 6,
      toText: (v: Signer) => v,
      // A value outside the list stays what it was typed as: `check` refuses it.
      fromText: (t: string) => t as Signer,
    },
    report: 'the signature block (its title lines)',
  },
  signerName: {
    ...signerName,
    default: () => '',
    pane: textPane(7, signerName),
    report: 'the signature block (the signer’s name)',
  },
  otherRecipients: {
    label: SETTING_LABEL.otherRecipients,
    hint: SETTING_HINT.otherRecipients,
    kind: 'list',
    default: (): string[] => [...DEFAULT_SETTING_TEXT.otherRecipients],
    required: false,
    read: (raw: GridCell) => {
      const t = optionalText(raw);
      if (t === undefined) return undefined;
      return t === ''
        ? []
        : t
            .split(';')
            .map(cleanText)
            .filter((s) => s !== '');
    },
    toCell: (v: string[]) => v.join('; '),
    numberFormat: '@',
    check: () => undefined,
    pane: {
      editor: 'textarea',
      order: 10,
      hint: SETTING_PANE_HINT.otherRecipients,
      toText: (v: string[]) => v.join('\n'),
      fromText: (t: string) =>
        t
          .split(/[\n;]/)
          .map((s) => s.trim())
          .filter((s) => s !== ''),
    },
    report: 'the recipients, between the addressee and the archive lines',
  },
  periodMode: {
    label: SETTING_LABEL.periodMode,
    hint: SETTING_HINT.periodMode,
    kind: 'choice',
    default: (): PeriodMode => 'calendar',
    required: false,
    read: readPeriodMode,
    toCell: (v: PeriodMode) => PERIOD_MODE_LABEL[v],
    numberFormat: '@',
    check: (v: PeriodMode) => (isChoice(v, PERIOD_MODE_LABEL) ? undefined : PERIOD_MODE_LABEL.calendar),
    pane: {
      editor: 'select',
      choices: PERIOD_MODE_LABEL,
      order: 11,
      toText: (v: PeriodMode) => v,
      fromText: (t: string) => t as PeriodMode,
    },
    report: 'the window of every period (reportingRegime.cutOffDay)',
  },
  planNumber: {
    label: SETTING_LABEL.planNumber,
    hint: SETTING_HINT.planNumber,
    kind: 'optionalText',
    default: () => '',
    required: false,
    read: optionalText, // may be empty: the report then names the plan by its title
    toCell: (v: string) => v,
    numberFormat: '@',
    check: () => undefined,
    pane: { editor: 'input', order: 8, toText: (v: string) => v, fromText: (t: string) => t.trim() },
    report: 'the opening sentence (the plan cited by number)',
  },
  planDate: {
    label: SETTING_LABEL.planDate,
    hint: SETTING_HINT.planDate,
    kind: 'date',
    default: (): IsoDate | null => null,
    required: false,
    read: readPlanDate,
    toCell: (v: IsoDate | null) => (v === null ? null : serialFromIso(v)),
    numberFormat: 'dd/mm/yyyy',
    cellRule: {
      rule: { type: 'date', min: '1990-01-01', max: '2100-12-31' },
      allowBlank: true,
      title: text.planDateTitle,
      message: text.planDateMessage,
    },
    check: (v: IsoDate | null) => (v !== null && !isIsoDate(v) ? SETTINGS_FORM.planDate() : undefined),
    pane: {
      editor: 'input',
      order: 9,
      toText: (v: IsoDate | null) => (v ? formatVnDate(v) : ''),
      fromText: planDateOf,
    },
    report: 'the opening sentence (the plan cited by date)',
  },
} as const satisfies SettingsTable;
