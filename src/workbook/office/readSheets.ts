/**
 * The read batch of the Office adapter: the sheet list (sheetList.ts) and the requested sheets' used ranges, in
 * one round trip when the adapter remembers the workbook (memory.ts), sized so that no response passes Excel on
 * the web's 5 MB; and turning what Office.js loaded into the port's RawSheet.
 */
import { sameSheetName, sheetNameKey } from '../../domain/text';
import type { ErrorCell, RawCell, RawSheet, WorkbookSnapshot } from '../port';
import {
  formatRange,
  MAX_COLUMNS,
  MAX_ROWS,
  parseAreas,
  parseRange,
  rangeToA1,
  withoutSheet,
  type RangeRef,
} from '../../domain/a1';
import { rememberedName, type BookMemory, type SheetExtent } from './memory';
import { columnCount, rowCount } from './ranges';
import { rowJsonBytes } from './syncBudget';
import { loadSheetList, loadTableSheets, sheetInfos, tableSheetNames } from './sheetList';

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
  return sheet;
}

/** What the read loads of a range: no `formulas` (see LoadedRange.formulaAreas). */
const DATA_PROPERTIES = 'values,valueTypes,numberFormat';

/**
 * Queues the load of the address of the sheet's formula cells (ExcelApi 1.9). Asked of the used range of
 * values (Worksheet.getUsedRange(true), which on a blank sheet is its top-left cell, never a null object), not
 * of the whole sheet: Excel on the web refuses one operation on more than 33,554,000 cells. Formula cells lie
 * inside it, so the answer is the same. A null object comes back when the sheet has no formulas.
 */
function loadFormulaAreas(ws: Excel.Worksheet): Excel.RangeAreas {
  const areas = ws.getUsedRange(true).getSpecialCellsOrNullObject('Formulas');
  areas.load('address');
  return areas;
}

function areasAddress(areas: Excel.RangeAreas | undefined): string | null {
  return areas && !areas.isNullObject ? areas.address : null;
}

/** A read as the adapter keeps it: the snapshot for the application, and what apply needs of the workbook. */
export interface OfficeRead {
  snapshot: WorkbookSnapshot;
  /** Every sheet of the workbook that holds a table (not only the requested ones). */
  tableSheets: string[];
  /** Every table of the workbook, with its sheet. */
  tables: { name: string; sheet: string }[];
  /** The workbook's structure is protected (sheets cannot be added, deleted, renamed, moved or hidden). */
  structureProtected: boolean;
  /** What the read learned of the size of each sheet it read, by sheetNameKey. */
  extents: Record<string, SheetExtent>;
  /** The read relied on the memory and it held: no round trip was spent on finding the sheets. */
  usedMemory: boolean;
}

/**
 * Bytes of response a sync of the read aims at: 1 MB under Excel on the web's 5 MB, room for the estimate of
 * a sheet's bytes per row (measured by the last read, or estimated from what the last write wrote) to be off
 * by a quarter.
 */
const READ_TARGET_BYTES = 4 * 1024 * 1024;

/** Cells one window or block may ask for: far under Excel's 5,000,000-cell limit on a single read. */
export const MAX_READ_CELLS = 1_000_000;

/**
 * For a sheet whose size nothing tells yet: a first window from A1 of COLD_WINDOW_COLUMNS columns (only its
 * used cells come back, so width costs nothing where the sheet is narrower), as many rows as a row of
 * COLD_ROW_COLUMNS cells of COLD_CELL_BYTES (value, value type and number format as JSON) allows: 768 bytes
 * a row, about 5,400 rows in 4 MB. A documented approximation, that a sheet is long or wide but not both: a
 * tracker row of 12 columns with 150-character task texts weighs about 630 bytes; a report is 36 columns
 * but a hundred rows. A sheet much denser than that over the window makes that one sync come back too big,
 * and it is asked again at half the size.
 */
const COLD_WINDOW_COLUMNS = 64;
const COLD_ROW_COLUMNS = 16;
const COLD_CELL_BYTES = 48;

/** Rows and columns a remembered sheet may have grown by and still be read in its first window. */
const ROW_HEADROOM = (rows: number): number => Math.max(50, Math.ceil(rows / 10));
const COLUMN_HEADROOM = 2;

