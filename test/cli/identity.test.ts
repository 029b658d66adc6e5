/**
 * `cchc init` names the commune from its flags, never from the plan (issue 20, item 7); `cchc report` on a
 * tracker that does not say whose it is exits 2 with one Vietnamese line naming the Cài đặt cells.
 */
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { readSettings } from '../../src/domain/settings';
import { SHEET } from '../../src/i18n/vi';
import { openXlsx } from '../../src/workbook/xlsx/xlsxWorkbook';
import { cchcIn, expectNoStack } from './run';

const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'cchc-identity-'));
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));
const cchc = cchcIn(dir, new Date('2026-06-05T03:00:00Z'));

async function settingsIn(file: string) {
  const book = await openXlsx(fs.readFileSync(path.join(dir, file)));
  return readSettings((await book.read([SHEET.settings])).contents[SHEET.settings], 2026).settings;
}

it('writes the unit, place and signer given by --unit, --place, --signer-name and --signer', async () => {
  const r = await cchc(
    'init',
    '--year',
    '2026',
    '--out',
    'my-luong.xlsx',
    '--unit',
    'UBND xã Mỹ Lương',
    '--place',
    'Mỹ Lương',
    '--signer-name',
    'Phạm Văn Năm',
    '--signer',
    'chu-tich',
  );
  expect(r.code).toBe(0);
  const s = await settingsIn('my-luong.xlsx');
  expect([s.unitName, s.place, s.signerName, s.signer]).toEqual([
    'UBND xã Mỹ Lương',
    'Mỹ Lương',
    'Phạm Văn Năm',
    'chairman',
  ]);
  expect((await cchc('report', 'my-luong.xlsx', '--period', '2026-Q2')).code).toBe(0);
});

it('without names, borrows none: init says which cells to fill, report exits 2 naming them', async () => {
  const init = await cchc('init', '--year', '2026', '--out', 'hoi-an.xlsx', '--unit', 'UBND xã Hội An');
  expect(init.code).toBe(0);
  expect(init.out).toContain('"Địa danh" (ô B4), "Họ tên người ký" (ô B8)');
  const s = await settingsIn('hoi-an.xlsx');
  expect([s.unitName, s.place, s.signerName]).toEqual(['UBND xã Hội An', '', '']);
  const before = fs.readFileSync(path.join(dir, 'hoi-an.xlsx'));
  const report = await cchc('report', 'hoi-an.xlsx', '--period', '2026-Q2', '--json');
  expect(report.code).toBe(2);
  expect(report.out).toBe('');
  expect(report.err.split('\n')).toHaveLength(1);
  expect(report.err).toContain('trang "Cài đặt" chưa ghi "Địa danh" (ô B4), "Họ tên người ký" (ô B8)');
  expectNoStack(report.err);
  expect(fs.readFileSync(path.join(dir, 'hoi-an.xlsx'))).toEqual(before);
});

it('refuses a blank name or an unknown signer as bad usage, and documents the flags', async () => {
  for (const argv of [
    ['--unit', '  '],
    ['--place', '\u200b'],
    ['--signer', 'thu-ky'],
  ]) {
    const r = await cchc('init', '--out', 'x.xlsx', ...argv);
    expect(r.code).toBe(2);
    expect(r.err.split('\n')).toHaveLength(1);
    expect(fs.existsSync(path.join(dir, 'x.xlsx'))).toBe(false);
  }
  const help = await cchc('help', 'init');
  for (const flag of ['--unit', '--place', '--signer-name', '--signer']) expect(help.out).toContain(flag);
});
