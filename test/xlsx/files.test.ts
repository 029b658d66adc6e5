import { execFileSync } from 'node:child_process';
import { promises as fs } from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';

import { FILE_LIMITS } from '../../src/workbook/limits';
import { WorkbookError } from '../../src/workbook/port';
import {
  FileError,
  readWorkbookFile,
  readXlsxFile,
  removeLeftoverTemps,
  writeXlsxFileAtomically,
} from '../../src/workbook/xlsx/files';
import { deadPid } from '../support/deadPid';

describe('writeXlsxFileAtomically', () => {
  let dir: string;
  beforeEach(async () => {
    dir = await fs.mkdtemp(path.join(os.tmpdir(), 'cchc-files-'));
  });
  afterEach(async () => {
    await fs.rm(dir, { recursive: true, force: true });
  });

  it('replaces the file and leaves no temporary file behind', async () => {
    const file = path.join(dir, 'Kế hoạch.xlsx');
    await fs.writeFile(file, 'cũ');
    await writeXlsxFileAtomically(file, new Uint8Array([1, 2, 3]));
    expect([...(await readXlsxFile(file))]).toEqual([1, 2, 3]);
    expect(await fs.readdir(dir)).toEqual(['Kế hoạch.xlsx']);
  });

  it('fails with an io error and leaves the old file whole', async () => {
    const file = path.join(dir, 'a.xlsx');
    await fs.writeFile(file, 'cũ');
    await fs.mkdir(path.join(dir, 'thư mục.xlsx'));
    // Renaming a file over a folder fails after the temporary file was written.
    const error = await writeXlsxFileAtomically(path.join(dir, 'thư mục.xlsx'), new Uint8Array([1])).catch(
      (e: unknown) => e,
    );
    expect(error).toBeInstanceOf(WorkbookError);
    expect((error as WorkbookError).code).toBe('io');
    expect((await fs.readdir(dir)).sort()).toEqual(['a.xlsx', 'thư mục.xlsx']);
    expect(await fs.readFile(file, 'utf8')).toBe('cũ');
  });

  it('reports a missing file as an io error', async () => {
    await expect(readXlsxFile(path.join(dir, 'không có.xlsx'))).rejects.toMatchObject({ code: 'io' });
  });
});

