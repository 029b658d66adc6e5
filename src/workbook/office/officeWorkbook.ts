/**
 * The WorkbookPort over a live workbook, through Office.js. This folder is the only place Office.js is used,
 * and only through the `run` function (Excel.run by default) so tests can pass a fake.
 *
 * Round trips: read = 2 syncs (sheet list and tables, then the used ranges; sheets too big for one 5 MB
 * response are read again in row blocks of about 3 MB a sync); apply = 1 sync, taking the
 * sheet list (and which sheets hold tables) from the read that came just before it (an apply without a read
 * first costs one more sync to load them). Only a plan whose payload passes the request limit (~4 MB here;
 * Excel on the web refuses 5 MB) is split into more syncs, by bytes, not by rows.
 *
 * A sheet the plan writes that exists already is emptied and written in place (placeSheets), so formulas a
 * user wrote elsewhere against it (='Tổng hợp'!C20) keep working.
 */
import { OFFICE_ERROR } from '../../i18n/vi';
import type { SheetSpec } from '../../sheets/spec';
import { toA1 } from '../a1';
import type { CellUpdate, SheetInfo, WorkbookPort, WorkbookSnapshot, WritePlan } from '../port';
import { WorkbookError } from '../port';
import {
  loadSheetList,
  loadTableSheets,
  readWorkbook,
  sameSheetName,
  sheetInfos,
  tableSheetNames,
} from './readSheets';
import { detectFeatures, officeIsSetSupported, type Features, type IsSetSupported } from './requirements';
import { DEFAULT_MAX_SYNC_BYTES, OPERATION_BYTES, stringJsonBytes, SyncBudget } from './syncBudget';
import { needsTextFormat } from './textFormat';
import { resetSheet, writeSheet, type WriteEnv } from './writeSheet';

export type ExcelRun = <T>(batch: (context: Excel.RequestContext) => Promise<T>) => Promise<T>;

const defaultRun: ExcelRun = (batch) => Excel.run(batch);

export interface OfficeWorkbookOptions {
  /** Requirement-set check; defaults to Office.context.requirements.isSetSupported. */
  isSetSupported?: IsSetSupported;
  /** Most bytes of queued payload per context.sync(). */
  maxSyncBytes?: number;
}

export interface OfficeWorkbook extends WorkbookPort {
  /**
   * Vietnamese notes from the last apply about parts of the plan this Excel could not honour (an older
   * requirement set, a validation message cut to Excel's limit). Empty when everything was written.
   */
  readonly lastWarnings: readonly string[];
}

const SHEET_NAME_FORBIDDEN = /[[\]:*?/\\]/;

function checkSheetName(name: string): void {
  if (
    !name ||
    name.length > 31 ||
    SHEET_NAME_FORBIDDEN.test(name) ||
    name.startsWith("'") ||
    name.endsWith("'")
  ) {
    throw new WorkbookError('io', name, OFFICE_ERROR.badSheetName(name));
  }
}

/** Excel's limits: characters of text in a cell, characters of a formula. */
const MAX_CELL_TEXT = 32_767;
const MAX_FORMULA = 8_192;

/** A cell Excel cannot hold would fail the batch half-way: refuse the plan before writing anything. */
function checkCellLimits(spec: SheetSpec): void {
  spec.cells.forEach((row, r) =>
    row.forEach((v, c) => {
      if (typeof v === 'string' && v.length > MAX_CELL_TEXT) {
        throw new WorkbookError(
          'unsupported',
          spec.name,
          OFFICE_ERROR.cellTooLong(spec.name, toA1(r, c), v.length, MAX_CELL_TEXT),
        );
      }
    }),
  );
  for (const f of spec.formulas ?? []) {
    if (f.formula.length > MAX_FORMULA) {
      const message = OFFICE_ERROR.formulaTooLong(spec.name, f.cell, f.formula.length, MAX_FORMULA);
      throw new WorkbookError('unsupported', spec.name, message);
    }
  }
  for (const { column, formula } of spec.table?.calculatedColumns ?? []) {
    if (formula.length > MAX_FORMULA) {
      const header = spec.table?.columns[column] ?? String(column + 1);
      const message = OFFICE_ERROR.columnFormulaTooLong(spec.name, header, formula.length, MAX_FORMULA);
      throw new WorkbookError('unsupported', spec.name, message);
    }
  }
}

