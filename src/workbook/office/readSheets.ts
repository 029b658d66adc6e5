/** Turning what Office.js loaded into the port's RawSheet / SheetInfo, and the two-sync read batch. */
import { sheetNameKey } from '../../domain/text';
import type { ErrorCell, RawCell, RawSheet, SheetInfo, WorkbookSnapshot } from '../port';
import { rangeToA1, type RangeRef } from '../a1';
import { parseAreas, parseRange, withoutSheet } from './ranges';
import { rowJsonBytes } from './syncBudget';

/** Excel's rule: sheet names are equal regardless of case (and, for Vietnamese, of NFC/NFD form). */
export function sameSheetName(a: string, b: string): boolean {
  return sheetNameKey(a) === sheetNameKey(b);
}

const VISIBILITY: Record<string, SheetInfo['visibility']> = {
  Visible: 'visible',
  Hidden: 'hidden',
  VeryHidden: 'veryHidden',
};

/** Loaded worksheet proxies → SheetInfo[] in tab order. */
export function sheetInfos(items: readonly Excel.Worksheet[]): SheetInfo[] {
  return [...items]
    .sort((a, b) => a.position - b.position)
    .map((ws) => ({
      name: ws.name,
      protected: ws.protection.protected,
      visibility: VISIBILITY[ws.visibility] ?? 'visible',
    }));
}

/** Queues the load of every sheet's name, position, visibility and protection. */
export function loadSheetList(context: Excel.RequestContext): Excel.WorksheetCollection {
  const worksheets = context.workbook.worksheets;
  worksheets.load('items/name,items/position,items/visibility,items/protection/protected');
  return worksheets;
}

/**
 * Queues the load of every table's sheet name. Used with the sheet list: a sheet with a table is replaced by
 * delete-and-add, not in place (see placeSheets).
 */
export function loadTableSheets(context: Excel.RequestContext): Excel.TableCollection {
  const tables = context.workbook.tables;
  tables.load('items/name,items/worksheet/name');
  return tables;
}

/** Names of the sheets holding at least one of the loaded tables, each once. */
export function tableSheetNames(tables: Excel.TableCollection): string[] {
  const names: string[] = [];
  for (const t of tables.items) {
    const sheet = t.worksheet.name;
    if (!names.some((n) => sameSheetName(n, sheet))) names.push(sheet);
  }
  return names;
}

/** A read as the adapter keeps it: the snapshot for the application, and what apply needs of the workbook. */
export interface OfficeRead {
  snapshot: WorkbookSnapshot;
  /** Every sheet of the workbook that holds a table (not only the requested ones). */
  tableSheets: string[];
}

/** What a used range was loaded with. */
export interface LoadedRange {
  address: string;
  values: unknown[][];
  valueTypes: string[][];
  numberFormat: unknown[][];
  /**
   * Address of the cells holding formulas (a RangeAreas address, areas separated by commas), or null when
   * there are none. The formulas' text is not loaded: it would double a tracker's response (see port.ts).
   */
  formulaAreas: string | null;
  /** The formulas' text instead, on a host without ExcelApi 1.9 (no special cells there). */
  formulas?: unknown[][];
}

