/** The Office adapter's small pure helpers: ranges, text detection, payload estimates. */
import fc from 'fast-check';
import { coverCells } from '../../src/workbook/office/ranges';
import {
  parseAreas,
  parseRange,
  withoutSheet,
  MAX_ROWS,
  MAX_COLUMNS,
  type RangeRef,
} from '../../src/domain/a1';
import { coalesceMerges, coalesceStyles } from '../../src/workbook/office/coalesce';
import { cellJsonBytes, rowJsonBytes, stringJsonBytes } from '../../src/workbook/office/syncBudget';
import { needsTextFormat } from '../../src/workbook/office/textFormat';

describe('ranges', () => {
  it('parses cells, ranges, whole columns and whole rows, with or without a sheet', () => {
    expect(parseRange("'Nhiệm vụ'!$B$2:C3")).toEqual({ start: { row: 1, col: 1 }, end: { row: 2, col: 2 } });
    expect(parseRange('A:C')).toEqual({ start: { row: 0, col: 0 }, end: { row: MAX_ROWS - 1, col: 2 } });
    expect(parseRange('2:4')).toEqual({ start: { row: 1, col: 0 }, end: { row: 3, col: MAX_COLUMNS - 1 } });
    expect(withoutSheet("'Tab!x'!A1:B2")).toBe('A1:B2');
    expect(withoutSheet('Sheet1!A1')).toBe('A1');
    expect(withoutSheet('A1')).toBe('A1');
  });

  it('splits a RangeAreas address into its areas, with or without spaces, quoted names and all', () => {
    const cell = (row: number, col: number): { row: number; col: number } => ({ row, col });
    expect(parseAreas('Sheet1!A1:B4, Sheet1!D1:D4')).toEqual([
      { start: cell(0, 0), end: cell(3, 1) },
      { start: cell(0, 3), end: cell(3, 3) },
    ]);
    expect(parseAreas("'Nhiệm vụ'!L2:L5001,'Nhiệm vụ'!$N$2")).toEqual([
      { start: cell(1, 11), end: cell(5000, 11) },
      { start: cell(1, 13), end: cell(1, 13) },
    ]);
    expect(parseAreas("'Kỳ 1, bản ''mới'''!C3,'Kỳ 1, bản ''mới'''!E5:F6")).toEqual([
      { start: cell(2, 2), end: cell(2, 2) },
      { start: cell(4, 4), end: cell(5, 5) },
    ]);
    expect(parseAreas('A1')).toEqual([{ start: cell(0, 0), end: cell(0, 0) }]);
    expect(parseAreas('Sheet1!L:L')).toEqual([{ start: cell(0, 11), end: cell(MAX_ROWS - 1, 11) }]);
    expect(parseAreas('')).toEqual([]);
  });

  it('covers exactly the given cells with rectangles', () => {
    fc.assert(
      fc.property(
        fc.uniqueArray(fc.tuple(fc.nat(12), fc.nat(6)), { maxLength: 40, selector: ([r, c]) => `${r},${c}` }),
        (pairs) => {
          const cells = pairs.map(([row, col]) => ({ row, col }));
          const covered = new Map<string, number>();
          for (const r of coverCells(cells)) {
            for (let row = r.start.row; row <= r.end.row; row++) {
              for (let col = r.start.col; col <= r.end.col; col++) {
                covered.set(`${row},${col}`, (covered.get(`${row},${col}`) ?? 0) + 1);
              }
            }
          }
          expect([...covered.keys()].sort()).toEqual(cells.map((c) => `${c.row},${c.col}`).sort());
          expect([...covered.values()].every((n) => n === 1)).toBe(true);
        },
      ),
    );
  });

  it('merges a column of cells into one rectangle', () => {
    const cells = Array.from({ length: 100 }, (_, i) => ({ row: i + 1, col: 11 }));
    expect(coverCells(cells)).toEqual([{ start: { row: 1, col: 11 }, end: { row: 100, col: 11 } }]);
  });
});

