/**
 * Random damage to the tracker grid ("Nhiệm vụ") for the fuzzer in trackerFuzz.test.ts: hostile cell
 * values, header edits, rows and columns inserted, deleted, duplicated and swapped, and the ordinary
 * progress a user records (status, completion date, evidence), applied in sequence to a copy of the grid
 * the add-in writes. Every mutation is plain data, so fast-check prints a failing case readably and shrinks it.
 */
import fc from 'fast-check';

import { HEADERS, STATUS_LABEL } from '../../src/i18n/vi';
import { BODIES } from '../../src/domain/bodies';
import { isoFromSerial, formatVnDate } from '../../src/domain/dates';
import type { GridCell } from '../../src/domain/grid';
import { COLUMN_KEYS, type ColumnKey } from '../../src/domain/tracker';
import { referenceKey } from '../support/referenceText';

export type Row = GridCell[];

/** 05/06/2026, the centre of the plausible dates. */
export const CENTRE_SERIAL = 46_178;

// ---------------------------------------------------------------------------------------------------------
// Cell values

const ERROR_VALUES = [
  '#N/A',
  '#REF!',
  '#VALUE!',
  '#DIV/0!',
  '#NAME?',
  '#NUM!',
  '#NULL!',
  '#SPILL!',
  '#CALC!',
  '#GETTING_DATA',
];

const errorArb: fc.Arbitrary<GridCell> = fc.constantFrom(...ERROR_VALUES).map((error) => ({ error }));

const numberArb: fc.Arbitrary<GridCell> = fc.oneof(
  fc.constantFrom(
    Number.NaN,
    Infinity,
    -Infinity,
    -0,
    0,
    1,
    59,
    60,
    61,
    -1,
    0.5,
    3e6,
    2_958_465,
    2_958_466,
    46_178.75,
    1e21,
    1e308,
    -1e308,
    Number.MAX_SAFE_INTEGER,
    Number.MIN_VALUE,
  ),
  fc.integer({ min: 45_658, max: 46_752 }), // 01/01/2025 … 31/12/2027
  fc.integer({ min: -10_000_000, max: 10_000_000 }),
  fc.double(),
);

const blankArb: fc.Arbitrary<GridCell> = fc.constantFrom(
  null,
  '',
  ' ',
  '   ',
  '\u00a0',
  '\t',
  '\n',
  '\r\n',
  '\u3000',
  ' \u00a0 ',
);

/**
 * Long text up to 32,000 characters (Excel holds 32,767 in a cell), built by repetition so it is cheap.
 * Runs of whitespace go up to 32,000 characters too (normalizeKey is linear in them).
 */
const hugeArb: fc.Arbitrary<string> = fc.oneof(
  fc
    .tuple(
      fc.constantFrom('a', 'ệ', 'e\u0301', '😀', 'Hoàn thành ', '=', '\u202e', 'Quá hạn; ', 'x\u00a0'),
      fc.integer({ min: 256, max: 32_000 }),
    )
    .map(([unit, n]) => unit.repeat(Math.ceil(n / unit.length)).slice(0, n)),
  fc
    .tuple(fc.constantFrom(' ', '\u00a0', '\t', '\n'), fc.integer({ min: 1, max: 32_000 }))
    .map(([unit, n]) => `x${unit.repeat(n)}x`),
);

const VIETNAMESE = [
  ...Object.values(HEADERS),
  ...Object.values(STATUS_LABEL),
  ...BODIES,
  'Kiện toàn Ban điều hành CCHC xã',
  'Đã ban hành Quyết định số 12/QĐ-UBND',
];

const loneSurrogateArb = fc.integer({ min: 0xd800, max: 0xdfff }).map((c) => String.fromCharCode(c));
const ODD_UNITS = [
  '\u0301', // combining acute
  '\u0323', // combining dot below
  '\u0303',
  '\u200b', // zero-width space
  '\u200c',
  '\u200d',
  '\u2060',
  '\ufeff',
  '\u202e', // right-to-left override
  '\u200f',
  '\u0000',
  '\ufffd',
  '\ufffe',
  'ا',
  'ש',
  '😀',
  '👩‍👩‍👧',
  '🇻🇳',
  '–',
  '—',
  '"',
  "'",
  ';',
];

