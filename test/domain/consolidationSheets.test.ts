import { emptyFigures } from '../../src/domain/tthc';
/** The consolidation's sheets as data: their kinds, their print setup, what each row holds. */
import { COMMUNES_HEADER, CONSOLIDATION_TEXT } from '../../src/i18n/consolidation';
import { buildConsolidationSheets, notUsedFiles, shortFileNames } from '../../src/sheets/consolidationSheets';
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
        tthc: { byField: [{ field: 'Hộ tịch', figures }], totals: figures },
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
