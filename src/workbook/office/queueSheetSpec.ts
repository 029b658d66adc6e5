/**
 * Queues the Office.js operations that make a new, empty worksheet look like a SheetSpec (queueSheetSpec), and
 * those that empty an existing one first so it can be written in place (resetSheet). Nothing here syncs on
 * its own: the budget syncs early only when the queued payload would pass the request limit. Column widths, the
 * page setup and the heights of merged rows are sheetLayout.ts's.
 *
 * Order matters in three places: number formats (including "@" for text Excel would parse) go before the
 * values, so the values land as intended; formulas go after the values they override; direct formats go after
 * the table and its filled-down columns, so they win over whatever the fill copied.
 */
import type {
  CellStyle,
  CellValue,
  ConditionalFormatSpec,
  DataBarSpec,
  SheetSpec,
  StyleRun,
  TableSpec,
  ValidationRule,
  ValidationSpec,
} from '../../sheets/spec';
import {
  formatRange,
  parseA1Cell,
  parseRange,
  rangeToA1,
  toA1,
  type CellRef,
  type RangeRef,
} from '../../domain/a1';
import { columnCount, coverCells, intersect, isUnbounded, rowCount } from './ranges';
import { coalesceMerges, coalesceStyles } from './coalesce';
import { estimate, OPERATION_BYTES, queue, rowJsonBytes, type SyncBudget } from './syncBudget';
import { needsTextFormat } from './textFormat';
import {
  columnWidthPoints,
  writePage,
  styleAt,
  mergedRowHeights,
  fittedRuns,
  runsOf,
  resetPage,
} from './sheetLayout';

export interface WriteEnv {
  budget: SyncBudget;
  /** Vietnamese notes for the user about what could not be written as specified. */
  warnings: string[];
}

const hex = (rgb: string): string => `#${rgb.replace(/^#/, '').toUpperCase()}`;

const HORIZONTAL = { left: 'Left', center: 'Center', right: 'Right', justify: 'Justify' } as const;
const VERTICAL = { top: 'Top', center: 'Center', bottom: 'Bottom' } as const;

type BorderEdge = 'EdgeTop' | 'EdgeBottom' | 'EdgeLeft' | 'EdgeRight' | 'InsideHorizontal' | 'InsideVertical';

type GridProperty = 'values' | 'formulas' | 'numberFormat';

/**
 * Writes a 2-D array property in row chunks, each chunk sized to the room left in the current request, so a
 * big sheet costs as many syncs as its bytes need and a small one shares the single sync.
 */
async function writeRows(
  ws: Excel.Worksheet,
  origin: CellRef,
  rows: number,
  columns: number,
  rowAt: (i: number) => unknown[],
  property: GridProperty,
  budget: SyncBudget,
): Promise<void> {
  let i = 0;
  while (i < rows) {
    let bytes = OPERATION_BYTES + rowJsonBytes(rowAt(i));
    if (bytes > budget.room) await budget.flush();
    const start = i;
    i++;
    while (i < rows) {
      const next = rowJsonBytes(rowAt(i));
      if (bytes + next > budget.room) break;
      bytes += next;
      i++;
    }
    await budget.reserve(bytes);
    const chunk: unknown[][] = [];
    for (let r = start; r < i; r++) chunk.push(rowAt(r));
    const address = rangeToA1(origin.row + start, origin.col, origin.row + i - 1, origin.col + columns - 1);
    // Office.js types these arrays as any[][]; ours are built to the range's exact shape.
    ws.getRange(address)[property] = chunk;
  }
}

function constantRows(
  range: RangeRef,
  value: string,
): { rows: number; columns: number; rowAt: () => string[] } {
  const line = new Array<string>(columnCount(range)).fill(value);
  return { rows: rowCount(range), columns: columnCount(range), rowAt: () => line };
}

