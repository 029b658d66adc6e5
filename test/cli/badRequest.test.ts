/**
 * A request the report action finds senseless for the workbook (reason 'badRequest', e.g. a period outside
 * the tracker's year) is bad usage: exit 2, the action's one line and where to read the usage, nothing
 * written. The action is replaced here so the mapping is tested whatever checks the action makes.
 */
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { cchcIn, expectNoStack } from './run';
import { INIT_NAMES } from '../support/identity';

const REFUSAL = '--period 2027-Q1 không thuộc năm theo dõi 2026 của tệp.';

jest.mock('../../src/app/compileReport', () => ({
  compileReport: async () => ({ ok: false, reason: 'badRequest', message: REFUSAL }),
}));

const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'cchc-badrequest-'));
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));
const cchc = cchcIn(dir, new Date('2027-01-12T03:00:00Z'));

it('a badRequest outcome exits 2 with its message and the report usage hint, and writes nothing', async () => {
  expect((await cchc('init', '--year', '2026', '--out', 'kh.xlsx', ...INIT_NAMES)).code).toBe(0);
  const before = fs.readFileSync(path.join(dir, 'kh.xlsx'));
  const r = await cchc(
    'report',
    'kh.xlsx',
    '--period',
    '2027-Q1',
    '--as-of',
    '2027-01-10',
    '--out',
    'kq.xlsx',
  );
  expect({ code: r.code, out: r.out }).toEqual({ code: 2, out: '' });
  expect(r.err).toBe(`${REFUSAL} Gõ "cchc report --help" để xem cách dùng.`);
  expectNoStack(r.err);
  expect(fs.readFileSync(path.join(dir, 'kh.xlsx')).equals(before)).toBe(true);
  expect(fs.existsSync(path.join(dir, 'kq.xlsx'))).toBe(false);
});
