/**
 * The report's content and words (issue 19): what the officer wrote reaches sections I, II and III, the dates
 * are true to themselves, not-started work is stated apart, and the document the renderers share holds no tool
 * note in the signed text.
 */
import { reportPeriod } from '../../src/domain/periods';
import { buildReport, type ReportInput } from '../../src/domain/report';
import { reportTthcWindow } from '../../src/domain/reportTthc';
import { blockText } from '../../src/domain/reportDocument';
import { buildReportDocument } from '../../src/domain/reportText';
import type { ResultsRead, WrittenResult } from '../../src/domain/results';
import { defaultSettings } from '../../src/domain/settings';
import type { Task } from '../../src/domain/tracker';
import { readTthc, TTHC_COLUMN_KEYS } from '../../src/domain/tthc';
import { REPORT_TEXT, SHEET, TTHC_HEADERS } from '../../src/i18n/vi';
import { makeTask } from '../support/task';

const input = (tasks: Task[], over: Partial<ReportInput> = {}): ReportInput => ({
  tasks,
  settings: defaultSettings(2026),
  period: reportPeriod(2026, 2),
  asOf: '2026-06-05',
  trackerSheet: SHEET.tracker,
  ...over,
});
const bodyText = (i: ReportInput): string =>
  buildReportDocument(buildReport(i)).body.map(blockText).join('\n');

const result = (over: Partial<WrittenResult>): WrittenResult => ({
  section: 'II.4',
  task: 'Tiếp công dân định kỳ',
  trackerRow: 5,
  order: 5,
  quarter: 1,
  text: 'Tiếp 15 lượt công dân',
  kind: 'result',
  cell: 'D5',
  ...over,
});
const results = (entries: WrittenResult[]): ResultsRead => ({
  present: true,
  readable: true,
  entries,
  problems: [],
});

describe('results per period in the report', () => {
  const standing = [
    makeTask(5, { section: 'II.4', task: 'Tiếp công dân định kỳ' }),
    makeTask(6, { section: 'II.4', task: 'Ứng dụng chữ ký số' }),
    makeTask(7, { section: 'II.5', task: 'Bố trí kinh phí CCHC' }),
  ];

  it('states a text written the same in consecutive quarters once, attributed to the quarters it covers', () => {
    const standingText = 'Duy trì tiếp công dân vào thứ Năm hằng tuần';
    const text = bodyText(
      input(standing, {
        period: reportPeriod(2026, 4),
        asOf: '2026-12-04',
        results: results([
          result({ quarter: 1, text: standingText }),
          result({ quarter: 2, text: ` ${standingText}  ` }),
          result({ quarter: 3, text: standingText }),
          result({ quarter: 4, text: 'Tiếp 12 lượt công dân' }),
          result({ order: 6, task: 'Ứng dụng chữ ký số', quarter: 1, text: 'Ký số 100%' }),
          result({ order: 6, task: 'Ứng dụng chữ ký số', quarter: 3, text: 'Ký số 100%' }),
        ]),
      }),
    );
    const lines = text.split('\n');
    expect(lines.filter((l) => l.includes(standingText))).toEqual([`+ Quý I, II và III: ${standingText}.`]);
    // The task named once, its quarters under it.
    const at = lines.indexOf('- Tiếp công dân định kỳ:');
    expect(lines.slice(at, at + 3)).toEqual([
      '- Tiếp công dân định kỳ:',
      `+ Quý I, II và III: ${standingText}.`,
      '+ Quý IV: Tiếp 12 lượt công dân.',
    ]);
    expect(lines.filter((l) => l.includes('Tiếp công dân định kỳ'))).toHaveLength(1);
    // Not consecutive (nothing written for quý II): each stated with its quarter.
    const sig = lines.indexOf('- Ứng dụng chữ ký số:');
    expect(lines.slice(sig, sig + 3)).toEqual([
      '- Ứng dụng chữ ký số:',
      '+ Quý I: Ký số 100%.',
      '+ Quý III: Ký số 100%.',
    ]);
  });

  it("states under each plan section what was written for the period's quarters, in the plan's order, attributed to its task", () => {
    const text = bodyText(
      input(standing, {
        results: results([
          result({ order: 6, task: 'Ứng dụng chữ ký số', text: '100% văn bản đi được ký số', quarter: 2 }),
          result({ quarter: 2, text: 'Tiếp 12 lượt công dân' }),
          result({}),
          result({ quarter: 3, text: 'không thuộc kỳ này' }),
          result({ quarter: 3, kind: 'planned', text: 'Tổ chức đối thoại với thanh niên' }),
        ]),
      }),
    );
    const lines = text.split('\n');
    const at = (s: string): number => lines.findIndex((l) => l.includes(s));
    expect(lines).toContain('- Tiếp công dân định kỳ:');
    expect(lines).toContain('+ Quý I: Tiếp 15 lượt công dân.');
    expect(lines).toContain('+ Quý II: Tiếp 12 lượt công dân.');
    expect(lines).toContain('- Ứng dụng chữ ký số (quý II): 100% văn bản đi được ký số.');
    expect(at('- Tiếp công dân định kỳ:')).toBeLessThan(at('+ Quý I: Tiếp 15'));
    expect(at('+ Quý I: Tiếp 15')).toBeLessThan(at('+ Quý II: Tiếp 12'));
    expect(at('+ Quý II: Tiếp 12')).toBeLessThan(at('Ứng dụng chữ ký số (quý II)'));
    expect(text).not.toContain('không thuộc kỳ này');
    // The section II.5 has standing tasks and nothing written: a marked place for the officer, no sentence.
    const doc = buildReportDocument(buildReport(input(standing, { results: results([result({})]) })));
    const placeholders = doc.body.filter((b) => b.kind === 'placeholder' && b.key === 'results');
    expect(placeholders).toHaveLength(1);
    // III names the work planned for the next quarter.
    expect(text).toContain(REPORT_TEXT.plannedIntro);
    expect(lines).toContain('- Tiếp công dân định kỳ: Tổ chức đối thoại với thanh niên.');
  });

  it("the year-end report's III names the work planned on the Quý IV rows (the next year's Quý I), and only that", () => {
    const text = bodyText(
      input(standing, {
        period: reportPeriod(2026, 4),
        asOf: '2026-12-04',
        results: results([
          result({
            quarter: 1,
            kind: 'planned',
            nextYear: true,
            text: 'Tổng kết công tác tiếp dân năm 2026',
          }),
          result({ quarter: 2, kind: 'planned', text: 'viết trên dòng quý I: không phải kỳ tới' }),
        ]),
      }),
    );
    expect(text).toContain('- Tiếp công dân định kỳ: Tổng kết công tác tiếp dân năm 2026.');
    expect(text).not.toContain('không phải kỳ tới');
    // The Quý I report looks for Quý II's work, never the next year's.
    const q1 = bodyText(
      input(standing, {
        period: reportPeriod(2026, 1),
        asOf: '2026-03-05',
        results: results([
          result({
            quarter: 1,
            kind: 'planned',
            nextYear: true,
            text: 'Tổng kết công tác tiếp dân năm 2026',
          }),
        ]),
      }),
    );
    expect(q1).not.toContain('Tổng kết công tác tiếp dân');
  });

  it('marks every section with standing tasks for the officer when no results sheet exists', () => {
    const doc = buildReportDocument(buildReport(input(standing)));
    expect(doc.body.filter((b) => b.kind === 'placeholder' && b.key === 'results')).toHaveLength(2);
  });
});

