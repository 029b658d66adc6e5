/**
 * The WorkbookPort over a live workbook, through Office.js. This folder is the only place Office.js is used,
 * and only through the `run` function (Excel.run by default) so tests can pass a fake. The contract it holds
 * with Excel, API by API, is docs/office-js.md.
 *
 * Round trips: read = 1 sync when the adapter remembers the workbook from its last read or write
 * (memory.ts: which sheets exist and how big they were), 2 the first time (the sheet list, then the sheets);
 * sheets too big for one response are read on in row blocks of about 3 MB a sync, sized before their values
 * are asked for. apply = 1 sync, taking the sheet list, the tables and the workbook's protection from the
 * read just before it (an apply without a read first costs one more sync), and bringing the new sheet list
 * back for the memory in the same sync. Only a plan whose payload passes the request limit (~4 MB here;
 * Excel on the web refuses 5 MB) is split into more syncs, by bytes, not by rows.
 *
 * Every batch runs with delayForCellEdit: while the user is typing in a cell, Excel waits for the edit to end
 * instead of failing; an Excel that fails anyway (InvalidOperationInCellEditMode) gets its own message.
 *
 * A sheet the plan writes that exists already is emptied and written in place (placeSheets), so formulas a
 * user wrote elsewhere against it (='Tổng hợp'!C20) keep working.
 */
import { sheetNameKey } from '../../domain/text';
import { PLAN_ERROR } from '../../i18n/plan';
import { OFFICE_ERROR } from '../../i18n/vi';
import type { CellUpdate, SheetInfo, WorkbookPort, WorkbookSnapshot, WritePlan } from '../port';
import { WorkbookError } from '../port';
import { sameSheetName } from '../../domain/text';
import { checkWritePlan } from '../planRules';
import { defaultRun, type ExcelRun, type RunOptions } from './excelRun';
import { inProcessMemory, remember, type MemoryStore, type SheetExtent } from './memory';
import { loadSheetList, loadTableSheets, sheetInfos, tableSheetNames } from './sheetList';
import { readWorkbook } from './readSheets';
import { DEFAULT_MAX_SYNC_BYTES, OPERATION_BYTES, stringJsonBytes, SyncBudget } from './syncBudget';
import { needsTextFormat } from './textFormat';
import { queueSheetSpec, resetSheet, specExtent, type WriteEnv } from './queueSheetSpec';

/**
 * Wait for the user to finish typing in a cell rather than fail (Excel.RunOptions.delayForCellEdit,
 * "Delay execution while cell is being edited"). No requirement set gates the option; an Excel that does
 * not honour it fails with InvalidOperationInCellEditMode, which has its own message.
 */
const RUN_OPTIONS: RunOptions = { delayForCellEdit: true };

export interface OfficeWorkbookOptions {
  /** Most bytes of queued payload per context.sync(). */
  maxSyncBytes?: number;
  /** Where the adapter keeps what it learned of the workbook (this runtime only, by default). */
  memory?: MemoryStore;
  /** Where the Excel error codes go (console.warn by default): never to the user. */
  logError?: (code: string, detail: string) => void;
}

export interface OfficeWorkbook extends WorkbookPort {
  /**
   * Vietnamese notes from the last apply about parts of the plan this Excel could not honour (an older
   * requirement set, a validation message cut to Excel's limit). Empty when everything was written.
   */
  readonly lastWarnings: readonly string[];
}

/**
 * Checks everything that can be checked before queueing anything, so a refused plan writes nothing: the plan
 * rules both adapters share (planRules.ts), then what only a live workbook shows.
 */
function checkPlan(plan: WritePlan, book: KnownBook): void {
  checkWritePlan(plan, {
    sheets: book.sheets,
    structureProtected: book.structureProtected,
    // A sheet holding a table gets a new sheet in place of the old one.
    rewritesInPlace: (old) => !book.tableSheets.some((t) => sameSheetName(t, old.name)),
  });
  for (const spec of plan.write) {
    // No action writes an error value into a live workbook (the new year's workbook is built as a file): one
    // that asked would have it written as something else, so the plan is refused instead.
    const errorCell = spec.errorCells?.[0];
    if (errorCell)
      throw new WorkbookError(
        'unsupported',
        spec.name,
        OFFICE_ERROR.errorValueUnsupported(spec.name, errorCell.cell, errorCell.error),
      );
    const name = spec.table?.name;
    if (!name) continue;
    // A table on a sheet the plan rewrites goes with it; one elsewhere would make the new table's name clash.
    const clash = book.tables.find(
      (t) =>
        t.name.toLowerCase() === name.toLowerCase() &&
        !plan.write.some((w) => sameSheetName(w.name, t.sheet)),
    );
    if (clash)
      throw new WorkbookError('unsupported', clash.sheet, PLAN_ERROR.tableNameTaken(clash.name, clash.sheet));
  }
}

