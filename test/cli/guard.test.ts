/**
 * Issue 20: one guarded way out and one guarded way in for every command, output inert on a terminal, and
 * messages true for the person reading them. In-process runs (runCli) where a process is not needed.
 */
import { execFileSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import ExcelJS from 'exceljs';
import JSZip from 'jszip';

import { inert, oneLine } from '../../src/cli/terminal';
import { parseDay } from '../../src/cli/dayOption';
import { hasDocumentMark } from '../../src/workbook/xlsx/docMark';
import { DEMO_MARK } from '../../src/cli/fileGuard';
import { INIT_NAMES } from '../support/identity';
import { cchcIn } from './run';

const NOW = new Date('2026-09-10T03:00:00Z');
const root = fs.mkdtempSync(path.join(os.tmpdir(), 'cchc-guard-'));
afterAll(() => fs.rmSync(root, { recursive: true, force: true }));

function caseDir(): string {
  return fs.mkdtempSync(path.join(root, 'case-'));
}

const fileBytes = (f: string): Buffer => fs.readFileSync(f);

/** A tracker made by `cchc init` in `dir` (kh.xlsx), its unit renamed as an officer would. */
async function tracker(dir: string, name = 'kh.xlsx'): Promise<string> {
  const cchc = cchcIn(dir, NOW);
  const r = await cchc('init', '--year', '2026', '--out', name, ...INIT_NAMES);
  expect(r.code).toBe(0);
  return path.join(dir, name);
}

describe('one way out: an existing target is never replaced without being asked', () => {
  it('report --out onto another workbook is refused; --force replaces it', async () => {
    const dir = caseDir();
    const cchc = cchcIn(dir, NOW);
    await tracker(dir, 'a.xlsx');
    const other = await tracker(dir, 'b.xlsx');
    const before = fileBytes(other);
    const r = await cchc('report', 'a.xlsx', '--period', '2026-Q2', '--out', 'b.xlsx');
    expect(r.code).toBe(2);
    expect(r.err).toContain('"b.xlsx" đã có: không ghi đè');
    expect(fileBytes(other).equals(before)).toBe(true);
    const forced = await cchc('report', 'a.xlsx', '--period', '2026-Q2', '--out', 'b.xlsx', '--force');
    expect(forced.code).toBe(0);
  }, 60_000);

  it('demo never replaces a tracker the user made at its path, and replaces its own earlier demo', async () => {
    const dir = caseDir();
    const cchc = cchcIn(dir, NOW);
    const mine = await tracker(dir, path.join('out', 'ke-hoach-cchc-2026.xlsx'));
    const before = fileBytes(mine);
    const refused = await cchc('demo');
    expect(refused.code).toBe(2);
    expect(refused.err).toContain('không phải sổ mẫu do cchc demo tạo');
    expect(fileBytes(mine).equals(before)).toBe(true);
    fs.rmSync(mine);
    expect((await cchc('demo')).code).toBe(0);
    expect(await hasDocumentMark(new Uint8Array(fileBytes(mine)), DEMO_MARK)).toBe(true);
    expect((await cchc('demo')).code).toBe(0);
  }, 90_000);

  it('demo --communes N writes the main demo too, and never a commune file the user put there', async () => {
    const dir = caseDir();
    const cchc = cchcIn(dir, NOW);
    const r = await cchc('demo', '--communes', '2');
    expect(r.code).toBe(0);
    expect(fs.existsSync(path.join(dir, 'out', 'ke-hoach-cchc-2026.xlsx'))).toBe(true);
    const communes = fs.readdirSync(path.join(dir, 'out', 'cac-xa'));
    expect(communes).toHaveLength(2);
    // A real commune's workbook copied in under a demo name is not the demo's.
    const real = path.join(dir, 'out', 'cac-xa', communes[1]);
    fs.copyFileSync(await tracker(dir, 'real.xlsx'), real);
    const before = fileBytes(real);
    const again = await cchc('demo', '--communes', '2');
    expect(again.code).toBe(2);
    expect(again.err).toContain('không phải sổ mẫu do cchc demo tạo');
    expect(fileBytes(real).equals(before)).toBe(true);
  }, 120_000);

  it.each([
    ['~$kh.xlsx', 'Microsoft Excel'],
    ['.~lock.kh.xlsx#', 'LibreOffice'],
  ])(
    'a workbook open in another program (%s beside it) is not written, naming %s',
    async (owner, program) => {
      const dir = caseDir();
      const cchc = cchcIn(dir, NOW);
      const file = await tracker(dir);
      fs.writeFileSync(path.join(dir, owner), 'owner');
      const before = fileBytes(file);
      for (const argv of [
        ['report', 'kh.xlsx', '--period', '2026-Q2'],
        ['init', '--year', '2026', '--out', 'kh.xlsx', ...INIT_NAMES],
        ['fix', 'kh.xlsx', '--yes'],
      ]) {
        const r = await cchc(...argv);
        expect(r.code).toBe(2);
        expect(r.err).toContain(`đang mở trong ${program}`);
        expect(r.err.split('\n')).toHaveLength(1);
      }
      expect(fileBytes(file).equals(before)).toBe(true);
    },
    60_000,
  );

  it('rollover refuses an output that is its input through a link', async () => {
    const dir = caseDir();
    const cchc = cchcIn(dir, NOW);
    await tracker(dir);
    fs.symlinkSync(path.join(dir, 'kh.xlsx'), path.join(dir, 'link.xlsx'));
    const r = await cchc('rollover', 'kh.xlsx', '--to', '2027', '--out', 'link.xlsx', '--force');
    expect(r.code).toBe(2);
    expect(r.err).toContain('tệp của năm cũ không bao giờ bị ghi');
  }, 60_000);
});

describe('consolidate: one way in, and the output claimed before any input is read', () => {
  let dir: string;
  let communes: string;
  beforeAll(async () => {
    dir = caseDir();
    expect((await cchcIn(dir, NOW)('demo', '--communes', '2')).code).toBe(0);
    communes = path.join(dir, 'out', 'cac-xa');
  }, 120_000);

  const consolidate = (...more: string[]) =>
    cchcIn(dir, NOW)('consolidate', communes, '--period', '2026-Q3', '--as-of', '2026-09-05', ...more);

  it('lists a FIFO, a device, a broken link and a huge sparse file with their reasons, without hanging or reading them', async () => {
    const odd = path.join(communes, 'odd');
    fs.mkdirSync(odd);
    try {
      execFileSync('mkfifo', [path.join(odd, 'fifo.xlsx')]);
      fs.symlinkSync('/dev/zero', path.join(odd, 'zero.xlsx'));
      fs.symlinkSync(path.join(odd, 'gone'), path.join(odd, 'broken.xlsx'));
      const sparse = fs.openSync(path.join(odd, 'sparse.xlsx'), 'w');
      fs.ftruncateSync(sparse, 1.5 * 1024 * 1024 * 1024);
      fs.closeSync(sparse);
      const rssBefore = process.memoryUsage().rss;
      const r = await consolidate('--out', path.join(dir, 'th1.xlsx'));
      expect(process.memoryUsage().rss - rssBefore).toBeLessThan(500 * 1024 * 1024);
      expect(r.code).toBe(1);
      const lines = r.out.split('\n');
      const notUsed = (name: string) => lines.find((l) => l.startsWith('Không dùng:') && l.includes(name));
      expect(notUsed('fifo.xlsx')).toContain('đường ống (FIFO)');
      expect(notUsed('zero.xlsx')).toContain('thiết bị');
      expect(notUsed('broken.xlsx')).toContain('liên kết hỏng');
      expect(notUsed('sparse.xlsx')).toContain('lớn hơn 100 MB');
    } finally {
      fs.rmSync(odd, { recursive: true, force: true });
    }
  }, 60_000);

  it('an existing --out needs --force; a read-only one is refused before any input is read', async () => {
    const out = path.join(dir, 'th2.xlsx');
    expect((await consolidate('--out', out)).code).toBe(0);
    const again = await consolidate('--out', out);
    expect(again.code).toBe(2);
    expect(again.err).toContain('đã có: không ghi đè');
    fs.chmodSync(out, 0o444);
    const run = cchcIn(dir, NOW);
    const io = await run('consolidate', communes, '--period', '2026-Q3', '--out', out, '--force');
    expect(io.code).toBe(2);
    expect(io.err).toContain('chế độ chỉ đọc');
    expect(io.out).toBe('');
  }, 60_000);

  it('--help names every sheet it writes, TTHC các xã included', async () => {
    expect((await cchcIn(dir, NOW)('consolidate', '--help')).out).toContain('TTHC các xã');
  });
});

describe('messages true for their reader', () => {
  it('dates as Vietnamese write them are taken; a date that does not exist says so', async () => {
    expect(parseDay('05/09/2026')).toEqual({ ok: true, iso: '2026-09-05' });
    expect(parseDay('5/9/2026')).toEqual({ ok: true, iso: '2026-09-05' });
    expect(parseDay('2026-02-30')).toMatchObject({ ok: false, reason: 'nonexistent' });
    const dir = caseDir();
    const cchc = cchcIn(dir, NOW);
    await tracker(dir);
    const r = await cchc('report', 'kh.xlsx', '--as-of', '04/09/2026', '--json');
    expect(r.code).toBe(0);
    expect(JSON.parse(r.out)).toMatchObject({ asOf: '2026-09-04' });
    const bad = await cchc('report', 'kh.xlsx', '--as-of', '2026-02-30');
    expect(bad.code).toBe(2);
    expect(bad.err).toContain('ngày 30/2/2026 không có (tháng 2 năm 2026 có 28 ngày)');
    const period = await cchc(
      'report',
      'kh.xlsx',
      '--period',
      '30/06/2026',
      '--as-of',
      '2026-07-01',
      '--json',
    );
    expect(period.code).toBe(0);
    expect(JSON.parse(period.out)).toMatchObject({ period: '2026-Q2' });
  }, 60_000);

  it('cchc fix lists the certain fixes, writes them only with --yes, by the pane’s own code path; check points CLI users to it', async () => {
    const dir = caseDir();
    const cchc = cchcIn(dir, NOW);
    const file = await tracker(dir);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(file);
    const ws = wb.getWorksheet('Nhiệm vụ');
    if (!ws) throw new Error('no tracker');
    ws.getCell('H5').value = 'Hoàn\u00a0thành';
    await wb.xlsx.writeFile(file);
    const checked = await cchc('check', 'kh.xlsx');
    expect(checked.out).not.toContain('Sửa tự động');
    expect(checked.out).toContain('cchc fix kh.xlsx');
    const before = fileBytes(file);
    const listed = await cchc('fix', 'kh.xlsx');
    expect(listed.code).toBe(0);
    expect(listed.out).toMatch(/Sửa Nhiệm vụ!H5: .*→ "Hoàn thành"/);
    expect(listed.out).toContain('--yes');
    expect(fileBytes(file).equals(before)).toBe(true);
    const fixed = await cchc('fix', 'kh.xlsx', '--yes');
    expect(fixed.code).toBe(0);
    expect(fixed.out).toContain('Đã sửa 1 ô');
    expect((await cchc('fix', 'kh.xlsx')).out).toBe('Không có ô nào sửa tự động được.');
  }, 60_000);
});

/** The tracker's bytes with one cell of a sheet part replaced by `cell` as stored XML (as another program could). */
async function withRawCell(file: string, part: string, address: string, cell: string): Promise<void> {
  const zip = await JSZip.loadAsync(fs.readFileSync(file));
  const xml = await zip.file(part)!.async('string');
  const re = new RegExp(`<c r="${address}"(\\s[^>]*?)?(?:/>|>[\\s\\S]*?</c>)`);
  expect(re.test(xml)).toBe(true);
  zip.file(part, xml.replace(re, cell));
  fs.writeFileSync(file, await zip.generateAsync({ type: 'nodebuffer' }));
}

describe('messages as the command line reads them', () => {
  it('check on a consolidation workbook says what it is; on a workbook without a tracker it names cchc init', async () => {
    const dir = caseDir();
    const cchc = cchcIn(dir, NOW);
    expect((await cchc('demo', '--communes', '2')).code).toBe(0);
    expect(
      (
        await cchc(
          'consolidate',
          'out/cac-xa',
          '--period',
          '2026-Q3',
          '--as-of',
          '2026-09-05',
          '--out',
          'th.xlsx',
        )
      ).code,
    ).toBe(0);
    const r = await cchc('check', 'th.xlsx');
    expect(r.code).toBe(2);
    expect(r.err).toContain('là sổ tổng hợp các xã');
    expect(r.err).not.toContain('Khởi tạo bảng theo dõi');
    const wb = new ExcelJS.Workbook();
    wb.addWorksheet('Trang tính1').getCell('A1').value = 'x';
    await wb.xlsx.writeFile(path.join(dir, 'blank.xlsx'));
    const blank = await cchc('check', 'blank.xlsx');
    expect(blank.err).toContain('cchc init');
    expect(blank.err).not.toContain('bấm');
    const report = await cchc('report', 'blank.xlsx', '--period', '2026-Q3');
    expect(report.err).toContain('cchc init');
    expect(report.err).not.toContain('bấm');
  }, 120_000);

  it('an erased formula is called empty, not "typed by hand"; rollover points to cchc check, not a pane button', async () => {
    const dir = caseDir();
    const cchc = cchcIn(dir, NOW);
    const file = await tracker(dir);
    await withRawCell(file, 'xl/worksheets/sheet3.xml', 'L6', '<c r="L6"/>');
    await withRawCell(file, 'xl/worksheets/sheet3.xml', 'L49', '<c r="L49"/>');
    await withRawCell(file, 'xl/worksheets/sheet3.xml', 'G7', '<c r="G7"><v>912345678</v></c>');
    const r = await cchc('check', 'kh.xlsx', '--today', '2026-09-05');
    const line = (cell: string) => r.out.split('\n').find((l) => l.includes(`!${cell}:`)) ?? '';
    expect(line('L6')).toContain('đang để trống');
    expect(line('L6')).not.toContain('gõ tay');
    expect(line('L49')).toContain('đang để trống');
    expect(line('G7')).toContain('"912345678"');
    const rolled = await cchc('rollover', 'kh.xlsx', '--to', '2027', '--out', 'moi.xlsx');
    expect(rolled.code).toBe(0);
    expect(rolled.out).toContain('cchc check moi.xlsx');
    expect(rolled.out).not.toContain('Kiểm tra dữ liệu');
  }, 60_000);
});

describe('untrusted text is inert on a terminal', () => {
  it('escapes control and bidi characters, keeps Vietnamese and line breaks', () => {
    expect(inert('a\u001b[2Jb')).toBe('a\\x1B[2Jb');
    expect(inert('x\u202Ey\u0085')).toBe('x\\u202Ey\\x85');
    expect(inert('Hoàn thành\nDòng 2')).toBe('Hoàn thành\nDòng 2');
    expect(oneLine('a\nKhông dùng: giả')).toBe('a ⏎ Không dùng: giả');
  });

  it('every line runCli prints goes through it (a file name with ESC, as an emailed file could be named)', async () => {
    const dir = caseDir();
    const r = await cchcIn(dir, NOW)('check', 'x\u001b[2J\u001b]0;pwned\u0007.xlsx');
    expect(r.code).toBe(2);
    // eslint-disable-next-line no-control-regex -- the control characters are what must not be there
    expect(r.err).not.toMatch(/[\u0000-\u0008\u000b-\u001f\u007f]/);
    expect(r.err).toContain('\\x1B[2J');
  });
});

describe('a spelling unlike the list says what differs', () => {
  it('never shows two identical-looking words without the difference', async () => {
    const dir = caseDir();
    const cchc = cchcIn(dir, NOW);
    const file = await tracker(dir);
    await withRawCell(
      file,
      'xl/worksheets/sheet3.xml',
      'H6',
      '<c r="H6" t="inlineStr"><is><t>Đang thực hiê\u0323n</t></is></c>',
    );
    const r = await cchc('check', 'kh.xlsx', '--today', '2026-09-05');
    const line = r.out.split('\n').find((l) => l.includes('!H6:')) ?? '';
    expect(line).toContain('bảng mã tổ hợp');
  }, 60_000);
});
