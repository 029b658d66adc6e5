/** Range proxies of the fake: Range, its format (font, fill, borders), data validation and conditional formats. */
import {
  contains,
  isUnbounded,
  MAX_COLUMNS,
  parseAddress,
  quoteSheetName,
  rectCells,
  rectColumns,
  rectRows,
  rectsCovering,
  rectToAddress,
  sameRect,
  overlaps,
} from './address';
import type { Rect } from './address';
import { FakeClientObject, FakeCollection, type FakeContext, type ProxyBase, type Scalars } from './context';
import { accessDenied, FakeOfficeError, invalidArgument, invalidOperation, itemNotFound } from './errors';
import { shiftFormula } from './formula';
import {
  formatAt,
  getCell,
  numberFormatsOf,
  parseInput,
  setCell,
  usedRect,
  type BorderEdge,
  type CellProps,
  type ConditionalFormatState,
  type FakeCellValue,
  type SheetState,
  type TableState,
  type ValidationState,
} from './state';

export interface RangeTarget {
  sheet: SheetState;
  rect: Rect;
}

/** Cells a single load may return before Excel refuses (unless the test sets its own limit). */
const MAX_LOADED_CELLS = 5_000_000;

/** The parts of `a` outside `b`, as up to four rectangles. */
function subtractRect(a: Rect, b: Rect): Rect[] {
  if (!overlaps(a, b)) return [a];
  const out: Rect[] = [];
  if (a.top < b.top) out.push({ ...a, bottom: b.top - 1 });
  if (a.bottom > b.bottom) out.push({ ...a, top: b.bottom + 1 });
  const top = Math.max(a.top, b.top);
  const bottom = Math.min(a.bottom, b.bottom);
  if (a.left < b.left) out.push({ top, bottom, left: a.left, right: b.left - 1 });
  if (a.right > b.right) out.push({ top, bottom, left: b.right + 1, right: a.right });
  return out;
}

function union(a: Rect, b: Rect): Rect {
  return {
    top: Math.min(a.top, b.top),
    left: Math.min(a.left, b.left),
    bottom: Math.max(a.bottom, b.bottom),
    right: Math.max(a.right, b.right),
  };
}

function cellsWithin(sheet: SheetState, rect: Rect): SheetState['cells'] {
  const out: SheetState['cells'] = new Map();
  for (const [key, content] of sheet.cells)
    if (contains(rect, Math.floor(key / MAX_COLUMNS), key % MAX_COLUMNS)) out.set(key, content);
  return out;
}

function layersWithin(sheet: SheetState, rect: Rect): SheetState['layers'] {
  return sheet.layers.flatMap((layer) => {
    if (layer.kind === 'clear' || isUnbounded(layer.rect) || !overlaps(layer.rect, rect)) return [];
    const r = layer.rect;
    const clipped = {
      top: Math.max(r.top, rect.top),
      left: Math.max(r.left, rect.left),
      bottom: Math.min(r.bottom, rect.bottom),
      right: Math.min(r.right, rect.right),
    };
    return [{ kind: 'props', rect: clipped, props: {} }];
  });
}

function writable(t: RangeTarget, location: string): void {
  if (t.sheet.deleted) throw itemNotFound(`The sheet "${t.sheet.name}" was deleted.`, location);
  if (t.sheet.protected) throw accessDenied(t.sheet.name, location);
}

function checkShape(t: RangeTarget, value: unknown, property: string): unknown[][] {
  const rows = rectRows(t.rect);
  const cols = rectColumns(t.rect);
  const ok =
    Array.isArray(value) &&
    value.length === rows &&
    value.every((row: unknown) => Array.isArray(row) && row.length === cols);
  if (!ok) {
    throw invalidArgument(
      `The number of rows or columns in the input array doesn't match the size or dimensions of the range (${rows}×${cols}).`,
      `Range.${property}`,
    );
  }
  return value as unknown[][];
}

/**
 * Excel refuses to read a range of more than 5,000,000 cells, whatever its content ("RangeExceedsLimit: The
 * cell count in the range has exceeded the maximum supported number", Resource limits and performance
 * optimization for Office Add-ins).
 */
function guardLoad(t: RangeTarget, limit = MAX_LOADED_CELLS): void {
  if (rectCells(t.rect) > limit) {
    throw new FakeOfficeError(
      'RangeExceedsLimit',
      'The cell count in the range has exceeded the maximum supported number.',
    );
  }
}

function grid<V>(t: RangeTarget, f: (row: number, col: number) => V, limit?: number): V[][] {
  guardLoad(t, limit);
  const out: V[][] = [];
  for (let r = t.rect.top; r <= t.rect.bottom; r++) {
    const line: V[] = [];
    for (let c = t.rect.left; c <= t.rect.right; c++) line.push(f(r, c));
    out.push(line);
  }
  return out;
}

function outputValue(v: FakeCellValue): string | number | boolean {
  if (v === null) return '';
  if (typeof v === 'object') return v.error;
  return v;
}

function valueType(sheet: SheetState, row: number, col: number): string {
  const { value } = getCell(sheet, row, col);
  if (value === null) return 'Empty';
  if (typeof value === 'object') return 'Error';
  if (typeof value === 'number') return 'Double';
  if (typeof value === 'boolean') return 'Boolean';
  return 'String';
}

function writeCells(t: RangeTarget, value: unknown, property: string, tables: readonly TableState[]): void {
  writable(t, `Range.${property}`);
  const input = checkShape(t, value, property);
  const formats = numberFormatsOf(t.sheet, t.rect);
  input.forEach((line, i) =>
    line.forEach((cell, j) => {
      if (cell === null) return; // Office's null input: leave the cell unchanged
      setCell(t.sheet, t.rect.top + i, t.rect.left + j, parseInput(cell, formats[i][j]));
    }),
  );
  fillCalculatedColumns(t, tables);
}

/**
 * Excel's calculated columns: a formula entered in one cell of an otherwise empty table column fills the
 * whole column, each row's references adjusted ("Use calculated columns in an Excel table"). The fake does
 * this for every table column the write touched whose data cells are empty but for one formula.
 */
