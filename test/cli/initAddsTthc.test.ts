/**
 * `cchc init` on a workbook made before Hồ sơ TTHC existed: it adds that sheet, and the fields to an empty
 * column of Danh mục, and nothing else: every other cell of every sheet, the user's own sheet and its parts are
 * as they were; a second run says the tracker is there and writes nothing.
 */
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import ExcelJS from 'exceljs';
import { planSettings } from '../../src/domain/settings';
import { expandSchedule } from '../../src/domain/schedule';
import { TTHC_FIELDS } from '../../src/domain/tthc';
import { SHEET, TTHC_HEADERS } from '../../src/i18n/vi';
import { buildListsSheet } from '../../src/sheets/listsSheet';
import { buildRegisterSheet, ownedEntry } from '../../src/sheets/register';
import { buildSettingsSheet } from '../../src/sheets/settingsSheet';
import type { SheetSpec } from '../../src/sheets/spec';
import { buildTrackerSheet, seedsFromPlan } from '../../src/sheets/trackerSheet';
import { openXlsx } from '../../src/workbook/xlsx/xlsxWorkbook';
import { cchcIn, expectNoStack } from './run';
import { INIT_NAMES } from '../support/identity';

const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'cchc-init-tthc-'));
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));
const now = new Date('2026-06-05T03:00:00Z');
const cchc = cchcIn(dir, now);

/** Every cell's value (as ExcelJS reads it) of every sheet, by sheet. */
async function cellsByAddress(file: string): Promise<Record<string, Record<string, unknown>>> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(file);
  const out: Record<string, Record<string, unknown>> = {};
  wb.eachSheet((ws) => {
    const cells: Record<string, unknown> = {};
    ws.eachRow({ includeEmpty: false }, (row) =>
      row.eachCell({ includeEmpty: false }, (cell) => {
        cells[cell.address] = cell.value;
      }),
    );
    out[ws.name] = cells;
  });
  return out;
}

/** The workbook an earlier version wrote (no Hồ sơ TTHC, Danh mục A–E), with a user's sheet beside it. */
async function olderWorkbook(file: string): Promise<void> {
  const book = await openXlsx(null);
  await book.read([]);
  const full = buildListsSheet();
  const lists: SheetSpec = {
    ...full,
    cells: full.cells.map((r) => r.slice(0, 5)),
    styles: [],
    columnWidths: full.columnWidths!.slice(0, 5),
  };
  const specs = [
    lists,
    buildSettingsSheet(planSettings(2026)),
    buildTrackerSheet(seedsFromPlan(expandSchedule(2026)), 2026),
  ];
  const user: SheetSpec = {
    name: 'Sổ công văn',
    kind: 'report',
    cells: [
      ['Số', 'Trích yếu'],
      [12, 'Quyết định kiện toàn BĐH'],
    ],
  };
  await book.apply({
    write: [
      ...specs,
      user,
      buildRegisterSheet(
        [],
        specs.map((s) => ownedEntry(s, now.toISOString())),
      ),
    ],
  });
  fs.writeFileSync(file, await book.toBuffer());
}

describe('cchc init on a tracker made before Hồ sơ TTHC', () => {
  it('adds only Hồ sơ TTHC and the field list, then refuses to add anything more', async () => {
    const file = path.join(dir, 'older.xlsx');
    await olderWorkbook(file);
    // The user had typed progress and kept notes in Danh mục beyond its lists.
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(file);
    wb.getWorksheet(SHEET.tracker)!.getCell('H2').value = 'Hoàn thành';
    wb.getWorksheet(SHEET.tracker)!.getCell('I2').value = new Date(Date.UTC(2026, 0, 16));
    wb.getWorksheet(SHEET.lists)!.getCell('F3').value = 'ghi chú riêng';
    await wb.xlsx.writeFile(file);
    const before = await cellsByAddress(file);

    const r = await cchc('init', '--year', '2026', '--out', file, ...INIT_NAMES);
    expect(r.code).toBe(0);
    expect(r.out).toContain(`Đã thêm trang "${SHEET.tthc}"`);
    expect(r.out).toContain('cột G'); // F holds the user's note
    const after = await cellsByAddress(file);
    for (const name of Object.keys(before)) {
      if (name === SHEET.register) continue; // the register records the new sheet
      const added = Object.keys(after[name]).filter((a) => !(a in before[name]));
      if (name === SHEET.lists) expect(added.every((a) => a.startsWith('G'))).toBe(true);
      else expect(added).toEqual([]);
      for (const [address, value] of Object.entries(before[name]))
        expect({ sheet: name, address, value: after[name][address] }).toEqual({
          sheet: name,
          address,
          value,
        });
    }
    const listValues = Object.entries(after[SHEET.lists])
      .filter(([a]) => a.startsWith('G'))
      .map(([, v]) => v);
    expect(listValues).toEqual(['Lĩnh vực', ...TTHC_FIELDS]);
    expect(after[SHEET.tthc].A1).toBe(TTHC_HEADERS.month);
    expect(after[SHEET.tthc].B2).toBe(TTHC_FIELDS[0]);

    const again = await cchc('init', '--year', '2026', '--out', file, ...INIT_NAMES);
    expect(again.code).toBe(2);
    expect(again.err).toContain('đã có sẵn');
    expectNoStack(again.err);
    expect(await cellsByAddress(file)).toEqual(after);

    // The sheet is there for check and report, and the report has its part.
    expect((await cchc('check', file, '--today', '2026-06-05')).code).toBe(0);
    const report = await cchc('report', file, '--period', '2026-Q2', '--as-of', '2026-06-05', '--json');
    expect(report.code).toBe(0);
    expect(JSON.parse(report.out).tthc).toMatchObject({ months: [], byField: [], onTimeRate: null });
  });
});
