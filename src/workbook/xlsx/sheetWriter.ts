/**
 * SheetSpec → worksheet: its frame (columns, validations, conditional formats, panes, page setup) through
 * ExcelJS, in a scratch workbook that holds only the sheet being written, with one sample cell per style its
 * cells use; its cells checked and held as SheetCells (sheetCells.ts), whose rows the graft step writes as
 * XML straight from the spec. The graft step (graft.ts) then moves the sheet into the real package.
 *
 * What ExcelJS does not do, or does wrongly, is left to the graft step and not attempted here: tables
 * (ExcelJS cannot write calculated columns and fills cells from its own table model), print areas and print
 * titles (its defined names lose the row anchors), stopIfTrue on conditional formats, sheet visibility and
 * the workbook's calculation properties.
 */
import ExcelJS from 'exceljs';

import type {
  CellStyle,
  ConditionalFormatSpec,
  DataBarSpec,
  SheetSpec,
  ValidationSpec,
} from '../../sheets/spec';
import { WorkbookError } from '../port';
import { SheetCells, stripEquals } from './sheetCells';
import {
  formatRange,
  MAX_COLUMNS,
  parseA1Cell,
  parseA1Range,
  rangeToA1,
  type RangeRef,
  toA1,
} from '../../domain/a1';
import { isIsoDate, utcDate } from '../../domain/dates';
import { PLAN_ERROR } from '../../i18n/plan';
import { messages, tableDetail } from '../../i18n/xlsx';

export interface FontBase {
  name: string;
  size: number;
}

const MM_PER_INCH = 25.4;

/** ExcelJS.PaperSize.A4; the const enum cannot be used under isolatedModules. */
const PAPER_A4 = 9 as ExcelJS.PaperSize;

/** ExcelJS has worksheet.dataValidations but its typings leave it out. */
interface WithDataValidations {
  dataValidations: { add(address: string, validation: ExcelJS.DataValidation): void };
}

/** Facts about a written sheet that the graft step needs. */
export interface WrittenSheet {
  spec: SheetSpec;
  /** Priorities of conditional-format rules to mark stopIfTrue. */
  stopIfTruePriorities: number[];
  /** The table's range as written (a header-only table gets one empty data row, as Excel does). */
  tableRange?: RangeRef;
  /** The sheet's cells and their styles, written as XML by the graft step. */
  cells: SheetCells;
  /** The row of each used style's sample cell (column A of the scratch sheet), by style (SheetCells.styles). */
  samples: Map<number, number>;
}

/**
 * Adds `spec` to the scratch workbook as a new worksheet (graft.ts moves it into the user's workbook). Throws
 * WorkbookError('unsupported') for specs Excel cannot hold.
 */
export function writeScratchSheet(
  workbook: ExcelJS.Workbook,
  spec: SheetSpec,
  baseFont: FontBase,
): WrittenSheet {
  const sheet = spec.name;
  const ws = workbook.addWorksheet(spec.name);
  const written: WrittenSheet = {
    spec,
    stopIfTruePriorities: [],
    cells: new SheetCells(spec),
    samples: new Map(),
  };

  if (spec.tabColor) ws.properties.tabColor = { argb: argb(sheet, spec.tabColor) };

  (spec.columnWidths ?? []).forEach((width, index) => {
    if (typeof width === 'number' && Number.isFinite(width) && width >= 0)
      ws.getColumn(index + 1).width = width;
  });

  // The cells are written as XML by the graft step (sheetCells.ts, scratchSheet.ts); here they are checked,
  // and each style they use gets a sample cell in column A whose cell format the graft step reads back.
  const { cells } = written;
  cells.addValues((spec.errorCells ?? []).map((e) => ({ ...cellRef(sheet, e.cell), error: e.error })));
  const calculated = calculatedCells(spec);
  for (const f of spec.formulas ?? []) {
    const at = cellRef(sheet, f.cell);
    // The table's calculated column replaces the cell's own formula (checkTable): not read.
    if (!calculated(at.row, at.col)) cells.addFormula(at.row, at.col, f.formula, f.result);
  }
  // Table: header check and calculated columns filled down as shared formulas (as Excel stores them).
  if (spec.table) written.tableRange = checkTable(spec, cells);
  // Style runs, in order: a later run overrides an earlier one, property by property.
  for (const run of spec.styles ?? [])
    cells.addStyleRun(rangeRef(sheet, run.range), setPartsOnly(run.style), mergeStyle);
  cells.dropMergedAway(checkMerges(spec), (style) => hasBorder(style) || !!style.fill);
  cells.usedStyles().forEach((id, i) => {
    ws.getCell(i + 1, 1).style = excelStyle(cells.styles[id], baseFont, sheet);
    written.samples.set(id, i + 1);
  });
  for (const validation of spec.validations ?? []) addValidation(ws, sheet, validation);
  written.stopIfTruePriorities = addConditionalFormats(ws, spec);
  if (spec.freeze && (spec.freeze.rows > 0 || spec.freeze.columns > 0)) freezePanes(ws, spec.freeze);
  if (spec.page) setPage(ws, spec.name, spec.page);
  return written;
}

