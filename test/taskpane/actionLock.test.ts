/** One action of the add-in at a time in a workbook, across the pane's and the ribbon's runtimes. */
import {
  actionLock,
  leaseLock,
  LEASE_MS,
  memoryLock,
  webLock,
  workbookKey,
  type LockManagerLike,
} from '../../src/taskpane/actionLock';
import { mapStorage } from '../support/fakeOffice';

/** Web Locks as the browser gives them: one holder per name, ifAvailable answers null when taken. */
function fakeLocks(): LockManagerLike {
  const held = new Set<string>();
  return {
    async request(name, options, callback) {
      if (options.ifAvailable && held.has(name)) return callback(null);
      held.add(name);
      try {
        return await callback({ name });
      } finally {
        held.delete(name);
      }
    },
  };
}

describe('the action lock', () => {
  it.each([
    [
      'a Web Lock shared by two runtimes',
      () => {
        const locks = fakeLocks();
        const storage = mapStorage();
        return [webLock(locks, 'cchc:book', storage), webLock(locks, 'cchc:book', storage)];
      },
    ],
    [
      'a lease in shared storage',
      () => {
        const storage = mapStorage();
        return [leaseLock(storage, 'cchc:book'), leaseLock(storage, 'cchc:book')];
      },
    ],
  ])(
    '%s: the second action is told which one runs, and runs once the first is done',
    async (_label, make) => {
      const [pane, ribbon] = make();
      let finish!: () => void;
      const first = pane.run(
        'report',
        () => new Promise<string>((resolve) => (finish = () => resolve('xong'))),
      );
      await Promise.resolve();
      expect(await ribbon.run('report', async () => 'lần hai')).toEqual({ ran: false, running: 'report' });
      finish();
      expect(await first).toEqual({ ran: true, value: 'xong' });
      expect(await ribbon.run('check', async () => 'lần hai')).toEqual({ ran: true, value: 'lần hai' });
    },
  );

  it('releases the lock when the action throws', async () => {
    const lock = memoryLock();
    await expect(lock.run('init', async () => Promise.reject(new Error('x')))).rejects.toThrow('x');
    expect(await lock.run('init', async () => 1)).toEqual({ ran: true, value: 1 });
  });

  it('lets a lease a dead runtime left behind expire', async () => {
    const storage = mapStorage();
    let now = 1_000;
    const dead = leaseLock(storage, 'k', () => now);
    void dead.run('report', () => new Promise(() => undefined)); // never finishes
    await Promise.resolve();
    const pane = leaseLock(storage, 'k', () => now);
    expect((await pane.run('check', async () => 1)).ran).toBe(false);
    now += LEASE_MS + 1;
    expect(await pane.run('check', async () => 1)).toEqual({ ran: true, value: 1 });
  });

  it('picks the Web Lock where there is one, and names a workbook by its URL', async () => {
    const locks = fakeLocks();
    const request = jest.spyOn(locks, 'request');
    await actionLock({ locks, storage: mapStorage() }, 'k').run('check', async () => 1);
    expect(request).toHaveBeenCalledWith('k', { ifAvailable: true }, expect.any(Function));
    expect(workbookKey('https://x/so.xlsx')).toBe('cchc:https://x/so.xlsx');
    expect(workbookKey('')).toBe('cchc:unsaved');
  });
});
