/** Turning what Office.js loaded into the port's RawSheet / SheetInfo, and the two-sync read batch. */
import type { ErrorCell, RawCell, RawSheet, SheetInfo, WorkbookSnapshot } from '../port';
import { rangeToA1 } from '../a1';
import { parseRange, withoutSheet } from './ranges';

/** Sheet names compare as Excel compares them: case-insensitively (and in one Unicode form). */
export function sameSheetName(a: string, b: string): boolean {
  return a.normalize('NFC').toLowerCase() === b.normalize('NFC').toLowerCase();
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

/** What a used range was loaded with. */
export interface LoadedRange {
  address: string;
  values: unknown[][];
  formulas: unknown[][];
  valueTypes: string[][];
  numberFormat: unknown[][];
}

function rawCell(value: unknown, type: string | undefined): RawCell {
  if (type === 'Error') return { error: String(value) } satisfies ErrorCell;
  if (value === '' || value === null || value === undefined || type === 'Empty') return null;
  if (typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean') return value;
  return String(value);
}

/**
 * A used range → RawSheet padded to start at A1. A cell holds a formula when its `formulas` entry starts with
 * "=" — except text cells ("@") whose text itself starts with "=" (then formulas and values agree).
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
    const formulas = new Array<string | null>(width).fill(null);
    const formats = new Array<string>(width).fill('General');
    line.forEach((v, j) => {
      const c = origin.col + j;
      const format = used.numberFormat[i]?.[j];
      formats[c] = typeof format === 'string' ? format : 'General';
      values[c] = rawCell(v, used.valueTypes[i]?.[j]);
      const f = used.formulas[i]?.[j];
      const isFormula = typeof f === 'string' && f.startsWith('=') && !(formats[c] === '@' && f === v);
      formulas[c] = isFormula ? f : null;
    });
    sheet.values.push(values);
    sheet.formulas.push(formulas);
    sheet.numberFormats.push(formats);
  });
  return sheet;
}

const RANGE_PROPERTIES = 'address,values,formulas,valueTypes,numberFormat';

/** The sheets requested that exist, and their tables, after the first sync of a read. */
interface ReadTargets {
  sheets: SheetInfo[];
  wanted: Map<string, Excel.Worksheet>;
  tables: { sheet: string; name: string; range: Excel.Range }[];
}

/** Sync 1: the sheet list and the workbook's tables (with their sheets); then queues the tables' addresses. */
async function findTargets(context: Excel.RequestContext, names: readonly string[]): Promise<ReadTargets> {
  const worksheets = loadSheetList(context);
  const tables = context.workbook.tables;
  tables.load('items/name,items/worksheet/name');
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
  return { sheets: sheetInfos(worksheets.items), wanted, tables: found };
}

function tablesOf(targets: ReadTargets, sheet: string): RawSheet['tables'] {
  return targets.tables
    .filter((t) => t.sheet === sheet)
    .map((t) => ({ name: t.name, range: withoutSheet(t.range.address) }));
}

/**
 * The read batch: sync 1 loads the sheet list and the workbook's tables (with their sheet names); sync 2
 * loads the used ranges of the requested sheets that exist and their tables' addresses.
 *
 * Formats count in the used range (valuesOnly = false), so the pre-formatted rows of a tracker are part of it.
 * hiddenRows is always []: the only one-load way (Range.getVisibleView().cellAddresses) fails intermittently
 * on filtered ranges (OfficeDev/office-js#4263) and would take the whole read down with it.
 */
export async function readWorkbook(
  context: Excel.RequestContext,
  names: readonly string[],
): Promise<WorkbookSnapshot> {
  const targets = await findTargets(context, names);
  const used = new Map<string, Excel.Range>();
  for (const [requested, ws] of targets.wanted) {
    const range = ws.getUsedRangeOrNullObject(false);
    range.load(RANGE_PROPERTIES);
    used.set(requested, range);
  }
  if (targets.wanted.size > 0) await context.sync();

  const contents: Record<string, RawSheet> = {};
  for (const [requested, ws] of targets.wanted) {
    const range = used.get(requested);
    contents[requested] = toRawSheet(
      ws.name,
      range && !range.isNullObject ? range : null,
      tablesOf(targets, ws.name),
    );
  }
  return { sheets: targets.sheets, contents };
}

/** Cells per load in the chunked read: ~2 MB for tracker-like rows (values, formulas, types, formats). */
const CHUNK_CELLS = 20_000;

export function isPayloadLimit(error: unknown): boolean {
  const code =
    typeof error === 'object' && error !== null && 'code' in error
      ? (error as { code: unknown }).code
      : undefined;
  return code === 'ResponsePayloadSizeLimitExceeded' || code === 'RequestPayloadSizeLimitExceeded';
}

/**
 * The read for sheets too big for one response (Excel on the web refuses responses over 5 MB): the used
 * ranges' addresses first, then row blocks of about CHUNK_CELLS cells, one block per sync, halving a block
 * that still comes back too big. Used only after the two-sync read has hit the limit.
 */
export async function readWorkbookInChunks(
  context: Excel.RequestContext,
  names: readonly string[],
): Promise<WorkbookSnapshot> {
  const targets = await findTargets(context, names);
  const used = new Map<string, Excel.Range>();
  for (const [requested, ws] of targets.wanted) {
    const range = ws.getUsedRangeOrNullObject(false);
    range.load('address');
    used.set(requested, range);
  }
  if (targets.wanted.size > 0) await context.sync();

  const contents: Record<string, RawSheet> = {};
  for (const [requested, ws] of targets.wanted) {
    const range = used.get(requested);
    if (!range || range.isNullObject) {
      contents[requested] = toRawSheet(ws.name, null, tablesOf(targets, ws.name));
      continue;
    }
    const whole = parseRange(withoutSheet(range.address));
    const columns = whole.end.col - whole.start.col + 1;
    const merged: LoadedRange = {
      address: range.address,
      values: [],
      formulas: [],
      valueTypes: [],
      numberFormat: [],
    };
    let rowsPerLoad = Math.max(1, Math.floor(CHUNK_CELLS / columns));
    let row = whole.start.row;
    while (row <= whole.end.row) {
      const last = Math.min(whole.end.row, row + rowsPerLoad - 1);
      const block = ws.getRange(rangeToA1(row, whole.start.col, last, whole.end.col));
      block.load('values,formulas,valueTypes,numberFormat');
      try {
        await context.sync();
      } catch (error) {
        if (!isPayloadLimit(error) || rowsPerLoad === 1) throw error;
        rowsPerLoad = Math.max(1, Math.floor(rowsPerLoad / 2));
        continue;
      }
      merged.values.push(...block.values);
      merged.formulas.push(...block.formulas);
      merged.valueTypes.push(...block.valueTypes);
      merged.numberFormat.push(...block.numberFormat);
      row = last + 1;
    }
    contents[requested] = toRawSheet(ws.name, merged, tablesOf(targets, ws.name));
  }
  return { sheets: targets.sheets, contents };
}
