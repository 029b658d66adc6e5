/**
 * How a ribbon command shows its outcome in Excel. A success is visible by itself: the written sheet is
 * activated. A failure opens a small dialog (notice.html) with the Vietnamese message; the promise resolves
 * when the user closes it, so the command's event.completed() does not tear the dialog down early.
 */
import type { ActionOutcome } from '../app/types';

/** Office cancels a command after 5 minutes; give up waiting for the dialog well before that. */
const NOTICE_TIMEOUT_MS = 4 * 60 * 1000;
/** Query strings this long stay far below every URL length limit. */
const MAX_MESSAGE_CHARS = 1500;

export type NoticeKind = 'success' | 'error';

/** The dialog page's address, with the notice in its query string (read by notice.ts). */
export function noticeUrl(base: string, kind: NoticeKind, message: string): string {
  const url = new URL('notice.html', base);
  url.search = '';
  url.hash = '';
  url.searchParams.set('kind', kind);
  url.searchParams.set('message', message.slice(0, MAX_MESSAGE_CHARS));
  return url.toString();
}

/** Opens the notice dialog and resolves when it is closed (or could not be opened). */
export function showNoticeDialog(kind: NoticeKind, message: string): Promise<void> {
  return new Promise((resolve) => {
    let dialog: Office.Dialog | undefined;
    let settled = false;
    const done = () => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      resolve();
    };
    const timer = setTimeout(() => {
      dialog?.close();
      done();
    }, NOTICE_TIMEOUT_MS);
    Office.context.ui.displayDialogAsync(
      noticeUrl(window.location.href, kind, message),
      { height: 35, width: 40, displayInIframe: true },
      (result) => {
        if (result.status === Office.AsyncResultStatus.Failed) {
          console.error('notice dialog could not open', result.error);
          done();
          return;
        }
        dialog = result.value;
        // The dialog's "Đóng" button sends a message; closing it with its own X raises a dialog event.
        dialog.addEventHandler(Office.EventType.DialogMessageReceived, () => {
          dialog?.close();
          done();
        });
        dialog.addEventHandler(Office.EventType.DialogEventReceived, done);
      },
    );
  });
}

/** Activates the sheet (and selects the cell) an outcome points at. */
async function reveal(sheet: string, cell: string | undefined): Promise<void> {
  await Excel.run(async (context) => {
    const worksheet = context.workbook.worksheets.getItemOrNullObject(sheet);
    await context.sync();
    if (worksheet.isNullObject) return;
    worksheet.activate();
    if (cell) worksheet.getRange(cell).select();
    await context.sync();
  });
}

/** notify() for runCompileReportCommand in a live workbook. */
export async function notifyInExcel(outcome: ActionOutcome): Promise<void> {
  if (!outcome.ok) {
    await showNoticeDialog('error', outcome.message);
    return;
  }
  if (outcome.sheet) await reveal(outcome.sheet, outcome.cell);
}
