import { BODIES } from '../../src/domain/bodies';
import { SECTIONS } from '../../src/domain/plan';
import { buildSummarySheet } from '../../src/sheets/summarySheet';
import { buildSettingsSheet } from '../../src/sheets/settingsSheet';
import { defaultSettings } from '../../src/domain/settings';

const input = {
  year: 2026,
  periodMode: 'calendar' as const,
  writtenOn: '2026-06-05',
  headerRow: 0,
  columns: { section: 1, task: 2, lead: 3, deadline: 6, deadlineState: 11 },
  sections: [...SECTIONS],
  leads: [...BODIES],
};

describe('Tổng hợp', () => {
  const { spec, layout } = buildSummarySheet(input);

  it('counts with COUNTIFS over the tracker’s own columns, matching text exactly (wildcards escaped)', () => {
    const first = layout.blocks[0].firstRow;
    const cell = (k: keyof typeof layout.columns): string =>
      spec.formulas!.find((f) => f.cell === `${layout.columns[k]}${first}`)!.formula;
    expect(cell('overdue')).toBe(
      `=COUNTIFS('Nhiệm vụ'!$B$2:$B$1048576,"=II.1",'Nhiệm vụ'!$L$2:$L$1048576,"Quá hạn")`,
    );
    // Tổng số is the sum of the states: a row counts here exactly as its Tình trạng hạn shows.
    expect(cell('tasks')).toBe(`=SUM(D${first}:J${first})`);
    expect(cell('rate')).toBe(`=IF(L${first}=0,"",K${first}/L${first})`);
    const withStar = buildSummarySheet({ ...input, leads: ['Tổ *công nghệ?'] }).spec.formulas!;
    expect(withStar.some((f) => f.formula.includes('"=Tổ ~*công nghệ~?"'))).toBe(true);
  });

  it('uses only functions Excel 2010 and LibreOffice both compute', () => {
    const used = new Set(spec.formulas!.flatMap((f) => f.formula.match(/[A-Z]+(?=\()/g) ?? []));
    expect([...used].sort()).toEqual(['COUNTIFS', 'DATE', 'IF', 'MIN', 'SUM', 'TODAY']);
  });

  it('gives every block a "Khác" or "Không có hạn" row, so each adds up to the same total', () => {
    expect(layout.blocks.map((b) => b.keys[b.keys.length - 1])).toEqual(['', '', 'none', '2026-Q4']);
  });

  it('has a block of the four reports of the year, with no total row (they overlap)', () => {
    const period = layout.blocks.find((b) => b.key === 'period')!;
    expect(period.keys).toEqual(['2026-Q1', '2026-Q2', '2026-Q3', '2026-Q4']);
    expect(period.totalRow).toBe(0);
    // Bounds are "<" the next day, so a deadline with a time of day stays in its quarter; a task due before
    // the year (carried over from the year before) counts from the first report on.
    const q1 = spec.formulas!.find((f) => f.cell === `${layout.columns.overdue}${period.firstRow}`)!.formula;
    expect(q1).not.toContain('">="&DATE(');
    expect(q1).toContain('">=61"');
    expect(q1).toContain('"<"&DATE(2026,4,1)');
  });

  it('sizes rows to their wrapped text', () => {
    const h = spec.rowHeights!;
    const first = layout.blocks[0].firstRow;
    expect(h[first - 1]).toBe(48); // header with state names over up to three lines
    const ii3 = first + SECTIONS.findIndex((s) => s.id === 'II.3');
    expect(h[ii3]).toBeGreaterThan(h[first]); // a two-line section title
  });
});

describe('Cài đặt', () => {
  it('holds the defaults with a hint per row, sized to the hint; unit, place and signer blank for the user', () => {
    const spec = buildSettingsSheet(defaultSettings(2026));
    const values = spec.cells.slice(1).map((r) => r[1]);
    expect(values).toEqual([
      '',
      'Sở Nội vụ tỉnh An Giang',
      '',
      2026,
      7,
      'Phó Chủ tịch (ký thay Chủ tịch)',
      '',
      'BĐH, TGV BĐH CCHC xã',
      'Theo quý',
      '',
      null,
    ]);
    expect(Math.max(...Object.values(spec.rowHeights!))).toBeGreaterThan(
      Math.min(...Object.values(spec.rowHeights!)),
    );
  });
});