/** The dense grid of a spec: every row padded to the widest one. */
function denseCells(cells: readonly (readonly CellValue[])[]): CellValue[][] {
  const width = cells.reduce((w, row) => Math.max(w, row.length), 0);
  return cells.map((row) =>
    row.length === width ? [...row] : [...row, ...new Array<CellValue>(width - row.length).fill(null)],
  );
}

const key = (row: number, col: number): string => `${row},${col}`;

/** The cells of calculated columns (data rows of the table), keyed "row,col". */
function calculatedCells(table: TableSpec | undefined): Set<string> {
  const out = new Set<string>();
  if (!table?.calculatedColumns?.length) return out;
  const range = parseRange(table.range);
  for (const { column } of table.calculatedColumns) {
    for (let r = range.start.row + 1; r <= range.end.row; r++) out.add(key(r, range.start.col + column));
  }
  return out;
}

/** Gives "@" to cells holding text Excel would otherwise parse, in as few requests as is cheap. */
async function protectText(
  ws: Excel.Worksheet,
  cells: CellValue[][],
  skip: Set<string>,
  styles: readonly StyleRun[],
  parsedStyles: readonly RangeRef[],
  budget: SyncBudget,
): Promise<void> {
  const risky: CellRef[] = [];
  cells.forEach((line, row) =>
    line.forEach((v, col) => {
      if (typeof v !== 'string' || !needsTextFormat(v) || skip.has(key(row, col))) return;
      if (styleAt(styles, parsedStyles, { row, col }, (st) => st.numberFormat) === '@') return;
      risky.push({ row, col });
    }),
  );
  if (risky.length === 0) return;
  const rects = coverCells(risky);
  const box: RangeRef = { start: { ...risky[0] }, end: { ...risky[0] } };
  for (const c of risky) {
    box.start.row = Math.min(box.start.row, c.row);
    box.start.col = Math.min(box.start.col, c.col);
    box.end.row = Math.max(box.end.row, c.row);
    box.end.col = Math.max(box.end.col, c.col);
  }
  const perRect = rects.reduce((sum, r) => sum + OPERATION_BYTES + rowCount(r) * (columnCount(r) * 4 + 3), 0);
  const sparse = OPERATION_BYTES + rowCount(box) * (columnCount(box) * 5 + 3);
  if (sparse < perRect) {
    // One array over the bounding box: "@" where needed, null (leave unchanged) elsewhere.
    const marks = new Set(risky.map((c) => key(c.row, c.col)));
    const rowAt = (i: number): (string | null)[] => {
      const line: (string | null)[] = [];
      for (let c = box.start.col; c <= box.end.col; c++)
        line.push(marks.has(key(box.start.row + i, c)) ? '@' : null);
      return line;
    };
    await writeRows(ws, box.start, rowCount(box), columnCount(box), rowAt, 'numberFormat', budget);
    return;
  }
  for (const r of rects) {
    const g = constantRows(r, '@');
    await writeRows(ws, r.start, g.rows, g.columns, g.rowAt, 'numberFormat', budget);
  }
}

async function writeFormulas(
  ws: Excel.Worksheet,
  spec: SheetSpec,
  skip: Set<string>,
  budget: SyncBudget,
): Promise<void> {
  const byCell = new Map<string, string>();
  const cells: CellRef[] = [];
  for (const f of spec.formulas ?? []) {
    const c = parseA1Cell(f.cell);
    if (skip.has(key(c.row, c.col))) continue;
    if (!byCell.has(key(c.row, c.col))) cells.push(c);
    byCell.set(key(c.row, c.col), f.formula);
  }
  for (const r of coverCells(cells)) {
    const rowAt = (i: number): string[] => {
      const line: string[] = [];
      for (let c = r.start.col; c <= r.end.col; c++) line.push(byCell.get(key(r.start.row + i, c)) ?? '');
      return line;
    };
    await writeRows(ws, r.start, rowCount(r), columnCount(r), rowAt, 'formulas', budget);
  }
}

