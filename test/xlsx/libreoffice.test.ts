/**
 * Interop with an independent spreadsheet: LibreOffice Calc opens what the adapter writes, recalculates its
 * formulas (which the adapter leaves without results), prints it on A4, and keeps what the adapter grafted
 * around (a user's chart). Needs soffice, pdfinfo, pdftotext and pdffonts on the PATH.
 */
import { promises as fs } from 'node:fs';
import os from 'node:os';
import path from 'node:path';

import ExcelJS from 'exceljs';

import type { SheetSpec } from '../../src/sheets/spec';
import { openXlsx } from '../../src/workbook/xlsx/xlsxWorkbook';
import { readXlsxFile, writeXlsxFileAtomically } from '../../src/workbook/xlsx/files';
import { disposeLibreOffice, recalcWithLibreOffice, runTool, sheetCsv, toPdf } from '../support/libreoffice';
import {
  buildSdkStyleWorkbook,
  buildUserWorkbook,
  featureTrackerSpec,
  USER_SHEETS,
} from '../support/userWorkbook';
import { partsOf } from '../support/xlsxZip';

let dir: string;

beforeAll(async () => {
  dir = await fs.mkdtemp(path.join(os.tmpdir(), 'cchc-xlsx-lo-'));
});

afterAll(async () => {
  await disposeLibreOffice();
  await fs.rm(dir, { recursive: true, force: true });
});

/** Today's date in this machine's time zone (as LibreOffice's TODAY() sees it) as an Excel serial. */
function todaySerial(offsetDays = 0): number {
  const now = new Date();
  return Date.UTC(now.getFullYear(), now.getMonth(), now.getDate() + offsetDays) / 86_400_000 + 25_569;
}

async function save(name: string, bytes: Uint8Array): Promise<string> {
  const file = path.join(dir, name);
  await writeXlsxFileAtomically(file, bytes);
  return file;
}

describe('LibreOffice recalculates what the adapter writes', () => {
  it('computes deadline states, COUNTIFS across sheets and TODAY()', async () => {
    const header = ['STT', 'Nhiệm vụ', 'Hạn', 'Tình trạng', 'Trạng thái hạn'];
    const deadlines = [todaySerial(-10), todaySerial(10), todaySerial(0), todaySerial(-1)];
    const tasks: SheetSpec = {
      name: 'Nhiệm vụ',
      kind: 'tracker',
      cells: [
        header,
        [1, '=1+1', deadlines[0], 'Chưa'],
        [2, 'Rà soát TTHC', deadlines[1], 'Chưa'],
        [3, '+84 chưa gọi', deadlines[2], 'Xong'],
        [4, '-Họp BĐH', deadlines[3], 'Xong'],
      ],
      styles: [{ range: 'C2:C5', style: { numberFormat: 'dd/mm/yyyy' } }],
      table: {
        name: 'tblNhiemVu',
        range: 'A1:E5',
        columns: header,
        style: 'TableStyleMedium2',
        calculatedColumns: [{ column: 4, formula: '=IF(C2<TODAY(),"Quá hạn","Trong hạn")' }],
      },
    };
    const summary: SheetSpec = {
      name: 'Tổng hợp',
      kind: 'summary',
      cells: [['Quá hạn'], ['Quá hạn, chưa xong'], ['Hôm nay'], ['Tổng']],
      formulas: [
        { cell: 'B1', formula: `=COUNTIFS('Nhiệm vụ'!$E$2:$E$5,"Quá hạn")` },
        { cell: 'B2', formula: `=COUNTIFS('Nhiệm vụ'!$E$2:$E$5,"Quá hạn",'Nhiệm vụ'!$D$2:$D$5,"Chưa")` },
        { cell: 'B3', formula: '=TODAY()' },
        { cell: 'B4', formula: `=SUM('Nhiệm vụ'!A2:A5)` },
      ],
    };
    const wb = await openXlsx(null);
    await wb.apply({ write: [tasks, summary] });
    const file = await save('recalc.xlsx', await wb.toBuffer());

    const recalculated = await recalcWithLibreOffice(file, path.join(dir, 'recalc-out'));
    const snapshot = await (await openXlsx(await readXlsxFile(recalculated))).read(['Nhiệm vụ', 'Tổng hợp']);
    const taskValues = snapshot.contents['Nhiệm vụ'].values;
    expect(taskValues.slice(1).map((row) => row[4])).toEqual([
      'Quá hạn',
      'Trong hạn',
      'Trong hạn',
      'Quá hạn',
    ]);
    expect(taskValues.slice(1).map((row) => row[1])).toEqual([
      '=1+1',
      'Rà soát TTHC',
      '+84 chưa gọi',
      '-Họp BĐH',
    ]);
    expect(taskValues.slice(1).map((row) => row[2])).toEqual(deadlines);
    expect(snapshot.contents['Tổng hợp'].values.map((row) => row[1])).toEqual([2, 1, todaySerial(0), 10]);
    expect(snapshot.contents['Nhiệm vụ'].tables).toEqual([{ name: 'tblNhiemVu', range: 'A1:E5' }]);

    const csv = await sheetCsv(file, path.join(dir, 'csv-out'));
    expect(csv['Nhiệm vụ']).toContain('Quá hạn');
    expect(csv['Tổng hợp'].split('\n')[0]).toBe('Quá hạn,2');
  });

  it('recalculates stale stored results too (the helper’s profile forces it)', async () => {
    const workbook = new ExcelJS.Workbook();
    workbook.addWorksheet('A').getCell('A1').value = {
      formula: '1+1',
      result: 5,
    } as ExcelJS.CellFormulaValue;
    const file = await save('stale.xlsx', new Uint8Array((await workbook.xlsx.writeBuffer()) as ArrayBuffer));
    const recalculated = await recalcWithLibreOffice(file, path.join(dir, 'stale-out'));
    const snapshot = await (await openXlsx(await readXlsxFile(recalculated))).read(['A']);
    expect(snapshot.contents.A.values[0][0]).toBe(2);
  });
});

