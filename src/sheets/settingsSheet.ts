import {
  SETTING_HINT,
  SETTING_LABEL,
  SETTINGS_HEADER,
  SHEET,
  SIGNER_LABEL,
  VALIDATION_TEXT,
} from '../i18n/vi';
import { signerListSource } from './listsSheet';
import { SETTING_KEYS, settingCellValue, type SettingKey, type Settings } from '../domain/settings';
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
    const texts = [SETTING_LABEL[k], String(settingCellValue(settings, k)), SETTING_HINT[k]];
    rowHeights[i + 2] = rowHeightFor(
      texts.map((text, c) => ({ text, widthChars: WIDTHS[c] })),
      BODY_FONT.size,
    );
  });
  return rowHeights;
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
    { range: `B${settingRow('year')}:B${settingRow('warningDays')}`, style: { numberFormat: '0' } },
    { range: `B${settingRow('planDate')}`, style: { numberFormat: 'dd/mm/yyyy' } },
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

/** A setting's value cell that refuses (stop) what is not `rule`, with the message saying what it takes. */
function settingValidation(
  key: SettingKey,
  rule: ValidationRule,
  allowBlank: boolean,
  error: { title: string; message: string },
): ValidationSpec {
  return { range: `B${settingRow(key)}`, rule, allowBlank, error: { ...error, style: 'stop' } };
}

/** The year, the warning days, the signer (from Danh mục) and the plan's date: each only what it can be. */
function settingsValidations(): ValidationSpec[] {
  const text = VALIDATION_TEXT.settings;
  return [
    settingValidation('year', { type: 'wholeNumber', min: 1990, max: 2100 }, false, {
      title: text.yearTitle,
      message: text.yearMessage,
    }),
    settingValidation('warningDays', { type: 'wholeNumber', min: 0, max: 365 }, false, {
      title: text.warningDaysTitle,
      message: text.warningDaysMessage,
    }),
    settingValidation('signer', { type: 'list', source: signerListSource() }, false, {
      title: text.signerTitle,
      message: text.signerMessage(SIGNER_LABEL.chairman, SIGNER_LABEL.viceChairman),
    }),
    settingValidation('planDate', { type: 'date', min: '1990-01-01', max: '2100-12-31' }, true, {
      title: text.planDateTitle,
      message: text.planDateMessage,
    }),
  ];
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
      ...SETTING_KEYS.map((k) => [SETTING_LABEL[k], settingCellValue(settings, k), SETTING_HINT[k]]),
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
