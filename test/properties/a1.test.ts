/**
 * Properties of the one address module (src/domain/a1.ts): every address it writes reads back as what was
 * written, over Excel's whole grid (columns A…XFD, rows 1…1,048,576), for cells, ranges, whole rows and
 * columns, absolute references and quoted sheet names.
 */
import fc from 'fast-check';

import {
  MAX_COLUMNS,
  MAX_ROWS,
  absoluteA1,
  colToLetters,
  formatCellAddress,
  formatColumns,
  formatRange,
  formatRows,
  lettersToCol,
  parseA1Cell,
  parseA1Range,
  parseAreas,
  parseCellAddress,
  parseRange,
  parseRows,
  qualify,
  quoteSheet,
  scanCellRef,
  splitSheet,
  toA1,
  tryParseA1Cell,
  toAbsolute,
  unquoteSheet,
  type RangeRef,
} from '../../src/domain/a1';
import { fcParams } from '../support/fuzz';

const colArb = fc.oneof(
  fc.integer({ min: 0, max: MAX_COLUMNS - 1 }),
  fc.constantFrom(0, 25, 26, 701, 702, MAX_COLUMNS - 1),
);
const rowArb = fc.oneof(fc.integer({ min: 0, max: MAX_ROWS - 1 }), fc.constantFrom(0, 9, MAX_ROWS - 1));
const cellArb = fc.record({ row: rowArb, col: colArb });
const rangeArb: fc.Arbitrary<RangeRef> = fc.tuple(cellArb, cellArb).map(([a, b]) => ({
  start: { row: Math.min(a.row, b.row), col: Math.min(a.col, b.col) },
  end: { row: Math.max(a.row, b.row), col: Math.max(a.col, b.col) },
}));

/** Sheet names as people write them: Vietnamese, spaces, apostrophes, "!" and commas (31 characters at most). */
const sheetNameArb = fc
  .array(
    fc.oneof(
      fc.constantFrom('Nhiệm vụ', 'Tổng hợp', 'Cài đặt', 'Hồ sơ TTHC', 'Kỳ 1', 'Q1 2025', 'Sheet1'),
      fc.constantFrom("'", "''", ' ', '!', ',', 'đ', 'Ư', 'ỹ', '(1)', 'A1', '$'),
    ),
    { minLength: 1, maxLength: 4 },
  )
  .map((parts) => parts.join('').slice(0, 31))
  .filter((s) => s.length > 0);