/**
 * Checks that the spec's merges are ranges that do not overlap; returns the cells they cover other than
 * their top-left ones (row * MAX_COLUMNS + col). The merges are written as XML by the graft step
 * (scratchSheet.ts writeMerges): ExcelJS's mergeCells compares each new merge with every earlier one,
 * quadratic in a long report's paragraphs.
 */
function checkMerges(spec: SheetSpec): Set<number> {
  const sheet = spec.name;
  const covered = new Set<number>();
  const away = new Set<number>();
  for (const merge of spec.merges ?? []) {
    let range: RangeRef;
    try {
      range = rangeRef(sheet, merge);
    } catch {
      throw new WorkbookError('unsupported', sheet, messages.badMerge(sheet, merge));
    }
    for (let r = range.start.row; r <= range.end.row; r += 1) {
      for (let c = range.start.col; c <= range.end.col; c += 1) {
        const key = r * MAX_COLUMNS + c;
        if (covered.has(key)) throw new WorkbookError('unsupported', sheet, messages.badMerge(sheet, merge));
        covered.add(key);
        if (r !== range.start.row || c !== range.start.col) away.add(key);
      }
    }
  }
  return away;
}

function hasBorder(style: CellStyle): boolean {
  const b = style.border;
  return !!b && !!(b.top || b.bottom || b.left || b.right);
}

/** Conditional formats, then data bars, numbered in that order; returns the priorities to mark stopIfTrue. */
function addConditionalFormats(ws: ExcelJS.Worksheet, spec: SheetSpec): number[] {
  const stopIfTrue: number[] = [];
  let priority = 1;
  for (const cf of spec.conditionalFormats ?? []) {
    if (cf.stopIfTrue) stopIfTrue.push(priority);
    addConditionalFormat(ws, spec.name, cf, priority);
    priority += 1;
  }
  for (const bar of spec.dataBars ?? []) {
    addDataBar(ws, spec.name, bar, priority);
    priority += 1;
  }
  return stopIfTrue;
}

function freezePanes(ws: ExcelJS.Worksheet, freeze: NonNullable<SheetSpec['freeze']>): void {
  const { rows, columns } = freeze;
  ws.views = [
    {
      state: 'frozen',
      xSplit: columns,
      ySplit: rows,
      topLeftCell: toA1(rows, columns),
      activeCell: toA1(rows, columns),
    },
  ];
}

function setPage(ws: ExcelJS.Worksheet, sheet: string, page: NonNullable<SheetSpec['page']>): void {
  // Print area and titles are written by the graft step (printNames.ts); they are checked here, before it.
  if (page.printArea) rangeRef(sheet, page.printArea);
  const inches = (mm: number): number => Math.round((mm / MM_PER_INCH) * 10_000) / 10_000;
  ws.pageSetup = {
    paperSize: PAPER_A4,
    orientation: page.orientation,
    margins: {
      top: inches(page.margins.top),
      bottom: inches(page.margins.bottom),
      left: inches(page.margins.left),
      right: inches(page.margins.right),
      header: inches(page.margins.header),
      footer: inches(page.margins.footer),
    },
    horizontalCentered: !!page.centerHorizontally,
    ...(page.firstPageNumber !== undefined ? { firstPageNumber: page.firstPageNumber } : {}),
    ...(page.fitToWidth ? { fitToPage: true, fitToWidth: 1, fitToHeight: 0 } : { scale: 100 }),
  };
  // A break above row n is ExcelJS's break after row n − 1 (<brk id="n−1"/>).
  for (const row of page.rowBreaks ?? []) if (row > 1) ws.getRow(row - 1).addPageBreak();
  if (page.header) {
    ws.headerFooter = {
      differentFirst: page.header.differentFirstPage,
      oddHeader: page.header.center ? `&C${page.header.center}` : undefined,
    };
  }
}

