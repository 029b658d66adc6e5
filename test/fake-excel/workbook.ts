/** Workbook-level proxies of the fake: context, workbook, worksheets, tables, freeze panes, page layout. */
import {
  MAX_COLUMNS,
  MAX_ROWS,
  overlaps,
  parseAddress,
  quoteSheetName,
  rectToAddress,
  splitSheet,
  WHOLE_SHEET,
  type Rect,
} from './address';
import {
  FakeClientObject,
  FakeCollection,
  FakeContext,
  type FakeHost,
  type FakeLimits,
  type FakeStats,
  type ProxyBase,
  type RunOptions,
  type Scalars,
} from './context';
import { accessDenied, FakeOfficeError, invalidArgument, invalidOperation, itemNotFound } from './errors';
import { FakeRange, type RangeTarget } from './range';
import {
  addSheet,
  checkSheetName,
  deleteSheet,
  findSheet,
  getCell,
  rewriteSheetReferences,
  structureLocked,
  usedRect,
  visibleSheets,
  type HeaderFooterState,
  type PageLayoutState,
  type SheetState,
  type TableState,
  type WorkbookState,
} from './state';

/** The context a batch receives: `workbook`, `application` and `sync()`. */
export class FakeRequestContext extends FakeContext {
  readonly workbook: FakeWorkbook;
  readonly application: FakeApplication;

  constructor(
    state: WorkbookState,
    stats: FakeStats,
    limits?: FakeLimits,
    host?: FakeHost,
    options?: RunOptions,
  ) {
    super(state, stats, limits, host, options);
    this.workbook = new FakeWorkbook(this);
    this.application = new FakeApplication(this);
  }
}

export class FakeApplication extends FakeClientObject<WorkbookState> {
  constructor(context: FakeContext) {
    super(context, () => context.state);
  }
  protected get typeName(): string {
    return 'Application';
  }
  protected scalars(): Scalars<WorkbookState> {
    return {};
  }
  suspendScreenUpdatingUntilNextSync(): void {
    this.call('suspendScreenUpdatingUntilNextSync', [], () => undefined);
  }
}

export class FakeWorkbook extends FakeClientObject<WorkbookState> {
  constructor(context: FakeContext) {
    super(context, () => context.state);
  }
  protected get typeName(): string {
    return 'Workbook';
  }
  protected scalars(): Scalars<WorkbookState> {
    return {};
  }
  get worksheets(): FakeWorksheetCollection {
    return this.child('worksheets', () => new FakeWorksheetCollection(this.context));
  }
  get tables(): FakeTableCollection {
    return this.child('tables', () => new FakeTableCollection(this.context, () => null));
  }
  get protection(): FakeWorkbookProtection {
    return this.child('protection', () => new FakeWorkbookProtection(this.context));
  }
  protected override navigation(): Record<string, () => ProxyBase> {
    return { protection: () => this.protection };
  }
}

/** Workbook.protection (ExcelApi 1.7): whether the workbook's structure is protected. */
export class FakeWorkbookProtection extends FakeClientObject<WorkbookState> {
  constructor(context: FakeContext) {
    super(context, () => context.state);
  }
  protected get typeName(): string {
    return 'WorkbookProtection';
  }
  protected scalars(): Scalars<WorkbookState> {
    return { protected: (wb) => wb.structureProtected };
  }
  get protected(): boolean {
    return this.read('protected');
  }
}

export class FakeWorksheetCollection extends FakeCollection<WorkbookState, FakeWorksheet> {
  constructor(context: FakeContext) {
    super(context, () => context.state);
  }
  protected get typeName(): string {
    return 'WorksheetCollection';
  }
  protected listItems(wb: WorkbookState): FakeWorksheet[] {
    return wb.sheets.map((s) => FakeWorksheet.of(this.context, s));
  }

