/**
 * A fake of the subset of the Excel JavaScript API that src/workbook/office uses, with real state.
 *
 *   const excel = createFakeExcel();
 *   excel.addUserSheet('Dữ liệu', [['a', 1]]);
 *   const port = createOfficeWorkbook(excel.run);
 *   …
 *   excel.sheet('Nhiệm vụ').value('A1'); excel.syncCount; excel.payloads;
 *
 * Where it matters it behaves like Excel: properties are unreadable until loaded and synced; array shapes
 * are checked; missing items and protected sheets fail at sync; strings sent through `values` are parsed
 * (formulas, numbers) unless the cell is text-formatted; every sync's request and response are measured in
 * the shape Office.js sends them, and a sync over Excel on the web's 5 MB is refused and returns nothing;
 * Range.getSpecialCells(OrNullObject) finds formula and constant cells as a RangeAreas. Where Excel is strict
 * so is the fake (docs/office-js.md lists each rule and its source): merge keeps the top-left value, reads over
 * 5,000,000 cells fail with RangeExceedsLimit, a very hidden sheet cannot be deleted, DataValidation.clear
 * cuts only its range, autofit skips merged cells and a row given a height is custom, a formula in an empty
 * table column fills it, a fit to pages waits for the Page Layout tab, a protected structure refuses sheet
 * changes. A test can play the user: cell-edit mode, another workbook in focus, changes between two syncs.
 * Excel.createWorkbook keeps the bytes of the workbook it would open (Base64 of an .xlsx only), and a test can
 * make it fail as Excel on the web has.
 */
import { parseAddress, rectToAddress, type Rect } from './address';
import { createHost, FIVE_MB, type FakeLimits, type FakeStats, type RunOptions } from './context';
import {
  addSheet,
  createWorkbookState,
  findSheet,
  formatAt,
  getCell,
  numberFormatsOf,
  setCell,
  usedRect,
  type CellFormat,
  type ConditionalFormatState,
  type FakeCellValue,
  type PageLayoutState,
  type SheetState,
  type TableState,
  type ValidationState,
  type WorkbookState,
} from './state';
import { invalidArgument } from './errors';
import { FakeRequestContext } from './workbook';

export type { FakeCellValue, FakeLimits };

/**
 * Same shape as the adapter's ExcelRun, so `excel.run` can be passed where Excel.run would be; `options` are
 * Excel.run's RunOptions (delayForCellEdit).
 */
type FakeRun = <T>(batch: (context: Excel.RequestContext) => Promise<T>, options?: RunOptions) => Promise<T>;

export interface SheetView {
  readonly state: SheetState;
  readonly name: string;
  readonly position: number;
  readonly visibility: SheetState['visibility'];
  readonly protected: boolean;
  readonly tabColor: string;
  value(cell: string): FakeCellValue;
  formula(cell: string): string | null;
  numberFormat(cell: string): string;
  format(cell: string): CellFormat;
  /** Values of a range (default: the used range from A1), null for empty cells. */
  values(range?: string): FakeCellValue[][];
  usedRange(valuesOnly?: boolean): string | null;
  merges(): string[];
  /** Column width in points (index 0 = column A), undefined when never set. */
  columnWidth(col: number): number | undefined;
  /** Row height in points (1-based row) where it is custom (given by RangeFormat.rowHeight), else undefined. */
  rowHeight(row: number): number | undefined;
  /**
   * How Excel sizes row `row` (1-based): null where its height is not Excel's fit (custom, or never fitted);
   * else the cells the fit measures, those with content in the fitted columns that are not in a merged area
   * (office-js#1840), each with whether it wraps and its column's width in points. A row sized by no cell is
   * one line tall; a wrapped cell makes it as tall as its text wrapped to that width.
   */
  rowFit(row: number): { cell: string; wrap: boolean; width: number }[] | null;
  validations(): (Omit<ValidationState, 'rect'> & { range: string })[];
  conditionalFormats(): (Omit<ConditionalFormatState, 'rect'> & { range: string })[];
  tables(): (Omit<TableState, 'rect' | 'sheet'> & { range: string })[];
  readonly freeze: SheetState['freeze'];
  readonly pageLayout: PageLayoutState;
  /** Rows (1-based) with a manual page break above them. */
  readonly rowBreaks: number[];
}

