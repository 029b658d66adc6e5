/**
 * The browser preview's workbook: an .xlsx held in memory through the .xlsx adapter, standing in for the
 * live workbook Excel gives the pane. It is the pane's WorkbookPort (operations run one at a time, as Excel
 * runs batches), and it plays the parts of Excel the pane relies on: which sheet is shown, which cell is
 * selected, and change events when the user edits a cell.
 */
import { PREVIEW } from '../i18n/ui';
import type { CellValue } from '../sheets/spec';
import type { WorkbookPort, WorkbookSnapshot, WritePlan } from '../workbook/port';
import { openXlsx, type SheetLayout, type XlsxWorkbook } from '../workbook/xlsx/xlsxWorkbook';

/** What the sheet view shows. A new object whenever something changes (for useSyncExternalStore). */
export interface PreviewView {
  /** Bumped after every write: the view reads the workbook again. */
  version: number;
  activeSheet: string | null;
  selection: { sheet: string; cell: string } | null;
}

/** The sheet a new Vietnamese Excel workbook starts with. */
export const FIRST_SHEET = PREVIEW.firstSheet;

export class PreviewWorkbook implements WorkbookPort {
  private queue: Promise<unknown> = Promise.resolve();
  private view: PreviewView = { version: 0, activeSheet: FIRST_SHEET, selection: null };
  private readonly viewListeners = new Set<() => void>();
  private readonly changeListeners = new Set<() => void>();

  private constructor(private readonly book: XlsxWorkbook) {}

  /** A workbook as Excel makes one: a single empty sheet. */
  static async create(): Promise<PreviewWorkbook> {
    return new PreviewWorkbook(await openXlsx({ firstSheet: FIRST_SHEET }));
  }

  /**
   * The user's own workbook (the web app): its bytes read through the .xlsx adapter, which keeps every cell
   * and part when saved (the CLI's graft). Throws the adapter's WorkbookError (UnreadableWorkbookError: why,
   * in Vietnamese) for a file it cannot read.
   */
  static async fromBytes(bytes: Uint8Array): Promise<PreviewWorkbook> {
    return new PreviewWorkbook(await openXlsx(bytes));
  }

  /** Runs workbook operations one after another: two overlapping applies must not lose either. */
  private serial<T>(work: () => Promise<T>): Promise<T> {
    const next = this.queue.then(work, work);
    this.queue = next.catch(() => undefined);
    return next;
  }

  private update(change: Partial<PreviewView>): void {
    this.view = { ...this.view, ...change };
    for (const listener of this.viewListeners) listener();
  }

  read(sheetNames: string[]): Promise<WorkbookSnapshot> {
    return this.serial(() => this.book.read(sheetNames));
  }

  /** Writes like Excel: then shows the sheet and selects the cell the plan names. */
  async apply(plan: WritePlan): Promise<void> {
    await this.serial(() => this.book.apply(plan));
    const activeSheet = plan.activate ?? this.view.activeSheet;
    const selection =
      plan.activate && plan.select ? { sheet: plan.activate, cell: plan.select } : this.view.selection;
    this.update({ version: this.view.version + 1, activeSheet, selection });
  }

  /** Merged ranges and column widths of a sheet, to draw it as Excel does. */
  layoutOf(sheet: string): Promise<SheetLayout | undefined> {
    return this.serial(() => this.book.layoutOf(sheet));
  }

  /** A cell edited by the user in the sheet view: written, then announced as Excel's onChanged would. */
  async editCell(sheet: string, cell: string, value: CellValue, numberFormat?: string): Promise<void> {
    await this.apply({ write: [], updates: [{ sheet, cell, value, numberFormat }] });
    for (const listener of this.changeListeners) listener();
  }

  /** Shows the sheet and selects the cell; throws when there is no such sheet (as Excel would). */
  async selectCell(sheet: string, cell: string): Promise<void> {
    const { sheets } = await this.read([]);
    if (!sheets.some((s) => s.name === sheet)) throw new Error(`Worksheet not found: ${sheet}`);
    this.update({ activeSheet: sheet, selection: { sheet, cell } });
  }

  showSheet(sheet: string): void {
    this.update({ activeSheet: sheet });
  }

  /** Change events for the pane (user edits only: the pane refreshes after its own writes itself). */
  onUserChange(listener: () => void): () => void {
    this.changeListeners.add(listener);
    return () => this.changeListeners.delete(listener);
  }

  readonly subscribeView = (listener: () => void): (() => void) => {
    this.viewListeners.add(listener);
    return () => this.viewListeners.delete(listener);
  };

  readonly getView = (): PreviewView => this.view;

  /** The workbook as .xlsx bytes (throws WorkbookError with a Vietnamese message when it cannot be saved). */
  toBytes(): Promise<Uint8Array> {
    return this.serial(() => this.book.toBuffer());
  }
}