/** A name for the new sheet while the old one of the same name still exists. */
function temporaryName(sheets: readonly SheetInfo[], i: number): string {
  let n = i;
  while (sheets.some((s) => sameSheetName(s.name, `~cchc${n}`))) n++;
  return `~cchc${n}`;
}

/** What the adapter knows of the workbook when it applies a plan: from the read just before, or loaded. */
interface KnownBook {
  sheets: SheetInfo[];
  /** Sheets that hold a table (any table of the workbook, not only the requested sheets'). */
  tableSheets: string[];
  /** Every table of the workbook, with its sheet. */
  tables: { name: string; sheet: string }[];
  /** Review › Protect Workbook is on: no sheet may be added, deleted, renamed, moved or hidden. */
  structureProtected: boolean;
}

/**
 * The tab colour a sheet this write adds carries until it is written whole. Should the batch fail half-way
 * (a sheet of one of its names appeared meanwhile: Excel stops at the first failing operation, and what went
 * before stays done), the sheets still marked are the empty or half-written ones this write added, and
 * removeUnfinished deletes them, so that running the action again finds the workbook as it was.
 */
export const UNFINISHED_MARK = '#FE00FE';

/** Where a spec of the plan is written. */
interface Placed {
  ws: Excel.Worksheet;
  /** A sheet this write adds, marked with UNFINISHED_MARK until it is written. */
  added?: boolean;
  /** Set when `ws` is an existing sheet to empty (resetSheet) before writing: was it hidden? */
  inPlace?: { wasHidden: boolean };
}

/**
 * Finds or adds the worksheet each spec of the plan is written to. A new sheet is added at the end. An
 * existing one is written in place: the same worksheet, emptied by resetSheet before queueSheetSpec, so it keeps
 * its tab position and every formula elsewhere that refers to it (Excel turns those into #REF! when a sheet
 * is deleted, even if one of the same name takes its place); a case variant of the name is set to the spec's.
 *
 * Two cases keep delete-and-add — add under a temporary name, delete the old sheet (made visible first:
 * Excel will not delete every kind of hidden sheet), give the new one the old name and tab position: a sheet
 * holding a table (emptying its cells would leave the table object behind; which sheets hold one comes from
 * the read, at no extra sync). There, formulas on other sheets that refer to the replaced one turn into #REF!.
 */
function placeSheets(context: Excel.RequestContext, plan: WritePlan, book: KnownBook): Map<string, Placed> {
  const { sheets } = book;
  const worksheets = context.workbook.worksheets;
  const placed = new Map<string, Placed>();
  plan.write.forEach((spec, i) => {
    const position = sheets.findIndex((s) => sameSheetName(s.name, spec.name));
    if (position < 0) {
      const ws = worksheets.add(spec.name);
      ws.tabColor = UNFINISHED_MARK;
      placed.set(spec.name, { ws, added: true });
      return;
    }
    const old = sheets[position];
    const hasTable = book.tableSheets.some((n) => sameSheetName(n, old.name));
    if (!hasTable) {
      const ws = worksheets.getItem(old.name);
      if (old.name !== spec.name) ws.name = spec.name;
      placed.set(spec.name, { ws, inPlace: { wasHidden: old.visibility !== 'visible' } });
      return;
    }
    const fresh = worksheets.add(temporaryName(sheets, i));
    const previous = worksheets.getItem(old.name);
    if (old.visibility !== 'visible') previous.visibility = 'Visible';
    previous.delete();
    fresh.name = spec.name;
    fresh.position = position;
    placed.set(spec.name, { ws: fresh });
  });
  return placed;
}

function queueUpdate(ws: Excel.Worksheet, u: CellUpdate): void {
  const cell = ws.getRange(u.cell);
  if (typeof u.value === 'string' && needsTextFormat(u.value)) cell.numberFormat = [['@']];
  else if (u.numberFormat !== undefined) cell.numberFormat = [[u.numberFormat]];
  cell.values = [[u.value ?? '']];
}