function fillCalculatedColumns(t: RangeTarget, tables: readonly TableState[]): void {
  for (const table of tables) {
    if (table.sheet !== t.sheet || table.deleted || !overlaps(table.rect, t.rect)) continue;
    const top = table.rect.top + 1;
    if (top > table.rect.bottom) continue;
    for (let c = Math.max(t.rect.left, table.rect.left); c <= Math.min(t.rect.right, table.rect.right); c++) {
      const filled: number[] = [];
      for (let r = top; r <= table.rect.bottom; r++) {
        const cell = getCell(t.sheet, r, c);
        if (cell.value !== null || cell.formula !== null) filled.push(r);
      }
      if (filled.length !== 1) continue;
      const source = getCell(t.sheet, filled[0], c).formula;
      if (source === null) continue;
      for (let r = top; r <= table.rect.bottom; r++) {
        if (r !== filled[0])
          setCell(t.sheet, r, c, { value: null, formula: shiftFormula(source, r - filled[0], 0) });
      }
    }
  }
}

function addProps(t: RangeTarget, props: CellProps, location: string): void {
  writable(t, location);
  t.sheet.layers.push({ kind: 'props', rect: { ...t.rect }, props });
}

function hexColor(value: unknown, location: string): string {
  if (typeof value !== 'string' || !/^#[0-9A-Fa-f]{6}$/.test(value)) {
    throw invalidArgument(`Expected a colour "#RRGGBB", got ${JSON.stringify(value)}.`, location);
  }
  return value.toUpperCase();
}

function oneOf(value: unknown, allowed: readonly string[], location: string): string {
  if (typeof value !== 'string' || !allowed.includes(value)) {
    throw invalidArgument(`Expected one of ${allowed.join(', ')}, got ${JSON.stringify(value)}.`, location);
  }
  return value;
}

/** true when every index first…last is in the set, false when none is, null otherwise (Excel's mixed). */
function allSomeNone(set: ReadonlySet<number>, first: number, last: number): boolean | null {
  let count = 0;
  for (const i of set) if (i >= first && i <= last) count++;
  return count === 0 ? false : count === last - first + 1 ? true : null;
}

function setHidden(set: Set<number>, first: number, last: number, value: unknown, location: string): void {
  if (typeof value !== 'boolean') throw invalidArgument('Expected true or false.', location);
  if (value) for (let i = first; i <= last; i++) set.add(i);
  else for (const i of [...set]) if (i >= first && i <= last) set.delete(i);
}

function clearContents(t: RangeTarget): void {
  for (const key of [...t.sheet.cells.keys()]) {
    if (contains(t.rect, Math.floor(key / MAX_COLUMNS), key % MAX_COLUMNS)) t.sheet.cells.delete(key);
  }
}

/** Drops the format layers wholly inside the range; over the rest of an overlapping layer, a 'clear' layer. */
function clearFormats(t: RangeTarget): void {
  const inside = (r: Rect): boolean =>
    r.top >= t.rect.top && r.bottom <= t.rect.bottom && r.left >= t.rect.left && r.right <= t.rect.right;
  t.sheet.layers = t.sheet.layers.filter((layer) => !inside(layer.rect));
  if (t.sheet.layers.some((layer) => overlaps(layer.rect, t.rect)))
    t.sheet.layers.push({ kind: 'clear', rect: { ...t.rect } });
}

/** Forgets custom sizes (row heights or column widths) of indexes first…last. */
function useStandard(sizes: Map<number, number>, first: number, last: number, value: unknown): void {
  if (value !== true) return; // Office.js: "only intended to be set to true; setting it to false has no effect"
  for (const i of [...sizes.keys()]) if (i >= first && i <= last) sizes.delete(i);
}

/** Whether none of indexes first…last has a custom size (true), all have (false), or some have (null). */
function standardSize(sizes: ReadonlyMap<number, number>, first: number, last: number): boolean | null {
  const custom = allSomeNone(new Set(sizes.keys()), first, last);
  return custom === null ? null : !custom;
}

export class FakeRange extends FakeClientObject<RangeTarget> {
  constructor(
    context: FakeContext,
    resolver: () => RangeTarget | null,
    creation?: { method: string; parent?: number; args?: unknown[] },
  ) {
    super(context, resolver, creation);
  }

  protected get typeName(): string {
    return 'Range';
  }

  protected override assertAlive(t: RangeTarget): void {
    if (t.sheet.deleted) throw itemNotFound(`The sheet "${t.sheet.name}" was deleted.`, 'Range');
  }

  protected scalars(): Scalars<RangeTarget> {
    const cellLimit = this.context.limits.maxLoadedCells;
    return {
      address: (t) => `${quoteSheetName(t.sheet.name)}!${rectToAddress(t.rect)}`,
      rowCount: (t) => rectRows(t.rect),
      columnCount: (t) => rectColumns(t.rect),
      rowIndex: (t) => t.rect.top,
      columnIndex: (t) => t.rect.left,
      values: (t) => grid(t, (r, c) => outputValue(getCell(t.sheet, r, c).value), cellLimit),
      formulas: (t) =>
        grid(
          t,
          (r, c) => {
            const cell = getCell(t.sheet, r, c);
            return cell.formula ?? outputValue(cell.value);
          },
          cellLimit,
        ),
      numberFormat: (t) => {
        guardLoad(t, cellLimit);
        return numberFormatsOf(t.sheet, t.rect);
      },
      valueTypes: (t) => grid(t, (r, c) => valueType(t.sheet, r, c), cellLimit),
      rowHidden: (t) => allSomeNone(t.sheet.hiddenRows, t.rect.top, t.rect.bottom),
      columnHidden: (t) => allSomeNone(t.sheet.hiddenColumns, t.rect.left, t.rect.right),
    };
  }

  protected override navigation(): Record<string, () => ProxyBase> {
    return { format: () => this.format };
  }

