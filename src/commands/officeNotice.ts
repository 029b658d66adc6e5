/**
 * How a ribbon command shows its outcome in Excel: a small dialog (notice.html) with the Vietnamese message,
 * on success (after the written sheet is activated) as on failure. The promise resolves when the user closes
 * the dialog, or at the command's deadline, when the dialog is closed for them, so the command's
 * event.completed() always comes before Office ends the command.
 */
import type { ActionOutcome } from '../app/types';
import { revealCell } from '../workbook/office/excelRun';

/** Query strings this long stay far below every URL length limit. */
const MAX_MESSAGE_CHARS = 1500;

export type NoticeKind = 'success' | 'error';

/** A message cut to `max` characters at a line end where it can be, marked with "…". */
export function clip(message: string, max: number = MAX_MESSAGE_CHARS): string {
  if (message.length <= max) return message;
  const cut = message.slice(0, max - 1);
  const line = cut.lastIndexOf('\n');
  return `${line > max / 2 ? cut.slice(0, line) : cut}…`;
}

/** The dialog page's address, with the notice in its query string (read by notice.ts). */
export function noticeUrl(base: string, kind: NoticeKind, message: string): string {
  const url = new URL('notice.html', base);
  url.search = '';
  url.hash = '';
  url.searchParams.set('kind', kind);
  url.searchParams.set('message', clip(message));
  return url.toString();
}

/**
 * Opens the notice dialog and resolves when it is closed, could not be opened, or after `timeoutMs` (the
 * time left before the command's deadline), closing it then.
 */
export function showNoticeDialog(kind: NoticeKind, message: string, timeoutMs: number): Promise<void> {
  if (timeoutMs <= 0) return Promise.resolve();
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
    }, timeoutMs);
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

/**
 * notify() for runCompileReportCommand in a live workbook: a success first shows the sheet it wrote; then
 * the dialog, success or failure, until the user closes it or `deadline` comes.
 */
export async function notifyInExcel(notice: ActionOutcome, deadline: number): Promise<void> {
  if (notice.ok && notice.sheet) {
    try {
      // A sheet gone since it was written is not shown: the notice still says what was done.
      await revealCell(notice.sheet, notice.cell);
    } catch (error) {
      // The sheet is written; not showing it is no reason to withhold the notice.
      console.warn('could not activate the written sheet', error);
    }
  }
  await showNoticeDialog(notice.ok ? 'success' : 'error', notice.message, deadline - Date.now());
}