async function writeTable(
  ws: Excel.Worksheet,
  spec: SheetSpec,
  table: TableSpec,
  env: WriteEnv,
): Promise<void> {
  const range = parseRange(table.range);
  await queue(env.budget, estimate(4, table.name + table.style), () => {
    // A Range, not an address string: TableCollection.add resolves a bare address on the *active* sheet.
    const t = ws.tables.add(ws.getRange(table.range), true);
    t.name = table.name;
    t.style = table.style;
  });
  const dataRows = rowCount(range) - 1;
  for (const calc of table.calculatedColumns ?? []) {
    if (dataRows < 1) continue;
    const col = range.start.col + calc.column;
    const first = toA1(range.start.row + 1, col);
    const body = rangeToA1(range.start.row + 1, col, range.end.row, col);
    await queue(env.budget, estimate(3, calc.formula), () => {
      const cell = ws.getRange(first);
      cell.formulas = [[calc.formula]];
      // Filling down from the first row makes Excel adjust each row's references, as a calculated column.
      // The fill copies the first cell's format too; the direct styles written after it restore the rest.
      if (dataRows > 1) cell.autoFill(body, 'FillCopy');
    });
  }
}

/** Direct formats of one style run (number formats are written earlier, with the values). */
async function writeStyle(ws: Excel.Worksheet, run: StyleRun, env: WriteEnv): Promise<void> {
  const s: CellStyle = run.style;
  const props =
    Object.keys(s.font ?? {}).length + Object.keys(s.alignment ?? {}).length + (s.fill ? 1 : 0) + 12;
  await queue(env.budget, estimate(props, run), () => {
    const range = ws.getRange(run.range);
    const format = range.format;
    if (s.font) {
      const font = format.font;
      if (s.font.name !== undefined) font.name = s.font.name;
      if (s.font.size !== undefined) font.size = s.font.size;
      if (s.font.bold !== undefined) font.bold = s.font.bold;
      if (s.font.italic !== undefined) font.italic = s.font.italic;
      if (s.font.underline !== undefined) font.underline = s.font.underline ? 'Single' : 'None';
      if (s.font.color !== undefined) font.color = hex(s.font.color);
    }
    if (s.fill !== undefined) format.fill.color = hex(s.fill);
    if (s.border) writeBorders(format, parseRange(run.range), s.border);
    if (s.alignment) {
      const a = s.alignment;
      if (a.horizontal) format.horizontalAlignment = HORIZONTAL[a.horizontal];
      if (a.vertical) format.verticalAlignment = VERTICAL[a.vertical];
      if (a.wrap !== undefined) format.wrapText = a.wrap;
      if (a.indent !== undefined) format.indentLevel = a.indent;
    }
  });
}

/**
 * Borders on the given edges of every cell: the outer edges plus the inside lines between cells. An inside
 * line is shared by two cells (one's right is the next one's left), so it takes the heavier of the two.
 */
function writeBorders(
  format: Excel.RangeFormat,
  range: RangeRef,
  border: NonNullable<CellStyle['border']>,
): void {
  const weight = (w: 'thin' | 'medium'): 'Thin' | 'Medium' => (w === 'medium' ? 'Medium' : 'Thin');
  const heavier = (a?: 'thin' | 'medium', b?: 'thin' | 'medium'): 'thin' | 'medium' | undefined =>
    a === 'medium' || b === 'medium' ? 'medium' : (a ?? b);
  const edges: [BorderEdge, 'thin' | 'medium' | undefined][] = [
    ['EdgeTop', border.top],
    ['EdgeBottom', border.bottom],
    ['EdgeLeft', border.left],
    ['EdgeRight', border.right],
  ];
  if (rowCount(range) > 1) edges.push(['InsideHorizontal', heavier(border.top, border.bottom)]);
  if (columnCount(range) > 1) edges.push(['InsideVertical', heavier(border.left, border.right)]);
  for (const [edge, w] of edges) {
    if (!w) continue;
    const b = format.borders.getItem(edge);
    b.style = 'Continuous';
    b.weight = weight(w);
  }
}