  get address(): string {
    return this.read('address');
  }
  get rowCount(): number {
    return this.read('rowCount');
  }
  get columnCount(): number {
    return this.read('columnCount');
  }
  get rowIndex(): number {
    return this.read('rowIndex');
  }
  get columnIndex(): number {
    return this.read('columnIndex');
  }
  get valueTypes(): string[][] {
    return this.read('valueTypes');
  }
  get values(): unknown[][] {
    return this.read('values');
  }
  set values(v: unknown[][]) {
    this.write('values', v, (t, value) => writeCells(t, value, 'values', this.context.state.tables));
  }
  get formulas(): unknown[][] {
    return this.read('formulas');
  }
  set formulas(v: unknown[][]) {
    this.write('formulas', v, (t, value) => writeCells(t, value, 'formulas', this.context.state.tables));
  }
  get numberFormat(): unknown[][] {
    return this.read('numberFormat');
  }
  set numberFormat(v: unknown[][]) {
    this.write('numberFormat', v, (t, value) => {
      writable(t, 'Range.numberFormat');
      const input = checkShape(t, value, 'numberFormat');
      if (!input.every((row) => row.every((f) => f === null || typeof f === 'string'))) {
        throw invalidArgument('Number formats must be strings.', 'Range.numberFormat');
      }
      t.sheet.layers.push({ kind: 'numberFormat', rect: { ...t.rect }, grid: input as (string | null)[][] });
    });
  }

  get rowHidden(): boolean {
    return this.read('rowHidden');
  }
  set rowHidden(v: boolean) {
    this.write('rowHidden', v, (t, value) => {
      writable(t, 'Range.rowHidden');
      setHidden(t.sheet.hiddenRows, t.rect.top, t.rect.bottom, value, 'Range.rowHidden');
    });
  }
  get columnHidden(): boolean {
    return this.read('columnHidden');
  }
  set columnHidden(v: boolean) {
    this.write('columnHidden', v, (t, value) => {
      writable(t, 'Range.columnHidden');
      setHidden(t.sheet.hiddenColumns, t.rect.left, t.rect.right, value, 'Range.columnHidden');
    });
  }

  get format(): FakeRangeFormat {
    return this.child('format', () => new FakeRangeFormat(this.context, () => this.resolve()));
  }

  get dataValidation(): FakeDataValidation {
    return this.child('dataValidation', () => new FakeDataValidation(this.context, () => this.resolve()));
  }

  get conditionalFormats(): FakeConditionalFormatCollection {
    return this.child(
      'conditionalFormats',
      () => new FakeConditionalFormatCollection(this.context, () => this.resolve()),
    );
  }

  /** A range relative to this one, created by a queued method call. */
  private derived(method: string, args: unknown[], rect: (t: RangeTarget) => Rect): FakeRange {
    return new FakeRange(
      this.context,
      () => {
        const t = this.live();
        return { sheet: t.sheet, rect: rect(t) };
      },
      { method, parent: this.proxyId, args },
    );
  }

  /** Like Excel: ItemNotFound at sync when no cell matches. */
  getSpecialCells(cellType: string, cellValueType = 'All'): FakeRangeAreas {
    return this.specialCells('getSpecialCells', cellType, cellValueType, true);
  }

  /** Like Excel: a null object (isNullObject after sync) when no cell matches. */
  getSpecialCellsOrNullObject(cellType: string, cellValueType = 'All'): FakeRangeAreas {
    return this.specialCells('getSpecialCellsOrNullObject', cellType, cellValueType, false);
  }

  private specialCells(
    method: string,
    cellType: string,
    cellValueType: string,
    throwWhenNone: boolean,
  ): FakeRangeAreas {
    return new FakeRangeAreas(
      this.context,
      () => {
        const t = this.withinOperationLimit(this.live(), method);
        const rects = specialCellRects(t, cellType, cellValueType, `Range.${method}`);
        if (rects.length > 0) return { sheet: t.sheet, rects };
        if (throwWhenNone) throw itemNotFound('No cells were found.', `Range.${method}`);
        return null;
      },
      { method, parent: this.proxyId, args: [cellType, cellValueType] },
    );
  }

  /**
   * The smallest range that contains this range and `other` (Range.getBoundingRect, ExcelApi 1.2). Both must
   * be on one sheet (InvalidArgument otherwise, as the fake has no rule for two sheets).
   */
  getBoundingRect(other: FakeRange): FakeRange {
    return new FakeRange(
      this.context,
      () => {
        const t = this.live();
        const o = other.resolve();
        if (!o || o.sheet !== t.sheet)
          throw invalidArgument('The ranges are not on one sheet.', 'Range.getBoundingRect');
        return { sheet: t.sheet, rect: union(t.rect, o.rect) };
      },
      { method: 'getBoundingRect', parent: this.proxyId, args: [other] },
    );
  }

  /** The used range within this range (Range.getUsedRangeOrNullObject, ExcelApi 1.4); null when none. */
  getUsedRangeOrNullObject(valuesOnly = false): FakeRange {
    return new FakeRange(
      this.context,
      () => {
        const t = this.live();
        const used = usedRect(t.sheet, valuesOnly);
        if (!used || !overlaps(used, t.rect)) return null;
        const cells = usedRect({ ...t.sheet, cells: cellsWithin(t.sheet, t.rect), layers: [] }, true);
        const layers = valuesOnly
          ? null
          : usedRect({ ...t.sheet, cells: new Map(), layers: layersWithin(t.sheet, t.rect) }, false);
        const rect = cells && layers ? union(cells, layers) : (cells ?? layers);
        return rect ? { sheet: t.sheet, rect } : null;
      },
      { method: 'getUsedRangeOrNullObject', parent: this.proxyId, args: [valuesOnly] },
    );
  }

  getCell(row: number, column: number): FakeRange {
    return this.derived('getCell', [row, column], (t) => ({
      top: t.rect.top + row,
      left: t.rect.left + column,
      bottom: t.rect.top + row,
      right: t.rect.left + column,
    }));
  }

  /**
   * As in Excel, a merged area keeps only the value (or formula) of its top-left cell: the others are
   * emptied ("Merge and unmerge cells": only the upper-left value is kept).
   */
  merge(across = false): void {
    this.call('merge', [across], (t) => {
      writable(t, 'Range.merge');
      const areas = across
        ? Array.from({ length: rectRows(t.rect) }, (_, i) => ({
            ...t.rect,
            top: t.rect.top + i,
            bottom: t.rect.top + i,
          }))
        : [{ ...t.rect }];
      if (t.sheet.merges.some((m) => areas.some((a) => overlaps(m, a))))
        throw invalidOperation('The range overlaps a merged area.', 'Range.merge');
      for (const area of areas) {
        if (rectCells(area) === 1) continue;
        t.sheet.merges.push(area);
        for (let r = area.top; r <= area.bottom; r++)
          for (let c = area.left; c <= area.right; c++)
            if (r !== area.top || c !== area.left) setCell(t.sheet, r, c, { value: null, formula: null });
      }
    });
  }

