/** The Office adapter's small pure helpers: ranges, text detection, payload estimates. */
import fc from 'fast-check';
import {
  coverCells,
  parseRange,
  withoutSheet,
  MAX_ROWS,
  MAX_COLUMNS,
} from '../../src/workbook/office/ranges';
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