export interface FakeExcel {
  run: FakeRun;
  readonly state: WorkbookState;
  readonly stats: FakeStats;
  readonly syncCount: number;
  readonly payloads: number[];
  readonly responses: number[];
  /** Indexes of the syncs refused for size (their response entry is what Excel would have had to send). */
  readonly refused: number[];
  readonly operationCount: number;
  resetStats(): void;
  sheetNames(): string[];
  sheet(name: string): SheetView;
  activeSheet(): string | null;
  /** "Sheet!A1" of the selection, or null. */
  selection(): string | null;
  /** Adds a sheet as a user would have made it. Values may include {error: '#N/A'}; formulas are "=…". */
  addUserSheet(
    name: string,
    values?: FakeCellValue[][],
    options?: { origin?: string; formulas?: Record<string, string>; numberFormats?: Record<string, string> },
  ): SheetView;
  protect(sheetName: string): void;
  addTable(sheetName: string, name: string, range: string): void;
  /** Review › Protect Workbook (structure). */
  protectWorkbook(): void;
  /** The user opens the Page Layout tab (after which a zoom that fits to pages applies: office-js#1860). */
  openPageLayoutTab(): void;
  /** The user starts typing in a cell: syncs fail with InvalidOperationInCellEditMode or wait (delayForCellEdit). */
  enterCellEdit(): void;
  /** The user presses Enter or Esc: waiting syncs go on. */
  exitCellEdit(): void;
  /** Whether this Excel honours Excel.run's delayForCellEdit (an older one fails the batch instead). */
  honourDelayForCellEdit(honour: boolean): void;
  /** The code cell-edit mode fails a sync with (FakeHost.cellEditCode). */
  answerCellEditWith(code: 'InvalidOperationInCellEditMode' | 'InvalidOperation'): void;
  /** Another workbook takes the focus (true) or this one gets it back (false). */
  setInactive(inactive: boolean): void;
  /** Runs `change` just before the sync of that index (0-based, since the last resetStats), as a user would. */
  beforeSync(index: number, change: () => void): void;
  /** How many syncs are waiting for the user to leave cell-edit mode. */
  readonly waitingForEdit: number;
  /**
   * Excel.createWorkbook(base64File) (ExcelApi 1.8): "creates and opens a new workbook", pre-populated with the
   * Base64-encoded .xlsx file. The open workbook (this fake's state) is not touched; the new one is recorded in
   * `createdWorkbooks` as its bytes. Strict: the argument must be Base64 (RFC 4648 alphabet, padded) of a zip
   * package, else InvalidArgument (what Excel answers to a malformed file is not documented).
   */
  createWorkbook(base64File?: string): Promise<void>;
  readonly createdWorkbooks: Uint8Array[];
  /** The next createWorkbook fails with this error (as Excel on the web did in office-js#3646). */
  failNextCreateWorkbook(error: Error): void;
}

const BASE64 = /^(?:[A-Za-z0-9+/]{4})*(?:[A-Za-z0-9+/]{2}==|[A-Za-z0-9+/]{3}=)?$/;

function cellRect(cell: string): { row: number; col: number } {
  const r = parseAddress(cell);
  return { row: r.top, col: r.left };
}