  getItem(key: string): FakeWorksheet {
    return new FakeWorksheet(
      this.context,
      () => {
        const s = findSheet(this.context.state, key);
        if (!s) throw itemNotFound(`No worksheet named "${key}".`, 'WorksheetCollection.getItem');
        return s;
      },
      { method: 'getItem', args: [key] },
    );
  }

  getItemOrNullObject(key: string): FakeWorksheet {
    return new FakeWorksheet(this.context, () => findSheet(this.context.state, key) ?? null, {
      method: 'getItemOrNullObject',
      args: [key],
    });
  }

  getActiveWorksheet(): FakeWorksheet {
    return new FakeWorksheet(
      this.context,
      () => {
        const s = this.context.state.activeSheet;
        if (!s) throw itemNotFound('No active worksheet.');
        return s;
      },
      { method: 'getActiveWorksheet', args: [] },
    );
  }

  add(name?: string): FakeWorksheet {
    return new FakeWorksheet(
      this.context,
      () => {
        const wb = this.context.state;
        if (wb.structureProtected) throw structureLocked('WorksheetCollection.add');
        let n = wb.sheets.length + 1;
        while (!name && findSheet(wb, `Sheet${n}`)) n++;
        return addSheet(wb, name ?? `Sheet${n}`);
      },
      { method: 'add', args: [name] },
    );
  }
}

export class FakeWorksheet extends FakeClientObject<SheetState> {
  static of(context: FakeContext, sheet: SheetState): FakeWorksheet {
    return new FakeWorksheet(context, () => sheet).bind(sheet);
  }

  constructor(
    context: FakeContext,
    resolver: () => SheetState | null,
    creation?: { method: string; args?: unknown[] },
  ) {
    super(context, resolver, creation);
  }

  protected get typeName(): string {
    return 'Worksheet';
  }

  protected override assertAlive(s: SheetState): void {
    if (s.deleted) throw itemNotFound(`The worksheet "${s.name}" was deleted.`, 'Worksheet');
  }

  protected scalars(): Scalars<SheetState> {
    return {
      id: (s) => `{sheet-${s.id}}`,
      name: (s) => s.name,
      position: (s) => this.context.state.sheets.indexOf(s),
      visibility: (s) => s.visibility,
      tabColor: (s) => s.tabColor,
    };
  }

  protected override navigation(): Record<string, () => ProxyBase> {
    return { protection: () => this.protection, pageLayout: () => this.pageLayout };
  }

