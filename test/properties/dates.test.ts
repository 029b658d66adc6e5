/**
 * Properties of src/domain/dates.ts: dd/mm/yyyy ⇄ Excel serial ⇄ ISO over every day Excel can hold
 * (01/03/1900 = serial 61 … 31/12/9999 = serial 2958465), day arithmetic, and the text parser's totality.
 */
import fc from 'fast-check';

import {
  addDays,
  daysBetween,
  formatVnDate,
  isIsoDate,
  isoFromSerial,
  parseDateText,
  serialFromIso,
} from '../../src/domain/dates';
import { fcParams } from '../support/fuzz';

const FIRST_SERIAL = 61; // 01/03/1900, the first day after Excel's phantom 29/02/1900
const LAST_SERIAL = 2_958_465; // 31/12/9999

// An oracle calendar written independently of the code under test.
const leap = (y: number): boolean => (y % 4 === 0 && y % 100 !== 0) || y % 400 === 0;
const monthLength = (y: number, m: number): number =>
  m === 2 ? (leap(y) ? 29 : 28) : [4, 6, 9, 11].includes(m) ? 30 : 31;
const pad = (n: number, w = 2): string => String(n).padStart(w, '0');
const iso = (y: number, m: number, d: number): string => `${pad(y, 4)}-${pad(m)}-${pad(d)}`;

/** A real day between the given years, built from year/month/day (not from the code under test). */
const ymdArb = (minYear: number, maxYear: number): fc.Arbitrary<{ y: number; m: number; d: number }> =>
  fc
    .record({
      y: fc.integer({ min: minYear, max: maxYear }),
      m: fc.integer({ min: 1, max: 12 }),
      d: fc.integer({ min: 1, max: 31 }),
    })
    .map(({ y, m, d }) => ({ y, m, d: Math.min(d, monthLength(y, m)) }));

/** Any day from 01/03/1900 to 31/12/9999, as ISO. */
const excelDayArb = ymdArb(1900, 9999)
  .filter(({ y, m }) => y > 1900 || m >= 3)
  .map(({ y, m, d }) => iso(y, m, d));

const serialArb = fc.integer({ min: FIRST_SERIAL, max: LAST_SERIAL });

/**
 * The day-by-day walk costs about 8 µs a day under Jest, so CI walks 1900–2200 (≈ 0.8 s) and leaves the
 * random properties below to cover the rest; FUZZ_EXHAUSTIVE=1 walks every day to 31/12/9999 (≈ 25 s).
 */
const WALK_TO_YEAR = process.env.FUZZ_EXHAUSTIVE ? 9999 : 2200;

describe('every day Excel can hold, exhaustively', () => {
  it(`walks 01/03/1900 … 31/12/${WALK_TO_YEAR} with an independent calendar: serial ⇄ ISO ⇄ dd/mm/yyyy`, () => {
    let [y, m, d] = [1900, 3, 1];
    let checked = 0;
    let serial = FIRST_SERIAL;
    for (; y <= WALK_TO_YEAR; serial++) {
      const expected = iso(y, m, d);
      const got = isoFromSerial(serial);
      const back = serialFromIso(expected);
      const shown = formatVnDate(expected);
      const parsed = parseDateText(shown);
      if (
        got !== expected ||
        back !== serial ||
        shown !== `${pad(d)}/${pad(m)}/${y}` ||
        !parsed.ok ||
        parsed.iso !== expected
      ) {
        // One readable failure rather than millions of expect() calls.
        throw new Error(
          `serial ${serial}: expected ${expected}, isoFromSerial=${got}, serialFromIso=${back}, formatVnDate=${shown}, parseDateText=${JSON.stringify(parsed)}`,
        );
      }
      checked++;
      if (++d > monthLength(y, m)) {
        d = 1;
        if (++m > 12) {
          m = 1;
          y++;
        }
      }
    }
    expect([y, m, d]).toEqual([WALK_TO_YEAR + 1, 1, 1]);
    expect(checked).toBe(serial - FIRST_SERIAL);
    if (WALK_TO_YEAR === 9999) expect(serial - 1).toBe(LAST_SERIAL);
  });
});