function validationRule(rule: ValidationRule): Excel.DataValidationRule {
  switch (rule.type) {
    case 'list':
      return { list: { inCellDropDown: true, source: rule.source } };
    case 'date':
      return { date: { operator: 'Between', formula1: rule.min, formula2: rule.max } };
    case 'wholeNumber':
      return { wholeNumber: { operator: 'Between', formula1: rule.min, formula2: rule.max } };
    case 'decimal':
      return { decimal: { operator: 'Between', formula1: rule.min, formula2: rule.max } };
  }
}

async function writeValidation(ws: Excel.Worksheet, v: ValidationSpec, env: WriteEnv): Promise<void> {
  // Titles and messages fit Excel's limits: planRules.ts refused the plan otherwise.
  await queue(env.budget, estimate(5, v), () => {
    const dv = ws.getRange(v.range).dataValidation;
    dv.rule = validationRule(v.rule);
    dv.ignoreBlanks = v.allowBlank;
    dv.errorAlert = {
      showAlert: true,
      style: v.error.style === 'stop' ? 'Stop' : 'Warning',
      title: v.error.title,
      message: v.error.message,
    };
    if (v.prompt) dv.prompt = { showPrompt: true, title: v.prompt.title, message: v.prompt.message };
  });
}

async function writeConditionalFormat(
  ws: Excel.Worksheet,
  c: ConditionalFormatSpec,
  budget: SyncBudget,
): Promise<void> {
  await queue(budget, estimate(6, c), () => {
    const cf = ws.getRange(c.range).conditionalFormats.add('Custom');
    cf.custom.rule.formula = c.formula;
    if (c.fill) cf.custom.format.fill.color = hex(c.fill);
    if (c.fontColor) cf.custom.format.font.color = hex(c.fontColor);
    if (c.stopIfTrue !== undefined) cf.stopIfTrue = c.stopIfTrue;
  });
}

async function writeDataBar(ws: Excel.Worksheet, d: DataBarSpec, budget: SyncBudget): Promise<void> {
  await queue(budget, estimate(6, d), () => {
    const cf = ws.getRange(d.range).conditionalFormats.add('DataBar');
    cf.dataBar.lowerBoundRule = { type: 'Number', formula: String(d.min) };
    cf.dataBar.upperBoundRule = { type: 'Number', formula: String(d.max) };
    cf.dataBar.positiveFormat.fillColor = hex(d.color);
    cf.dataBar.positiveFormat.gradientFill = false;
  });
}

/** The cells a spec describes (grid, table, formulas): where unbounded style ranges are clipped for number formats. */
function contentExtent(spec: SheetSpec, cells: CellValue[][]): RangeRef {
  let rows = cells.length;
  let cols = cells[0]?.length ?? 0;
  if (spec.table) {
    const t = parseRange(spec.table.range);
    rows = Math.max(rows, t.end.row + 1);
    cols = Math.max(cols, t.end.col + 1);
  }
  for (const f of spec.formulas ?? []) {
    const c = parseA1Cell(f.cell);
    rows = Math.max(rows, c.row + 1);
    cols = Math.max(cols, c.col + 1);
  }
  return { start: { row: 0, col: 0 }, end: { row: Math.max(rows, 1) - 1, col: Math.max(cols, 1) - 1 } };
}

/** JSON bytes a read returns per cell besides its value: its value type and its number format. */
const READ_CELL_OVERHEAD = 21;

/**
 * The used range a written spec leaves (from A1) and the bytes a read of one of its rows will return, for
 * the adapter's memory: the next read sizes its window from it.
 */
export function specExtent(spec: SheetSpec): { rows: number; columns: number; bytesPerRow: number } {
  const cells = denseCells(spec.cells);
  const extent = contentExtent(spec, cells);
  const rows = cells.length > 0 || spec.formulas?.length || spec.table ? extent.end.row + 1 : 0;
  const columns = rows > 0 ? extent.end.col + 1 : 0;
  let bytes = 0;
  for (const row of cells) bytes += rowJsonBytes(row) + row.length * READ_CELL_OVERHEAD;
  const perRow = cells.length > 0 ? bytes / cells.length : columns * READ_CELL_OVERHEAD;
  return { rows, columns, bytesPerRow: Math.ceil(Math.max(perRow, columns * READ_CELL_OVERHEAD)) };
}

