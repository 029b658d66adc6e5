import { reportPeriod } from '../../src/domain/periods';
import { buildReport } from '../../src/domain/report';
import { defaultSettings } from '../../src/domain/settings';
import type { Task } from '../../src/domain/tracker';
import { buildReportSheet, MAX_LISTED } from '../../src/sheets/reportSheet';

const task = (row: number, deadline: string): Task => ({
  row,
  stt: String(row),
  section: 'II.3',
  task: `Họp định kỳ số ${row}`,
  lead: 'Công chức Văn phòng – Thống kê',
  coordinators: '',
  timeline: '',
  deadline,
  status: 'notStarted',
  statusText: 'Chưa thực hiện',
  completedOn: null,
  evidence: '',
  note: '',
});

describe('the report sheet', () => {
  it('names at most 100 overdue tasks and sums up the rest', () => {
    const tasks = Array.from({ length: 250 }, (_, i) => task(i + 2, '2026-02-01'));
    const content = buildReport(tasks, defaultSettings(2026), reportPeriod(2026, 2), '2026-06-05');
    expect(content.overdue).toHaveLength(250);
    const text = buildReportSheet(content, 'Báo cáo 6 tháng 2026', 'UBND xã Long Điền A')
      .cells.flat()
      .filter((v): v is string => typeof v === 'string');
    expect(text.filter((t) => t.startsWith('- Họp định kỳ số'))).toHaveLength(MAX_LISTED.overdue);
    expect(text).toContain('- … và 150 nhiệm vụ khác (xem trang "Nhiệm vụ").');
  });

  it('prints on A4 portrait with Nghị định 30 margins, numbered from page 2', () => {
    const content = buildReport(
      [task(2, '2026-02-01')],
      defaultSettings(2026),
      reportPeriod(2026, 2),
      '2026-06-05',
    );
    const spec = buildReportSheet(content, 'Báo cáo 6 tháng 2026', 'UBND xã Long Điền A');
    expect(spec.page).toMatchObject({
      paper: 'A4',
      orientation: 'portrait',
      margins: { top: 20, bottom: 20, left: 30, right: 15 },
      fitToWidth: true,
      header: { center: '&P', differentFirstPage: true },
      firstPageNumber: 1,
    });
    expect(spec.page!.printArea).toMatch(/^A1:I\d+$/);
    expect(spec.defaultFont).toEqual({ name: 'Times New Roman', size: 13 });
    expect(spec.formulas ?? []).toEqual([]);
  });
});
