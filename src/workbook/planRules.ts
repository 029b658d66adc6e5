/**
 * Whether a write plan is valid for the workbook it applies to, as far as the plan and the workbook's sheet
 * list can tell: the one decision both adapters make before writing anything, so that an .xlsx file and a
 * live workbook refuse and accept exactly the same plans, with the same codes and words
 * (test/adapters/samePlans.test.ts runs every case through both).
 *
 * What only an adapter can see stays with it, mapped to the same codes and messages: a table name already in
 * use (the live workbook's tables, the package's tables and defined names), a chart sheet, whether this Excel
 * can rewrite a sheet in place. Pure: no Office.js, no ExcelJS.
 */
import { parseA1Cell, parseA1Range, parseRows, type RangeRef, toA1 } from '../domain/a1';
import { sheetNameKey } from '../domain/text';
import { PLAN_ERROR } from '../i18n/plan';
import type { CellValue, SheetSpec, ValidationSpec } from '../sheets/spec';
import { EXCEL } from './limits';
import { type CellUpdate, type SheetInfo, type WritePlan, WorkbookError } from './port';

/** What the adapter knows of the workbook a plan applies to. */
export interface PlanTarget {
  /** Every sheet of the workbook, in tab order. */
  sheets: readonly SheetInfo[];
  /** Review › Protect Workbook (structure) is on. */
  structureProtected: boolean;
  /**
   * Whether the adapter rewrites this existing sheet in place (same sheet, same tab) rather than deleting and
   * adding it. Both do by default; the Office adapter cannot on an old Excel or on a sheet with a table.
   */
  rewritesInPlace?: (existing: SheetInfo) => boolean;
}

/** Excel's rules for a sheet name; false for one Excel refuses. */
function isValidSheetName(name: string): boolean {
  return (
    name.trim() !== '' &&
    name.length <= EXCEL.maxSheetNameChars &&
    !/[[\]:*?/\\]/.test(name) &&
    !name.startsWith("'") &&
    !name.endsWith("'") &&
    // Excel keeps "History" for the change history of a shared workbook, in any case.
    sheetNameKey(name) !== 'HISTORY'
  );
}

/** The sheet named `name` (case- and Unicode-insensitively, as Excel compares names), if any. */
function findSheet(sheets: readonly SheetInfo[], name: string): SheetInfo | undefined {
  const key = sheetNameKey(name);
  return sheets.find((s) => sheetNameKey(s.name) === key);
}

/**
 * Whether applying the plan adds, renames, hides, shows or moves a sheet, which a protected structure forbids.
 * Rewriting a visible sheet in place and setting cells do not.
 */
function changesStructure(plan: WritePlan, target: PlanTarget): boolean {
  const inPlace = target.rewritesInPlace ?? (() => true);
  for (const spec of plan.write) {
    const old = findSheet(target.sheets, spec.name);
    if (!old || old.name !== spec.name || old.visibility !== 'visible' || !inPlace(old)) return true;
    if (spec.visibility && spec.visibility !== 'visible') return true;
  }
  const written = (n: string): boolean => plan.write.some((s) => sheetNameKey(s.name) === sheetNameKey(n));
  const order = (plan.tabOrder ?? []).filter((n) => findSheet(target.sheets, n) || written(n));
  return order.some((name, i) => sheetNameKey(target.sheets[i]?.name ?? '') !== sheetNameKey(name));
}

/** Throws the WorkbookError an adapter would throw for the first rule the plan breaks; returns when it is valid. */
export function checkWritePlan(plan: WritePlan, target: PlanTarget): void {
  const seen = new Set<string>();
  const tables = new Set<string>();
  for (const spec of plan.write) {
    if (!isValidSheetName(spec.name))
      throw refuse('unsupported', spec.name, PLAN_ERROR.badSheetName(spec.name, EXCEL.maxSheetNameChars));
    const key = sheetNameKey(spec.name);
    if (seen.has(key)) throw refuse('unsupported', spec.name, PLAN_ERROR.sheetWrittenTwice(spec.name));
    seen.add(key);
    const existing = findSheet(target.sheets, spec.name);
    if (existing?.protected)
      throw refuse('sheetProtected', existing.name, PLAN_ERROR.sheetProtected(existing.name));
    checkSheetSpec(spec);
    const table = spec.table?.name;
    if (table && tables.has(sheetNameKey(table)))
      throw refuse('unsupported', spec.name, PLAN_ERROR.tableNameTaken(table, undefined));
    if (table) tables.add(sheetNameKey(table));
  }
  if (target.structureProtected && changesStructure(plan, target))
    throw refuse('structureProtected', undefined, PLAN_ERROR.structureProtected());
  for (const update of plan.updates ?? []) checkUpdate(update, plan, target);
  checkVisibility(plan, target);
}

