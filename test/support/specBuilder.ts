/** Small SheetSpec builders for the adapter tests (the real builders live in src/sheets). */
import type { CellValue, SheetSpec } from '../../src/sheets/spec';
import { colToLetters } from '../../src/domain/a1';
import { SHEET } from '../../src/i18n/vi';

export function sheetSpec(name: string, cells: CellValue[][], extra: Partial<SheetSpec> = {}): SheetSpec {
  return { name, kind: 'report', cells, ...extra };
}

/**
 * A sheet with everything a spec can write and leave behind: values, formulas (one outside the values), fonts,
 * fills, alignment, borders, number formats, merges, sizes, validations, conditional formats, a data bar,
 * frozen panes, a landscape page with a print area and a header, a tab colour and a sheet font. `page` adds
 * to its page setup. Title rows are not in it by default: the Office adapter does not yet clear a replaced
 * sheet's title rows, so replaceInPlace.test.ts's "leaves nothing of the old sheet" would fail with them.
 */
export function richSpec(name = 'Báo cáo', page: Partial<NonNullable<SheetSpec['page']>> = {}): SheetSpec {
  return sheetSpec(
    name,
    [
      ['BÁO CÁO KẾT QUẢ', null, null, null],
      ['Nội dung', 'Số lượng', 'Tỷ lệ', 'Hạn'],
      ['Hoàn thành', 3, 0.75, 46100],
      ['Tổng', null, null, null],
      ['ghi chú cũ ở dòng 5', null, null, null],
    ],
    {
      formulas: [
        { cell: 'B4', formula: '=SUM(B3:B3)' },
        { cell: 'C4', formula: '=IF(B4=0,0,B3/B4)' },
        { cell: 'F9', formula: '=B4*2' },
      ],
      styles: [
        {
          range: 'A1:D1',
          style: {
            font: {
              name: 'Times New Roman',
              size: 14,
              bold: true,
              italic: true,
              underline: true,
              color: '1F4E78',
            },
          },
        },
        {
          range: 'A2:D2',
          style: { fill: 'D9E1F2', alignment: { horizontal: 'center', vertical: 'center', wrap: true } },
        },
        { range: 'A2:D4', style: { border: { top: 'thin', bottom: 'thin', left: 'thin', right: 'medium' } } },
        { range: 'C3:C4', style: { numberFormat: '0%' } },
        { range: 'D3', style: { numberFormat: 'dd/mm/yyyy' } },
        { range: 'A3:A4', style: { alignment: { indent: 1, wrap: true } } },
      ],
      merges: ['A1:D1', 'A5:D5'],
      columnWidths: [40, 12, 12, 14],
      rowHeights: { 1: 30, 2: 20, 3: 20, 5: 45 },
      validations: [
        {
          range: 'D3:D4',
          rule: { type: 'date', min: '2021-01-01', max: '2031-12-31' },
          allowBlank: true,
          error: { title: 'Ngày', message: 'Nhập ngày.', style: 'stop' },
        },
        {
          range: 'B3:B4',
          rule: { type: 'list', source: `='${SHEET.lists}'!$B$2:$B$4` },
          allowBlank: true,
          error: { title: 'Chọn', message: 'Chọn trong danh sách.', style: 'stop' },
        },
      ],
      conditionalFormats: [{ range: 'A3:D4', formula: '=$B3>2', fill: 'FFC7CE', fontColor: '9C0006' }],
      dataBars: [{ range: 'C3:C4', color: '5B9BD5', min: 0, max: 1 }],
      freeze: { rows: 2, columns: 1 },
      page: {
        paper: 'A4',
        orientation: 'landscape',
        margins: { top: 20, bottom: 20, left: 30, right: 15, header: 10, footer: 10 },
        printArea: 'A1:D5',
        fitToWidth: true,
        centerHorizontally: true,
        header: { center: 'Trang &P', differentFirstPage: true },
        firstPageNumber: 3,
        ...page,
      },
      tabColor: '70AD47',
      defaultFont: { name: 'Times New Roman', size: 13 },
    },
  );
}

const WORDS =
  'Triển khai thực hiện nhiệm vụ cải cách hành chính năm 2026 của Ủy ban nhân dân xã Long Điền A, ' +
  'rà soát thủ tục hành chính, nâng cao chỉ số hài lòng của người dân và doanh nghiệp, số hóa hồ sơ. ';

/** Vietnamese text of exactly `length` characters (varies with `seed`). */
export function vietnameseText(length: number, seed = 0): string {
  let s = `${seed}. `;
  while (s.length < length) s += WORDS;
  return s.slice(0, length);
}

const TRACKER_HEADERS = [
  'STT',
  'Mục',
  'Nội dung nhiệm vụ',
  'Cơ quan chủ trì',
  'Cơ quan phối hợp',
  'Thời gian',
  'Hạn hoàn thành',
  'Trạng thái',
  'Ngày hoàn thành',
  'Sản phẩm',
  'Ghi chú',
  'Tình trạng hạn',
];

