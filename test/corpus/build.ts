/**
 * Two ways the corpus's workbooks come to be, as in real life:
 * - a user's own tracker, typed (or pasted) into Excel: written here with ExcelJS, cell by cell;
 * - the add-in's tracker (Khởi tạo bảng theo dõi, and optionally a first Tổng hợp báo cáo), filled with the
 *   corpus's rows and then edited by the user or another program (see zip.ts).
 * Every row carries the facts the oracle counts (oracle.ts) next to the cells that express them.
 */
import ExcelJS from 'exceljs';

import { compileReport } from '../../src/app';
import { openXlsx } from '../../src/workbook/xlsx/xlsxWorkbook';
import type { Iso, RowFacts } from './oracle';
import type { XmlCell } from '../support/xlsxZip';
import { initNamed, TEST_IDENTITY } from '../support/identity';

export type Col =
  | 'stt'
  | 'section'
  | 'task'
  | 'lead'
  | 'coordinators'
  | 'timeline'
  | 'deadline'
  | 'status'
  | 'completedOn'
  | 'evidence'
  | 'note'
  | 'deadlineState';

/** The tracker's headers as the add-in writes them (the user guide's wording). */
export const HEADER: Record<Col, string> = {
  stt: 'STT',
  section: 'Mục',
  task: 'Nội dung nhiệm vụ',
  lead: 'Cơ quan chủ trì',
  coordinators: 'Cơ quan phối hợp',
  timeline: 'Thời gian thực hiện',
  deadline: 'Hạn hoàn thành',
  status: 'Trạng thái',
  completedOn: 'Ngày hoàn thành',
  evidence: 'Kết quả / Hồ sơ minh chứng',
  note: 'Ghi chú',
  deadlineState: 'Tình trạng hạn',
};

export const COLS: readonly Col[] = [
  'stt',
  'section',
  'task',
  'lead',
  'coordinators',
  'timeline',
  'deadline',
  'status',
  'completedOn',
  'evidence',
  'note',
  'deadlineState',
];

export const STATUS = {
  notStarted: 'Chưa thực hiện',
  inProgress: 'Đang thực hiện',
  done: 'Hoàn thành',
} as const;

/** A cell as the user or program put it there. */
type CellInput = XmlCell | { date: Iso; numFmt?: string } | { number: number; numFmt: string };

export interface RowSpec {
  /** What the row means; absent for rows that are no task (blank, a copied header, STT only, …). */
  facts?: RowFacts;
  /** Trạng thái as typed; default Hoàn thành / Đang thực hiện from the facts. */
  status?: string;
  evidence?: string;
  /** Cells written instead of the ones the facts would give, by column. */
  cells?: Partial<Record<Col, CellInput>>;
  /** Values of the user's extra columns, by header. */
  extra?: Record<string, CellInput>;
}

/** A column of a user's tracker: one of the tracker's (with the header as typed) or an extra one. */
export interface ColumnDef {
  header: string;
  key?: Col;
}

export function standardColumns(): ColumnDef[] {
  return COLS.map((key) => ({ header: HEADER[key], key }));
}

/** Excel serial (1900 system) of a date from 01/03/1900 on. */
export function serialOf(iso: Iso): number {
  const [y, m, d] = iso.split('-').map(Number);
  return Math.round((Date.UTC(y, m - 1, d) - Date.UTC(1899, 11, 30)) / 86_400_000);
}

export function letter(index: number): string {
  let n = index + 1;
  let s = '';
  while (n > 0) {
    const r = (n - 1) % 26;
    s = String.fromCharCode(65 + r) + s;
    n = Math.floor((n - 1) / 26);
  }
  return s;
}

/** Where things are on a user's tracker: the header row and each column's letter. */
export interface Layout {
  headerRow: number;
  /** Sheet row of rows[i]. */
  rowOf(i: number): number;
  /** Letter of the first column with this key. */
  col(key: Col): string;
  cell(key: Col, i: number): string;
}

export function layoutOf(columns: readonly ColumnDef[], titleRows = 0): Layout {
  const headerRow = titleRows + 1;
  const col = (key: Col): string => {
    const i = columns.findIndex((c) => c.key === key);
    if (i < 0) throw new Error(`corpus: no column ${key}`);
    return letter(i);
  };
  return {
    headerRow,
    rowOf: (i) => headerRow + 1 + i,
    col,
    cell: (key, i) => `${col(key)}${headerRow + 1 + i}`,
  };
}