function refuse(code: WorkbookError['code'], sheet: string | undefined, message: string): WorkbookError {
  return new WorkbookError(code, sheet, message);
}

/** What one sheet holds: values, formulas, addresses and validation texts Excel can hold. */
function checkSheetSpec(spec: SheetSpec): void {
  const sheet = spec.name;
  if (spec.cells.length > EXCEL.maxRows)
    throw refuse('unsupported', sheet, PLAN_ERROR.pastGrid(sheet, toA1(EXCEL.maxRows, 0), EXCEL.maxRows));
  spec.cells.forEach((row, r) => {
    if (row.length > EXCEL.maxColumns)
      throw refuse(
        'unsupported',
        sheet,
        PLAN_ERROR.pastGrid(sheet, toA1(r, EXCEL.maxColumns), EXCEL.maxRows),
      );
    // The address is made only for a value refused: a closure for each of a tracker's 200,000 cells was 20 MB.
    row.forEach((value, c) => {
      if (!fitsCell(value)) checkValue(sheet, () => toA1(r, c), value);
    });
  });
  for (const e of spec.errorCells ?? []) {
    const at = cell(sheet, e.cell);
    if (spec.cells[at.row]?.[at.col] != null)
      throw refuse('unsupported', sheet, PLAN_ERROR.valueOverError(sheet, e.cell));
  }
  for (const f of spec.formulas ?? []) {
    cell(sheet, f.cell);
    const length = formulaOverLimit(f.formula);
    if (length !== undefined)
      throw refuse(
        'unsupported',
        sheet,
        PLAN_ERROR.formulaTooLong(sheet, f.cell, length, EXCEL.maxFormulaChars),
      );
  }
  const ranges = [
    ...(spec.styles ?? []).map((s) => s.range),
    ...(spec.merges ?? []),
    ...(spec.validations ?? []).map((v) => v.range),
    ...(spec.conditionalFormats ?? []).map((c) => c.range),
    ...(spec.dataBars ?? []).map((d) => d.range),
    ...(spec.table ? [spec.table.range] : []),
    ...(spec.page?.printArea ? [spec.page.printArea] : []),
  ];
  for (const address of ranges) range(sheet, address);
  const titles = spec.page?.printTitleRows;
  if (titles !== undefined) {
    const rows = parseRows(titles);
    if (!rows) throw refuse('unsupported', sheet, PLAN_ERROR.badAddress(sheet, titles));
    if (rows.last >= EXCEL.maxRows)
      throw refuse('unsupported', sheet, PLAN_ERROR.pastGrid(sheet, titles, EXCEL.maxRows));
  }
  if (spec.table) checkTable(spec);
  for (const v of spec.validations ?? []) checkValidationTexts(sheet, v);
}

function checkTable(spec: SheetSpec): void {
  const table = spec.table;
  if (!table) return;
  const { name } = table;
  // Excel's rules for a table name: a letter, "_" or "\" first, then letters, digits, "_", "." and "\", and
  // not a cell reference ("A1", "R", "C").
  if (
    !/^[\p{L}_\\][\p{L}\p{N}_.\\]*$/u.test(name) ||
    /^[A-Za-z]{1,3}\d+$/.test(name) ||
    /^[RrCc]$/.test(name)
  )
    throw refuse('unsupported', spec.name, PLAN_ERROR.badTableName(spec.name, name));
  for (const { column, formula } of table.calculatedColumns ?? []) {
    const length = formulaOverLimit(formula);
    if (length !== undefined) {
      const header = table.columns[column] ?? String(column + 1);
      throw refuse(
        'unsupported',
        spec.name,
        PLAN_ERROR.columnFormulaTooLong(spec.name, header, length, EXCEL.maxFormulaChars),
      );
    }
  }
}

function checkValidationTexts(sheet: string, v: ValidationSpec): void {
  const texts: [string, number][] = [
    [v.error.title, EXCEL.maxValidationTitleChars],
    [v.error.message, EXCEL.maxValidationErrorChars],
    [v.prompt?.title ?? '', EXCEL.maxValidationTitleChars],
    [v.prompt?.message ?? '', EXCEL.maxValidationPromptChars],
  ];
  for (const [text, max] of texts)
    if (text.length > max)
      throw refuse('unsupported', sheet, PLAN_ERROR.validationTextTooLong(sheet, v.range, text.length, max));
}