  get name(): string {
    return this.read('name');
  }
  set name(v: string) {
    this.write('name', v, (s, value) => {
      if (this.context.state.structureProtected && value !== s.name) throw structureLocked('Worksheet.name');
      checkSheetName(this.context.state, value as string, s);
      const old = s.name;
      s.name = value as string;
      // As in Excel: formulas that named the sheet follow it to its new name.
      if (old !== s.name) rewriteSheetReferences(this.context.state, old, `${quoteSheetName(s.name)}!`);
    });
  }
  get position(): number {
    return this.read('position');
  }
  set position(v: number) {
    this.write('position', v, (s, value) => {
      const wb = this.context.state;
      if (wb.structureProtected && wb.sheets.indexOf(s) !== value)
        throw structureLocked('Worksheet.position');
      if (typeof value !== 'number' || !Number.isInteger(value) || value < 0 || value >= wb.sheets.length) {
        throw invalidArgument(`Bad position ${String(value)}.`, 'Worksheet.position');
      }
      wb.sheets = wb.sheets.filter((x) => x !== s);
      wb.sheets.splice(value, 0, s);
    });
  }
  get visibility(): string {
    return this.read('visibility');
  }
  set visibility(v: string) {
    this.write('visibility', v, (s, value) => {
      if (value !== 'Visible' && value !== 'Hidden' && value !== 'VeryHidden') {
        throw invalidArgument(`Bad visibility ${String(value)}.`, 'Worksheet.visibility');
      }
      const wb = this.context.state;
      if (wb.structureProtected && value !== s.visibility) throw structureLocked('Worksheet.visibility');
      if (value !== 'Visible' && s.visibility === 'Visible' && visibleSheets(wb).length === 1) {
        throw invalidOperation('A workbook must keep one visible worksheet.', 'Worksheet.visibility');
      }
      s.visibility = value;
      if (value !== 'Visible' && wb.activeSheet === s) wb.activeSheet = visibleSheets(wb)[0] ?? null;
    });
  }
  get tabColor(): string {
    return this.read('tabColor');
  }
  set tabColor(v: string) {
    this.write('tabColor', v, (s, value) => {
      if (typeof value !== 'string' || !(value === '' || /^#[0-9A-Fa-f]{6}$/.test(value))) {
        throw invalidArgument(`Bad tab colour ${String(value)}.`, 'Worksheet.tabColor');
      }
      s.tabColor = value.toUpperCase();
    });
  }

  get protection(): FakeWorksheetProtection {
    return this.child('protection', () => new FakeWorksheetProtection(this.context, () => this.resolve()));
  }
  get freezePanes(): FakeFreezePanes {
    return this.child('freezePanes', () => new FakeFreezePanes(this.context, () => this.resolve()));
  }
  get pageLayout(): FakePageLayout {
    return this.child('pageLayout', () => new FakePageLayout(this.context, () => this.resolve()));
  }
  get horizontalPageBreaks(): FakePageBreakCollection {
    return this.child(
      'horizontalPageBreaks',
      () => new FakePageBreakCollection(this.context, () => this.resolve()),
    );
  }
  get tables(): FakeTableCollection {
    return this.child('tables', () => new FakeTableCollection(this.context, () => this.live()));
  }

  private range(method: string, args: unknown[], rect: (s: SheetState) => Rect | null): FakeRange {
    return new FakeRange(
      this.context,
      () => {
        const s = this.live();
        const r = rect(s);
        return r ? { sheet: s, rect: r } : null;
      },
      { method, parent: this.proxyId, args },
    );
  }

  getRange(address?: string): FakeRange {
    return this.range('getRange', [address], () =>
      address === undefined ? { ...WHOLE_SHEET } : parseAddress(address),
    );
  }

  getRangeByIndexes(startRow: number, startColumn: number, rowCount: number, columnCount: number): FakeRange {
    return this.range('getRangeByIndexes', [startRow, startColumn, rowCount, columnCount], () => {
      const rect = {
        top: startRow,
        left: startColumn,
        bottom: startRow + rowCount - 1,
        right: startColumn + columnCount - 1,
      };
      if (rowCount < 1 || columnCount < 1 || rect.bottom >= MAX_ROWS || rect.right >= MAX_COLUMNS) {
        throw invalidArgument('Bad range indexes.', 'Worksheet.getRangeByIndexes');
      }
      return rect;
    });
  }

  getUsedRange(valuesOnly = false): FakeRange {
    return this.range(
      'getUsedRange',
      [valuesOnly],
      (s) => usedRect(s, valuesOnly) ?? { top: 0, left: 0, bottom: 0, right: 0 },
    );
  }

  getUsedRangeOrNullObject(valuesOnly = false): FakeRange {
    return this.range('getUsedRangeOrNullObject', [valuesOnly], (s) => usedRect(s, valuesOnly));
  }

  activate(): void {
    this.call('activate', [], (s) => {
      if (s.visibility !== 'Visible')
        throw invalidOperation('Cannot activate a hidden sheet.', 'Worksheet.activate');
      this.context.state.activeSheet = s;
    });
  }

  delete(): void {
    this.call('delete', [], (s) => deleteSheet(this.context.state, s));
  }
}

export class FakeWorksheetProtection extends FakeClientObject<SheetState> {
  constructor(context: FakeContext, resolver: () => SheetState | null) {
    super(context, resolver);
  }
  protected get typeName(): string {
    return 'WorksheetProtection';
  }
  protected scalars(): Scalars<SheetState> {
    return { protected: (s) => s.protected };
  }
  get protected(): boolean {
    return this.read('protected');
  }
  protect(): void {
    this.call('protect', [], (s) => {
      s.protected = true;
    });
  }
  unprotect(): void {
    this.call('unprotect', [], (s) => {
      s.protected = false;
    });
  }
}

function rectOf(sheet: SheetState, arg: FakeRange | string, where: string): Rect {
  if (typeof arg === 'string') return parseAddress(arg);
  const t = arg.resolve();
  if (!t || t.sheet !== sheet) throw invalidArgument('The range must be on this sheet.', where);
  return t.rect;
}

/**
 * Worksheet.horizontalPageBreaks (ExcelApi 1.9): `add` puts a manual break above the top-left cell of the range;
 * `removePageBreaks` removes every manual break of the sheet.
 */
export class FakePageBreakCollection extends FakeClientObject<SheetState> {
  constructor(context: FakeContext, resolver: () => SheetState | null) {
    super(context, resolver);
  }
  protected get typeName(): string {
    return 'PageBreakCollection';
  }
  protected scalars(): Scalars<SheetState> {
    return {};
  }
  add(pageBreakRange: FakeRange | string): void {
    this.call('add', [pageBreakRange], (s) => {
      const r = rectOf(s, pageBreakRange, 'PageBreakCollection.add');
      if (r.top === 0) throw invalidArgument('No page break above the first row.', 'PageBreakCollection.add');
      if (!s.rowBreaks.includes(r.top + 1)) s.rowBreaks = [...s.rowBreaks, r.top + 1].sort((a, b) => a - b);
    });
  }
  removePageBreaks(): void {
    this.call('removePageBreaks', [], (s) => {
      s.rowBreaks = [];
    });
  }
}

export class FakeFreezePanes extends FakeClientObject<SheetState> {
  constructor(context: FakeContext, resolver: () => SheetState | null) {
    super(context, resolver);
  }
  protected get typeName(): string {
    return 'WorksheetFreezePanes';
  }
  protected scalars(): Scalars<SheetState> {
    return {};
  }
  freezeRows(count = 1): void {
    this.call('freezeRows', [count], (s) => {
      s.freeze = { rows: count, columns: 0 };
    });
  }
  freezeColumns(count = 1): void {
    this.call('freezeColumns', [count], (s) => {
      s.freeze = { rows: 0, columns: count };
    });
  }
  freezeAt(frozenRange: FakeRange | string): void {
    this.call('freezeAt', [frozenRange], (s) => {
      const r = rectOf(s, frozenRange, 'WorksheetFreezePanes.freezeAt');
      s.freeze = { rows: r.bottom + 1, columns: r.right + 1 };
    });
  }
  unfreeze(): void {
    this.call('unfreeze', [], (s) => {
      s.freeze = null;
    });
  }
}

const PAPER_SIZES = ['Letter', 'Legal', 'A3', 'A4', 'A5', 'B4', 'B5'];
type PageScalar = Exclude<keyof PageLayoutState, 'headersFooters' | 'printArea' | 'printTitleRows'>;

export class FakePageLayout extends FakeClientObject<SheetState> {
  constructor(context: FakeContext, resolver: () => SheetState | null) {
    super(context, resolver);
  }
  protected get typeName(): string {
    return 'PageLayout';
  }
  protected scalars(): Scalars<SheetState> {
    const keys: PageScalar[] = [
      'orientation',
      'paperSize',
      'topMargin',
      'bottomMargin',
      'leftMargin',
      'rightMargin',
      'headerMargin',
      'footerMargin',
      'centerHorizontally',
      'firstPageNumber',
      'zoom',
    ];
    return Object.fromEntries(keys.map((k) => [k, (s: SheetState) => s.pageLayout[k]]));
  }
  protected override navigation(): Record<string, () => ProxyBase> {
    return { headersFooters: () => this.headersFooters };
  }

