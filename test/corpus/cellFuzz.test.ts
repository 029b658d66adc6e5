/**
 * Issue 20, item 4: a bad cell is a bad cell. One hostile value at a time, in one cell of a tracker made by
 * `cchc init` (a deadline, a completion date, a status, a task, a lead, a TTHC count beside a real figure),
 * written straight into the sheet's XML as another program could, then through every command: check, fix,
 * report, rollover and consolidate. Whatever the value, no command crashes or prints a value it did not read
 * ("NaN", "[object Object]", "undefined", "Infinity"), nothing printed holds a control character, and rollover
 * (which promises to carry error rows as they are) is never blocked by it.
 */
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import JSZip from 'jszip';
import { INIT_NAMES } from '../support/identity';

import { cchcIn } from '../cli/run';

const NOW = new Date('2026-09-10T03:00:00Z');
const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'cchc-cellfuzz-'));
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

/** A cell as a program may store it: its type attribute and what is inside <c>. */
interface RawValue {
  name: string;
  t?: string;
  inner: string;
}

const VALUES: RawValue[] = [
  { name: '912345678', inner: '<v>912345678</v>' },
  { name: '1e308', inner: '<v>1e308</v>' },
  { name: '-1', inner: '<v>-1</v>' },
  { name: '0.5', inner: '<v>0.5</v>' },
  { name: 'empty <v/>', inner: '<v/>' },
  { name: 'empty text <v/>', t: 'str', inner: '<v/>' },
  { name: 'ESC text', t: 'inlineStr', inner: '<is><t>_x001B_[2J_x001B_[31mKhông dùng: giả</t></is>' },
  { name: 'line break text', t: 'inlineStr', inner: '<is><t>a&#10;Không dùng: giả</t></is>' },
  { name: '#DIV/0!', t: 'e', inner: '<v>#DIV/0!</v>' },
  { name: 'TRUE', t: 'b', inner: '<v>1</v>' },
];

/** Where: the sheet part (as `cchc init` lays the workbook out) and the cells set (the value, and any neighbour). */
const PLACES: { name: string; part: string; cells: Record<string, RawValue | 'value'> }[] = [
  { name: 'deadline Nhiệm vụ!G6', part: 'xl/worksheets/sheet3.xml', cells: { G6: 'value' } },
  { name: 'status Nhiệm vụ!H6', part: 'xl/worksheets/sheet3.xml', cells: { H6: 'value' } },
  { name: 'completed on Nhiệm vụ!I5', part: 'xl/worksheets/sheet3.xml', cells: { I5: 'value' } },
  { name: 'task Nhiệm vụ!C6', part: 'xl/worksheets/sheet3.xml', cells: { C6: 'value' } },
  {
    name: 'TTHC count Hồ sơ TTHC!C5 beside a figure',
    part: 'xl/worksheets/sheet4.xml',
    cells: { C5: 'value', D5: { name: '3', inner: '<v>3</v>' } },
  },
];

async function withCells(
  base: Buffer,
  part: string,
  cells: Record<string, RawValue | 'value'>,
  v: RawValue,
): Promise<Buffer> {
  const zip = await JSZip.loadAsync(base);
  let xml = await zip.file(part)!.async('string');
  for (const [addr, what] of Object.entries(cells)) {
    const raw = what === 'value' ? v : what;
    const re = new RegExp(`<c r="${addr}"(\\s[^>]*?)?(?:/>|>[\\s\\S]*?</c>)`);
    const m = re.exec(xml);
    if (!m) throw new Error(`no cell ${addr} in ${part}`);
    const s = /\bs="(\d+)"/.exec(m[1] ?? '')?.[1];
    xml = xml.replace(
      re,
      `<c r="${addr}"${s ? ` s="${s}"` : ''}${raw.t ? ` t="${raw.t}"` : ''}>${raw.inner}</c>`,
    );
  }
  zip.file(part, xml);
  return zip.generateAsync({ type: 'nodebuffer' });
}

/** C0 controls but the line break and tab, and DEL: built from code points so the source holds none. */
const CONTROL = new RegExp(
  `[${String.fromCharCode(0)}-${String.fromCharCode(8)}${String.fromCharCode(11)}-${String.fromCharCode(31)}${String.fromCharCode(127)}]`,
);

function expectTrue(text: string, where: string): void {
  expect({ where, text }).not.toEqual(
    expect.objectContaining({ text: expect.stringMatching(/NaN|\[object Object\]|undefined|Infinity/) }),
  );
  expect({ where, text }).not.toEqual(expect.objectContaining({ text: expect.stringMatching(CONTROL) }));
  expect(text).not.toContain('không phải một số hữu hạn');
  expect(text).not.toMatch(/\n\s+at /);
}

it('every single hostile cell, through every command: a true line at its cell, never a crash or a block', async () => {
  const cchc = cchcIn(dir, NOW);
  expect((await cchc('init', '--year', '2026', '--out', 'base.xlsx', ...INIT_NAMES)).code).toBe(0);
  const base = fs.readFileSync(path.join(dir, 'base.xlsx'));
  const folder = path.join(dir, 'communes');
  fs.mkdirSync(folder);
  let n = 0;
  for (const place of PLACES)
    for (const v of VALUES) {
      n += 1;
      const where = `${place.name} = ${v.name}`;
      const file = path.join(folder, `f${n}.xlsx`);
      fs.writeFileSync(file, await withCells(base, place.part, place.cells, v));
      const check = await cchc('check', file, '--today', '2026-09-05');
      expect({ where, code: check.code }).toEqual({ where, code: expect.any(Number) });
      expect([0, 1]).toContain(check.code);
      expectTrue(check.out + check.err, `check ${where}`);
      const fix = await cchc('fix', file, '--today', '2026-09-05');
      expect({ where, code: fix.code }).toEqual({ where, code: 0 });
      expectTrue(fix.out + fix.err, `fix ${where}`);
      const report = await cchc(
        'report',
        file,
        '--period',
        '2026-Q3',
        '--as-of',
        '2026-09-05',
        '--out',
        path.join(dir, `r${n}.xlsx`),
      );
      expect({ where, code: report.code, err: report.err }).toEqual({ where, code: 0, err: '' });
      expectTrue(report.out, `report ${where}`);
      const rollover = await cchc('rollover', file, '--to', '2027', '--out', path.join(dir, `n${n}.xlsx`));
      expect({ where, code: rollover.code, err: rollover.err }).toEqual({ where, code: 0, err: '' });
      expectTrue(rollover.out, `rollover ${where}`);
    }
  const all = await cchc(
    'consolidate',
    folder,
    '--period',
    '2026-Q3',
    '--as-of',
    '2026-09-05',
    '--out',
    path.join(dir, 'th.xlsx'),
  );
  expect([0, 1]).toContain(all.code);
  expectTrue(all.out + all.err, 'consolidate');
}, 600_000);
