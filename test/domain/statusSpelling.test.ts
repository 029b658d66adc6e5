/**
 * Statuses as officers type them: which spellings the sheet's formula reads as a list value (sheetRules), and
 * which list value the automatic fix offers for the others (statusSpelling's one table, words in i18n).
 */
import { STATUS_LABEL, STATUS_SPELLINGS } from '../../src/i18n/vi';
import type { TaskStatus } from '../../src/domain/deadline';
import {
  DONE_SPELLINGS,
  LISTED_STATUS_SPELLINGS,
  labelSpellings,
  readStatusCell,
} from '../../src/domain/sheetRules';
import { compareSpelling, statusKey, statusMeant } from '../../src/domain/statusSpelling';
import { parseStatus } from '../../src/domain/tracker';

const KEYS = Object.keys(STATUS_LABEL) as TaskStatus[];

describe('the spellings the formula accepts', () => {
  it('lists every way of composing each letter, all canonically the list value, none twice', () => {
    expect(labelSpellings('Hoàn thành')).toHaveLength(4); // à precomposed or a + grave, twice
    expect(labelSpellings('Đang thực hiện')).toHaveLength(16); // ự and ệ four ways each
    expect(labelSpellings('Chưa thực hiện')).toHaveLength(32); // ư two ways, ự and ệ four
    for (const k of KEYS) {
      const forms = labelSpellings(STATUS_LABEL[k]);
      expect(new Set(forms).size).toBe(forms.length);
      for (const f of forms) expect(f.normalize('NFC')).toBe(STATUS_LABEL[k].toLowerCase());
      expect(forms).toContain(STATUS_LABEL[k].toLowerCase());
      expect(forms).toContain(STATUS_LABEL[k].toLowerCase().normalize('NFD'));
    }
    // Windows' Vietnamese keyboard: the letter's shape precomposed, the tone combining.
    expect(labelSpellings('Đang thực hiện')).toContain('đang thư\u0323c hiê\u0323n');
    expect(DONE_SPELLINGS.every((s) => LISTED_STATUS_SPELLINGS.includes(s))).toBe(true);
  });

  it('reads a status as TRIM, LOWER and EXACT do: case and ASCII spaces aside, nothing else', () => {
    const read = (v: Parameters<typeof readStatusCell>[0]): string => {
      const r = readStatusCell(v);
      return r.kind === 'status' ? r.status : r.kind;
    };
    expect(read(null)).toBe('blank');
    expect(read('')).toBe('blank');
    expect(read('   ')).toBe('blank');
    expect(read('  HOÀN   thành ')).toBe('done');
    expect(read('Chưa thực hiện'.normalize('NFD').toUpperCase())).toBe('notStarted');
    expect(read('đang thư\u0323c hiê\u0323n')).toBe('inProgress');
    for (const v of [
      '\u00a0',
      '\t',
      'Hoàn thành\u00a0',
      'Hoàn thành\u200b',
      'Hoa\u0300n thành.',
      'Đã hoàn thành',
      'hoan thanh',
      'Xong',
      'Chưa thực hie\u0302\u0323n', // marks in non-canonical order: not a composition the formula lists
      0,
      5,
      true,
      false,
      { error: '#N/A' },
    ])
      expect([v, read(v)]).toEqual([v, 'unlisted']);
  });
});

describe('the one table of spellings officers type', () => {
  it('maps every spelling of the table to its own list value, with or without diacritics, in any case', () => {
    for (const k of KEYS)
      for (const s of STATUS_SPELLINGS[k]) {
        const bare = s.normalize('NFD').replace(/\p{M}/gu, '').replace(/[đĐ]/g, 'd');
        for (const v of [
          s,
          s.toUpperCase(),
          s.toLowerCase(),
          bare,
          ` ${bare.toLowerCase()}. `,
          s.normalize('NFD'),
        ])
          expect([v, statusMeant(v)]).toEqual([v, k]);
      }
  });

  it('knows the list values themselves and the issue’s spellings', () => {
    const want: [string, TaskStatus][] = [
      ['Đã hoàn thành', 'done'],
      ['hoàn thành', 'done'],
      ['hoan thanh', 'done'],
      ['Xong', 'done'],
      ['đã xong', 'done'],
      ['Hoàn thành\u00a0', 'done'],
      ['Hoàn\u200bthành', 'done'],
      ['Đang làm', 'inProgress'],
      ['dang thuc hien', 'inProgress'],
      ['Chưa làm', 'notStarted'],
      ['chua thuc hien', 'notStarted'],
    ];
    for (const [v, k] of want) expect([v, statusMeant(v)]).toEqual([v, k]);
    for (const k of KEYS) expect(statusMeant(STATUS_LABEL[k])).toBe(k);
  });

  it('offers nothing where the meaning is not certain', () => {
    for (const v of ['Chưa hoàn thành', 'Quá hạn', 'Trong hạn', 'Đang', 'Chưa', '', 'x', 'Hoàn thành 50%'])
      expect([v, statusMeant(v)]).toEqual([v, null]);
    expect(statusMeant(5)).toBeNull();
    expect(statusMeant(null)).toBeNull();
  });

  it('gives no two list values one key', () => {
    const seen = new Map<string, TaskStatus>();
    for (const k of KEYS)
      for (const s of STATUS_SPELLINGS[k]) {
        const key = statusKey(s);
        expect([s, seen.get(key) ?? k]).toEqual([s, k]);
        seen.set(key, k);
      }
  });

  it('keeps parseStatus the formula’s reading, not the table’s', () => {
    expect(parseStatus('Đã hoàn thành')).toBeNull();
    expect(parseStatus(' hoàn thành ')).toBe('done');
  });
});

describe('how a typed word differs from the list’s', () => {
  it('names the invisible differences and says when the two look alike', () => {
    expect(compareSpelling('Hoàn thành\u00a0', 'Hoàn thành')).toEqual({
      looksAlike: true,
      differences: ['nbsp'],
    });
    expect(compareSpelling('hoàn\tthành', 'Hoàn thành')).toEqual({
      looksAlike: true,
      differences: ['breaks', 'case'],
    });
    expect(compareSpelling('Hoàn thành\u200b', 'Hoàn thành').differences).toEqual(['invisible']);
    expect(compareSpelling('Hoàn thành'.normalize('NFD'), 'Hoàn thành').differences).toEqual(['composition']);
    expect(compareSpelling('  Hoàn  thành ', 'Hoàn thành').differences).toEqual(['spaces']);
    expect(compareSpelling('Đã hoàn thành', 'Hoàn thành').looksAlike).toBe(false);
  });
});