  private setLayout(key: PageScalar, value: unknown, check: (v: unknown) => boolean): void {
    this.write(key, value, (s, v) => {
      if (!check(v)) throw invalidArgument(`Bad ${key} ${JSON.stringify(v)}.`, `PageLayout.${key}`);
      (s.pageLayout as unknown as Record<string, unknown>)[key] = v;
    });
  }

  set orientation(v: string) {
    this.setLayout('orientation', v, (x) => x === 'Portrait' || x === 'Landscape');
  }
  set paperSize(v: string) {
    this.setLayout('paperSize', v, (x) => typeof x === 'string' && PAPER_SIZES.includes(x));
  }
  set topMargin(v: number) {
    this.setLayout('topMargin', v, isMargin);
  }
  set bottomMargin(v: number) {
    this.setLayout('bottomMargin', v, isMargin);
  }
  set leftMargin(v: number) {
    this.setLayout('leftMargin', v, isMargin);
  }
  set rightMargin(v: number) {
    this.setLayout('rightMargin', v, isMargin);
  }
  set headerMargin(v: number) {
    this.setLayout('headerMargin', v, isMargin);
  }
  set footerMargin(v: number) {
    this.setLayout('footerMargin', v, isMargin);
  }
  set centerHorizontally(v: boolean) {
    this.setLayout('centerHorizontally', v, (x) => typeof x === 'boolean');
  }
  set firstPageNumber(v: number | '') {
    this.setLayout(
      'firstPageNumber',
      v,
      (x) => x === '' || (typeof x === 'number' && Number.isInteger(x) && x >= 0),
    );
  }
  set zoom(v: PageLayoutState['zoom']) {
    const fitsToPages =
      typeof v === 'object' &&
      v !== null &&
      (v.horizontalFitToPages !== undefined || v.verticalFitToPages !== undefined);
    if (fitsToPages && !this.context.state.pageLayoutTabOpened) {
      // OfficeDev/office-js#1860: fitting to pages does not take until the Page Layout tab has been opened;
      // the request goes through and nothing changes.
      this.write('zoom', v, () => undefined);
      return;
    }
    this.setLayout('zoom', v, (x) => {
      if (typeof x !== 'object' || x === null) return false;
      const z = x as Record<string, unknown>;
      const keys = Object.keys(z);
      const count = (k: string): boolean =>
        z[k] === undefined || (typeof z[k] === 'number' && (z[k] as number) >= 0);
      // PageLayoutZoomOptions: scale 10–400, and no scale beside a fit to pages.
      const scale = z.scale;
      const scaleOk = scale === undefined || (typeof scale === 'number' && scale >= 10 && scale <= 400);
      const fit = z.horizontalFitToPages !== undefined || z.verticalFitToPages !== undefined;
      return (
        keys.every((k) => ['scale', 'horizontalFitToPages', 'verticalFitToPages'].includes(k)) &&
        keys.every(count) &&
        scaleOk &&
        !(fit && scale !== undefined)
      );
    });
  }