function checkUpdate(update: CellUpdate, plan: WritePlan, target: PlanTarget): void {
  const { sheet } = update;
  const written = plan.write.some((s) => sheetNameKey(s.name) === sheetNameKey(sheet));
  if (!written) {
    const existing = findSheet(target.sheets, sheet);
    if (!existing) throw refuse('sheetNotFound', sheet, PLAN_ERROR.sheetNotFound(sheet));
    if (existing.protected)
      throw refuse('sheetProtected', existing.name, PLAN_ERROR.sheetProtected(existing.name));
  }
  cell(sheet, update.cell);
  checkValue(sheet, () => update.cell, update.value);
}

/** After the plan at least one sheet is visible, and the sheet to activate exists and is visible. */
function checkVisibility(plan: WritePlan, target: PlanTarget): void {
  const finalVisibility = new Map<string, string>();
  for (const s of target.sheets) finalVisibility.set(sheetNameKey(s.name), s.visibility);
  for (const spec of plan.write) finalVisibility.set(sheetNameKey(spec.name), spec.visibility ?? 'visible');
  if (![...finalVisibility.values()].includes('visible'))
    throw refuse('unsupported', undefined, PLAN_ERROR.noVisibleSheet());
  if (plan.activate === undefined) return;
  const state = finalVisibility.get(sheetNameKey(plan.activate));
  if (state === undefined)
    throw refuse('sheetNotFound', plan.activate, PLAN_ERROR.sheetNotFound(plan.activate));
  if (state !== 'visible')
    throw refuse('unsupported', plan.activate, PLAN_ERROR.activateHidden(plan.activate));
}

/** Whether Excel holds the value as it is (checkValue refuses it otherwise). */
function fitsCell(value: CellValue): boolean {
  if (typeof value === 'string') return value.length <= EXCEL.maxCellChars;
  return typeof value !== 'number' || Number.isFinite(value);
}

function checkValue(sheet: string, where: () => string, value: CellValue): void {
  if (typeof value === 'string' && value.length > EXCEL.maxCellChars)
    throw refuse(
      'unsupported',
      sheet,
      PLAN_ERROR.cellTooLong(sheet, where(), value.length, EXCEL.maxCellChars),
    );
  if (typeof value === 'number' && !Number.isFinite(value))
    throw refuse('unsupported', sheet, PLAN_ERROR.badNumber(sheet, where()));
}

/** A formula's length as typed in Excel, with its "=" (given or not). */
/**
 * A formula's length as Excel counts it ("=" included) when that passes Excel's limit, else undefined. The
 * untrimmed length bounds it, so a formula well within the limit is not trimmed: trimming flattens a formula
 * built by concatenation, which for a 20,000-row tracker's row formulas (never written as text by the .xlsx
 * adapter) is work thrown away.
 */
function formulaOverLimit(formula: string): number | undefined {
  if (formula.length + 1 <= EXCEL.maxFormulaChars) return undefined;
  const trimmed = formula.trim();
  const length = trimmed.startsWith('=') ? trimmed.length : trimmed.length + 1;
  return length > EXCEL.maxFormulaChars ? length : undefined;
}

function inGrid(r: RangeRef): boolean {
  return r.end.row < EXCEL.maxRows && r.end.col < EXCEL.maxColumns;
}

/** A single-cell address on Excel's grid; throws the adapters' WorkbookError otherwise. */
function cell(sheet: string, address: string): { row: number; col: number } {
  let ref;
  try {
    ref = parseA1Cell(address);
  } catch {
    throw refuse('unsupported', sheet, PLAN_ERROR.badAddress(sheet, address));
  }
  if (!inGrid({ start: ref, end: ref }))
    throw refuse('unsupported', sheet, PLAN_ERROR.pastGrid(sheet, address, EXCEL.maxRows));
  return ref;
}

/** An A1 range on Excel's grid; throws the adapters' WorkbookError otherwise. */
function range(sheet: string, address: string): RangeRef {
  let ref;
  try {
    ref = parseA1Range(address);
  } catch {
    throw refuse('unsupported', sheet, PLAN_ERROR.badAddress(sheet, address));
  }
  if (!inGrid(ref)) throw refuse('unsupported', sheet, PLAN_ERROR.pastGrid(sheet, address, EXCEL.maxRows));
  return ref;
}
