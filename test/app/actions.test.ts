import { checkTracker, compileReport } from '../../src/app';
import { serialFromIso } from '../../src/domain/dates';
import { SHEET } from '../../src/i18n/vi';
import { MemoryPort } from '../support/memoryPort';
import { initNamed } from '../support/identity';

const now = new Date('2026-06-05T03:00:00Z');

describe('Khởi tạo bảng theo dõi', () => {
  it('writes Nhiệm vụ, Kết quả theo kỳ, Hồ sơ TTHC, Danh mục, Cài đặt and the hidden register in one apply', async () => {
    const port = new MemoryPort();
    const out = await initNamed(port, { year: 2026, now });
    expect(out.ok).toBe(true);
    expect(out.message).toContain('48 nhiệm vụ');
    expect(port.sheets.map((s) => s.name)).toEqual([
      SHEET.lists,
      SHEET.settings,
      SHEET.tracker,
      SHEET.results,
      SHEET.tthc,
      SHEET.register,
    ]);
    expect(port.sheet(SHEET.register)!.spec!.visibility).toBe('veryHidden');
    expect(port.reads).toBe(1);
    expect(port.applies).toBe(1);
    expect(port.activated).toBe(SHEET.tracker);
  });

  it('refuses politely when a tracker exists, and writes nothing', async () => {
    const port = new MemoryPort();
    await initNamed(port, { year: 2026, now });
    const again = await initNamed(port, { year: 2026, now });
    expect(again.ok).toBe(false);
    expect(again.message).toContain('đã có sẵn');
    expect(port.applies).toBe(1);
  });

  it('never touches a user sheet named "Nhiệm vụ"', async () => {
    const port = new MemoryPort();
    const mine = port.addUserSheet('nhiệm vụ'.normalize('NFD'), [['việc của tôi']]);
    const out = await initNamed(port, { year: 2026, now });
    expect(out.ok).toBe(false);
    expect(out.message).toContain('không do phần bổ trợ tạo ra');
    expect(out.sheet).toBe(SHEET.tracker);
    expect(port.applies).toBe(0);
    expect(mine.values).toEqual([['việc của tôi']]);
  });

  it('refuses a user sheet named "Cài đặt"', async () => {
    const port = new MemoryPort();
    port.addUserSheet(SHEET.settings, [['x']]);
    const out = await initNamed(port, { year: 2026, now });
    expect(out).toMatchObject({ ok: false, sheet: SHEET.settings });
    expect(port.applies).toBe(0);
  });

  it('refuses an impossible year', async () => {
    const out = await initNamed(new MemoryPort(), { year: 20266 });
    expect(out.ok).toBe(false);
    expect(out.message).toContain('20266');
  });
});

describe('Kiểm tra dữ liệu', () => {
  it('says the tracker is missing, with what to do', async () => {
    const out = await checkTracker(new MemoryPort(), { today: '2026-06-05' });
    expect(out.ok).toBe(false);
    expect(out.message).toContain('Khởi tạo bảng theo dõi');
  });

  it('finds a fresh tracker clean, then sees a user’s mistake', async () => {
    const port = new MemoryPort();
    await initNamed(port, { year: 2026, now });
    const clean = await checkTracker(port, { today: '2026-06-05' });
    expect(clean.result).toEqual({ errors: [], warnings: [] });
    port.setCell(SHEET.tracker, 'H3', 'Hoàn thành');
    const found = await checkTracker(port, { today: '2026-06-05' });
    expect(found.ok).toBe(false);
    expect(found.result!.errors.map((e) => `${e.code}@${e.cell}`)).toEqual(['doneWithoutDate@I3']);
  });
});

