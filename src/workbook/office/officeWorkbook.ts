/**
 * The WorkbookPort over a live workbook, through Office.js. This folder is the only place Office.js is used,
 * and only through the `run` function (Excel.run by default) so tests can pass a fake.
 *
 * Round trips: read = 2 syncs (sheet list and tables, then the used ranges; a sheet too big for one 5 MB
 * response is read again in row blocks, a sync each); apply = 1 sync, taking the
 * sheet list from the read that came just before it (an apply without a read first costs one more sync to
 * load it). Only a plan whose payload passes the request limit (~4 MB here; Excel on the web refuses 5 MB)
 * is split into more syncs, by bytes, not by rows.
 */
import type { SheetSpec } from '../../sheets/spec';
import { toA1 } from '../a1';
import type { CellUpdate, SheetInfo, WorkbookPort, WorkbookSnapshot, WritePlan } from '../port';
import { WorkbookError } from '../port';
import {
  isPayloadLimit,
  loadSheetList,
  readWorkbook,
  readWorkbookInChunks,
  sameSheetName,
  sheetInfos,
} from './readSheets';
import { detectFeatures, officeIsSetSupported, type Features, type IsSetSupported } from './requirements';
import { DEFAULT_MAX_SYNC_BYTES, OPERATION_BYTES, stringJsonBytes, SyncBudget } from './syncBudget';
import { needsTextFormat } from './textFormat';
import { writeSheet, type WriteEnv } from './writeSheet';

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
    throw new WorkbookError('io', name, `"${name}" is not a valid sheet name.`);
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
          `Cell ${toA1(r, c)} holds ${v.length} characters; Excel allows ${MAX_CELL_TEXT}.`,
        );
      }
    }),
  );
  for (const f of [...(spec.formulas ?? []), ...(spec.table?.calculatedColumns ?? [])]) {
    if (f.formula.length > MAX_FORMULA) {
      const where = 'cell' in f ? `cell ${f.cell}` : `column ${f.column + 1} of the table`;
      throw new WorkbookError(
        'unsupported',
        spec.name,
        `The formula of ${where} has ${f.formula.length} characters; Excel allows ${MAX_FORMULA}.`,
      );
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
      throw new WorkbookError('io', spec.name, `The plan writes sheet "${spec.name}" twice.`);
    }
    if (find(spec.name)?.protected) {
      throw new WorkbookError('sheetProtected', spec.name, `Sheet "${spec.name}" is protected.`);
    }
    checkCellLimits(spec);
  });
  for (const u of plan.updates ?? []) {
    if (typeof u.value === 'string' && u.value.length > MAX_CELL_TEXT) {
      throw new WorkbookError(
        'unsupported',
        u.sheet,
        `Cell ${u.cell} would hold ${u.value.length} characters; Excel allows ${MAX_CELL_TEXT}.`,
      );
    }
    if (written(u.sheet)) continue;
    const info = find(u.sheet);
    if (!info) throw new WorkbookError('sheetNotFound', u.sheet, `Sheet "${u.sheet}" does not exist.`);
    if (info.protected)
      throw new WorkbookError('sheetProtected', u.sheet, `Sheet "${u.sheet}" is protected.`);
  }
  if (plan.activate && !written(plan.activate) && !find(plan.activate)) {
    throw new WorkbookError('sheetNotFound', plan.activate, `Sheet "${plan.activate}" does not exist.`);
  }
}

/** A name for the new sheet while the old one of the same name still exists. */
function temporaryName(sheets: readonly SheetInfo[], i: number): string {
  let n = i;
  while (sheets.some((s) => sameSheetName(s.name, `~cchc${n}`))) n++;
  return `~cchc${n}`;
}

/**
 * Adds the plan's sheets. One that replaces an existing sheet is added under a temporary name, the old one
 * is deleted (made visible first: Excel will not delete every kind of hidden sheet), and the new one takes
 * the old name and tab position. New sheets go at the end.
 */
function placeSheets(
  context: Excel.RequestContext,
  plan: WritePlan,
  sheets: readonly SheetInfo[],
): Map<string, Excel.Worksheet> {
  const worksheets = context.workbook.worksheets;
  const placed = new Map<string, Excel.Worksheet>();
  plan.write.forEach((spec, i) => {
    const position = sheets.findIndex((s) => sameSheetName(s.name, spec.name));
    if (position < 0) {
      placed.set(spec.name, worksheets.add(spec.name));
      return;
    }
    const old = sheets[position];
    const fresh = worksheets.add(temporaryName(sheets, i));
    const previous = worksheets.getItem(old.name);
    if (old.visibility !== 'visible') previous.visibility = 'Visible';
    previous.delete();
    fresh.name = spec.name;
    fresh.position = position;
    placed.set(spec.name, fresh);
  });
  return placed;
}