/** Checks everything that can be checked before queueing anything, so a refused plan writes nothing. */
function checkPlan(plan: WritePlan, sheets: readonly SheetInfo[]): void {
  const find = (name: string): SheetInfo | undefined => sheets.find((s) => sameSheetName(s.name, name));
  const written = (name: string): boolean => plan.write.some((s) => sameSheetName(s.name, name));
  plan.write.forEach((spec, i) => {
    checkSheetName(spec.name);
    if (plan.write.findIndex((s) => sameSheetName(s.name, spec.name)) !== i) {
      throw new WorkbookError('io', spec.name, OFFICE_ERROR.sheetWrittenTwice(spec.name));
    }
    if (find(spec.name)?.protected) {
      throw new WorkbookError('sheetProtected', spec.name, OFFICE_ERROR.sheetProtected(spec.name));
    }
    checkCellLimits(spec);
  });
  for (const u of plan.updates ?? []) {
    if (typeof u.value === 'string' && u.value.length > MAX_CELL_TEXT) {
      throw new WorkbookError(
        'unsupported',
        u.sheet,
        OFFICE_ERROR.cellTooLong(u.sheet, u.cell, u.value.length, MAX_CELL_TEXT),
      );
    }
    if (written(u.sheet)) continue;
    const info = find(u.sheet);
    if (!info) throw new WorkbookError('sheetNotFound', u.sheet, OFFICE_ERROR.sheetNotFound(u.sheet));
    if (info.protected)
      throw new WorkbookError('sheetProtected', u.sheet, OFFICE_ERROR.sheetProtected(u.sheet));
  }
  if (plan.activate && !written(plan.activate) && !find(plan.activate)) {
    throw new WorkbookError('sheetNotFound', plan.activate, OFFICE_ERROR.sheetNotFound(plan.activate));
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
}

/** Where a spec of the plan is written. */
interface Placed {
  ws: Excel.Worksheet;
  /** Set when `ws` is an existing sheet to empty (resetSheet) before writing: was it hidden? */
  inPlace?: { wasHidden: boolean };
}

/**
 * Finds or adds the worksheet each spec of the plan is written to. A new sheet is added at the end. An
 * existing one is written in place: the same worksheet, emptied by resetSheet before writeSheet, so it keeps
 * its tab position and every formula elsewhere that refers to it (Excel turns those into #REF! when a sheet
 * is deleted, even if one of the same name takes its place); a case variant of the name is set to the spec's.
 *
 * Two cases keep delete-and-add — add under a temporary name, delete the old sheet (made visible first:
 * Excel will not delete every kind of hidden sheet), give the new one the old name and tab position: a sheet
 * holding a table (emptying its cells would leave the table object behind; which sheets hold one comes from
 * the read, at no extra sync), and a host without the `replaceInPlace` feature (ExcelApi 1.9). There,
 * formulas on other sheets that refer to the replaced one turn into #REF!.
 */
function placeSheets(
  context: Excel.RequestContext,
  plan: WritePlan,
  book: KnownBook,
  features: Features,
): Map<string, Placed> {
  const { sheets } = book;
  const worksheets = context.workbook.worksheets;
  const placed = new Map<string, Placed>();
  plan.write.forEach((spec, i) => {
    const position = sheets.findIndex((s) => sameSheetName(s.name, spec.name));
    if (position < 0) {
      placed.set(spec.name, { ws: worksheets.add(spec.name) });
      return;
    }
    const old = sheets[position];
    const hasTable = book.tableSheets.some((n) => sameSheetName(n, old.name));
    if (features.replaceInPlace && !hasTable) {
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

/**
 * Any failure at the Office edge → WorkbookError with a Vietnamese message. Office's own message is not
 * used: it is English (or the Office UI's language), may carry a stack, and could reach the user through
 * the CLI or an 'unsupported' outcome. The Office error code is appended so support can tell errors apart,
 * and the original error is kept as `cause` for the developer tools.
 */
export function toWorkbookError(error: unknown, sheet: string | undefined): WorkbookError {
  if (error instanceof WorkbookError) return error;
  const code = officeErrorCode(error);
  const withCode = (message: string): string =>
    code ? `${message} ${OFFICE_ERROR.excelCode(code)}` : message;
  let result: WorkbookError;
  switch (code) {
    case 'ItemNotFound':
      result = new WorkbookError(
        'sheetNotFound',
        sheet,
        withCode(sheet ? OFFICE_ERROR.sheetNotFound(sheet) : OFFICE_ERROR.somethingNotFound()),
      );
      break;
    case 'AccessDenied':
      result = new WorkbookError(
        'sheetProtected',
        sheet,
        withCode(sheet ? OFFICE_ERROR.sheetProtected(sheet) : OFFICE_ERROR.somethingProtected()),
      );
      break;
    case 'RequestPayloadSizeLimitExceeded':
    case 'ResponsePayloadSizeLimitExceeded':
      result = new WorkbookError('payloadTooLarge', sheet, withCode(OFFICE_ERROR.payloadTooLarge()));
      break;
    default:
      result = new WorkbookError('io', sheet, withCode(OFFICE_ERROR.failed()));
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

async function applyPlan(
  context: Excel.RequestContext,
  plan: WritePlan,
  known: KnownBook | undefined,
  features: Features,
  maxSyncBytes: number,
  warnings: string[],
): Promise<void> {
  let book = known;
  if (!book) {
    const list = loadSheetList(context);
    const tables = loadTableSheets(context);
    await context.sync();
    book = { sheets: sheetInfos(list.items), tableSheets: tableSheetNames(tables) };
  }
  const { sheets } = book;
  checkPlan(plan, sheets);

  const suspend = (): void => {
    if (features.suspendScreenUpdating) context.application.suspendScreenUpdatingUntilNextSync();
  };
  const budget = new SyncBudget(() => context.sync(), maxSyncBytes, suspend);
  const env: WriteEnv = { budget, features, warnings };
  suspend();

  await budget.reserve(OPERATION_BYTES * 6 * plan.write.length);
  const placed = placeSheets(context, plan, book, features);
  for (const spec of plan.write) {
    const target = placed.get(spec.name);
    if (!target) continue;
    if (target.inPlace) await resetSheet(target.ws, spec, target.inPlace.wasHidden, budget);
    await writeSheet(target.ws, spec, env);
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
  await budget.finish();
}

export function createOfficeWorkbook(
  run: ExcelRun = defaultRun,
  options: OfficeWorkbookOptions = {},
): OfficeWorkbook {
  const isSetSupported = options.isSetSupported ?? officeIsSetSupported;
  const maxSyncBytes = options.maxSyncBytes ?? DEFAULT_MAX_SYNC_BYTES;
  /** The sheet list and table sheets of the last read, used (once) by the apply that follows it. */
  let known: KnownBook | undefined;
  let warnings: string[] = [];

  return {
    get lastWarnings(): readonly string[] {
      return warnings;
    },

    async read(sheetNames: string[]): Promise<WorkbookSnapshot> {
      known = undefined;
      try {
        const { formulaCells } = detectFeatures(isSetSupported);
        const { snapshot, tableSheets } = await run((context) =>
          readWorkbook(context, sheetNames, { formulaCells }),
        );
        known = { sheets: snapshot.sheets, tableSheets };
        return snapshot;
      } catch (error) {
        throw toWorkbookError(error, sheetNames.length === 1 ? sheetNames[0] : undefined);
      }
    },

    async apply(plan: WritePlan): Promise<void> {
      const sheets = known;
      known = undefined;
      warnings = [];
      const collected: string[] = [];
      try {
        const features = detectFeatures(isSetSupported);
        await run((context) => applyPlan(context, plan, sheets, features, maxSyncBytes, collected));
      } catch (error) {
        throw toWorkbookError(error, error instanceof WorkbookError ? error.sheet : onlySheet(plan));
      } finally {
        warnings = [...new Set(collected)];
      }
    },
  };
}