  /** Unmerges every merged area that overlaps the range (Excel unmerges an area the range only touches, too). */
  unmerge(): void {
    this.call('unmerge', [], (t) => {
      writable(t, 'Range.unmerge');
      t.sheet.merges = t.sheet.merges.filter((m) => !overlaps(m, t.rect));
    });
  }

  /**
   * Range.clear: 'Contents' empties the cells (values and formulas), 'Formats' puts them back to the default
   * format (number format, font, fill, alignment, borders), 'All' does both. Deliberately no more than that:
   * merges, conditional formats, data validation, row heights and column widths are left as they are, so an
   * adapter that needs them gone has to say so (unmerge, clearAll, DataValidation.clear, useStandard…).
   */
  clear(applyTo = 'All'): void {
    this.call('clear', [applyTo], (t) => {
      const kind = oneOf(
        applyTo,
        ['All', 'Formats', 'Contents', 'Hyperlinks', 'RemoveHyperlinks', 'ResetContents'],
        'Range.clear',
      );
      writable(t, 'Range.clear');
      if (kind === 'Hyperlinks' || kind === 'RemoveHyperlinks') return; // the fake has no hyperlinks
      if (kind === 'ResetContents') {
        throw new FakeOfficeError('NotImplemented', 'The fake does not simulate clear("ResetContents").');
      }
      if (kind === 'All' || kind === 'Contents') clearContents(t);
      if (kind === 'All' || kind === 'Formats') clearFormats(t);
    });
  }

  select(): void {
    this.call('select', [], (t) => {
      if (t.sheet.visibility !== 'Visible')
        throw invalidOperation('Cannot select on a hidden sheet.', 'Range.select');
      const wb = this.context.state;
      wb.activeSheet = t.sheet;
      wb.selection = { sheet: t.sheet, rect: { ...t.rect } };
    });
  }

  /** FillDefault and FillCopy of formulas, values and formats into a range that extends this one. */
  autoFill(destination: FakeRange | string, autoFillType = 'FillDefault'): void {
    const destRef = destination instanceof FakeRange ? destination : null;
    this.call('autoFill', [destination, autoFillType], (t) => {
      writable(t, 'Range.autoFill');
      if (autoFillType !== 'FillDefault' && autoFillType !== 'FillCopy') {
        throw new FakeOfficeError(
          'NotImplemented',
          `The fake does not simulate autoFill type ${autoFillType}.`,
        );
      }
      const dest = destRef ? destRef.live() : { sheet: t.sheet, rect: parseAddress(destination as string) };
      const s = t.rect;
      const d = dest.rect;
      const vertical = d.left === s.left && d.right === s.right && d.top === s.top && d.bottom >= s.bottom;
      const horizontal = d.top === s.top && d.bottom === s.bottom && d.left === s.left && d.right >= s.right;
      if (dest.sheet !== t.sheet || !(vertical || horizontal)) {
        throw invalidArgument('The destination must extend the source range.', 'Range.autoFill');
      }
      const rows = rectRows(s);
      const cols = rectColumns(s);
      for (let r = d.top; r <= d.bottom; r++) {
        for (let c = d.left; c <= d.right; c++) {
          if (contains(s, r, c)) continue;
          const sr = s.top + ((r - s.top) % rows);
          const sc = s.left + ((c - s.left) % cols);
          const src = getCell(t.sheet, sr, sc);
          setCell(t.sheet, r, c, {
            value: src.formula ? null : src.value,
            formula: src.formula ? shiftFormula(src.formula, r - sr, c - sc) : null,
          });
        }
      }
      // Formats of the source's first row/column, tiled over the filled part.
      for (let i = 0; i < (vertical ? cols : rows); i++) {
        const sr = vertical ? s.top : s.top + i;
        const sc = vertical ? s.left + i : s.left;
        const { numberFormat, borders, ...props } = formatAt(t.sheet, sr, sc);
        void borders;
        const rect = vertical
          ? { top: s.bottom + 1, bottom: d.bottom, left: sc, right: sc }
          : { top: sr, bottom: sr, left: s.right + 1, right: d.right };
        if (rect.top > rect.bottom || rect.left > rect.right) continue;
        t.sheet.layers.push({ kind: 'props', rect, props });
        t.sheet.layers.push({
          kind: 'numberFormat',
          rect,
          grid: Array.from({ length: rectRows(rect) }, () =>
            new Array<string>(rectColumns(rect)).fill(numberFormat),
          ),
        });
      }
    });
  }
}

export class FakeRangeFormat extends FakeClientObject<RangeTarget> {
  constructor(context: FakeContext, resolver: () => RangeTarget | null) {
    super(context, resolver);
  }

  protected get typeName(): string {
    return 'RangeFormat';
  }

  protected scalars(): Scalars<RangeTarget> {
    const first = (t: RangeTarget): ReturnType<typeof formatAt> => formatAt(t.sheet, t.rect.top, t.rect.left);
    return {
      columnWidth: (t) => t.sheet.columnWidths.get(t.rect.left) ?? 48,
      rowHeight: (t) => t.sheet.rowHeights.get(t.rect.top) ?? 15,
      useStandardHeight: (t) => standardSize(t.sheet.rowHeights, t.rect.top, t.rect.bottom),
      useStandardWidth: (t) => standardSize(t.sheet.columnWidths, t.rect.left, t.rect.right),
      horizontalAlignment: (t) => first(t).horizontalAlignment ?? 'General',
      verticalAlignment: (t) => first(t).verticalAlignment ?? 'Bottom',
      wrapText: (t) => first(t).wrapText ?? false,
      indentLevel: (t) => first(t).indentLevel ?? 0,
    };
  }

