/**
 * The port between the application and a workbook. Two adapters implement it: office/ (a live workbook
 * through Office.js) and xlsx/ (an .xlsx file through ExcelJS). Each method is one batch: the Office.js
 * adapter turns `read` into one context.sync() when it remembers the workbook (two the first time) and
 * `apply` into one; more only when the payload would pass Excel on the web's 5 MB limits.
 */
import type { CellValue, SheetSpec } from '../sheets/spec';

/** An error value as a cell holds it (#N/A, #REF!, …). */
export interface ErrorCell {
  error: string;
}

/** A cell as read: dates arrive as Excel serial numbers (the number format is not interpreted). */
export type RawCell = string | number | boolean | null | ErrorCell;

export interface RawSheet {
  name: string;
  /** The used range padded to start at A1 (row 0 = sheet row 1). Empty cells are null. */
  values: RawCell[][];
  /**
   * Same shape as values: non-null where the cell holds a formula, else null. The .xlsx adapter gives the
   * formula text ("=…"); the Office.js adapter gives "=" only (it asks Excel which cells hold formulas rather
   * than loading every formula's text, which keeps a 5,000-row read under Excel on the web's 5 MB response
   * limit).
   */
  formulas: (string | null)[][];
  /** Number formats, same shape as values ("General", "dd/mm/yyyy", "@", …). */
  numberFormats: string[][];
  /** Rows (1-based) that are hidden or filtered out. */
  hiddenRows: number[];
  /** Tables (ListObjects) on the sheet: name and A1 address, e.g. "A1:L60". */
  tables: { name: string; range: string }[];
}

export interface SheetInfo {
  name: string;
  protected: boolean;
  visibility: 'visible' | 'hidden' | 'veryHidden';
}

export interface WorkbookSnapshot {
  /** Every sheet of the workbook, in tab order. */
  sheets: SheetInfo[];
  /** The requested sheets that exist, by name. */
  contents: Record<string, RawSheet>;
}

export interface CellUpdate {
  sheet: string;
  /** Single-cell A1 address. */
  cell: string;
  value: CellValue;
  /** Optional number format to set with the value (e.g. "dd/mm/yyyy" for a date serial). */
  numberFormat?: string;
}

export interface WritePlan {
  /**
   * Sheets to write whole. A sheet of the same name that exists (the caller has already decided it may be
   * replaced) is rewritten in place: same tab position, and formulas on other sheets that refer to it keep
   * working. New sheets go at the end.
   */
  write: SheetSpec[];
  /** Single cells to set on existing sheets (e.g. the settings form), without touching anything else. */
  updates?: CellUpdate[];
  /** Sheet to activate (show) when done. */
  activate?: string;
  /** Cell to select on the activated sheet. */
  select?: string;
  /**
   * Tab order wanted at the end: these sheets (those that exist) move to the front, in this order. Lets a
   * plan create sheets in dependency order (lists before the tracker that refers to them) yet show the
   * tracker first.
   */
  tabOrder?: string[];
}

export interface WorkbookPort {
  /** Names, protection and visibility of every sheet, plus the used ranges of the named sheets that exist. */
  read(sheetNames: string[]): Promise<WorkbookSnapshot>;
  /** Applies the plan in one batch. Throws WorkbookError on failure, after writing nothing where it can. */
  apply(plan: WritePlan): Promise<void>;
  /**
   * What the last apply could not fully honour (an old requirement set, a limit of the file format), in
   * Vietnamese, for the user. Empty when everything was written as specified.
   */
  readonly lastWarnings?: readonly string[];
}

/**
 * What went wrong at the workbook's edge, in terms the application can turn into a Vietnamese message.
 * The codes after 'io' come from a live workbook (the Office adapter), which words their messages itself:
 * - cellEditMode: the user is typing in a cell and this Excel cannot wait for the edit to end;
 * - inactiveWorkbook: another workbook has the focus;
 * - structureProtected: the workbook's structure is protected and the plan adds, deletes, renames, moves or
 *   hides sheets;
 * - sheetListChanged: the sheets changed between the read and the write (a sheet added under a name the
 *   write adds, or one it writes deleted or renamed); the action is worth running again from its read;
 * - host: any other failure of Excel, worded for the user (the Excel code goes to the console).
 */
export type WorkbookErrorCode =
  | 'sheetProtected'
  | 'sheetNotFound'
  | 'payloadTooLarge'
  | 'unsupported'
  | 'io'
  | 'cellEditMode'
  | 'inactiveWorkbook'
  | 'structureProtected'
  | 'sheetListChanged'
  | 'host';

export class WorkbookError extends Error {
  constructor(
    readonly code: WorkbookErrorCode,
    readonly sheet: string | undefined,
    message: string,
  ) {
    super(message);
    this.name = 'WorkbookError';
  }
}
