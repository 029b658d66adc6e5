import { promises as fs } from 'node:fs';
import os from 'node:os';
import path from 'node:path';

import { WorkbookError } from '../../src/workbook/port';
import { readXlsxFile, writeXlsxFileAtomically } from '../../src/workbook/xlsx/files';

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
