/**
 * What an add-in page (the task pane, the ribbon's function file) has to share with the other, which runs
 * in a runtime of its own: Web Locks and localStorage of the add-in's origin, and the workbook's key.
 */
import type { KeyValueStorage } from '../workbook/office/memory';
import { workbookKey, type LockHost, type LockManagerLike } from './actionLock';

/**
 * What the page offers to share with the task pane, which runs apart: Web Locks (one action at a time) and
 * localStorage (what the adapter learned of the workbook, the name of the running action).
 */
export function pageHost(): LockHost {
  const host: LockHost = {};
  try {
    if (typeof localStorage !== 'undefined') host.storage = localStorage as KeyValueStorage;
  } catch {
    // storage blocked (privacy settings): the adapter and the lock do without
  }
  const locks = typeof navigator !== 'undefined' ? (navigator as { locks?: unknown }).locks : undefined;
  if (locks) host.locks = locks as LockManagerLike;
  return host;
}

/** The workbook's key for the lock and the shared memory: its URL where Office gives one. */
export function currentWorkbookKey(): string {
  return workbookKey(Office.context?.document?.url);
}