describe('needsTextFormat', () => {
  it.each([
    '=SUM(A1)',
    '+84',
    '-5',
    '- Tổ chức',
    '@xã',
    "'quoted",
    '007',
    '1,000',
    '12.5%',
    '05/06/2026',
    '1/2025',
    '2026-06-05',
    '8:30',
    '5-Jan',
    'TRUE',
    'false',
    '#N/A',
    '1 1/2',
  ])('protects %s', (s) => expect(needsTextFormat(s)).toBe(true));
  it.each(['', 'Quý II/2026', 'Văn phòng HĐND và UBND xã', 'Điều 5', 'Kế hoạch 12/KH-UBND', 'x = 1'])(
    'leaves %s alone',
    (s) => expect(needsTextFormat(s)).toBe(false),
  );
});

describe('payload estimates', () => {
  it('never underestimate the JSON bytes of a string, whatever its characters', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary' }), (s) => {
        expect(stringJsonBytes(s)).toBeGreaterThanOrEqual(Buffer.byteLength(JSON.stringify(s), 'utf8'));
      }),
    );
  });

  it('are exact for Vietnamese text and close for rows', () => {
    const s = 'Triển khai "cải cách" hành chính\n';
    expect(stringJsonBytes(s)).toBe(Buffer.byteLength(JSON.stringify(s), 'utf8'));
    const row = [1, 'Tổ chức', null, true, 46100.5];
    expect(rowJsonBytes(row)).toBeGreaterThanOrEqual(Buffer.byteLength(JSON.stringify(row), 'utf8'));
    expect(rowJsonBytes(row)).toBeLessThanOrEqual(Buffer.byteLength(JSON.stringify(row), 'utf8') + 8);
    expect(cellJsonBytes(null)).toBe(5);
  });
});

describe('coalescing merges and style runs', () => {
  const ref = (a: string): RangeRef => parseRange(a);

  it('turns one-row merges of the same columns in consecutive rows into one merge across', () => {
    const runs = coalesceMerges(['A1:I1', 'A2:I2', 'A3:I3', 'A5:I5', 'K1:L2', 'B7:C7', 'B8:C8']);
    expect(runs).toEqual(
      expect.arrayContaining([
        { range: ref('A1:I3'), across: true },
        { range: ref('A5:I5'), across: false },
        { range: ref('B7:C8'), across: true },
        { range: ref('K1:L2'), across: false },
      ]),
    );
    expect(runs).toHaveLength(4);
  });

  it('joins neighbouring runs of the same style (whatever the key order) into rectangles, never past another run', () => {
    const justify = { alignment: { horizontal: 'justify' as const, wrap: true } };
    const same = { alignment: { wrap: true, horizontal: 'justify' as const } };
    const bold = { font: { bold: true } };
    const out = coalesceStyles([
      { range: 'A1:I1', style: justify },
      { range: 'A2:I2', style: same },
      { range: 'A3:I3', style: bold },
      { range: 'A4:I4', style: justify },
      { range: 'J4:K4', style: justify },
      { range: 'A6:I6', style: justify },
    ]);
    expect(out).toEqual([
      { range: 'A1:I2', style: justify },
      { range: 'A3:I3', style: bold },
      { range: 'A4:K4', style: justify },
      { range: 'A6:I6', style: justify },
    ]);
  });

  it('leaves runs with borders and whole columns alone', () => {
    const boxed = { border: { top: 'thin' as const, bottom: 'medium' as const } };
    const runs = [
      { range: 'A1:C1', style: boxed },
      { range: 'A2:C2', style: boxed },
      { range: 'D:D', style: { numberFormat: '@' } },
      { range: 'E:E', style: { numberFormat: '@' } },
    ];
    expect(coalesceStyles(runs)).toEqual(runs);
  });
});