/**
 * Whether a cell is one of the table's calculated columns, whose formula replaces the cell's own (checkTable):
 * those cells' formulas need not be read (a tracker's are made when read, trackerSheet.ts). A table checkTable
 * refuses is no cell's: the write fails there anyway.
 */
function calculatedCells(spec: SheetSpec): (row: number, col: number) => boolean {
  const table = spec.table;
  if (!table?.calculatedColumns?.length) return () => false;
  let range: RangeRef;
  try {
    range = parseA1Range(table.range);
  } catch {
    return () => false;
  }
  // As checkTable writes it: a header-only table gets one empty data row.
  const last = range.end.row === range.start.row ? range.end.row + 1 : range.end.row;
  const columns = new Set(table.calculatedColumns.map((c) => range.start.col + c.column));
  return (row, col) => row > range.start.row && row <= last && columns.has(col);
}

function checkTable(spec: SheetSpec, cells: SheetCells): RangeRef {
  const sheet = spec.name;
  const table = spec.table as NonNullable<SheetSpec['table']>;
  const range = rangeRef(sheet, table.range);
  const width = range.end.col - range.start.col + 1;
  if (table.columns.length !== width) {
    throw new WorkbookError(
      'unsupported',
      sheet,
      messages.badTable(sheet, tableDetail.widthMismatch(table.columns.length, table.range, width)),
    );
  }
  const seen = new Set<string>();
  table.columns.forEach((name, i) => {
    const header = spec.cells[range.start.row]?.[range.start.col + i];
    if (typeof name !== 'string' || !name.trim() || header !== name) {
      throw new WorkbookError(
        'unsupported',
        sheet,
        messages.badTable(sheet, tableDetail.headerMismatch(i + 1, name, table.range)),
      );
    }
    const folded = name.toLocaleUpperCase();
    if (seen.has(folded))
      throw new WorkbookError(
        'unsupported',
        sheet,
        messages.badTable(sheet, tableDetail.duplicateHeader(name)),
      );
    seen.add(folded);
  });
  // Excel tables have at least one data row; a header-only range gets an empty one, as Excel gives it.
  const written: RangeRef =
    range.end.row === range.start.row
      ? { start: range.start, end: { row: range.end.row + 1, col: range.end.col } }
      : range;
  for (const calc of table.calculatedColumns ?? []) {
    if (!Number.isInteger(calc.column) || calc.column < 0 || calc.column >= width) {
      throw new WorkbookError(
        'unsupported',
        sheet,
        messages.badTable(sheet, tableDetail.calculatedOutside(calc.column)),
      );
    }
    const col = range.start.col + calc.column;
    const first = written.start.row + 1;
    const last = written.end.row;
    cells.addCalculatedColumn(first, last, col, stripEquals(calc.formula), rangeToA1(first, col, last, col));
  }
  return written;
}

function addValidation(ws: ExcelJS.Worksheet, sheet: string, v: ValidationSpec): void {
  const range = formatRange(rangeRef(sheet, v.range));
  const common = {
    allowBlank: v.allowBlank,
    showErrorMessage: true,
    errorStyle: v.error.style,
    errorTitle: v.error.title,
    error: v.error.message,
    ...(v.prompt ? { showInputMessage: true, promptTitle: v.prompt.title, prompt: v.prompt.message } : {}),
  };
  const { rule } = v;
  let validation: ExcelJS.DataValidation;
  switch (rule.type) {
    case 'list':
      validation = { ...common, type: 'list', formulae: [stripEquals(rule.source)] };
      break;
    case 'date':
      validation = {
        ...common,
        type: 'date',
        operator: 'between',
        formulae: [isoDate(sheet, rule.min), isoDate(sheet, rule.max)],
      };
      break;
    case 'wholeNumber':
      validation = { ...common, type: 'whole', operator: 'between', formulae: [rule.min, rule.max] };
      break;
    case 'decimal':
      validation = { ...common, type: 'decimal', operator: 'between', formulae: [rule.min, rule.max] };
      break;
  }
  (ws as unknown as WithDataValidations).dataValidations.add(range, validation);
}

function addConditionalFormat(
  ws: ExcelJS.Worksheet,
  sheet: string,
  cf: ConditionalFormatSpec,
  priority: number,
): void {
  const style: Partial<ExcelJS.Style> = {};
  if (cf.fill) style.fill = { type: 'pattern', pattern: 'solid', bgColor: { argb: argb(sheet, cf.fill) } };
  if (cf.fontColor) style.font = { color: { argb: argb(sheet, cf.fontColor) } };
  ws.addConditionalFormatting({
    ref: formatRange(rangeRef(sheet, cf.range)),
    rules: [{ type: 'expression', priority, formulae: [stripEquals(cf.formula)], style }],
  });
}