/** Operations resetSheet queues, for the payload estimate. */
const RESET_OPERATIONS = 48;

/**
 * Queues what makes `ws`, an existing sheet the plan replaces, as empty as a new one, so that queueSheetSpec can
 * write `spec` onto it in place and formulas on other sheets that refer to it keep working (deleting the
 * sheet would turn them into #REF!). Uses ExcelApi 1.9, which the manifest requires.
 *
 * Goes: panes unfrozen; every merge, conditional format and data validation removed; contents and formats
 * cleared; standard row heights and column widths; no hidden row or column; automatic tab colour (unless the
 * spec gives one); the page setup of a new sheet (resetPage). A hidden sheet is made visible while it is
 * written; queueSheetSpec hides it again when the spec says so. Tables are not handled here: a sheet with one
 * is replaced by delete-and-add. Charts, pictures and notes a user put on the sheet stay.
 */
export async function resetSheet(
  ws: Excel.Worksheet,
  spec: SheetSpec,
  wasHidden: boolean,
  budget: SyncBudget,
): Promise<void> {
  const extent = contentExtent(spec, denseCells(spec.cells));
  await queue(budget, estimate(RESET_OPERATIONS, formatRange(extent)), () => {
    if (wasHidden) ws.visibility = 'Visible';
    ws.freezePanes.unfreeze();
    // Not the whole sheet (17 billion cells: Excel on the web refuses one operation on more than 33,554,000,
    // OperationCellsExceedLimit) but the rectangle holding both what the sheet has (its used range, formats
    // included: the top-left cell of a blank sheet) and what the spec will write. Everything the add-in
    // wrote there before (merges, rules, formats) lies within the used range.
    const all = ws.getRange(formatRange(extent)).getBoundingRect(ws.getUsedRange(false));
    all.unmerge();
    all.conditionalFormats.clearAll();
    all.dataValidation.clear();
    all.clear('All');
    // Heights and hidden rows through column A (every row, 1,048,576 cells), widths and hidden columns
    // through row 1 (every column, 16,384 cells): the whole sheet's, each within the limit.
    const everyRow = ws.getRange('A:A');
    const everyColumn = ws.getRange('1:1');
    everyRow.format.useStandardHeight = true;
    everyColumn.format.useStandardWidth = true;
    everyRow.rowHidden = false;
    everyColumn.columnHidden = false;
    if (!spec.tabColor) ws.tabColor = ''; // automatic
    resetPage(ws.pageLayout, spec, extent);
  });
}

/** A spec as the writers below read it: its dense grid, and its style runs coalesced and parsed once. */
interface Prepared {
  spec: SheetSpec;
  cells: CellValue[][];
  styles: StyleRun[];
  parsedStyles: RangeRef[];
}

/**
 * Queues everything of `spec` onto `ws`, a sheet just added or emptied by resetSheet. `clearMark`: the sheet
 * carries the adapter's unfinished-write tab colour, to be taken off once it is written (before it is hidden).
 */
