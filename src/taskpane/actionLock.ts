/**
 * One action of the add-in at a time in a workbook. The task pane and the ribbon button run in separate
 * JavaScript runtimes (no shared runtime in manifest.xml), so a flag in memory cannot keep them apart: the
 * lock is a Web Lock (navigator.locks, shared by every runtime of the same origin), or, where the browser has
 * none, a lease in Web Storage. Both are named after the workbook. A second action does not wait: it is
 * told which one is running, and the user clicks again when it is done.
 */
import type { KeyValueStorage } from '../workbook/office/memory';

export type ActionName =
  'init' | 'check' | 'fix' | 'report' | 'settings' | 'rollover' | 'consolidate' | 'results';

const ACTIONS: readonly ActionName[] = [
  'init',
  'check',
  'fix',
  'report',
  'settings',
  'rollover',
  'consolidate',
  'results',
];

type Locked<T> = { ran: true; value: T } | { ran: false; running?: ActionName };

export interface ActionLock {
  /** Runs `work` when no other action holds the workbook; otherwise says which one does (when known). */
  run<T>(action: ActionName, work: () => Promise<T>): Promise<Locked<T>>;
}

/** The part of the Web Locks API used (navigator.locks). */
export interface LockManagerLike {
  request<T>(
    name: string,
    options: { ifAvailable: boolean },
    callback: (lock: unknown) => Promise<T> | T,
  ): Promise<T>;
}

/** How long a lease stays valid without its holder: Office ends a ribbon command after 5 minutes. */
export const LEASE_MS = 5 * 60 * 1000;

function readHolder(storage: KeyValueStorage | undefined, key: string): ActionName | undefined {
  try {
    const raw = storage?.getItem(`${key}:running`);
    const name = raw ? (JSON.parse(raw) as { action?: unknown }).action : undefined;
    return ACTIONS.find((a) => a === name);
  } catch {
    return undefined;
  }
}

function writeHolder(storage: KeyValueStorage | undefined, key: string, value: object | null): void {
  try {
    if (value) storage?.setItem(`${key}:running`, JSON.stringify(value));
    else storage?.removeItem(`${key}:running`);
  } catch {
    // storage refused: the lock still holds, only the name of the running action is not shared
  }
}

/** A Web Lock named after the workbook; `storage` only carries the name of the running action. */
export function webLock(locks: LockManagerLike, key: string, storage?: KeyValueStorage): ActionLock {
  return {
    async run<T>(action: ActionName, work: () => Promise<T>): Promise<Locked<T>> {
      return locks.request(key, { ifAvailable: true }, async (lock): Promise<Locked<T>> => {
        if (!lock) return { ran: false, running: readHolder(storage, key) };
        writeHolder(storage, key, { action });
        try {
          return { ran: true, value: await work() };
        } finally {
          writeHolder(storage, key, null);
        }
      });
    },
  };
}

/**
 * A lease in Web Storage: taken when free or expired (a holder that died leaves it for at most LEASE_MS).
 * Two runtimes reading and writing in the same instant could both take it; the Web Lock has no such gap,
 * and is used wherever the browser has one.
 */
export function leaseLock(storage: KeyValueStorage, key: string, now: () => number = Date.now): ActionLock {
  const ownerId = Math.random().toString(36).slice(2);
  return {
    async run<T>(action: ActionName, work: () => Promise<T>): Promise<Locked<T>> {
      let held: { owner?: unknown; until?: unknown } | undefined;
      try {
        const raw = storage.getItem(`${key}:running`);
        held = raw ? (JSON.parse(raw) as typeof held) : undefined;
      } catch {
        held = undefined;
      }
      if (held && typeof held.until === 'number' && held.until > now()) {
        return { ran: false, running: readHolder(storage, key) };
      }
      const mine = `${ownerId}:${Math.random().toString(36).slice(2)}`;
      writeHolder(storage, key, { action, owner: mine, until: now() + LEASE_MS });
      try {
        return { ran: true, value: await work() };
      } finally {
        try {
          const raw = storage.getItem(`${key}:running`);
          if (raw && (JSON.parse(raw) as { owner?: unknown }).owner === mine) writeHolder(storage, key, null);
        } catch {
          // nothing to release
        }
      }
    },
  };
}

/** Within one runtime only (the browser preview, tests). */
export function memoryLock(): ActionLock {
  let running: ActionName | undefined;
  return {
    async run<T>(action: ActionName, work: () => Promise<T>): Promise<Locked<T>> {
      if (running) return { ran: false, running };
      running = action;
      try {
        return { ran: true, value: await work() };
      } finally {
        running = undefined;
      }
    },
  };
}

/** What the add-in's page offers: navigator.locks and localStorage, when the browser has them. */
export interface LockHost {
  locks?: LockManagerLike;
  storage?: KeyValueStorage;
}

/** The best lock this runtime has, for the workbook `key` names (its URL). */
export function actionLock(host: LockHost, key: string): ActionLock {
  if (host.locks) return webLock(host.locks, key, host.storage);
  if (host.storage) return leaseLock(host.storage, key);
  return memoryLock();
}

/** The lock and memory key of a workbook: its URL, or one shared name for a workbook never saved. */
export function workbookKey(url: string | undefined): string {
  return `cchc:${url && url.trim() ? url.trim() : 'unsaved'}`;
}
