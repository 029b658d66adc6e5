/**
 * Reading and writing .xlsx files on disk (Node only; the rest of the adapter works on bytes), so that the
 * user's workbook keeps its identity:
 * - only a regular file is read or written: a device, FIFO, socket or folder is refused at once (opening
 *   never blocks), and a file past FILE_LIMITS.maxFileBytes is refused before it is read;
 * - a write goes through a temporary file in the target's own folder, synced, then renamed over the target,
 *   so a crash or kill -9 at any moment leaves the old file or the complete new one, never half of one;
 * - the target is the real file behind any symlinks (the link stays a link), keeps its mode and, where the
 *   system allows, its owner; a read-only file, or one the user may not write, is refused, never replaced;
 * - temporary files are removed on every way out, and those a killed run left behind are recognised by
 *   their name and removed by the next write.
 * Every failure is a FileError: a WorkbookError with one Vietnamese line saying what and why.
 */
import { constants, promises as fs, type Stats, rmSync } from 'node:fs';
import path from 'node:path';

import { FILES } from '../../i18n/xlsx';
import { FILE_LIMITS, LOCK_LIMITS } from '../limits';
import { WorkbookError } from '../port';

export type FileProblem =
  | 'notFound'
  | 'directory'
  | 'notRegular'
  | 'tooLarge'
  | 'noReadPermission'
  | 'readOnly'
  | 'noWritePermission'
  | 'folderNotWritable'
  | 'noSpace'
  | 'busy'
  | 'changed'
  | 'readFailed'
  | 'writeFailed'
  /** An output refused by the CLI's one way out (src/cli/fileGuard.ts claimOutput): exists, is an input, … */
  | 'exists'
  | 'isInput'
  | 'openElsewhere';

/** A file the CLI cannot read or write, with the one line that says why. */
export class FileError extends WorkbookError {
  constructor(
    readonly problem: FileProblem,
    readonly path: string,
    message: string,
  ) {
    super('io', undefined, message);
    this.name = 'FileError';
  }
}

/** What a file was when it was read, to notice another program replacing it before the write. */
export interface FileIdentity {
  dev: number;
  ino: number;
  size: number;
  mtimeMs: number;
}

function identityOf(st: Stats): FileIdentity {
  return { dev: st.dev, ino: st.ino, size: st.size, mtimeMs: st.mtimeMs };
}

function sameIdentity(a: FileIdentity, b: FileIdentity): boolean {
  return a.dev === b.dev && a.ino === b.ino && a.size === b.size && a.mtimeMs === b.mtimeMs;
}

function errnoOf(error: unknown): string {
  return (error as NodeJS.ErrnoException)?.code ?? 'EUNKNOWN';
}

/** What a path that is not a regular file is, in words. */
function kindOf(st: Stats): string {
  if (st.isDirectory()) return FILES.kinds.directory;
  if (st.isFIFO()) return FILES.kinds.fifo;
  if (st.isSocket()) return FILES.kinds.socket;
  if (st.isCharacterDevice() || st.isBlockDevice()) return FILES.kinds.device;
  return FILES.kinds.other;
}

function notRegular(filePath: string, st: Stats): FileError {
  return st.isDirectory()
    ? new FileError('directory', filePath, FILES.directory(filePath))
    : new FileError('notRegular', filePath, FILES.notRegular(filePath, kindOf(st)));
}

function readError(filePath: string, error: unknown): FileError {
  if (error instanceof FileError) return error;
  const code = errnoOf(error);
  if (code === 'ENOENT' || code === 'ENOTDIR')
    return new FileError('notFound', filePath, FILES.notFound(filePath));
  if (code === 'EACCES' || code === 'EPERM') {
    return new FileError('noReadPermission', filePath, FILES.noReadPermission(filePath));
  }
  if (code === 'EISDIR') return new FileError('directory', filePath, FILES.directory(filePath));
  if (code === 'ENXIO')
    return new FileError('notRegular', filePath, FILES.notRegular(filePath, FILES.kinds.socket));
  if (code === 'EBUSY') return new FileError('busy', filePath, FILES.busy(filePath));
  return new FileError('readFailed', filePath, FILES.readFailed(filePath, code));
}