const oddUnicodeArb: fc.Arbitrary<GridCell> = fc.oneof(
  fc.string({ unit: 'binary', maxLength: 20 }),
  fc.string({ unit: 'grapheme', maxLength: 10 }),
  fc.string({
    unit: fc.oneof(fc.constantFrom(...ODD_UNITS), loneSurrogateArb, fc.constantFrom('a', 'ệ', ' ')),
    maxLength: 12,
  }),
  fc.constantFrom(...VIETNAMESE).map((s) => s.normalize('NFD')),
  fc.constantFrom(...VIETNAMESE).map((s) => `\u200b${s}\u200f`),
  fc.constantFrom(
    'مرحبا بالعالم',
    'שלום',
    '\u202eabc\u202c',
    'Z̤͔ͧ̑̓ä͖̭̈̇',
    '\ud800',
    '\udfff',
    'a\ud800b',
    '\udc00\ud800',
  ),
);

/** Text Excel would take for a formula if typed (here it is data: the add-in writes and reads it as text). */
const formulaLikeArb: fc.Arbitrary<GridCell> = fc
  .tuple(
    fc.constantFrom('=', '+', '-', '@', ' =', '=='),
    fc.constantFrom(
      'SUM(A1:A3)',
      '1/0',
      'HYPERLINK("http://x","y")',
      "cmd|'/c calc'!A0",
      '84 912 345 678',
      '5',
      'x',
      '',
      'Hoàn thành',
    ),
  )
  .map(([p, s]) => p + s);

const dateTextArb: fc.Arbitrary<GridCell> = fc.oneof(
  fc.constantFrom(
    '05/06/2026',
    '5/6/2026',
    '5.6.2026',
    ' 5 - 6 - 2026 ',
    '2026-06-05',
    '2026-6-5',
    '31/02/2026',
    '29/02/2027',
    '29/02/2028',
    '29/02/1900',
    '1900-02-29',
    '00/00/0000',
    '0/0/0000',
    '99/99/9999',
    '31/12/9999',
    '01/01/0001',
    '05/06/26',
    '2026-13-01',
    '05/06/2026 08:00',
    '٠٥/٠٦/٢٠٢٦',
    '０５/０６/２０２６',
  ),
  fc.integer({ min: 45_000, max: 47_500 }).map((s) => formatVnDate(isoFromSerial(s) as string)),
);

const statusTextArb: fc.Arbitrary<string> = fc.oneof(
  { weight: 6, arbitrary: fc.constantFrom(...Object.values(STATUS_LABEL)) },
  {
    weight: 3,
    arbitrary: fc
      .tuple(
        fc.constantFrom(...Object.values(STATUS_LABEL)),
        fc.constantFrom('nfd', 'upper', 'lower', 'spaced', 'nbsp', 'zw'),
      )
      .map(([s, how]) =>
        how === 'nfd'
          ? s.normalize('NFD')
          : how === 'upper'
            ? s.toLocaleUpperCase('vi')
            : how === 'lower'
              ? s.toLocaleLowerCase('vi')
              : how === 'spaced'
                ? `  ${s.replace(/ /g, '   ')} `
                : how === 'nbsp'
                  ? s.replace(/ /g, '\u00a0')
                  : `${s}\u200b`,
      ),
  },
  {
    weight: 3,
    // As officers type them (none is a list value: the row is "Lỗi dữ liệu", the fix offers the value meant).
    arbitrary: fc.constantFrom(
      'Xong',
      'Hoàn thành.',
      'Đã hoàn thành',
      'Hoan thanh',
      'hoàn tất',
      'đã xong',
      'Đang làm',
      'dang thuc hien',
      'Chưa làm',
      'chua thuc hien',
      'Chưa hoàn thành',
      'Hoàn thành\u200b',
      'Chưa thực hie\u0302\u0323n',
      'Đang thư\u0323c hiê\u0323n',
      '',
    ),
  },
);