describe('serial ⇄ ISO ⇄ dd/mm/yyyy (random days)', () => {
  it('isoFromSerial gives a real ISO day that maps back to the serial', () => {
    fc.assert(
      fc.property(serialArb, (serial) => {
        const day = isoFromSerial(serial);
        expect(day).not.toBeNull();
        expect(isIsoDate(day as string)).toBe(true);
        expect(serialFromIso(day as string)).toBe(serial);
      }),
      fcParams('scalar'),
    );
  });

  it('isoFromSerial(serialFromIso(iso)) === iso for every day 01/03/1900 … 31/12/9999', () => {
    fc.assert(
      fc.property(excelDayArb, (day) => {
        const serial = serialFromIso(day);
        expect(serial).not.toBeNull();
        expect(serial).toBeGreaterThanOrEqual(FIRST_SERIAL);
        expect(serial).toBeLessThanOrEqual(LAST_SERIAL);
        expect(isoFromSerial(serial as number)).toBe(day);
      }),
      fcParams('scalar'),
    );
  });

  it('formatVnDate then parseDateText gives back the ISO day, however the user spaces and separates it', () => {
    const sep = fc.constantFrom('/', '-', '.');
    const space = fc.constantFrom('', ' ', '  ', '\u00a0', '\t');
    fc.assert(
      fc.property(
        excelDayArb,
        sep,
        sep,
        space,
        space,
        fc.boolean(),
        (day, s1, s2, around, inner, unpadded) => {
          const shown = formatVnDate(day);
          expect(shown).toMatch(/^\d{2}\/\d{2}\/\d{4}$/);
          expect(parseDateText(shown)).toEqual({ ok: true, iso: day });
          const [dd, mm, yyyy] = shown.split('/');
          const d = unpadded ? String(Number(dd)) : dd;
          const m = unpadded ? String(Number(mm)) : mm;
          const typed = `${around}${d}${inner}${s1}${inner}${m}${inner}${s2}${inner}${yyyy}${around}`;
          expect(parseDateText(typed)).toEqual({ ok: true, iso: day });
          expect(parseDateText(` ${day} `)).toEqual({ ok: true, iso: day });
        },
      ),
      fcParams('small'),
    );
  });

  it('dd/mm/yyyy round-trips for text dates before Excel’s range too (years 1000–1899)', () => {
    // Years 1–999 are left out on purpose: formatVnDate does not pad the year ("01/01/999"), which
    // parseDateText then refuses; no serial or plausible typed date names such a day.
    fc.assert(
      fc.property(ymdArb(1000, 1899), ({ y, m, d }) => {
        expect(parseDateText(formatVnDate(iso(y, m, d)))).toEqual({ ok: true, iso: iso(y, m, d) });
      }),
      fcParams('small'),
    );
  });

  it('Excel serials keep the day of a fractional serial (the time is dropped)', () => {
    fc.assert(
      fc.property(serialArb, fc.double({ min: 0, max: 0.999999, noNaN: true }), (serial, frac) => {
        expect(isoFromSerial(serial + frac)).toBe(isoFromSerial(serial));
      }),
      fcParams('small'),
    );
  });
});

describe('serials that name no day', () => {
  it('serial 60 (Excel’s 29/02/1900) is null; 1…59 are January and February 1900 and map back', () => {
    expect(isoFromSerial(60)).toBeNull();
    for (let s = 1; s <= 59; s++) {
      const day = isoFromSerial(s) as string;
      expect(day.slice(0, 7) === '1900-01' || day.slice(0, 7) === '1900-02').toBe(true);
      expect(serialFromIso(day)).toBe(s);
    }
    expect(isoFromSerial(59)).toBe('1900-02-28');
    expect(isoFromSerial(61)).toBe('1900-03-01');
  });

  it('serials ≤ 0, beyond 31/12/9999, and non-finite numbers are null, never a throw', () => {
    const bad = fc.oneof(
      fc.integer({ min: -10_000_000, max: 0 }),
      fc.integer({ min: LAST_SERIAL + 1, max: 1e9 }),
      fc.double({ min: -1e308, max: 0.999, noNaN: true }),
      fc.double({ min: LAST_SERIAL + 1, max: 1e308, noNaN: true }),
      fc.constantFrom(
        Number.NaN,
        Infinity,
        -Infinity,
        -1,
        0,
        3e6,
        -0,
        0.5,
        Number.MAX_VALUE,
        -Number.MAX_VALUE,
      ),
    );
    fc.assert(
      fc.property(bad, (serial) => {
        expect(isoFromSerial(serial)).toBeNull();
      }),
      fcParams('small'),
    );
  });

  it('dates before 01/01/1900 have no serial', () => {
    fc.assert(
      fc.property(ymdArb(1, 1899), ({ y, m, d }) => {
        expect(serialFromIso(iso(y, m, d))).toBeNull();
      }),
      fcParams('small'),
    );
  });
});

describe('day arithmetic', () => {
  const pairArb = fc.tuple(serialArb, fc.integer({ min: -LAST_SERIAL, max: LAST_SERIAL })).map(([s, k]) => {
    const t = Math.min(LAST_SERIAL, Math.max(FIRST_SERIAL, s + k));
    return { a: isoFromSerial(s) as string, b: isoFromSerial(t) as string, k: t - s };
  });

  it('addDays and daysBetween are inverse, and agree with serial differences', () => {
    fc.assert(
      fc.property(pairArb, ({ a, b, k }) => {
        expect(addDays(a, k)).toBe(b);
        expect(daysBetween(a, b)).toBe(k);
        expect(daysBetween(b, a)).toBe(0 - k + 0);
        expect(addDays(b, -k)).toBe(a);
        expect(addDays(a, daysBetween(a, b))).toBe(b);
        // ISO strings order as the days do.
        expect(Math.sign(k)).toBe(a < b ? 1 : a > b ? -1 : 0);
      }),
      fcParams('scalar'),
    );
  });

  it('addDays(iso, 1) is the next day of the independent calendar', () => {
    fc.assert(
      fc.property(
        excelDayArb.filter((day) => day !== '9999-12-31'),
        (day) => {
          const [y, m, d] = day.split('-').map(Number);
          const next =
            d < monthLength(y, m) ? iso(y, m, d + 1) : m < 12 ? iso(y, m + 1, 1) : iso(y + 1, 1, 1);
          expect(addDays(day, 1)).toBe(next);
          expect(addDays(next, -1)).toBe(day);
        },
      ),
      fcParams('small'),
    );
  });
});