/** The `code` of an Office error (OfficeExtension.Error), when it looks like one: an identifier. */
function officeErrorCode(error: unknown): string | undefined {
  if (typeof error !== 'object' || error === null || !('code' in error)) return undefined;
  const code = (error as { code: unknown }).code;
  return typeof code === 'string' && /^[A-Za-z][A-Za-z0-9.]{0,79}$/.test(code) ? code : undefined;
}

/** Where Excel says it failed (debugInfo.errorLocation, e.g. "Worksheet.delete"), for the console. */
function errorLocation(error: unknown): string {
  const info = (error as { debugInfo?: { errorLocation?: unknown } } | null)?.debugInfo;
  return typeof info?.errorLocation === 'string' ? info.errorLocation : '';
}

/**
 * Some Excel builds answer cell-edit mode with the plain InvalidOperation code and the cell-edit sentence
 * ("Excel is in cell-editing mode…", office-js#856, #3019): that is the cell-edit case too. Any other
 * InvalidOperation keeps the generic message.
 */
function cellEditAsInvalidOperation(error: unknown): boolean {
  if (officeErrorCode(error) !== 'InvalidOperation') return false;
  const message = error instanceof Error ? error.message : '';
  return /cell[- ]edit/i.test(message);
}

const defaultLogError = (code: string, detail: string): void => {
  console.warn(`Excel error ${code}${detail ? ` at ${detail}` : ''}`);
};

/**
 * Any failure at the Office edge → WorkbookError with a Vietnamese message of its own for each documented
 * case, and what helps there (Excel's error codes: "Error handling with the application-specific JavaScript
 * APIs"). Office's own message is not used: it is English (or the Office UI's language) and may carry a
 * stack. The Excel code goes to `log` (the console), never into the user's message; the original error is
 * kept as `cause` for the developer tools.
 *
 * `phase` says whether the error came from a read or a write: ItemNotFound and ItemAlreadyExists in a write
 * mean the sheets changed since the read (sheetListChanged, worth running the action again from its read).
 */
export function toWorkbookError(
  error: unknown,
  sheet: string | undefined,
  phase: 'read' | 'write' = 'write',
  log: (code: string, detail: string) => void = defaultLogError,
): WorkbookError {
  if (error instanceof WorkbookError) return error;
  const code = cellEditAsInvalidOperation(error) ? 'InvalidOperationInCellEditMode' : officeErrorCode(error);
  log(
    code ?? 'unknown',
    code ? errorLocation(error) : error instanceof Error ? error.message : String(error),
  );
  let result: WorkbookError;
  switch (code) {
    case 'InvalidOperationInCellEditMode':
      result = new WorkbookError('cellEditMode', sheet, OFFICE_ERROR.cellEditMode());
      break;
    case 'InactiveWorkbook':
      result = new WorkbookError('inactiveWorkbook', sheet, OFFICE_ERROR.inactiveWorkbook());
      break;
    case 'ItemAlreadyExists':
      result = new WorkbookError('sheetListChanged', sheet, OFFICE_ERROR.sheetListChanged());
      break;
    case 'ItemNotFound':
      result =
        phase === 'write'
          ? new WorkbookError('sheetListChanged', sheet, OFFICE_ERROR.sheetListChanged())
          : new WorkbookError(
              'host',
              sheet,
              sheet ? OFFICE_ERROR.sheetNotFound(sheet) : OFFICE_ERROR.somethingNotFound(),
            );
      break;
    case 'AccessDenied':
      result = sheet
        ? new WorkbookError('sheetProtected', sheet, OFFICE_ERROR.sheetProtected(sheet))
        : new WorkbookError('host', undefined, OFFICE_ERROR.somethingProtected());
      break;
    case 'RequestPayloadSizeLimitExceeded':
    case 'ResponsePayloadSizeLimitExceeded':
    case 'RangeExceedsLimit':
      result = new WorkbookError('host', sheet, OFFICE_ERROR.tooLargeForWeb());
      break;
    default:
      result = new WorkbookError('host', sheet, OFFICE_ERROR.unknown());
  }
  Object.defineProperty(result, 'cause', { value: error, enumerable: false, configurable: true });
  return result;
}

/** The one sheet a plan touches, to name it in an error; undefined when it touches several. */
function onlySheet(plan: WritePlan): string | undefined {
  const names = new Set([...plan.write.map((s) => s.name), ...(plan.updates ?? []).map((u) => u.sheet)]);
  return names.size === 1 ? [...names][0] : undefined;
}

