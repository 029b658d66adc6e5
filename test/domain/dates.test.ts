import {
  addDays,
  daysBetween,
  endOfQuarter,
  formatVnDate,
  isoFromSerial,
  parseDateText,
  serialFromIso,
  todayIso,
} from '../../src/domain/dates';

describe('Excel serials (1900 system)', () => {
  it.each([
    ['1900-01-01', 1],
    ['1900-02-28', 59],
    ['1900-03-01', 61],
    ['2026-01-01', 46023],
    ['2026-06-05', 46178],
    ['2028-02-29', 46812],
  ])('%s ⇄ %d', (iso, serial) => {
    expect(serialFromIso(iso)).toBe(serial);
    expect(isoFromSerial(serial)).toBe(iso);
  });

  it('has no real day for serial 60 (Excel’s phantom 29/02/1900), 0 or negatives', () => {
    expect(isoFromSerial(60)).toBeNull();
    expect(isoFromSerial(0)).toBeNull();
    expect(isoFromSerial(-3)).toBeNull();
    expect(isoFromSerial(Number.NaN)).toBeNull();
  });

  it('drops the time of day of a fractional serial', () => {
    expect(isoFromSerial(46178.75)).toBe('2026-06-05');
  });

  it('gives no serial before 1900', () => {
    expect(serialFromIso('1899-12-31')).toBeNull();
  });
});

describe('dates typed as text are read day first', () => {
  it.each([
    ['5/6/2026', '2026-06-05'],
    ['05/06/2026', '2026-06-05'],
    [' 5-6-2026 ', '2026-06-05'],
    ['5.6.2026', '2026-06-05'],
    ['2026-06-05', '2026-06-05'],
    ['29/02/2028', '2028-02-29'],
  ])('%s → %s', (text, iso) => {
    expect(parseDateText(text)).toEqual({ ok: true, iso });
  });

  it.each(['31/02/2026', '29/02/2026', '00/01/2026', '1/13/2026', '2026-02-30'])(
    '%s names no day',
    (text) => {
      expect(parseDateText(text)).toEqual({ ok: false, reason: 'impossible' });
    },
  );

  it.each(['hôm nay', '5/6/26', '', '2026', 'Quý I/2026'])('%s is not a date', (text) => {
    expect(parseDateText(text)).toEqual({ ok: false, reason: 'notADate' });
  });
});

describe('calendar arithmetic', () => {
  it('formats dd/mm/yyyy with leading zeros', () => {
    expect(formatVnDate('2026-03-05')).toBe('05/03/2026');
  });
  it('adds days across months and years', () => {
    expect(addDays('2026-12-31', 5)).toBe('2027-01-05');
    expect(addDays('2028-02-28', 1)).toBe('2028-02-29');
    expect(daysBetween('2026-06-01', '2026-06-05')).toBe(4);
  });
  it('ends quarters on 31/03, 30/06, 30/09, 31/12', () => {
    expect([1, 2, 3, 4].map((q) => endOfQuarter(2026, q))).toEqual([
      '2026-03-31',
      '2026-06-30',
      '2026-09-30',
      '2026-12-31',
    ]);
  });
  it('takes today from the local calendar', () => {
    expect(todayIso(new Date(2026, 5, 5, 23, 59))).toBe('2026-06-05');
  });
});
