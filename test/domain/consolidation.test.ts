/** The fold over the communes' reports: one file per commune (the newest), Vietnamese order, sums. */
import {
  byUnit,
  communeKey,
  displayUnitName,
  dropDuplicates,
  sumCounts,
  vietnamDay,
} from '../../src/domain/consolidation';
import { REPORT_STATES } from '../../src/domain/rollup';
import { commune, consolidation, counts } from '../support/communes';

describe('which commune a file is', () => {
  it('is the unit name whatever its case, spacing, Unicode form or spelling of UBND', () => {
    const key = communeKey('UBND xã Long Điền A');
    expect(communeKey('Ủy ban nhân dân xã Long Điền A')).toBe(key);
    expect(communeKey('  ubnd  XÃ long điền a ')).toBe(key);
    expect(communeKey('UBND xã Long Điền A'.normalize('NFD'))).toBe(key);
    expect(communeKey('UBND xã Long Điền B')).not.toBe(key);
  });
});

describe('a commune sent twice', () => {
  const a = (more = {}) => commune('UBND xã Kiến An', 'a/xa-kien-an.xlsx', counts(1, 2), more);
  const b = (more = {}) => commune('Ủy ban nhân dân xã Kiến An', 'b/xa-kien-an.xlsx', counts(2, 2), more);

  it('keeps the file compiled last, whatever the files’ times say', () => {
    const { kept, duplicates } = dropDuplicates([
      a({ compiledAt: '2026-09-05T02:00:00.000Z', fileTime: '2026-09-01T00:00:00.000Z' }),
      b({ compiledAt: '2026-09-04T02:00:00.000Z', fileTime: '2026-09-09T00:00:00.000Z' }),
    ]);
    expect(kept.map((c) => c.file)).toEqual(['a/xa-kien-an.xlsx']);
    expect(duplicates).toEqual([
      {
        unit: 'UBND xã Kiến An',
        kept: 'a/xa-kien-an.xlsx',
        dropped: [{ file: 'b/xa-kien-an.xlsx', decidedBy: 'compiledAt' }],
      },
    ]);
  });

  it('falls back to the files’ times when one has never compiled a report, or both at once', () => {
    for (const [ca, cb] of [
      [null, '2026-09-04T02:00:00.000Z'],
      ['2026-09-04T02:00:00.000Z', '2026-09-04T02:00:00.000Z'],
    ]) {
      const { kept, duplicates } = dropDuplicates([
        a({ compiledAt: ca, fileTime: '2026-09-08T00:00:00.000Z' }),
        b({ compiledAt: cb, fileTime: '2026-09-07T00:00:00.000Z' }),
      ]);
      expect(kept.map((c) => c.file)).toEqual(['a/xa-kien-an.xlsx']);
      expect(duplicates[0].dropped).toEqual([{ file: 'b/xa-kien-an.xlsx', decidedBy: 'fileTime' }]);
    }
  });

  it('keeps the last by name when nothing tells them apart, the same in any order', () => {
    for (const list of [
      [a(), b()],
      [b(), a()],
    ]) {
      const { kept, duplicates } = dropDuplicates(list);
      expect(kept.map((c) => c.file)).toEqual(['b/xa-kien-an.xlsx']);
      expect(duplicates[0].dropped).toEqual([{ file: 'a/xa-kien-an.xlsx', decidedBy: 'name' }]);
    }
  });

  it('keeps one of three and lists the two others', () => {
    const c = commune('UBND xã Kiến An', 'c.xlsx', counts(0, 2), { compiledAt: '2026-09-06T00:00:00Z' });
    const { kept, duplicates } = dropDuplicates([
      a({ compiledAt: '2026-09-05T00:00:00Z' }),
      c,
      b({ compiledAt: '2026-09-01T00:00:00Z' }),
    ]);
    expect(kept.map((x) => x.file)).toEqual(['c.xlsx']);
    expect(duplicates[0].dropped.map((d) => d.file)).toEqual(['a/xa-kien-an.xlsx', 'b/xa-kien-an.xlsx']);
  });
});

