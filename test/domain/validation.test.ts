import { HEADERS, SHEET } from '../../src/i18n/vi';
import { BODIES } from '../../src/domain/bodies';
import type { Grid, GridCell } from '../../src/domain/grid';
import { COLUMN_KEYS, readTracker } from '../../src/domain/tracker';
import { checkTrackerGrid, type CheckContext } from '../../src/domain/validation';

const ctx: CheckContext = { today: '2026-06-05', year: 2026, knownLeads: [...BODIES] };
const header = COLUMN_KEYS.map((k) => HEADERS[k]);
const lead = BODIES[0];

/** A row in the default column order; serial 46174 = 01/06/2026. */
function row(over: Partial<Record<(typeof COLUMN_KEYS)[number], GridCell>> = {}): GridCell[] {
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
    expect(codes(grid([row()]))).toEqual([]);
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
    expect(codes(grid([row({ status: 'Xong' })]))).toEqual(['error:unknownStatus@H2']);
  });

  it('flags empty Nội dung and Cơ quan chủ trì', () => {
    expect(codes(grid([row({ task: '' }), row({ stt: 2, lead: '  ' })]))).toEqual([
      'error:emptyTask@C2',
      'error:emptyLead@D3',
    ]);
  });

  it('reads "5/6/2026" as 05/06/2026 with a warning, and refuses 31/02/2026 and words', () => {
    const g = grid([
      row({ deadline: '5/6/2026' }),
      row({ stt: 2, deadline: '31/02/2026' }),
      row({ stt: 3, deadline: 'cuối quý' }),
    ]);
    expect(codes(g)).toEqual(['error:impossibleDate@G3', 'error:notADate@G4', 'warning:dateAsText@G2']);
    expect(readTracker(g).tasks[0].deadline).toBe('2026-06-05');
  });

  it('flags Hoàn thành without Ngày hoàn thành', () => {
    expect(codes(grid([row({ status: 'Hoàn thành' })]))).toEqual(['error:doneWithoutDate@I2']);
  });

  it('flags Ngày hoàn thành in the future', () => {
    expect(codes(grid([row({ status: 'Hoàn thành', completedOn: 46179 })]))).toEqual([
      'error:completedInFuture@I2',
    ]);
  });

  it('accepts a completion today', () => {
    expect(codes(grid([row({ status: 'Hoàn thành', completedOn: 46178 })]))).toEqual([]);
  });

  it('warns about a deadline outside the tracker year ± 1', () => {
    expect(codes(grid([row({ deadline: 45000 }), row({ stt: 2, deadline: 46400 })]))).toEqual([
      'warning:deadlineOutOfYear@G2',
    ]);
  });

  it('flags a duplicate STT at its second occurrence', () => {
    const { result } = checkTrackerGrid(grid([row(), row({ stt: 1 })]), ctx);
    expect(result.errors.map((e) => `${e.code}@${e.cell}`)).toEqual(['duplicateStt@A3']);
    expect(result.errors[0].message).toContain('A2');
  });

  it('keeps errors and warnings apart', () => {
    const { result } = checkTrackerGrid(grid([row({ status: 'Xong', deadline: '5/6/2026' })]), ctx);
    expect(result.errors.map((e) => e.code)).toEqual(['unknownStatus']);
    expect(result.warnings.map((e) => e.code)).toEqual(['dateAsText']);
  });

  it('matches headers and statuses regardless of case, spaces and Unicode form (NFD)', () => {
    const head = header.map((h) => `  ${h.normalize('NFD').toUpperCase()} `);
    const g = grid([row({ status: ' hoàn THÀNH '.normalize('NFD'), completedOn: 46170 })], head);
    // Read as done; the warning says Excel's own formulas would not see it so.
    expect(codes(g)).toEqual(['warning:notNfc@H2']);
    expect(readTracker(g).tasks[0].status).toBe('done');
    expect(codes(grid([row({ status: ' hoàn THÀNH ', completedOn: 46170 })], head))).toEqual([]);
  });

  it('reads reordered columns and ignores extra user columns', () => {
    const order = [...COLUMN_KEYS].reverse();
    const head: GridCell[] = ['Cột riêng của tôi', ...order.map((k) => HEADERS[k])];
    const r = row({ status: 'Xong' });
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
      values: [['KẾ HOẠCH CCHC'], [], header, row(), [], row({ stt: 2 })],
      formulas: [],
    };
    const read = readTracker(g);
    expect(read.headerRow).toBe(2);
    expect(read.tasks.map((t) => t.row)).toEqual([4, 6]);
  });

  it('reports error values (#N/A) in a cell', () => {
    expect(codes(grid([row({ lead: { error: '#N/A' } })]))).toEqual([
      'error:errorValue@D2',
      'error:emptyLead@D2',
    ]);
  });

  it('warns when a lead is not on the Danh mục list', () => {
    expect(codes(grid([row({ lead: 'Phòng Văn hóa' })]))).toEqual(['warning:unknownLead@D2']);
  });

  it('warns when the Tình trạng hạn column was pasted as values', () => {
    const g = grid([row(), row({ stt: 2 })]);
    g.formulas = [
      [],
      Array(12)
        .fill(null)
        .map((_, c) => (c === 11 ? '=IF(1,1)' : null)),
      Array(12).fill(null),
    ];
    expect(codes(g)).toEqual(['warning:stateNotFormula@L3']);
  });

  it('names a missing Tình trạng hạn column (Tổng hợp counts by it)', () => {
    const head = header.filter((h) => h !== HEADERS.deadlineState);
    expect(codes(grid([row().slice(0, 11)], head))).toEqual(['error:missingColumn@A1']);
  });

  it('flags a formula saved without its result instead of reading it as blank', () => {
    const g = grid([row({ deadline: null })]);
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
        row({ task: '=SUM(A1:A3)' }),
        row({ stt: 2, task: '+84 912' }),
        row({ stt: 3, task: '-x' }),
        row({ stt: 4, task: '@me' }),
      ]),
    );
    expect(read.tasks.map((t) => t.task)).toEqual(['=SUM(A1:A3)', '+84 912', '-x', '@me']);
  });

  it('every message is Vietnamese and names its sheet and cell', () => {
    const { result } = checkTrackerGrid(
      grid([row({ status: 'Xong', task: '', deadline: '31/02/2026' })]),
      ctx,
    );
    for (const p of result.errors) {
      expect(p.message).toContain(`trang "${SHEET.tracker}"`);
      expect(p.message).toContain(p.cell);
    }
  });
});