export async function queueSheetSpec(
  ws: Excel.Worksheet,
  spec: SheetSpec,
  env: WriteEnv,
  opts: { clearMark?: boolean } = {},
): Promise<void> {
  const styles = coalesceStyles(spec.styles ?? []);
  const sheet: Prepared = {
    spec,
    cells: denseCells(spec.cells),
    styles,
    parsedStyles: styles.map((s) => parseRange(s.range)),
  };
  const merged = await writeSizes(ws, sheet, env.budget);
  await writeContents(ws, sheet, env);
  await writeFormats(ws, sheet, env);
  await writeRules(ws, spec, env);
  if (sheet.cells.length > 0) {
    // The rows' cells within the spec's columns, not whole rows: 2,048 whole rows pass Excel on the web's
    // 33,554,000-cell limit for one operation, and the fit reads the data, which lies in these columns (the
    // copies of autoHeightRows included). Queued in the write's own batch, after the values, widths, merges
    // and wrapping it measures: no sync of its own.
    const lastColumn = contentExtent(spec, sheet.cells).end.col;
    for (const [first, last] of fittedRuns(spec, sheet.cells.length, merged)) {
      const rows = formatRange({
        start: { row: first - 1, col: 0 },
        end: { row: last - 1, col: lastColumn },
      });
      await queue(env.budget, estimate(2, rows), () => ws.getRange(rows).format.autofitRows());
    }
  }
  await writeFreeze(ws, spec, env);
  if (spec.page) await writePage(ws, spec, spec.page, env.budget);
  await writeTabColor(ws, spec, env, opts.clearMark ?? false);
  if (spec.visibility && spec.visibility !== 'visible') {
    const visibility = spec.visibility === 'veryHidden' ? 'VeryHidden' : 'Hidden';
    await queue(env.budget, estimate(1, null), () => {
      ws.visibility = visibility;
    });
  }
}

/**
 * The sheet-wide font, the column widths and the row heights. Rows sized to their text are fitted by Excel
 * itself once the values and wrapping are in (queueSheetSpec), except rows with merged cells, which Excel's
 * autofit does not size (office-js#1840): those get their height here, and are returned; but a merged row
 * of `autoHeightRows` holds an unmerged copy of its text for the fit to measure, and is left to Excel.
 */
async function writeSizes(
  ws: Excel.Worksheet,
  sheet: Prepared,
  budget: SyncBudget,
): Promise<Map<number, number>> {
  const { spec } = sheet;
  // The sheet's font over the cells the spec describes, not the whole sheet (nor whole columns): Excel on the
  // web refuses one operation on more than 33,554,000 cells (OperationCellsExceedLimit), a sheet has 17
  // billion; and what the add-in formats stays inside the used range, which resetSheet empties. A cell typed
  // outside the written sheet later gets Excel's default font (docs/office-js.md).
  const fontRange = formatRange(contentExtent(spec, sheet.cells));
  await queue(budget, estimate(3, spec.defaultFont ?? null), () => {
    if (spec.defaultFont) {
      const font = ws.getRange(fontRange).format.font;
      font.name = spec.defaultFont.name;
      font.size = spec.defaultFont.size;
    }
  });
  const widths = runsOf(
    (spec.columnWidths ?? []).map((w, i): [number, number] => [i, w]).filter(([, w]) => w > 0),
  );
  for (const [first, last, width] of widths) {
    await queue(budget, estimate(2, null), () => {
      // A width belongs to the whole column; set through row 1 alone, so that 32 or more columns (36 in the
      // report) stay within the web's cell limit for one operation.
      const columns = formatRange({ start: { row: 0, col: first }, end: { row: 0, col: last } });
      ws.getRange(columns).format.columnWidth = columnWidthPoints(width);
    });
  }
  const merged = mergedRowHeights(spec, sheet.cells, sheet.styles, sheet.parsedStyles);
  // autoHeightRows get no height: a row given one is custom and never follows its text again ("Wrap text
  // does not adjust row height"); Excel fits them (queueSheetSpec), as the file path leaves them auto heights.
  const fitted = new Set(spec.autoHeightRows ?? []);
  const explicit: [number, number][] = (
    spec.autoRowHeights
      ? [...merged]
      : Object.entries(spec.rowHeights ?? {}).map(([row, h]): [number, number] => [Number(row), h])
  ).filter(([row]) => !fitted.has(row));
  for (const [first, last, height] of runsOf(explicit)) {
    await queue(budget, estimate(2, null), () => {
      // A height belongs to the whole row; set through column A alone (2,048 whole rows pass the limit).
      const rows = formatRange({ start: { row: first - 1, col: 0 }, end: { row: last - 1, col: 0 } });
      ws.getRange(rows).format.rowHeight = height;
    });
  }
  return merged;
}