function queueUpdate(ws: Excel.Worksheet, u: CellUpdate): void {
  const cell = ws.getRange(u.cell);
  if (typeof u.value === 'string' && needsTextFormat(u.value)) cell.numberFormat = [['@']];
  else if (u.numberFormat !== undefined) cell.numberFormat = [[u.numberFormat]];
  cell.values = [[u.value ?? '']];
}

function officeErrorCode(error: unknown): string | undefined {
  if (typeof error !== 'object' || error === null || !('code' in error)) return undefined;
  const code = (error as { code: unknown }).code;
  return typeof code === 'string' ? code : undefined;
}

/** First line of an error's message, without any stack, at most 300 characters. */
function shortMessage(error: unknown): string {
  const raw = error instanceof Error ? error.message : typeof error === 'string' ? error : '';
  const line = raw.split('\n')[0].trim();
  return line.length > 300 ? `${line.slice(0, 299)}…` : line;
}

/** Office errors → WorkbookError, keeping the code and a one-line message (never a stack trace). */
export function toWorkbookError(error: unknown, sheet: string | undefined): WorkbookError {
  if (error instanceof WorkbookError) return error;
  const code = officeErrorCode(error);
  const detail = `Excel${code ? ` ${code}` : ''}: ${shortMessage(error) || 'unknown error'}`;
  switch (code) {
    case 'ItemNotFound':
      return new WorkbookError('sheetNotFound', sheet, detail);
    case 'AccessDenied':
      return new WorkbookError('sheetProtected', sheet, detail);
    case 'RequestPayloadSizeLimitExceeded':
    case 'ResponsePayloadSizeLimitExceeded':
      return new WorkbookError('payloadTooLarge', sheet, detail);
    default:
      return new WorkbookError('io', sheet, detail);
  }
}

/** The one sheet a plan touches, to name it in an error; undefined when it touches several. */
function onlySheet(plan: WritePlan): string | undefined {
  const names = new Set([...plan.write.map((s) => s.name), ...(plan.updates ?? []).map((u) => u.sheet)]);
  return names.size === 1 ? [...names][0] : undefined;
}

async function applyPlan(
  context: Excel.RequestContext,
  plan: WritePlan,
  known: readonly SheetInfo[] | undefined,
  features: Features,
  maxSyncBytes: number,
  warnings: string[],
): Promise<void> {
  let sheets = known;
  if (!sheets) {
    const list = loadSheetList(context);
    await context.sync();
    sheets = sheetInfos(list.items);
  }
  checkPlan(plan, sheets);

  const suspend = (): void => {
    if (features.suspendScreenUpdating) context.application.suspendScreenUpdatingUntilNextSync();
  };
  const budget = new SyncBudget(() => context.sync(), maxSyncBytes, suspend);
  const env: WriteEnv = { budget, features, warnings };
  suspend();

  await budget.reserve(OPERATION_BYTES * 6 * plan.write.length);
  const placed = placeSheets(context, plan, sheets);
  for (const spec of plan.write) {
    const ws = placed.get(spec.name);
    if (ws) await writeSheet(ws, spec, env);
  }

  const sheetFor = (name: string): Excel.Worksheet => {
    const written = plan.write.find((s) => sameSheetName(s.name, name));
    return (written && placed.get(written.name)) || context.workbook.worksheets.getItem(name);
  };
  for (const u of plan.updates ?? []) {
    await budget.reserve(OPERATION_BYTES * 4 + stringJsonBytes(JSON.stringify(u)));
    queueUpdate(sheetFor(u.sheet), u);
  }
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
  /** The sheet list of the last read, used (once) by the apply that follows it. */
  let known: SheetInfo[] | undefined;
  let warnings: string[] = [];

  return {
    get lastWarnings(): readonly string[] {
      return warnings;
    },

    async read(sheetNames: string[]): Promise<WorkbookSnapshot> {
      known = undefined;
      try {
        let snapshot: WorkbookSnapshot;
        try {
          snapshot = await run((context) => readWorkbook(context, sheetNames));
        } catch (error) {
          if (!isPayloadLimit(error)) throw error;
          // Too big for one response: read again, the used ranges in row blocks.
          snapshot = await run((context) => readWorkbookInChunks(context, sheetNames));
        }
        known = snapshot.sheets;
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