describe('reasons reach section II', () => {
  it('does not give the plan’s own Ghi chú, as init wrote it, as a reason', () => {
    const planNote = 'Kế hoạch không nêu quý; đặt hạn cuối Quý I cùng các kế hoạch năm.';
    const tasks = [
      makeTask(2, { task: 'Tham mưu đăng ký thi đua', deadline: '2026-03-31', note: planNote }),
      makeTask(3, {
        task: 'Việc quá hạn khác',
        deadline: '2026-03-31',
        note: `${planNote} Chờ ý kiến Đảng ủy.`,
      }),
    ];
    const text = bodyText(input(tasks));
    const ii = text.slice(text.indexOf(REPORT_TEXT.causes));
    expect(ii).not.toContain('- Tham mưu đăng ký thi đua:');
    // What the officer added to it is theirs: the whole cell is given.
    expect(ii).toContain('- Việc quá hạn khác: Kế hoạch không nêu quý');
  });

  it('puts the Ghi chú of late and overdue tasks, and each late TTHC month’s reason, under 2. Nguyên nhân', () => {
    const tasks = [
      makeTask(2, {
        task: 'Họp Ban chỉ đạo quý I',
        deadline: '2026-03-31',
        note: 'Họp chậm do trùng lịch tiếp xúc cử tri',
      }),
      makeTask(3, {
        task: 'Rà soát quy chế',
        deadline: '2026-03-15',
        status: 'done',
        completedOn: '2026-04-02',
        note: 'Chờ hướng dẫn mới của Sở Nội vụ.',
      }),
      makeTask(4, { task: 'Việc đúng hạn', deadline: '2026-09-30', note: 'ghi chú không nêu' }),
    ];
    const header = TTHC_COLUMN_KEYS.map((k) => TTHC_HEADERS[k]);
    const row = (month: number, late: number, reason: string | null) =>
      TTHC_COLUMN_KEYS.map((k) =>
        k === 'month'
          ? month
          : k === 'field'
            ? 'Đất đai'
            : k === 'online'
              ? 10
              : k === 'late'
                ? late
                : k === 'onTime'
                  ? 10 - late
                  : k === 'lateReason'
                    ? reason
                    : null,
      );
    const read = readTthc(
      {
        name: SHEET.tthc,
        values: [header, row(3, 2, 'Chờ kết quả đo đạc của Văn phòng đăng ký đất đai'), row(4, 0, null)],
        formulas: [],
      },
      2026,
    );
    const text = bodyText(input(tasks, { tthc: { read } }));
    const ii = text.slice(text.indexOf(REPORT_TEXT.causes));
    expect(ii).toContain('- Họp Ban chỉ đạo quý I: Họp chậm do trùng lịch tiếp xúc cử tri.');
    expect(ii).toContain('- Rà soát quy chế: Chờ hướng dẫn mới của Sở Nội vụ.');
    expect(ii).toContain('- Lĩnh vực Đất đai, tháng 3: Chờ kết quả đo đạc của Văn phòng đăng ký đất đai.');
    expect(text).not.toContain('ghi chú không nêu');
    expect(text).not.toContain(REPORT_TEXT.causesPlaceholder);
    expect(text).not.toMatch(/nguyên nhân: tháng/u);
    // Nothing typed: the placeholder for the officer.
    expect(bodyText(input([makeTask(2, { deadline: '2026-03-31' })]))).toContain(
      REPORT_TEXT.causesPlaceholder,
    );
  });
});

