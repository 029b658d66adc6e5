/**
 * The CLI's hold on the workbook files it reads and writes, kept apart from argument parsing (main.ts):
 * - a command that will write a workbook takes its lock first (lockForWriting), before reading anything, so a
 *   second `cchc` writing the same file waits for the first and then works on its result — two commands never
 *   both report success with one result lost; a read-only file, a device or a missing folder is refused at
 *   once, before any work; temporary files a killed run left beside it are removed;
 * - the file is read as it was when locked (readWorkbook), and written only if no other program changed it
 *   meanwhile (writeWorkbook);
 * - Ctrl+C or a termination signal while a lock is held removes the temporary file and the lock, then exits
 *   with code 2 and one line naming what was not written; releaseFiles gives everything up on every other way out.
 *
 * ONE WAY OUT (issue 20): every command that writes a file (init, report and its Word document, fix, rollover,
 * consolidate, demo) claims it with claimOutput and writes it with Output.write, nothing else. claimOutput:
 * refuses what must never be written (checkWritable), takes the lock, and only then looks: an existing target
 * is refused unless the command writes in place by design, --force was given, or (demo) the file carries the
 * command's own mark; a target that is one of the inputs (same path, a link to it, found by a folder walk) is
 * refused; a workbook open in Excel (`~$name`) or LibreOffice (`.~lock.name#`) is refused, naming the program;
 * a folder with no room for the file is refused before any input is read.
 */
import { mkdirSync, promises as fs, statfsSync } from 'node:fs';
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
import { hasDocumentMark, markDocument } from '../workbook/xlsx/docMark';

const held: HeldLock[] = [];
/** Locks being taken: known before their file exists, so a signal in between still removes them. */
const taking = new Map<string, string>();
let handling = false;
/** Files read by this run, by real path: what they were when read. */
const readAs = new Map<string, FileIdentity>();

const SIGNALS: NodeJS.Signals[] =
  process.platform === 'win32' ? ['SIGINT', 'SIGBREAK'] : ['SIGINT', 'SIGTERM', 'SIGHUP'];

/** Outputs claimed and not written yet (as the user named them): what a signal leaves unwritten. */
const unwritten = new Set<string>();

function onSignal(): void {
  removePendingTempsSync();
  for (const lock of held.splice(0)) lock.releaseSync();
  for (const [lockPath, token] of taking) releaseLockSync(lockPath, token);
  const notWritten = [...unwritten];
  process.stderr.write(
    `${notWritten.length > 0 ? CLI.interruptedNotWritten(notWritten) : CLI.interrupted}\n`,
  );
  process.exit(2);
}

/**
 * Before a command that writes `file` does anything (claimOutput's first step): refuses a target that must not be written (FileError),
 * makes its folder, takes its lock (waiting for another writer, bounded), and removes leftovers of killed runs.
 */
async function lockForWriting(file: string): Promise<void> {
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
  unwritten.clear();
}

/** The workbook's bytes (a regular file within the size limit), remembering what the file was. */
export async function readWorkbook(file: string): Promise<Uint8Array> {
  const read = await readWorkbookFile(file);
  readAs.set(read.realPath, read.identity);
  return read.bytes;
}

/** The one line for a file the reader refused: which file, and why. */
export function unreadableLine(file: string, error: unknown): string {
  if (error instanceof UnreadableWorkbookError)
    return CLI.unreadableBecause(file, unreadableReason(error.reason));
  if (error instanceof FileError) return error.message;
  return CLI.unreadable(file);
}

/** How an output that exists already is treated. */
type ExistingTarget =
  /** The command writes into the file it read, by design (report without --out, init, fix). */
  | 'inPlace'
  /** Refused unless --force was given. */
  | 'refuse'
  /** --force was given: replaced. */
  | 'replace'
  /** Replaced only if `isOwn(bytes)` says it is the command's own earlier output (demo); refused otherwise. */
  | 'ownOnly';

export interface OutputSpec {
  /** The output's path (absolute). */
  file: string;
  /** As the user named it (or as the command names it, for a default path). */
  shown: string;
  existing: ExistingTarget;
  /** The files the command reads, as absolute paths: the output must be none of them. */
  inputs?: readonly string[];
  /** For 'ownOnly': whether an existing file's bytes are the command's own output. */
  isOwn?: (bytes: Uint8Array) => boolean | Promise<boolean>;
  /** The line that refuses an existing target ('refuse', 'ownOnly'); CLI.outExists by default. */
  existsLine?: (shown: string) => string;
  /** The line that refuses a target that is an input; CLI.outIsAnInput by default. */
  isInputLine?: (shown: string, input: string) => string;
  /** Bytes the folder must have free before any input is read (a guess at the output's size). */
  expectBytes?: number;
}

/** A claimed output: locked, checked, written once by write(). */
export interface Output {
  /** The absolute path. */
  file: string;
  shown: string;
  /** The target existed when claimed. */
  existed: boolean;
  /**
   * Writes the file atomically (temporary file, rename): the bytes themselves, or a function that makes them
   * (a Word document's writer, say), called once the target is known to be writable.
   */
  write(content: Uint8Array | (() => Promise<Uint8Array>)): Promise<void>;
}

