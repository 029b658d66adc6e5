/**
 * The web app's hold on the user's file, the browser's counterpart of the CLI's fileGuard: a file is read
 * only within the CLI's size limit (workbook/limits.ts), and saved back into the same file where the browser
 * allows it (the File System Access API: a FileSystemFileHandle from showOpenFilePicker or a drop), never
 * over a file another program changed since it was opened unless the user says so; otherwise it is
 * downloaded under the same name. Every outcome is one Vietnamese line for the user.
 *
 * No .xlsx library here (the first screen loads this module); the bytes are the workbook's business.
 */
import { WEBAPP } from '../i18n/webapp';
import { FILES } from '../i18n/xlsx';
import { FILE_LIMITS } from '../workbook/limits';

/** What of a FileSystemWritableFileStream is used. */
export interface WritableLike {
  write(data: Uint8Array | Blob): Promise<void>;
  close(): Promise<void>;
  abort?(reason?: unknown): Promise<void>;
}

type PermissionMode = { mode: 'read' | 'readwrite' };

/** What of a FileSystemFileHandle is used (Chromium's; tests give fakes). */
export interface FileHandleLike {
  readonly kind?: string;
  readonly name: string;
  getFile(): Promise<File>;
  createWritable?(): Promise<WritableLike>;
  queryPermission?(descriptor: PermissionMode): Promise<PermissionState>;
  requestPermission?(descriptor: PermissionMode): Promise<PermissionState>;
}

/** What the file was when opened (or last saved here): a change on disk since is noticed before a write. */
export interface FileStamp {
  lastModified: number;
  size: number;
}

export interface OpenedFile {
  name: string;
  bytes: Uint8Array;
  stamp: FileStamp;
  /** Where the browser lets the app write back (Chromium's File System Access API). */
  handle?: FileHandleLike;
}

/** The Vietnamese line refusing a file past the CLI's size limit, or null when it is within it. */
export function sizeProblem(name: string, size: number): string | null {
  return size > FILE_LIMITS.maxFileBytes ? FILES.tooLarge(name, FILE_LIMITS.maxFileBytes) : null;
}

/** A picked or dropped file's bytes, refused before reading when it is past the size limit. */
export async function readPickedFile(
  file: File,
  handle?: FileHandleLike,
): Promise<{ ok: true; file: OpenedFile } | { ok: false; message: string }> {
  const tooLarge = sizeProblem(file.name, file.size);
  if (tooLarge) return { ok: false, message: tooLarge };
  try {
    const bytes = new Uint8Array(await file.arrayBuffer());
    return {
      ok: true,
      file: { name: file.name, bytes, stamp: { lastModified: file.lastModified, size: file.size }, handle },
    };
  } catch (error) {
    return { ok: false, message: WEBAPP.cannotOpenDetail(file.name, errorText(error)) };
  }
}

/** True where this browser can write into a file the user opened ("Lưu"); elsewhere the app offers "Tải về". */
export function canWriteBack(scope: object = globalThis): boolean {
  return (
    typeof (scope as { showOpenFilePicker?: unknown }).showOpenFilePicker === 'function' &&
    typeof (scope as { FileSystemFileHandle?: { prototype?: { createWritable?: unknown } } })
      .FileSystemFileHandle?.prototype?.createWritable === 'function'
  );
}

/** The browser's file picker, where it has one (Chromium): a handle to write back to, or null when cancelled. */
export async function pickWithHandle(scope: object = globalThis): Promise<FileHandleLike | null> {
  const picker = (
    scope as {
      showOpenFilePicker?: (options: object) => Promise<FileHandleLike[]>;
    }
  ).showOpenFilePicker;
  if (!picker) return null;
  try {
    const [handle] = await picker.call(scope, {
      multiple: false,
      excludeAcceptAllOption: false,
      types: [
        {
          description: WEBAPP.pickerDescription,
          accept: {
            'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet': ['.xlsx'],
            'application/vnd.ms-excel.sheet.macroEnabled.12': ['.xlsm'],
          },
        },
      ],
    });
    return handle ?? null;
  } catch (error) {
    // The user closed the picker: nothing to say.
    if ((error as { name?: string })?.name === 'AbortError') return null;
    throw error;
  }
}

export type SaveOutcome =
  /** Written into the opened file; `stamp` is what the file is now. */
  | { kind: 'savedInPlace'; message: string; stamp: FileStamp }
  /** Offered as a download under the same name. */
  | { kind: 'downloaded'; message: string }
  /** The file changed on disk since it was opened: nothing written; the user decides. */
  | { kind: 'changedOnDisk'; message: string }
  /** The user (or the browser) refused the write permission: nothing written. */
  | { kind: 'denied'; message: string }
  | { kind: 'failed'; message: string };

function errorText(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

/** Asks for write permission where it was not given yet (the browser's prompt); true when granted. */
async function writePermission(handle: FileHandleLike): Promise<boolean> {
  const mode: PermissionMode = { mode: 'readwrite' };
  if (handle.queryPermission && (await handle.queryPermission(mode)) === 'granted') return true;
  if (!handle.requestPermission) return handle.queryPermission === undefined;
  return (await handle.requestPermission(mode)) === 'granted';
}

/**
 * Writes `bytes` into the opened file: asks permission, refuses (changedOnDisk) when the file is no longer
 * what was opened unless `overwrite`, writes through the browser's temporary file (the file is replaced only
 * when close() succeeds), and says which happened.
 */
export async function saveInPlace(
  handle: FileHandleLike,
  bytes: () => Promise<Uint8Array>,
  opened: FileStamp,
  options: { overwrite?: boolean } = {},
): Promise<SaveOutcome> {
  const name = handle.name;
  let granted: boolean;
  try {
    granted = await writePermission(handle);
  } catch {
    granted = false;
  }
  if (!granted) return { kind: 'denied', message: WEBAPP.permissionDenied(name) };
  if (!options.overwrite) {
    try {
      const now = await handle.getFile();
      if (now.lastModified !== opened.lastModified || now.size !== opened.size) {
        return { kind: 'changedOnDisk', message: WEBAPP.changedOnDisk(name) };
      }
    } catch (error) {
      return { kind: 'failed', message: WEBAPP.writeFailed(name, errorText(error)) };
    }
  }
  let content: Uint8Array;
  try {
    content = await bytes();
  } catch (error) {
    // The workbook refused to be saved (something of it would be lost): the CLI's own line.
    return { kind: 'failed', message: WEBAPP.saveFailed(errorText(error)) };
  }
  if (!handle.createWritable) return { kind: 'failed', message: WEBAPP.noSaveApi };
  let writable: WritableLike | undefined;
  try {
    writable = await handle.createWritable();
    await writable.write(content);
    await writable.close();
  } catch (error) {
    await writable?.abort?.().catch(() => undefined);
    const name_ = (error as { name?: string })?.name;
    if (name_ === 'NotAllowedError' || name_ === 'SecurityError')
      return { kind: 'denied', message: WEBAPP.permissionDenied(name) };
    return { kind: 'failed', message: WEBAPP.writeFailed(name, errorText(error)) };
  }
  const after = await handle.getFile();
  return {
    kind: 'savedInPlace',
    message: WEBAPP.savedInPlace(name),
    stamp: { lastModified: after.lastModified, size: after.size },
  };
}
