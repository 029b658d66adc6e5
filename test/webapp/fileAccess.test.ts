/**
 * The web app's hold on the user's file (src/webapp/fileAccess.ts), with fake handles: the CLI's size limit
 * before reading, and a save that asks permission, never overwrites a file changed on disk unless told to,
 * and says in Vietnamese what happened.
 */
import {
  canWriteBack,
  type FileHandleLike,
  readPickedFile,
  saveInPlace,
  sizeProblem,
  type WritableLike,
} from '../../src/webapp/fileAccess';
import { FILE_LIMITS } from '../../src/workbook/limits';
import { WorkbookError } from '../../src/workbook/port';

interface FakeDisk {
  bytes: Uint8Array;
  lastModified: number;
  writes: number;
}

function fakeHandle(
  disk: FakeDisk,
  permission: { query: PermissionState; request: PermissionState },
  failWrite?: Error,
): FileHandleLike & { requested: number } {
  const handle = {
    kind: 'file',
    name: 'ke-hoach.xlsx',
    requested: 0,
    getFile: async () =>
      ({
        name: 'ke-hoach.xlsx',
        size: disk.bytes.length,
        lastModified: disk.lastModified,
      }) as unknown as File,
    queryPermission: async () => permission.query,
    requestPermission: async () => {
      handle.requested += 1;
      return permission.request;
    },
    createWritable: async (): Promise<WritableLike> => {
      let pending: Uint8Array | null = null;
      return {
        write: async (data) => {
          if (failWrite) throw failWrite;
          pending = data as Uint8Array;
        },
        close: async () => {
          if (!pending) return;
          disk.bytes = pending;
          disk.lastModified += 1000;
          disk.writes += 1;
        },
        abort: async () => undefined,
      };
    },
  };
  return handle;
}

const NEW = new Uint8Array([1, 2, 3, 4, 5]);

describe('reading a picked file', () => {
  it('refuses a file past the CLI’s size limit before reading it, with the CLI’s line', async () => {
    expect(sizeProblem('a.xlsx', FILE_LIMITS.maxFileBytes)).toBeNull();
    expect(sizeProblem('a.xlsx', FILE_LIMITS.maxFileBytes + 1)).toMatch(
      /Không đọc được tệp "a.xlsx": tệp lớn hơn 100 MB/,
    );
    const arrayBuffer = jest.fn();
    const huge = { name: 'to.xlsx', size: FILE_LIMITS.maxFileBytes + 1, lastModified: 1, arrayBuffer };
    const read = await readPickedFile(huge as unknown as File);
    expect(read).toEqual({ ok: false, message: expect.stringMatching(/tệp lớn hơn 100 MB/) });
    expect(arrayBuffer).not.toHaveBeenCalled();
  });

  it('keeps what the file was when opened, to notice a change before saving', async () => {
    const file = { name: 'a.xlsx', size: 3, lastModified: 42, arrayBuffer: async () => new ArrayBuffer(3) };
    const read = await readPickedFile(file as unknown as File);
    expect(read.ok && read.file.stamp).toEqual({ lastModified: 42, size: 3 });
  });
});

describe('saving into the opened file', () => {
  const opened = (disk: FakeDisk) => ({ lastModified: disk.lastModified, size: disk.bytes.length });

  it('writes when permitted and the file is as opened, and says so', async () => {
    const disk: FakeDisk = { bytes: new Uint8Array(3), lastModified: 100, writes: 0 };
    const handle = fakeHandle(disk, { query: 'prompt', request: 'granted' });
    const outcome = await saveInPlace(handle, async () => NEW, opened(disk));
    expect(outcome).toEqual({
      kind: 'savedInPlace',
      message: 'Đã lưu vào tệp "ke-hoach.xlsx" trên máy (ghi đè bản cũ).',
      stamp: { lastModified: 1100, size: 5 },
    });
    expect(handle.requested).toBe(1);
    expect(disk.bytes).toEqual(NEW);
  });

  it('writes nothing when the permission is refused', async () => {
    const disk: FakeDisk = { bytes: new Uint8Array(3), lastModified: 100, writes: 0 };
    const outcome = await saveInPlace(
      fakeHandle(disk, { query: 'prompt', request: 'denied' }),
      async () => NEW,
      opened(disk),
    );
    expect(outcome.kind).toBe('denied');
    expect(outcome.message).toMatch(/không được phép ghi vào tệp "ke-hoach.xlsx".*vẫn giữ nguyên/);
    expect(disk.writes).toBe(0);
  });

  it('does not overwrite a file changed on disk since it was opened, unless told to', async () => {
    const disk: FakeDisk = { bytes: new Uint8Array(3), lastModified: 100, writes: 0 };
    const stamp = opened(disk);
    disk.lastModified = 200; // Excel saved it meanwhile
    const handle = fakeHandle(disk, { query: 'granted', request: 'granted' });
    const bytes = jest.fn(async () => NEW);
    const refused = await saveInPlace(handle, bytes, stamp);
    expect(refused.kind).toBe('changedOnDisk');
    expect(refused.message).toMatch(/đã bị thay đổi/);
    expect(disk.writes).toBe(0);
    expect(bytes).not.toHaveBeenCalled();
    const forced = await saveInPlace(handle, bytes, stamp, { overwrite: true });
    expect(forced.kind).toBe('savedInPlace');
    expect(disk.writes).toBe(1);
  });

  it('notices a change of size alone too', async () => {
    const disk: FakeDisk = { bytes: new Uint8Array(3), lastModified: 100, writes: 0 };
    const stamp = opened(disk);
    disk.bytes = new Uint8Array(4);
    const outcome = await saveInPlace(
      fakeHandle(disk, { query: 'granted', request: 'granted' }),
      async () => NEW,
      stamp,
    );
    expect(outcome.kind).toBe('changedOnDisk');
  });

  it('says why when the workbook refuses to be saved (the adapter’s line), writing nothing', async () => {
    const disk: FakeDisk = { bytes: new Uint8Array(3), lastModified: 100, writes: 0 };
    const outcome = await saveInPlace(
      fakeHandle(disk, { query: 'granted', request: 'granted' }),
      async () => {
        throw new WorkbookError('unsupported', undefined, 'Lưu sẽ làm mất biểu đồ.');
      },
      opened(disk),
    );
    expect(outcome).toEqual({ kind: 'failed', message: 'Chưa lưu được: Lưu sẽ làm mất biểu đồ.' });
    expect(disk.writes).toBe(0);
  });

  it('treats a write the browser stops for permission as refused, and leaves the file', async () => {
    const disk: FakeDisk = { bytes: new Uint8Array(3), lastModified: 100, writes: 0 };
    const stopped = Object.assign(new Error('stopped'), { name: 'NotAllowedError' });
    const outcome = await saveInPlace(
      fakeHandle(disk, { query: 'granted', request: 'granted' }, stopped),
      async () => NEW,
      opened(disk),
    );
    expect(outcome.kind).toBe('denied');
    expect(disk.writes).toBe(0);
  });
});

describe('what the browser can do', () => {
  it('writes back only where the picker and writable handles exist', () => {
    expect(canWriteBack({})).toBe(false);
    expect(canWriteBack({ showOpenFilePicker: () => undefined })).toBe(false);
    expect(
      canWriteBack({
        showOpenFilePicker: () => undefined,
        FileSystemFileHandle: { prototype: { createWritable: () => undefined } },
      }),
    ).toBe(true);
  });
});
