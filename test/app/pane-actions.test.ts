import { loadOverview, loadSettings, saveSettings } from '../../src/app';
import { serialFromIso } from '../../src/domain/dates';
import { SHEET } from '../../src/i18n/vi';
import { MemoryPort } from '../support/memoryPort';
import { initNamed } from '../support/identity';

const now = new Date('2026-06-05T03:00:00Z');

describe('the pane’s overview', () => {
  it('counts states, lists late and soon-due tasks with their cells, and names the next report', async () => {
    const port = new MemoryPort();
    await initNamed(port, { year: 2026, now });
    port.setCell(SHEET.tracker, 'H2', 'Hoàn thành');
    port.setCell(SHEET.tracker, 'I2', serialFromIso('2026-03-01'));
    const out = await loadOverview(port, { today: '2026-06-05' });
    expect(out.ok).toBe(true);
    const o = out.overview!;
    expect(o.counts.tasks).toBe(48);
    expect(o.counts.doneOnTime).toBe(1);
    expect(o.nextReport.id).toBe('2026-Q2');
    expect(o.daysToNextReport).toBe(0);
    // Due 05/06/2026 (today): the June TTHC review and the 6-month report are due soon; due by 12/06 too.
    expect(o.dueSoon.map((t) => t.deadline)).toEqual(['2026-06-05', '2026-06-05']);
    expect(o.overdue[0].daysLeft).toBeLessThan(0);
    expect(out.taskCell!(o.overdue[0].row)).toBe(`C${o.overdue[0].row}`);
  });

  it('says what to do without a tracker', async () => {
    const out = await loadOverview(new MemoryPort(), { today: '2026-06-05' });
    expect(out.ok).toBe(false);
    expect(out.message).toContain('Khởi tạo bảng theo dõi');
  });
});

describe('the settings form', () => {
  it('loads the plan’s defaults and saves edits into the value cells only', async () => {
    const port = new MemoryPort();
    await initNamed(port, { year: 2026, now });
    const loaded = await loadSettings(port, { fallbackYear: 2026 });
    expect(loaded.settings).toMatchObject({
      unitName: 'UBND xã Long Điền A',
      recipient: 'Sở Nội vụ tỉnh An Giang',
      signerName: 'Trương Minh Sơn',
      signer: 'viceChairman',
    });
    const labels = port.sheet(SHEET.settings)!.values.map((r) => r[0]);
    const saved = await saveSettings(port, {
      ...loaded.settings!,
      recipient: 'Phòng Nội vụ tỉnh An Giang',
      warningDays: 10,
    });
    expect(saved.ok).toBe(true);
    expect(port.sheet(SHEET.settings)!.values.map((r) => r[0])).toEqual(labels);
    const again = await loadSettings(port, { fallbackYear: 2026 });
    expect(again.settings).toMatchObject({ recipient: 'Phòng Nội vụ tỉnh An Giang', warningDays: 10 });
  });

  it('adds the rows a workbook made before a setting existed lacks, below the others, and reads old signer rows', async () => {
    const port = new MemoryPort();
    await initNamed(port, { year: 2026, now });
    const sheet = port.sheet(SHEET.settings)!;
    // A Cài đặt of the earlier layout: "Chức vụ người ký" instead of "Người ký", no plan number or date.
    sheet.values = sheet.values
      .filter((r) => !['Số kế hoạch', 'Ngày ban hành kế hoạch'].includes(String(r[0])))
      .map((r) => (r[0] === 'Người ký' ? ['Chức vụ người ký', 'CHỦ TỊCH', ''] : r));
    const loaded = await loadSettings(port, { fallbackYear: 2026 });
    expect(loaded.settings!.signer).toBe('chairman');
    const rows = sheet.values.length;
    const saved = await saveSettings(port, {
      ...loaded.settings!,
      planNumber: '125/KH-UBND',
      planDate: '2023-03-15',
    });
    expect(saved.ok).toBe(true);
    const after = port.sheet(SHEET.settings)!.values;
    expect(after.slice(rows).map((r) => r[0])).toEqual(['Người ký', 'Số kế hoạch', 'Ngày ban hành kế hoạch']);
    const again = await loadSettings(port, { fallbackYear: 2026 });
    expect(again.settings).toMatchObject({
      signer: 'chairman',
      planNumber: '125/KH-UBND',
      planDate: '2023-03-15',
    });
  });

  it('refuses invalid values field by field and writes nothing', async () => {
    const port = new MemoryPort();
    await initNamed(port, { year: 2026, now });
    const loaded = await loadSettings(port, { fallbackYear: 2026 });
    const applies = port.applies;
    const out = await saveSettings(port, { ...loaded.settings!, year: 1800, signerName: ' ' });
    expect(out.ok).toBe(false);
    expect(Object.keys(out.fieldErrors!).sort()).toEqual(['signerName', 'year']);
    expect(port.applies).toBe(applies);
  });
});