  get headersFooters(): FakeHeaderFooterGroup {
    return this.child('headersFooters', () => new FakeHeaderFooterGroup(this.context, () => this.resolve()));
  }

  setPrintArea(printArea: FakeRange | string): void {
    this.call('setPrintArea', [printArea], (s) => {
      s.pageLayout.printArea = rectToAddress(rectOf(s, printArea, 'PageLayout.setPrintArea'));
    });
  }

  setPrintTitleRows(printTitleRows: FakeRange | string): void {
    this.call('setPrintTitleRows', [printTitleRows], (s) => {
      const r = rectOf(s, printTitleRows, 'PageLayout.setPrintTitleRows');
      if (r.left !== 0 || r.right !== MAX_COLUMNS - 1)
        throw invalidArgument('Print titles must be whole rows.', 'PageLayout.setPrintTitleRows');
      s.pageLayout.printTitleRows = rectToAddress(r);
    });
  }
}

function isMargin(x: unknown): boolean {
  return typeof x === 'number' && Number.isFinite(x) && x >= 0 && x < 1000;
}

export class FakeHeaderFooterGroup extends FakeClientObject<SheetState> {
  constructor(context: FakeContext, resolver: () => SheetState | null) {
    super(context, resolver);
  }
  protected get typeName(): string {
    return 'HeaderFooterGroup';
  }
  protected scalars(): Scalars<SheetState> {
    return { state: (s) => s.pageLayout.headersFooters.state };
  }
  set state(v: string) {
    this.write('state', v, (s, value) => {
      if (!['Default', 'FirstAndDefault', 'OddAndEven', 'FirstOddAndEven'].includes(value as string)) {
        throw invalidArgument(`Bad header/footer state ${String(value)}.`, 'HeaderFooterGroup.state');
      }
      s.pageLayout.headersFooters.state = value as string;
    });
  }
  get firstPage(): FakeHeaderFooter {
    return this.child(
      'firstPage',
      () => new FakeHeaderFooter(this.context, () => this.resolve(), 'firstPage'),
    );
  }
  get defaultForAllPages(): FakeHeaderFooter {
    return this.child(
      'defaultForAllPages',
      () => new FakeHeaderFooter(this.context, () => this.resolve(), 'defaultForAllPages'),
    );
  }
}

export class FakeHeaderFooter extends FakeClientObject<SheetState> {
  constructor(
    context: FakeContext,
    resolver: () => SheetState | null,
    private readonly which: 'firstPage' | 'defaultForAllPages',
  ) {
    super(context, resolver);
  }
  protected get typeName(): string {
    return 'HeaderFooter';
  }
  private part(s: SheetState): HeaderFooterState {
    return s.pageLayout.headersFooters[this.which];
  }
  protected scalars(): Scalars<SheetState> {
    const keys: (keyof HeaderFooterState)[] = [
      'leftHeader',
      'centerHeader',
      'rightHeader',
      'leftFooter',
      'centerFooter',
      'rightFooter',
    ];
    return Object.fromEntries(keys.map((k) => [k, (s: SheetState) => this.part(s)[k]]));
  }
  private setText(key: keyof HeaderFooterState, v: unknown): void {
    this.write(key, v, (s, value) => {
      if (typeof value !== 'string' || value.length > 255)
        throw invalidArgument('Bad header text.', `HeaderFooter.${key}`);
      this.part(s)[key] = value;
    });
  }
  set leftHeader(v: string) {
    this.setText('leftHeader', v);
  }
  set centerHeader(v: string) {
    this.setText('centerHeader', v);
  }
  set rightHeader(v: string) {
    this.setText('rightHeader', v);
  }
  set leftFooter(v: string) {
    this.setText('leftFooter', v);
  }
  set centerFooter(v: string) {
    this.setText('centerFooter', v);
  }
  set rightFooter(v: string) {
    this.setText('rightFooter', v);
  }
}

/** Table name rules: starts with a letter, "_" or "\", no spaces, not like a cell reference. */
function checkTableName(wb: WorkbookState, name: unknown, except?: TableState): string {
  if (
    typeof name !== 'string' ||
    !/^[\p{L}_\\][\p{L}\p{N}_.]*$/u.test(name) ||
    name.length > 255 ||
    /^[A-Za-z]{1,3}\d+$/.test(name)
  ) {
    throw invalidArgument(`Invalid table name ${JSON.stringify(name)}.`, 'Table.name');
  }
  const clash = wb.tables.find((t) => t.name.toLowerCase() === name.toLowerCase());
  if (clash && clash !== except)
    throw new FakeOfficeError('ItemAlreadyExists', `A table named "${name}" already exists.`, 'Table.name');
  return name;
}

/** Tables of the workbook (sheet = null) or of one sheet. */
export class FakeTableCollection extends FakeCollection<SheetState | 'workbook', FakeTable> {
  constructor(context: FakeContext, sheet: () => SheetState | null) {
    super(context, () => sheet() ?? 'workbook');
  }
  protected get typeName(): string {
    return 'TableCollection';
  }
  protected listItems(scope: SheetState | 'workbook'): FakeTable[] {
    return this.context.state.tables
      .filter((t) => scope === 'workbook' || t.sheet === scope)
      .map((t) => new FakeTable(this.context, () => t).bind(t));
  }

