/**
 * One writer at a time (issue 13): the lock beside a workbook file. Waits are bounded by small test options;
 * nothing asserts how long anything took, only the order in which things happened.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { promises as fs } from 'node:fs';
import os from 'node:os';
import path from 'node:path';

import { acquireLock, lockPathFor } from '../../src/workbook/xlsx/fileLock';
import { FileError } from '../../src/workbook/xlsx/files';
import { deadPid } from '../support/deadPid';

const FAST = { waitMs: 400, pollMs: 20, staleMs: 60_000 };

let dir: string;
let file: string;
beforeEach(async () => {
  dir = await fs.mkdtemp(path.join(os.tmpdir(), 'cchc-lock-'));
  file = path.join(dir, 'Kế hoạch.xlsx');
});
afterEach(async () => {
  await fs.rm(dir, { recursive: true, force: true });
});

function writeHolder(pid: number, since = Date.now(), host = os.hostname()): Promise<void> {
  return fs.writeFile(lockPathFor(file), JSON.stringify({ pid, host, since, token: 'khác' }));
}

it('a second writer waits, then stops with "đang được cập nhật", and gets the lock once it is free', async () => {
  const first = await acquireLock(file, file, FAST);
  const error = await acquireLock(file, file, FAST).catch((e: unknown) => e);
  expect(error).toBeInstanceOf(FileError);
  expect(error).toMatchObject({ problem: 'busy', code: 'io' });
  expect((error as Error).message).toContain('đang được cập nhật bởi một lệnh cchc khác');
  expect((error as Error).message).toContain(lockPathFor(file));
  await first.release();
  const second = await acquireLock(file, file, FAST);
  await second.release();
  expect(await fs.readdir(dir)).toEqual([]);
});

it('the waiter proceeds as soon as the first writer is done', async () => {
  const order: string[] = [];
  const first = await acquireLock(file, file, FAST);
  const waiting = acquireLock(file, file, { ...FAST, waitMs: 10_000 }).then((lock) => {
    order.push('second holds');
    return lock;
  });
  await new Promise((resolve) => setTimeout(resolve, 50));
  order.push('first releases');
  await first.release();
  await (await waiting).release();
  expect(order).toEqual(['first releases', 'second holds']);
});

it('takes over a lock left by a killed run (its process is gone)', async () => {
  await writeHolder(deadPid());
  const lock = await acquireLock(file, file, FAST);
  const content = JSON.parse(await fs.readFile(lockPathFor(file), 'utf8')) as { pid: number };
  expect(content.pid).toBe(process.pid);
  await lock.release();
});

it('takes over an empty lock file left between creating and filling it', async () => {
  await fs.writeFile(lockPathFor(file), '');
  const old = new Date(Date.now() - 60_000);
  await fs.utimes(lockPathFor(file), old, old);
  await (await acquireLock(file, file, FAST)).release();
});

describe('a lock held by a live process', () => {
  let child: ChildProcess;
  beforeEach(() => {
    child = spawn(process.execPath, ['-e', 'setTimeout(() => {}, 60000)']);
  });
  afterEach(() => {
    child.kill('SIGKILL');
  });

  it('is waited for, not broken', async () => {
    await writeHolder(child.pid as number);
    await expect(acquireLock(file, file, FAST)).rejects.toMatchObject({ problem: 'busy' });
    expect(JSON.parse(await fs.readFile(lockPathFor(file), 'utf8'))).toMatchObject({ pid: child.pid });
  });

  it('is broken when older than the stale age (a run on another computer that died)', async () => {
    await writeHolder(child.pid as number, Date.now() - 11 * 60_000, 'máy-khác');
    await (await acquireLock(file, file, { ...FAST, staleMs: 10 * 60_000 })).release();
  });
});

it('of many waiters on one stale lock, one holds it at a time', async () => {
  await writeHolder(deadPid());
  let holding = 0;
  let most = 0;
  await Promise.all(
    Array.from({ length: 6 }, async () => {
      const lock = await acquireLock(file, file, { ...FAST, waitMs: 20_000 });
      holding += 1;
      most = Math.max(most, holding);
      await new Promise((resolve) => setTimeout(resolve, 20));
      holding -= 1;
      await lock.release();
    }),
  );
  expect(most).toBe(1);
  expect(await fs.readdir(dir)).toEqual([]);
});

it('releasing twice, or a lock someone else now holds, leaves their lock alone', async () => {
  const lock = await acquireLock(file, file, FAST);
  await fs.rm(lockPathFor(file));
  await writeHolder(process.ppid);
  await lock.release();
  lock.releaseSync();
  expect(JSON.parse(await fs.readFile(lockPathFor(file), 'utf8'))).toMatchObject({ pid: process.ppid });
});

it('removes the half-taken lock a run killed while taking it left behind', async () => {
  const staged = `${lockPathFor(file)}.${deadPid()}.0123456789abcdef`;
  await fs.writeFile(staged, '{}');
  await (await acquireLock(file, file, FAST)).release();
  expect(await fs.readdir(dir)).toEqual([]);
});
