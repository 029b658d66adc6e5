/**
 * Loads an .xlsx into the fake Excel API as the same workbook open in Excel: every sheet (the very hidden
 * register too, so the add-in's ownership carries over), in tab order, with its values, formulas, number
 * formats, protection and visibility — the RawSheet-level view the .xlsx adapter reads. Charts, pictures,
 * styles other than number formats, and workbook protection are not carried (the fake has none of them).
 */
import { openXlsx } from '../../src/workbook/xlsx/xlsxWorkbook';
import type { RawSheet, SheetInfo } from '../../src/workbook/port';
import { createFakeExcel, type FakeCellValue, type FakeExcel } from '../fake-excel';
import { letter } from './build';

const VISIBILITY: Record<SheetInfo['visibility'], 'Visible' | 'Hidden' | 'VeryHidden'> = {
  visible: 'Visible',
  hidden: 'Hidden',
  veryHidden: 'VeryHidden',
};

/** Number formats as ranges: each column's runs of one format (General left out). */
function formatRanges(sheet: RawSheet): Record<string, string> {
  const out: Record<string, string> = {};
  const width = Math.max(0, ...sheet.numberFormats.map((r) => r.length));
  for (let c = 0; c < width; c++) {
    let start = 0;
    for (let r = 1; r <= sheet.numberFormats.length; r++) {
      const here = sheet.numberFormats[start]?.[c] ?? 'General';
      const next = r < sheet.numberFormats.length ? (sheet.numberFormats[r]?.[c] ?? 'General') : undefined;
      if (next === here) continue;
      if (here !== 'General') {
        const col = letter(c);
        out[start === r - 1 ? `${col}${start + 1}` : `${col}${start + 1}:${col}${r}`] = here;
      }
      start = r;
    }
  }
  return out;
}

function formulaCells(sheet: RawSheet): Record<string, string> {
  const out: Record<string, string> = {};
  sheet.formulas.forEach((row, r) =>
    row.forEach((f, c) => {
      if (f) out[`${letter(c)}${r + 1}`] = f;
    }),
  );
  return out;
}

/** A fake Excel holding the workbook `bytes`. */
export async function loadIntoFake(bytes: Uint8Array): Promise<FakeExcel> {
  const book = await openXlsx(bytes);
  const { sheets } = await book.read([]);
  const snap = await book.read(sheets.map((s) => s.name));
  const excel = createFakeExcel();
  for (const info of sheets) {
    const raw = snap.contents[info.name];
    const view = excel.addUserSheet(info.name, (raw?.values ?? []) as FakeCellValue[][], {
      formulas: raw ? formulaCells(raw) : {},
      numberFormats: raw ? formatRanges(raw) : {},
    });
    for (const row of raw?.hiddenRows ?? []) view.state.hiddenRows.add(row - 1);
    view.state.visibility = VISIBILITY[info.visibility];
    if (info.protected) excel.protect(info.name);
  }
  const firstVisible = excel.state.sheets.find((s) => s.visibility === 'Visible');
  if (firstVisible) excel.state.activeSheet = firstVisible;
  return excel;
}