function view(wb: WorkbookState, sheet: SheetState): SheetView {
  const at = (cell: string): CellFormat => {
    const { row, col } = cellRect(cell);
    return formatAt(sheet, row, col);
  };
  const withRange = <T extends { rect: Rect }>(x: T): Omit<T, 'rect'> & { range: string } => {
    const { rect, ...rest } = x;
    return { ...rest, range: rectToAddress(rect) };
  };
  return {
    state: sheet,
    get name() {
      return sheet.name;
    },
    get position() {
      return wb.sheets.indexOf(sheet);
    },
    get visibility() {
      return sheet.visibility;
    },
    get protected() {
      return sheet.protected;
    },
    get tabColor() {
      return sheet.tabColor;
    },
    get freeze() {
      return sheet.freeze;
    },
    get rowBreaks() {
      return sheet.rowBreaks;
    },
    get pageLayout() {
      return sheet.pageLayout;
    },
    value: (cell) => {
      const { row, col } = cellRect(cell);
      return getCell(sheet, row, col).value;
    },
    formula: (cell) => {
      const { row, col } = cellRect(cell);
      return getCell(sheet, row, col).formula;
    },
    numberFormat: (cell) => {
      const { row, col } = cellRect(cell);
      return numberFormatsOf(sheet, { top: row, left: col, bottom: row, right: col })[0][0];
    },
    format: at,
    values: (range) => {
      const used = usedRect(sheet, true);
      const rect = range
        ? parseAddress(range)
        : used
          ? { top: 0, left: 0, bottom: used.bottom, right: used.right }
          : null;
      if (!rect) return [];
      const out: FakeCellValue[][] = [];
      for (let r = rect.top; r <= rect.bottom; r++) {
        const line: FakeCellValue[] = [];
        for (let c = rect.left; c <= rect.right; c++) line.push(getCell(sheet, r, c).value);
        out.push(line);
      }
      return out;
    },
    usedRange: (valuesOnly = false) => {
      const r = usedRect(sheet, valuesOnly);
      return r ? rectToAddress(r) : null;
    },
    merges: () => sheet.merges.map(rectToAddress),
    columnWidth: (col) => sheet.columnWidths.get(col),
    rowHeight: (row) => sheet.rowHeights.get(row - 1),
    rowFit: (row) => {
      const r = row - 1;
      const fit = sheet.autofitRows.get(r);
      if (!fit) return null;
      const out: { cell: string; wrap: boolean; width: number }[] = [];
      for (let c = fit.left; c <= fit.right; c++) {
        const content = getCell(sheet, r, c);
        if (content.value === null && content.formula === null) continue;
        if (sheet.merges.some((m) => r >= m.top && r <= m.bottom && c >= m.left && c <= m.right)) continue;
        const cell = rectToAddress({ top: r, bottom: r, left: c, right: c });
        out.push({
          cell,
          wrap: formatAt(sheet, r, c).wrapText ?? false,
          width: sheet.columnWidths.get(c) ?? 48,
        });
      }
      return out;
    },
    validations: () => sheet.validations.map(withRange),
    conditionalFormats: () => sheet.conditionalFormats.map(withRange),
    tables: () =>
      wb.tables
        .filter((t) => t.sheet === sheet)
        .map((t) => {
          const { rect, sheet: _sheet, ...rest } = t;
          void _sheet;
          return { ...rest, range: rectToAddress(rect) };
        }),
  };
}

