/**
 * One writer at a time for a workbook file (Node only). A writer holds a lock file beside the workbook,
 * `.<name>.cchc-lock`, created exclusively with its content in one step (it fails if another holds it), and
 * holding who took it: process, computer, when, and a random token. A second writer waits for it, polling, up to LOCK_LIMITS.waitMs, then
 * gives up with a FileError saying the file is being updated.
 *
 * A lock left by a run that was killed (its process gone on this computer, or older than LOCK_LIMITS.staleMs
 * whoever took it) is stale and is broken — under a second, short-lived "breaker" lock, and only if it is still
 * the same lock, so two waiters can never both break one lock and then both hold it.
 */
import { randomBytes } from 'node:crypto';
import { readFileSync, rmSync, unlinkSync, promises as fs } from 'node:fs';
import os from 'node:os';
import path from 'node:path';

import { FILES_LOCK } from '../../i18n/xlsx';
import { LOCK_LIMITS } from '../limits';
import { FileError } from './files';

interface Holder {
  pid: number;
  host: string;
  since: number;
  token: string;
}

export interface LockOptions {
  waitMs: number;
  pollMs: number;
  staleMs: number;
}

/** A held lock: `release` gives it up (idempotent); `releaseSync` for a signal handler. */
export interface HeldLock {
  path: string;
  release(): Promise<void>;
  releaseSync(): void;
}

export function lockPathFor(target: string): string {
  return path.join(path.dirname(target), `.${path.basename(target)}.cchc-lock`);
}

/** A lock whose content cannot be read yet (its writer is between creating and filling it) gets this long. */
const UNREADABLE_GRACE_MS = 2_000;
/** A breaker lock is held for microseconds; one this old was left by a run killed in between. */
const BREAKER_STALE_MS = 10_000;

function errnoOf(error: unknown): string {
  return (error as NodeJS.ErrnoException)?.code ?? '';
}

function isRunning(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return errnoOf(error) === 'EPERM';
  }
}

function parseHolder(text: string): Holder | undefined {
  try {
    const h = JSON.parse(text) as Partial<Holder>;
    if (typeof h.pid === 'number' && typeof h.host === 'string' && typeof h.since === 'number') {
      return { pid: h.pid, host: h.host, since: h.since, token: String(h.token ?? '') };
    }
  } catch {
    // being written, or not ours
  }
  return undefined;
}

const sleep = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms));

/** The random token that tells one writer's lock from another's. */
export function newLockToken(): string {
  return randomBytes(8).toString('hex');
}

/**
 * Takes the lock of the workbook at `target` (a resolved path), waiting for another writer up to
 * `options.waitMs`. Throws FileError('busy') when the wait runs out; `shown` is the path as the user gave it.
 * `token` is known to the caller before the lock file exists, so a signal handler can remove a lock taken
 * in the same instant (releaseLockSync).
 */
export async function acquireLock(
  target: string,
  shown = target,
  options: LockOptions = LOCK_LIMITS,
  token = newLockToken(),
): Promise<HeldLock> {
  const lockPath = lockPathFor(target);
  const mine = JSON.stringify({ pid: process.pid, host: os.hostname(), since: Date.now(), token });
  const deadline = Date.now() + options.waitMs;
  for (;;) {
    try {
      if (await createExclusive(lockPath, mine, token)) {
        await removeStaged(lockPath);
        return heldLock(lockPath, token);
      }
    } catch (error) {
      throw new FileError('writeFailed', shown, FILES_LOCK.cannotLock(shown, errnoOf(error) || 'EUNKNOWN'));
    }
    const seen = await readLock(lockPath);
    if (seen && isStale(seen, options)) {
      await breakStale(lockPath, seen.text, mine);
      continue;
    }
    if (Date.now() >= deadline) {
      throw new FileError('busy', shown, FILES_LOCK.busy(shown, Math.round(options.waitMs / 1000), lockPath));
    }
    await sleep(options.pollMs);
  }
}

/**
 * Creates the lock file with its content in one step: written beside it, then hard-linked into place (which
 * fails if a lock is there), so no one ever reads a lock half written. Where the file system has no hard
 * links (FAT on a USB stick), an exclusive create instead. False when another holds the lock.
 */
