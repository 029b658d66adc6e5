/**
 * "Tổng hợp": live roll-ups of the tracker by plan section, lead body and quarter of the deadline, with
 * totals and % hoàn thành. Only COUNTIFS, DATE, IF and arithmetic (Excel 2010+ and LibreOffice), over
 * the tracker's columns wherever they are, so the figures follow every edit without the add-in.
 */
import { OTHER_GROUP, SHEET, STATE_LABEL } from '../i18n/vi';
import { colToLetters, quoteSheet } from '../domain/a1';
import { formatVnDate, ymdFromIso, type IsoDate } from '../domain/dates';
import { DEADLINE_STATES } from '../domain/deadline';
import { OTHER_KEY, quarterBuckets, type QuarterBucket } from '../domain/rollup';
import type { ColumnKey } from '../domain/tracker';
import { BODY_FONT, HEADER_FILL, HEADER_FONT } from './palette';
import type { CellValue, DataBarSpec, FormulaCell, SheetSpec, StyleRun } from './spec';
import { rowHeightFor } from './textLayout';

export interface SummaryInput {
  year: number;
  /** When the sheet is written (shown; the figures themselves follow TODAY()). */
  writtenOn: IsoDate;
  /** 0-based header row and columns of the tracker, as read. */
  headerRow: number;
  columns: Partial<Record<ColumnKey, number>>;
  sections: { id: string; title: string }[];
  leads: string[];
}

/** Column headers of every block: group, its label, Tổng số, the six states, % hoàn thành. */
const COUNT_HEADERS = ['Tổng số', ...DEADLINE_STATES.map((s) => STATE_LABEL[s]), '% hoàn thành'];
const LAST_COL = 2 + COUNT_HEADERS.length - 1; // A, B, then counts → J
const MAX_ROW = 1048576;
const WIDTHS = [8, 48, 9, 13, 13, 10, 11, 10, 12, 12];

export interface SummaryLayout {
  /** Sheet row (1-based) of each block's first data row and its total row. */
  blocks: { key: 'section' | 'lead' | 'quarter'; firstRow: number; keys: string[]; totalRow: number }[];
}

