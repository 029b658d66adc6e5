/**
 * The web app's file session: opening a file (or a new workbook) into the workspace, and saving it back
 * (into the same file where the browser allows, else as a download under the same name). Plain functions over
 * the page's state setters (WebApp.tsx holds the state), each saying in Vietnamese what happened.
 */
import type { IsoDate } from '../domain/dates';
import { WEBAPP } from '../i18n/webapp';
import { saveBytes } from '../taskpane/download';
import { type FileHandleLike, type FileStamp, readPickedFile, saveInPlace } from './fileAccess';
import type { OpenedWorkbook } from './workspace';

export const loadWorkspace = () => import(/* webpackChunkName: "workspace" */ './workspace');

export interface Session {
  /** Bumped for every file opened: the pane starts afresh. */
  id: number;
  /** The file's name (a new workbook's is chosen when it is first saved). */
  name: string | null;
  opened: OpenedWorkbook;
  handle?: FileHandleLike;
  stamp?: FileStamp;
  /** The workbook's version when it was opened or last saved: a later one is unsaved work. */
  savedVersion: number;
}

export interface Notice {
  intent: 'success' | 'warning' | 'error' | 'info';
  text: string;
  actions?: { label: string; run: () => void }[];
}

/** What the session's functions change on the page. */
export interface SessionControl {
  today: () => IsoDate;
  /** True where the browser writes into an opened file (fileAccess.canWriteBack). */
  writeBack: boolean;
  nextId: () => number;
  setBusy: (text: string | null) => void;
  setNotice: (notice: Notice | null) => void;
  setSession: (update: (current: Session | null) => Session | null) => void;
}

function detailOf(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

/** Opens bytes (null: a new workbook) into the workspace; one line when the file cannot be read. */
export async function startSession(
  ctl: SessionControl,
  bytes: Uint8Array | null,
  name: string | null,
  extra: { handle?: FileHandleLike; stamp?: FileStamp } = {},
): Promise<void> {
  const shown = name ?? WEBAPP.newWorkbookName;
  ctl.setBusy(name ? WEBAPP.opening(name) : WEBAPP.creating);
  ctl.setNotice(null);
  // User Timing marks, local only: the benchmark reads how long opening took (bench/browserBench.ts).
  performance.mark('cchc:open-start');
  try {
    const { openWorkbook } = await loadWorkspace();
    const outcome = await openWorkbook(bytes, shown, ctl.today);
    if (!outcome.ok) {
      ctl.setNotice({ intent: 'error', text: outcome.message });
      return;
    }
    performance.mark('cchc:opened');
    const session: Session = {
      id: ctl.nextId(),
      name,
      opened: outcome.opened,
      ...extra,
      savedVersion: outcome.opened.workbook.getView().version,
    };
    ctl.setSession(() => session);
  } catch (error) {
    // The workspace's code could not be loaded (offline before the first visit finished caching it).
    ctl.setNotice({ intent: 'error', text: WEBAPP.cannotOpenDetail(shown, detailOf(error)) });
  } finally {
    ctl.setBusy(null);
  }
}

/** A picked or dropped file: refused past the CLI's size limit, else opened. */
export async function openPickedFile(
  ctl: SessionControl,
  file: File,
  handle?: FileHandleLike,
): Promise<void> {
  const read = await readPickedFile(file, handle);
  if (!read.ok) {
    ctl.setNotice({ intent: 'error', text: read.message });
    return;
  }
  await startSession(ctl, read.file.bytes, read.file.name, {
    handle: read.file.handle,
    stamp: read.file.stamp,
  });
}

async function fileNameOf(ctl: SessionControl, current: Session): Promise<string> {
  if (current.name) return current.name;
  const { newFileName } = await loadWorkspace();
  return newFileName(current.opened.workbook, ctl.today());
}

function markSaved(ctl: SessionControl, current: Session, version: number, change: Partial<Session>): void {
  ctl.setSession((s) => (s && s.id === current.id ? { ...s, ...change, savedVersion: version } : s));
}

/** "Tải về": the workbook (the CLI's graft: every cell and part kept) downloaded under the file's own name. */
export async function downloadSession(ctl: SessionControl, current: Session): Promise<void> {
  ctl.setBusy(WEBAPP.saving);
  try {
    const version = current.opened.workbook.getView().version;
    const bytes = await current.opened.workbook.toBytes();
    const name = await fileNameOf(ctl, current);
    saveBytes(bytes, name);
    markSaved(ctl, current, version, { name });
    const text = current.handle
      ? WEBAPP.downloadedCopy(name)
      : ctl.writeBack
        ? WEBAPP.downloadedNoHandle(name)
        : WEBAPP.downloaded(name);
    ctl.setNotice({ intent: 'success', text });
  } catch (error) {
    ctl.setNotice({ intent: 'error', text: WEBAPP.saveFailed(detailOf(error)) });
  } finally {
    ctl.setBusy(null);
  }
}

/**
 * "Lưu": written into the opened file where the browser allows (permission asked; a file changed on disk
 * since it was opened is not overwritten unless the user says so), else downloaded.
 */
export async function saveSession(ctl: SessionControl, current: Session, overwrite = false): Promise<void> {
  if (!current.handle || !current.stamp || !ctl.writeBack) return downloadSession(ctl, current);
  ctl.setBusy(WEBAPP.saving);
  const version = current.opened.workbook.getView().version;
  const outcome = await saveInPlace(current.handle, () => current.opened.workbook.toBytes(), current.stamp, {
    overwrite,
  }).finally(() => ctl.setBusy(null));
  const copy = { label: WEBAPP.downloadCopy, run: () => void downloadSession(ctl, current) };
  switch (outcome.kind) {
    case 'savedInPlace':
      markSaved(ctl, current, version, { stamp: outcome.stamp });
      ctl.setNotice({ intent: 'success', text: outcome.message });
      return;
    case 'changedOnDisk':
      ctl.setNotice({
        intent: 'warning',
        text: outcome.message,
        actions: [
          { label: WEBAPP.overwrite, run: () => void saveSession(ctl, current, true) },
          copy,
          { label: WEBAPP.cancel, run: () => ctl.setNotice(null) },
        ],
      });
      return;
    default:
      ctl.setNotice({
        intent: outcome.kind === 'denied' ? 'warning' : 'error',
        text: outcome.message,
        actions: [copy],
      });
  }
}
