/**
 * "Hồ sơ TTHC" in the domain: reading rows as the sheet's formulas read them, the checks between rows, and a
 * period's figures (carried over = first month's, flows = sums, pending = last month's; the often-late rule).
 */
import { SHEET, TTHC_HEADERS } from '../../src/i18n/vi';
import type { Grid, GridCell } from '../../src/domain/grid';
import { reportPeriod } from '../../src/domain/periods';
import { OTHER_KEY } from '../../src/domain/rollup';
import { readCountCell, readFieldCell, readMonthCell } from '../../src/domain/sheetRules';
import type { Task } from '../../src/domain/tracker';
import { checkTthc, reviewedMonth } from '../../src/domain/tthcCheck';
import {
  onTimeRate,
  readTthc,
  TTHC_COLUMN_KEYS,
  TTHC_FIELDS,
  tthcFormulaProblems,
  type TthcColumnKey,
  type TthcCountKey,
  type TthcRow,
} from '../../src/domain/tthc';
import {
  readKnownFields,
  tthcFieldsOf,
  tthcFigures,
  tthcCarryOver,
  tthcUnbalanced,
  tthcReportMonths,
} from '../../src/domain/tthcFigures';

const header = TTHC_COLUMN_KEYS.map((k) => TTHC_HEADERS[k]);
type Counts = Partial<Record<TthcCountKey, GridCell>>;

/** A row in the default column order: month, field, the counts given (others blank), a reason. */
function tthcSheetRow(
  month: GridCell,
  field: GridCell,
  counts: Counts = {},
  reason: GridCell = null,
): GridCell[] {
  return TTHC_COLUMN_KEYS.map((k: TthcColumnKey) =>
    k === 'month'
      ? month
      : k === 'field'
        ? field
        : k === 'lateReason'
          ? reason
          : ((counts as Record<string, GridCell>)[k] ?? null),
  );
}

/** A balanced row: received = carried + online + offline; all resolved on time but `late`, pending as given. */
function balanced(
  month: number,
  field: string,
  f: {
    carried?: number;
    online?: number;
    offline?: number;
    early?: number;
    late?: number;
    pOn?: number;
    pLate?: number;
  },
  reason: string | null = null,
): GridCell[] {
  const carried = f.carried ?? 0;
  const online = f.online ?? 0;
  const offline = f.offline ?? 0;
  const early = f.early ?? 0;
  const late = f.late ?? 0;
  const pOn = f.pOn ?? 0;
  const pLate = f.pLate ?? 0;
  const onTime = carried + online + offline - early - late - pOn - pLate;
  return tthcSheetRow(
    month,
    field,
    { carriedOver: carried, online, offline, early, onTime, late, pendingOnTime: pOn, pendingLate: pLate },
    reason,
  );
}

function tthcSheetGrid(rows: GridCell[][], formulas: (string | null)[][] = []): Grid {
  return { name: SHEET.tthc, values: [header, ...rows], formulas };
}

const tthcCodes = (g: Grid, tasks?: Task[]): string[] => {
  const read = readTthc(g, 2026);
  return [
    ...read.problems,
    ...checkTthc(read, SHEET.tthc, { year: 2026, knownFields: TTHC_FIELDS, tasks, statusColumn: 7 }),
  ].map((p) => `${p.severity}:${p.code}@${p.sheet === SHEET.tthc ? '' : `${p.sheet}!`}${p.cell}`);
};