/** Words that are also what a broken program prints; as user data they must pass through untouched. */
const trapTextArb: fc.Arbitrary<GridCell> = fc.constantFrom(
  'undefined',
  'NaN',
  'null',
  '[object Object]',
  'Error: boom\n    at foo (file.js:1:2)',
  'Infinity',
  '__proto__',
  'constructor',
  'toString',
  'hasOwnProperty',
);

const valueArb: fc.Arbitrary<GridCell> = fc.oneof(
  { weight: 4, arbitrary: numberArb },
  { weight: 1, arbitrary: fc.boolean() },
  { weight: 2, arbitrary: errorArb },
  { weight: 3, arbitrary: blankArb },
  { weight: 1, arbitrary: hugeArb },
  { weight: 4, arbitrary: oddUnicodeArb },
  { weight: 2, arbitrary: formulaLikeArb },
  { weight: 3, arbitrary: dateTextArb },
  { weight: 2, arbitrary: statusTextArb },
  { weight: 1, arbitrary: trapTextArb },
  { weight: 2, arbitrary: fc.constantFrom(...VIETNAMESE) },
  { weight: 1, arbitrary: fc.string({ maxLength: 30 }) },
);

// ---------------------------------------------------------------------------------------------------------
// Mutations

type HeaderEdit =
  | { how: 'remove' | 'blank' | 'nfd' | 'upper' | 'spaced' | 'dashes' }
  | { how: 'rename'; to: ColumnKey }
  | { how: 'value'; value: GridCell };

export type Mutation =
  | { kind: 'set'; row: number; col: number; value: GridCell }
  | { kind: 'fillColumn'; col: number; value: GridCell; stride: number }
  | { kind: 'header'; col: number; edit: HeaderEdit }
  | {
      kind: 'insertRow';
      at: number;
      template: 'blank' | 'header' | 'copy' | 'title' | 'random';
      source: number;
      values: GridCell[];
    }
  | { kind: 'deleteRow'; at: number }
  | { kind: 'duplicateRow'; from: number; at: number }
  | { kind: 'swapColumns'; a: number; b: number }
  | { kind: 'insertColumn'; at: number; header: GridCell }
  | { kind: 'deleteColumn'; at: number }
  | { kind: 'raggedRow'; row: number; length: number }
  | {
      kind: 'progress';
      row: number;
      /** How many consecutive rows get the same progress. */
      count: number;
      status: string;
      /** Days from the anchor: the row's deadline, or a day well before the fuzzer's "today". */
      completed: number | 'blank' | 'asText';
      anchor: 'deadline' | 'past';
      evidence: GridCell;
    };

const index = fc.nat({ max: 200 });

const headerEditArb: fc.Arbitrary<HeaderEdit> = fc.oneof(
  fc.constantFrom<HeaderEdit>(
    { how: 'remove' },
    { how: 'blank' },
    { how: 'nfd' },
    { how: 'upper' },
    { how: 'spaced' },
    { how: 'dashes' },
  ),
  fc.constantFrom(...COLUMN_KEYS).map((to): HeaderEdit => ({ how: 'rename', to })),
  valueArb.map((value): HeaderEdit => ({ how: 'value', value })),
);

