import { nextReportDue, parsePeriodId, periodContaining, reportPeriod } from '../../src/domain/periods';
import { buildReport, issuerLines, placeDateLine } from '../../src/domain/report';
import { defaultSettings } from '../../src/domain/settings';
import type { Task } from '../../src/domain/tracker';

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
  const task = (row: number, over: Partial<Task>): Task => ({
    row,
    stt: String(row),
    section: 'II.1',
    task: `Nhiệm vụ ${row}`,
    lead: 'Công chức Văn phòng – Thống kê',
    coordinators: '',
    timeline: '',
    deadline: null,
    status: 'notStarted',
    statusText: 'Chưa thực hiện',
    completedOn: null,
    evidence: '',
    note: '',
    ...over,
  });

  it('counts by state at T, sets later tasks aside as Chưa đến kỳ, skips tasks due before the window', () => {
    const tasks = [
      task(2, { deadline: '2026-03-31', status: 'done', completedOn: '2026-03-01', evidence: 'QĐ số 5' }),
      task(3, { deadline: '2026-03-31', status: 'done', completedOn: '2026-06-10' }), // after T: not done at T
      task(4, { deadline: '2026-06-08' }),
      task(5, { deadline: '2026-09-30', section: 'II.9' }),
      task(6, {}),
      task(7, { deadline: '2025-10-01' }),
    ];
    const r = buildReport(tasks, defaultSettings(2026), reportPeriod(2026, 2), '2026-06-05');
    expect(r.totals).toEqual({
      tasks: 5,
      doneOnTime: 1,
      doneLate: 0,
      overdue: 1,
      dueSoon: 1,
      onTrack: 0,
      ongoing: 1,
      notYetInPeriod: 1,
    });
    expect(r.overdue.map((o) => [o.task.row, o.daysLate])).toEqual([[3, 66]]);
    expect(r.nextQuarter.map((n) => n.task.row)).toEqual([5]);
    expect(r.sections.find((s) => s.id === 'II.1')!.done.map((d) => d.task.evidence)).toEqual(['QĐ số 5']);
    expect(r.recipients).toEqual(['- Phòng Nội vụ;', '- BĐH, TGV BĐH CCHC xã;', '- Lưu: VT, TH.']);
  });

  it('writes the header lines and the dated place line as Nghị định 30 wants', () => {
    expect(issuerLines('UBND xã Long Điền A')).toEqual(['ỦY BAN NHÂN DÂN', 'XÃ LONG ĐIỀN A']);
    expect(placeDateLine('Long Điền A', '2026-06-05')).toBe('Long Điền A, ngày 05 tháng 06 năm 2026');
  });
});
