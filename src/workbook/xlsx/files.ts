/**
 * Reading and writing .xlsx files on disk (Node only; the rest of the adapter works on bytes).
 */
import { promises as fs } from 'node:fs';
import path from 'node:path';

import { WorkbookError } from '../port';

export async function readXlsxFile(filePath: string): Promise<Uint8Array> {
  try {
    return await fs.readFile(filePath);
  } catch (error) {
    throw new WorkbookError('io', undefined, `Không đọc được tệp '${filePath}': ${(error as Error).message}`);
  }
}

/**
 * Writes `bytes` to `filePath` through a temporary file in the same folder, renamed over the target when
 * complete: a crash or a full disk never leaves a half-written workbook behind.
 */
export async function writeXlsxFileAtomically(filePath: string, bytes: Uint8Array): Promise<void> {
  const dir = path.dirname(path.resolve(filePath));
  const temp = path.join(dir, `.${path.basename(filePath)}.${process.pid}.${Date.now()}.tmp`);
  try {
    const handle = await fs.open(temp, 'wx');
    try {
      await handle.writeFile(bytes);
      await handle.sync();
    } finally {
      await handle.close();
    }
    await fs.rename(temp, filePath);
  } catch (error) {
    await fs.rm(temp, { force: true }).catch(() => undefined);
    const code = (error as NodeJS.ErrnoException).code;
    const hint =
      code === 'EBUSY' || code === 'EPERM' || code === 'EACCES'
        ? ' Có thể tệp đang mở trong Excel: hãy đóng tệp rồi thử lại.'
        : '';
    throw new WorkbookError(
      'io',
      undefined,
      `Không ghi được tệp '${filePath}': ${(error as Error).message}.${hint}`,
    );
  }
}
