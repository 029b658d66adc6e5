/**
 * The state of the fake workbook: plain data the proxies mutate at sync time and tests inspect.
 *
 * Formats are kept as an ordered list of layers (a rectangle and what was set on it) rather than per cell, so
 * formatting a whole sheet or column costs nothing; a cell's format is the fold of the layers covering it.
 */
import { contains, MAX_COLUMNS, overlaps, rectColumns, rectRows, isUnbounded, type Rect } from './address';
import { FakeOfficeError, invalidArgument, invalidOperation } from './errors';
import { replaceSheetReferences } from './formula';

export type FakeCellValue = string | number | boolean | null | { error: string };

export interface CellContent {
  value: FakeCellValue;
  /** Formula text ("=…") when the cell holds a formula; its value is then not computed (null). */
  formula: string | null;
}

interface Border {
  style?: string;
  weight?: string;
  color?: string;
}

export type BorderEdge =
  | 'EdgeTop'
  | 'EdgeBottom'
  | 'EdgeLeft'
  | 'EdgeRight'
  | 'InsideHorizontal'
  | 'InsideVertical'
  | 'DiagonalDown'
  | 'DiagonalUp';

export interface CellProps {
  fontName?: string;
  fontSize?: number;
  bold?: boolean;
  italic?: boolean;
  underline?: string;
  fontColor?: string;
  fill?: string;
  horizontalAlignment?: string;
  verticalAlignment?: string;
  wrapText?: boolean;
  indentLevel?: number;
}

/** The format of one cell, as the fold of the layers covering it. */
export interface CellFormat extends CellProps {
  numberFormat: string;
  borders: { top?: Border; bottom?: Border; left?: Border; right?: Border };
}

type FormatLayer =
  | { kind: 'props'; rect: Rect; props: CellProps }
  /** Number formats of the rectangle's cells; null entries leave a cell unchanged (Office's null input). */
  | { kind: 'numberFormat'; rect: Rect; grid: (string | null)[][] }
  | { kind: 'border'; rect: Rect; edge: BorderEdge; border: Border }
  /**
   * Range.clear('Formats') over part of an earlier layer: the rectangle's cells go back to the default format
   * (layers wholly inside a cleared rectangle are dropped instead, so clearing a sheet leaves no layer).
   */
  | { kind: 'clear'; rect: Rect };

export interface ValidationState {
  rect: Rect;
  rule: Record<string, unknown> | null;
  ignoreBlanks: boolean;
  errorAlert: Record<string, unknown> | null;
  prompt: Record<string, unknown> | null;
}

export interface ConditionalFormatState {
  id: number;
  rect: Rect;
  type: string;
  stopIfTrue: boolean;
  custom: { formula: string | null; fill: string | null; fontColor: string | null };
  dataBar: {
    lowerBoundRule: Record<string, unknown> | null;
    upperBoundRule: Record<string, unknown> | null;
    fillColor: string | null;
    gradientFill: boolean | null;
  };
}

export interface HeaderFooterState {
  leftHeader: string;
  centerHeader: string;
  rightHeader: string;
  leftFooter: string;
  centerFooter: string;
  rightFooter: string;
}

export interface PageLayoutState {
  orientation: string;
  paperSize: string;
  topMargin: number;
  bottomMargin: number;
  leftMargin: number;
  rightMargin: number;
  headerMargin: number;
  footerMargin: number;
  centerHorizontally: boolean;
  /** "" = automatic (Excel's default). */
  firstPageNumber: number | '';
  zoom: { scale?: number; horizontalFitToPages?: number; verticalFitToPages?: number };
  printArea: string | null;
  printTitleRows: string | null;
  headersFooters: { state: string; firstPage: HeaderFooterState; defaultForAllPages: HeaderFooterState };
}

export interface SheetState {
  id: number;
  name: string;
  visibility: 'Visible' | 'Hidden' | 'VeryHidden';
  protected: boolean;
  /** "" when none, else "#RRGGBB". */
  tabColor: string;
  cells: Map<number, CellContent>;
  layers: FormatLayer[];
  merges: Rect[];
  columnWidths: Map<number, number>;
  /**
   * Custom row heights (0-based rows): a row given a height (RangeFormat.rowHeight) keeps it whatever its
   * text, as in Excel, where a row whose height was set by hand no longer fits its wrapped text ("Wrap text
   * does not adjust row height", Microsoft support).
   */
  rowHeights: Map<number, number>;
  /**
   * Rows (0-based) whose height is Excel's fit to their content (RangeFormat.autofitRows, and no height given
   * since), with the columns the fit measured ("based on the current data in the columns"). What the fit
   * measures in them is `rowFit` (index.ts): the unmerged cells, as merged cells take no part (office-js#1840).
   */
  autofitRows: Map<number, { left: number; right: number }>;
  hiddenRows: Set<number>;
  hiddenColumns: Set<number>;
  validations: ValidationState[];
  conditionalFormats: ConditionalFormatState[];
  freeze: { rows: number; columns: number } | null;
  pageLayout: PageLayoutState;
  /** Rows (1-based) with a manual page break above them. */
  rowBreaks: number[];
  deleted: boolean;
}

