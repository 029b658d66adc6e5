/**
 * Both adapters refuse and accept exactly the same write plans (workbook/planRules.ts decides for both):
 * every case runs through the Office adapter over the fake Excel and through the .xlsx adapter, on the same
 * workbook (a sheet "Dữ liệu", a protected sheet "Khóa", the structure locked where the case says), and must
 * come out the same: accepted with the same sheets, or refused with the same code, sheet and message.
 */
import ExcelJS from 'exceljs';
import JSZip from 'jszip';

import { EXCEL } from '../../src/workbook/limits';
import { createOfficeWorkbook } from '../../src/workbook/office/officeWorkbook';
import {
  WorkbookError,
  type WorkbookErrorCode,
  type WorkbookPort,
  type WritePlan,
} from '../../src/workbook/port';
import { openXlsx } from '../../src/workbook/xlsx/xlsxWorkbook';
import type { SheetSpec, ValidationSpec } from '../../src/sheets/spec';
import { createFakeExcel } from '../fake-excel';
import { sheetSpec } from '../support/specBuilder';

interface Case {
  name: string;
  plan: WritePlan;
  /** 'accepted', or the code both adapters refuse the plan with. */
  expect: 'accepted' | WorkbookErrorCode;
  structureLocked?: boolean;
}

type Outcome =
  | { accepted: true; sheets: string[] }
  | { accepted: false; code: WorkbookErrorCode; sheet: string | undefined; message: string };

const write = (...specs: SheetSpec[]): WritePlan => ({ write: specs });
const named = (name: string): WritePlan => write(sheetSpec(name, [['x']]));
const text = (n: number): string => 'Đ'.repeat(n);
/** "=1+1+…+1" of `n` characters, the "=" counted (as Excel counts a formula typed). */
const formulaOf = (n: number): string =>
  n % 2 ? `=${'1+'.repeat((n - 3) / 2)}11` : `=${'1+'.repeat((n - 2) / 2)}1`;

function validation(over: Partial<ValidationSpec>): WritePlan {
  const v: ValidationSpec = {
    range: 'A1:A5',
    rule: { type: 'wholeNumber', min: 0, max: 9 },
    allowBlank: true,
    error: { title: 'Sai', message: 'Nhập số từ 0 đến 9.', style: 'stop' },
    ...over,
  };
  return write(sheetSpec('Kiểm tra', [[1]], { validations: [v] }));
}

const prompt = (title: number, message: number): Partial<ValidationSpec> => ({
  prompt: { title: text(title), message: text(message) },
});
const error = (title: number, message: number): Partial<ValidationSpec> => ({
  error: { title: text(title), message: text(message), style: 'warning' },
});