function writeError(filePath: string, error: unknown): FileError {
  if (error instanceof FileError) return error;
  const code = errnoOf(error);
  if (code === 'ENOSPC' || code === 'EDQUOT')
    return new FileError('noSpace', filePath, FILES.noSpace(filePath));
  if (code === 'EROFS') {
    return new FileError('folderNotWritable', filePath, FILES.folderNotWritable(path.dirname(filePath)));
  }
  if (code === 'EACCES' || code === 'EPERM') {
    return new FileError('noWritePermission', filePath, FILES.noWritePermission(filePath));
  }
  if (code === 'EBUSY' || code === 'ETXTBSY') return new FileError('busy', filePath, FILES.busy(filePath));
  if (code === 'ENOENT' || code === 'ENOTDIR') {
    return new FileError('folderNotWritable', filePath, FILES.folderMissing(path.dirname(filePath)));
  }
  if (code === 'EISDIR') return new FileError('directory', filePath, FILES.directory(filePath));
  return new FileError('writeFailed', filePath, FILES.writeFailed(filePath, code));
}

/** O_NONBLOCK where the system has it: opening a FIFO for reading then returns at once instead of waiting. */
const OPEN_FOR_READING = constants.O_RDONLY | (constants.O_NONBLOCK ?? 0);

export interface ReadFile {
  bytes: Uint8Array;
  /** The real file behind any symlinks. */
  realPath: string;
  identity: FileIdentity;
}

/**
 * Reads a workbook file: a regular file of at most FILE_LIMITS.maxFileBytes, or a FileError (not found, a
 * folder, a device/FIFO/socket, too large, not permitted). Never blocks on a FIFO or a device.
 */
export async function readWorkbookFile(filePath: string): Promise<ReadFile> {
  let handle: fs.FileHandle | undefined;
  try {
    // stat first: a socket cannot be opened at all, and it says what the path is.
    const before = await fs.stat(filePath);
    if (!before.isFile()) throw notRegular(filePath, before);
    handle = await fs.open(filePath, OPEN_FOR_READING);
    const st = await handle.stat();
    if (!st.isFile()) throw notRegular(filePath, st);
    if (st.size > FILE_LIMITS.maxFileBytes) {
      throw new FileError('tooLarge', filePath, FILES.tooLarge(filePath, FILE_LIMITS.maxFileBytes));
    }
    // Read what is there, and not a byte past the limit if the file grows meanwhile.
    const buffer = Buffer.alloc(Math.min(st.size + 1, FILE_LIMITS.maxFileBytes + 1));
    let length = 0;
    for (;;) {
      const { bytesRead } = await handle.read(buffer, length, buffer.length - length, length);
      if (bytesRead === 0) break;
      length += bytesRead;
      if (length === buffer.length) break;
    }
    if (length > FILE_LIMITS.maxFileBytes)
      throw new FileError('tooLarge', filePath, FILES.tooLarge(filePath, FILE_LIMITS.maxFileBytes));
    const realPath = await fs.realpath(filePath);
    return {
      bytes: new Uint8Array(buffer.buffer, buffer.byteOffset, length),
      realPath,
      identity: identityOf(st),
    };
  } catch (error) {
    throw readError(filePath, error);
  } finally {
    await handle?.close().catch(() => undefined);
  }
}

/** Kept for callers that want the bytes only. */
export async function readXlsxFile(filePath: string): Promise<Uint8Array> {
  return (await readWorkbookFile(filePath)).bytes;
}

/**
 * Where writing `filePath` really goes: the file at the end of its chain of symlinks (which may not exist
 * yet, for a link to a new file). A loop of links is reported as not writable.
 */
export async function resolveWriteTarget(filePath: string): Promise<string> {
  let current = path.resolve(filePath);
  for (let hops = 0; hops < 40; hops += 1) {
    let st: Stats;
    try {
      st = await fs.lstat(current);
    } catch (error) {
      if (errnoOf(error) === 'ENOENT') return current;
      throw writeError(filePath, error);
    }
    if (!st.isSymbolicLink()) return current;
    current = path.resolve(path.dirname(current), await fs.readlink(current));
  }
  throw new FileError('writeFailed', filePath, FILES.writeFailed(filePath, 'ELOOP'));
}

/**
 * Refuses at once what must never be written: a target that exists and is not a regular file, is marked
 * read-only, or that this user may not write; or a folder where the temporary file cannot be made. `target`
 * is a resolved path (resolveWriteTarget); `shown` is how the user named it.
 */
export async function checkWritable(target: string, shown = target): Promise<Stats | undefined> {
  let st: Stats | undefined;
  try {
    st = await fs.stat(target);
  } catch (error) {
    if (errnoOf(error) !== 'ENOENT') throw writeError(shown, error);
  }
  if (st) {
    if (!st.isFile()) throw notRegular(shown, st);
    // The read-only bit, even for a user (root, say) whom the system would let write anyway.
    if ((st.mode & 0o222) === 0) throw new FileError('readOnly', shown, FILES.readOnly(shown));
    try {
      await fs.access(target, constants.W_OK);
    } catch {
      throw new FileError('noWritePermission', shown, FILES.noWritePermission(shown));
    }
  }
  const dir = path.dirname(target);
  try {
    const dirStat = await fs.stat(dir);
    if (!dirStat.isDirectory()) throw new FileError('folderNotWritable', shown, FILES.folderMissing(dir));
    await fs.access(dir, constants.W_OK);
  } catch (error) {
    if (error instanceof FileError) throw error;
    throw errnoOf(error) === 'ENOENT'
      ? new FileError('folderNotWritable', shown, FILES.folderMissing(dir))
      : new FileError('folderNotWritable', shown, FILES.folderNotWritable(dir));
  }
  return st;
}