  getItem(key: string): FakeTable {
    return new FakeTable(
      this.context,
      () => {
        const t = this.context.state.tables.find((x) => x.name.toLowerCase() === key.toLowerCase());
        if (!t) throw itemNotFound(`No table named "${key}".`, 'TableCollection.getItem');
        return t;
      },
      { method: 'getItem', parent: this.proxyId, args: [key] },
    );
  }

  /**
   * As documented for Office.js: a string address without a sheet name refers to the *active* sheet, even on
   * a worksheet's own collection; pass a Range to be unambiguous.
   */
  add(address: FakeRange | string, hasHeaders: boolean): FakeTable {
    return new FakeTable(
      this.context,
      () => {
        const wb = this.context.state;
        let target: RangeTarget | null;
        if (typeof address === 'string') {
          const { sheet } = splitSheet(address);
          const s = sheet === null ? wb.activeSheet : (findSheet(wb, sheet) ?? null);
          target = s ? { sheet: s, rect: parseAddress(address) } : null;
        } else {
          target = address.resolve();
        }
        if (!target) throw itemNotFound('The table range does not exist.', 'TableCollection.add');
        const { sheet, rect } = target;
        if (sheet.protected) throw accessDenied(sheet.name, 'TableCollection.add');
        if (!hasHeaders)
          throw new FakeOfficeError('NotImplemented', 'The fake only simulates tables with headers.');
        if (wb.tables.some((t) => t.sheet === sheet && overlaps(t.rect, rect))) {
          throw invalidArgument('A table cannot overlap another table.', 'TableCollection.add');
        }
        if (sheet.merges.some((m) => overlaps(m, rect)))
          throw invalidArgument('A table cannot contain merged cells.', 'TableCollection.add');
        const columns: string[] = [];
        for (let c = rect.left; c <= rect.right; c++) {
          const v = getCell(sheet, rect.top, c).value;
          let name = v === null || typeof v === 'object' ? `Column${c - rect.left + 1}` : String(v);
          while (columns.some((x) => x.toLowerCase() === name.toLowerCase())) name = `${name}2`;
          columns.push(name);
        }
        let n = wb.tables.length + 1;
        while (wb.tables.some((t) => t.name === `Table${n}`)) n++;
        const table: TableState = {
          id: wb.nextId++,
          name: `Table${n}`,
          sheet,
          rect: { ...rect },
          style: 'TableStyleMedium2',
          columns,
          deleted: false,
        };
        wb.tables.push(table);
        return table;
      },
      { method: 'add', parent: this.proxyId, args: [address, hasHeaders] },
    );
  }
}

export class FakeTable extends FakeClientObject<TableState> {
  constructor(
    context: FakeContext,
    resolver: () => TableState | null,
    creation?: { method: string; parent?: number; args?: unknown[] },
  ) {
    super(context, resolver, creation);
  }
  protected get typeName(): string {
    return 'Table';
  }
  protected override assertAlive(t: TableState): void {
    if (t.deleted) throw itemNotFound(`The table "${t.name}" was deleted.`, 'Table');
  }
  protected scalars(): Scalars<TableState> {
    return { id: (t) => String(t.id), name: (t) => t.name, style: (t) => t.style, showHeaders: () => true };
  }
  protected override navigation(): Record<string, () => ProxyBase> {
    return { worksheet: () => this.worksheet };
  }