describe('the user’s file keeps its identity (issue 13)', () => {
  let dir: string;
  const root = process.getuid?.() === 0;
  beforeEach(async () => {
    dir = await fs.mkdtemp(path.join(os.tmpdir(), 'cchc-identity-'));
  });
  afterEach(async () => {
    await fs.rm(dir, { recursive: true, force: true });
  });

  it.each([0o600, 0o640, 0o666])('keeps mode %s, whatever the umask', async (mode) => {
    const file = path.join(dir, 'kh.xlsx');
    await fs.writeFile(file, 'cũ');
    await fs.chmod(file, mode);
    await writeXlsxFileAtomically(file, new Uint8Array([1]));
    expect((await fs.stat(file)).mode & 0o777).toBe(mode);
  });

  it('refuses a read-only file (even for root), leaving it as it was', async () => {
    const file = path.join(dir, 'kh.xlsx');
    await fs.writeFile(file, 'cũ');
    await fs.chmod(file, 0o444);
    const error = await writeXlsxFileAtomically(file, new Uint8Array([1])).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(FileError);
    expect(error).toMatchObject({ problem: 'readOnly', code: 'io' });
    expect((error as Error).message).toContain('chỉ đọc');
    expect(await fs.readFile(file, 'utf8')).toBe('cũ');
    expect((await fs.stat(file)).mode & 0o777).toBe(0o444);
    expect(await fs.readdir(dir)).toEqual(['kh.xlsx']);
  });

  // Root may write anywhere, so this one runs for other users only.
  (root ? it.skip : it)(
    'refuses a folder this user may not write, before making a temporary file',
    async () => {
      await fs.chmod(dir, 0o555);
      const error = await writeXlsxFileAtomically(path.join(dir, 'mới.xlsx'), new Uint8Array([1])).catch(
        (e: unknown) => e,
      );
      await fs.chmod(dir, 0o755);
      expect(error).toMatchObject({ problem: 'folderNotWritable' });
      expect(await fs.readdir(dir)).toEqual([]);
    },
  );

  it('writes through a symlink to the real file; the link stays a link', async () => {
    const real = path.join(dir, 'thật.xlsx');
    await fs.writeFile(real, 'cũ');
    await fs.mkdir(path.join(dir, 'lối tắt'));
    const link = path.join(dir, 'lối tắt', 'kh.xlsx');
    await fs.symlink('../thật.xlsx', link);
    const chained = path.join(dir, 'kh2.xlsx');
    await fs.symlink(link, chained);
    await writeXlsxFileAtomically(chained, new Uint8Array([7]));
    expect((await fs.lstat(link)).isSymbolicLink()).toBe(true);
    expect((await fs.lstat(chained)).isSymbolicLink()).toBe(true);
    expect([...(await fs.readFile(real))]).toEqual([7]);
  });

  it('a dangling symlink is written through, creating the file it names', async () => {
    const link = path.join(dir, 'kh.xlsx');
    await fs.symlink('mới.xlsx', link);
    await writeXlsxFileAtomically(link, new Uint8Array([3]));
    expect((await fs.lstat(link)).isSymbolicLink()).toBe(true);
    expect([...(await fs.readFile(path.join(dir, 'mới.xlsx')))]).toEqual([3]);
  });

  it('refuses a FIFO as input at once (opening never blocks) and as output', async () => {
    const fifo = path.join(dir, 'ống.xlsx');
    execFileSync('mkfifo', [fifo]);
    await expect(readWorkbookFile(fifo)).rejects.toMatchObject({ problem: 'notRegular' });
    await expect(writeXlsxFileAtomically(fifo, new Uint8Array([1]))).rejects.toMatchObject({
      problem: 'notRegular',
      message: expect.stringContaining('đường ống'),
    });
    expect((await fs.lstat(fifo)).isFIFO()).toBe(true);
  });

  it('refuses a device as input (/dev/zero) and as output, leaving the device node', async () => {
    await expect(readWorkbookFile('/dev/zero')).rejects.toMatchObject({
      problem: 'notRegular',
      message: expect.stringContaining('thiết bị'),
    });
    // As root the old code replaced /dev/full with a regular file: here a device node of our own, so a
    // failure could never damage the machine's /dev.
    const device = path.join(dir, 'full');
    if (root) execFileSync('mknod', [device, 'c', '1', '7']);
    const target = root ? device : '/dev/null';
    await expect(writeXlsxFileAtomically(target, new Uint8Array([1]))).rejects.toMatchObject({
      problem: 'notRegular',
    });
    expect((await fs.lstat(target)).isCharacterDevice()).toBe(true);
  });

  it('refuses a socket and a folder', async () => {
    const socket = path.join(dir, 's.xlsx');
    const server = net.createServer();
    await new Promise<void>((resolve) => server.listen(socket, resolve));
    try {
      await expect(readWorkbookFile(socket)).rejects.toMatchObject({ problem: 'notRegular' });
    } finally {
      server.close();
    }
    await expect(readWorkbookFile(dir)).rejects.toMatchObject({ problem: 'directory' });
  });

  it(`refuses a file past ${FILE_LIMITS.maxFileBytes / 2 ** 20} MB before reading it`, async () => {
    const big = path.join(dir, 'lớn.xlsx');
    const handle = await fs.open(big, 'w');
    await handle.truncate(FILE_LIMITS.maxFileBytes + 1); // sparse: no disk used
    await handle.close();
    await expect(readWorkbookFile(big)).rejects.toMatchObject({
      problem: 'tooLarge',
      message: expect.stringContaining('100 MB'),
    });
  });

  it('refuses to overwrite a file another program changed since it was read', async () => {
    const file = path.join(dir, 'kh.xlsx');
    await fs.writeFile(file, 'bản 1');
    const read = await readWorkbookFile(file);
    await fs.writeFile(file, 'bản của Excel, dài hơn');
    await expect(
      writeXlsxFileAtomically(file, new Uint8Array([1]), { expect: read.identity }),
    ).rejects.toMatchObject({ problem: 'changed' });
    expect(await fs.readFile(file, 'utf8')).toBe('bản của Excel, dài hơn');
  });

  it('removes temporary files a killed run left, and only those', async () => {
    const file = path.join(dir, 'kh.xlsx');
    await fs.writeFile(file, 'cũ');
    const dead = deadPid();
    const names = [
      `.kh.xlsx.${dead}.${Date.now()}.tmp`, // its process is gone
      `.kh.xlsx.${process.ppid}.${Date.now()}.tmp`, // a live process: maybe writing now
      `.kh.xlsx.${process.ppid}.1000.tmp`, // a live pid, but from 1970: a reused pid
      '.khác.xlsx.1.1.tmp', // another workbook's
      'kh.xlsx.tmp', // not ours
    ];
    for (const name of names) await fs.writeFile(path.join(dir, name), '');
    expect((await removeLeftoverTemps(file)).sort()).toEqual([names[0], names[2]].sort());
    expect((await fs.readdir(dir)).sort()).toEqual(['kh.xlsx', names[1], names[3], names[4]].sort());
  });
});