describe('dates true to themselves', () => {
  it('states the period as it stands: to the as-of day while open, to its last day once closed', () => {
    expect(bodyText(input([], { period: reportPeriod(2026, 1), asOf: '2026-03-04' }))).toContain(
      '(số liệu từ ngày 01/01/2026 đến ngày 04/03/2026)',
    );
    expect(bodyText(input([], { period: reportPeriod(2026, 1), asOf: '2026-03-31' }))).toContain(
      '(số liệu từ ngày 01/01/2026 đến ngày 31/03/2026)',
    );
    expect(bodyText(input([], { period: reportPeriod(2026, 1), asOf: '2026-04-03' }))).toContain(
      '(số liệu từ ngày 01/01/2026 đến ngày 31/03/2026, tính đến ngày 03/04/2026)',
    );
  });

  it('cuts the TTHC months at the as-of day, in both period modes', () => {
    expect(reportTthcWindow(reportPeriod(2026, 1), '2026-03-04')).toEqual({ from: 1, to: 3 });
    expect(reportTthcWindow(reportPeriod(2026, 2), '2026-05-20')).toEqual({ from: 1, to: 5 });
    expect(reportTthcWindow(reportPeriod(2026, 2), '2026-07-05')).toEqual({ from: 1, to: 6 });
    // NĐ 09/2019: a month runs from the 15th before to the 14th.
    expect(reportTthcWindow(reportPeriod(2026, 2, 'decree09'), '2026-06-14')).toEqual({ from: 1, to: 6 });
    expect(reportTthcWindow(reportPeriod(2026, 2, 'decree09'), '2026-05-20')).toEqual({ from: 1, to: 6 });
    expect(reportTthcWindow(reportPeriod(2026, 2, 'decree09'), '2026-05-10')).toEqual({ from: 1, to: 5 });
    expect(reportTthcWindow(reportPeriod(2026, 1, 'decree09'), '2025-12-20')).toEqual({ from: 1, to: 1 });
  });

  it('names the tasks due from the as-of day to the period’s end, and section III every task due to the end of the next period', () => {
    const tasks = [
      makeTask(2, { task: 'Khảo sát mức độ hài lòng', deadline: '2026-12-31', status: 'inProgress' }),
      makeTask(3, { task: 'Họp Ban chỉ đạo quý IV', deadline: '2026-12-20', status: 'notStarted' }),
    ];
    const text = bodyText(input(tasks, { period: reportPeriod(2026, 4), asOf: '2026-12-05' }));
    expect(text).toContain(
      '- Khảo sát mức độ hài lòng (chủ trì: Công chức Văn phòng – Thống kê; hạn 31/12/2026; đang thực hiện).',
    );
    expect(text).toContain(
      '- Họp Ban chỉ đạo quý IV (chủ trì: Công chức Văn phòng – Thống kê; hạn 20/12/2026; chưa thực hiện).',
    );
    const iii = text.slice(text.indexOf('III. PHƯƠNG HƯỚNG'));
    expect(iii).toContain(
      '- Khảo sát mức độ hài lòng (chủ trì: Công chức Văn phòng – Thống kê; hạn 31/12/2026).',
    );
    expect(iii).toContain(
      '- Họp Ban chỉ đạo quý IV (chủ trì: Công chức Văn phòng – Thống kê; hạn 20/12/2026).',
    );
  });
});

