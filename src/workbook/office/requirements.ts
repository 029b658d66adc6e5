/**
 * Requirement sets the adapter relies on, and what it tells the user when the host lacks one. The manifest
 * asks for ExcelApi 1.9, so on a supported host every check passes; the checks keep an older host (or a
 * manifest relaxed later) from failing half-way or silently dropping part of a sheet. What the user is told
 * when one is missing is in src/i18n/vi.ts (DEGRADED).
 */

export type IsSetSupported = (name: string, version: string) => boolean;

/** Features of a SheetSpec (and of the read) the adapter can only use with a given ExcelApi version. */
export const FEATURE_SETS = {
  conditionalFormats: '1.6',
  freezePanes: '1.7',
  tabColor: '1.7',
  dataValidation: '1.8',
  pageLayout: '1.9',
  indent: '1.9',
  fillDown: '1.9',
  suspendScreenUpdating: '1.9',
  /** Reading where a sheet's formulas are (Range.getSpecialCellsOrNullObject) rather than their text. */
  formulaCells: '1.9',
  /** Workbook.protection.protected: refusing, before writing anything, a plan a protected structure forbids. */
  workbookProtection: '1.7',
  /**
   * Emptying an existing sheet to write it again in place, so formulas on other sheets that refer to it keep
   * working: Range.unmerge (1.2), rowHidden / columnHidden (1.2), ConditionalFormatCollection.clearAll (1.6),
   * RangeFormat.useStandardHeight / useStandardWidth (1.7), WorksheetFreezePanes.unfreeze (1.7), an automatic
   * tab colour (1.7), DataValidation.clear (1.8) and the page layout's defaults (1.9). Without it a sheet is
   * replaced by deleting it and adding a new one.
   */
  replaceInPlace: '1.9',
} as const;

export type Feature = keyof typeof FEATURE_SETS;

export type Features = Record<Feature, boolean>;

/** The host's answer, defaulting to "supported" outside Office (tests inject their own). */
export function officeIsSetSupported(name: string, version: string): boolean {
  if (typeof Office === 'undefined' || !Office.context?.requirements) return true;
  return Office.context.requirements.isSetSupported(name, version);
}

export function detectFeatures(isSetSupported: IsSetSupported): Features {
  const out = {} as Features;
  for (const feature of Object.keys(FEATURE_SETS) as Feature[]) {
    out[feature] = isSetSupported('ExcelApi', FEATURE_SETS[feature]);
  }
  return out;
}
