import fc from 'fast-check';

import { HEADERS, SHEET } from '../../src/i18n/vi';
import { tryParseA1Cell } from '../../src/domain/a1';
import { BODIES } from '../../src/domain/bodies';
import type { Grid, GridCell } from '../../src/domain/grid';
import { deadlineState } from '../../src/domain/deadline';
import { expandSchedule } from '../../src/domain/schedule';
import { COLUMN_KEYS, readTracker } from '../../src/domain/tracker';
import type { Problem } from '../../src/domain/problems';
import { checkTrackerGrid, type CheckContext, sortProblems } from '../../src/domain/validation';
import { fcParams } from '../support/fuzz';

const ctx: CheckContext = { today: '2026-06-05', year: 2026, knownLeads: [...BODIES] };
const header = COLUMN_KEYS.map((k) => HEADERS[k]);
const lead = BODIES[0];

/** A row in the default column order; serial 46174 = 01/06/2026. */
function trackerRow(over: Partial<Record<(typeof COLUMN_KEYS)[number], GridCell>> = {}): GridCell[] {
  const base: Record<string, GridCell> = {
    stt: 1,
    section: 'II.1',
    task: 'Kiện toàn Ban điều hành',
    lead,
    coordinators: '',
    timeline: 'Quý I/2023 và những năm tiếp theo',
    deadline: 46174,
    status: 'Đang thực hiện',
    completedOn: null,
    evidence: '',
    note: '',
    deadlineState: 'Quá hạn',
  };
  return COLUMN_KEYS.map((k) => (k in over ? (over[k] as GridCell) : base[k]));
}

function grid(rows: GridCell[][], head: GridCell[] = header): Grid {
  return { name: SHEET.tracker, values: [head, ...rows], formulas: [] };
}

const codes = (g: Grid): string[] => {
  const { result } = checkTrackerGrid(g, ctx);
  return [...result.errors, ...result.warnings].map((p) => `${p.severity}:${p.code}@${p.cell}`);
};

