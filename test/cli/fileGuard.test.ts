/**
 * The one way out (src/cli/fileGuard.ts claimOutput), as a module: what it refuses before a command reads
 * anything, and that it takes bytes or a function that makes them (a Word document's writer, say).
 */
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';

import { claimOutput, releaseFiles } from '../../src/cli/fileGuard';
import { FileError } from '../../src/workbook/xlsx/files';

const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'cchc-fileguard-'));
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));
afterEach(() => releaseFiles());

async function refusal(p: Promise<unknown>): Promise<FileError> {
  try {
    await p;
  } catch (error) {
    expect(error).toBeInstanceOf(FileError);
    return error as FileError;
  }
  throw new Error('not refused');
}

it('writes bytes, or what a writer function makes, through a temporary file, and leaves nothing beside', async () => {
  const sub = fs.mkdtempSync(path.join(dir, 'w-'));
  const a = path.join(sub, 'a.docx');
  await (await claimOutput({ file: a, shown: 'a.docx', existing: 'refuse' })).write(new Uint8Array([1, 2]));
  await releaseFiles();
  const b = path.join(sub, 'b.docx');
  await (
    await claimOutput({ file: b, shown: 'b.docx', existing: 'refuse' })
  ).write(async () => new Uint8Array([3]));
  await releaseFiles();
  expect([...fs.readFileSync(a)]).toEqual([1, 2]);
  expect([...fs.readFileSync(b)]).toEqual([3]);
  expect(fs.readdirSync(sub).sort()).toEqual(['a.docx', 'b.docx']);
});

it('refuses a folder without room for the file before anything is read', async () => {
  const e = await refusal(
    claimOutput({
      file: path.join(dir, 'big.xlsx'),
      shown: 'big.xlsx',
      existing: 'refuse',
      expectBytes: Number.MAX_SAFE_INTEGER,
    }),
  );
  expect(e.problem).toBe('noSpace');
  expect(e.message).toContain('ổ đĩa chứa thư mục');
  expect(fs.existsSync(path.join(dir, 'big.xlsx'))).toBe(false);
});

it('refuses a target that is an input by a link, and one a command does not own (ownOnly)', async () => {
  const input = path.join(dir, 'in.xlsx');
  fs.writeFileSync(input, 'x');
  fs.symlinkSync(input, path.join(dir, 'link.xlsx'));
  const linked = await refusal(
    claimOutput({
      file: path.join(dir, 'link.xlsx'),
      shown: 'link.xlsx',
      existing: 'replace',
      inputs: [input],
    }),
  );
  expect(linked.problem).toBe('isInput');
  const notMine = await refusal(
    claimOutput({ file: input, shown: 'in.xlsx', existing: 'ownOnly', isOwn: () => false }),
  );
  expect(notMine.problem).toBe('exists');
  expect(fs.readFileSync(input, 'utf8')).toBe('x');
});
