import { BODIES, BODY } from '../../src/domain/bodies';
import { PLAN_ITEMS, SECTIONS } from '../../src/domain/plan';
import { expandSchedule } from '../../src/domain/schedule';

describe.each([2023, 2026, 2028])('the plan expanded for %i', (year) => {
  const rows = expandSchedule(year);
  const deadlines = (id: string): (string | null)[] => {
    const item = PLAN_ITEMS.find((i) => i.id === id)!;
    return rows
      .filter((r) => r.section === item.section && r.task.startsWith(item.task))
      .map((r) => r.deadline);
  };

  it('has 48 rows numbered 1…48', () => {
    expect(rows).toHaveLength(48);
    expect(rows.map((r) => r.stt)).toEqual(Array.from({ length: 48 }, (_, i) => i + 1));
  });

  it('has 4 Ban điều hành meetings, due at each quarter’s end', () => {
    expect(deadlines('II.1-hop-quy')).toEqual([
      `${year}-03-31`,
      `${year}-06-30`,
      `${year}-09-30`,
      `${year}-12-31`,
    ]);
    expect(rows.filter((r) => r.section === 'II.1' && r.lead === BODY.banDieuHanh)).toHaveLength(4);
  });

  it('has 12 monthly TTHC reviews 5 days after each month, December’s in January of the next year', () => {
    const monthly = deadlines('II.3-hop-thang');
    expect(monthly).toHaveLength(12);
    expect(monthly[0]).toBe(`${year}-02-05`);
    expect(monthly[1]).toBe(`${year}-03-05`);
    expect(monthly[11]).toBe(`${year + 1}-01-05`);
  });

  it('has the year-end review 10 days after the year', () => {
    expect(deadlines('II.3-hop-nam')).toEqual([`${year + 1}-01-10`]);
  });

  it('has the 4 periodic reports due 05/03, 05/06, 05/09, 05/12', () => {
    expect(deadlines('IV-bao-cao')).toEqual([
      `${year}-03-05`,
      `${year}-06-05`,
      `${year}-09-05`,
      `${year}-12-05`,
    ]);
    const titles = rows.filter((r) => r.task.startsWith('Báo cáo kết quả')).map((r) => r.task);
    expect(titles).toEqual([
      `Báo cáo kết quả thực hiện kế hoạch quý I năm ${year}`,
      `Báo cáo kết quả thực hiện kế hoạch 6 tháng đầu năm ${year}`,
      `Báo cáo kết quả thực hiện kế hoạch 9 tháng năm ${year}`,
      `Báo cáo kết quả thực hiện kế hoạch năm ${year}`,
    ]);
  });

  it('puts Quý I work at 31/03 and Quý II work at 30/06, continuous work without a deadline', () => {
    expect(deadlines('II.1-kien-toan')).toEqual([`${year}-03-31`]);
    expect(deadlines('II.9-camera')).toEqual([`${year}-06-30`]);
    expect(deadlines('II.2-tuyen-truyen')).toEqual([null]);
  });
});

describe('the plan data', () => {
  it('covers every actionable section, keeping the document’s numbering (no II.6)', () => {
    expect(SECTIONS.map((s) => s.id)).toEqual([
      'II.1',
      'II.2',
      'II.3',
      'II.4a',
      'II.4b',
      'II.5',
      'II.7',
      'II.8',
      'II.9',
      'II.10',
      'III',
      'IV',
      'V',
    ]);
    const used = new Set(PLAN_ITEMS.map((i) => i.section));
    for (const s of SECTIONS) expect(used.has(s.id)).toBe(true);
  });

  it('spells every body once, from the list', () => {
    const known = new Set<string>(BODIES);
    for (const item of PLAN_ITEMS) {
      expect(known.has(item.lead)).toBe(true);
      for (const c of item.coordinators) expect(known.has(c)).toBe(true);
    }
  });

  it('keeps the plan’s timeline wording verbatim', () => {
    const wording = new Set(PLAN_ITEMS.map((i) => i.timeline));
    expect(wording.has('Quý I/2023 và những năm tiếp theo')).toBe(true);
    expect(wording.has('Quý II/2023 và những năm tiếp theo')).toBe(true);
    expect(wording.has('thường xuyên trong năm 2023 và những năm tiếp theo')).toBe(true);
  });

  it('has unique ids and NFC text', () => {
    expect(new Set(PLAN_ITEMS.map((i) => i.id)).size).toBe(PLAN_ITEMS.length);
    for (const i of PLAN_ITEMS) expect(i.task).toBe(i.task.normalize('NFC'));
  });

  it('refuses years outside 1990–2100', () => {
    expect(() => expandSchedule(1989)).toThrow(RangeError);
    expect(() => expandSchedule(2101)).toThrow(RangeError);
  });
});