  protected override navigation(): Record<string, () => ProxyBase> {
    return { font: () => this.font, fill: () => this.fill };
  }

  get font(): FakeRangeFont {
    return this.child('font', () => new FakeRangeFont(this.context, () => this.resolve()));
  }
  get fill(): FakeRangeFill {
    return this.child('fill', () => new FakeRangeFill(this.context, () => this.resolve()));
  }
  get borders(): FakeRangeBorderCollection {
    return this.child('borders', () => new FakeRangeBorderCollection(this.context, () => this.resolve()));
  }

  get columnWidth(): number {
    return this.read('columnWidth');
  }
  set columnWidth(v: number) {
    this.write('columnWidth', v, (t, value) => {
      writable(t, 'RangeFormat.columnWidth');
      if (typeof value !== 'number' || value < 0 || value > 1800)
        throw invalidArgument('Bad column width.', 'RangeFormat.columnWidth');
      for (let c = t.rect.left; c <= t.rect.right; c++) t.sheet.columnWidths.set(c, value);
    });
  }
  get rowHeight(): number {
    return this.read('rowHeight');
  }
  set rowHeight(v: number) {
    this.write('rowHeight', v, (t, value) => {
      writable(t, 'RangeFormat.rowHeight');
      if (typeof value !== 'number' || value < 0 || value > 409)
        throw invalidArgument('Bad row height.', 'RangeFormat.rowHeight');
      // A height given is custom: the row no longer follows its text (SheetState.rowHeights).
      for (let r = t.rect.top; r <= t.rect.bottom; r++) {
        t.sheet.rowHeights.set(r, value);
        t.sheet.autofitRows.delete(r);
      }
    });
  }
  /**
   * Fits the rows to their content: "changes the height of the rows of the current range to achieve the best
   * fit, based on the current data in the columns" (Reference: RangeFormat). The row is no longer custom; the
   * fake cannot measure text, so it records the columns the fit measured, and `rowFit` (index.ts) tells which
   * cells size the row: as in Excel, merged cells take no part (OfficeDev/office-js#1840, and Excel's own
   * "AutoFit does not work on merged cells"), so a row whose only text is merged is one line tall.
   */
  autofitRows(): void {
    this.call('autofitRows', [], (t) => {
      writable(t, 'RangeFormat.autofitRows');
      for (let r = t.rect.top; r <= t.rect.bottom; r++) {
        t.sheet.rowHeights.delete(r);
        t.sheet.autofitRows.set(r, { left: t.rect.left, right: t.rect.right });
      }
    });
  }
  get useStandardHeight(): boolean {
    return this.read('useStandardHeight');
  }
  set useStandardHeight(v: boolean) {
    this.write('useStandardHeight', v, (t, value) => {
      writable(t, 'RangeFormat.useStandardHeight');
      useStandard(t.sheet.rowHeights, t.rect.top, t.rect.bottom, value);
      // Back to the sheet's standard height: neither custom nor fitted.
      if (value === true)
        for (const r of [...t.sheet.autofitRows.keys()])
          if (r >= t.rect.top && r <= t.rect.bottom) t.sheet.autofitRows.delete(r);
    });
  }
  get useStandardWidth(): boolean {
    return this.read('useStandardWidth');
  }
  set useStandardWidth(v: boolean) {
    this.write('useStandardWidth', v, (t, value) => {
      writable(t, 'RangeFormat.useStandardWidth');
      useStandard(t.sheet.columnWidths, t.rect.left, t.rect.right, value);
    });
  }
  get horizontalAlignment(): string {
    return this.read('horizontalAlignment');
  }
  set horizontalAlignment(v: string) {
    const allowed = [
      'General',
      'Left',
      'Center',
      'Right',
      'Fill',
      'Justify',
      'CenterAcrossSelection',
      'Distributed',
    ];
    this.write('horizontalAlignment', v, (t, value) =>
      addProps(
        t,
        { horizontalAlignment: oneOf(value, allowed, 'RangeFormat.horizontalAlignment') },
        'RangeFormat',
      ),
    );
  }
  get verticalAlignment(): string {
    return this.read('verticalAlignment');
  }
  set verticalAlignment(v: string) {
    const allowed = ['Top', 'Center', 'Bottom', 'Justify', 'Distributed'];
    this.write('verticalAlignment', v, (t, value) =>
      addProps(
        t,
        { verticalAlignment: oneOf(value, allowed, 'RangeFormat.verticalAlignment') },
        'RangeFormat',
      ),
    );
  }
  get wrapText(): boolean {
    return this.read('wrapText');
  }
  set wrapText(v: boolean) {
    this.write('wrapText', v, (t, value) => addProps(t, { wrapText: Boolean(value) }, 'RangeFormat'));
  }
  get indentLevel(): number {
    return this.read('indentLevel');
  }
  set indentLevel(v: number) {
    this.write('indentLevel', v, (t, value) => {
      if (typeof value !== 'number' || value < 0 || value > 250)
        throw invalidArgument('Bad indent.', 'RangeFormat.indentLevel');
      addProps(t, { indentLevel: value }, 'RangeFormat');
    });
  }
}

export class FakeRangeFont extends FakeClientObject<RangeTarget> {
  constructor(context: FakeContext, resolver: () => RangeTarget | null) {
    super(context, resolver);
  }

  protected get typeName(): string {
    return 'RangeFont';
  }

  protected scalars(): Scalars<RangeTarget> {
    const f = (t: RangeTarget): ReturnType<typeof formatAt> => formatAt(t.sheet, t.rect.top, t.rect.left);
    return {
      name: (t) => f(t).fontName,
      size: (t) => f(t).fontSize,
      bold: (t) => f(t).bold ?? false,
      italic: (t) => f(t).italic ?? false,
      underline: (t) => f(t).underline ?? 'None',
      color: (t) => f(t).fontColor ?? '#000000',
    };
  }