function addDataBar(ws: ExcelJS.Worksheet, sheet: string, bar: DataBarSpec, priority: number): void {
  const rule: ExcelJS.DataBarRuleType = {
    type: 'dataBar',
    priority,
    gradient: false,
    cfvo: [
      { type: 'num', value: bar.min },
      { type: 'num', value: bar.max },
    ],
  };
  // ExcelJS's typings omit the bar colour its writer reads.
  (rule as ExcelJS.DataBarRuleType & { color: Partial<ExcelJS.Color> }).color = {
    argb: argb(sheet, bar.color),
  };
  ws.addConditionalFormatting({ ref: formatRange(rangeRef(sheet, bar.range)), rules: [rule] });
}

/** A run's style with its font, border and alignment reduced to the properties it sets, once per run. */
function setPartsOnly(style: CellStyle): CellStyle {
  return {
    ...style,
    font: style.font && definedOnly(style.font),
    border: style.border && definedOnly(style.border),
    alignment: style.alignment && definedOnly(style.alignment),
  };
}

/** `add` (from setPartsOnly) over `target`, property by property. */
function mergeStyle(target: CellStyle, add: CellStyle): void {
  if (add.font) target.font = { ...target.font, ...add.font };
  if (add.fill !== undefined) target.fill = add.fill;
  if (add.border) target.border = { ...target.border, ...add.border };
  if (add.alignment) target.alignment = { ...target.alignment, ...add.alignment };
  if (add.numberFormat !== undefined) target.numberFormat = add.numberFormat;
}

/** A spec cell style as ExcelJS takes it (the properties in the order a cell's setters would add them). */
function excelStyle(style: CellStyle, baseFont: FontBase, sheet: string): Partial<ExcelJS.Style> {
  const out: Partial<ExcelJS.Style> = {};
  if (style.font) {
    // A font in a cell format is complete in Excel's files: unset parts come from the workbook's default font.
    const font: Partial<ExcelJS.Font> = {
      name: style.font.name ?? baseFont.name,
      size: style.font.size ?? baseFont.size,
    };
    if (style.font.bold) font.bold = true;
    if (style.font.italic) font.italic = true;
    if (style.font.underline) font.underline = true;
    if (style.font.color) font.color = { argb: argb(sheet, style.font.color) };
    out.font = font;
  }
  if (style.fill)
    out.fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: argb(sheet, style.fill) } };
  if (style.border) {
    const border: Partial<ExcelJS.Borders> = {};
    for (const edge of ['top', 'bottom', 'left', 'right'] as const) {
      const weight = style.border[edge];
      if (weight) border[edge] = { style: weight };
    }
    out.border = border;
  }
  if (style.alignment) {
    const a = style.alignment;
    const alignment: Partial<ExcelJS.Alignment> = {};
    if (a.horizontal) alignment.horizontal = a.horizontal;
    if (a.vertical) alignment.vertical = a.vertical === 'center' ? 'middle' : a.vertical;
    if (a.wrap) alignment.wrapText = true;
    if (a.indent) alignment.indent = a.indent;
    out.alignment = alignment;
  }
  if (style.numberFormat) out.numFmt = style.numberFormat;
  return out;
}

function definedOnly<T extends object>(o: T): Partial<T> {
  return Object.fromEntries(Object.entries(o).filter(([, v]) => v !== undefined)) as Partial<T>;
}

function argb(sheet: string, hex: string): string {
  const clean = hex.replace(/^#/, '');
  if (!/^[0-9A-Fa-f]{6}$/.test(clean))
    throw new WorkbookError('unsupported', sheet, messages.badColor(sheet, hex));
  return `FF${clean.toUpperCase()}`;
}

function isoDate(sheet: string, iso: string): Date {
  if (!isIsoDate(iso)) throw new WorkbookError('unsupported', sheet, messages.badDate(sheet, iso));
  return utcDate(iso);
}

function cellRef(sheet: string, address: string): { row: number; col: number } {
  try {
    return parseA1Cell(address);
  } catch {
    throw new WorkbookError('unsupported', sheet, PLAN_ERROR.badAddress(sheet, address));
  }
}

function rangeRef(sheet: string, address: string): RangeRef {
  try {
    return parseA1Range(address);
  } catch {
    throw new WorkbookError('unsupported', sheet, PLAN_ERROR.badAddress(sheet, address));
  }
}