describe('A1 addresses: format then parse gives back what was formatted', () => {
  it('column letters, A…XFD', () => {
    fc.assert(
      fc.property(colArb, (col) => {
        const letters = colToLetters(col);
        expect(letters).toMatch(/^[A-Z]{1,3}$/);
        expect(lettersToCol(letters)).toBe(col);
        expect(lettersToCol(letters.toLowerCase())).toBe(col);
      }),
      fcParams('small'),
    );
    expect(colToLetters(MAX_COLUMNS - 1)).toBe('XFD');
    expect([colToLetters(0), colToLetters(25), colToLetters(26), colToLetters(701)]).toEqual([
      'A',
      'Z',
      'AA',
      'ZZ',
    ]);
    // Remembered letters are the same letters; past XFD they are still made, bad indexes still refused.
    expect(colToLetters(MAX_COLUMNS - 1)).toBe('XFD');
    expect(colToLetters(MAX_COLUMNS)).toBe('XFE');
    for (const bad of [-1, 1.5, Number.NaN]) expect(() => colToLetters(bad)).toThrow(RangeError);
  });

  it('cells, relative and absolute', () => {
    fc.assert(
      fc.property(cellArb, fc.boolean(), fc.boolean(), ({ row, col }, absoluteRow, absoluteCol) => {
        expect(parseA1Cell(toA1(row, col))).toEqual({ row, col });
        expect(parseA1Cell(absoluteA1(row, col))).toEqual({ row, col });
        const address = { row, col, absoluteRow, absoluteCol };
        expect(parseCellAddress(formatCellAddress(address))).toEqual(address);
        expect(toAbsolute(toA1(row, col))).toBe(absoluteA1(row, col));
        expect(scanCellRef(toA1(row, col))).toEqual({ row: row + 1, col: col + 1 });
      }),
      fcParams('small'),
    );
    expect(formatCellAddress({ row: 2, col: 1, absoluteRow: true, absoluteCol: false })).toBe('B$3');
  });

  it('ranges, relative and absolute, one cell or many', () => {
    fc.assert(
      fc.property(rangeArb, fc.boolean(), fc.boolean(), (range, absolute, pair) => {
        const text = formatRange(range, { absolute, pair });
        expect(parseA1Range(text)).toEqual(range);
        expect(parseRange(text)).toEqual(range);
        const single = range.start.row === range.end.row && range.start.col === range.end.col;
        expect(text.includes(':')).toBe(pair || !single);
      }),
      fcParams('small'),
    );
  });

  it('whole columns and whole rows', () => {
    fc.assert(
      fc.property(colArb, colArb, rowArb, rowArb, fc.boolean(), (c1, c2, r1, r2, absolute) => {
        const [first, last] = [Math.min(c1, c2), Math.max(c1, c2)];
        expect(parseRange(formatColumns(first, last, absolute))).toEqual({
          start: { row: 0, col: first },
          end: { row: MAX_ROWS - 1, col: last },
        });
        const [top, bottom] = [Math.min(r1, r2), Math.max(r1, r2)];
        const rows = formatRows(top, bottom, absolute);
        expect(parseRows(rows)).toEqual({ first: top, last: bottom });
        expect(parseRange(rows)).toEqual({
          start: { row: top, col: 0 },
          end: { row: bottom, col: MAX_COLUMNS - 1 },
        });
      }),
      fcParams('small'),
    );
    expect(formatRows(0, 0, true)).toBe('$1:$1');
  });

  it('quoted sheet names, quotes doubled, with Vietnamese, spaces, "!" and commas', () => {
    fc.assert(
      fc.property(sheetNameArb, rangeArb, fc.boolean(), (sheet, range, absolute) => {
        expect(unquoteSheet(quoteSheet(sheet))).toBe(sheet);
        const address = qualify(sheet, formatRange(range, { absolute }));
        expect(splitSheet(address)).toEqual({ sheet, ref: formatRange(range, { absolute }) });
        expect(parseA1Range(address)).toEqual(range);
        expect(parseAreas(`${address},${address}`)).toEqual([range, range]);
      }),
      fcParams('small'),
    );
    expect(quoteSheet("Bà's")).toBe("'Bà''s'");
    expect(splitSheet('A1')).toEqual({ sheet: undefined, ref: 'A1' });
  });

  it('refuses what is not an address', () => {
    for (const bad of ['', 'A', '1', 'A0', 'AAAA1', 'A1:B2:C3', 'A-1', '1A'])
      expect(() => parseA1Range(bad)).toThrow(RangeError);
    for (const bad of ['', 'A', '0', '1:0', 'A1']) expect(parseRows(bad)).toBeUndefined();
    expect(scanCellRef('XFE1')).toEqual({ col: MAX_COLUMNS + 1, row: 1 });
    expect(scanCellRef('1A')).toBeUndefined();
  });
});

describe('tryParseA1Cell', () => {
  const oldTry = (address: string): { row: number; col: number } | undefined => {
    try {
      return parseA1Cell(address);
    } catch {
      return undefined;
    }
  };
  /** Addresses and near-addresses: letters of any case, "$", digits, spaces, and what is neither. */
  const addressLike = fc
    .array(
      fc.constantFrom(
        '$',
        'A',
        'b',
        'Z',
        'x',
        'F',
        'D',
        '0',
        '1',
        '9',
        '5',
        ' ',
        '\t',
        '\u00a0',
        '@',
        '[',
        '`',
        '{',
        'Đ',
        ':',
        '-',
      ),
      { maxLength: 12 },
    )
    .map((parts) => parts.join(''));

  it('reads what parseA1Cell reads, and refuses what it refuses', () => {
    fc.assert(
      fc.property(
        fc.oneof(
          addressLike,
          cellArb.map(({ row, col }) => toA1(row, col)),
          fc.string(),
        ),
        (address) => {
          expect(tryParseA1Cell(address)).toEqual(oldTry(address));
        },
      ),
      fcParams('small'),
    );
    for (const address of [
      'A1',
      'xfd1048576',
      '$AB$12',
      'AAAA1',
      'A0',
      'A12345678',
      'A1234567',
      ' B3 ',
      '$$A1',
      'A$$1',
      '1A',
      '',
    ])
      expect([address, tryParseA1Cell(address)]).toEqual([address, oldTry(address)]);
  });
});