describe('parseDateText is total', () => {
  const REASONS = ['notADate', 'impossible'];

  /** Whatever comes back is either a real ISO day (that re-parses to itself) or one of the two reasons. */
  const wellFormed = (text: string): void => {
    let r: ReturnType<typeof parseDateText> | undefined;
    expect(() => {
      r = parseDateText(text);
    }).not.toThrow();
    const result = r as ReturnType<typeof parseDateText>;
    if (result.ok) {
      expect(isIsoDate(result.iso)).toBe(true);
      expect(parseDateText(formatVnDate(result.iso))).toEqual({ ok: true, iso: result.iso });
    } else {
      expect(REASONS).toContain(result.reason);
      expect(Object.keys(result).sort()).toEqual(['ok', 'reason']);
    }
  };

  const loneSurrogate = fc.integer({ min: 0xd800, max: 0xdfff }).map((c) => String.fromCharCode(c));
  const oddUnit = fc.oneof(
    fc.constantFrom(
      '\u0301',
      '\u0303',
      '\u0323',
      '\u200b',
      '\u200d',
      '\ufeff',
      '\u202e',
      '\u200f',
      '\u00a0',
      '٣',
      '５',
      '/',
      '-',
      '.',
    ),
    loneSurrogate,
    fc.string({ unit: 'binary', minLength: 1, maxLength: 1 }),
  );

  it('never throws on arbitrary strings (UTF-16 units, code points, graphemes, lone surrogates)', () => {
    fc.assert(
      fc.property(
        fc.oneof(
          fc.string({ maxLength: 40 }),
          fc.string({ unit: 'binary', maxLength: 40 }),
          fc.string({ unit: 'grapheme', maxLength: 20 }),
          fc.string({ unit: fc.oneof(oddUnit, fc.constantFrom('0', '1', '2', '9', ' ')), maxLength: 30 }),
        ),
        wellFormed,
      ),
      fcParams('scalar'),
    );
  });

  it('reads date-shaped text exactly when the day is real (oracle on day, month, year)', () => {
    const num = (max: number): fc.Arbitrary<string> =>
      fc.tuple(fc.integer({ min: 0, max }), fc.boolean()).map(([n, padded]) => (padded ? pad(n) : String(n)));
    const sep = fc.constantFrom('/', '-', '.');
    fc.assert(
      fc.property(num(99), num(99), fc.integer({ min: 0, max: 9999 }), sep, sep, (dd, mm, yyyy, s1, s2) => {
        const [d, m, y] = [Number(dd), Number(mm), yyyy];
        const r = parseDateText(`${dd}${s1}${mm}${s2}${pad(y, 4)}`);
        const real = y >= 1 && m >= 1 && m <= 12 && d >= 1 && d <= monthLength(y, m);
        expect(r).toEqual(real ? { ok: true, iso: iso(y, m, d) } : { ok: false, reason: 'impossible' });
        // The same day typed as ISO with unpadded month/day.
        const r2 = parseDateText(`${pad(y, 4)}-${m}-${d}`);
        if (dd.length <= 2 && mm.length <= 2)
          expect(r2).toEqual(real ? { ok: true, iso: iso(y, m, d) } : { ok: false, reason: 'impossible' });
      }),
      fcParams('scalar'),
    );
  });

  it('refuses two-digit years and date-like text with extra characters', () => {
    fc.assert(
      fc.property(
        excelDayArb,
        oddUnit.filter((u) => !/^[\s/.-]$/.test(u) && u.trim() !== ''),
        fc.boolean(),
        (day, junk, before) => {
          const shown = formatVnDate(day);
          expect(parseDateText(shown.slice(0, 6) + shown.slice(8))).toEqual({
            ok: false,
            reason: 'notADate',
          });
          const typed = before ? junk + shown : shown + junk;
          // NFC may fold a combining mark into nothing here (digits do not compose), so only totality is asked of it.
          wellFormed(typed);
          if (!/[\u0300-\u036f]/.test(junk))
            expect(parseDateText(typed)).toEqual({ ok: false, reason: 'notADate' });
        },
      ),
      fcParams('small'),
    );
  });
});