/** A requested sheet being read: what is known of it, and what has come back. */
interface SheetRead {
  requested: string;
  /** The sheet's name as Excel spells it (known once the sheet list came back). */
  name: string;
  /** The worksheet proxy to ask (getItem by the remembered name, or an item of the loaded list). */
  ws: Excel.Worksheet;
  /** The used range (values only) once known; null for a blank sheet; undefined before it came back. */
  whole?: RangeRef | null;
  /** Bytes a row of this sheet weighs, measured or remembered; undefined when nothing tells. */
  bytesPerRow?: number;
  columnsHint?: number;
  rowsHint?: number;
  /** The whole used range's cells, once `whole` is known, filled as windows and blocks come back. */
  loaded?: LoadedRange;
  /** Next row (0-based, of the sheet) still to read; rows before it are in `loaded`. */
  next: number;
  rowsSeen: number;
  bytesSeen: number;
  formulaAreas: string | null;
  /** The sheet's tables: name → address (without the sheet), undefined until it came back. */
  tables: Map<string, string | undefined>;
}

/** One sync's worth of loads for one sheet, read back after the sync. */
interface Queued {
  read: SheetRead;
  used?: Excel.Range;
  formulas?: Excel.RangeAreas;
  tables: { name: string; range: Excel.Range }[];
  /** A window (the used range inside A1:…, a null object when empty) or a block of whole rows. */
  data?: { range: Excel.Range; window?: RangeRef; block?: { first: number; last: number } };
}

function emptyLoaded(whole: RangeRef): LoadedRange {
  const rows = rowCount(whole);
  const cols = columnCount(whole);
  const grid = <V>(v: V): V[][] => Array.from({ length: rows }, () => new Array<V>(cols).fill(v));
  return {
    address: formatRange(whole),
    values: grid<unknown>(''),
    valueTypes: grid('Empty'),
    numberFormat: grid<unknown>('General'),
    formulaAreas: null,
  };
}

/** Copies a loaded range (at `at`, absolute) into the sheet's grid where they overlap. */
function paste(
  into: LoadedRange,
  whole: RangeRef,
  at: RangeRef,
  got: Pick<LoadedRange, 'values' | 'valueTypes' | 'numberFormat'>,
): void {
  for (let i = 0; i < got.values.length; i++) {
    const r = at.start.row + i - whole.start.row;
    if (r < 0 || r >= into.values.length) continue;
    for (let j = 0; j < (got.values[i]?.length ?? 0); j++) {
      const c = at.start.col + j - whole.start.col;
      if (c < 0 || c >= into.values[r].length) continue;
      into.values[r][c] = got.values[i][j];
      into.valueTypes[r][c] = got.valueTypes[i]?.[j] ?? 'Empty';
      into.numberFormat[r][c] = got.numberFormat[i]?.[j] ?? 'General';
    }
  }
}

function loadedBytes(got: Pick<LoadedRange, 'values' | 'valueTypes' | 'numberFormat'>): number {
  let bytes = 0;
  for (const grid of [got.values, got.valueTypes, got.numberFormat])
    for (const row of grid) bytes += rowJsonBytes(row);
  return bytes;
}

function isPayloadLimit(error: unknown): boolean {
  const code = errorCode(error);
  return code === 'ResponsePayloadSizeLimitExceeded' || code === 'RequestPayloadSizeLimitExceeded';
}

/** A read that asked for too much at once: too many bytes, or more cells than Excel reads in one go. */
function isSizeLimit(error: unknown): boolean {
  return isPayloadLimit(error) || errorCode(error) === 'RangeExceedsLimit';
}

function errorCode(error: unknown): unknown {
  return typeof error === 'object' && error !== null && 'code' in error
    ? (error as { code: unknown }).code
    : undefined;
}

/** JSON bytes of an empty cell in a read: "" as value, "Empty" as type, "General" as format. */
const EMPTY_CELL_BYTES = 21;

/**
 * Bytes a row of the sheet is planned at: what its rows weighed so far, or what the memory says, never less
 * than its width of empty cells (a block reads whole rows, empty cells included).
 */
function plannedRowBytes(s: SheetRead): number {
  const columns = s.whole ? columnCount(s.whole) : (s.columnsHint ?? COLD_ROW_COLUMNS);
  const floor = columns * EMPTY_CELL_BYTES;
  if (s.rowsSeen > 0) return Math.max(floor, s.bytesSeen / s.rowsSeen);
  if (s.bytesPerRow !== undefined) return Math.max(floor, s.bytesPerRow);
  return columns * COLD_CELL_BYTES;
}