const CASES: Case[] = [
  // Sheet names, by each of Excel's rules, and names at the limit.
  { name: 'an empty sheet name', plan: named(''), expect: 'unsupported' },
  { name: 'a blank sheet name', plan: named('   '), expect: 'unsupported' },
  { name: 'a sheet name of 32 characters', plan: named(text(32)), expect: 'unsupported' },
  { name: 'a sheet name of 31 characters', plan: named(text(31)), expect: 'accepted' },
  ...[':', '\\', '/', '?', '*', '[', ']'].map((c): Case => ({
    name: `a sheet name with ${c}`,
    plan: named(`Báo${c}cáo`),
    expect: 'unsupported',
  })),
  { name: 'a sheet name starting with an apostrophe', plan: named("'Báo cáo"), expect: 'unsupported' },
  { name: 'a sheet name ending with an apostrophe', plan: named("Báo cáo'"), expect: 'unsupported' },
  { name: 'an apostrophe inside a sheet name', plan: named("Xã 'A'B"), expect: 'accepted' },
  { name: 'the reserved name History', plan: named('History'), expect: 'unsupported' },
  { name: 'the reserved name in other case', plan: named('hIsToRy'), expect: 'unsupported' },
  { name: 'a name that only contains History', plan: named('History 2026'), expect: 'accepted' },
  {
    name: 'a sheet written twice, names differing in case',
    plan: write(sheetSpec('Tổng hợp', [[1]]), sheetSpec('TỔNG HỢP', [[2]])),
    expect: 'unsupported',
  },
  {
    name: 'a sheet written twice, names differing in Unicode normalisation',
    plan: write(sheetSpec('Tổng hợp', [[1]]), sheetSpec('Tổng hợp'.normalize('NFD'), [[2]])),
    expect: 'unsupported',
  },
  { name: 'an existing sheet rewritten', plan: named('Dữ liệu'), expect: 'accepted' },
  // Protection.
  { name: 'a protected target sheet', plan: named('Khóa'), expect: 'sheetProtected' },
  { name: 'a protected target sheet, named in other case', plan: named('KHÓA'), expect: 'sheetProtected' },
  {
    name: 'a cell update on a protected sheet',
    plan: { write: [], updates: [{ sheet: 'Khóa', cell: 'B2', value: 1 }] },
    expect: 'sheetProtected',
  },
  {
    name: 'a sheet added to a locked structure',
    plan: named('Mới'),
    structureLocked: true,
    expect: 'structureProtected',
  },
  {
    name: 'a visible sheet rewritten in place under a locked structure',
    plan: named('Dữ liệu'),
    structureLocked: true,
    expect: 'accepted',
  },
  {
    name: 'a cell update under a locked structure',
    plan: { write: [], updates: [{ sheet: 'Dữ liệu', cell: 'C3', value: 'mới' }] },
    structureLocked: true,
    expect: 'accepted',
  },
  // What a cell and a formula hold.
  {
    name: 'a cell of 32,768 characters',
    plan: write(sheetSpec('Dài', [[text(32_768)]])),
    expect: 'unsupported',
  },
  {
    name: 'a cell of 32,767 characters',
    plan: write(sheetSpec('Dài', [[text(32_767)]])),
    expect: 'accepted',
  },
  { name: 'a number that is not finite', plan: write(sheetSpec('Số', [[1, NaN]])), expect: 'unsupported' },
  {
    name: 'an update of 32,768 characters',
    plan: { write: [], updates: [{ sheet: 'Dữ liệu', cell: 'B1', value: text(32_768) }] },
    expect: 'unsupported',
  },
  {
    name: 'a formula of 8,193 characters',
    plan: write(sheetSpec('CT', [[null]], { formulas: [{ cell: 'A1', formula: formulaOf(8_193) }] })),
    expect: 'unsupported',
  },
  {
    name: 'a formula of 8,192 characters',
    plan: write(sheetSpec('CT', [[null]], { formulas: [{ cell: 'A1', formula: formulaOf(8_192) }] })),
    expect: 'accepted',
  },
  // Excel's grid.
  {
    name: 'a formula below the last row',
    plan: write(sheetSpec('Lưới', [[1]], { formulas: [{ cell: `A${EXCEL.maxRows + 1}`, formula: '=1' }] })),
    expect: 'unsupported',
  },
  {
    name: 'a formula in the last cell of the grid',
    plan: write(sheetSpec('Lưới', [[1]], { formulas: [{ cell: `XFD${EXCEL.maxRows}`, formula: '=1' }] })),
    expect: 'accepted',
  },
  {
    name: 'an update right of column XFD',
    plan: { write: [], updates: [{ sheet: 'Dữ liệu', cell: 'XFE1', value: 1 }] },
    expect: 'unsupported',
  },
  {
    name: 'a style past the last row',
    plan: write(
      sheetSpec('Lưới', [[1]], {
        styles: [{ range: `A1:B${EXCEL.maxRows + 1}`, style: { fill: 'FFEEEE' } }],
      }),
    ),
    expect: 'unsupported',
  },
  {
    name: 'an address that is not one',
    plan: write(sheetSpec('Lưới', [[1]], { merges: ['A1:'] })),
    expect: 'unsupported',
  },
  // Data-validation texts: titles 32, input message 255, error message 224.
  { name: 'an input title of 33 characters', plan: validation(prompt(33, 10)), expect: 'unsupported' },
  { name: 'an input message of 256 characters', plan: validation(prompt(10, 256)), expect: 'unsupported' },
  { name: 'an error title of 33 characters', plan: validation(error(33, 10)), expect: 'unsupported' },
  { name: 'an error message of 225 characters', plan: validation(error(10, 225)), expect: 'unsupported' },
  {
    name: 'validation texts at every limit',
    plan: validation({ ...prompt(32, 255), ...error(32, 224) }),
    expect: 'accepted',
  },
  // Where the plan points.
  {
    name: 'an update on a sheet that does not exist',
    plan: { write: [], updates: [{ sheet: 'Không có', cell: 'A1', value: 1 }] },
    expect: 'sheetNotFound',
  },
  {
    name: 'activating a sheet that does not exist',
    plan: { write: [], activate: 'Không có' },
    expect: 'sheetNotFound',
  },
  {
    name: 'activating a sheet the plan hides',
    plan: { write: [sheetSpec('Ẩn', [[1]], { visibility: 'hidden' })], activate: 'Ẩn' },
    expect: 'unsupported',
  },
  {
    name: 'two tables of one name',
    plan: write(
      sheetSpec('T1', [['Cột'], [1]], {
        table: { name: 'Bang', range: 'A1:A2', columns: ['Cột'], style: 'TableStyleLight9' },
      }),
      sheetSpec('T2', [['Cột'], [1]], {
        table: { name: 'BANG', range: 'A1:A2', columns: ['Cột'], style: 'TableStyleLight9' },
      }),
    ),
    expect: 'unsupported',
  },
  {
    name: 'a table name that is a cell address',
    plan: write(
      sheetSpec('T1', [['Cột'], [1]], {
        table: { name: 'AB12', range: 'A1:A2', columns: ['Cột'], style: 'TableStyleLight9' },
      }),
    ),
    expect: 'unsupported',
  },
];

