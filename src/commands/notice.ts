/**
 * Entry of notice.html, the small dialog a ribbon command opens to show its outcome. The notice arrives in
 * the query string (?kind=error&message=…, built by officeNotice.ts) and is shown as text, never as HTML.
 */
import { COMMAND } from '../i18n/ui';
import type { NoticeKind } from './officeNotice';

export interface Notice {
  kind: NoticeKind;
  title: string;
  message: string;
}

/** The notice a query string describes; anything unexpected reads as an error. */
export function readNotice(search: string): Notice {
  const params = new URLSearchParams(search);
  const kind: NoticeKind = params.get('kind') === 'success' ? 'success' : 'error';
  const message = (params.get('message') ?? '').trim();
  return { kind, title: COMMAND.noticeTitle[kind], message: message || COMMAND.noMessage };
}

/** Fills the page's placeholders (#title, #message, #close). */
export function renderNotice(doc: Document, notice: Notice, onClose: () => void): void {
  doc.title = notice.title;
  doc.body.dataset.kind = notice.kind;
  const title = doc.getElementById('title');
  const message = doc.getElementById('message');
  const close = doc.getElementById('close');
  if (title) title.textContent = notice.title;
  if (message) message.textContent = notice.message;
  if (close) {
    close.textContent = COMMAND.close;
    close.addEventListener('click', onClose);
  }
}

if (typeof Office !== 'undefined') {
  Office.onReady(() => {
    renderNotice(document, readNotice(window.location.search), () =>
      Office.context.ui.messageParent('close'),
    );
  });
}