describe('how a cell of Hồ sơ TTHC is read (the sheet’s formulas read it so)', () => {
  it.each<[GridCell, ReturnType<typeof readCountCell>]>([
    [null, { kind: 'blank' }],
    ['', { kind: 'blank' }],
    ['   ', { kind: 'blank' }],
    [0, { kind: 'count', value: 0 }],
    [12, { kind: 'count', value: 12 }],
    ['12', { kind: 'unreadable' }],
    [2.5, { kind: 'unreadable' }],
    [-1, { kind: 'unreadable' }],
    [1_000_000, { kind: 'count', value: 1_000_000 }],
    [1_000_001, { kind: 'unreadable' }], // a typo with extra zeros, not a month of a commune
    [true, { kind: 'unreadable' }],
    [{ error: '#N/A' }, { kind: 'unreadable' }],
    ['\u00a0', { kind: 'unreadable' }], // a no-break space is not TRIM's space
  ])('a count %j', (v, want) => {
    expect(readCountCell(v)).toEqual(want);
  });

  it('months are whole numbers 1–12; fields are text TRIM leaves something of', () => {
    expect([1, 12, 0, 13, 3.5, '3', null, true].map((v) => readMonthCell(v as GridCell))).toEqual([
      1,
      12,
      null,
      null,
      null,
      null,
      null,
      null,
    ]);
    expect(['Hộ tịch', '  ', '', 5, { error: '#REF!' }].map((v) => readFieldCell(v as GridCell))).toEqual([
      'Hộ tịch',
      null,
      null,
      null,
      null,
    ]);
  });
});

describe('reading the sheet', () => {
  it('counts a row with every cell readable, shows "Lỗi dữ liệu" on one with any cell unreadable, and takes a row with no count typed as no figures', () => {
    const read = readTthc(
      tthcSheetGrid([
        balanced(1, 'Hộ tịch', { online: 10 }),
        tthcSheetRow(1, 'Chứng thực', { online: '4' }),
        tthcSheetRow(2, 'Đất đai'),
        tthcSheetRow(2, 'Đất đai', { online: 2.5 }),
        tthcSheetRow(13, 'Tôn giáo', { online: 1, onTime: 1 }),
        tthcSheetRow(2, '  ', { online: 1, onTime: 1 }),
        [],
        tthcSheetRow(null, null, {}, 'ghi chú'),
      ]),
      2026,
    );
    expect(read.readable).toBe(true);
    expect(read.rows.map((r) => [r.row, r.state, r.unreadable])).toEqual([
      [2, 'counted', []],
      [3, 'dataError', ['online']],
      [4, 'empty', []],
      [5, 'dataError', ['online']],
      [6, 'dataError', ['month']],
      [7, 'dataError', ['field']],
      [9, 'empty', []],
    ]);
    expect(read.problems.map((p) => `${p.code}@${p.cell}`)).toEqual([
      'tthcCountAsText@D3',
      'tthcCountNotWhole@D5',
      'tthcMonthInvalid@A6',
      'tthcFieldMissing@B7',
    ]);
    // A number stored as text has a certain fix: the number.
    expect(read.problems[0].fix).toEqual({ value: 4, numberFormat: '0', was: '4', becomes: '4' });
  });

  it('finds the columns by their headers, in any order, and says which are missing', () => {
    const order = [...TTHC_COLUMN_KEYS].reverse();
    const g: Grid = {
      name: SHEET.tthc,
      values: [
        ['Sổ theo dõi hồ sơ'],
        order.map((k) => TTHC_HEADERS[k].toUpperCase()),
        order.map((k) =>
          k === 'month' ? 3 : k === 'field' ? 'Hộ tịch' : k === 'online' ? 5 : k === 'onTime' ? 5 : null,
        ),
      ],
      formulas: [],
    };
    const read = readTthc(g, 2026);
    expect(read.headerRow).toBe(1);
    expect(read.rows).toHaveLength(1);
    expect(read.rows[0]).toMatchObject({ row: 3, month: 3, field: 'Hộ tịch', state: 'counted' });
    const broken = readTthc(tthcSheetGrid([]), 2026);
    expect(broken.readable).toBe(true);
    const missing = readTthc(
      { name: SHEET.tthc, values: [header.filter((h) => h !== TTHC_HEADERS.late)], formulas: [] },
      2026,
    );
    expect(missing.readable).toBe(false);
    expect(missing.problems.map((p) => p.code)).toEqual(['tthcMissingColumn']);
    expect(missing.problems[0].message).toContain(`"${TTHC_HEADERS.late}"`);
    expect(readTthc(undefined).present).toBe(false);
  });

  it('flags a Tổng số hồ sơ typed over (an error: Tổng hợp counts what it shows) and a rate typed over (a warning)', () => {
    const values = [balanced(1, 'Hộ tịch', { online: 3 }), balanced(1, 'Chứng thực', { online: 3 })];
    const formulas = [
      header.map(() => null),
      header.map((_, c) => (c === 5 || c === 11 ? '=' : null)),
      header.map(() => null),
    ];
    const g = tthcSheetGrid(values, formulas);
    const problems = tthcFormulaProblems(g, readTthc(g, 2026));
    expect(problems.map((p) => `${p.severity}:${p.code}@${p.cell}`)).toEqual([
      'error:tthcTotalNotFormula@F3',
      'warning:tthcRateNotFormula@L3',
    ]);
  });

  it('reads the fields of Danh mục from the column headed Lĩnh vực', () => {
    const lists: Grid = {
      name: SHEET.lists,
      values: [
        ['Cơ quan', 'Trạng thái', null, null, null, 'Lĩnh vực'],
        ['A', 'x', null, null, null, 'Hộ tịch'],
        ['B', null, null, null, null, '  '],
        [null, null, null, null, null, 'Đất đai'],
      ],
      formulas: [],
    };
    expect(readKnownFields(lists)).toEqual(['Hộ tịch', 'Đất đai']);
    expect(readKnownFields({ ...lists, values: [['Cơ quan']] })).toBeNull();
  });
});