  get name(): string {
    return this.read('name');
  }
  set name(v: string) {
    this.write('name', v, (t, value) => addProps(t, { fontName: String(value) }, 'RangeFont.name'));
  }
  get size(): number {
    return this.read('size');
  }
  set size(v: number) {
    this.write('size', v, (t, value) => {
      if (typeof value !== 'number' || value < 1 || value > 409)
        throw invalidArgument('Bad font size.', 'RangeFont.size');
      addProps(t, { fontSize: value }, 'RangeFont.size');
    });
  }
  get bold(): boolean {
    return this.read('bold');
  }
  set bold(v: boolean) {
    this.write('bold', v, (t, value) => addProps(t, { bold: Boolean(value) }, 'RangeFont.bold'));
  }
  get italic(): boolean {
    return this.read('italic');
  }
  set italic(v: boolean) {
    this.write('italic', v, (t, value) => addProps(t, { italic: Boolean(value) }, 'RangeFont.italic'));
  }
  get underline(): string {
    return this.read('underline');
  }
  set underline(v: string) {
    const allowed = ['None', 'Single', 'Double', 'SingleAccountant', 'DoubleAccountant'];
    this.write('underline', v, (t, value) =>
      addProps(t, { underline: oneOf(value, allowed, 'RangeFont.underline') }, 'RangeFont.underline'),
    );
  }
  get color(): string {
    return this.read('color');
  }
  set color(v: string) {
    this.write('color', v, (t, value) =>
      addProps(t, { fontColor: hexColor(value, 'RangeFont.color') }, 'RangeFont.color'),
    );
  }
}

export class FakeRangeFill extends FakeClientObject<RangeTarget> {
  constructor(context: FakeContext, resolver: () => RangeTarget | null) {
    super(context, resolver);
  }

  protected get typeName(): string {
    return 'RangeFill';
  }

  protected scalars(): Scalars<RangeTarget> {
    return { color: (t) => formatAt(t.sheet, t.rect.top, t.rect.left).fill ?? null };
  }

  get color(): string {
    return this.read('color');
  }
  set color(v: string) {
    this.write('color', v, (t, value) =>
      addProps(t, { fill: hexColor(value, 'RangeFill.color') }, 'RangeFill.color'),
    );
  }
}

const EDGES: readonly BorderEdge[] = [
  'EdgeTop',
  'EdgeBottom',
  'EdgeLeft',
  'EdgeRight',
  'InsideHorizontal',
  'InsideVertical',
  'DiagonalDown',
  'DiagonalUp',
];

export class FakeRangeBorderCollection extends FakeClientObject<RangeTarget> {
  constructor(context: FakeContext, resolver: () => RangeTarget | null) {
    super(context, resolver);
  }

  protected get typeName(): string {
    return 'RangeBorderCollection';
  }

  protected scalars(): Scalars<RangeTarget> {
    return {};
  }

  getItem(index: string): FakeRangeBorder {
    return new FakeRangeBorder(
      this.context,
      () => {
        const t = this.live();
        return { range: t, edge: oneOf(index, EDGES, 'RangeBorderCollection.getItem') as BorderEdge };
      },
      { method: 'getItem', parent: this.proxyId, args: [index] },
    );
  }
}

export class FakeRangeBorder extends FakeClientObject<{ range: RangeTarget; edge: BorderEdge }> {
  constructor(
    context: FakeContext,
    resolver: () => { range: RangeTarget; edge: BorderEdge } | null,
    creation: { method: string; parent?: number; args?: unknown[] },
  ) {
    super(context, resolver, creation);
  }

  protected get typeName(): string {
    return 'RangeBorder';
  }

  protected scalars(): Scalars<{ range: RangeTarget; edge: BorderEdge }> {
    return {};
  }

  private setBorder(
    property: 'style' | 'weight' | 'color',
    value: unknown,
    allowed?: readonly string[],
  ): void {
    this.write(property, value, (t, v) => {
      writable(t.range, `RangeBorder.${property}`);
      const checked = allowed
        ? oneOf(v, allowed, `RangeBorder.${property}`)
        : hexColor(v, 'RangeBorder.color');
      t.range.sheet.layers.push({
        kind: 'border',
        rect: { ...t.range.rect },
        edge: t.edge,
        border: { [property]: checked },
      });
    });
  }

  set style(v: string) {
    this.setBorder('style', v, [
      'None',
      'Continuous',
      'Dash',
      'DashDot',
      'DashDotDot',
      'Dot',
      'Double',
      'SlantDashDot',
    ]);
  }
  set weight(v: string) {
    this.setBorder('weight', v, ['Hairline', 'Thin', 'Medium', 'Thick']);
  }
  set color(v: string) {
    this.setBorder('color', v);
  }
}

const RULE_KINDS = ['wholeNumber', 'decimal', 'textLength', 'date', 'time', 'list', 'custom'];
const OPERATORS = [
  'Between',
  'NotBetween',
  'EqualTo',
  'NotEqualTo',
  'GreaterThan',
  'LessThan',
  'GreaterThanOrEqualTo',
  'LessThanOrEqualTo',
];

function checkRule(rule: unknown): Record<string, unknown> {
  const where = 'DataValidation.rule';
  if (typeof rule !== 'object' || rule === null) throw invalidArgument('The rule must be an object.', where);
  const keys = Object.keys(rule);
  if (keys.length !== 1 || !RULE_KINDS.includes(keys[0]))
    throw invalidArgument('A rule has exactly one kind.', where);
  const kind = keys[0];
  const body = (rule as Record<string, unknown>)[kind] as Record<string, unknown> | undefined;
  if (typeof body !== 'object' || body === null) throw invalidArgument('Empty rule.', where);
  if (kind === 'list') {
    if (typeof body.source !== 'string' || body.source === '')
      throw invalidArgument('A list needs a source.', where);
    if (!body.source.startsWith('=') && body.source.length > 255)
      throw invalidArgument('List literal over 255 characters.', where);
  } else if (kind === 'custom') {
    if (typeof body.formula !== 'string') throw invalidArgument('A custom rule needs a formula.', where);
  } else {
    oneOf(body.operator, OPERATORS, `${where}.operator`);
    const operand = (v: unknown): boolean =>
      typeof v === 'number' ||
      (typeof v === 'string' &&
        (kind !== 'date' || v.startsWith('=') || /^\d{4}-\d{2}-\d{2}/.test(v) || /^\d+$/.test(v)));
    if (!operand(body.formula1)) throw invalidArgument('Bad formula1.', where);
    if ((body.operator === 'Between' || body.operator === 'NotBetween') && !operand(body.formula2)) {
      throw invalidArgument('Between needs formula2.', where);
    }
  }
  return rule as Record<string, unknown>;
}

