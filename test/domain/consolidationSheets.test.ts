import { emptyFigures } from '../../src/domain/tthc';
/** The consolidation's sheets as data: their kinds, their print setup, what each row holds. */
import { COMMUNES_HEADER, CONSOLIDATION_TEXT } from '../../src/i18n/consolidation';
import { buildConsolidationSheets, notUsedFiles } from '../../src/sheets/consolidationSheets';
import { shortFileNames } from '../../src/sheets/consolidationFrame';
import { commune, consolidation, counts } from '../support/communes';

const names = {
  communes: 'Tổng hợp các xã',
  overdue: 'Nhiệm vụ quá hạn',
  failed: 'Tệp không đọc được',
  tthc: 'TTHC các xã',
};

describe('the consolidation sheets', () => {
  const c = consolidation(
    [
      commune('UBND xã B', 'hop-thu/b.xlsx', counts(3, 4), {
        ownReport: { sheet: 'Báo cáo 9 tháng 2026', day: '2026-09-04' },
        overdue: [
          {
            section: 'II.9',
            task: 'Camera',
            lead: 'VP-TK',
            deadline: '2026-06-30',
            daysLate: 66,
            row: 40,
            dataError: false,
            note: '',
          },
        ],
      }),
      commune('UBND xã A', 'hop-thu/a.xlsx', counts(1, 1), { fileTime: '2026-09-01T00:00:00Z' }),
      commune('UBND xã A', 'hop-thu/cu/a.xlsx', counts(0, 1), { fileTime: '2020-01-01T00:00:00Z' }),
    ],
    [{ file: 'hop-thu/x.xlsx', reason: 'Không đọc được tệp.' }],
  );
  const [table, overdue, failed] = buildConsolidationSheets(c, names);

  it('are the add-in’s own kinds, printed A4 landscape one page wide with the header row repeated', () => {
    expect([table.kind, overdue.kind, failed.kind]).toEqual([
      'communes',
      'communesOverdue',
      'communesFailed',
    ]);
    for (const s of [table, overdue, failed]) {
      expect(s.page).toMatchObject({
        paper: 'A4',
        orientation: 'landscape',
        fitToWidth: true,
        printTitleRows: '4:4',
      });
      expect(s.freeze).toEqual({ rows: 4, columns: 0 });
    }
  });

  it('list the communes by name with their figures, the total and whether each compiled its report', () => {
    const header = table.cells[3];
    expect(header).toEqual(Object.values(COMMUNES_HEADER).filter((h) => h !== COMMUNES_HEADER.tthcRate));
    const col = (h: string): number => header.indexOf(h);
    expect(table.cells[4][col(COMMUNES_HEADER.unit)]).toBe('UBND xã A');
    expect(table.cells[4][col(COMMUNES_HEADER.file)]).toBe('a.xlsx');
    expect(table.cells[4][col(COMMUNES_HEADER.ownReport)]).toBe(CONSOLIDATION_TEXT.ownReportMissing);
    expect(table.cells[5][col(COMMUNES_HEADER.ownReport)]).toBe('04/09/2026');
    expect(table.cells[5][col(COMMUNES_HEADER.rate)]).toBe(0.75);
    expect(table.cells[6][col(COMMUNES_HEADER.unit)]).toBe('Tổng cộng (2 xã)');
    expect(table.cells[6][col(COMMUNES_HEADER.rateDue)]).toBe(5);
    expect(table.cells[6][col(COMMUNES_HEADER.rate)]).toBe(0.8);
    expect(table.cells[1][0]).toContain('Các tệp trong thư mục "hop-thu"');
    expect(table.conditionalFormats?.map((f) => f.range)).toEqual(['P5:P6', 'G5:G6', 'A5:Q6']);
  });

  it('have a TTHC column only when some commune has TTHC figures', () => {
    const figures = { ...emptyFigures(), online: 10, received: 10, onTime: 9, late: 1 };
    const withTthc = consolidation([
      commune('UBND xã A', 'a.xlsx', counts(1, 1), {
        tthcOnTimeRate: 0.9,
        tthc: { byField: [{ field: 'Hộ tịch', figures }], totals: figures, months: [1, 2, 3] },
      }),
    ]);
    const [t] = buildConsolidationSheets(withTthc, names);
    expect(t.cells[3]).toContain(COMMUNES_HEADER.tthcRate);
    expect(t.cells[4][t.cells[3].indexOf(COMMUNES_HEADER.tthcRate)]).toBe(0.9);
  });

  it('list every overdue task with its commune, and every file not used with its reason', () => {
    expect(overdue.cells[4].slice(0, 8)).toEqual([1, 'UBND xã B', 'II.9', 'Camera', 'VP-TK', 46203, 66, 40]);
    expect(failed.cells.slice(4).map((r) => r[1])).toEqual(['hop-thu/x.xlsx', 'hop-thu/cu/a.xlsx']);
    expect(notUsedFiles(c)[1].reason).toMatch(/Cùng đơn vị "UBND xã A" với tệp "hop-thu\/a.xlsx"/);
  });

  it('say so when there is nothing to list', () => {
    const [t, o, f] = buildConsolidationSheets(consolidation([]), names);
    expect(t.cells[4][0]).toBe(CONSOLIDATION_TEXT.noCommune);
    expect(o.cells[4][0]).toBe(CONSOLIDATION_TEXT.overdueNone);
    expect(f.cells[4][0]).toBe(CONSOLIDATION_TEXT.failedNone);
    expect(t.conditionalFormats).toEqual([]);
  });
});