describe('the checks between rows', () => {
  it('finds nothing wrong in a balanced, carried-over half year', () => {
    const rows = [
      balanced(1, 'Hộ tịch', { online: 10, offline: 5, pOn: 2 }),
      balanced(2, 'Hộ tịch', { carried: 2, online: 8, pOn: 1 }),
      balanced(3, 'Hộ tịch', { carried: 1, online: 9 }),
    ];
    expect(tthcCodes(tthcSheetGrid(rows))).toEqual([]);
  });

  it('an unbalanced row is an error at its Tổng số hồ sơ', () => {
    const r = tthcSheetRow(1, 'Hộ tịch', { online: 10, onTime: 9 });
    expect(tthcCodes(tthcSheetGrid([r]))).toEqual(['error:tthcUnbalanced@F2']);
    const read = readTthc(tthcSheetGrid([r]), 2026);
    const [p] = checkTthc(read, SHEET.tthc, { year: 2026, knownFields: [] });
    expect(p.message).toContain('10');
    expect(p.message).toContain('9');
  });

  it('a month with only the carry-over typed is not yet reported: no balance error, no amber', () => {
    // A new year's January as cchc rollover writes it: December's pending, nothing else yet.
    const carried = tthcSheetRow(1, 'Hộ tịch', { carriedOver: 4 });
    expect(tthcCodes(tthcSheetGrid([carried]))).toEqual([]);
    const [read] = readTthc(tthcSheetGrid([carried]), 2026).rows;
    expect([read.state, read.flows, tthcUnbalanced(read)]).toEqual(['counted', false, false]);
    // Once a flow is typed, even a 0, the month is reported and must balance.
    const reported = tthcSheetRow(1, 'Hộ tịch', { carriedOver: 4, online: 0 });
    expect(tthcCodes(tthcSheetGrid([reported]))).toEqual(['error:tthcUnbalanced@F2']);
  });

  it('carried over must equal the previous month’s pending, field by field (a warning)', () => {
    const rows = [
      balanced(1, 'Hộ tịch', { online: 10, pOn: 2, pLate: 1 }, 'thiếu hồ sơ'),
      balanced(2, 'Hộ tịch', { carried: 2, online: 8 }), // should be 3
      balanced(2, 'Chứng thực', { carried: 1, online: 4 }), // January had no Chứng thực row: 0 expected
    ];
    expect(tthcCodes(tthcSheetGrid(rows))).toEqual(['warning:tthcCarryOver@C3', 'warning:tthcCarryOver@C4']);
  });

  it('pending at the end of a month with no row next month while that month has figures (a warning)', () => {
    const rows = [
      balanced(1, 'Đất đai', { online: 4, pOn: 2 }),
      balanced(1, 'Hộ tịch', { online: 4 }),
      balanced(2, 'Hộ tịch', { online: 4 }),
    ];
    expect(tthcCodes(tthcSheetGrid(rows))).toEqual(['warning:tthcCarryMissing@B2']);
  });

  it('never asks to add a row that is there: a count stored as text is named at its cell, with its row', () => {
    // The issue's case: April's Chứng thực row exists, "21" stored as text in it; April has other figures.
    const april = tthcSheetRow(4, 'Chứng thực', { carriedOver: 1, online: '21', offline: 10, onTime: 32 });
    const rows = [
      balanced(3, 'Chứng thực', { online: 9, pOn: 1 }),
      balanced(3, 'Hộ tịch', { online: 4 }),
      april,
      balanced(4, 'Hộ tịch', { online: 4 }),
      balanced(5, 'Chứng thực', { carried: 5, online: 4 }),
    ];
    const g = tthcSheetGrid(rows);
    expect(tthcCodes(g)).toEqual(['error:tthcCountAsText@D4']);
    const [p] = readTthc(g, 2026).problems;
    expect(p.message).toContain('ô D4');
    expect(p.message).toContain('tháng 4, lĩnh vực "Chứng thực"');
    expect(p.message).not.toMatch(/thêm dòng/);
    expect(p.fix).toEqual({ value: 21, numberFormat: '0', was: '21', becomes: '21' });
    // The same with the month stored as text too: the row is still there.
    const monthText = tthcSheetRow('4', 'Chứng thực', {
      carriedOver: 1,
      online: 21,
      offline: 10,
      onTime: 32,
    });
    expect(tthcCodes(tthcSheetGrid([rows[0], rows[1], monthText, rows[3]]))).toEqual([
      'error:tthcMonthAsText@A4',
    ]);
  });

  it('points at the row of next month when it is there with no figures yet, instead of asking to add one', () => {
    const rows = [
      balanced(3, 'Chứng thực', { online: 9, pOn: 2 }),
      balanced(3, 'Hộ tịch', { online: 4 }),
      tthcSheetRow(4, 'Chứng thực'),
      balanced(4, 'Hộ tịch', { online: 4 }),
    ];
    const g = tthcSheetGrid(rows);
    expect(tthcCodes(g)).toEqual(['warning:tthcCarryNotTyped@C4']);
    const read = readTthc(g, 2026);
    const [p] = checkTthc(read, SHEET.tthc, { year: 2026, knownFields: TTHC_FIELDS });
    expect(p.message).toContain('dòng 4');
    expect(p.message).not.toMatch(/thêm dòng/);
  });

  it('offers the number for a count stored as text in Vietnamese thousands, not for a decimal comma', () => {
    const g = tthcSheetGrid([tthcSheetRow(1, 'Hộ tịch', { online: '1.705', offline: '3,5', onTime: 1705 })]);
    const problems = readTthc(g, 2026).problems;
    expect(problems.map((p) => `${p.code}@${p.cell}`)).toEqual([
      'tthcCountAsText@D2',
      'tthcCountNotWhole@E2',
    ]);
    expect(problems[0].fix).toEqual({ value: 1705, numberFormat: '0', was: '1.705', becomes: '1705' });
  });

  it('the month before having no figures at all is not a carry-over to check (the sheet may start in any month)', () => {
    expect(tthcCodes(tthcSheetGrid([balanced(3, 'Hộ tịch', { carried: 5, online: 1 })]))).toEqual([]);
  });

  it('one row per month and field: the second is an error, in any spelling of the field', () => {
    const rows = [
      balanced(4, 'Hộ tịch', { online: 1 }),
      balanced(4, 'HỘ TỊCH', { online: 1 }),
      balanced(5, 'Hộ tịch', { online: 1 }),
    ];
    expect(tthcCodes(tthcSheetGrid(rows))).toEqual(['error:tthcDuplicateRow@A3']);
  });

  it('a field not on the list is a warning and counts under its own name; a variant spelling is an error with its fix', () => {
    const rows = [balanced(1, 'Xây dựng', { online: 1 }), balanced(1, 'Hộ  tịch', { online: 1 })];
    const read = readTthc(tthcSheetGrid(rows), 2026);
    const problems = checkTthc(read, SHEET.tthc, { year: 2026, knownFields: TTHC_FIELDS });
    expect(problems.map((p) => `${p.severity}:${p.code}@${p.cell}`)).toEqual([
      'warning:tthcUnknownField@B2',
      'error:tthcFieldSpelling@B3',
    ]);
    expect(problems[1].fix).toEqual({ value: 'Hộ tịch', was: 'Hộ  tịch', becomes: 'Hộ tịch' });
    const fields = tthcFieldsOf(read.rows, TTHC_FIELDS);
    expect(fields).toContain('Xây dựng');
    const f = tthcFigures(read.rows, { from: 1, to: 1 }, fields);
    expect(f.byField.find((b) => b.field === 'Xây dựng')!.figures.online).toBe(1);
    expect(f.byField.find((b) => b.key === OTHER_KEY)!.figures.online).toBe(1);
  });

  it('late or overdue dossiers with no reason written are a warning at the reason cell', () => {
    const rows = [
      balanced(1, 'Đất đai', { online: 5, late: 1 }),
      balanced(1, 'Hộ tịch', { online: 5, pLate: 1 }),
      balanced(1, 'Chứng thực', { online: 5, late: 1 }, 'Chờ xác minh'),
    ];
    expect(tthcCodes(tthcSheetGrid(rows))).toEqual([
      'warning:tthcLateWithoutReason@M2',
      'warning:tthcLateWithoutReason@M3',
    ]);
  });

  it('a monthly review done in Nhiệm vụ while its month has no figures is a warning at its status', () => {
    const review = (month: number, row: number, status: 'done' | 'inProgress'): Task =>
      ({
        row,
        task: `Họp định kỳ rà soát, đánh giá, rút kinh nghiệm, đề ra biện pháp khắc phục tình trạng trễ hạn trong giải quyết TTHC (tháng ${String(month).padStart(2, '0')}/2026)`,
        status,
        listed: true,
      }) as Task;
    const tasks = [review(1, 10, 'done'), review(2, 11, 'done'), review(3, 12, 'inProgress')];
    expect(tthcCodes(tthcSheetGrid([balanced(1, 'Hộ tịch', { online: 1 })]), tasks)).toEqual([
      `warning:tthcReviewWithoutFigures@${SHEET.tracker}!H11`,
    ]);
    expect(reviewedMonth(tasks[0], 2026)).toBe(1);
    expect(reviewedMonth(tasks[0], 2027)).toBeNull();
    expect(reviewedMonth({ task: 'Họp cuối năm rà soát (năm 2026)' }, 2026)).toBeNull();
  });
});