/**
 * The window a sheet whose used range is not known yet is first read through: from A1, as wide as the sheet
 * was (or COLD_WINDOW_COLUMNS), as many rows as it had plus some headroom, within the bytes it may take.
 */
function windowFor(s: SheetRead, room: number): RangeRef {
  const columns = Math.min(
    MAX_COLUMNS,
    s.columnsHint !== undefined ? s.columnsHint + COLUMN_HEADROOM : COLD_WINDOW_COLUMNS,
  );
  const perRow =
    s.bytesPerRow !== undefined && s.columnsHint ? s.bytesPerRow : COLD_ROW_COLUMNS * COLD_CELL_BYTES;
  const wanted = s.rowsHint !== undefined ? s.rowsHint + ROW_HEADROOM(s.rowsHint) : Infinity;
  const fits = Math.floor(room / Math.max(1, perRow));
  const rows = Math.max(1, Math.min(wanted, fits, Math.floor(MAX_READ_CELLS / columns), MAX_ROWS));
  return { start: { row: 0, col: 0 }, end: { row: rows - 1, col: columns - 1 } };
}

/**
 * Reads the requested sheets. The first sync loads the sheet list, the workbook's tables and whether its
 * structure is protected; when the memory says a requested sheet exists, the same sync also asks for it
 * (getItem by its remembered name): its used range's address, where its formulas are, its tables' addresses,
 * and its cells through a window from A1 as big as the sheet was, capped at READ_TARGET_BYTES of response.
 * A sheet the window held whole is done in that one round trip.
 *
 * Then, only where needed, more syncs: sheets the memory did not know (their address and a first window
 * sized from COLD_CELL_BYTES), and the rows a window did not reach, in blocks of whole rows sized from the
 * bytes each sheet's rows have shown, about READ_TARGET_BYTES a sync. The size of every block is known
 * before its values are asked for, so no request is refused for size; should one be anyway (a sheet far
 * denser than it looked), its sync is asked again with half the target.
 *
 * A memory that no longer holds (a remembered sheet or table renamed or deleted) fails the first sync with
 * ItemNotFound: the read starts again without it.
 *
 * The used range counts values only (valuesOnly = true): one formatted cell at row 1,048,576 would otherwise
 * make the read carry millions of empty cells. hiddenRows is always []: the only one-load way
 * (Range.getVisibleView().cellAddresses) fails intermittently on filtered ranges (OfficeDev/office-js#4263).
 */
export async function readWorkbook(
  context: Excel.RequestContext,
  names: readonly string[],
  memory?: BookMemory,
): Promise<OfficeRead> {
  try {
    return await readOnce(context, names, memory);
  } catch (error) {
    if (memory && errorCode(error) === 'ItemNotFound') return readOnce(context, names, undefined);
    throw error;
  }
}

