/**
 * `bin/cchc.js`, as `npx cchc` starts it: it starts Node again with the V8 options the CLI runs with
 * (bin/node-flags.js), and ends as that child ends: its exit code, its output, and a signal sent to the
 * first process passed on so that the command stops as it would alone (its clean-up, its one line).
 */
import { execFileSync, spawn } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';

import { CLI_NODE_FLAGS } from '../../bin/node-flags';
import { INIT_NAMES } from '../support/identity';
import { cchcIn } from './run';

const ROOT = path.resolve(__dirname, '../..');
const BIN = path.join(ROOT, 'bin/cchc.js');
const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'cchc-relaunch-'));
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

/** Each Node process started says its options and whether it is the relaunched one, on stderr. */
const hook = path.join(dir, 'hook.js');
fs.writeFileSync(
  hook,
  "process.stderr.write(`\\nNODE ${process.env.CCHC_RELAUNCHED ? 'child' : 'first'}: ${process.execArgv.join(' ')}\\n`);\n",
);

interface Run {
  code: number | null;
  signal: NodeJS.Signals | null;
  out: string;
  err: string;
}

function runBin(args: string[], onStart?: (pid: number) => void): Promise<Run> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [BIN, ...args], {
      cwd: dir,
      env: { ...process.env, NODE_OPTIONS: `--require ${hook}`, CCHC_RELAUNCHED: '' },
    });
    let out = '';
    let err = '';
    child.stdout.on('data', (d: Buffer) => (out += d.toString('utf8')));
    child.stderr.on('data', (d: Buffer) => (err += d.toString('utf8')));
    onStart?.(child.pid as number);
    const guard = setTimeout(() => child.kill('SIGKILL'), 60_000); // a guard against a hang, not a timing test
    child.on('close', (code, signal) => {
      clearTimeout(guard);
      resolve({ code, signal, out, err });
    });
  });
}

const file = path.join(dir, 'ke-hoach.xlsx');

beforeAll(async () => {
  // bin/cchc.js runs the bundle as last built: build it from the sources under test.
  execFileSync(process.execPath, [path.join(ROOT, 'scripts/build-cli.js')]);
  const init = await cchcIn(dir, new Date('2026-06-05T03:00:00Z'))('init', '--out', file, ...INIT_NAMES);
  expect(init.code).toBe(0);
}, 60_000);

test('the CLI runs once, in a Node started with the CLI’s options', async () => {
  const run = await runBin(['check', file, '--json']);
  expect(run.code).toBe(0);
  const nodes = run.err.split('\n').filter((l) => l.startsWith('NODE '));
  expect(nodes).toHaveLength(2);
  expect(nodes[0]).toMatch(/^NODE first: /);
  expect(nodes[1]).toBe(`NODE child: ${CLI_NODE_FLAGS.join(' ')}`);
  expect(JSON.parse(run.out)).toMatchObject({ errors: [] });
});

test('the exit code and the one line of a refusal come through unchanged', async () => {
  const run = await runBin(['check', path.join(dir, 'khong-co.xlsx')]);
  expect(run.code).toBe(2);
  expect(run.err.split('\n').filter((l) => l.trim() && !l.startsWith('NODE '))).toEqual([
    `Không tìm thấy tệp "${path.join(dir, 'khong-co.xlsx')}".`,
  ]);
});

test('SIGTERM to the first process stops the command as it would alone: its line, exit 2, nothing left', async () => {
  const lock = path.join(dir, `.${path.basename(file)}.cchc-lock`);
  const before = fs.readFileSync(file);
  let poll: NodeJS.Timeout | undefined;
  const run = await runBin(['report', file, '--as-of', '2026-06-05'], (pid) => {
    poll = setInterval(() => {
      if (!fs.existsSync(lock)) return;
      clearInterval(poll);
      process.kill(pid, 'SIGTERM');
    }, 2);
  });
  clearInterval(poll);
  // The lock is taken before the workbook is read, hundreds of milliseconds before the report is written.
  expect(run.code).toBe(2);
  expect(run.err).toContain('Đã dừng theo yêu cầu');
  expect(fs.readdirSync(dir).filter((n) => n.includes('cchc-lock') || n.endsWith('.tmp'))).toEqual([]);
  expect(fs.readFileSync(file).equals(before)).toBe(true);
});