export interface TableState {
  id: number;
  name: string;
  sheet: SheetState;
  rect: Rect;
  style: string;
  columns: string[];
  deleted: boolean;
}

export interface WorkbookState {
  sheets: SheetState[];
  tables: TableState[];
  activeSheet: SheetState | null;
  selection: { sheet: SheetState; rect: Rect } | null;
  nextId: number;
  /** Review › Protect Workbook: the structure is locked (no sheet added, deleted, renamed, moved, hidden). */
  structureProtected: boolean;
  /**
   * Whether the user has opened the Page Layout tab in this session. Until then Excel does not apply a
   * PageLayout.zoom that fits to pages (OfficeDev/office-js#1860); a zoom scale applies either way.
   */
  pageLayoutTabOpened: boolean;
}

const DEFAULT_FONT = { name: 'Calibri', size: 11 };

function emptyHeaderFooter(): HeaderFooterState {
  return {
    leftHeader: '',
    centerHeader: '',
    rightHeader: '',
    leftFooter: '',
    centerFooter: '',
    rightFooter: '',
  };
}

export function createWorkbookState(): WorkbookState {
  return {
    sheets: [],
    tables: [],
    activeSheet: null,
    selection: null,
    nextId: 1,
    structureProtected: false,
    pageLayoutTabOpened: false,
  };
}

/** Excel's rules for sheet names. */
export function checkSheetName(wb: WorkbookState, name: string, except?: SheetState): void {
  if (typeof name !== 'string' || name.length === 0 || name.length > 31 || /[[\]:*?/\\]/.test(name)) {
    throw invalidArgument(`Invalid sheet name "${name}".`, 'Worksheet.name');
  }
  if (name.startsWith("'") || name.endsWith("'") || name.toLowerCase() === 'history') {
    throw invalidArgument(`Invalid sheet name "${name}".`, 'Worksheet.name');
  }
  const clash = findSheet(wb, name);
  if (clash && clash !== except) {
    throw new FakeOfficeError(
      'ItemAlreadyExists',
      `A sheet named "${name}" already exists.`,
      'Worksheet.name',
    );
  }
}

export function findSheet(wb: WorkbookState, name: string): SheetState | undefined {
  const key = name.toLowerCase();
  return wb.sheets.find((s) => s.name.toLowerCase() === key);
}

export function addSheet(wb: WorkbookState, name: string): SheetState {
  checkSheetName(wb, name);
  const sheet: SheetState = {
    id: wb.nextId++,
    name,
    visibility: 'Visible',
    protected: false,
    tabColor: '',
    cells: new Map(),
    layers: [],
    merges: [],
    columnWidths: new Map(),
    rowHeights: new Map(),
    autofitRows: new Map(),
    hiddenRows: new Set(),
    hiddenColumns: new Set(),
    validations: [],
    conditionalFormats: [],
    freeze: null,
    pageLayout: {
      orientation: 'Portrait',
      paperSize: 'Letter',
      topMargin: 54,
      bottomMargin: 54,
      leftMargin: 50.4,
      rightMargin: 50.4,
      headerMargin: 21.6,
      footerMargin: 21.6,
      centerHorizontally: false,
      firstPageNumber: '',
      zoom: { scale: 100 },
      printArea: null,
      printTitleRows: null,
      headersFooters: {
        state: 'Default',
        firstPage: emptyHeaderFooter(),
        defaultForAllPages: emptyHeaderFooter(),
      },
    },
    rowBreaks: [],
    deleted: false,
  };
  wb.sheets.push(sheet);
  if (!wb.activeSheet) wb.activeSheet = sheet;
  return sheet;
}

export function visibleSheets(wb: WorkbookState): SheetState[] {
  return wb.sheets.filter((s) => s.visibility === 'Visible');
}

/** The error Excel gives for a change to the sheets of a workbook whose structure is protected. */
export function structureLocked(location: string): FakeOfficeError {
  // Excel's code for this case is not documented; the adapter checks workbook.protection first and never
  // depends on the code.
  return new FakeOfficeError('AccessDenied', 'The workbook structure is protected.', location);
}