describe('the report being signed', () => {
  it('is not named as work for the next period in its own section III', () => {
    const tasks = [
      makeTask(2, {
        section: 'IV',
        task: 'Báo cáo kết quả thực hiện kế hoạch 9 tháng năm 2026',
        deadline: '2026-09-05',
        status: 'inProgress',
      }),
      makeTask(3, {
        section: 'IV',
        task: 'Báo cáo kết quả thực hiện kế hoạch năm 2026',
        deadline: '2026-12-05',
        status: 'notStarted',
      }),
    ];
    const text = bodyText(input(tasks, { period: reportPeriod(2026, 3), asOf: '2026-09-02' }));
    const iii = text.slice(text.indexOf('III. PHƯƠNG HƯỚNG'));
    expect(iii).not.toContain('Báo cáo kết quả thực hiện kế hoạch 9 tháng năm 2026');
    // The next report is work for the next period.
    expect(iii).toContain('Báo cáo kết quả thực hiện kế hoạch năm 2026');
  });
});

describe('words an officer would sign', () => {
  it('names a task done late, with its days late, where II.1 says it was named (mục I)', () => {
    const tasks = [
      makeTask(2, {
        task: 'Họp rà soát tháng 5',
        deadline: '2026-06-05',
        status: 'done',
        completedOn: '2026-06-12',
      }),
      makeTask(3, {
        task: 'Họp rà soát tháng 4',
        deadline: '2026-05-05',
        status: 'done',
        completedOn: '2026-05-05',
      }),
    ];
    const text = bodyText(input(tasks, { period: reportPeriod(2026, 2), asOf: '2026-06-20' }));
    expect(text).toContain('- Họp rà soát tháng 5 (hoàn thành ngày 12/06/2026, quá hạn 7 ngày).');
    expect(text).toContain('- Họp rà soát tháng 4 (hoàn thành ngày 05/05/2026).');
    expect(text).toContain('Có 1 nhiệm vụ hoàn thành nhưng quá hạn (đã nêu tại mục I).');
  });

  it('states not-started work apart from work in progress', () => {
    const tasks = [
      makeTask(2, { deadline: '2026-06-20', status: 'inProgress' }),
      makeTask(3, { deadline: '2026-06-25', status: 'notStarted' }),
      makeTask(4, { deadline: '2026-06-28', status: 'notStarted' }),
    ];
    expect(bodyText(input(tasks))).toContain(
      'Đến ngày 05/06/2026, chưa có nhiệm vụ nào đến hạn; 3 nhiệm vụ chưa đến hạn, trong đó 1 nhiệm vụ đang thực hiện, 2 nhiệm vụ chưa thực hiện.',
    );
    expect(bodyText(input(tasks.slice(1)))).toContain('2 nhiệm vụ chưa thực hiện, chưa đến hạn.');
  });

  it('says a period with nothing due so, and calls the on-time rate by its name', () => {
    const none = bodyText(input([makeTask(2, { deadline: '2026-06-30' })]));
    expect(none).toContain('chưa có nhiệm vụ nào đến hạn');
    expect(none).not.toMatch(/Tỷ lệ[^.]*0%/u);
    const some = bodyText(
      input([
        makeTask(2, { deadline: '2026-03-31', status: 'done', completedOn: '2026-03-30' }),
        makeTask(3, { deadline: '2026-03-31', status: 'done', completedOn: '2026-04-30' }),
      ]),
    );
    expect(some).toContain('đã hoàn thành 2/2 nhiệm vụ đến hạn (đúng hạn 1, quá hạn 1)');
    expect(some).toContain('Tỷ lệ hoàn thành đúng hạn đạt 50%');
    expect(some).not.toContain('Tỷ lệ hoàn thành đạt');
  });

  it('keeps tool notes out of the signed document and tells the officer apart', () => {
    const tasks = [
      makeTask(2, { deadline: '2026-03-01', unreadable: ['deadline'] }),
      makeTask(3, { deadline: '2026-03-01' }),
    ];
    const errors = [
      {
        severity: 'error' as const,
        code: 'notADate',
        sheet: SHEET.tracker,
        cell: 'G2',
        message: 'Không phải ngày.',
      },
    ];
    const doc = buildReportDocument(buildReport(input(tasks, { errors })));
    const text = doc.body.map(blockText).join('\n');
    expect(text).not.toMatch(/lỗi dữ liệu|chưa tổng hợp được/iu);
    expect(text).toContain('Trong kỳ có 1 nhiệm vụ có thời hạn.');
    expect(doc.officerNotes.map((n) => n.lines)).toEqual([['Dòng 2: Nhiệm vụ 2', '- G2: Không phải ngày.']]);
  });
});
