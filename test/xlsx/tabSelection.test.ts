import JSZip from 'jszip';
import { compileReport } from '../../src/app';
import { openXlsx } from '../../src/workbook/xlsx/xlsxWorkbook';
import { sheetPart } from '../support/xlsxZip';
import { initNamed } from '../support/identity';

async function sheetXml(bytes: Uint8Array): Promise<Record<string, string>> {
  const zip = await JSZip.loadAsync(bytes);
  const workbook = await zip.file('xl/workbook.xml')!.async('string');
  const out: Record<string, string> = {};
  for (const m of workbook.matchAll(/<sheet [^>]*name="([^"]+)"/g)) {
    out[m[1]] = await zip.file(await sheetPart(zip, m[1]))!.async('string');
  }
  return out;
}

describe('the active tab after a write', () => {
  it('is the report alone; the tracker loses only its tabSelected mark, byte for byte otherwise', async () => {
    const book = await openXlsx(null);
    await initNamed(book, { year: 2026 });
    const before = await sheetXml(await book.toBuffer());
    expect(before['Nhiệm vụ']).toMatch(/tabSelected="1"/);
    const again = await openXlsx(await book.toBuffer());
    await compileReport(again, { asOf: '2026-06-05' });
    const after = await sheetXml(await again.toBuffer());
    expect(after['Báo cáo 6 tháng 2026']).toMatch(/tabSelected="1"/);
    const selected = Object.entries(after).filter(([, xml]) => /tabSelected="(1|true)"/.test(xml));
    expect(selected.map(([name]) => name)).toEqual(['Báo cáo 6 tháng 2026']);
    expect(after['Nhiệm vụ']).toBe(before['Nhiệm vụ'].replace(/\s+tabSelected="1"/, ''));
  });
});