/** The cells the facts give for a column. */
function defaultCell(row: RowSpec, key: Col, i: number, layout: Layout): CellInput {
  const f = row.facts;
  if (!f) return null;
  switch (key) {
    case 'stt':
      return i + 1;
    case 'section':
      return f.section;
    case 'task':
      return f.task;
    case 'lead':
      return f.lead;
    case 'deadline':
      return f.deadline ? { date: f.deadline } : null;
    case 'status':
      return row.status ?? (f.done ? STATUS.done : STATUS.inProgress);
    case 'completedOn':
      return f.completedOn ? { date: f.completedOn } : null;
    case 'evidence':
      return row.evidence ?? null;
    case 'deadlineState': {
      // A user's own state formula, with the result Excel last showed.
      const dl = `${layoutSafe(layout, 'deadline')}${layout.rowOf(i)}`;
      return { formula: `IF(${dl}="","Thường xuyên",IF(${dl}<TODAY(),"Quá hạn","Trong hạn"))`, result: '' };
    }
    default:
      return null;
  }
}

function layoutSafe(layout: Layout, key: Col): string {
  try {
    return layout.col(key);
  } catch {
    return 'G';
  }
}

function putCell(ws: ExcelJS.Worksheet, address: string, input: CellInput): void {
  if (input === null) return;
  const cell = ws.getCell(address);
  if (typeof input !== 'object') {
    cell.value = input;
    return;
  }
  if ('date' in input) {
    cell.value = serialOf(input.date);
    cell.numFmt = input.numFmt ?? 'dd/mm/yyyy';
  } else if ('number' in input) {
    cell.value = input.number;
    cell.numFmt = input.numFmt;
  } else if ('error' in input) {
    cell.value = { error: input.error } as ExcelJS.CellErrorValue;
  } else {
    const result = input.result ?? undefined;
    cell.value = { formula: input.formula.replace(/^=/, ''), result } as ExcelJS.CellFormulaValue;
  }
}

export interface UserTrackerOptions {
  sheetName?: string;
  columns?: ColumnDef[];
  rows: RowSpec[];
  /** Rows above the header (a title, a subtitle…), by column position. */
  titleRows?: CellInput[][];
  /** A 'Cài đặt' sheet of the user's own with Năm theo dõi = 2026 (default true). */
  settings?: boolean;
  /** Anything else: merges, hidden rows, notes, other sheets. */
  tweak?: (wb: ExcelJS.Workbook, ws: ExcelJS.Worksheet, layout: Layout) => void | Promise<void>;
}

/** A tracker a user made in Excel without the add-in. */
export async function userTracker(opts: UserTrackerOptions): Promise<Uint8Array> {
  const wb = new ExcelJS.Workbook();
  wb.creator = 'Văn phòng UBND xã';
  const columns = opts.columns ?? standardColumns();
  const layout = layoutOf(columns, opts.titleRows?.length ?? 0);
  const ws = wb.addWorksheet(opts.sheetName ?? 'Nhiệm vụ');
  (opts.titleRows ?? []).forEach((cells, r) =>
    cells.forEach((v, c) => putCell(ws, `${letter(c)}${r + 1}`, v)),
  );
  columns.forEach((c, j) => {
    const cell = ws.getCell(`${letter(j)}${layout.headerRow}`);
    cell.value = c.header;
    cell.font = { bold: true };
    cell.fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFDDEBF7' } };
  });
  opts.rows.forEach((row, i) => {
    columns.forEach((c, j) => {
      const address = `${letter(j)}${layout.rowOf(i)}`;
      let input: CellInput;
      if (c.key === undefined) input = row.extra?.[c.header] ?? null;
      else if (row.cells && c.key in row.cells) input = row.cells[c.key] ?? null;
      else input = defaultCell(row, c.key, i, layout);
      putCell(ws, address, input);
    });
  });
  ws.columns.forEach((col, j) => {
    col.width = columns[j]?.key === 'task' ? 50 : 16;
  });
  if (opts.settings !== false) {
    const settings = wb.addWorksheet('Cài đặt');
    settings.addRows([
      ['Thông số', 'Giá trị'],
      ['Năm theo dõi', 2026],
      ['Tên đơn vị', TEST_IDENTITY.unitName],
      // Whose report it is: a report without a place and a signer refuses (issue 20, item 7).
      ['Địa danh', TEST_IDENTITY.place],
      ['Họ tên người ký', TEST_IDENTITY.signerName],
    ]);
  }
  await opts.tweak?.(wb, ws, layout);
  return new Uint8Array((await wb.xlsx.writeBuffer()) as ArrayBuffer);
}