async function readOnce(
  context: Excel.RequestContext,
  names: readonly string[],
  memory: BookMemory | undefined,
): Promise<OfficeRead> {
  const requested: string[] = [];
  for (const name of names) if (!requested.some((r) => sameSheetName(r, name))) requested.push(name);

  // Sync 1: the lists, and the sheets the memory knows.
  const list = loadSheetList(context);
  const tables = loadTableSheets(context);
  const protection = context.workbook.protection;
  protection.load('protected');
  const guessed: SheetRead[] = [];
  for (const name of requested) {
    const remembered = rememberedName(memory, name);
    if (!remembered || !memory) continue;
    const extent = memory.extents[sheetNameKey(remembered)];
    const read = newRead(name, context.workbook.worksheets.getItem(remembered), extent);
    for (const t of memory.tables) if (sameSheetName(t.sheet, remembered)) read.tables.set(t.name, undefined);
    guessed.push(read);
  }
  const first = await syncRound(context, guessed, true);

  const sheets = sheetInfos(list.items);
  const tableList = tables.items.map((t) => ({ name: t.name, sheet: t.worksheet.name }));
  const reads: SheetRead[] = [];
  for (const name of requested) {
    const item = list.items.find((w) => sameSheetName(w.name, name));
    if (!item) continue;
    const read = guessed.find((g) => g.requested === name) ?? newRead(name, item, undefined);
    read.name = item.name;
    for (const t of tableList)
      if (sameSheetName(t.sheet, item.name) && !read.tables.has(t.name)) read.tables.set(t.name, undefined);
    for (const known of [...read.tables.keys()])
      if (!tableList.some((t) => t.name === known && sameSheetName(t.sheet, item.name)))
        read.tables.delete(known);
    reads.push(read);
  }
  let rounds = first;
  while (reads.some((r) => !done(r))) {
    await syncRound(
      context,
      reads.filter((r) => !done(r)),
      false,
    );
    rounds++;
  }

  const contents: Record<string, RawSheet> = {};
  const extents: Record<string, SheetExtent> = {};
  for (const read of reads) {
    const name = read.name;
    const tablesOfSheet = [...read.tables].map(([t, range]) => ({ name: t, range: range ?? '' }));
    if (!read.whole || !read.loaded) {
      contents[read.requested] = toRawSheet(name, null, tablesOfSheet);
      extents[sheetNameKey(name)] = { rows: 0, columns: 0, bytesPerRow: 0 };
      continue;
    }
    read.loaded.formulaAreas = read.formulaAreas;
    contents[read.requested] = toRawSheet(name, read.loaded, tablesOfSheet);
    extents[sheetNameKey(name)] = {
      rows: read.whole.end.row + 1,
      columns: read.whole.end.col + 1,
      bytesPerRow: Math.ceil(plannedRowBytes(read)),
    };
  }
  return {
    snapshot: { sheets, contents },
    tableSheets: tableSheetNames(tables),
    tables: tableList,
    structureProtected: protection.protected,
    extents,
    usedMemory: guessed.length > 0 && rounds === 1,
  };
}

function newRead(requested: string, ws: Excel.Worksheet, extent: SheetExtent | undefined): SheetRead {
  return {
    requested,
    name: requested,
    ws,
    bytesPerRow: extent?.bytesPerRow,
    columnsHint: extent?.columns,
    rowsHint: extent?.rows,
    next: 0,
    rowsSeen: 0,
    bytesSeen: 0,
    formulaAreas: null,
    tables: new Map(),
  };
}

function done(r: SheetRead): boolean {
  if (r.whole === undefined) return false;
  if ([...r.tables.values()].some((a) => a === undefined)) return false;
  return r.whole === null || r.next > r.whole.end.row;
}

/**
 * Queues what each sheet still needs within one sync's byte target, syncs, and takes in what came back.
 * Returns 1 (one round trip spent). A sync refused for size is asked again with half the target.
 */
async function syncRound(
  context: Excel.RequestContext,
  reads: SheetRead[],
  withLists: boolean,
): Promise<number> {
  let target = READ_TARGET_BYTES;
  for (;;) {
    const queued = queueRound(context, reads, target);
    try {
      await context.sync();
    } catch (error) {
      const asked = queued.flatMap((q) => (q.data ? [q.data] : []));
      const rowsAsked = (d: NonNullable<Queued['data']>): number =>
        d.block ? d.block.last - d.block.first + 1 : d.window ? rowCount(d.window) : 0;
      // One row of one sheet is as small as a read gets: past that, Excel cannot answer.
      const single = asked.length === 1 && rowsAsked(asked[0]) === 1;
      if (!isSizeLimit(error) || single || target <= 1) throw error;
      target = Math.floor(target / 2);
      // Nothing of a refused sync arrives, the lists of the first sync included: ask again.
      if (withLists) {
        loadSheetList(context);
        loadTableSheets(context);
        context.workbook.protection.load('protected');
      }
      continue;
    }
    for (const q of queued) takeIn(q);
    return 1;
  }
}

/**
 * Queues what each sheet still needs within one sync's byte target. Sheets of known size (remembered, or
 * whose used range came back) get their share first, to the byte; then each sheet nothing is known of gets a
 * first window of what room is left (at least a quarter of the target), on the documented assumption that
 * few of the sheets an action reads are large: when several are, that sync is refused and asked again at
 * half the target.
 */
