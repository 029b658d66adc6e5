/**
 * The CLI loads ExcelJS only to write a workbook (scripts/cli-exceljs.js): sheets are read without it, so a
 * command that writes nothing (check, fix listing its fixes) never pays for loading it. The bundle runs in a
 * child process with a hook that says on stderr when ExcelJS's Workbook module is loaded.
 */
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';

import { runCchc } from '../corpus/cliProcess';
import { INIT_NAMES } from '../support/identity';
import { cchcIn } from './run';

const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'cchc-lazy-'));
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

const MARK = 'EXCELJS_WORKBOOK_LOADED';
const hook = path.join(dir, 'hook.js');
fs.writeFileSync(
  hook,
  [
    "const Module = require('node:module');",
    'const load = Module._load;',
    'Module._load = function (request, ...rest) {',
    `  if (/exceljs[\\\\/]lib[\\\\/]doc[\\\\/]workbook$/.test(request)) process.stderr.write('\\n${MARK}\\n');`,
    '  return load.call(this, request, ...rest);',
    '};',
  ].join('\n'),
);

async function run(...args: string[]): Promise<{ code: number | null; loaded: boolean }> {
  const before = process.env.NODE_OPTIONS;
  process.env.NODE_OPTIONS = `--require ${hook}`;
  try {
    const { code, err } = await runCchc(args, { cwd: dir });
    return { code, loaded: err.includes(MARK) };
  } finally {
    if (before === undefined) delete process.env.NODE_OPTIONS;
    else process.env.NODE_OPTIONS = before;
  }
}

const file = path.join(dir, 'ke-hoach.xlsx');

beforeAll(async () => {
  const init = await cchcIn(dir, new Date('2026-06-05T03:00:00Z'))('init', '--out', file, ...INIT_NAMES);
  expect(init.code).toBe(0);
});

test('check and fix (listing) read the workbook without loading ExcelJS', async () => {
  expect(await run('check', file, '--json')).toEqual({ code: 0, loaded: false });
  expect(await run('fix', file)).toEqual({ code: 0, loaded: false });
});

test('report --out loads it, to write the report sheet', async () => {
  const out = path.join(dir, 'bao-cao.xlsx');
  expect(await run('report', file, '--out', out, '--as-of', '2026-06-05')).toEqual({ code: 0, loaded: true });
});