/** Temporary files being written by this process, removed by removePendingTempsSync on a signal. */
const pendingTemps = new Set<string>();

/** Removes this process's temporary files now (for a signal handler, which cannot wait). */
export function removePendingTempsSync(): void {
  for (const temp of pendingTemps) rmSync(temp, { force: true });
  pendingTemps.clear();
}

/** `.Kế hoạch.xlsx.<pid>.<time>.tmp`: hidden, beside the target, and recognisable by the next run. */
function tempNameFor(target: string): string {
  return path.join(path.dirname(target), `.${path.basename(target)}.${process.pid}.${Date.now()}.tmp`);
}

function isRunning(pid: number): boolean {
  if (pid === process.pid) return true;
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return errnoOf(error) === 'EPERM'; // alive, another user's
  }
}

/**
 * Removes the temporary files a killed run left beside `target` (named as tempNameFor names them): those
 * whose process is gone, or that are older than LOCK_LIMITS.staleMs. Returns the names removed.
 */
export async function removeLeftoverTemps(target: string): Promise<string[]> {
  const dir = path.dirname(target);
  const prefix = `.${path.basename(target)}.`;
  let names: string[];
  try {
    names = await fs.readdir(dir);
  } catch {
    return [];
  }
  const removed: string[] = [];
  for (const name of names) {
    if (!name.startsWith(prefix) || !name.endsWith('.tmp')) continue;
    const m = /^(\d+)\.(\d+)\.tmp$/.exec(name.slice(prefix.length));
    if (!m) continue;
    const full = path.join(dir, name);
    if (pendingTemps.has(full)) continue;
    const old = Date.now() - Number(m[2]) > LOCK_LIMITS.staleMs;
    if (isRunning(Number(m[1])) && !old) continue;
    try {
      const st = await fs.lstat(full);
      if (!st.isFile()) continue;
      await fs.rm(full, { force: true });
      removed.push(name);
    } catch {
      // gone already, or not ours to remove: leave it
    }
  }
  return removed;
}

export interface WriteOptions {
  /** The identity the file had when it was read: the write is refused if another program changed it since. */
  expect?: FileIdentity;
}

/**
 * Writes `bytes` to `filePath` through a temporary file in the same folder, renamed over the target when
 * complete: a crash, a full disk or kill -9 never leaves a half-written workbook behind. Symlinks are
 * followed to the real file; its mode and (where allowed) owner are kept. Throws FileError.
 */
export async function writeXlsxFileAtomically(
  filePath: string,
  bytes: Uint8Array,
  options: WriteOptions = {},
): Promise<void> {
  const target = await resolveWriteTarget(filePath);
  const st = await checkWritable(target, filePath);
  if (options.expect && (!st || !sameIdentity(options.expect, identityOf(st)))) {
    throw new FileError('changed', filePath, FILES.changed(filePath));
  }
  const temp = tempNameFor(target);
  pendingTemps.add(temp);
  try {
    const handle = await fs.open(temp, 'wx', st ? st.mode & 0o777 : 0o666);
    try {
      await handle.writeFile(bytes);
      if (st) {
        // open() applied the umask; the workbook keeps exactly its mode, and its owner where allowed.
        await handle.chmod(st.mode & 0o777);
        await handle.chown(st.uid, st.gid).catch(() => undefined);
      }
      await handle.sync();
    } finally {
      await handle.close();
    }
    await fs.rename(temp, target);
    pendingTemps.delete(temp);
    await syncFolder(path.dirname(target));
  } catch (error) {
    await fs.rm(temp, { force: true }).catch(() => undefined);
    throw writeError(filePath, error);
  } finally {
    pendingTemps.delete(temp);
  }
}

/** Makes the rename durable; folders cannot be synced on every system (Windows), which is fine. */
async function syncFolder(dir: string): Promise<void> {
  let handle: fs.FileHandle | undefined;
  try {
    handle = await fs.open(dir, constants.O_RDONLY);
    await handle.sync();
  } catch {
    // not supported here
  } finally {
    await handle?.close().catch(() => undefined);
  }
}
