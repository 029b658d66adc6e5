import JSZip from 'jszip';
import { openXlsx } from '../../src/workbook/xlsx/xlsxWorkbook';
import type { SheetSpec } from '../../src/sheets/spec';

const listsSheet = (name: string): SheetSpec => ({
  name,
  kind: 'lists',
  cells: [[name]],
  page: {
    paper: 'A4',
    orientation: 'portrait',
    margins: { top: 20, bottom: 20, left: 20, right: 15, header: 8, footer: 8 },
    printArea: 'A1:A1',
  },
});

describe('WritePlan.tabOrder in an .xlsx file', () => {
  it('moves the named sheets to the front and keeps sheet-scoped names with their sheet', async () => {
    const book = await openXlsx(null);
    await book.read([]);
    await book.apply({
      write: [listsSheet('Danh mục'), listsSheet('Cài đặt'), listsSheet('Nhiệm vụ')],
      tabOrder: ['Nhiệm vụ', 'Danh mục'],
      activate: 'Nhiệm vụ',
    });
    const again = await openXlsx(await book.toBuffer());
    const snap = await again.read(['Nhiệm vụ', 'Danh mục', 'Cài đặt']);
    expect(snap.sheets.map((s) => s.name)).toEqual(['Nhiệm vụ', 'Danh mục', 'Cài đặt']);
    for (const name of ['Nhiệm vụ', 'Danh mục', 'Cài đặt'])
      expect(snap.contents[name].values[0][0]).toBe(name);
    const zip = await JSZip.loadAsync(await book.toBuffer());
    const workbookXml = await zip.file('xl/workbook.xml')!.async('string');
    const order = [...workbookXml.matchAll(/<sheet [^>]*name="([^"]+)"/g)].map((m) => m[1]);
    const areas = [...workbookXml.matchAll(/<definedName [^>]*localSheetId="(\d+)"[^>]*>([^<]+)</g)];
    expect(areas.length).toBe(3);
    for (const [, index, ref] of areas) expect(ref).toContain(`'${order[Number(index)]}'!`);
  });
});
