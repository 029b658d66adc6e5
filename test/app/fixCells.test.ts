import { checkTracker } from '../../src/app';
import { fixable, fixCells } from '../../src/app/fixCells';
import { SHEET } from '../../src/i18n/vi';
import { MemoryPort } from '../support/memoryPort';
import { initNamed } from '../support/identity';

const now = new Date('2026-06-05T03:00:00Z');
const today = '2026-06-05';

async function damaged(): Promise<MemoryPort> {
  const port = new MemoryPort();
  await initNamed(port, { year: 2026, now });
  port.setCell(SHEET.tracker, 'H2', 'Hoàn thành');
  port.setCell(SHEET.tracker, 'I2', '20/3/2026'); // a date typed as text: the row shows Lỗi dữ liệu
  port.setCell(SHEET.tracker, 'H3', 'Hoàn thành\u00a0'); // not Hoàn thành for the formula
  port.setCell(SHEET.tracker, 'I3', 46100);
  port.setCell(SHEET.tracker, 'G4', 'cuối quý'); // no certain fix
  return port;
}

describe('Sửa tự động', () => {
  it('offers only the certain fixes, with what the cell holds and what it will show', async () => {
    const port = await damaged();
    const check = await checkTracker(port, { today });
    const fixes = fixable([...check.result!.errors, ...check.result!.warnings]);
    expect(fixes.map((f) => [f.cell, f.fix.was, f.fix.becomes])).toEqual([
      ['I2', '20/3/2026', '20/03/2026'],
      ['H3', 'Hoàn thành\u00a0', 'Hoàn thành'],
    ]);
  });

  it('writes the confirmed cells only, as real dates and list values; the check then finds them clean', async () => {
    const port = await damaged();
    const check = await checkTracker(port, { today });
    const fixes = fixable(check.result!.errors);
    const applies = port.applies;
    const out = await fixCells(port, { today, confirmed: fixes.slice(0, 1) });
    expect(out).toMatchObject({ ok: true, fixed: ['I2'], skipped: [] });
    expect(port.applies).toBe(applies + 1);
    expect(port.sheet(SHEET.tracker)!.values[1][8]).toBe(46101); // 20/03/2026
    expect(port.sheet(SHEET.tracker)!.values[2][7]).toBe('Hoàn thành\u00a0'); // not confirmed: untouched
    const after = await checkTracker(port, { today });
    expect(after.result!.errors.map((e) => e.cell)).not.toContain('I2');
  });

  it('leaves a cell that changed since the check, and says so', async () => {
    const port = await damaged();
    const fixes = fixable((await checkTracker(port, { today })).result!.errors);
    port.setCell(SHEET.tracker, 'I2', '21/3/2026'); // the user typed again meanwhile
    const applies = port.applies;
    const out = await fixCells(port, { today, confirmed: fixes });
    expect(out).toMatchObject({ fixed: ['H3'], skipped: ['I2'] });
    expect(out.message).toContain('1 ô không được sửa');
    expect(port.sheet(SHEET.tracker)!.values[1][8]).toBe('21/3/2026');
    expect(port.applies).toBe(applies + 1);
  });

  it('writes the list value a typed status means; the row then counts by the list value', async () => {
    const port = new MemoryPort();
    await initNamed(port, { year: 2026, now });
    port.setCell(SHEET.tracker, 'H2', 'Đã hoàn thành');
    port.setCell(SHEET.tracker, 'I2', 46100);
    port.setCell(SHEET.tracker, 'H3', 'dang thuc hien');
    port.setCell(SHEET.tracker, 'H4', 'Chưa hoàn thành'); // not certain: no fix
    const check = await checkTracker(port, { today });
    expect(check.result!.errors.filter((e) => e.code === 'unknownStatus').map((e) => e.cell)).toEqual([
      'H2',
      'H3',
      'H4',
    ]);
    const fixes = fixable(check.result!.errors);
    expect(fixes.map((f) => [f.cell, f.fix.was, f.fix.becomes])).toEqual([
      ['H2', 'Đã hoàn thành', 'Hoàn thành'],
      ['H3', 'dang thuc hien', 'Đang thực hiện'],
    ]);
    const out = await fixCells(port, { today, confirmed: fixes });
    expect(out).toMatchObject({ ok: true, fixed: ['H2', 'H3'], skipped: [] });
    const rows = port.sheet(SHEET.tracker)!.values;
    expect([rows[1][7], rows[2][7], rows[3][7]]).toEqual(['Hoàn thành', 'Đang thực hiện', 'Chưa hoàn thành']);
    const after = await checkTracker(port, { today });
    expect(after.result!.errors.filter((e) => e.code === 'unknownStatus').map((e) => e.cell)).toEqual(['H4']);
  });

  it('writes nothing when nothing confirmed still applies', async () => {
    const port = await damaged();
    const fixes = fixable((await checkTracker(port, { today })).result!.errors);
    port.setCell(SHEET.tracker, 'I2', null);
    port.setCell(SHEET.tracker, 'H3', 'Hoàn thành');
    const applies = port.applies;
    const out = await fixCells(port, { today, confirmed: fixes });
    expect(out.ok).toBe(false);
    expect(port.applies).toBe(applies);
  });
});
