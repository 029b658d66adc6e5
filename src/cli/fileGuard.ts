/**
 * The CLI's hold on the workbook files it reads and writes, kept apart from argument parsing (main.ts):
 * - a command that will write a workbook takes its lock first (lockForWriting), before reading anything, so a
 *   second `cchc` writing the same file waits for the first and then works on its result — two commands never
 *   both report success with one result lost; a read-only file, a device or a missing folder is refused at
 *   once, before any work; temporary files a killed run left beside it are removed;
 * - the file is read as it was when locked (readWorkbook), and written only if no other program changed it
 *   meanwhile (writeWorkbook);
 * - Ctrl+C or a termination signal while a lock is held removes the temporary file and the lock, then exits
 *   with code 2 and one line; releaseFiles gives everything up on every other way out.
 */
import { mkdirSync, promises as fs } from 'node:fs';
import path from 'node:path';

import { CLI } from '../i18n/cli';
import { unreadableReason } from '../i18n/xlsx';
import {
  acquireLock,
  type HeldLock,
  lockPathFor,
  newLockToken,
  releaseLockSync,
} from '../workbook/xlsx/fileLock';
import {
  checkWritable,
  FileError,
  type FileIdentity,
  readWorkbookFile,
  removeLeftoverTemps,
  removePendingTempsSync,
  resolveWriteTarget,
  writeXlsxFileAtomically,
} from '../workbook/xlsx/files';
import { UnreadableWorkbookError } from '../workbook/xlsx/unreadable';

const held: HeldLock[] = [];
/** Locks being taken: known before their file exists, so a signal in between still removes them. */
const taking = new Map<string, string>();
let handling = false;
/** Files read by this run, by real path: what they were when read. */
const readAs = new Map<string, FileIdentity>();

const SIGNALS: NodeJS.Signals[] =
  process.platform === 'win32' ? ['SIGINT', 'SIGBREAK'] : ['SIGINT', 'SIGTERM', 'SIGHUP'];

function onSignal(): void {
  removePendingTempsSync();
  for (const lock of held.splice(0)) lock.releaseSync();
  for (const [lockPath, token] of taking) releaseLockSync(lockPath, token);
  process.stderr.write(`${CLI.interrupted}\n`);
  process.exit(2);
}

/**
 * Before a command that writes `file` does anything: refuses a target that must not be written (FileError),
 * makes its folder, takes its lock (waiting for another writer, bounded), and removes leftovers of killed runs.
 */
export async function lockForWriting(file: string): Promise<void> {
  try {
    mkdirSync(path.dirname(path.resolve(file)), { recursive: true });
  } catch {
    // checkWritable says what is wrong with the folder
  }
  const target = await resolveWriteTarget(file);
  await checkWritable(target, file);
  const lockPath = lockPathFor(target);
  if (held.some((lock) => lock.path === lockPath)) return;
  if (!handling) for (const signal of SIGNALS) process.on(signal, onSignal);
  handling = true;
  const token = newLockToken();
  taking.set(lockPath, token);
  try {
    held.push(await acquireLock(target, file, undefined, token));
  } finally {
    taking.delete(lockPath);
  }
  await removeLeftoverTemps(target);
}

/** Gives up every lock this run holds; called once the command is over, however it ended. */
export async function releaseFiles(): Promise<void> {
  for (const lock of held.splice(0)) await lock.release();
  if (handling) for (const signal of SIGNALS) process.off(signal, onSignal);
  handling = false;
  readAs.clear();
}

/** The workbook's bytes (a regular file within the size limit), remembering what the file was. */
export async function readWorkbook(file: string): Promise<Uint8Array> {
  const read = await readWorkbookFile(file);
  readAs.set(read.realPath, read.identity);
  return read.bytes;
}

/** Writes the workbook atomically, refusing if another program changed it since this run read it. */
export async function writeWorkbook(file: string, bytes: Uint8Array): Promise<void> {
  const target = await resolveWriteTarget(file);
  const real = await fs.realpath(target).catch(() => target);
  await writeXlsxFileAtomically(file, bytes, { expect: readAs.get(real) });
}

/**
 * Writes a document a command made from a workbook (the Word report) atomically, after lockForWriting: the
 * one place such an output is written.
 */
export async function writeOutputFile(file: string, bytes: Uint8Array): Promise<void> {
  await writeXlsxFileAtomically(file, bytes);
}

/** The one line for a file the reader refused: which file, and why. */
export function unreadableLine(file: string, error: unknown): string {
  if (error instanceof UnreadableWorkbookError)
    return CLI.unreadableBecause(file, unreadableReason(error.reason));
  if (error instanceof FileError) return error.message;
  return CLI.unreadable(file);
}