async function createExclusive(lockPath: string, content: string, token: string): Promise<boolean> {
  const staged = stagedPath(lockPath, token);
  await fs.writeFile(staged, content);
  try {
    await fs.link(staged, lockPath);
    return true;
  } catch (error) {
    if (errnoOf(error) === 'EEXIST') return false;
    try {
      await fs.writeFile(lockPath, content, { flag: 'wx' });
      return true;
    } catch (fallback) {
      if (errnoOf(fallback) === 'EEXIST') return false;
      throw fallback;
    }
  } finally {
    await fs.rm(staged, { force: true });
  }
}

/** `.<name>.cchc-lock.<pid>.<token>`: the pid tells a leftover of a killed run (removeStaged). */
function stagedPath(lockPath: string, token: string): string {
  return `${lockPath}.${process.pid}.${token}`;
}

/** Removes staged lock files whose process is gone (left by a run killed while taking the lock). */
async function removeStaged(lockPath: string): Promise<void> {
  const dir = path.dirname(lockPath);
  const prefix = `${path.basename(lockPath)}.`;
  const names = await fs.readdir(dir).catch(() => [] as string[]);
  for (const name of names) {
    const m = name.startsWith(prefix) ? /^(\d+)\.[0-9a-f]+$/.exec(name.slice(prefix.length)) : null;
    if (m && Number(m[1]) !== process.pid && !isRunning(Number(m[1]))) {
      await fs.rm(path.join(dir, name), { force: true });
    }
  }
}

interface SeenLock {
  text: string;
  holder: Holder | undefined;
  mtimeMs: number;
}

async function readLock(lockPath: string): Promise<SeenLock | undefined> {
  try {
    const [text, st] = await Promise.all([fs.readFile(lockPath, 'utf8'), fs.stat(lockPath)]);
    return { text, holder: parseHolder(text), mtimeMs: st.mtimeMs };
  } catch {
    return undefined; // released meanwhile: try again at once
  }
}

function isStale(seen: SeenLock, options: LockOptions): boolean {
  const now = Date.now();
  if (!seen.holder) return now - seen.mtimeMs > UNREADABLE_GRACE_MS;
  if (now - seen.holder.since > options.staleMs) return true;
  return seen.holder.host === os.hostname() && seen.holder.pid !== process.pid && !isRunning(seen.holder.pid);
}

/** Removes the stale lock whose content was `text`, if it is still that lock, under the breaker lock. */
async function breakStale(lockPath: string, text: string, mine: string): Promise<void> {
  const breaker = `${lockPath}.break`;
  try {
    await fs.writeFile(breaker, mine, { flag: 'wx' });
  } catch {
    // Another waiter is breaking it; a breaker left by a killed run is removed when old.
    const st = await fs.stat(breaker).catch(() => undefined);
    if (st && Date.now() - st.mtimeMs > BREAKER_STALE_MS) await fs.rm(breaker, { force: true });
    await sleep(10);
    return;
  }
  try {
    // No one else can remove or replace the lock while we hold the breaker and it exists, so the lock
    // read now is the lock removed.
    const again = await fs.readFile(lockPath, 'utf8').catch(() => undefined);
    if (again === text) await fs.rm(lockPath, { force: true });
  } finally {
    await fs.rm(breaker, { force: true });
  }
}

/** Removes the lock at `lockPath` if it is the one taken with `token` (for a signal handler: synchronous). */
export function releaseLockSync(lockPath: string, token: string): void {
  rmSync(stagedPath(lockPath, token), { force: true });
  try {
    if (parseHolder(readFileSync(lockPath, 'utf8'))?.token === token) unlinkSync(lockPath);
  } catch {
    // not there, or not readable yet: the next run sees it is stale
  }
}

function heldLock(lockPath: string, token: string): HeldLock {
  let held = true;
  const ours = (text: string | undefined): boolean => !!text && parseHolder(text)?.token === token;
  return {
    path: lockPath,
    async release() {
      if (!held) return;
      held = false;
      const text = await fs.readFile(lockPath, 'utf8').catch(() => undefined);
      if (ours(text)) await fs.rm(lockPath, { force: true }).catch(() => undefined);
    },
    releaseSync() {
      if (!held) return;
      held = false;
      releaseLockSync(lockPath, token);
    },
  };
}
