/**
 * Offers bytes as a file download, as a browser does for a link with `download`: the pane's new-year workbook
 * where Excel cannot open it itself, and the browser preview's "Tải tệp .xlsx"; the report's Word document.
 * Called from a click, so the browser lets it through.
 */
const XLSX_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

export function saveBytes(bytes: Uint8Array, fileName: string, type: string = XLSX_TYPE): void {
  const blob = new Blob([new Uint8Array(bytes)], { type });
  const url = URL.createObjectURL(blob);
  const link = document.createElement('a');
  link.href = url;
  link.download = fileName;
  document.body.appendChild(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(url), 60_000);
}