/** Number formats, then "@" for text Excel would parse, then the values and formulas. */
async function writeContents(ws: Excel.Worksheet, sheet: Prepared, env: WriteEnv): Promise<void> {
  const { spec, cells, styles, parsedStyles } = sheet;
  const { budget } = env;
  const extent = contentExtent(spec, cells);
  for (let i = 0; i < styles.length; i++) {
    const nf = styles[i].style.numberFormat;
    if (nf === undefined) continue;
    const range = isUnbounded(parsedStyles[i]) ? intersect(parsedStyles[i], extent) : parsedStyles[i];
    if (!range) continue;
    const g = constantRows(range, nf);
    await writeRows(ws, range.start, g.rows, g.columns, g.rowAt, 'numberFormat', budget);
  }
  const formulaCells = new Set(
    (spec.formulas ?? []).map((f) => parseA1Cell(f.cell)).map((c) => key(c.row, c.col)),
  );
  await protectText(ws, cells, formulaCells, styles, parsedStyles, budget);
  if (cells.length > 0 && cells[0].length > 0) {
    await writeRows(ws, { row: 0, col: 0 }, cells.length, cells[0].length, (i) => cells[i], 'values', budget);
  }
  const filledByTable = calculatedCells(spec.table);
  await writeFormulas(ws, spec, filledByTable, budget);
}

/** Merges, the table, then the direct formats (after the table, so they win over what its fill copied). */
async function writeFormats(ws: Excel.Worksheet, sheet: Prepared, env: WriteEnv): Promise<void> {
  const { spec } = sheet;
  for (const m of coalesceMerges(spec.merges ?? [])) {
    const address = formatRange(m.range);
    await queue(env.budget, estimate(2, address), () => ws.getRange(address).merge(m.across));
  }
  if (spec.table) await writeTable(ws, spec, spec.table, env);
  for (const run of sheet.styles) {
    const { numberFormat: _numberFormat, ...rest } = run.style;
    if (Object.keys(rest).length > 0) await writeStyle(ws, { range: run.range, style: rest }, env);
  }
}

/** Data validations and conditional formats. */
async function writeRules(ws: Excel.Worksheet, spec: SheetSpec, env: WriteEnv): Promise<void> {
  const { budget } = env;
  for (const v of spec.validations ?? []) await writeValidation(ws, v, env);
  // Each add() takes the top priority, so the spec's first rule is added last.
  for (const c of [...(spec.conditionalFormats ?? [])].reverse()) await writeConditionalFormat(ws, c, budget);
  for (const d of [...(spec.dataBars ?? [])].reverse()) await writeDataBar(ws, d, budget);
}

async function writeFreeze(ws: Excel.Worksheet, spec: SheetSpec, env: WriteEnv): Promise<void> {
  const freeze = spec.freeze;
  if (!freeze || !(freeze.rows > 0 || freeze.columns > 0)) return;
  await queue(env.budget, estimate(2, freeze), () => {
    const panes = ws.freezePanes;
    if (freeze.rows > 0 && freeze.columns > 0)
      panes.freezeAt(ws.getRange(rangeToA1(0, 0, freeze.rows - 1, freeze.columns - 1)));
    else if (freeze.rows > 0) panes.freezeRows(freeze.rows);
    else panes.freezeColumns(freeze.columns);
  });
}

/** The spec's tab colour; else, on a sheet still marked unfinished (`clearMark`), the automatic one. */
async function writeTabColor(
  ws: Excel.Worksheet,
  spec: SheetSpec,
  env: WriteEnv,
  clearMark: boolean,
): Promise<void> {
  const tabColor = spec.tabColor;
  if (tabColor) {
    await queue(env.budget, estimate(1, tabColor), () => {
      ws.tabColor = hex(tabColor);
    });
  } else if (clearMark) {
    await queue(env.budget, estimate(1, null), () => {
      ws.tabColor = ''; // automatic
    });
  }
}
