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
import type { SheetSpec } from './spec';
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

export function buildSettingsSheet(settings: Settings): SheetSpec {
  const last = SETTING_KEYS.length + 1;
  const rowHeights: Record<number, number> = {};
  SETTING_KEYS.forEach((k, i) => {
    const texts = [SETTING_LABEL[k], String(settingCellValue(settings, k)), SETTING_HINT[k]];
    rowHeights[i + 2] = rowHeightFor(
      texts.map((text, c) => ({ text, widthChars: WIDTHS[c] })),
      BODY_FONT.size,
    );
  });
  return {
    name: SHEET.settings,
    kind: 'settings',
    defaultFont: BODY_FONT,
    cells: [
      [...SETTINGS_HEADER],
      ...SETTING_KEYS.map((k) => [SETTING_LABEL[k], settingCellValue(settings, k), SETTING_HINT[k]]),
    ],
    styles: [
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
    ],
    columnWidths: WIDTHS,
    rowHeights,
    autoRowHeights: true,
    validations: [
      {
        range: `B${settingRow('year')}`,
        rule: { type: 'wholeNumber', min: 1990, max: 2100 },
        allowBlank: false,
        error: {
          title: VALIDATION_TEXT.settings.yearTitle,
          message: VALIDATION_TEXT.settings.yearMessage,
          style: 'stop',
        },
      },
      {
        range: `B${settingRow('warningDays')}`,
        rule: { type: 'wholeNumber', min: 0, max: 365 },
        allowBlank: false,
        error: {
          title: VALIDATION_TEXT.settings.warningDaysTitle,
          message: VALIDATION_TEXT.settings.warningDaysMessage,
          style: 'stop',
        },
      },
      {
        range: `B${settingRow('signer')}`,
        rule: { type: 'list', source: signerListSource() },
        allowBlank: false,
        error: {
          title: VALIDATION_TEXT.settings.signerTitle,
          message: VALIDATION_TEXT.settings.signerMessage(SIGNER_LABEL.chairman, SIGNER_LABEL.viceChairman),
          style: 'stop',
        },
      },
      {
        range: `B${settingRow('planDate')}`,
        rule: { type: 'date', min: '1990-01-01', max: '2100-12-31' },
        allowBlank: true,
        error: {
          title: VALIDATION_TEXT.settings.planDateTitle,
          message: VALIDATION_TEXT.settings.planDateMessage,
          style: 'stop',
        },
      },
    ],
    freeze: { rows: 1, columns: 0 },
    page: {
      paper: 'A4',
      orientation: 'portrait',
      margins: { top: 20, bottom: 20, left: 20, right: 15, header: 8, footer: 8 },
      fitToWidth: true,
    },
  };
}