describe('Tổng hợp báo cáo', () => {
  async function tracker(): Promise<MemoryPort> {
    const port = new MemoryPort();
    await initNamed(port, { year: 2026, now });
    // Row 2 (due 31/03) done on time, row 3 (due 31/03) done late.
    port.setCell(SHEET.tracker, 'H2', 'Hoàn thành');
    port.setCell(SHEET.tracker, 'I2', serialFromIso('2026-03-20'));
    port.setCell(SHEET.tracker, 'J2', 'Quyết định kiện toàn số 12/QĐ-UBND');
    port.setCell(SHEET.tracker, 'H3', 'Hoàn thành');
    port.setCell(SHEET.tracker, 'I3', serialFromIso('2026-04-02'));
    return port;
  }

  it('writes Tổng hợp and the period’s report, activated, with counts that add up', async () => {
    const port = await tracker();
    const out = await compileReport(port, { asOf: '2026-06-05', now });
    expect(out.ok).toBe(true);
    expect(out.sheet).toBe('Báo cáo 6 tháng 2026');
    expect(port.activated).toBe('Báo cáo 6 tháng 2026');
    expect(port.reads).toBe(2);
    expect(port.applies).toBe(2);
    const t = out.content!.totals;
    expect(t.doneOnTime).toBe(1);
    expect(t.doneLate).toBe(1);
    expect(t.doneOnTime + t.doneLate + t.overdue + t.dueSoon + t.onTrack + t.ongoing + t.notYetInPeriod).toBe(
      t.tasks,
    );
    expect(t.tasks).toBe(47); // the plan's 48 of the half-year, less the task of writing this report
    const text = port
      .sheet(out.sheet!)!
      .values.flat()
      .filter((v) => typeof v === 'string')
      .join('\n');
    expect(text).toContain('Quyết định kiện toàn số 12/QĐ-UBND');
    expect(text).toContain('Long Điền A, ngày 05 tháng 6 năm 2026');
    expect(text).toContain('Kính gửi: Sở Nội vụ tỉnh An Giang.');
    expect(text).toContain('Trương Minh Sơn');
  });

  it('replaces its own unedited report, keeps an edited one and writes beside it', async () => {
    const port = await tracker();
    await compileReport(port, { asOf: '2026-06-05', now });
    await compileReport(port, { asOf: '2026-06-05', now });
    expect(port.sheets.filter((s) => s.name.startsWith('Báo cáo 6 tháng 2026'))).toHaveLength(1);
    port.setCell('Báo cáo 6 tháng 2026', 'A20', 'Bổ sung của văn phòng');
    const third = await compileReport(port, { asOf: '2026-06-05', now });
    expect(third.sheet).toBe('Báo cáo 6 tháng 2026 (2)');
    expect(port.sheet('Báo cáo 6 tháng 2026')!.values[19][0]).toBe('Bổ sung của văn phòng');
  });

  it('never touches a user sheet with the report’s name', async () => {
    const port = await tracker();
    port.addUserSheet('Báo cáo 6 tháng 2026', [['của tôi']]);
    const out = await compileReport(port, { asOf: '2026-06-05', now });
    expect(out.sheet).toBe('Báo cáo 6 tháng 2026 (2)');
    expect(port.sheet('Báo cáo 6 tháng 2026')!.values).toEqual([['của tôi']]);
  });

  it('stops with a message and writes nothing when the target is protected', async () => {
    const port = await tracker();
    await compileReport(port, { asOf: '2026-06-05', now });
    port.sheet(SHEET.summary)!.protected = true;
    const before = port.applies;
    const out = await compileReport(port, { asOf: '2026-06-05', now });
    expect(out).toMatchObject({ ok: false, sheet: SHEET.summary });
    expect(out.message).toContain('đang được khóa');
    expect(port.applies).toBe(before);
  });

  it('refuses a user sheet named "Tổng hợp"', async () => {
    const port = await tracker();
    port.addUserSheet(SHEET.summary);
    const out = await compileReport(port, { asOf: '2026-06-05', now });
    expect(out).toMatchObject({ ok: false, sheet: SHEET.summary });
  });

  it('says what to do when the tracker is missing', async () => {
    const out = await compileReport(new MemoryPort(), { asOf: '2026-06-05' });
    expect(out.ok).toBe(false);
    expect(out.message).toContain('Nhiệm vụ');
  });
});
