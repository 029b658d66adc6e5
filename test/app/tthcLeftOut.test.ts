/**
 * Issue 19 (review): a TTHC field the report leaves out is told to the officer once, truly: a count typed as
 * text is named with its cell and what was typed, never called figures that "không khớp"; a field whose
 * figures do not add up is named once, with the cell of the month that does not.
 */
import { compileReport } from '../../src/app';
import { readReportDocument } from '../../src/app/reportDocument';
import { demoTthcUpdates } from '../../src/app/demo';
import { toA1 } from '../../src/domain/a1';
import { readTthc } from '../../src/domain/tthc';
import { SHEET } from '../../src/i18n/vi';
import type { CellUpdate } from '../../src/workbook/port';
import { openXlsx, type XlsxWorkbook } from '../../src/workbook/xlsx/xlsxWorkbook';
import { initNamed } from '../support/identity';

const HO_TICH = 'Hộ tịch';

/** A tracker with January–May counted as the demo counts them, `edit` changing Hộ tịch's April row. */
async function trackerWithTthc(
  edit: (u: CellUpdate, cells: { offline: string; online: string }) => void,
): Promise<XlsxWorkbook> {
  const book = await openXlsx(null);
  expect((await initNamed(book, { year: 2026, now: new Date('2026-01-05T02:00:00Z') })).ok).toBe(true);
  const snap = await book.read([SHEET.tthc]);
  const tthc = readTthc(snap.contents[SHEET.tthc], 2026);
  const counts = demoTthcUpdates(tthc, 5);
  const row = tthc.rows.find((r) => r.month === 4 && r.field === HO_TICH)!;
  const cells = {
    offline: toA1(row.row - 1, tthc.columns.offline!),
    online: toA1(row.row - 1, tthc.columns.online!),
  };
  for (const u of counts) edit(u, cells);
  await book.apply({ write: [], updates: counts });
  return book;
}

const occurrences = (text: string, part: string): number => text.split(part).length - 1;

describe('a TTHC field the report leaves out', () => {
  it('is told once, naming the cell and the text typed, when a count is typed as text', async () => {
    let typed = '';
    let cell = '';
    const book = await trackerWithTthc((u, c) => {
      if (u.cell === c.offline) {
        u.value = String(u.value);
        typed = u.value;
        cell = u.cell;
      }
    });
    expect(typed).not.toBe('');
    const out = await compileReport(book, { asOf: '2026-06-05', period: { year: 2026, quarter: 2 } });
    expect(out.ok).toBe(true);
    const message = out.message!;
    expect(out.content!.tthc.unbalanced.map((u) => u.field)).toEqual([HO_TICH]);
    expect(message).not.toContain('không khớp');
    expect(occurrences(message, `Lĩnh vực ${HO_TICH} chưa được tính`)).toBe(1);
    expect(message).toContain(`Ô ${cell}`);
    expect(message).toContain(`"${typed}" dạng chữ`);
    // The row is not counted again as "n dòng … có lỗi dữ liệu": the field's sentence is its one account.
    expect(message).not.toMatch(/\d+ dòng của trang "Hồ sơ TTHC" có lỗi dữ liệu/u);
    // The Word document's note says the same, once.
    const doc = await readReportDocument(book, { asOf: '2026-06-05', period: { year: 2026, quarter: 2 } });
    expect(doc.ok && doc.tthcNote).toBeTruthy();
    if (doc.ok) {
      expect(occurrences(doc.tthcNote!, `Lĩnh vực ${HO_TICH} chưa được tính`)).toBe(1);
      expect(doc.tthcNote).not.toContain('không khớp');
    }
  });

  it('is told once, with the month’s cell, when its figures do not add up', async () => {
    let cell = '';
    const book = await trackerWithTthc((u, c) => {
      if (u.cell === c.online) {
        u.value = Number(u.value) + 3;
        cell = u.cell;
      }
    });
    expect(cell).not.toBe('');
    const out = await compileReport(book, { asOf: '2026-06-05', period: { year: 2026, quarter: 2 } });
    const message = out.message!;
    expect(out.content!.tthc.unbalanced.map((u) => u.field)).toEqual([HO_TICH]);
    expect(occurrences(message, HO_TICH)).toBe(1);
    expect(occurrences(message, 'không khớp')).toBe(1);
    expect(message).toMatch(/Số hồ sơ không khớp \(trang "Hồ sơ TTHC", ô [A-Z]+\d+\)/u);
  });
});