/** Refuses an output: one Vietnamese line, exit code 2. */
class OutputRefused extends FileError {}

/** Excel's and LibreOffice's owner files beside a workbook open in them, with the program's name. */
async function openElsewhere(target: string): Promise<{ program: string; owner: string } | undefined> {
  const dir = path.dirname(target);
  const name = path.basename(target);
  const candidates = [
    { program: 'Microsoft Excel', owner: `~$${name}` },
    // Excel shortens a long name's owner file by its first two characters.
    { program: 'Microsoft Excel', owner: `~$${name.slice(2)}` },
    { program: 'LibreOffice', owner: `.~lock.${name}#` },
  ];
  for (const c of candidates) {
    const st = await fs.lstat(path.join(dir, c.owner)).catch(() => undefined);
    if (st?.isFile()) return c;
  }
  return undefined;
}

/** Same file: the same resolved path, the same real path, or the same inode. */
async function sameFile(a: string, b: string): Promise<boolean> {
  if (path.resolve(a) === path.resolve(b)) return true;
  const [ra, rb] = await Promise.all([fs.realpath(a).catch(() => a), fs.realpath(b).catch(() => b)]);
  if (ra === rb) return true;
  const [sa, sb] = await Promise.all([fs.stat(a).catch(() => undefined), fs.stat(b).catch(() => undefined)]);
  return !!sa && !!sb && sa.ino === sb.ino && sa.dev === sb.dev;
}

/** Room left in a folder, in bytes; undefined where the system cannot say. */
function freeBytes(dir: string): number | undefined {
  try {
    const s = statfsSync(dir);
    return Number(s.bavail) * Number(s.bsize);
  } catch {
    return undefined;
  }
}

/**
 * Claims an output file before the command reads anything else: refuses what must not be written, takes the
 * lock, then looks (exists, is an input, is open in another program, has no room). Throws FileError/
 * OutputRefused with one Vietnamese line.
 */
export async function claimOutput(spec: OutputSpec): Promise<Output> {
  const { shown } = spec;
  // From here on a signal names this file as not written.
  unwritten.add(shown);
  try {
    return await claim(spec);
  } catch (error) {
    unwritten.delete(shown);
    throw error;
  }
}

async function claim(spec: OutputSpec): Promise<Output> {
  const { file, shown } = spec;
  await lockForWriting(file);
  const target = await resolveWriteTarget(file);
  for (const input of spec.inputs ?? []) {
    if (spec.existing !== 'inPlace' && (await sameFile(input, target)))
      throw new OutputRefused('isInput', shown, (spec.isInputLine ?? CLI.outIsAnInput)(shown, input));
  }
  const st = await fs.stat(target).catch(() => undefined);
  const existed = !!st;
  if (st && spec.existing === 'refuse')
    throw new OutputRefused('exists', shown, (spec.existsLine ?? CLI.outExists)(shown));
  if (st && spec.existing === 'ownOnly') {
    const mine = await readWorkbookFile(target)
      .then((r) => spec.isOwn?.(r.bytes) ?? false)
      .catch(() => false);
    if (!mine) throw new OutputRefused('exists', shown, (spec.existsLine ?? CLI.outExists)(shown));
  }
  if (st) {
    const open = await openElsewhere(target);
    if (open)
      throw new OutputRefused('openElsewhere', shown, CLI.openInProgram(shown, open.program, open.owner));
  }
  const free = freeBytes(path.dirname(target));
  if (free !== undefined && free < (spec.expectBytes ?? MIN_FREE_BYTES))
    throw new FileError('noSpace', shown, CLI.noRoom(shown, path.dirname(target)));
  return {
    file,
    shown,
    existed,
    async write(content) {
      const bytes = typeof content === 'function' ? await content() : content;
      const real = await fs.realpath(target).catch(() => target);
      await writeXlsxFileAtomically(file, bytes, { expect: readAs.get(real) });
      unwritten.delete(shown);
    },
  };
}

/** What any output needs free at least: a tracker of a few hundred rows is well under this. */
const MIN_FREE_BYTES = 1024 * 1024;

/** The mark (document keywords) by which `cchc demo` knows its own earlier output from a user's file. */
export const DEMO_MARK = 'cchc-demo';

/** The demo's workbook bytes, marked as the demo's own. */
export async function demoBytes(book: { toBuffer(): Promise<Uint8Array> }): Promise<Uint8Array> {
  return markDocument(await book.toBuffer(), DEMO_MARK);
}

/** Claims one of the demo's own files: a file there that the demo did not write is never replaced. */
export function claimDemoFile(file: string, shown: string): Promise<Output> {
  return claimOutput({
    file,
    shown,
    existing: 'ownOnly',
    isOwn: (bytes) => hasDocumentMark(bytes, DEMO_MARK),
    existsLine: CLI.demoNotOwn,
  });
}