export const mutationArb: fc.Arbitrary<Mutation> = fc.oneof(
  {
    weight: 10,
    arbitrary: fc.record({ kind: fc.constant('set' as const), row: index, col: index, value: valueArb }),
  },
  {
    weight: 2,
    arbitrary: fc.record({
      kind: fc.constant('fillColumn' as const),
      col: index,
      value: valueArb,
      stride: fc.integer({ min: 1, max: 7 }),
    }),
  },
  {
    weight: 4,
    arbitrary: fc.record({ kind: fc.constant('header' as const), col: index, edit: headerEditArb }),
  },
  {
    weight: 3,
    arbitrary: fc.record({
      kind: fc.constant('insertRow' as const),
      at: index,
      template: fc.constantFrom(
        'blank' as const,
        'header' as const,
        'copy' as const,
        'title' as const,
        'random' as const,
      ),
      source: index,
      values: fc.array(valueArb, { maxLength: 14 }),
    }),
  },
  { weight: 3, arbitrary: fc.record({ kind: fc.constant('deleteRow' as const), at: index }) },
  { weight: 2, arbitrary: fc.record({ kind: fc.constant('duplicateRow' as const), from: index, at: index }) },
  { weight: 2, arbitrary: fc.record({ kind: fc.constant('swapColumns' as const), a: index, b: index }) },
  {
    weight: 1,
    arbitrary: fc.record({ kind: fc.constant('insertColumn' as const), at: index, header: valueArb }),
  },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant('deleteColumn' as const), at: index }) },
  {
    weight: 1,
    arbitrary: fc.record({
      kind: fc.constant('raggedRow' as const),
      row: index,
      length: fc.nat({ max: 14 }),
    }),
  },
  {
    weight: 10,
    arbitrary: fc.record({
      kind: fc.constant('progress' as const),
      row: index,
      count: fc.integer({ min: 1, max: 8 }),
      status: fc.oneof(
        { weight: 2, arbitrary: fc.constant(STATUS_LABEL.done) },
        { weight: 3, arbitrary: statusTextArb },
      ),
      completed: fc.oneof(
        { weight: 6, arbitrary: fc.integer({ min: -120, max: 120 }) },
        { weight: 1, arbitrary: fc.constant('blank' as const) },
        { weight: 1, arbitrary: fc.constant('asText' as const) },
      ),
      anchor: fc.constantFrom('deadline' as const, 'past' as const),
      evidence: fc.oneof(
        {
          weight: 4,
          arbitrary: fc.constantFrom('', 'Quyết định số 12/QĐ-UBND ngày 05/03/2026', 'Biên bản họp'),
        },
        { weight: 1, arbitrary: valueArb },
      ),
    }),
  },
);

// ---------------------------------------------------------------------------------------------------------
// Applying mutations

/** Like normalizeKey, but linear in the text's length (the mutator must stay cheap on hostile text). */
const headerKey = referenceKey;

const HEADER_KEYS = new Map<string, ColumnKey>(COLUMN_KEYS.map((k) => [headerKey(HEADERS[k]), k]));

/** Where the header row and the columns are now (the first row with the most header texts), to aim edits. */
export function locate(values: readonly Row[]): {
  headerRow: number;
  columns: Partial<Record<ColumnKey, number>>;
} {
  let best = { headerRow: 0, columns: {} as Partial<Record<ColumnKey, number>>, count: 0 };
  for (let r = 0; r < Math.min(values.length, 30); r++) {
    const columns: Partial<Record<ColumnKey, number>> = {};
    (values[r] ?? []).forEach((v, c) => {
      const k = typeof v === 'string' ? HEADER_KEYS.get(headerKey(v)) : undefined;
      if (k && columns[k] === undefined) columns[k] = c;
    });
    const count = Object.keys(columns).length;
    if (count > best.count) best = { headerRow: r, columns, count };
  }
  return { headerRow: best.headerRow, columns: best.columns };
}

const mod = (i: number, n: number): number => (n <= 0 ? 0 : i % n);

function width(values: readonly Row[]): number {
  return values.reduce((w, r) => Math.max(w, r.length), 0);
}

function setCell(values: Row[], row: number, col: number, v: GridCell): void {
  while (values.length <= row) values.push([]);
  const r = values[row];
  while (r.length <= col) r.push(null);
  r[col] = v;
}

function editHeader(text: GridCell, edit: HeaderEdit): GridCell {
  const s = typeof text === 'string' ? text : '';
  switch (edit.how) {
    case 'remove':
      return null;
    case 'blank':
      return ' ';
    case 'nfd':
      return s.normalize('NFD');
    case 'upper':
      return s.toLocaleUpperCase('vi');
    case 'spaced':
      return ` \u00a0${s.replace(/ /g, ' \u200b ')}\u00a0 `;
    case 'dashes':
      return s.replace(/ \/ /g, ' – ').replace(/ /g, '  ');
    case 'rename':
      return HEADERS[edit.to];
    case 'value':
      return edit.value;
  }
}