describe('Kiểm tra dữ liệu', () => {
  it('finds nothing wrong in a clean row', () => {
    expect(codes(grid([trackerRow()]))).toEqual([]);
  });

  it('names each missing required column once, at the header row', () => {
    const head = header.filter((h) => h !== HEADERS.status && h !== HEADERS.lead);
    const { result } = checkTrackerGrid(grid([], head), ctx);
    expect(result.errors.map((e) => e.code)).toEqual(['missingColumn', 'missingColumn']);
    expect(result.errors.map((e) => e.message).join(' ')).toContain('"Trạng thái"');
    expect(result.errors.map((e) => e.message).join(' ')).toContain('"Cơ quan chủ trì"');
    expect(result.errors[0].cell).toBe('A1');
  });

  it('flags an unknown Trạng thái', () => {
    expect(codes(grid([trackerRow({ status: 'Hoàn tất!' })]))).toEqual(['error:unknownStatus@H2']);
    expect(codes(grid([trackerRow({ status: 'Không rõ' })]))).toEqual(['error:unknownStatus@H2']);
  });

  it('flags empty Nội dung and Cơ quan chủ trì', () => {
    expect(codes(grid([trackerRow({ task: '' }), trackerRow({ stt: 2, lead: '  ' })]))).toEqual([
      'error:emptyTask@C2',
      'error:emptyLead@D3',
    ]);
  });

  it('reads a date typed as text as the sheet does (unreadable: Lỗi dữ liệu), offering the date as a fix', () => {
    const g = grid([
      trackerRow({ deadline: '5/6/2026' }),
      trackerRow({ stt: 2, deadline: '31/02/2026' }),
      trackerRow({ stt: 3, deadline: 'cuối quý' }),
      trackerRow({ stt: 4, deadline: '46178' }),
      trackerRow({ stt: 5, deadline: true }),
      trackerRow({ stt: 6, deadline: 12 }),
      trackerRow({ stt: 7, deadline: '   ' }),
    ]);
    expect(codes(g)).toEqual([
      'error:dateAsText@G2',
      'error:impossibleDate@G3',
      'error:notADate@G4',
      'error:numberAsText@G5',
      'error:notADate@G6',
      'error:impossibleDate@G7',
    ]);
    const { read, result } = checkTrackerGrid(g, ctx);
    expect(read.tasks.map((t) => [t.deadline, t.unreadable])).toEqual([
      [null, ['deadline']],
      [null, ['deadline']],
      [null, ['deadline']],
      [null, ['deadline']],
      [null, ['deadline']],
      [null, ['deadline']],
      [null, []], // spaces only: blank, as TRIM() sees it
    ]);
    expect(read.tasks.map((t) => deadlineState(t, ctx.today, 7))).toEqual([
      'dataError',
      'dataError',
      'dataError',
      'dataError',
      'dataError',
      'dataError',
      'ongoing',
    ]);
    // The fix is certain only for a real date typed as text and a plausible serial stored as text.
    expect(result.errors.map((e) => e.fix)).toEqual([
      { value: 46178, numberFormat: 'dd/mm/yyyy', was: '5/6/2026', becomes: '05/06/2026' },
      undefined,
      undefined,
      { value: 46178, numberFormat: 'dd/mm/yyyy', was: '46178', becomes: '05/06/2026' },
      undefined,
      undefined,
    ]);
  });

  it('reads a date with a time of day as that day', () => {
    const g = grid([trackerRow({ deadline: 46178.75, status: 'Hoàn thành', completedOn: 46170.2 })]);
    const t = readTracker(g).tasks[0];
    expect([t.deadline, t.completedOn, t.unreadable]).toEqual(['2026-06-05', '2026-05-28', []]);
    expect(codes(g)).toEqual([]);
  });

  it('flags Hoàn thành without Ngày hoàn thành', () => {
    expect(codes(grid([trackerRow({ status: 'Hoàn thành' })]))).toEqual(['error:doneWithoutDate@I2']);
  });

  it('flags Ngày hoàn thành in the future', () => {
    expect(codes(grid([trackerRow({ status: 'Hoàn thành', completedOn: 46179 })]))).toEqual([
      'error:completedInFuture@I2',
    ]);
  });

  it('accepts a completion today', () => {
    expect(codes(grid([trackerRow({ status: 'Hoàn thành', completedOn: 46178 })]))).toEqual([]);
  });

  it('warns about a deadline outside the tracker year ± 1', () => {
    expect(codes(grid([trackerRow({ deadline: 45000 }), trackerRow({ stt: 2, deadline: 46400 })]))).toEqual([
      'warning:deadlineOutOfYear@G2',
    ]);
  });

  it('flags a duplicate STT at its second occurrence', () => {
    const { result } = checkTrackerGrid(grid([trackerRow(), trackerRow({ stt: 1 })]), ctx);
    expect(result.errors.map((e) => `${e.code}@${e.cell}`)).toEqual(['duplicateStt@A3']);
    expect(result.errors[0].message).toContain('A2');
  });

  it('keeps errors and warnings apart', () => {
    const { result } = checkTrackerGrid(grid([trackerRow({ status: 'Xong', deadline: 45000 })]), ctx);
    expect(result.errors.map((e) => e.code)).toEqual(['unknownStatus']);
    expect(result.warnings.map((e) => e.code)).toEqual(['deadlineOutOfYear']);
  });

  it('matches headers regardless of case, spaces and Unicode form; reads Hoàn thành as its formula does', () => {
    const head = header.map((h) => `  ${h.normalize('NFD').toUpperCase()} `);
    const g = grid([trackerRow({ status: ' hoàn THÀNH '.normalize('NFD'), completedOn: 46170 })], head);
    // The formula lists the decomposed spellings and ignores case and ASCII spaces: done, with a tidy-up offered.
    expect(codes(g)).toEqual(['warning:statusSpelling@H2']);
    expect(checkTrackerGrid(g, ctx).result.warnings[0].fix).toEqual({
      value: 'Hoàn thành',
      was: ' hoàn THÀNH '.normalize('NFD'),
      becomes: 'Hoàn thành',
    });
    expect(readTracker(g).tasks[0].status).toBe('done');
    expect(codes(grid([trackerRow({ status: 'Hoàn thành', completedOn: 46170 })], head))).toEqual([]);
  });

  it('reads Hoàn thành with a no-break space or a tab as no list value, as the formula does: Lỗi dữ liệu', () => {
    for (const status of ['Hoàn thành\u00a0', 'Hoàn\tthành', '\u00a0Hoàn thành']) {
      const g = grid([trackerRow({ status, completedOn: 46170 })]);
      const { read, result } = checkTrackerGrid(g, ctx);
      expect(read.tasks[0].status).toBeNull();
      expect(read.tasks[0].unreadable).toEqual(['status']);
      expect(deadlineState(read.tasks[0], ctx.today, 7)).toBe('dataError');
      // One problem at the cell (no "date without Hoàn thành" besides), with the list's value as the fix.
      expect(result.errors.map((e) => `${e.code}@${e.cell}`)).toEqual(['unknownStatus@H2']);
      expect(result.errors[0].fix).toEqual({ value: 'Hoàn thành', was: status, becomes: 'Hoàn thành' });
    }
  });

  it('names the invisible difference instead of showing two words that look alike', () => {
    const message = (status: string): string =>
      checkTrackerGrid(grid([trackerRow({ status })]), ctx).result.errors[0].message;
    const nbsp = message('Hoàn thành\u00a0');
    expect(nbsp).toContain('khoảng trắng không ngắt');
    expect(nbsp.match(/Hoàn thành/g)).toHaveLength(1);
    expect(message('Đang thực\u200b hiện')).toContain('ký tự ẩn');
    expect(message('Hoàn\nthành')).toContain('xuống dòng');
    // Combining marks in an order no keyboard types: the same word on screen, another spelling in the cell.
    const odd = message('Chưa thực hie\u0302\u0323n');
    expect(odd).toContain('bảng mã tổ hợp');
    expect(odd.match(/Chưa thực hiện/g)).toHaveLength(1);
    // A cosmetic spelling the formula reads (decomposed accents): a warning naming what differs, the word once.
    const { warnings } = checkTrackerGrid(
      grid([trackerRow({ status: 'Đang thực hiện'.normalize('NFD') })]),
      ctx,
    ).result;
    expect(warnings.map((w) => w.code)).toEqual(['statusSpelling']);
    expect(warnings[0].message).toContain('bảng mã tổ hợp');
    expect(warnings[0].message.normalize('NFC').match(/Đang thực hiện/g)).toHaveLength(1);
  });

  it('makes a status outside the list a data error at its cell, offering the value it means', () => {
    const cases: [GridCell, string | null][] = [
      ['Đã hoàn thành', 'Hoàn thành'],
      ['hoàn thành.', 'Hoàn thành'],
      ['hoan thanh', 'Hoàn thành'],
      ['Xong', 'Hoàn thành'],
      ['đã xong', 'Hoàn thành'],
      ['Đang làm', 'Đang thực hiện'],
      ['dang thuc hien', 'Đang thực hiện'],
      ['Chưa làm', 'Chưa thực hiện'],
      ['chua thuc hien', 'Chưa thực hiện'],
      ['Chưa hoàn thành', null],
      ['Quá hạn', null],
      [5, null],
      [true, null],
    ];
    for (const [status, meant] of cases) {
      const { read, result } = checkTrackerGrid(grid([trackerRow({ status, completedOn: 46170 })]), ctx);
      const t = read.tasks[0];
      expect([status, t.status, deadlineState(t, ctx.today, 7)]).toEqual([status, null, 'dataError']);
      expect(result.errors.map((e) => `${e.code}@${e.cell}`)).toEqual(['unknownStatus@H2']);
      const [e] = result.errors;
      expect(e.message).toContain(`"${typeof status === 'boolean' ? 'TRUE' : String(status)}"`);
      expect(e.fix).toEqual(meant === null ? undefined : { value: meant, was: status, becomes: meant });
    }
  });

  it('flags a completion date without Hoàn thành, whatever the status (blank too)', () => {
    expect(codes(grid([trackerRow({ status: null, completedOn: 46170 })]))).toEqual([
      'error:dateWithoutDone@H2',
    ]);
    expect(codes(grid([trackerRow({ status: 'Đang thực hiện', completedOn: 46170 })]))).toEqual([
      'error:dateWithoutDone@H2',
    ]);
  });

  it('flags a completion date of another year (not: next January, or last year for a task due last year)', () => {
    // Due 05/12/2025, done 04/12/2025 on a 2026 tracker: the task belongs to 2025.
    expect(codes(grid([trackerRow({ deadline: 46000, status: 'Hoàn thành', completedOn: 45995 })]))).toEqual(
      [],
    );
    // Due in 2026, done in 2025: a typo of the year.
    expect(codes(grid([trackerRow({ status: 'Hoàn thành', completedOn: 45995 })]))).toEqual([
      'error:completedOutOfYear@I2',
    ]);
    // 01/01/2024, 15/01/2027 (allowed), 02/01/2028
    const g = grid([
      trackerRow({ status: 'Hoàn thành', completedOn: 45292 }),
      trackerRow({ stt: 2, status: 'Hoàn thành', completedOn: 46402 }),
      trackerRow({ stt: 3, status: 'Hoàn thành', completedOn: 46754 }),
    ]);
    expect(codes(g)).toEqual([
      'error:completedOutOfYear@I2',
      'error:completedInFuture@I3',
      'error:completedInFuture@I4',
    ]);
    const late = checkTrackerGrid(g, { ...ctx, today: '2028-02-01' }).result.errors;
    expect(late.map((e) => `${e.code}@${e.cell}`)).toEqual([
      'completedOutOfYear@I2',
      'completedOutOfYear@I4',
    ]);
  });

  it('flags a Mục that is not the plan’s, and a spelling of one that Tổng hợp would not match', () => {
    const { result } = checkTrackerGrid(
      grid([
        trackerRow({ section: 'VI' }),
        trackerRow({ stt: 2, section: 'II.1 ' }),
        trackerRow({ stt: 3, section: 'ii.1' }),
      ]),
      ctx,
    );
    expect(result.errors.map((e) => `${e.code}@${e.cell}`)).toEqual([
      'unknownSection@B2',
      'sectionSpelling@B3',
    ]);
    expect(result.errors[1].fix).toEqual({ value: 'II.1', was: 'II.1 ', becomes: 'II.1' });
  });

  it('flags a lead spelt differently from Danh mục (spaces, Unicode form), offering the list’s spelling', () => {
    const { result } = checkTrackerGrid(
      grid([
        trackerRow({ lead: `${lead} ` }),
        trackerRow({ stt: 2, lead: lead.normalize('NFD') }),
        trackerRow({ stt: 3, lead: lead.toUpperCase() }),
      ]),
      ctx,
    );
    expect(result.errors.map((e) => `${e.code}@${e.cell}`)).toEqual(['leadSpelling@D2', 'leadSpelling@D3']);
    expect(result.errors.map((e) => e.fix)).toEqual([
      { value: lead, was: `${lead} `, becomes: lead },
      { value: lead, was: lead.normalize('NFD'), becomes: lead },
    ]);
  });

  it('names how a Mục or lead differs where it looks like the list’s, showing the word once', () => {
    const { result } = checkTrackerGrid(
      grid([trackerRow({ section: 'II.1\u00a0' }), trackerRow({ stt: 2, lead: lead.normalize('NFD') })]),
      ctx,
    );
    const [section, nfd] = result.errors.map((e) => e.message.normalize('NFC'));
    expect(section).toContain('khoảng trắng không ngắt');
    expect(section.match(/II\.1/g)).toHaveLength(1);
    expect(nfd).toContain('bảng mã tổ hợp');
    expect(nfd.split(lead)).toHaveLength(2);
  });

  it('flags a plan task whose deadline was removed (it would count as Thường xuyên)', () => {
    const monthly = 'Họp định kỳ rà soát';
    const plan = expandSchedule(2026).find((t) => t.task.startsWith(monthly) && t.deadline !== null)!;
    const g = grid([
      trackerRow({ task: plan.task, deadline: null }),
      trackerRow({ stt: 2, task: 'Việc riêng', deadline: null }),
    ]);
    expect(codes(g)).toEqual(['error:recurringWithoutDeadline@G2']);
  });

  it('reads reordered columns and ignores extra user columns', () => {
    const order = [...COLUMN_KEYS].reverse();
    const head: GridCell[] = ['Cột riêng của tôi', ...order.map((k) => HEADERS[k])];
    const r = trackerRow({ status: 'Xong' });
    const values = ['ghi chú riêng', ...order.map((k) => r[COLUMN_KEYS.indexOf(k)])];
    const g = grid([values], head);
    const read = readTracker(g);
    expect(read.tasks[0].task).toBe('Kiện toàn Ban điều hành');
    expect(codes(g)).toEqual([
      `error:unknownStatus@${String.fromCharCode(65 + 1 + order.indexOf('status'))}2`,
    ]);
  });

  it('finds the header below a title row and skips blank rows', () => {
    const g: Grid = {
      name: SHEET.tracker,
      values: [['KẾ HOẠCH CCHC'], [], header, trackerRow(), [], trackerRow({ stt: 2 })],
      formulas: [],
    };
    const read = readTracker(g);
    expect(read.headerRow).toBe(2);
    expect(read.tasks.map((t) => t.row)).toEqual([4, 6]);
  });

  it('reports error values (#N/A) in a cell; in Nội dung, Trạng thái or a date the row shows Lỗi dữ liệu', () => {
    expect(codes(grid([trackerRow({ lead: { error: '#N/A' } })]))).toEqual(['error:errorValue@D2']);
    for (const key of ['task', 'status', 'deadline', 'completedOn'] as const) {
      const g = grid([trackerRow({ [key]: { error: '#REF!' } })]);
      const t = readTracker(g).tasks[0];
      expect({ key, unreadable: t.unreadable, listed: t.listed }).toEqual({
        key,
        unreadable: [key],
        listed: true,
      });
      expect(deadlineState(t, ctx.today, 7)).toBe('dataError');
    }
  });

  it('counts a row whose Nội dung is only a tab or a no-break space, as TRIM() does', () => {
    const read = readTracker(grid([trackerRow({ task: '\t' }), trackerRow({ stt: 2, task: '  ' })]));
    expect(read.tasks.map((t) => [t.row, t.listed])).toEqual([
      [2, true],
      [3, false],
    ]);
  });

  it('warns when a lead is not on the Danh mục list', () => {
    expect(codes(grid([trackerRow({ lead: 'Phòng Văn hóa' })]))).toEqual(['warning:unknownLead@D2']);
  });

  it('flags a Tình trạng hạn cell pasted as values (it shows what was typed, and Tổng hợp counts that)', () => {
    const g = grid([trackerRow(), trackerRow({ stt: 2 })]);
    g.formulas = [
      [],
      Array(12)
        .fill(null)
        .map((_, c) => (c === 11 ? '=IF(1,1)' : null)),
      Array(12).fill(null),
    ];
    expect(codes(g)).toEqual(['error:stateNotFormula@L3']);
  });

  it('names a missing Tình trạng hạn column (Tổng hợp counts by it)', () => {
    const head = header.filter((h) => h !== HEADERS.deadlineState);
    expect(codes(grid([trackerRow().slice(0, 11)], head))).toEqual(['error:missingColumn@A1']);
  });

  it('flags a formula saved without its result instead of reading it as blank', () => {
    const g = grid([trackerRow({ deadline: null })]);
    g.formulas = [
      [],
      Array(12)
        .fill(null)
        .map((_, c) => (c === 6 ? '=DATE(2026,6,30)' : c === 11 ? '=IF(1,1)' : null)),
    ];
    expect(codes(g)).toEqual(['error:formulaNotCalculated@G2']);
  });

  it('says where the header row is missing', () => {
    const { result } = checkTrackerGrid({ name: SHEET.tracker, values: [['a', 'b']], formulas: [] }, ctx);
    expect(result.errors.map((e) => `${e.code}@${e.cell}`)).toEqual(['headerNotFound@A1']);
  });

  it('keeps text beginning with = + - @ as that exact text', () => {
    const read = readTracker(
      grid([
        trackerRow({ task: '=SUM(A1:A3)' }),
        trackerRow({ stt: 2, task: '+84 912' }),
        trackerRow({ stt: 3, task: '-x' }),
        trackerRow({ stt: 4, task: '@me' }),
      ]),
    );
    expect(read.tasks.map((t) => t.task)).toEqual(['=SUM(A1:A3)', '+84 912', '-x', '@me']);
  });

  it('every message is Vietnamese and names its sheet and cell', () => {
    const { result } = checkTrackerGrid(
      grid([trackerRow({ status: 'Xong', task: '', deadline: '31/02/2026' })]),
      ctx,
    );
    for (const p of result.errors) {
      expect(p.message).toContain(`trang "${SHEET.tracker}"`);
      expect(p.message).toContain(p.cell);
    }
  });
});