it('names files without the folder they share', () => {
  expect(shortFileNames(['in/q3/a.xlsx', 'in/q3/sub/b.xlsx'])).toEqual({
    folder: 'in/q3',
    names: ['a.xlsx', 'sub/b.xlsx'],
  });
  expect(shortFileNames(['a.xlsx', 'in/b.xlsx'])).toEqual({ folder: '', names: ['a.xlsx', 'in/b.xlsx'] });
  expect(shortFileNames(['C:\\thu\\a.xlsx', 'C:\\thu\\b.xlsx'])).toEqual({
    folder: 'C:\\thu',
    names: ['a.xlsx', 'b.xlsx'],
  });
  expect(shortFileNames(['in/a.xlsx'])).toEqual({ folder: 'in', names: ['a.xlsx'] });
});

describe('the consolidated workbook as the province reads it (issue 20, item 9)', () => {
  const figures = { ...emptyFigures(), online: 10, received: 10, onTime: 9, late: 1 };
  const withTthc = (unit: string, file: string, months: number[]) =>
    commune(unit, file, counts(1, 1), {
      tthcOnTimeRate: 0.9,
      tthc: { byField: [{ field: 'Hộ tịch', figures }], totals: figures, months },
    });

  it('shows rates with one decimal, so that 99,77 % is not 100 %', () => {
    const c = consolidation([withTthc('UBND xã A', 'a.xlsx', [1, 2])]);
    const [t] = buildConsolidationSheets(c, names);
    const col = (h: string) => String.fromCharCode(65 + t.cells[3].indexOf(h));
    for (const h of [COMMUNES_HEADER.rate, COMMUNES_HEADER.tthcRate]) {
      const style = t.styles?.find((s) => s.range.startsWith(`${col(h)}5:`));
      expect(style?.style.numberFormat).toBe('0.0%');
    }
  });

  it('carries each commune’s Ghi chú of an overdue task, with the data-error remark after it', () => {
    const task = {
      section: 'II.9',
      task: 'Camera',
      lead: 'VP-TK',
      deadline: '2026-06-30',
      daysLate: 66,
      row: 40,
    };
    const c = consolidation([
      commune('UBND xã A', 'a.xlsx', counts(0, 2), {
        overdue: [
          { ...task, dataError: false, note: 'Chờ kinh phí của tỉnh' },
          { ...task, row: 41, dataError: true, note: 'Đã ký hợp đồng' },
          { ...task, row: 42, dataError: false, note: '' },
        ],
      }),
    ]);
    const [, overdue] = buildConsolidationSheets(c, names);
    expect(overdue.cells.slice(4, 7).map((r) => r[8])).toEqual([
      'Chờ kinh phí của tỉnh',
      `Đã ký hợp đồng\n${CONSOLIDATION_TEXT.overdueDataError}`,
      null,
    ]);
  });

  it('shows each commune’s TTHC months, and says so where they differ', () => {
    const differ = consolidation([
      withTthc('UBND xã A', 'a.xlsx', [1, 2, 3, 4, 5]),
      withTthc('UBND xã B', 'b.xlsx', [1, 2, 3, 4, 5, 6, 7, 8]),
    ]);
    const tthc = buildConsolidationSheets(differ, names)[2];
    const texts = tthc.cells.flat().filter((v): v is string => typeof v === 'string');
    expect(texts).toContain('Cộng (tháng 1–5)');
    expect(texts).toContain('Cộng (tháng 1–8)');
    const note = texts.find((t) => t.startsWith('Lưu ý'));
    expect(note).toContain('UBND xã A tháng 1–5; UBND xã B tháng 1–8');
    expect(tthc.page?.printArea).toBe(`A1:M${tthc.cells.length}`);
    const same = consolidation([
      withTthc('UBND xã A', 'a.xlsx', [1, 2, 3]),
      withTthc('UBND xã B', 'b.xlsx', [1, 2, 3]),
    ]);
    const sameTexts = buildConsolidationSheets(same, names)[2].cells.flat();
    expect(sameTexts.some((t) => typeof t === 'string' && t.startsWith('Lưu ý'))).toBe(false);
  });

  it('is wide enough in TTHC các xã for "100,0%" and four-digit counts (no "###")', () => {
    const tthc = buildConsolidationSheets(consolidation([withTthc('UBND xã A', 'a.xlsx', [1])]), names)[2];
    const widths = tthc.columnWidths!;
    // Excel's and LibreOffice's "###" come when the formatted text plus cell padding is wider than the column.
    expect(widths[widths.length - 1]).toBeGreaterThanOrEqual('100,0%'.length + 3);
    for (const w of widths.slice(3, -1)) expect(w).toBeGreaterThanOrEqual('12.345'.length + 2);
  });

  it('titles the units as they are: xã, phường, both, or đơn vị', () => {
    const title = (...units: string[]) =>
      buildConsolidationSheets(
        consolidation(units.map((u, i) => commune(u, `${i}.xlsx`, counts(1, 1)))),
        names,
      ).map((s) => String(s.cells[0][0]));
    expect(title('UBND xã A', 'UBND xã B')[0]).toContain('CỦA CÁC XÃ 9 THÁNG');
    expect(title('UBND phường 1', 'UBND phường 2')[0]).toContain('CỦA CÁC PHƯỜNG 9 THÁNG');
    const mixed = title('UBND xã A', 'UBND phường 2');
    expect(mixed[0]).toContain('CỦA CÁC XÃ, PHƯỜNG 9 THÁNG');
    expect(mixed[1]).toContain('CỦA CÁC XÃ, PHƯỜNG,');
    expect(title('UBND xã A', 'UBND thị trấn B')[0]).toContain('CỦA CÁC ĐƠN VỊ 9 THÁNG');
    const [t] = buildConsolidationSheets(
      consolidation([
        commune('UBND xã A', 'a.xlsx', counts(1, 1)),
        commune('UBND phường 2', 'b.xlsx', counts(1, 1)),
      ]),
      names,
    );
    expect(t.cells.flat()).toContain('Tổng cộng (2 đơn vị)');
  });
});
