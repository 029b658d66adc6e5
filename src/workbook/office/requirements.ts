/**
 * Requirement sets. The manifest requires ExcelApi 1.9, so Office loads the add-in only on hosts that have it
 * (Microsoft 365, Office 2021 or later, Excel on the web): the adapter uses everything up to 1.9 without
 * asking. What is newer than 1.9 is asked for where it is used (WorksheetCollection.onNameChanged, 1.17, in
 * src/taskpane/officeActions.ts).
 */

export type IsSetSupported = (name: string, version: string) => boolean;

/** The host's answer, defaulting to "supported" outside Office (tests inject their own). */
export function officeIsSetSupported(name: string, version: string): boolean {
  if (typeof Office === 'undefined' || !Office.context?.requirements) return true;
  return Office.context.requirements.isSetSupported(name, version);
}