function rawCell(value: unknown, type: string | undefined): RawCell {
  if (type === 'Error') return { error: String(value) } satisfies ErrorCell;
  if (value === '' || value === null || value === undefined || type === 'Empty') return null;
  if (typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean') return value;
  return String(value);
}

/** Marks "=" in `formulas` (padded to A1) for every cell of the areas, clipped to the grid. */
function markFormulas(formulas: (string | null)[][], width: number, areas: string | null): void {
  if (!areas) return;
  for (const area of parseAreas(areas)) {
    const lastRow = Math.min(area.end.row, formulas.length - 1);
    const lastCol = Math.min(area.end.col, width - 1);
    for (let r = area.start.row; r <= lastRow; r++) {
      const line = formulas[r];
      for (let c = area.start.col; c <= lastCol; c++) line[c] = '=';
    }
  }
}

/**
 * Marks "=" where a loaded formula text starts with "=" — except text cells ("@") whose text itself starts
 * with "=" (then formulas and values agree). Used only without ExcelApi 1.9.
 */
function markFormulaTexts(sheet: RawSheet, used: LoadedRange, origin: { row: number; col: number }): void {
  used.formulas?.forEach((line, i) =>
    line.forEach((f, j) => {
      const r = origin.row + i;
      const c = origin.col + j;
      const isText = sheet.numberFormats[r][c] === '@' && f === used.values[i]?.[j];
      if (typeof f === 'string' && f.startsWith('=') && !isText) sheet.formulas[r][c] = '=';
    }),
  );
}

/**
 * A used range → RawSheet padded to start at A1. `formulas` holds "=" in the cells Excel reports as formula
 * cells (a text cell whose text starts with "=" is not one), null elsewhere.
 */
export function toRawSheet(name: string, used: LoadedRange | null, tables: RawSheet['tables']): RawSheet {
  const sheet: RawSheet = { name, values: [], formulas: [], numberFormats: [], hiddenRows: [], tables };
  if (!used || used.values.length === 0) return sheet;
  const origin = parseRange(withoutSheet(used.address)).start;
  const width = origin.col + (used.values[0]?.length ?? 0);
  // A blank sheet reports A1 with one empty cell: nothing to return.
  if (used.values.length === 1 && width === 1 && used.valueTypes[0]?.[0] === 'Empty' && origin.row === 0)
    return sheet;
  for (let r = 0; r < origin.row; r++) {
    sheet.values.push(new Array<RawCell>(width).fill(null));
    sheet.formulas.push(new Array<string | null>(width).fill(null));
    sheet.numberFormats.push(new Array<string>(width).fill('General'));
  }
  used.values.forEach((line, i) => {
    const values = new Array<RawCell>(width).fill(null);
    const formats = new Array<string>(width).fill('General');
    line.forEach((v, j) => {
      const c = origin.col + j;
      const format = used.numberFormat[i]?.[j];
      formats[c] = typeof format === 'string' ? format : 'General';
      values[c] = rawCell(v, used.valueTypes[i]?.[j]);
    });
    sheet.values.push(values);
    sheet.formulas.push(new Array<string | null>(width).fill(null));
    sheet.numberFormats.push(formats);
  });
  markFormulas(sheet.formulas, width, used.formulaAreas);
  markFormulaTexts(sheet, used, origin);
  return sheet;
}

/** What the read loads of a used range: no `formulas` (see LoadedRange.formulaAreas). */
const RANGE_PROPERTIES = 'address,values,valueTypes,numberFormat';
const BLOCK_PROPERTIES = 'values,valueTypes,numberFormat';

export interface ReadOptions {
  /**
   * The host has ExcelApi 1.9: ask Excel where the formulas are. Without it, the formulas' text is loaded
   * with the values (twice the bytes for a tracker, so big sheets go to row blocks sooner).
   */
  formulaCells: boolean;
}

/**
 * Queues the load of the address of the sheet's formula cells (ExcelApi 1.9). Asked of the whole sheet, not
 * of the used range: on a blank sheet the used range is a null object, and a method called on a null object
 * fails the batch; formula cells lie inside the used range anyway, so the answer is the same. A null object
 * comes back when the sheet has no formulas.
 */
function loadFormulaAreas(ws: Excel.Worksheet): Excel.RangeAreas {
  const areas = ws.getRange().getSpecialCellsOrNullObject('Formulas');
  areas.load('address');
  return areas;
}

function areasAddress(areas: Excel.RangeAreas | undefined): string | null {
  return areas && !areas.isNullObject ? areas.address : null;
}

/** What to load of a used range or a block of it. */
function properties(base: string, options: ReadOptions): string {
  return options.formulaCells ? base : `${base},formulas`;
}

/** The sheets requested that exist, and their tables, after the first sync of a read. */
interface ReadTargets {
  sheets: SheetInfo[];
  tableSheets: string[];
  wanted: Map<string, Excel.Worksheet>;
  tables: { sheet: string; name: string; range: Excel.Range }[];
}

/** Sync 1: the sheet list and the workbook's tables (with their sheets); then queues the tables' addresses. */
async function findTargets(context: Excel.RequestContext, names: readonly string[]): Promise<ReadTargets> {
  const worksheets = loadSheetList(context);
  const tables = loadTableSheets(context);
  await context.sync();

  const wanted = new Map<string, Excel.Worksheet>();
  for (const name of names) {
    const ws = worksheets.items.find((w) => sameSheetName(w.name, name));
    if (ws && !wanted.has(name)) wanted.set(name, ws);
  }
  const found: ReadTargets['tables'] = [];
  for (const t of tables.items) {
    for (const ws of new Set(wanted.values())) {
      if (!sameSheetName(t.worksheet.name, ws.name)) continue;
      const range = t.getRange();
      range.load('address');
      found.push({ sheet: ws.name, name: t.name, range });
    }
  }
  return {
    sheets: sheetInfos(worksheets.items),
    tableSheets: tableSheetNames(tables),
    wanted,
    tables: found,
  };
}

function tablesOf(targets: ReadTargets, sheet: string): RawSheet['tables'] {
  return targets.tables
    .filter((t) => t.sheet === sheet)
    .map((t) => ({ name: t.name, range: withoutSheet(t.range.address) }));
}

/** A requested sheet that exists, with what the read queued for it. */
interface SheetRead {
  requested: string;
  ws: Excel.Worksheet;
  range: Excel.Range;
  /** Where the formulas are (ExcelApi 1.9); undefined when the formulas' text is loaded instead. */
  formulas?: Excel.RangeAreas;
}

/** Queues, for every requested sheet, its used range (loading `load`) and where its formulas are. */
function queueSheets(targets: ReadTargets, load: string, options: ReadOptions): SheetRead[] {
  return [...targets.wanted].map(([requested, ws]) => {
    const range = ws.getUsedRangeOrNullObject(true);
    range.load(load);
    return { requested, ws, range, formulas: options.formulaCells ? loadFormulaAreas(ws) : undefined };
  });
}

/**
 * The read batch: sync 1 loads the sheet list and the workbook's tables (with their sheet names, also kept
 * as `tableSheets` for the apply that follows); sync 2 loads the used ranges of the requested sheets that
 * exist (values, value types, number formats), where their formula cells are, and their tables' addresses.
 * Loading where the formulas are, rather than every formula's text, keeps a 5,000-row tracker's response
 * near half the size, under Excel on the web's 5 MB.
 *
 * When sync 2 comes back too big, the same batch goes on in row blocks (readInBlocks): nothing of the refused
 * sync is used, and the sheet list of sync 1 is not asked for again.
 *
 * The used range counts values only (valuesOnly = true): one formatted cell at row 1,048,576 would otherwise make
 * the read carry millions of empty cells.
 * hiddenRows is always []: the only one-load way (Range.getVisibleView().cellAddresses) fails intermittently
 * on filtered ranges (OfficeDev/office-js#4263) and would take the whole read down with it.
 */
export async function readWorkbook(
  context: Excel.RequestContext,
  names: readonly string[],
  options: ReadOptions = { formulaCells: true },
): Promise<OfficeRead> {
  const targets = await findTargets(context, names);
  return { snapshot: await readTargets(context, targets, options), tableSheets: targets.tableSheets };
}

/** Sync 2 of readWorkbook (and the row blocks when it comes back too big). */
async function readTargets(
  context: Excel.RequestContext,
  targets: ReadTargets,
  options: ReadOptions,
): Promise<WorkbookSnapshot> {
  if (targets.wanted.size === 0) return { sheets: targets.sheets, contents: {} };
  const reads = queueSheets(targets, properties(RANGE_PROPERTIES, options), options);
  try {
    await context.sync();
  } catch (error) {
    if (!isPayloadLimit(error)) throw error;
    return readInBlocks(context, targets, options);
  }
  const contents: Record<string, RawSheet> = {};
  for (const { requested, ws, range, formulas } of reads) {
    contents[requested] = toRawSheet(
      ws.name,
      range.isNullObject
        ? null
        : {
            address: range.address,
            values: range.values,
            valueTypes: range.valueTypes,
            numberFormat: range.numberFormat,
            formulaAreas: areasAddress(formulas),
            formulas: options.formulaCells ? undefined : range.formulas,
          },
      tablesOf(targets, ws.name),
    );
  }
  return { sheets: targets.sheets, contents };
}

export function isPayloadLimit(error: unknown): boolean {
  const code =
    typeof error === 'object' && error !== null && 'code' in error
      ? (error as { code: unknown }).code
      : undefined;
  return code === 'ResponsePayloadSizeLimitExceeded' || code === 'RequestPayloadSizeLimitExceeded';
}

/** What the block read aims at per sync: well under 5 MB, as the JSON estimate of rowJsonBytes counts it. */
const BLOCK_TARGET_BYTES = 3 * 1024 * 1024;

/** Bytes per cell assumed for a sheet before any of its rows came back (values, types and formats). */
const GUESSED_CELL_BYTES = 100;

type LoadedBlock = Pick<LoadedRange, 'values' | 'valueTypes' | 'numberFormat' | 'formulas'>;

/** JSON bytes of what one block returned (an estimate within a few bytes a row). */
function blockBytes(block: LoadedBlock): number {
  let bytes = 0;
  for (const grid of [block.values, block.valueTypes, block.numberFormat, block.formulas ?? []])
    for (const row of grid) bytes += rowJsonBytes(row);
  return bytes;
}

/** Appends a block's rows (a loop, not push(...rows): a block of a narrow sheet can have 100,000 rows). */
function append(to: unknown[][] | undefined, rows: readonly unknown[][]): void {
  if (to) for (const row of rows) to.push(row);
}

/** A sheet being read in blocks: its whole used range, what came back so far, and its next row. */
interface BlockedSheet {
  read: SheetRead;
  whole: RangeRef;
  loaded: LoadedRange;
  next: number;
  rowsSeen: number;
  bytesSeen: number;
}

/** Bytes per row to plan with: what the sheet's rows weighed so far, or a guess from its width. */
function bytesPerRow(s: BlockedSheet): number {
  const columns = s.whole.end.col - s.whole.start.col + 1;
  return s.rowsSeen > 0 ? Math.max(1, s.bytesSeen / s.rowsSeen) : columns * GUESSED_CELL_BYTES;
}

/**
 * The read for sheets too big for one response (Excel on the web refuses responses over 5 MB): one sync for
 * the used ranges' addresses, formula cells and tables, then row blocks packed into syncs of about
 * BLOCK_TARGET_BYTES each, sized from the bytes per row each sheet has shown so far — small sheets share a
 * sync with the first block of a big one, and the number of syncs follows the bytes, not the rows. When a
 * sync still comes back too big, the target is halved and the same rows are asked for again.
 */
async function readInBlocks(
  context: Excel.RequestContext,
  targets: ReadTargets,
  options: ReadOptions,
): Promise<WorkbookSnapshot> {
  const reads = queueSheets(targets, 'address', options);
  for (const t of targets.tables) t.range.load('address'); // the refused sync's loads never arrived
  await context.sync();

  const contents: Record<string, RawSheet> = {};
  const pending: BlockedSheet[] = [];
  for (const read of reads) {
    if (read.range.isNullObject) {
      contents[read.requested] = toRawSheet(read.ws.name, null, tablesOf(targets, read.ws.name));
      continue;
    }
    const address = read.range.address;
    const whole = parseRange(withoutSheet(address));
    const loaded: LoadedRange = {
      address,
      values: [],
      valueTypes: [],
      numberFormat: [],
      formulaAreas: areasAddress(read.formulas),
      formulas: options.formulaCells ? undefined : [],
    };
    pending.push({ read, whole, loaded, next: whole.start.row, rowsSeen: 0, bytesSeen: 0 });
  }

  let target = BLOCK_TARGET_BYTES;
  while (pending.some((s) => s.next <= s.whole.end.row)) {
    const batch: { sheet: BlockedSheet; first: number; last: number; block: Excel.Range }[] = [];
    let planned = 0;
    for (const sheet of pending) {
      while (sheet.next <= sheet.whole.end.row) {
        const perRow = bytesPerRow(sheet);
        const fits = Math.floor((target - planned) / perRow);
        if (fits < 1 && batch.length > 0) break;
        const rows = Math.min(Math.max(1, fits), sheet.whole.end.row - sheet.next + 1);
        const first = sheet.next;
        const last = first + rows - 1;
        const { start, end } = sheet.whole;
        const block = sheet.read.ws.getRange(rangeToA1(first, start.col, last, end.col));
        block.load(properties(BLOCK_PROPERTIES, options));
        batch.push({ sheet, first, last, block });
        planned += rows * perRow;
        sheet.next = last + 1;
      }
      if (planned >= target) break;
    }
    try {
      await context.sync();
    } catch (error) {
      const single = batch.length === 1 && batch[0].first === batch[0].last;
      if (!isPayloadLimit(error) || single) throw error;
      for (const { sheet, first } of batch) sheet.next = Math.min(sheet.next, first);
      target = Math.max(1, Math.floor(target / 2));
      continue;
    }
    for (const { sheet, first, last, block } of batch) {
      const got: LoadedBlock = {
        values: block.values,
        valueTypes: block.valueTypes,
        numberFormat: block.numberFormat,
        formulas: options.formulaCells ? undefined : block.formulas,
      };
      append(sheet.loaded.values, got.values);
      append(sheet.loaded.valueTypes, got.valueTypes);
      append(sheet.loaded.numberFormat, got.numberFormat);
      append(sheet.loaded.formulas, got.formulas ?? []);
      sheet.rowsSeen += last - first + 1;
      sheet.bytesSeen += blockBytes(got);
    }
  }
  for (const sheet of pending) {
    const { read, loaded } = sheet;
    contents[read.requested] = toRawSheet(read.ws.name, loaded, tablesOf(targets, read.ws.name));
  }
  // In the order the sheets were asked for, as the two-sync read gives them.
  const ordered: Record<string, RawSheet> = {};
  for (const { requested } of reads) ordered[requested] = contents[requested];
  return { sheets: targets.sheets, contents: ordered };
}