export function deleteSheet(wb: WorkbookState, sheet: SheetState): void {
  if (wb.structureProtected) throw structureLocked('Worksheet.delete');
  // Documented: "if the worksheet's visibility is set to VeryHidden, the delete operation will fail with an
  // InvalidOperation exception" (Excel.Worksheet.delete).
  if (sheet.visibility === 'VeryHidden') {
    throw invalidOperation('A very hidden worksheet cannot be deleted.', 'Worksheet.delete');
  }
  if (sheet.visibility === 'Visible' && visibleSheets(wb).length === 1) {
    throw invalidOperation('A workbook must contain at least one visible worksheet.', 'Worksheet.delete');
  }
  wb.sheets = wb.sheets.filter((s) => s !== sheet);
  for (const t of wb.tables) if (t.sheet === sheet) t.deleted = true;
  wb.tables = wb.tables.filter((t) => t.sheet !== sheet);
  sheet.deleted = true;
  if (wb.activeSheet === sheet) wb.activeSheet = visibleSheets(wb)[0] ?? null;
  if (wb.selection?.sheet === sheet) wb.selection = null;
  // As in Excel: every formula left that referred to the sheet now shows #REF! where the sheet was named.
  rewriteSheetReferences(wb, sheet.name, '#REF!');
}

/** Rule properties of a data validation that may hold a formula. */
const RULE_FORMULAS = ['source', 'formula', 'formula1', 'formula2'];

/**
 * Rewrites the references to sheet `name` in every formula of the workbook: cells, conditional-format rules
 * and data-validation rules (Excel does so when a sheet is deleted or renamed). See replaceSheetReferences.
 */
export function rewriteSheetReferences(wb: WorkbookState, name: string, replacement: string): void {
  const rewrite = (f: string): string => replaceSheetReferences(f, name, replacement);
  for (const sheet of wb.sheets) {
    for (const [key, content] of sheet.cells) {
      if (content.formula !== null) sheet.cells.set(key, { ...content, formula: rewrite(content.formula) });
    }
    for (const cf of sheet.conditionalFormats) {
      if (cf.custom.formula !== null) cf.custom.formula = rewrite(cf.custom.formula);
    }
    for (const v of sheet.validations) {
      for (const body of Object.values(v.rule ?? {})) {
        if (typeof body !== 'object' || body === null) continue;
        const fields = body as Record<string, unknown>;
        for (const k of RULE_FORMULAS) {
          const f = fields[k];
          if (typeof f === 'string' && f.startsWith('=')) fields[k] = rewrite(f);
        }
      }
    }
  }
}

function cellKey(row: number, col: number): number {
  return row * MAX_COLUMNS + col;
}

export function getCell(sheet: SheetState, row: number, col: number): CellContent {
  return sheet.cells.get(cellKey(row, col)) ?? { value: null, formula: null };
}

export function setCell(sheet: SheetState, row: number, col: number, content: CellContent): void {
  if (content.value === null && content.formula === null) sheet.cells.delete(cellKey(row, col));
  else sheet.cells.set(cellKey(row, col), content);
}

/** Excel's limits: characters of text in a cell, characters of a formula. */
const MAX_TEXT = 32_767;
const MAX_FORMULA = 8_192;

const ERROR_LITERALS = new Set(['#NULL!', '#DIV/0!', '#VALUE!', '#REF!', '#NAME?', '#NUM!', '#N/A']);
const NUMBER_TEXT = /^[+-]?(\d+(\.\d*)?|\.\d+)(e[+-]?\d+)?%?$/i;

/**
 * What Excel stores when a value arrives through `values` (or a non-formula through `formulas`): text
 * formatted cells ("@") keep strings as they are; otherwise "=…" is a formula, numeric text is a number,
 * other text starting with "+", "-" or "@" is taken as a formula, TRUE/FALSE are booleans and error literals
 * are errors. The same holds for `formulas` (a formula sent to a text cell stays text, as when typed). Dates
 * typed as text are not simulated.
 */
export function parseInput(input: unknown, numberFormat: string): CellContent {
  if (input === '' || input === undefined) return { value: null, formula: null };
  if (typeof input === 'string' && input.length > MAX_TEXT) {
    throw invalidArgument(`A cell holds at most ${MAX_TEXT} characters (got ${input.length}).`);
  }
  if (typeof input === 'number') {
    if (!Number.isFinite(input)) throw invalidArgument('Numbers must be finite.');
    return { value: input, formula: null };
  }
  if (typeof input === 'boolean') return { value: input, formula: null };
  if (typeof input !== 'string') throw invalidArgument(`Unsupported cell value ${JSON.stringify(input)}.`);
  if (numberFormat === '@') return { value: input, formula: null };
  const t = input.trim();
  if (t.startsWith('=') && t.length > 1) {
    if (t.length > MAX_FORMULA) {
      throw new FakeOfficeError(
        'FormulaLengthExceedsLimit',
        `A formula holds at most ${MAX_FORMULA} characters.`,
      );
    }
    return { value: null, formula: t };
  }
  if (NUMBER_TEXT.test(t)) {
    const pct = t.endsWith('%');
    const n = Number(pct ? t.slice(0, -1) : t);
    return { value: pct ? n / 100 : n, formula: null };
  }
  if (/^[+\-@]/.test(t)) return { value: null, formula: `=${t}` };
  if (/^(true|false)$/i.test(t)) return { value: t.toLowerCase() === 'true', formula: null };
  if (ERROR_LITERALS.has(t.toUpperCase())) return { value: { error: t.toUpperCase() }, formula: null };
  return { value: input, formula: null };
}

