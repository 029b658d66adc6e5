import { SETTINGS_HEADER, SHEET } from '../i18n/vi';
import { signerListSource } from './listsSheet';
import {
  SETTING_KEYS,
  settingCellValue,
  settingEntry,
  type SettingKey,
  type Settings,
} from '../domain/settings';
import type { SettingCellRule } from '../domain/settingsTable';
import { quoteSheet } from '../domain/a1';
import { BODY_FONT, HEADER_FILL, HEADER_FONT } from './palette';
import { listPageSetup } from './pageSetup';
import type { SheetSpec, StyleRun, ValidationRule, ValidationSpec } from './spec';
import { rowHeightFor } from './textLayout';

/** Sheet row (1-based) of a setting on a Cài đặt sheet the add-in created. */
export function settingRow(key: SettingKey): number {
  return SETTING_KEYS.indexOf(key) + 2;
}

/** Absolute reference to a setting's value cell, for formulas: 'Cài đặt'!$B$6. */
export function settingRef(key: SettingKey): string {
  return `${quoteSheet(SHEET.settings)}!$B$${settingRow(key)}`;
}

const WIDTHS = [32, 36, 70];

/** Every setting's row sized to its wrapped label, value and hint. */
function settingsRowHeights(settings: Settings): Record<number, number> {
  const rowHeights: Record<number, number> = {};
  SETTING_KEYS.forEach((k, i) => {
    const { label, hint } = settingEntry(k);
    const texts = [label, String(settingCellValue(settings, k)), hint];
    rowHeights[i + 2] = rowHeightFor(
      texts.map((text, c) => ({ text, widthChars: WIDTHS[c] })),
      BODY_FONT.size,
    );
  });
  return rowHeights;
}

/** Each setting's value cell in its entry's number format where that is not text, neighbours as one range. */
function numberFormatStyles(): StyleRun[] {
  const runs: { first: number; last: number; numberFormat: string }[] = [];
  for (const k of SETTING_KEYS) {
    const { numberFormat } = settingEntry(k);
    const row = settingRow(k);
    const prev = runs[runs.length - 1];
    if (numberFormat === '@') continue;
    if (prev && prev.last === row - 1 && prev.numberFormat === numberFormat) prev.last = row;
    else runs.push({ first: row, last: row, numberFormat });
  }
  return runs.map(({ first, last, numberFormat }) => ({
    range: first === last ? `B${first}` : `B${first}:B${last}`,
    style: { numberFormat },
  }));
}

/** The header's look, labels bold, the values on yellow (the cells to type in), hints in grey italics. */
function settingsStyles(last: number): StyleRun[] {
  return [
    {
      range: 'A1:C1',
      style: {
        font: { bold: true, color: HEADER_FONT },
        fill: HEADER_FILL,
        alignment: { horizontal: 'center', vertical: 'center' },
      },
    },
    { range: `A2:A${last}`, style: { font: { bold: true }, alignment: { vertical: 'top', wrap: true } } },
    {
      range: `B2:B${last}`,
      style: { fill: 'FFF2CC', alignment: { vertical: 'top', wrap: true }, numberFormat: '@' },
    },
    ...numberFormatStyles(),
    {
      range: `C2:C${last}`,
      style: { font: { italic: true, color: '595959' }, alignment: { vertical: 'top', wrap: true } },
    },
    {
      range: `A1:C${last}`,
      style: { border: { top: 'thin', bottom: 'thin', left: 'thin', right: 'thin' } },
    },
  ];
}

/** A setting's rule as the sheet states it (the signers from Danh mục). */
function ruleOf(rule: SettingCellRule): ValidationRule {
  return rule.type === 'signerList' ? { type: 'list', source: signerListSource() } : rule;
}

/** Each setting's value cell with a rule refuses (stop) what it is not, the message saying what it takes. */
function settingsValidations(): ValidationSpec[] {
  return SETTING_KEYS.flatMap((key): ValidationSpec[] => {
    const rule = settingEntry(key).cellRule;
    if (!rule) return [];
    return [
      {
        range: `B${settingRow(key)}`,
        rule: ruleOf(rule.rule),
        allowBlank: rule.allowBlank,
        error: { title: rule.title, message: rule.message, style: 'stop' },
      },
    ];
  });
}

/** "Cài đặt": one row per setting (label, value, hint), the values validated, printed A4 portrait. */
export function buildSettingsSheet(settings: Settings): SheetSpec {
  const last = SETTING_KEYS.length + 1;
  return {
    name: SHEET.settings,
    kind: 'settings',
    defaultFont: BODY_FONT,
    cells: [
      [...SETTINGS_HEADER],
      ...SETTING_KEYS.map((k) => [
        settingEntry(k).label,
        settingCellValue(settings, k),
        settingEntry(k).hint,
      ]),
    ],
    styles: settingsStyles(last),
    columnWidths: WIDTHS,
    rowHeights: settingsRowHeights(settings),
    autoRowHeights: true,
    validations: settingsValidations(),
    freeze: { rows: 1, columns: 0 },
    page: listPageSetup(),
  };
}