describe('a period’s figures', () => {
  const rows = (): TthcRow[] =>
    readTthc(
      tthcSheetGrid([
        balanced(
          1,
          'Hộ tịch',
          { carried: 4, online: 10, offline: 6, early: 3, pOn: 2, pLate: 1 },
          'thiếu giấy tờ',
        ),
        balanced(2, 'Hộ tịch', { carried: 3, online: 12, late: 2, pOn: 5 }, 'cán bộ nghỉ phép'),
        balanced(3, 'Hộ tịch', { carried: 5, online: 7, pOn: 1 }),
        balanced(2, 'Đất đai', { online: 3, late: 1, pLate: 2 }, 'chờ đo đạc'),
        balanced(5, 'Đất đai', { carried: 2, online: 1, late: 1 }, 'chờ xác minh nguồn gốc đất'),
        tthcSheetRow(2, 'Chứng thực', { online: '2' }),
      ]),
      2026,
    ).rows;

  it('carried over is the first month’s, the flows are sums, pending is the last month’s', () => {
    const f = tthcFigures(rows(), { from: 1, to: 3 }, ['Hộ tịch', 'Đất đai']);
    expect(f.months).toEqual([1, 2, 3]);
    const hoTich = f.byField[0].figures;
    expect(hoTich).toEqual({
      carriedOver: 4,
      online: 29,
      offline: 6,
      received: 39,
      early: 3,
      onTime: 14 + 8 + 11,
      late: 2,
      pendingOnTime: 1,
      pendingLate: 0,
    });
    // Đất đai has a row in February only: its carried over is January's (none: 0), its pending March's (none).
    expect(f.byField[1].figures).toMatchObject({ carriedOver: 0, online: 3, late: 1, pendingLate: 0 });
    expect(f.totals.online).toBe(32);
    expect(f.totals.received).toBe(f.totals.carriedOver + f.totals.online + f.totals.offline);
    expect(f.onTimeRate).toBeCloseTo((3 + 33) / (3 + 33 + 3));
    // The row with a number stored as text counts nowhere.
    expect(f.byField.find((b) => b.key === OTHER_KEY)!.figures.online).toBe(0);
  });

  it('first and last are the months of the window that have figures', () => {
    const f = tthcFigures(rows(), { from: 1, to: 6 }, ['Hộ tịch', 'Đất đai']);
    expect(f.months).toEqual([1, 2, 3, 5]);
    // Pending of May: Hộ tịch has no May tthcSheetRow (0), Đất đai's May row pends nothing.
    expect(f.totals.pendingOnTime).toBe(0);
    expect(f.totals.carriedOver).toBe(4);
    const q2 = tthcFigures(rows(), { from: 4, to: 6 }, ['Hộ tịch', 'Đất đai']);
    expect(q2.months).toEqual([5]);
    expect(q2.totals.carriedOver).toBe(2);
    const none = tthcFigures(rows(), { from: 7, to: 9 }, ['Hộ tịch']);
    expect(none.months).toEqual([]);
    expect(none.onTimeRate).toBeNull();
    expect(none.totals.received).toBe(0);
  });

  it('a field is often late when it resolved dossiers late in at least two months of the period', () => {
    const half = tthcFigures(rows(), tthcReportMonths(reportPeriod(2026, 2)), ['Hộ tịch', 'Đất đai']);
    expect(half.frequentLate.map((f) => [f.field, f.lateMonths])).toEqual([['Đất đai', [2, 5]]]);
    expect(half.frequentLate[0].reasons.map((r) => r.text)).toEqual([
      'chờ đo đạc',
      'chờ xác minh nguồn gốc đất',
    ]);
    const q1 = tthcFigures(rows(), tthcReportMonths(reportPeriod(2026, 1)), ['Hộ tịch', 'Đất đai']);
    expect(q1.frequentLate).toEqual([]);
    // Hộ tịch: late in February only (January's overdue is pending, not resolved late).
    expect(half.byField[0].lateMonths).toEqual([2]);
  });

  it('reports cover their cumulative months: Q2 is January to June', () => {
    expect(tthcReportMonths(reportPeriod(2026, 2))).toEqual({ from: 1, to: 6 });
    expect(tthcReportMonths(reportPeriod(2026, 4, 'decree09'))).toEqual({ from: 1, to: 12 });
  });

  it('the on-time rate: early and on time over resolved, null when nothing was resolved', () => {
    expect(onTimeRate({ early: 1, onTime: 2, late: 1 })).toBe(0.75);
    expect(onTimeRate({ early: 0, onTime: 0, late: 0 })).toBeNull();
  });
});

describe('January’s carry-over of a new year (issue 20, item 10)', () => {
  it('names the fields with figures before December but none in December: their carry-over is unknown', () => {
    const read = readTthc(
      tthcSheetGrid([
        balanced(11, 'Hộ tịch', { online: 4, pOn: 1 }),
        balanced(11, 'Đất đai', { online: 6, pOn: 3 }),
        balanced(12, 'Hộ tịch', { carried: 1, online: 2, pOn: 2 }),
      ]),
      2026,
    );
    const carry = tthcCarryOver(read, TTHC_FIELDS);
    expect(carry.known).toBe(true);
    expect(carry.pending).toEqual([{ field: 'Hộ tịch', count: 2 }]);
    expect(carry.decemberGap).toEqual(['Đất đai']);
  });

  it('names none when every field with figures has December’s', () => {
    const read = readTthc(
      tthcSheetGrid([balanced(11, 'Hộ tịch', { online: 4 }), balanced(12, 'HỘ TỊCH', { online: 2 })]),
      2026,
    );
    expect(tthcCarryOver(read, TTHC_FIELDS).decemberGap).toEqual([]);
  });
});