/**
 * WritePlan.tabOrder: the named sheets that exist once the plan is written move to the front, in that order
 * (setting positions 0, 1, 2… one after the other leaves the rest in their order behind them). Names that
 * exist nowhere are skipped; a name given twice counts once.
 */
async function queueTabOrder(
  plan: WritePlan,
  sheets: readonly SheetInfo[],
  sheetFor: (name: string) => Excel.Worksheet,
  budget: SyncBudget,
): Promise<void> {
  const order: string[] = [];
  for (const name of plan.tabOrder ?? []) {
    const exists =
      plan.write.some((s) => sameSheetName(s.name, name)) || sheets.some((s) => sameSheetName(s.name, name));
    if (exists && !order.some((n) => sameSheetName(n, name))) order.push(name);
  }
  for (const [position, name] of order.entries()) {
    await budget.reserve(OPERATION_BYTES * 2);
    sheetFor(name).position = position;
  }
}

/** Loads what apply needs of the workbook when no read came just before (one sync). */
async function loadBook(context: Excel.RequestContext): Promise<KnownBook> {
  const list = loadSheetList(context);
  const tables = loadTableSheets(context);
  const protection = context.workbook.protection;
  protection.load('protected');
  await context.sync();
  return {
    sheets: sheetInfos(list.items),
    tableSheets: tableSheetNames(tables),
    tables: tables.items.map((t) => ({ name: t.name, sheet: t.worksheet.name })),
    structureProtected: protection.protected,
  };
}

/** What a write leaves the memory: the sheets and tables as they are now, the extents of what it wrote. */
interface Written {
  sheets: string[];
  tables: { name: string; sheet: string }[];
  extents: Record<string, SheetExtent>;
}

async function applyPlan(
  context: Excel.RequestContext,
  plan: WritePlan,
  known: KnownBook | undefined,
  maxSyncBytes: number,
  warnings: string[],
): Promise<Written> {
  const book = known ?? (await loadBook(context));
  const { sheets } = book;
  checkPlan(plan, book);

  const suspend = (): void => {
    context.application.suspendScreenUpdatingUntilNextSync();
  };
  const budget = new SyncBudget(() => context.sync(), maxSyncBytes, suspend);
  const env: WriteEnv = { budget, warnings };
  suspend();

  await budget.reserve(OPERATION_BYTES * 6 * plan.write.length);
  const placed = placeSheets(context, plan, book);
  for (const spec of plan.write) {
    const target = placed.get(spec.name);
    if (!target) continue;
    if (target.inPlace) await resetSheet(target.ws, spec, target.inPlace.wasHidden, budget);
    await queueSheetSpec(target.ws, spec, env, { clearMark: target.added });
  }

  const sheetFor = (name: string): Excel.Worksheet => {
    const written = plan.write.find((s) => sameSheetName(s.name, name));
    return (written && placed.get(written.name)?.ws) || context.workbook.worksheets.getItem(name);
  };
  for (const u of plan.updates ?? []) {
    await budget.reserve(OPERATION_BYTES * 4 + stringJsonBytes(JSON.stringify(u)));
    queueUpdate(sheetFor(u.sheet), u);
  }
  await queueTabOrder(plan, sheets, sheetFor, budget);
  if (plan.activate) {
    await budget.reserve(OPERATION_BYTES * 3);
    const ws = sheetFor(plan.activate);
    ws.activate();
    if (plan.select) ws.getRange(plan.select).select();
  }
  // The sheet and table lists as the write leaves them come back with the last sync, for the next read.
  const list = loadSheetList(context);
  const tables = loadTableSheets(context);
  await budget.finish();
  const extents: Record<string, SheetExtent> = {};
  for (const spec of plan.write) extents[sheetKey(spec.name)] = specExtent(spec);
  return {
    sheets: sheetInfos(list.items).map((i) => i.name),
    tables: tables.items.map((t) => ({ name: t.name, sheet: t.worksheet.name })),
    extents,
  };
}

/**
 * After a failed write: deletes the sheets it added and did not finish (still carrying UNFINISHED_MARK, absent
 * from the sheet list it started from). Best effort in its own batch: if Excel refuses this too, the error
 * the user sees is the first one.
 */