export class FakeDataValidation extends FakeClientObject<RangeTarget> {
  constructor(context: FakeContext, resolver: () => RangeTarget | null) {
    super(context, resolver);
  }

  protected get typeName(): string {
    return 'DataValidation';
  }

  private entry(t: RangeTarget): ValidationState | undefined {
    return t.sheet.validations.find((v) => sameRect(v.rect, t.rect));
  }

  private upsert(t: RangeTarget): ValidationState {
    writable(t, 'DataValidation');
    let v = this.entry(t);
    if (!v) {
      v = { rect: { ...t.rect }, rule: null, ignoreBlanks: true, errorAlert: null, prompt: null };
      t.sheet.validations.push(v);
    }
    return v;
  }

  protected scalars(): Scalars<RangeTarget> {
    return {
      rule: (t) => this.entry(t)?.rule ?? null,
      ignoreBlanks: (t) => this.entry(t)?.ignoreBlanks ?? true,
      errorAlert: (t) => this.entry(t)?.errorAlert ?? null,
      prompt: (t) => this.entry(t)?.prompt ?? null,
      type: (t) => {
        const rule = this.entry(t)?.rule;
        return rule ? Object.keys(rule)[0] : 'None';
      },
    };
  }

  get rule(): unknown {
    return this.read('rule');
  }
  set rule(v: unknown) {
    this.write('rule', v, (t, value) => {
      this.upsert(t).rule = checkRule(value);
    });
  }
  get ignoreBlanks(): boolean {
    return this.read('ignoreBlanks');
  }
  set ignoreBlanks(v: boolean) {
    this.write('ignoreBlanks', v, (t, value) => {
      this.upsert(t).ignoreBlanks = Boolean(value);
    });
  }
  get errorAlert(): unknown {
    return this.read('errorAlert');
  }
  set errorAlert(v: unknown) {
    this.write('errorAlert', v, (t, value) => {
      const alert = value as Record<string, unknown>;
      if (alert.style !== undefined)
        oneOf(alert.style, ['Stop', 'Warning', 'Information'], 'DataValidation.errorAlert.style');
      this.upsert(t).errorAlert = { ...alert };
    });
  }
  get prompt(): unknown {
    return this.read('prompt');
  }
  set prompt(v: unknown) {
    this.write('prompt', v, (t, value) => {
      this.upsert(t).prompt = { ...(value as Record<string, unknown>) };
    });
  }

  /**
   * Clears the data validation from the range's cells only: a rule that also covers cells outside the range
   * keeps them (Excel.DataValidation.clear: "Clears the data validation from the current range").
   */
  clear(): void {
    this.call('clear', [], (t) => {
      writable(t, 'DataValidation.clear');
      t.sheet.validations = t.sheet.validations.flatMap((v) =>
        overlaps(v.rect, t.rect)
          ? subtractRect(v.rect, t.rect).map((rect) => ({ ...v, rect, rule: v.rule && { ...v.rule } }))
          : [v],
      );
    });
  }
}

export class FakeConditionalFormatCollection extends FakeCollection<RangeTarget, FakeConditionalFormat> {
  constructor(context: FakeContext, resolver: () => RangeTarget | null) {
    super(context, resolver);
  }

  protected get typeName(): string {
    return 'ConditionalFormatCollection';
  }

  protected listItems(t: RangeTarget): FakeConditionalFormat[] {
    return t.sheet.conditionalFormats
      .filter((cf) => overlaps(cf.rect, t.rect))
      .map((cf) => new FakeConditionalFormat(this.context, () => cf).bind(cf));
  }

  /**
   * Removes the conditional formats within the range. Excel also cuts the range out of a format that only
   * partly overlaps it; the fake does not simulate that (NotImplemented) rather than get it wrong.
   */
  clearAll(): void {
    this.call('clearAll', [], (t) => {
      writable(t, 'ConditionalFormatCollection.clearAll');
      const within = (r: Rect): boolean =>
        r.top >= t.rect.top && r.bottom <= t.rect.bottom && r.left >= t.rect.left && r.right <= t.rect.right;
      const cfs = t.sheet.conditionalFormats;
      if (cfs.some((cf) => overlaps(cf.rect, t.rect) && !within(cf.rect))) {
        throw new FakeOfficeError(
          'NotImplemented',
          'The fake does not simulate clearing part of a conditional format.',
        );
      }
      t.sheet.conditionalFormats = cfs.filter((cf) => !within(cf.rect));
    });
  }

  add(type: string): FakeConditionalFormat {
    return new FakeConditionalFormat(
      this.context,
      () => {
        const t = this.live();
        writable(t, 'ConditionalFormatCollection.add');
        if (type !== 'Custom' && type !== 'DataBar') {
          throw new FakeOfficeError(
            'NotImplemented',
            `The fake does not simulate ${type} conditional formats.`,
          );
        }
        const cf: ConditionalFormatState = {
          id: this.context.state.nextId++,
          rect: { ...t.rect },
          type,
          stopIfTrue: false,
          custom: { formula: null, fill: null, fontColor: null },
          dataBar: { lowerBoundRule: null, upperBoundRule: null, fillColor: null, gradientFill: null },
        };
        t.sheet.conditionalFormats.unshift(cf); // Office adds at the top priority
        return cf;
      },
      { method: 'add', parent: this.proxyId, args: [type] },
    );
  }
}

/** A conditional format, and the nested objects (rule, format, fill, font, data bar) that write into it. */
export class FakeConditionalFormat extends FakeClientObject<ConditionalFormatState> {
  constructor(
    context: FakeContext,
    resolver: () => ConditionalFormatState | null,
    creation?: { method: string; parent?: number; args?: unknown[] },
  ) {
    super(context, resolver, creation);
  }

  protected get typeName(): string {
    return 'ConditionalFormat';
  }

  protected scalars(): Scalars<ConditionalFormatState> {
    return { type: (cf) => cf.type, stopIfTrue: (cf) => cf.stopIfTrue, id: (cf) => String(cf.id) };
  }

