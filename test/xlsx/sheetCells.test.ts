/**
 * The rows of a written sheet come straight from its spec (src/workbook/xlsx/sheetCells.ts), no longer from
 * ExcelJS's model of every cell; the file must not change for it. sheetCells.expected.json holds what the
 * ExcelJS path wrote for the sheets of sheetCellsCases.ts (the worksheet part, the stylesheet, the table part),
 * and the direct path must write the same text, byte for byte: the same cells, values, formulas (shared ones
 * too), cell formats and their numbering, row heights and auto heights, escaping and used range.
 */
import { readFileSync } from 'node:fs';
import * as path from 'node:path';

import { fingerprintCells, fingerprintSpec, ownedEntry } from '../../src/sheets/register';
import { openXlsx } from '../../src/workbook/xlsx/xlsxWorkbook';
import { partsOf } from '../support/xlsxZip';
import { SHEET_CELLS_CASES } from './sheetCellsCases';

const expected = JSON.parse(readFileSync(path.join(__dirname, 'sheetCells.expected.json'), 'utf8')) as Record<
  string,
  Record<string, string>
>;

describe('a written sheet, straight from its spec', () => {
  it('has a fixture for every case', () => {
    expect(Object.keys(expected).sort()).toEqual(Object.keys(SHEET_CELLS_CASES).sort());
  });

  it.each(Object.keys(SHEET_CELLS_CASES))(
    '%s: the parts the ExcelJS path wrote, byte for byte',
    async (id) => {
      const book = await openXlsx(null);
      await book.apply({ write: [SHEET_CELLS_CASES[id]] });
      const parts = await partsOf(await book.toBuffer());
      const decoder = new TextDecoder();
      for (const [name, text] of Object.entries(expected[id])) {
        const written = parts.get(name);
        expect(written && decoder.decode(written)).toBe(text);
      }
    },
  );
});

describe("the register's fingerprint of a written sheet", () => {
  // As the hash of the joined cells gave them before it was taken piece by piece: the fingerprints in the
  // registers of workbooks already written must still match their sheets.
  it.each([
    ['rich', '11-2d2822b1'],
    ['values', '20-176f590b'],
    ['table', '13-a29621bf'],
    ['merges', '3-8a00407a'],
    ['headerOnly', '2-a1036712'],
    ['empty', '0-811c9dc5'],
  ])('%s: %s', (id, fingerprint) => {
    expect(fingerprintSpec(SHEET_CELLS_CASES[id])).toBe(fingerprint);
  });

  it('numbers, whole (taken as they are) or not (rounded to 12 digits): as before', () => {
    const grid = [[0, -0, 7, 999999999999, 1e12, -123456789012, 46100.5, 2 ** 53, -7e-7, 1 / 3]];
    expect(fingerprintCells(grid, () => false)).toBe('10-0dfee2c2');
  });

  it("is taken only for the sheets the add-in refreshes; the officer's own sheets are registered without one", () => {
    const rich = SHEET_CELLS_CASES.rich;
    const at = '2026-12-08T00:00:00.000Z';
    for (const kind of ['report', 'summary', 'lists', 'communes'] as const)
      expect(ownedEntry({ ...rich, kind }, at).fingerprint).toBe('11-2d2822b1');
    for (const kind of ['tracker', 'tthc', 'results', 'settings'] as const)
      expect(ownedEntry({ ...rich, kind }, at)).toEqual({
        name: rich.name,
        kind,
        fingerprint: '',
        writtenAt: at,
      });
  });
});
