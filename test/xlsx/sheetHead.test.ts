/**
 * editSheetHead (tabSelection.ts): selecting a cell or a tab on a sheet held as bytes edits only the text
 * before its cells, and gives exactly the text that editing the whole tree gives, without parsing the cells;
 * and a sheet the adapter writes is kept as its text, fitted row by row, never as a tree of the whole sheet.
 */
import JSZip from 'jszip';

import { Package } from '../../src/workbook/xlsx/opc';
import { editSheetHead, setSelection, setTabSelected } from '../../src/workbook/xlsx/tabSelection';
import { parseXml, serializeXml, type XmlDocument } from '../../src/workbook/xlsx/xml';
import { openXlsx } from '../../src/workbook/xlsx/xlsxWorkbook';
import { initNamed } from '../support/identity';

const PART = 'xl/worksheets/sheet1.xml';
const MAIN = 'http://schemas.openxmlformats.org/spreadsheetml/2006/main';
const ROWS =
  '<sheetData><row r="1"><c r="A1" t="inlineStr"><is><t>Nhiệm vụ &amp; "kết quả"</t></is></c></row>' +
  '<row r="2" customHeight="1" ht="30"><c r="C2"><v>7</v></c></row></sheetData>';

async function packageWith(sheet: string): Promise<Package> {
  const zip = new JSZip();
  zip.file(
    '[Content_Types].xml',
    '<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">' +
      '<Default Extension="xml" ContentType="application/xml"/></Types>',
  );
  zip.file(PART, sheet);
  const pkg = await Package.load(await zip.generateAsync({ type: 'uint8array' }));
  await pkg.inflate([PART]);
  return pkg;
}

const SHEETS: Record<string, string> = {
  'sheet views with a frozen pane': `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<worksheet xmlns="${MAIN}"><dimension ref="A1:C2"/><sheetViews><sheetView workbookViewId="0"><pane ySplit="1" topLeftCell="A2" activePane="bottomLeft" state="frozen"/></sheetView></sheetViews><sheetFormatPr defaultRowHeight="15"/><cols><col min="1" max="1" width="9"/></cols>${ROWS}<pageMargins left="0.7" right="0.7" top="0.75" bottom="0.75" header="0.3" footer="0.3"/></worksheet>`,
  'no sheet views, tags as a producer wrote them': `<?xml version='1.0' encoding='utf-8'?>\r\n<worksheet  xmlns="${MAIN}" ><dimension   ref='A1:C2' /><sheetFormatPr defaultRowHeight="15"></sheetFormatPr>\n  ${ROWS}\n</worksheet >`,
  'a prefixed main namespace': `<?xml version="1.0" encoding="UTF-8"?><x:worksheet xmlns:x="${MAIN}"><x:sheetViews><x:sheetView tabSelected="0" workbookViewId="0"><x:selection activeCell="B5" sqref="B5"/></x:sheetView></x:sheetViews>${ROWS.replace(/<(\/?)(sheetData|row|c|is|t|v)\b/g, '<$1x:$2')}</x:worksheet>`,
  'no declaration, an empty sheetData': `<worksheet xmlns="${MAIN}"><sheetViews><sheetView workbookViewId="0"/></sheetViews><sheetData/></worksheet>`,
  'a byte order mark': `\ufeff<?xml version="1.0" encoding="UTF-8"?><worksheet xmlns="${MAIN}"><sheetViews><sheetView workbookViewId="0"/></sheetViews>${ROWS}</worksheet>`,
  // The head is decoded from the first 64 KB first: here it does not fit, and the rows cut a character in two.
  'a head past 64 KB, rows of Vietnamese past it': `<?xml version="1.0" encoding="UTF-8"?><worksheet xmlns="${MAIN}"><sheetViews><sheetView workbookViewId="0"/></sheetViews><cols>${Array.from({ length: 3000 }, (_, i) => `<col min="${i + 1}" max="${i + 1}" width="9.5"/>`).join('')}</cols>${ROWS.replace('</sheetData>', `${Array.from({ length: 2000 }, (_, i) => `<row r="${i + 3}"><c r="A${i + 3}" t="inlineStr"><is><t>Nhiệm vụ số ${i}</t></is></c></row>`).join('')}</sheetData>`)}</worksheet>`,
  'a short head, rows past 64 KB': `<?xml version="1.0" encoding="UTF-8"?><worksheet xmlns="${MAIN}"><sheetViews><sheetView workbookViewId="0"/></sheetViews>${ROWS.replace('</sheetData>', `${Array.from({ length: 3000 }, (_, i) => `<row r="${i + 3}"><c r="A${i + 3}" t="inlineStr"><is><t>Việc ${i}</t></is></c></row>`).join('')}</sheetData>`)}</worksheet>`,
};

const EDITS: Record<string, (doc: XmlDocument) => void> = {
  'select C2': (doc) => setSelection(doc, 'C2'),
  'select the tab': (doc) => setTabSelected(doc, true),
  'both, as finishing a write does': (doc) => {
    setTabSelected(doc, true);
    setSelection(doc, 'c2');
  },
};

describe('editSheetHead', () => {
  for (const [sheetName, sheet] of Object.entries(SHEETS)) {
    for (const [editName, edit] of Object.entries(EDITS)) {
      it(`${sheetName}, ${editName}: the text the whole tree's edit gives`, async () => {
        const whole = await packageWith(sheet);
        edit(whole.editXml(PART));
        const head = await packageWith(sheet);
        editSheetHead(head, PART, edit);
        expect(head.text(PART)).toBe(whole.text(PART));
        expect(head.text(PART)).not.toBe(sheet);
      });
    }
  }

  it('leaves the cells unparsed: the part stays bytes, its rows as they were read', async () => {
    const sheet = SHEETS['no sheet views, tags as a producer wrote them'];
    const pkg = await packageWith(sheet);
    editSheetHead(pkg, PART, (doc) => setSelection(doc, 'C2'));
    expect(pkg.isParsed(PART)).toBe(false);
    const text = pkg.text(PART);
    expect(text).toContain(`${ROWS}\n</worksheet >`);
    expect(text).toContain('<selection activeCell="C2" sqref="C2"/>');
  });

  it('edits a part held as a tree in the tree', async () => {
    const pkg = await packageWith(SHEETS['sheet views with a frozen pane']);
    const doc = pkg.editXml(PART);
    editSheetHead(pkg, PART, (d) => setTabSelected(d, true));
    expect(pkg.readXml(PART)).toBe(doc);
    expect(pkg.text(PART)).toContain('tabSelected="1"');
  });
});

describe('a written sheet', () => {
  it('is held as its text, not as a tree, and its rows read back fitted to the workbook', async () => {
    const book = await openXlsx(null);
    await initNamed(book, { year: 2026 });
    // The adapter's package: private, looked at here to show the written sheets were never kept as trees.
    const pkg = (book as unknown as { pkg: Package }).pkg;
    const sheets = pkg.names().filter((n) => /^xl\/worksheets\/sheet\d+\.xml$/.test(n));
    expect(sheets.length).toBeGreaterThanOrEqual(4);
    for (const part of sheets) {
      expect({ part, parsed: pkg.isParsed(part) }).toEqual({ part, parsed: false });
      const text = pkg.text(part);
      // Fitted row by row: no shared-string cell left, and the text is what its own tree serializes to.
      expect(text).not.toMatch(/<c [^>]*t="s"/);
      expect(serializeXml(parseXml(text))).toBe(text);
    }
    const snap = await book.read(['Nhiệm vụ']);
    expect(snap.contents['Nhiệm vụ'].values[0]).toContain('Nội dung nhiệm vụ');
  });
});