  get name(): string {
    return this.read('name');
  }
  set name(v: string) {
    this.write('name', v, (t, value) => {
      if (t.sheet.protected) throw accessDenied(t.sheet.name, 'Table.name');
      t.name = checkTableName(this.context.state, value, t);
    });
  }
  get style(): string {
    return this.read('style');
  }
  set style(v: string) {
    this.write('style', v, (t, value) => {
      if (typeof value !== 'string' || !/^TableStyle(Light|Medium|Dark)\d{1,2}$/.test(value)) {
        throw invalidArgument(`Unknown table style ${JSON.stringify(value)}.`, 'Table.style');
      }
      t.style = value;
    });
  }

  get worksheet(): FakeWorksheet {
    return this.child('worksheet', () => new FakeWorksheet(this.context, () => this.live().sheet));
  }

  get columns(): FakeTableColumnCollection {
    return this.child('columns', () => new FakeTableColumnCollection(this.context, () => this.resolve()));
  }

  private range(method: string, rect: (t: TableState) => Rect): FakeRange {
    return new FakeRange(
      this.context,
      () => {
        const t = this.live();
        return { sheet: t.sheet, rect: rect(t) };
      },
      { method, parent: this.proxyId, args: [] },
    );
  }

  getRange(): FakeRange {
    return this.range('getRange', (t) => ({ ...t.rect }));
  }
  getHeaderRowRange(): FakeRange {
    return this.range('getHeaderRowRange', (t) => ({ ...t.rect, bottom: t.rect.top }));
  }
  getDataBodyRange(): FakeRange {
    return this.range('getDataBodyRange', (t) => ({ ...t.rect, top: t.rect.top + 1 }));
  }
}

export class FakeTableColumnCollection extends FakeCollection<TableState, FakeTableColumn> {
  constructor(context: FakeContext, resolver: () => TableState | null) {
    super(context, resolver);
  }
  protected get typeName(): string {
    return 'TableColumnCollection';
  }
  protected listItems(t: TableState): FakeTableColumn[] {
    return t.columns.map((_, i) =>
      new FakeTableColumn(this.context, () => ({ table: t, index: i })).bind({ table: t, index: i }),
    );
  }
  getItemAt(index: number): FakeTableColumn {
    return new FakeTableColumn(
      this.context,
      () => {
        const t = this.live();
        if (!Number.isInteger(index) || index < 0 || index >= t.columns.length) {
          throw itemNotFound(`No column ${index} in table "${t.name}".`, 'TableColumnCollection.getItemAt');
        }
        return { table: t, index };
      },
      { method: 'getItemAt', parent: this.proxyId, args: [index] },
    );
  }
}

export class FakeTableColumn extends FakeClientObject<{ table: TableState; index: number }> {
  constructor(
    context: FakeContext,
    resolver: () => { table: TableState; index: number } | null,
    creation?: { method: string; parent?: number; args?: unknown[] },
  ) {
    super(context, resolver, creation);
  }
  protected get typeName(): string {
    return 'TableColumn';
  }
  protected scalars(): Scalars<{ table: TableState; index: number }> {
    return { name: (c) => c.table.columns[c.index], index: (c) => c.index };
  }
  get name(): string {
    return this.read('name');
  }
  getDataBodyRange(): FakeRange {
    return new FakeRange(
      this.context,
      () => {
        const { table, index } = this.live();
        const col = table.rect.left + index;
        return {
          sheet: table.sheet,
          rect: { top: table.rect.top + 1, bottom: table.rect.bottom, left: col, right: col },
        };
      },
      { method: 'getDataBodyRange', parent: this.proxyId, args: [] },
    );
  }
}