function queueRound(context: Excel.RequestContext, reads: SheetRead[], target: number): Queued[] {
  const props = DATA_PROPERTIES;
  const queued = new Map<SheetRead, Queued>();
  let room = target;
  const entry = (read: SheetRead): Queued => {
    let q = queued.get(read);
    if (!q) {
      q = { read, tables: [] };
      queued.set(read, q);
    }
    return q;
  };
  const queueWindow = (read: SheetRead, q: Queued, bytes: number): number => {
    q.used = read.ws.getUsedRangeOrNullObject(true);
    q.used.load('address');
    q.formulas = loadFormulaAreas(read.ws);
    const window = windowFor(read, Math.max(bytes, 1));
    const range = read.ws.getRange(formatRange(window)).getUsedRangeOrNullObject(true);
    range.load(`address,${props}`);
    q.data = { range, window };
    return rowCount(window) * plannedRowBytes(read);
  };
  // Small sheets first, so that one big sheet cannot leave them a row each.
  const bySize = [...reads].sort((a, b) => expectedBytes(a) - expectedBytes(b));
  for (const read of bySize) {
    const q = entry(read);
    for (const [name, address] of read.tables) {
      if (address !== undefined) continue;
      const range = context.workbook.tables.getItem(name).getRange();
      range.load('address');
      q.tables.push({ name, range });
    }
    if (read.whole === undefined) {
      if (read.rowsHint !== undefined) room -= queueWindow(read, q, room);
      continue;
    }
    if (read.whole === null || read.next > read.whole.end.row || room <= 0) continue;
    const whole = read.whole;
    const perRow = plannedRowBytes(read);
    const columns = columnCount(whole);
    const fits = Math.floor(room / perRow);
    const rows = Math.max(
      1,
      Math.min(fits, whole.end.row - read.next + 1, Math.floor(MAX_READ_CELLS / columns)),
    );
    const first = read.next;
    const last = first + rows - 1;
    const range = read.ws.getRange(rangeToA1(first, whole.start.col, last, whole.end.col));
    range.load(props);
    q.data = { range, block: { first, last } };
    room -= rows * perRow;
  }
  for (const read of reads) {
    if (read.whole === undefined && read.rowsHint === undefined)
      queueWindow(read, entry(read), Math.max(room, target / 4));
  }
  return [...queued.values()];
}

/** The bytes still to read of a sheet, as far as anything tells (Infinity when nothing does). */
function expectedBytes(read: SheetRead): number {
  const perRow = plannedRowBytes(read);
  if (read.whole === null) return 0;
  if (read.whole) return Math.max(0, read.whole.end.row - read.next + 1) * perRow;
  return read.rowsHint !== undefined ? read.rowsHint * perRow : Infinity;
}

/** Takes in what one sheet's loads of a sync brought back. */
function takeIn(q: Queued): void {
  const { read } = q;
  for (const t of q.tables) read.tables.set(t.name, withoutSheet(t.range.address));
  if (q.formulas) read.formulaAreas = areasAddress(q.formulas);
  if (q.used) {
    read.whole = q.used.isNullObject ? null : parseRange(q.used.address);
    if (read.whole) {
      read.loaded = emptyLoaded(read.whole);
      read.next = read.whole.start.row;
    }
  }
  const data = q.data;
  const whole = read.whole;
  if (!data || !whole || !read.loaded) return;
  const got = {
    values: data.block || !data.range.isNullObject ? data.range.values : [],
    valueTypes: data.block || !data.range.isNullObject ? data.range.valueTypes : [],
    numberFormat: data.block || !data.range.isNullObject ? data.range.numberFormat : [],
  };
  if (data.block) {
    paste(
      read.loaded,
      whole,
      { start: { row: data.block.first, col: whole.start.col }, end: whole.end },
      got,
    );
    read.next = data.block.last + 1;
    read.rowsSeen += data.block.last - data.block.first + 1;
    read.bytesSeen += loadedBytes(got);
    return;
  }
  const window = data.window;
  if (!window) return;
  // A window holds every used cell of its rows only if the sheet is no wider than the window.
  const covers = whole.end.col <= window.end.col;
  if (!data.range.isNullObject && covers) {
    const at = parseRange(data.range.address);
    paste(read.loaded, whole, at, got);
    const rows = Math.min(whole.end.row, window.end.row) - whole.start.row + 1;
    if (rows > 0) {
      read.rowsSeen += rows;
      read.bytesSeen += loadedBytes(got);
    }
  }
  if (covers) read.next = Math.max(whole.start.row, window.end.row + 1);
}
