import { nextReportDue, parsePeriodId, periodContaining, reportPeriod } from '../../src/domain/periods';
import { buildReport, dateInWords, issuerLines, placeDateLine } from '../../src/domain/report';
import { defaultSettings, planSettings } from '../../src/domain/settings';
import { makeTask } from '../support/task';

describe('report periods', () => {
  it('are cumulative from 01/01 with the plan’s due dates', () => {
    const p = reportPeriod(2026, 2);
    expect(p).toMatchObject({
      id: '2026-Q2',
      from: '2026-01-01',
      to: '2026-06-30',
      quarterFrom: '2026-04-01',
      quarterTo: '2026-06-30',
      due: '2026-06-05',
      subject: '6 tháng đầu năm 2026',
      sheetName: 'Báo cáo 6 tháng 2026',
    });
    expect([1, 2, 3, 4].map((q) => reportPeriod(2026, q as 1).due)).toEqual([
      '2026-03-05',
      '2026-06-05',
      '2026-09-05',
      '2026-12-05',
    ]);
    expect(reportPeriod(2026, 4).subject).toBe('năm 2026');
  });

  it('follow Nghị định 09/2019 cut-offs when asked', () => {
    expect(reportPeriod(2026, 1, 'decree09')).toMatchObject({
      from: '2025-12-15',
      to: '2026-03-14',
      quarterFrom: '2025-12-15',
    });
    expect(reportPeriod(2026, 3, 'decree09')).toMatchObject({
      from: '2025-12-15',
      to: '2026-09-14',
      quarterFrom: '2026-06-15',
    });
    expect(periodContaining('2026-12-20', 'decree09').id).toBe('2027-Q1');
    expect(periodContaining('2026-03-14', 'decree09').id).toBe('2026-Q1');
    expect(periodContaining('2026-03-15', 'decree09').id).toBe('2026-Q2');
  });

  it('pick the quarter containing a date', () => {
    expect(periodContaining('2026-06-30').id).toBe('2026-Q2');
    expect(periodContaining('2026-07-01').id).toBe('2026-Q3');
  });

  it('parse "YYYY-Qn" strictly', () => {
    expect(parsePeriodId('2026-Q2')).toEqual({ year: 2026, quarter: 2 });
    expect(parsePeriodId('2026-Q5')).toBeNull();
    expect(parsePeriodId('Q2-2026')).toBeNull();
  });

  it('know the next report due', () => {
    expect(nextReportDue('2026-06-05').id).toBe('2026-Q2');
    expect(nextReportDue('2026-06-06').id).toBe('2026-Q3');
    expect(nextReportDue('2026-12-06').id).toBe('2027-Q1');
  });
});

describe('report content', () => {
  const task = makeTask;

  it('counts by state at T, sets later tasks aside as Chưa đến kỳ, counts work carried over from before the window', () => {
    const tasks = [
      task(2, { deadline: '2026-03-31', status: 'done', completedOn: '2026-03-01', evidence: 'QĐ số 5' }),
      task(3, { deadline: '2026-03-31', status: 'done', completedOn: '2026-06-10' }), // after T: not done at T
      task(4, { deadline: '2026-06-08' }),
      task(5, { deadline: '2026-09-30', section: 'II.9' }),
      task(6, {}),
      // Carried over from 2025 (cchc rollover), still not done: overdue in every report of 2026.
      task(7, { deadline: '2025-10-01' }),
      // Carried over and done in 2026, late.
      task(8, { deadline: '2025-12-10', section: 'II.2', status: 'done', completedOn: '2026-01-20' }),
    ];
    const r = buildReport({
      tasks,
      settings: planSettings(2026),
      period: reportPeriod(2026, 2),
      asOf: '2026-06-05',
    });
    expect(r.totals).toEqual({
      tasks: 7,
      doneOnTime: 1,
      doneLate: 1,
      overdue: 2,
      dueSoon: 1,
      onTrack: 0,
      ongoing: 1,
      dataError: 0,
      notYetInPeriod: 1,
      // Done on time with a deadline (row 2) over those come due or done (rows 2, 3, 7 and 8).
      rateOnTime: 1,
      rateDue: 4,
    });
    expect(r.rate).toBe(0.25);
    expect(r.overdue.map((o) => [o.task.row, o.daysLate])).toEqual([
      [7, 247],
      [3, 66],
    ]);
    // III: what is not done and falls due from the as-of day to the end of the next period (row 4 in June too).
    expect(r.nextQuarter.map((n) => n.task.row)).toEqual([4, 5]);
    expect(r.sections.find((s) => s.id === 'II.1')!.done.map((d) => d.task.evidence)).toEqual(['QĐ số 5']);
    // Kính gửi names the recipient, so Nơi nhận opens with "Như trên" and ends with the archive.
    expect(r.recipients).toEqual(['- Như trên;', '- BĐH, TGV BĐH CCHC xã;', '- Lưu: VT, TH.']);
    expect(r.recipient).toBe('Sở Nội vụ tỉnh An Giang');
    expect(r.signature).toEqual({
      lines: ['TM. ỦY BAN NHÂN DÂN', 'KT. CHỦ TỊCH', 'PHÓ CHỦ TỊCH'],
      name: 'Trương Minh Sơn',
    });
  });

  it('signs for the collective: the chairman, or a vice-chairman for the chairman', () => {
    const report = (signer: 'chairman' | 'viceChairman') =>
      buildReport({
        tasks: [],
        settings: { ...planSettings(2026), signer, signerName: 'Nguyễn Văn A' },
        period: reportPeriod(2026, 2),
        asOf: '2026-06-05',
      }).signature;
    expect(report('chairman')).toEqual({ lines: ['TM. ỦY BAN NHÂN DÂN', 'CHỦ TỊCH'], name: 'Nguyễn Văn A' });
    expect(report('viceChairman').lines).toEqual(['TM. ỦY BAN NHÂN DÂN', 'KT. CHỦ TỊCH', 'PHÓ CHỦ TỊCH']);
  });

  it('writes the header lines and the dated place line as Nghị định 30 wants', () => {
    expect(issuerLines('UBND xã Long Điền A')).toEqual(['ỦY BAN NHÂN DÂN', 'XÃ LONG ĐIỀN A']);
    // Days below 10 and months 1–2 take a leading zero; months 3–12 never do.
    expect(placeDateLine('Long Điền A', '2026-06-05')).toBe('Long Điền A, ngày 05 tháng 6 năm 2026');
    expect(dateInWords('2026-02-28')).toBe('ngày 28 tháng 02 năm 2026');
    expect(dateInWords('2026-01-09')).toBe('ngày 09 tháng 01 năm 2026');
    expect(dateInWords('2026-12-03')).toBe('ngày 03 tháng 12 năm 2026');
    expect(dateInWords('2026-03-15')).toBe('ngày 15 tháng 3 năm 2026');
    expect(dateInWords('2026-10-10')).toBe('ngày 10 tháng 10 năm 2026');
  });

  it('names the recipient of the tracker year: the province since 2026, the plan’s own before', () => {
    expect(defaultSettings(2026).recipient).toBe('Sở Nội vụ tỉnh An Giang');
    expect(defaultSettings(2030).recipient).toBe('Sở Nội vụ tỉnh An Giang');
    expect(defaultSettings(2025).recipient).toBe('Phòng Nội vụ');
    expect(defaultSettings(2023).recipient).toBe('Phòng Nội vụ');
  });
});