describe('the table', () => {
  it('is in Vietnamese alphabetical order (Đ after D, tones after the bare letter, numbers by value)', () => {
    const names = [
      'UBND xã Đông Hòa',
      'UBND xã Dương',
      'UBND xã An Phú',
      'UBND xã Ấp 10',
      'UBND xã Ấp 9',
      'UBND xã Bình',
    ];
    const sorted = names
      .map((unit) => ({ unit, file: unit }))
      .sort(byUnit)
      .map((x) => x.unit);
    expect(sorted).toEqual([
      'UBND xã An Phú',
      'UBND xã Ấp 9',
      'UBND xã Ấp 10',
      'UBND xã Bình',
      'UBND xã Dương',
      'UBND xã Đông Hòa',
    ]);
  });

  it('totals every key of the communes’ counts and rates the sum, not the mean of rates', () => {
    const list = [
      commune('UBND xã A', 'a.xlsx', counts(1, 1, { doneLate: 2, dueSoon: 1, dataError: 1 })),
      commune('UBND xã B', 'b.xlsx', counts(1, 9, { onTrack: 4 })),
    ];
    const c = consolidation(list);
    for (const k of [...REPORT_STATES, 'tasks', 'rateOnTime', 'rateDue'] as const)
      expect([k, c.totals[k]]).toEqual([k, list[0].totals[k] + list[1].totals[k]]);
    expect(c.completionRate).toBeCloseTo(2 / 10, 12);
    expect(sumCounts([])).toEqual(consolidation([]).totals);
  });

  it('drops the older file of a commune sent twice from the table and the totals', () => {
    const c = consolidation([
      commune('UBND xã A', 'a1.xlsx', counts(1, 1), { fileTime: '2026-09-01T00:00:00Z' }),
      commune('UBND xã A', 'a2.xlsx', counts(0, 4), { fileTime: '2026-09-02T00:00:00Z' }),
    ]);
    expect(c.communes.map((x) => x.file)).toEqual(['a2.xlsx']);
    expect(c.totals.rateDue).toBe(4);
    expect(c.duplicates).toHaveLength(1);
  });
});

it('a write time is the day it was in Vietnam (UTC+7)', () => {
  expect(vietnamDay('2026-09-04T16:59:00Z')).toBe('2026-09-04');
  expect(vietnamDay('2026-09-04T17:00:00Z')).toBe('2026-09-05');
  expect(vietnamDay('không phải ngày')).toBeNull();
});

describe('one commune, one key (issue 20, item 6)', () => {
  const base = 'UBND xã Long Điền A';
  const key = communeKey(base);
  it.each([
    ['zero-width joiner', 'UBND xã Long\u200d Điền A'],
    ['zero-width non-joiner', 'UBND x\u200cã Long Điền A'],
    ['soft hyphen', 'UBND xã Long Đi\u00adền A'],
    ['word joiner', 'UBND xã\u2060 Long Điền A'],
    ['right-to-left mark', '\u200fUBND xã Long Điền A'],
    ['left-to-right mark and BOM', '\ufeffUBND xã Long Điền A\u200e'],
    ['a bidi embedding', 'UBND xã \u202bLong Điền A\u202c'],
    ['fullwidth letters', 'ＵＢＮＤ xã Ｌong Điền Ａ'],
    ['a Cyrillic а', 'UBND xã Long Điền \u0410'],
    ['Cyrillic о and е', 'UBND xã L\u043eng Điền A'],
    ['a Greek capital alpha', 'UBND xã Long Điền \u0391'],
    ['NBSP and the long form', 'Ủy ban nhân dân\u00a0xã Long Điền A'],
  ])('ignores %s', (_, variant) => {
    expect(communeKey(variant)).toBe(key);
  });

  it('keeps different communes apart', () => {
    expect(communeKey('UBND xã Long Điền B')).not.toBe(key);
    expect(communeKey('UBND phường Long Điền A')).not.toBe(key);
  });

  it('shows every spelling of one name in one form', () => {
    expect(displayUnitName('Ủy ban nhân dân xã Hội An')).toBe('UBND xã Hội An');
    expect(displayUnitName('UBND xã nhơn mỹ')).toBe('UBND xã Nhơn Mỹ');
    expect(displayUnitName('ubnd XÃ NHƠN MỸ')).toBe('UBND xã Nhơn Mỹ');
    expect(displayUnitName('Uỷ ban nhân dân phường 7')).toBe('UBND phường 7');
    expect(displayUnitName('UBND xã Ia H\u2019Drai')).toBe('UBND xã Ia H\u2019Drai');
    expect(displayUnitName('ＵＢＮＤ xã Kiến\u200b An\u00ad')).toBe('UBND xã Kiến An');
    expect(displayUnitName('Hội An')).toBe('Hội An');
  });

  it('sorts the long and short spellings together, in Vietnamese order', () => {
    const c = consolidation(
      ['Ủy ban nhân dân xã Hội An', 'UBND xã nhơn mỹ', 'UBND xã An Phú', 'UBND phường Đông Hòa'].map((u, i) =>
        commune(displayUnitName(u), `${i}.xlsx`, counts(1, 1)),
      ),
    );
    expect(c.communes.map((x) => x.unit)).toEqual([
      'UBND phường Đông Hòa',
      'UBND xã An Phú',
      'UBND xã Hội An',
      'UBND xã Nhơn Mỹ',
    ]);
  });

  it('counts a commune sent with look-alike names once', () => {
    const c = consolidation([
      commune('UBND xã Long Điền A', 'a.xlsx', counts(1, 2)),
      commune('UBND xã Long\u200d Điền \u0410', 'b.xlsx', counts(1, 2)),
      commune('ＵＢＮＤ xã Long Điền A', 'c.xlsx', counts(1, 2)),
    ]);
    expect(c.communes).toHaveLength(1);
    expect(c.duplicates[0].dropped).toHaveLength(2);
  });
});