  get stopIfTrue(): boolean {
    return this.read('stopIfTrue');
  }
  set stopIfTrue(v: boolean) {
    this.write('stopIfTrue', v, (cf, value) => {
      cf.stopIfTrue = Boolean(value);
    });
  }

  get custom(): FakeCfPart {
    return this.child('custom', () => new FakeCfPart(this.context, () => this.resolve(), 'Custom', ''));
  }

  get dataBar(): FakeCfPart {
    return this.child('dataBar', () => new FakeCfPart(this.context, () => this.resolve(), 'DataBar', ''));
  }
}

/**
 * One nested object of a conditional format, named by its path: "" (custom / dataBar), "rule", "format",
 * "format/fill", "format/font", "positiveFormat". Each writes the properties it owns.
 */
export class FakeCfPart extends FakeClientObject<ConditionalFormatState> {
  constructor(
    context: FakeContext,
    resolver: () => ConditionalFormatState | null,
    private readonly kind: 'Custom' | 'DataBar',
    private readonly path: string,
  ) {
    super(context, resolver);
  }

  protected get typeName(): string {
    return `${this.kind}ConditionalFormat${this.path ? `/${this.path}` : ''}`;
  }

  protected scalars(): Scalars<ConditionalFormatState> {
    return {};
  }

  private part(path: string): FakeCfPart {
    return this.child(path, () => new FakeCfPart(this.context, () => this.resolve(), this.kind, path));
  }

  private assign(
    property: string,
    value: unknown,
    apply: (cf: ConditionalFormatState, v: unknown) => void,
  ): void {
    this.write(property, value, (cf, v) => {
      if (cf.type !== this.kind)
        throw invalidOperation(`This is a ${cf.type} format, not ${this.kind}.`, this.typeName);
      apply(cf, v);
    });
  }

  get rule(): FakeCfPart {
    return this.part('rule');
  }
  get format(): FakeCfPart {
    return this.part('format');
  }
  get fill(): FakeCfPart {
    return this.part('format/fill');
  }
  get font(): FakeCfPart {
    return this.part('format/font');
  }
  get positiveFormat(): FakeCfPart {
    return this.part('positiveFormat');
  }

  set formula(v: string) {
    this.assign('formula', v, (cf, value) => {
      if (typeof value !== 'string' || !value.startsWith('='))
        throw invalidArgument('A rule formula starts with "=".', 'rule.formula');
      cf.custom.formula = value;
    });
  }
  set color(v: string) {
    this.assign('color', v, (cf, value) => {
      const c = hexColor(value, `${this.typeName}.color`);
      if (this.path === 'format/fill') cf.custom.fill = c;
      else if (this.path === 'format/font') cf.custom.fontColor = c;
      else throw invalidArgument('No colour here.', this.typeName);
    });
  }
  set fillColor(v: string) {
    this.assign('fillColor', v, (cf, value) => {
      cf.dataBar.fillColor = hexColor(value, 'positiveFormat.fillColor');
    });
  }
  set gradientFill(v: boolean) {
    this.assign('gradientFill', v, (cf, value) => {
      cf.dataBar.gradientFill = Boolean(value);
    });
  }
  set lowerBoundRule(v: unknown) {
    this.assign('lowerBoundRule', v, (cf, value) => {
      cf.dataBar.lowerBoundRule = { ...(value as Record<string, unknown>) };
    });
  }
  set upperBoundRule(v: unknown) {
    this.assign('upperBoundRule', v, (cf, value) => {
      cf.dataBar.upperBoundRule = { ...(value as Record<string, unknown>) };
    });
  }
}

/** What a RangeAreas proxy stands for: rectangles of one sheet. */
export interface AreasTarget {
  sheet: SheetState;
  rects: Rect[];
}

/**
 * Cells of the range that are formulas or constants (Excel's SpecialCellType "Formulas" / "Constants"), as
 * rectangles. Only the cell value type "All" is simulated: the fake computes no formula results to filter on.
 */
function specialCellRects(t: RangeTarget, cellType: string, cellValueType: string, location: string): Rect[] {
  if (cellType !== 'Formulas' && cellType !== 'Constants') {
    throw new FakeOfficeError('NotImplemented', `The fake does not simulate special cells "${cellType}".`);
  }
  if (cellValueType !== 'All') {
    throw new FakeOfficeError(
      'NotImplemented',
      `The fake does not simulate cell value type "${cellValueType}".`,
      location,
    );
  }
  const cells: { row: number; col: number }[] = [];
  for (const [key, content] of t.sheet.cells) {
    const row = Math.floor(key / MAX_COLUMNS);
    const col = key % MAX_COLUMNS;
    if (!contains(t.rect, row, col)) continue;
    const isFormula = content.formula !== null;
    if (cellType === 'Formulas' ? isFormula : !isFormula && content.value !== null) cells.push({ row, col });
  }
  return rectsCovering(cells);
}

/** Excel.RangeAreas: the address ("Sheet1!A1:B4,Sheet1!D1:D4"), area count and cell count. */
export class FakeRangeAreas extends FakeClientObject<AreasTarget> {
  constructor(
    context: FakeContext,
    resolver: () => AreasTarget | null,
    creation: { method: string; parent?: number; args?: unknown[] },
  ) {
    super(context, resolver, creation);
  }

  protected get typeName(): string {
    return 'RangeAreas';
  }

  protected override assertAlive(t: AreasTarget): void {
    if (t.sheet.deleted) throw itemNotFound(`The sheet "${t.sheet.name}" was deleted.`, 'RangeAreas');
  }

  protected scalars(): Scalars<AreasTarget> {
    return {
      address: (t) => t.rects.map((r) => `${quoteSheetName(t.sheet.name)}!${rectToAddress(r)}`).join(','),
      areaCount: (t) => t.rects.length,
      cellCount: (t) => t.rects.reduce((n, r) => n + rectCells(r), 0),
    };
  }

  get address(): string {
    return this.read('address');
  }
  get areaCount(): number {
    return this.read('areaCount');
  }
  get cellCount(): number {
    return this.read('cellCount');
  }
}