/** @param limits request/response size limits per sync; Excel on the web's 5 MB by default. */
export function createFakeExcel(limits: Partial<FakeLimits> = {}): FakeExcel {
  const state = createWorkbookState();
  const sizeLimits: FakeLimits = { maxRequestBytes: FIVE_MB, maxResponseBytes: FIVE_MB, ...limits };
  const stats: FakeStats = { syncCount: 0, payloads: [], responses: [], refused: [], operationCount: 0 };

  const mustFind = (name: string): SheetState => {
    const s = findSheet(state, name);
    if (!s) throw new Error(`fake Excel: no sheet "${name}"`);
    return s;
  };

  const host = createHost();
  const createdWorkbooks: Uint8Array[] = [];
  let createFailure: Error | undefined;
  const run: FakeRun = async (batch, options) => {
    const context = new FakeRequestContext(state, stats, sizeLimits, host, options ?? {});
    // The fake stands in for Excel.RequestContext; it implements only what the adapter uses.
    const result = await batch(context as unknown as Excel.RequestContext);
    if (context.pendingOperations > 0) {
      throw new Error(
        `fake Excel: the batch ended with ${context.pendingOperations} queued operations never synced`,
      );
    }
    return result;
  };

  return {
    run,
    state,
    stats,
    get syncCount() {
      return stats.syncCount;
    },
    get payloads() {
      return stats.payloads;
    },
    get responses() {
      return stats.responses;
    },
    get refused() {
      return stats.refused;
    },
    get operationCount() {
      return stats.operationCount;
    },
    resetStats() {
      stats.syncCount = 0;
      stats.payloads = [];
      stats.responses = [];
      stats.refused = [];
      stats.operationCount = 0;
    },
    sheetNames: () => state.sheets.map((s) => s.name),
    sheet: (name) => view(state, mustFind(name)),
    activeSheet: () => state.activeSheet?.name ?? null,
    selection: () =>
      state.selection ? `${state.selection.sheet.name}!${rectToAddress(state.selection.rect)}` : null,
    addUserSheet(name, values = [], options = {}) {
      const sheet = addSheet(state, name);
      const origin = cellRect(options.origin ?? 'A1');
      values.forEach((line, i) =>
        line.forEach((value, j) => setCell(sheet, origin.row + i, origin.col + j, { value, formula: null })),
      );
      for (const [cell, formula] of Object.entries(options.formulas ?? {})) {
        const { row, col } = cellRect(cell);
        setCell(sheet, row, col, { value: getCell(sheet, row, col).value, formula });
      }
      for (const [cell, format] of Object.entries(options.numberFormats ?? {})) {
        const rect = parseAddress(cell);
        const grid = Array.from({ length: rect.bottom - rect.top + 1 }, () =>
          new Array<string>(rect.right - rect.left + 1).fill(format),
        );
        sheet.layers.push({ kind: 'numberFormat', rect, grid });
      }
      return view(state, sheet);
    },
    protect(sheetName) {
      mustFind(sheetName).protected = true;
    },
    protectWorkbook() {
      state.structureProtected = true;
    },
    openPageLayoutTab() {
      state.pageLayoutTabOpened = true;
    },
    enterCellEdit() {
      host.cellEditMode = true;
    },
    exitCellEdit() {
      host.cellEditMode = false;
      const waiting = host.editEnded.splice(0);
      for (const resume of waiting) resume();
    },
    honourDelayForCellEdit(honour) {
      host.honoursDelayForCellEdit = honour;
    },
    answerCellEditWith(code) {
      host.cellEditCode = code;
    },
    setInactive(inactive) {
      host.inactiveWorkbook = inactive;
    },
    beforeSync(index, change) {
      host.beforeSync.set(index, change);
    },
    get waitingForEdit() {
      return host.editEnded.length;
    },
    createdWorkbooks,
    failNextCreateWorkbook(error) {
      createFailure = error;
    },
    async createWorkbook(base64File) {
      if (createFailure) {
        const error = createFailure;
        createFailure = undefined;
        throw error;
      }
      if (base64File === undefined) {
        createdWorkbooks.push(new Uint8Array());
        return;
      }
      if (typeof base64File !== 'string' || !BASE64.test(base64File))
        throw invalidArgument('base64File is not Base64.', 'Excel.createWorkbook');
      const bytes = new Uint8Array(Buffer.from(base64File, 'base64'));
      if (bytes.length < 4 || bytes[0] !== 0x50 || bytes[1] !== 0x4b || bytes[2] !== 3 || bytes[3] !== 4)
        throw invalidArgument('base64File is not an .xlsx file.', 'Excel.createWorkbook');
      createdWorkbooks.push(bytes);
    },
    addTable(sheetName, name, range) {
      const sheet = mustFind(sheetName);
      const rect = parseAddress(range);
      const columns: string[] = [];
      for (let c = rect.left; c <= rect.right; c++)
        columns.push(String(getCell(sheet, rect.top, c).value ?? `Column${columns.length + 1}`));
      state.tables.push({
        id: state.nextId++,
        name,
        sheet,
        rect,
        style: 'TableStyleMedium2',
        columns,
        deleted: false,
      });
    },
  };
}