async function removeUnfinished(run: ExcelRun, before: readonly SheetInfo[]): Promise<void> {
  await run(async (context) => {
    const list = context.workbook.worksheets;
    list.load('items/name,items/tabColor,items/visibility');
    await context.sync();
    const unfinished = list.items.filter(
      (ws) =>
        ws.tabColor.toUpperCase() === UNFINISHED_MARK && !before.some((s) => sameSheetName(s.name, ws.name)),
    );
    if (unfinished.length === 0) return;
    for (const ws of unfinished) {
      if (ws.visibility !== 'Visible') ws.visibility = 'Visible';
      ws.delete();
    }
    await context.sync();
  }, RUN_OPTIONS);
}

/** What the adapter's read and apply run with, from createOfficeWorkbook's arguments. */
interface Adapter {
  run: ExcelRun;
  maxSyncBytes: number;
  memory: MemoryStore;
  log: (code: string, detail: string) => void;
}

/**
 * WorkbookPort.read: the snapshot, and what the apply that may follow needs of the workbook. The memory
 * learns the sheets read; a failed read leaves it empty (the workbook may not be what it remembers).
 */
async function readBook(
  adapter: Adapter,
  sheetNames: string[],
): Promise<{ snapshot: WorkbookSnapshot; book: KnownBook }> {
  const { memory } = adapter;
  const remembered = memory.load();
  try {
    const read = await adapter.run((context) => readWorkbook(context, sheetNames, remembered), RUN_OPTIONS);
    const { snapshot } = read;
    const book: KnownBook = {
      sheets: snapshot.sheets,
      tableSheets: read.tableSheets,
      tables: read.tables,
      structureProtected: read.structureProtected,
    };
    memory.save(
      remember(remembered, { sheets: snapshot.sheets.map((s) => s.name), tables: read.tables }, read.extents),
    );
    return { snapshot, book };
  } catch (error) {
    memory.save(undefined);
    throw toWorkbookError(error, sheetNames.length === 1 ? sheetNames[0] : undefined, 'read', adapter.log);
  }
}

/**
 * WorkbookPort.apply: the plan written in one batch, `book` being what the read just before it found (if
 * any). The memory is emptied until the write is known to have gone through. A write that fails after adding
 * sheets has them removed (removeUnfinished); the notes of what this Excel could not honour go to `warnings`.
 */
async function applyBook(
  adapter: Adapter,
  plan: WritePlan,
  book: KnownBook | undefined,
  warnings: string[],
): Promise<void> {
  const { run, memory, log } = adapter;
  const before = memory.load();
  memory.save(undefined); // until the write is known to have gone through
  try {
    const written = await run(
      (context) => applyPlan(context, plan, book, adapter.maxSyncBytes, warnings),
      RUN_OPTIONS,
    );
    memory.save(remember(before, written, written.extents));
  } catch (error) {
    const sheet = error instanceof WorkbookError ? error.sheet : onlySheet(plan);
    const failure = toWorkbookError(error, sheet, 'write', log);
    const adds =
      book && plan.write.some((spec) => !book.sheets.some((s) => sameSheetName(s.name, spec.name)));
    if (book && adds && !(error instanceof WorkbookError)) {
      await removeUnfinished(run, book.sheets).catch((cleanup: unknown) =>
        log(officeErrorCode(cleanup) ?? 'unknown', 'removing unfinished sheets'),
      );
    }
    throw failure;
  }
}

export function createOfficeWorkbook(
  run: ExcelRun = defaultRun,
  options: OfficeWorkbookOptions = {},
): OfficeWorkbook {
  const adapter: Adapter = {
    run,
    maxSyncBytes: options.maxSyncBytes ?? DEFAULT_MAX_SYNC_BYTES,
    memory: options.memory ?? inProcessMemory(),
    log: options.logError ?? defaultLogError,
  };
  /** The sheet list, tables and protection of the last read, used (once) by the apply that follows it. */
  let known: KnownBook | undefined;
  let warnings: string[] = [];

  return {
    get lastWarnings(): readonly string[] {
      return warnings;
    },

    async read(sheetNames: string[]): Promise<WorkbookSnapshot> {
      known = undefined;
      const { snapshot, book } = await readBook(adapter, sheetNames);
      known = book;
      return snapshot;
    },

    async apply(plan: WritePlan): Promise<void> {
      const book = known;
      known = undefined;
      warnings = [];
      const collected: string[] = [];
      try {
        await applyBook(adapter, plan, book, collected);
      } finally {
        warnings = [...new Set(collected)];
      }
    },
  };
}

function sheetKey(name: string): string {
  return sheetNameKey(name);
}