async function xlsxPort(structureLocked: boolean): Promise<WorkbookPort> {
  const wb = new ExcelJS.Workbook();
  wb.addWorksheet('Dữ liệu').getCell('A1').value = 'a';
  const locked = wb.addWorksheet('Khóa');
  locked.getCell('A1').value = 1;
  await locked.protect('', {});
  const bytes = (await wb.xlsx.writeBuffer()) as unknown as Uint8Array;
  if (!structureLocked) return openXlsx(bytes);
  const zip = await JSZip.loadAsync(bytes);
  const xml = await zip.file('xl/workbook.xml')!.async('string');
  zip.file('xl/workbook.xml', xml.replace('<sheets>', '<workbookProtection lockStructure="1"/><sheets>'));
  return openXlsx(await zip.generateAsync({ type: 'uint8array' }));
}

function officePort(structureLocked: boolean): WorkbookPort {
  const excel = createFakeExcel();
  excel.addUserSheet('Dữ liệu', [['a']]);
  excel.addUserSheet('Khóa', [[1]]);
  excel.protect('Khóa');
  if (structureLocked) excel.protectWorkbook();
  return createOfficeWorkbook(excel.run);
}

async function outcome(port: WorkbookPort, plan: WritePlan): Promise<Outcome> {
  await port.read([]);
  try {
    await port.apply(plan);
  } catch (e) {
    if (!(e instanceof WorkbookError)) throw e;
    return { accepted: false, code: e.code, sheet: e.sheet, message: e.message };
  }
  return { accepted: true, sheets: (await port.read([])).sheets.map((s) => s.name) };
}

describe('both adapters refuse and accept the same plans', () => {
  it.each(CASES.map((c) => [c.name, c] as const))('%s', async (_, c) => {
    const locked = c.structureLocked ?? false;
    const office = await outcome(officePort(locked), c.plan);
    const xlsx = await outcome(await xlsxPort(locked), c.plan);
    expect(office).toEqual(xlsx);
    expect(office.accepted ? 'accepted' : office.code).toBe(c.expect);
  });

  it('covers every kind of case the plan rules hold', () => {
    expect(CASES.length).toBeGreaterThanOrEqual(40);
  });
});