describe('printing', () => {
  it('prints a report on A4 with Vietnamese text in the sheet font, page numbers from page 2', async () => {
    const lines: (string | null)[][] = [
      ['ỦY BAN NHÂN DÂN', null, 'CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM'],
      ['XÃ LONG ĐIỀN A', null, 'Độc lập - Tự do - Hạnh phúc'],
      ['Số: 05/BC-UBND', null, 'Long Điền A, ngày 05 tháng 06 năm 2026'],
      [null, null, null],
      ['BÁO CÁO', null, null],
      ['Kết quả thực hiện công tác cải cách hành chính 6 tháng đầu năm', null, null],
    ];
    for (let i = 1; i <= 90; i += 1)
      lines.push([`${i}. Nội dung thực hiện nhiệm vụ thứ ${i}: đã hoàn thành đúng hạn.`, null, null]);
    const report: SheetSpec = {
      name: 'Báo cáo',
      kind: 'report',
      cells: lines,
      merges: ['A5:C5', 'A6:C6'],
      columnWidths: [45, 2, 45],
      styles: [
        { range: 'A1:C2', style: { font: { bold: true, size: 12 }, alignment: { horizontal: 'center' } } },
        { range: 'A5:C5', style: { font: { bold: true, size: 14 }, alignment: { horizontal: 'center' } } },
      ],
      page: {
        paper: 'A4',
        orientation: 'portrait',
        margins: { top: 20, bottom: 20, left: 30, right: 15, header: 10, footer: 10 },
        printArea: `A1:C${lines.length}`,
        fitToWidth: true,
        header: { center: '&P', differentFirstPage: true },
      },
      defaultFont: { name: 'Times New Roman', size: 13 },
    };
    const wb = await openXlsx(null);
    await wb.apply({ write: [report] });
    const pdf = await toPdf(await save('report.xlsx', await wb.toBuffer()), path.join(dir, 'pdf-out'));

    const info = await runTool('pdfinfo', [pdf]);
    expect(info).toMatch(/Page size:\s+595(\.\d+)? x 841(\.\d+)? pts \(A4\)/);
    const pages = Number(/Pages:\s+(\d+)/.exec(info)?.[1]);
    expect(pages).toBeGreaterThanOrEqual(2);

    const text = await runTool('pdftotext', ['-layout', pdf, '-']);
    for (const phrase of [
      'CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM',
      'Độc lập - Tự do - Hạnh phúc',
      'Long Điền A, ngày 05 tháng 06 năm 2026',
      'Kết quả thực hiện công tác cải cách hành chính',
      '90. Nội dung thực hiện nhiệm vụ thứ 90: đã hoàn thành đúng hạn.',
    ]) {
      expect(text).toContain(phrase);
    }
    // Page 1 has no header; page 2 starts with its number.
    const page1 = await runTool('pdftotext', ['-f', '1', '-l', '1', '-layout', pdf, '-']);
    const page2 = await runTool('pdftotext', ['-f', '2', '-l', '2', '-layout', pdf, '-']);
    expect(page1.trim().split('\n')[0]).toContain('ỦY BAN NHÂN DÂN');
    expect(page2.trim().split('\n')[0].trim()).toBe('2');

    // Times New Roman, or its metric twin Liberation Serif where Times is not installed.
    expect(await runTool('pdffonts', [pdf])).toMatch(/Times|LiberationSerif/);
  });
});