/** A long relative formula like the tracker's deadline-state column (about 450 characters). */
export function stateFormula(row: number): string {
  const r = (c: string): string => `${c}${row}`;
  return (
    `=IF(TRIM(${r('C')})="","",IF(AND(TRIM(${r('H')})="Hoàn thành",OR(${r('I')}="",${r('I')}<=TODAY())),` +
    `IF(OR(${r('G')}="",${r('I')}="",${r('I')}<=${r('G')}),"Hoàn thành đúng hạn","Hoàn thành trễ hạn"),` +
    `IF(${r('G')}="","Đang thực hiện",IF(${r('G')}<TODAY(),"Quá hạn",IF(${r('G')}<=TODAY()+` +
    `IF(ISNUMBER('Cài đặt'!$B$6),'Cài đặt'!$B$6,7),"Sắp đến hạn","Trong hạn")))))`
  );
}

/**
 * stateFormula with a formula comment (T(N("…")) adds "") that brings it to about 450 characters, the length
 * the port's limits are stated for.
 */
export function longStateFormula(row: number): string {
  const note =
    'Tình trạng hạn tính từ hạn hoàn thành, trạng thái, ngày hoàn thành và số ngày cảnh báo ở trang Cài đặt của sổ theo dõi';
  return `${stateFormula(row)}&T(N("${note}"))`;
}

/**
 * A tracker-like sheet: 12 columns, `rows` tasks with texts of `textLength` characters in the task column
 * (and shorter ones elsewhere), a table with a calculated column, validations, conditional formats,
 * frozen header and A4 page setup — the shape the real tracker builder produces.
 */
export function trackerSpec(
  name: string,
  rows: number,
  textLength: number,
  noteLength = Math.round(textLength / 3),
  formula: (row: number) => string = stateFormula,
): SheetSpec {
  const cells: CellValue[][] = [[...TRACKER_HEADERS]];
  for (let i = 0; i < rows; i++) {
    cells.push([
      i + 1,
      `${(i % 9) + 1}`,
      vietnameseText(textLength, i),
      'Văn phòng HĐND và UBND xã',
      'Các ban, ngành, đoàn thể xã',
      'Quý II/2026',
      46100 + (i % 300),
      'Đang thực hiện',
      i % 3 === 0 ? 46050 + (i % 200) : null,
      i % 5 === 0 ? '- Báo cáo kết quả' : '',
      vietnameseText(noteLength, i + 7),
      null,
    ]);
  }
  const last = rows + 1;
  const L = (i: number): string => colToLetters(i);
  const data = (i: number): string => `${L(i)}2:${L(i)}${last}`;
  return {
    name,
    kind: 'tracker',
    defaultFont: { name: 'Times New Roman', size: 12 },
    cells,
    formulas: Array.from({ length: rows }, (_, i) => ({ cell: `L${i + 2}`, formula: formula(i + 2) })),
    table: {
      name: 'NhiemVu',
      range: `A1:L${last}`,
      columns: [...TRACKER_HEADERS],
      style: 'TableStyleLight9',
      calculatedColumns: [{ column: 11, formula: formula(2) }],
    },
    styles: [
      {
        range: 'A1:L1',
        style: {
          font: { bold: true, color: 'FFFFFF' },
          fill: '1F4E78',
          alignment: { horizontal: 'center', wrap: true },
        },
      },
      { range: `A2:L${last}`, style: { alignment: { vertical: 'top', wrap: true } } },
      { range: data(1), style: { numberFormat: '@' } },
      ...[2, 3, 4, 5, 9, 10].map((c) => ({ range: data(c), style: { numberFormat: '@' } })),
      ...[6, 8].map((c) => ({
        range: data(c),
        style: { numberFormat: 'dd/mm/yyyy', alignment: { horizontal: 'center' as const } },
      })),
    ],
    columnWidths: [5, 7, 58, 26, 26, 24, 12, 15, 12, 30, 26, 19],
    rowHeights: { 1: 32 },
    validations: [
      {
        range: data(7),
        rule: { type: 'list', source: "='Danh mục'!$B$2:$B$4" },
        allowBlank: true,
        error: { title: 'Trạng thái không hợp lệ', message: 'Hãy chọn trong danh sách.', style: 'stop' },
      },
      {
        range: data(6),
        rule: { type: 'date', min: '2021-01-01', max: '2031-12-31' },
        allowBlank: true,
        prompt: { title: 'Hạn hoàn thành', message: 'Nhập ngày dạng dd/mm/yyyy.' },
        error: { title: 'Ngày không hợp lệ', message: 'Hãy nhập một ngày thật.', style: 'stop' },
      },
    ],
    conditionalFormats: [
      {
        range: `A2:L${last}`,
        formula: '=$L2="Quá hạn"',
        fill: 'FFC7CE',
        fontColor: '9C0006',
        stopIfTrue: true,
      },
      {
        range: `A2:L${last}`,
        formula: '=$L2="Sắp đến hạn"',
        fill: 'FFEB9C',
        fontColor: '7F4F00',
        stopIfTrue: true,
      },
    ],
    freeze: { rows: 1, columns: 0 },
    page: {
      paper: 'A4',
      orientation: 'landscape',
      margins: { top: 15, bottom: 15, left: 15, right: 10, header: 8, footer: 8 },
      printTitleRows: '1:1',
      fitToWidth: true,
      header: { center: 'Trang &P/&N', differentFirstPage: false },
    },
  };
}
