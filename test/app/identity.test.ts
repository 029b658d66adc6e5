/**
 * No borrowed identity (issue 20, item 7): a new tracker's unit, place and signer come from the user; the plan's
 * Long Điền A values only when the user names Long Điền A (or in the demo). A report that does not say whose it
 * is refuses, naming the Cài đặt cells; a consolidation lists a tracker without a unit as a file not used.
 */
import { checkTracker, compileReport, initTracker } from '../../src/app';
import { consolidateFiles } from '../../src/app/consolidate';
import { readSettings } from '../../src/domain/settings';
import { CONSOLIDATION_REASON } from '../../src/i18n/consolidation';
import { ACTION, REPORT, SHEET } from '../../src/i18n/vi';
import { openXlsx } from '../../src/workbook/xlsx/xlsxWorkbook';
import { MemoryPort } from '../support/memoryPort';

const now = new Date('2026-06-05T03:00:00Z');
const settingsOf = async (port: MemoryPort) =>
  readSettings((await port.read([SHEET.settings])).contents[SHEET.settings], 2026).settings;

describe('a new tracker says whose it is only as the user says', () => {
  it('left unnamed, has no unit, place or signer, and init says which cells to fill', async () => {
    const port = new MemoryPort();
    const out = await initTracker(port, { year: 2026, now });
    expect(out.ok).toBe(true);
    const s = await settingsOf(port);
    expect([s.unitName, s.place, s.signerName]).toEqual(['', '', '']);
    expect(out.message).toContain(
      ACTION.identityToFill([
        { label: 'Tên đơn vị', cell: 'B2' },
        { label: 'Địa danh', cell: 'B4' },
        { label: 'Họ tên người ký', cell: 'B8' },
      ]),
    );
    expect(out.message).not.toContain('Long Điền A');
    const check = await checkTracker(port, { today: '2026-06-05' });
    expect(check.result?.warnings.filter((p) => p.code === 'settingBlank').map((p) => p.cell)).toEqual([
      'B2',
      'B4',
      'B8',
    ]);
  });

  it('named, holds exactly the names given, and never the plan’s', async () => {
    const port = new MemoryPort();
    const out = await initTracker(port, {
      year: 2026,
      now,
      identity: {
        unitName: ' UBND xã Hội An ',
        place: 'Hội An',
        signerName: 'Lê Văn Tám',
        signer: 'chairman',
      },
    });
    expect(out.message).not.toContain('Trước khi lập báo cáo');
    const s = await settingsOf(port);
    expect([s.unitName, s.place, s.signerName, s.signer]).toEqual([
      'UBND xã Hội An',
      'Hội An',
      'Lê Văn Tám',
      'chairman',
    ]);
  });

  it('gets the plan’s place and signer when the user names Long Điền A, in any spelling', async () => {
    const port = new MemoryPort();
    await initTracker(port, { year: 2026, now, identity: { unitName: 'Ủy ban nhân dân xã Long Điền A' } });
    const s = await settingsOf(port);
    expect([s.place, s.signerName]).toEqual(['Long Điền A', 'Trương Minh Sơn']);
  });
});

describe('a report that does not say whose it is', () => {
  it('refuses (unit given, place and signer blank: the issue’s Hội An), naming the cells, and writes nothing', async () => {
    const port = new MemoryPort();
    await initTracker(port, { year: 2026, now, identity: { unitName: 'UBND xã Hội An' } });
    const before = port.sheets.map((s) => s.name);
    const out = await compileReport(port, { asOf: '2026-06-05', period: { year: 2026, quarter: 2 }, now });
    expect(out).toMatchObject({
      ok: false,
      sheet: SHEET.settings,
      cell: 'B4',
      message: REPORT.identityMissing([
        { label: 'Địa danh', cell: 'B4' },
        { label: 'Họ tên người ký', cell: 'B8' },
      ]),
    });
    expect(port.sheets.map((s) => s.name)).toEqual(before);
  });

  it('refuses a name of invisible characters only, and reports once the names are there', async () => {
    const port = new MemoryPort();
    await initTracker(port, {
      year: 2026,
      now,
      identity: { unitName: 'UBND xã Hội An', place: 'Hội An', signerName: 'Lê Văn Tám' },
    });
    const settings = port.sheets.find((s) => s.name === SHEET.settings)!;
    settings.values[7][1] = '\u200b\u00ad\u200f';
    const refused = await compileReport(port, { asOf: '2026-06-05', now });
    expect(refused.ok).toBe(false);
    expect(refused.message).toContain('"Họ tên người ký" (ô B8)');
    settings.values[7][1] = 'Lê Văn Tám';
    const done = await compileReport(port, { asOf: '2026-06-05', now });
    expect(done.ok).toBe(true);
    const report = port.sheets.find((s) => s.name === done.sheet)!;
    const text = report.values.flat().join('\n');
    expect(text).toContain('Hội An, ngày 05 tháng 6 năm 2026');
    expect(text).toContain('Lê Văn Tám');
    expect(text).not.toMatch(/Long Điền A|Trương Minh Sơn/);
  });
});

describe('a consolidation', () => {
  it('lists a tracker with no unit as a file not used, and never merges it into another commune', async () => {
    const named = await openXlsx(null);
    await initTracker(named, {
      year: 2026,
      now,
      identity: { unitName: 'UBND xã Hội An', place: 'Hội An', signerName: 'Lê Văn Tám' },
    });
    const unnamed = await openXlsx(null);
    await initTracker(unnamed, { year: 2026, now });
    const invisible = await openXlsx(null);
    await initTracker(invisible, { year: 2026, now, identity: { unitName: 'x' } });
    await invisible.apply({
      write: [],
      updates: [{ sheet: SHEET.settings, cell: 'B2', value: '\u200d\ufeff' }],
    });
    const files = [named, unnamed, invisible];
    const bytes = await Promise.all(files.map((f) => f.toBuffer()));
    const c = await consolidateFiles(
      bytes.map((b, i) => ({ name: `xa-${i}.xlsx`, bytes: async () => b })),
      { period: { year: 2026, quarter: 2 }, asOf: '2026-06-05' },
      { open: openXlsx },
    );
    expect(c.communes.map((x) => x.unit)).toEqual(['UBND xã Hội An']);
    expect(c.failed).toEqual([
      { file: 'xa-1.xlsx', reason: CONSOLIDATION_REASON.noUnitName },
      { file: 'xa-2.xlsx', reason: CONSOLIDATION_REASON.noUnitName },
    ]);
  });
});
