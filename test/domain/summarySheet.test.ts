import { BODIES } from '../../src/domain/bodies';
import { SECTIONS } from '../../src/domain/plan';
import { buildSummarySheet } from '../../src/sheets/summarySheet';
import { buildSettingsSheet } from '../../src/sheets/settingsSheet';
import { defaultSettings } from '../../src/domain/settings';

const input = {
  year: 2026,
  writtenOn: '2026-06-05',
  headerRow: 0,
  columns: { section: 1, task: 2, lead: 3, deadline: 6, deadlineState: 11 },
  sections: [...SECTIONS],
  leads: [...BODIES],
};

describe('Tổng hợp', () => {
  const { spec, layout } = buildSummarySheet(input);

  it('counts with COUNTIFS over the tracker’s own columns, matching text exactly (wildcards escaped)', () => {
    const c = spec.formulas!.find((f) => f.cell === `C${layout.blocks[0].firstRow}`)!;
    expect(c.formula).toBe(`=COUNTIFS('Nhiệm vụ'!$B$2:$B$1048576,"=II.1",'Nhiệm vụ'!$C$2:$C$1048576,"<>")`);
    const withStar = buildSummarySheet({ ...input, leads: ['Tổ *công nghệ?'] }).spec.formulas!;
    expect(withStar.some((f) => f.formula.includes('"=Tổ ~*công nghệ~?"'))).toBe(true);
  });

  it('uses only functions Excel 2010 and LibreOffice both compute', () => {
    const used = new Set(spec.formulas!.flatMap((f) => f.formula.match(/[A-Z]+(?=\()/g) ?? []));
    expect([...used].sort()).toEqual(['COUNTIFS', 'DATE', 'IF', 'SUM']);
  });

  it('gives every block a "Khác" or "Không có hạn" row, so each adds up to the same total', () => {
    expect(layout.blocks.map((b) => b.keys[b.keys.length - 1])).toEqual(['', '', 'none']);
  });

  it('sizes rows to their wrapped text', () => {
    const h = spec.rowHeights!;
    const first = layout.blocks[0].firstRow;
    expect(h[first - 1]).toBe(32); // header with two-line state names
    const ii3 = first + SECTIONS.findIndex((s) => s.id === 'II.3');
    expect(h[ii3]).toBeGreaterThan(h[first]); // a two-line section title
  });
});

describe('Cài đặt', () => {
  it('holds the plan’s defaults with a hint per row, sized to the hint', () => {
    const spec = buildSettingsSheet(defaultSettings(2026));
    const values = spec.cells.slice(1).map((r) => r[1]);
    expect(values).toEqual([
      'UBND xã Long Điền A',
      'Phòng Nội vụ',
      'Long Điền A',
      2026,
      7,
      'KT. CHỦ TỊCH',
      'PHÓ CHỦ TỊCH',
      'Trương Minh Sơn',
      'BĐH, TGV BĐH CCHC xã',
      'Theo quý',
    ]);
    expect(Math.max(...Object.values(spec.rowHeights!))).toBeGreaterThan(
      Math.min(...Object.values(spec.rowHeights!)),
    );
  });
});