/** An office workbook the user already had (sheets, styles, notes, a picture), before the add-in came. */
export async function officeWorkbook(extra?: (wb: ExcelJS.Workbook) => void): Promise<Uint8Array> {
  const wb = new ExcelJS.Workbook();
  wb.creator = 'Văn phòng UBND xã';
  const register = wb.addWorksheet('Sổ công văn', { properties: { tabColor: { argb: 'FF00B050' } } });
  register.addRows([
    ['Loại', 'Số văn bản', 'Ngày', 'Trích yếu'],
    ['QĐ', 12, null, 'Quyết định kiện toàn Ban điều hành CCHC'],
    ['CV', 7, null, 'Công văn về rà soát TTHC'],
    ['QĐ', 15, null, 'Quyết định ban hành kế hoạch CCHC'],
    ['BC', 3, null, 'Báo cáo CCHC quý I'],
  ]);
  ['C2', 'C3', 'C4', 'C5'].forEach((a, i) => putCell(register, a, { date: `2026-0${i + 1}-1${i}` }));
  register.getCell('B6').value = { formula: 'SUM(B2:B5)', result: 37 } as ExcelJS.CellFormulaValue;
  register.getCell('A1').font = {
    name: 'Times New Roman',
    bold: true,
    size: 13,
    color: { argb: 'FF1F3864' },
  };
  register.getCell('D1').fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFFFF2CC' } };
  register.getCell('D2').note = 'Đã trình Chủ tịch ký';
  register.getCell('D4').note = 'Bản chính lưu ở văn thư';
  register.mergeCells('F1:H1');
  register.getCell('F1').value = 'Theo dõi văn bản đi – đến';
  const logo = wb.addImage({
    base64:
      'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==',
    extension: 'png',
  });
  register.addImage(logo, { tl: { col: 5, row: 2 }, ext: { width: 48, height: 48 } });
  const people = wb.addWorksheet('📊 Nhân sự');
  people.addRows([
    ['Họ tên', 'Chức vụ', 'Ghi chú'],
    ['Trương Minh Sơn', 'Phó Chủ tịch', 'Trưởng BĐH CCHC'],
    ['Nguyễn Thị Ánh', 'Công chức VP – TK', '=không phải công thức'],
  ]);
  people.getCell('C3').numFmt = '@';
  extra?.(wb);
  return new Uint8Array((await wb.xlsx.writeBuffer()) as ArrayBuffer);
}

/** When the add-in wrote the file (fixed, so runs are repeatable). */
const INIT_AT = new Date('2026-01-05T08:00:00Z');
const EARLIER_REPORT_AT = new Date('2026-06-03T08:00:00Z');

export interface AddinOptions {
  /** The workbook the add-in was started in (default: a new one). */
  base?: Uint8Array;
  /** Also run Tổng hợp báo cáo once, as of 03/06/2026. */
  reported?: boolean;
  year?: number;
}

/** The add-in's tracker (init through the .xlsx adapter) holding these rows. */
export async function addinTracker(rows: readonly RowSpec[], opts: AddinOptions = {}): Promise<Uint8Array> {
  const book = await openXlsx(opts.base ?? null);
  const seeds = rows.map((r, i) => {
    const f = r.facts;
    if (!f) throw new Error('corpus: add-in rows need facts');
    return {
      stt: i + 1,
      section: f.section,
      task: f.task,
      lead: f.lead,
      coordinators: '',
      timeline: '',
      deadline: f.deadline,
      note: '',
      status: r.status ?? (f.done ? STATUS.done : STATUS.inProgress),
      completedOn: f.completedOn,
      evidence: r.evidence ?? '',
    };
  });
  const init = await initNamed(book, { year: opts.year ?? 2026, seeds, now: INIT_AT });
  if (!init.ok) throw new Error(`corpus: init failed: ${init.message}`);
  if (opts.reported) {
    const out = await compileReport(book, {
      asOf: '2026-06-03',
      period: { year: 2026, quarter: 2 },
      now: EARLIER_REPORT_AT,
    });
    if (!out.ok) throw new Error(`corpus: first report failed: ${out.message}`);
  }
  return book.toBuffer();
}