describe('sortProblems', () => {
  // The order before each address was parsed once: the same comparator, parsing on every comparison.
  const oldOrder = (problems: Problem[]): Problem[] => {
    const key = (cell: string): [number, number] => {
      const at = tryParseA1Cell(cell);
      return at ? [at.row + 1, at.col + 1] : [0, 0];
    };
    return [...problems].sort((a, b) => {
      if (a.sheet !== b.sheet) return a.sheet < b.sheet ? -1 : 1;
      const [ra, ca] = key(a.cell);
      const [rb, cb] = key(b.cell);
      return ra - rb || ca - cb;
    });
  };
  const problemArb = fc.record({
    severity: fc.constantFrom('error' as const, 'warning' as const),
    code: fc.string({ maxLength: 3 }),
    sheet: fc.constantFrom(SHEET.tracker, 'Hồ sơ TTHC', 'B', 'b'),
    cell: fc.oneof(
      fc
        .tuple(fc.constantFrom('A', 'B', 'AA', 'XFD', '$C', 'a'), fc.integer({ min: 0, max: 40 }))
        .map(([c, r]) => `${c}${r}`),
      fc.constantFrom('', 'A1:B2', 'Z$3', '?'),
    ),
    message: fc.string({ maxLength: 4 }),
  });

  it('orders problems as the comparator that parsed each address on every comparison did', () => {
    fc.assert(
      fc.property(fc.array(problemArb, { maxLength: 60 }), (problems) => {
        const sorted = sortProblems(problems);
        expect(sorted).toEqual(oldOrder(problems));
        // The same objects, not copies.
        sorted.forEach((p, i) => expect(p).toBe(oldOrder(problems)[i]));
      }),
      fcParams('small'),
    );
  });
});