export function buildSummarySheet(input: SummaryInput): { spec: SheetSpec; layout: SummaryLayout } {
  const col = (k: ColumnKey): string => {
    const c = input.columns[k];
    if (c === undefined) throw new RangeError(`tracker column ${k} not found`);
    const L = colToLetters(c);
    return `${quoteSheet(SHEET.tracker)}!$${L}$${input.headerRow + 2}:$${L}$${MAX_ROW}`;
  };
  const task = col('task');
  const state = col('deadlineState');
  const q = (s: string): string => `"${s.replace(/"/g, '""')}"`;
  /** A COUNTIFS criterion that matches exactly this text: "=" first, wildcards * ? ~ escaped. */
  const eq = (s: string): string => q(`=${s.replace(/[~*?]/g, (m) => `~${m}`)}`);
  const cells: CellValue[][] = [];
  const formulas: FormulaCell[] = [];
  const styles: StyleRun[] = [];
  const dataBars: DataBarSpec[] = [];
  const merges: string[] = [];
  const rowHeights: Record<number, number> = { 2: 30 };
  const layout: SummaryLayout = { blocks: [] };
  const L = colToLetters;
  const put = (row: number, values: CellValue[]): void => {
    cells[row - 1] = values;
  };
  const formulaRow = (row: number, criteria: string[]): void => {
    const crit = criteria.join(',');
    formulas.push({ cell: `C${row}`, formula: `=COUNTIFS(${crit},${task},"<>")` });
    DEADLINE_STATES.forEach((s, i) => {
      formulas.push({
        cell: `${L(3 + i)}${row}`,
        formula: `=COUNTIFS(${crit},${state},${q(STATE_LABEL[s])})`,
      });
    });
    formulas.push({ cell: `${L(LAST_COL)}${row}`, formula: `=IF(C${row}=0,0,(D${row}+E${row})/C${row})` });
  };
  const { year } = input;
  put(1, [`TỔNG HỢP TÌNH HÌNH THỰC HIỆN KẾ HOẠCH CẢI CÁCH HÀNH CHÍNH NĂM ${year}`]);
  merges.push(`A1:${L(LAST_COL)}1`);
  put(2, [
    `Số liệu tự cập nhật theo trang "${SHEET.tracker}" và ngày hôm nay (công thức). Trang được tạo ngày ${formatVnDate(input.writtenOn)}; đừng sửa trang này, hãy sửa trang "${SHEET.tracker}".`,
  ]);
  merges.push(`A2:${L(LAST_COL)}2`);
  styles.push(
    { range: 'A1', style: { font: { bold: true, size: 14 }, alignment: { horizontal: 'center' } } },
    {
      range: 'A2',
      style: {
        font: { italic: true, size: 11, color: '595959' },
        alignment: { horizontal: 'center', wrap: true },
      },
    },
  );
  let row = 4;
  const block = (
    key: 'section' | 'lead' | 'quarter',
    title: string,
    groupHeader: [string, string],
    groups: { key: string; a: CellValue; b: string; criteria: string[] | null }[],
  ): void => {
    put(row, [title]);
    styles.push({ range: `A${row}`, style: { font: { bold: true, size: 13 } } });
    row += 1;
    put(row, [...groupHeader, ...COUNT_HEADERS]);
    rowHeights[row] = 32; // the state names wrap onto two lines
    styles.push({
      range: `A${row}:${L(LAST_COL)}${row}`,
      style: {
        font: { bold: true, color: HEADER_FONT },
        fill: HEADER_FILL,
        alignment: { horizontal: 'center', vertical: 'center', wrap: true },
      },
    });
    row += 1;
    const firstRow = row;
    for (const g of groups) {
      put(row, [g.a, g.b]);
      rowHeights[row] = rowHeightFor([{ text: g.b, widthChars: WIDTHS[1] }], BODY_FONT.size);
      if (g.criteria) formulaRow(row, g.criteria);
      row += 1;
    }
    const lastRow = row - 1;
    // Rows without criteria (tasks without a deadline) are the total less the dated rows.
    groups.forEach((g, i) => {
      if (g.criteria) return;
      const r = firstRow + i;
      const others = groups.map((_, j) => j).filter((j) => j !== i);
      for (let c = 2; c < LAST_COL; c++) {
        const letter = L(c);
        const minus = others.map((j) => `${letter}${firstRow + j}`).join(',');
        formulas.push({ cell: `${letter}${r}`, formula: `=${letter}${lastRow + 1}-SUM(${minus})` });
      }
      formulas.push({ cell: `${L(LAST_COL)}${r}`, formula: `=IF(C${r}=0,0,(D${r}+E${r})/C${r})` });
    });
    put(row, ['', 'Tổng cộng']);
    const totalRow = row;
    // Every block's total counts every task, so a row without criteria ("Khác", "Không có hạn") is the total
    // less the listed rows, and each block adds up to the same total.
    formulas.push({ cell: `C${row}`, formula: `=COUNTIFS(${task},"<>")` });
    DEADLINE_STATES.forEach((s, i) => {
      formulas.push({ cell: `${L(3 + i)}${row}`, formula: `=COUNTIFS(${state},${q(STATE_LABEL[s])})` });
    });
    formulas.push({ cell: `${L(LAST_COL)}${row}`, formula: `=IF(C${row}=0,0,(D${row}+E${row})/C${row})` });
    styles.push(
      {
        range: `A${firstRow}:${L(LAST_COL)}${totalRow}`,
        style: { border: { top: 'thin', bottom: 'thin', left: 'thin', right: 'thin' } },
      },
      { range: `A${firstRow}:A${totalRow}`, style: { alignment: { horizontal: 'center', vertical: 'top' } } },
      { range: `B${firstRow}:B${totalRow}`, style: { alignment: { wrap: true, vertical: 'top' } } },
      {
        range: `C${firstRow}:${L(LAST_COL - 1)}${totalRow}`,
        style: { numberFormat: '0', alignment: { horizontal: 'center', vertical: 'top' } },
      },
      {
        range: `${L(LAST_COL)}${firstRow}:${L(LAST_COL)}${totalRow}`,
        style: { numberFormat: '0%', alignment: { horizontal: 'center', vertical: 'top' } },
      },
      { range: `A${totalRow}:${L(LAST_COL)}${totalRow}`, style: { font: { bold: true }, fill: 'DDEBF7' } },
    );
    dataBars.push({
      range: `${L(LAST_COL)}${firstRow}:${L(LAST_COL)}${totalRow}`,
      color: '63BE7B',
      min: 0,
      max: 1,
    });
    layout.blocks.push({
      key,
      firstRow,
      keys: groups.map((g) => g.key),
      totalRow,
    });
    row += 2;
  };
  const section = col('section');
  const lead = col('lead');
  const deadline = col('deadline');
  block(
    'section',
    '1. Theo mục của kế hoạch',
    ['Mục', 'Nội dung'],
    [
      ...input.sections.map((s) => ({ key: s.id, a: s.id, b: s.title, criteria: [section, eq(s.id)] })),
      { key: OTHER_KEY, a: '', b: OTHER_GROUP.section, criteria: null },
    ],
  );
  block(
    'lead',
    '2. Theo cơ quan chủ trì',
    ['STT', 'Cơ quan chủ trì'],
    [
      ...input.leads.map((l, i) => ({ key: l, a: i + 1, b: l, criteria: [lead, eq(l)] })),
      { key: OTHER_KEY, a: '', b: OTHER_GROUP.lead, criteria: null },
    ],
  );
  const dateCrit = (b: QuarterBucket): string[] | null => {
    if (b.none) return null;
    const c: string[] = [];
    const serialOf = (iso: IsoDate): string => {
      const { year: y, month, day } = ymdFromIso(iso);
      return `DATE(${y},${month},${day})`;
    };
    if (b.from) c.push(deadline, `">="&${serialOf(b.from)}`);
    if (b.to) c.push(deadline, `"<="&${serialOf(b.to)}`);
    return c;
  };
  block(
    'quarter',
    '3. Theo quý (theo hạn hoàn thành)',
    ['Kỳ', 'Hạn hoàn thành'],
    quarterBuckets(year).map((b, i) => ({ key: b.key, a: i + 1, b: b.label, criteria: dateCrit(b) })),
  );
  const width = LAST_COL + 1;
  const dense = Array.from({ length: cells.length }, (_, i) => {
    const r = cells[i] ?? [];
    return Array.from({ length: width }, (_, c) => r[c] ?? null);
  });
  return {
    layout,
    spec: {
      name: SHEET.summary,
      kind: 'summary',
      defaultFont: BODY_FONT,
      cells: dense,
      formulas,
      styles,
      merges,
      dataBars,
      columnWidths: WIDTHS,
      rowHeights,
      autoRowHeights: true,
      page: {
        paper: 'A4',
        orientation: 'landscape',
        margins: { top: 15, bottom: 15, left: 15, right: 10, header: 8, footer: 8 },
        fitToWidth: true,
        printArea: `A1:${L(LAST_COL)}${dense.length}`,
      },
    },
  };
}