describe('a user workbook after grafting', () => {
  it('opens in LibreOffice with its chart and the new sheet, and LibreOffice-saved workbooks graft too', async () => {
    const original = await buildUserWorkbook({ chartOn: 'Báo cáo quý' });
    const wb = await openXlsx(original);
    await wb.apply({
      write: [featureTrackerSpec()],
      updates: [{ sheet: 'Cài đặt', cell: 'B1', value: 'Xã Long Điền A' }],
    });
    const grafted = await save('grafted.xlsx', await wb.toBuffer());

    const viaLibreOffice = await recalcWithLibreOffice(grafted, path.join(dir, 'grafted-out'));
    const loParts = await partsOf(await readXlsxFile(viaLibreOffice));
    expect([...loParts.keys()].some((p) => /^xl\/charts\/chart\d+\.xml$/.test(p))).toBe(true);
    const loBook = await openXlsx(await readXlsxFile(viaLibreOffice));
    const snapshot = await loBook.read(['Báo cáo quý', 'Nhiệm vụ', 'Cài đặt']);
    expect(snapshot.sheets.map((s) => s.name)).toEqual([...USER_SHEETS]);
    expect(snapshot.contents['Báo cáo quý'].values[4][1]).toBe(60);
    expect(snapshot.contents['Cài đặt'].values[0][1]).toBe('Xã Long Điền A');
    expect(snapshot.contents['Nhiệm vụ'].values[1].slice(0, 2)).toEqual([1, '=1+1']);
    expect(['Quá hạn', 'Trong hạn']).toContain(snapshot.contents['Nhiệm vụ'].values[1][5]);

    // The LibreOffice-saved workbook (another producer's structure) takes a second graft.
    await loBook.apply({
      write: [
        {
          name: 'Tổng hợp',
          kind: 'summary',
          cells: [['Tổng']],
          formulas: [{ cell: 'B1', formula: "=SUM('Báo cáo quý'!B2:B4)" }],
        },
      ],
      updates: [{ sheet: 'Cài đặt', cell: 'B2', value: 2026 }],
    });
    const second = await save('second.xlsx', await loBook.toBuffer());
    const again = await recalcWithLibreOffice(second, path.join(dir, 'second-out'));
    const final = await (await openXlsx(await readXlsxFile(again))).read(['Tổng hợp', 'Cài đặt']);
    expect(final.contents['Tổng hợp'].values[0]).toEqual(['Tổng', 60]);
    expect(final.contents['Cài đặt'].values[1][1]).toBe(2026);
    expect(final.contents['Cài đặt'].values[3][1]).toBe(2027); // =B2+1, recalculated
  });

  it('opens an Open XML SDK workbook after grafting', async () => {
    const wb = await openXlsx(await buildSdkStyleWorkbook());
    await wb.apply({
      write: [featureTrackerSpec()],
      updates: [{ sheet: 'Dữ liệu', cell: 'B2', value: 2030 }],
    });
    const file = await save('sdk.xlsx', await wb.toBuffer());
    const recalculated = await recalcWithLibreOffice(file, path.join(dir, 'sdk-out'));
    const snapshot = await (await openXlsx(await readXlsxFile(recalculated))).read(['Dữ liệu', 'Nhiệm vụ']);
    expect(snapshot.contents['Dữ liệu'].values.map((row) => row[1])).toEqual(['Long Điền A', 2030, 2031]);
    expect(snapshot.contents['Nhiệm vụ'].values[2].slice(0, 3)).toEqual([2, '+84 912 345 678', 46_500]);
  });
});