/** Applies `mutations` in order to a copy of `base`. */
export function applyMutations(
  base: readonly (readonly GridCell[])[],
  mutations: readonly Mutation[],
): Row[] {
  const values: Row[] = base.map((r) => [...r]);
  for (const m of mutations) {
    const w = Math.max(width(values), 1);
    switch (m.kind) {
      case 'set':
        setCell(values, mod(m.row, values.length + 2), mod(m.col, w + 2), m.value);
        break;
      case 'fillColumn': {
        const c = mod(m.col, w + 1);
        for (let r = 1; r < values.length; r += m.stride) setCell(values, r, c, m.value);
        break;
      }
      case 'header': {
        const { headerRow } = locate(values);
        const c = mod(m.col, w + 1);
        setCell(values, headerRow, c, editHeader(values[headerRow]?.[c] ?? null, m.edit));
        break;
      }
      case 'insertRow': {
        const at = mod(m.at, values.length + 1);
        const { headerRow } = locate(values);
        const row: Row =
          m.template === 'blank'
            ? []
            : m.template === 'header'
              ? [...(values[headerRow] ?? [])]
              : m.template === 'copy'
                ? [...(values[mod(m.source, values.length)] ?? [])]
                : m.template === 'title'
                  ? ['KẾ HOẠCH CẢI CÁCH HÀNH CHÍNH NĂM 2026 - Nội dung nhiệm vụ']
                  : [...m.values];
        values.splice(at, 0, row);
        break;
      }
      case 'deleteRow':
        if (values.length > 0) values.splice(mod(m.at, values.length), 1);
        break;
      case 'duplicateRow':
        if (values.length > 0)
          values.splice(mod(m.at, values.length + 1), 0, [...values[mod(m.from, values.length)]]);
        break;
      case 'swapColumns': {
        const [a, b] = [mod(m.a, w + 1), mod(m.b, w + 1)];
        for (const r of values) {
          const [va, vb] = [r[a] ?? null, r[b] ?? null];
          if (va !== null || vb !== null) {
            while (r.length <= Math.max(a, b)) r.push(null);
            [r[a], r[b]] = [vb, va];
          }
        }
        break;
      }
      case 'insertColumn': {
        const at = mod(m.at, w + 1);
        const { headerRow } = locate(values);
        values.forEach((r, i) => {
          if (r.length >= at) r.splice(at, 0, i === headerRow ? m.header : null);
        });
        break;
      }
      case 'deleteColumn': {
        const at = mod(m.at, w);
        for (const r of values) if (r.length > at) r.splice(at, 1);
        break;
      }
      case 'raggedRow': {
        const r = values[mod(m.row, values.length)];
        if (r) r.length = Math.min(r.length, m.length);
        break;
      }
      case 'progress': {
        const { headerRow, columns } = locate(values);
        const col = (k: ColumnKey): number => columns[k] ?? COLUMN_KEYS.indexOf(k);
        const dataRows = values.length - headerRow - 1;
        if (dataRows <= 0) break;
        const first = headerRow + 1 + mod(m.row, dataRows);
        for (let row = first; row < Math.min(first + m.count, values.length); row++) {
          setCell(values, row, col('status'), m.status);
          const deadline = values[row]?.[col('deadline')];
          const anchor =
            m.anchor === 'past'
              ? CENTRE_SERIAL - 400
              : typeof deadline === 'number' && Number.isFinite(deadline) && deadline > 0
                ? deadline
                : CENTRE_SERIAL;
          const completed: GridCell =
            m.completed === 'blank'
              ? null
              : m.completed === 'asText'
                ? formatVnDate(isoFromSerial(CENTRE_SERIAL - 10) as string)
                : Math.floor(anchor) + m.completed;
          setCell(values, row, col('completedOn'), completed);
          setCell(values, row, col('evidence'), m.evidence);
        }
        break;
      }
    }
  }
  return values;
}