/** The number formats of a rectangle, painted from the layers ("General" where none was set). */
export function numberFormatsOf(sheet: SheetState, rect: Rect): string[][] {
  const rows = rectRows(rect);
  const cols = rectColumns(rect);
  const grid: string[][] = Array.from({ length: rows }, () => new Array<string>(cols).fill('General'));
  for (const layer of sheet.layers) {
    if ((layer.kind !== 'numberFormat' && layer.kind !== 'clear') || !overlaps(layer.rect, rect)) continue;
    const top = Math.max(layer.rect.top, rect.top);
    const bottom = Math.min(layer.rect.bottom, rect.bottom);
    const left = Math.max(layer.rect.left, rect.left);
    const right = Math.min(layer.rect.right, rect.right);
    if (layer.kind === 'clear') {
      for (let r = top; r <= bottom; r++)
        grid[r - rect.top].fill('General', left - rect.left, right - rect.left + 1);
      continue;
    }
    for (let r = top; r <= bottom; r++) {
      const src = layer.grid[r - layer.rect.top];
      for (let c = left; c <= right; c++) {
        const f = src.length === 1 && rectColumns(layer.rect) > 1 ? src[0] : src[c - layer.rect.left];
        if (f !== null && f !== undefined) grid[r - rect.top][c - rect.left] = f;
      }
    }
  }
  return grid;
}

/** The whole format of one cell. Borders are those set on the cell's own edges (neighbours are not merged). */
export function formatAt(sheet: SheetState, row: number, col: number): CellFormat {
  const fresh = (): CellFormat => ({
    fontName: DEFAULT_FONT.name,
    fontSize: DEFAULT_FONT.size,
    numberFormat: 'General',
    borders: {},
  });
  let out = fresh();
  for (const layer of sheet.layers) {
    if (!contains(layer.rect, row, col)) continue;
    if (layer.kind === 'clear') out = fresh();
    if (layer.kind === 'props') Object.assign(out, layer.props);
    if (layer.kind === 'border') {
      const { rect, edge } = layer;
      const sides: ('top' | 'bottom' | 'left' | 'right')[] = [];
      if (edge === 'EdgeTop' && row === rect.top) sides.push('top');
      if (edge === 'EdgeBottom' && row === rect.bottom) sides.push('bottom');
      if (edge === 'EdgeLeft' && col === rect.left) sides.push('left');
      if (edge === 'EdgeRight' && col === rect.right) sides.push('right');
      if (edge === 'InsideHorizontal') {
        if (row > rect.top) sides.push('top');
        if (row < rect.bottom) sides.push('bottom');
      }
      if (edge === 'InsideVertical') {
        if (col > rect.left) sides.push('left');
        if (col < rect.right) sides.push('right');
      }
      for (const side of sides) {
        const merged = { ...out.borders[side], ...layer.border };
        if (merged.style === 'None') delete out.borders[side];
        else out.borders[side] = merged;
      }
    }
  }
  out.numberFormat = numberFormatsOf(sheet, { top: row, left: col, bottom: row, right: col })[0][0];
  return out;
}

/** The used range: the smallest rectangle holding values or formulas (and, unless valuesOnly, formats). */
export function usedRect(sheet: SheetState, valuesOnly: boolean): Rect | null {
  let top = Infinity;
  let left = Infinity;
  let bottom = -1;
  let right = -1;
  const add = (r: Rect): void => {
    top = Math.min(top, r.top);
    left = Math.min(left, r.left);
    bottom = Math.max(bottom, r.bottom);
    right = Math.max(right, r.right);
  };
  for (const key of sheet.cells.keys()) {
    const row = Math.floor(key / MAX_COLUMNS);
    const col = key % MAX_COLUMNS;
    add({ top: row, left: col, bottom: row, right: col });
  }
  if (!valuesOnly) {
    for (const layer of sheet.layers) if (layer.kind !== 'clear' && !isUnbounded(layer.rect)) add(layer.rect);
    // A merge is a format of its cells.
    for (const merge of sheet.merges) add(merge);
  }
  return bottom < 0 ? null : { top, left, bottom, right };
}
