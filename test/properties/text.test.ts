/**
 * Properties of the text keys (src/domain/text.ts) every header, status, lead and Mục is matched by.
 */
import fc from 'fast-check';

import { HEADERS, STATUS_LABEL } from '../../src/i18n/vi';
import { BODIES } from '../../src/domain/bodies';
import { SECTIONS } from '../../src/domain/plan';
import { cleanText, normalizeKey, sameText } from '../../src/domain/text';
import { parseStatus } from '../../src/domain/tracker';
import { fcParams } from '../support/fuzz';
import { referenceKey } from '../support/referenceText';

const LABELS = [
  ...Object.values(HEADERS),
  ...Object.values(STATUS_LABEL),
  ...BODIES,
  ...SECTIONS.map((s) => s.title),
];

/** A label as people type or paste it: another Unicode form, other case, other spacing, other dashes. */
const variantArb = fc
  .tuple(
    fc.constantFrom(...LABELS),
    fc.constantFrom('NFC', 'NFD'),
    fc.constantFrom('same', 'upper', 'lower'),
    fc.constantFrom('', ' ', '  ', '\u00a0', '\t', '\u200b'),
    fc.constantFrom('-', '–', '—', '−'),
  )
  .map(([label, form, letterCase, space, dash]) => {
    let s = label.replace(/[-–]/g, dash).replace(/ /g, space === '' ? ' ' : ` ${space}`);
    s =
      letterCase === 'upper'
        ? s.toLocaleUpperCase('vi')
        : letterCase === 'lower'
          ? s.toLocaleLowerCase('vi')
          : s;
    return { label, typed: `${space}${s.normalize(form)}${space}` };
  });

const anyText = fc.oneof(
  fc.string({ maxLength: 30 }),
  fc.string({ unit: 'binary', maxLength: 30 }),
  fc.string({ unit: 'grapheme', maxLength: 15 }),
);

describe('normalizeKey / sameText', () => {
  it('matches a label however it is typed (Unicode form, case, spaces, dashes)', () => {
    fc.assert(
      fc.property(variantArb, ({ label, typed }) => {
        expect(sameText(typed, label)).toBe(true);
      }),
      fcParams('small'),
    );
  });

  it('tells the labels apart: no two different labels share a key', () => {
    const keys = new Map<string, string>();
    for (const l of new Set(LABELS)) {
      const k = normalizeKey(l);
      expect([keys.get(k), l]).toEqual([undefined, l]);
      keys.set(k, l);
    }
  });

  it('reads the three statuses in any case, Unicode form and ASCII spacing, as the sheet’s formula does', () => {
    fc.assert(
      fc.property(
        fc.constantFrom(...(Object.keys(STATUS_LABEL) as (keyof typeof STATUS_LABEL)[])),
        fc.constantFrom('NFC', 'NFD'),
        fc.constantFrom('', ' ', '   '),
        (k, form, pad) => {
          expect(parseStatus(`${pad}${STATUS_LABEL[k].toLocaleUpperCase('vi').normalize(form)}${pad}`)).toBe(
            k,
          );
        },
      ),
      fcParams('longText'),
    );
  });

  it('reads no list value with a no-break space (Excel’s TRIM keeps it), as the formula does not', () => {
    for (const label of Object.values(STATUS_LABEL)) expect(parseStatus(`${label}\u00a0`)).toBeNull();
  });

  it('is an equivalence on arbitrary text: reflexive, symmetric, and the same as comparing keys; never throws', () => {
    fc.assert(
      fc.property(anyText, anyText, (a, b) => {
        expect(sameText(a, a)).toBe(true);
        expect(sameText(a, b)).toBe(sameText(b, a));
        expect(sameText(a, b)).toBe(normalizeKey(a) === normalizeKey(b));
        expect(sameText(a.normalize('NFD'), a.normalize('NFC'))).toBe(true);
      }),
      fcParams('small'),
    );
  });

  it('cleanText is idempotent, trimmed, NFC, with single spaces', () => {
    fc.assert(
      fc.property(anyText, (a) => {
        const c = cleanText(a);
        expect(cleanText(c)).toBe(c);
        expect(c).toBe(c.trim());
        expect(c).toBe(c.normalize('NFC'));
        expect(c).not.toMatch(/[\s\u00a0]{2}/);
      }),
      fcParams('small'),
    );
  });

  // normalizeKey and cleanText skip their replacements where they would change nothing; the result must be the
  // one the replacements give, on text full of the characters they replace.
  const spacedText = fc
    .array(
      fc.constantFrom(
        'a',
        'Ư',
        'e\u0301',
        ' ',
        '  ',
        '\u00a0',
        '\t',
        '\n',
        '\u200b',
        '-',
        '–',
        '\u2212',
        '\u3000',
      ),
      {
        maxLength: 12,
      },
    )
    .map((parts) => parts.join(''));
  it('gives what the replacements give, whether or not there is anything to replace', () => {
    const fullClean = (t: string): string =>
      t
        .normalize('NFC')
        .replace(/[\s\u00a0]+/g, ' ')
        .trim();
    fc.assert(
      fc.property(fc.oneof(spacedText, anyText), (t) => {
        expect(normalizeKey(t)).toBe(referenceKey(t));
        expect(cleanText(t)).toBe(fullClean(t));
      }),
      fcParams('small'),
    );
  });

  it('lowers case as the Vietnamese locale does (normalizeKey uses toLowerCase)', () => {
    fc.assert(
      fc.property(fc.oneof(anyText, fc.string({ unit: 'binary', maxLength: 200 })), (t) => {
        expect(t.toLowerCase()).toBe(t.toLocaleLowerCase('vi'));
      }),
      fcParams('small'),
    );
    // Every code point once, the letters of the locales that do have rules (İ, I, Σ) among them.
    const all = Array.from({ length: 0x30000 }, (_, i) => i)
      .filter((c) => c < 0xd800 || c > 0xdfff)
      .map((c) => String.fromCodePoint(c))
      .join('');
    expect(all.toLowerCase()).toBe(all.toLocaleLowerCase('vi'));
    expect('ΣΑΣ İI'.toLowerCase()).toBe('ΣΑΣ İI'.toLocaleLowerCase('vi'));
  });

  // normalizeKey collapses whitespace before spacing dashes, so a cell of 32,000 spaces (which Excel accepts)
  // is handled in linear time; the fuzzer (trackerFuzz.test.ts) feeds such cells through the whole check.
  // No wall-clock assertion here: tests never time things; `npm run bench` does.
  it('normalises a 32,000-space run around a dash', () => {
    expect(normalizeKey(`x${' '.repeat(32_000)}x`)).toBe('x x');
    expect(normalizeKey(`a${' '.repeat(32_000)}–${'\u00a0'.repeat(10)}B`)).toBe('a - b');
  });
});
