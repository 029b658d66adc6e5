/**
 * Opening next year's workbook in Excel (Excel.createWorkbook, ExcelApi 1.8), given the Office.js calls by
 * officeActions.ts, the only place of the pane that names Office.js. Loaded with "Chuyển sang năm mới".
 */

/** Bytes as Base64, in slices (String.fromCharCode takes only so many arguments at once). */
export function toBase64(bytes: Uint8Array): string {
  const SLICE = 0x8000;
  let binary = '';
  for (let i = 0; i < bytes.length; i += SLICE)
    binary += String.fromCharCode(...bytes.subarray(i, i + SLICE));
  return btoa(binary);
}

/** What opening a new workbook needs of Office.js (officeActions.ts gives Excel's, tests the fake's). */
export interface CreateWorkbookHost {
  createWorkbook: (base64: string) => Promise<void>;
  /** Where Excel's error goes (console.warn by default): never to the user. */
  logError?: (detail: string) => void;
}

/**
 * Opens an .xlsx file as a new workbook in a window of its own (Excel.createWorkbook, ExcelApi 1.8): the open
 * workbook is not touched (every host of the manifest's ExcelApi 1.9 has it). 'failed' when Excel refused it (the file is
 * then offered for download, and Excel's error goes to the console).
 */
export async function openWorkbookInExcel(
  bytes: Uint8Array,
  host: CreateWorkbookHost,
): Promise<'opened' | 'failed'> {
  try {
    await host.createWorkbook(toBase64(bytes));
    return 'opened';
  } catch (error) {
    (host.logError ?? ((d: string) => console.warn(d)))(
      `Excel.createWorkbook: ${error instanceof Error ? error.message : String(error)}`,
    );
    return 'failed';
  }
}
