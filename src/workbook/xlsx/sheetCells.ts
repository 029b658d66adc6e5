/**
 * A sheet's cells as the .xlsx adapter writes them, straight from the SheetSpec: which cells the sheet holds,
 * what each holds (a value, an error value, a formula, part of a table's calculated column) and its style,
 * and the <row> elements of its <sheetData> as text. ExcelJS writes only the sheet's frame (columns,
 * validations, conditional formats, page setup) and one sample cell per distinct style, whose cell format
 * scratchSheet.ts renumbers into the user's stylesheet; building ExcelJS's model of every cell and parsing
 * its XML back cost seconds and hundreds of MB on a 20,000-row tracker.
 *
 * The text is the one ExcelJS's worksheet gave once fitted to the workbook (shared strings made inline, cell
 * formats renumbered, auto heights without customHeight), byte for byte: the same cells, in the same order,
 * with the same attributes and the same escaping (test/xlsx/sheetCells.test.ts compares it with fixtures
 * the ExcelJS path wrote).
 */
import { colToLetters, MAX_COLUMNS, type RangeRef } from '../../domain/a1';
import type { CellStyle, CellValue, SheetSpec } from '../../sheets/spec';
import { escapeCellText } from './ooxmlEscapes';

/** What a cell holds besides a plain value of `SheetSpec.cells`. */
type Special =
  | { kind: 'error'; error: string }
  | { kind: 'formula'; text: string; result?: string | number }
  /** The top cell of a table's calculated column, which holds the formula shared down the column. */
  | { kind: 'sharedMaster'; text: string; ref: string }
  /** A cell below it, by the top cell's place. */
  | { kind: 'sharedClone'; master: number };

/** A formula without its "=" and surrounding spaces, as a worksheet part holds it. */
export function stripEquals(formula: string): string {
  const trimmed = formula.trim();
  return trimmed.startsWith('=') ? trimmed.slice(1) : trimmed;
}

/** A cell's place in a merge's cover (sheetWriter.ts checkMerges): row * MAX_COLUMNS + column. */
const key = (row: number, col: number): number => row * MAX_COLUMNS + col;

/**
 * A sheet's cells and their styles, row by row. Styles are interned: `styles[i]` is a distinct style, and
 * each styled cell holds its index; cells of one style share one cell format.
 */
export class SheetCells {
  /** Distinct styles, in the order they were first made. */
  readonly styles: CellStyle[] = [];
  private readonly styleIds = new Map<string, number>();
  /** The style of each styled cell: row → column → style. */
  private readonly styleOf: ((number | undefined)[] | undefined)[] = [];
  /** What a cell holds besides its value in `spec.cells`: row → column → it. */
  private readonly special: (Special[] | undefined)[] = [];
  /** The style a cell is first given: the sheet's default font, or nothing. */
  private readonly baseStyle: number;
  /** Shared formulas' ids by their top cell, numbered as the rows are written (as ExcelJS numbers them). */
  private readonly sharedIds = new Map<number, number>();

  constructor(private readonly spec: SheetSpec) {
    this.baseStyle = this.intern(spec.defaultFont ? { font: { ...spec.defaultFont } } : {});
  }

  private intern(style: CellStyle): number {
    const k = JSON.stringify(style);
    let id = this.styleIds.get(k);
    if (id === undefined) {
      id = this.styles.length;
      this.styles.push(style);
      this.styleIds.set(k, id);
    }
    return id;
  }

  /** Gives the cell the sheet's default font when it has one (a cell with a value has it). */
  private touch(row: number, col: number): void {
    if (!this.spec.defaultFont) return;
    const styles = (this.styleOf[row] ??= []);
    if (styles[col] === undefined) styles[col] = this.baseStyle;
  }

  private setSpecial(row: number, col: number, special: Special): void {
    (this.special[row] ??= [])[col] = special;
  }

  /** The sheet's values and error values, in the order a later one replaces an earlier one. */
  addValues(errors: { row: number; col: number; error: string }[]): void {
    this.spec.cells.forEach((rowValues, r) => {
      rowValues.forEach((value, c) => {
        if (value !== null && value !== undefined) this.touch(r, c);
      });
    });
    for (const e of errors) {
      this.setSpecial(e.row, e.col, { kind: 'error', error: e.error });
      this.touch(e.row, e.col);
    }
  }

  /**
   * A formula as the spec gives it ("=" and surrounding spaces allowed), made bare only when it is written: a
   * table's calculated column replaces the formulas of its cells, and a 20,000-row tracker's were each trimmed
   * (so flattened) for nothing.
   */
  addFormula(row: number, col: number, text: string, result: string | number | undefined): void {
    this.setSpecial(
      row,
      col,
      result === undefined ? { kind: 'formula', text } : { kind: 'formula', text, result },
    );
    this.touch(row, col);
  }

  /** A table's calculated column, rows `first` to `last` of column `col`: shared when more than one cell. */
  addCalculatedColumn(first: number, last: number, col: number, text: string, ref: string): void {
    if (first === last) {
      this.setSpecial(first, col, { kind: 'formula', text });
    } else {
      const master = key(first, col);
      this.setSpecial(first, col, { kind: 'sharedMaster', text, ref });
      for (let r = first + 1; r <= last; r += 1) this.setSpecial(r, col, { kind: 'sharedClone', master });
    }
    for (let r = first; r <= last; r += 1) this.touch(r, col);
  }

  /** A style run laid over its range, property by property (`add` from setPartsOnly). */
  addStyleRun(range: RangeRef, add: CellStyle, merge: (target: CellStyle, add: CellStyle) => void): void {
    // A style id → the id once the run is laid over it: each distinct style is merged once, not once per cell.
    const after: number[] = [];
    const next = (from: number): number => {
      let to = after[from];
      if (to === undefined) {
        const style: CellStyle = { ...this.styles[from] };
        merge(style, add);
        to = this.intern(style);
        after[from] = to;
      }
      return to;
    };
    for (let r = range.start.row; r <= range.end.row; r += 1) {
      const styles = (this.styleOf[r] ??= []);
      for (let c = range.start.col; c <= range.end.col; c += 1) styles[c] = next(styles[c] ?? this.baseStyle);
    }
  }

  /**
   * A cell a merge covers shows nothing of its own but its border and fill (the merge shows its top-left
   * cell): without either, and empty, it is not written. On the report's grid this is 14,483 of 15,540 cells.
   */
  dropMergedAway(mergedAway: ReadonlySet<number>, keep: (style: CellStyle) => boolean): void {
    for (const k of mergedAway) {
      const row = Math.floor(k / MAX_COLUMNS);
      const col = k - row * MAX_COLUMNS;
      const styles = this.styleOf[row];
      const id = styles?.[col];
      if (!styles || id === undefined || this.special[row]?.[col] || keep(this.styles[id])) continue;
      const value = this.spec.cells[row]?.[col];
      if (value !== null && value !== undefined) continue;
      styles[col] = undefined;
    }
  }

  /** The styles the written cells use, each once. */
  usedStyles(): number[] {
    const used = new Set<number>();
    for (const styles of this.styleOf)
      if (styles) for (const id of styles) if (id !== undefined) used.add(id);
    return [...used].sort((a, b) => a - b);
  }

  /**
   * The <row> elements of <sheetData> as text, in pieces of about `chunk` characters, and the used range.
   * Small pieces (16K characters) are cheaper to encode than big ones: a piece is a rope of many small
   * strings, flattened when it is encoded, and from 64K characters of Vietnamese (UTF-16, 128 KB) the flat
   * copy is a large object of its own; on a 20,000-row rollover 1M-character pieces cost 300 ms more.
   * `xf` gives a style's cell format in the workbook (undefined: no `s` attribute; the cell format ExcelJS
   * numbers 0), called in the order of the cells, first use first, as the stylesheet's new entries are added.
   */
  writeRows(
    xf: (style: number) => number | undefined,
    prefix: string,
    emit: (text: string) => void,
    chunk = 1 << 14,
  ): { top: number; left: number; bottom: number; right: number } | undefined {
    const spec = this.spec;
    const heights = rowHeights(spec);
    const autoRows = spec.autoHeightRows?.length ? new Set(spec.autoHeightRows) : undefined;
    const letters: string[] = [];
    const xfs: (number | undefined | null)[] = [];
    const xfOf = (id: number): number | undefined => {
      let found = xfs[id];
      if (found === undefined) {
        found = xf(id) ?? null;
        xfs[id] = found;
      }
      return found ?? undefined;
    };
    const used = { top: Infinity, left: Infinity, bottom: -1, right: -1 };
    let out = '';
    let h = 0;
    const rowOpen = (row: number, min: number, max: number): string => {
      const n = row + 1;
      const height = heights.byRow[n];
      let s = `<${prefix}row r="${n}"`;
      if (height) {
        // A number's text holds nothing XML escapes.
        s += ` ht="${height}"`;
        if (!spec.autoRowHeights && !autoRows?.has(n)) s += ' customHeight="1"';
      }
      if (min >= 0) s += ` spans="${min + 1}:${max + 1}"`;
      return `${s} x14ac:dyDescent="0.25"`;
    };
    const flush = (): void => {
      if (out.length >= chunk) {
        emit(out);
        out = '';
      }
    };
    /** Rows with a height and no cells before `row`. */
    const heightRowsBefore = (row: number): void => {
      while (h < heights.order.length && heights.order[h] - 1 < row) {
        out += `${rowOpen(heights.order[h] - 1, -1, -1)}/>`;
        h += 1;
        flush();
      }
    };
    const rows = Math.max(spec.cells.length, this.styleOf.length, this.special.length);
    for (let row = 0; row < rows; row += 1) {
      const { cells, min, max } = this.rowCells(row, xfOf, letters, used, prefix);
      if (min < 0) continue;
      heightRowsBefore(row);
      if (h < heights.order.length && heights.order[h] - 1 === row) h += 1;
      out += cells ? `${rowOpen(row, min, max)}>${cells}</${prefix}row>` : `${rowOpen(row, min, max)}/>`;
      flush();
    }
    heightRowsBefore(Infinity);
    if (out) emit(out);
    return used.bottom < 0 ? undefined : used;
  }

  /**
   * One row's <c> elements, and its first and last cell (-1 for a row without any): the cells ExcelJS's row
   * model held, a cell it does not write (empty, format 0) among them. `used` grows by the cells written.
   */
  private rowCells(
    row: number,
    xfOf: (style: number) => number | undefined,
    letters: string[],
    used: { top: number; left: number; bottom: number; right: number },
    prefix: string,
  ): { cells: string; min: number; max: number } {
    const values = this.spec.cells[row];
    const styles = this.styleOf[row];
    const specials = this.special[row];
    const width = Math.max(values?.length ?? 0, styles?.length ?? 0, specials?.length ?? 0);
    let min = -1;
    let max = -1;
    let cells = '';
    for (let col = 0; col < width; col += 1) {
      const value = values?.[col];
      const style = styles?.[col];
      const special = specials?.[col];
      if (style === undefined && special === undefined && (value === null || value === undefined)) continue;
      if (min < 0) min = col;
      max = col;
      const s = style === undefined ? undefined : xfOf(style);
      const ref = `${(letters[col] ??= colToLetters(col))}${row + 1}`;
      const cell = special
        ? this.specialText(row, col, special, ref, s, prefix)
        : valueText(value, ref, s, prefix);
      if (!cell) continue;
      cells += cell;
      if (row < used.top) used.top = row;
      used.bottom = row;
      if (col < used.left) used.left = col;
      if (col > used.right) used.right = col;
    }
    return { cells, min, max };
  }

  /** The <c> element of a cell with an error value or a formula. */
  private specialText(
    row: number,
    col: number,
    special: Special,
    ref: string,
    s: number | undefined,
    p: string,
  ): string {
    const open = `<${p}c r="${ref}"${s === undefined ? '' : ` s="${s}"`}`;
    const close = `</${p}c>`;
    switch (special.kind) {
      case 'error':
        return `${open} t="e"><${p}v>${exceljsEncode(special.error)}</${p}v>${close}`;
      case 'formula': {
        const f = `<${p}f>${exceljsEncode(stripEquals(special.text))}</${p}f>`;
        if (special.result === undefined) return `${open}>${f}${close}`;
        const v = `<${p}v>${exceljsEncode(String(special.result))}</${p}v>`;
        return typeof special.result === 'string'
          ? `${open} t="str">${f}${v}${close}`
          : `${open}>${f}${v}${close}`;
      }
      case 'sharedMaster': {
        // Every top cell comes before the cells below it, in the order rows are written.
        const si = this.sharedIds.size;
        this.sharedIds.set(key(row, col), si);
        const text = exceljsEncode(special.text);
        return `${open}><${p}f t="shared" ref="${special.ref}" si="${si}">${text}</${p}f>${close}`;
      }
      case 'sharedClone':
        return `${open}><${p}f t="shared" si="${this.sharedIds.get(special.master)}"/>${close}`;
    }
  }
}

/** The <c> element of a cell with a plain value (or none), or '' for one ExcelJS does not write (empty, format 0). */
function valueText(value: CellValue | undefined, ref: string, s: number | undefined, p: string): string {
  const open = `<${p}c r="${ref}"${s === undefined ? '' : ` s="${s}"`}`;
  if (value === null || value === undefined) return s === undefined ? '' : `${open}/>`;
  if (typeof value === 'number') return `${open}><${p}v>${String(value)}</${p}v></${p}c>`;
  if (typeof value === 'boolean') return `${open} t="b"><${p}v>${value ? '1' : '0'}</${p}v></${p}c>`;
  return `${open} t="inlineStr">${inlineStringText(String(value), p)}</${p}c>`;
}

/** The valid row heights of the spec, by 1-based row, and those rows in order. */
function rowHeights(spec: SheetSpec): { byRow: (number | undefined)[]; order: number[] } {
  const byRow: (number | undefined)[] = [];
  const given: Record<string, number> = spec.rowHeights ?? {};
  for (const row of Object.keys(given)) {
    const n = Number(row);
    const height = given[row];
    if (Number.isInteger(n) && n >= 1 && Number.isFinite(height)) byRow[n] = height;
  }
  // A row of height 0 and no cells is not written (ExcelJS writes a row with cells or a height).
  const order: number[] = [];
  byRow.forEach((height, n) => {
    if (height) order.push(n);
  });
  return { byRow, order };
}

/**
 * Text as ExcelJS writes it into XML: the five entities escaped, and the characters XML cannot hold (C0
 * controls other than tab, line feed and carriage return, and DEL) dropped.
 */
function exceljsEncode(text: string): string {
  // eslint-disable-next-line no-control-regex
  return text.replace(/[<>&'"\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f]/g, (ch) => {
    switch (ch) {
      case '<':
        return '&lt;';
      case '>':
        return '&gt;';
      case '&':
        return '&amp;';
      case "'":
        return '&apos;';
      case '"':
        return '&quot;';
      default:
        return '';
    }
  });
}

// eslint-disable-next-line no-control-regex
const DROPPED = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f]/g;
/** A text that needs none of the steps below: no character dropped or escaped, no space to preserve. */
// eslint-disable-next-line no-control-regex
const PLAIN = /^[^\u0000-\u001f\u007f&<>_\ufffe\uffff]*$/;

/**
 * <is><t>…</t></is> for a string cell: the text ExcelJS's shared string held (its dropped characters gone),
 * with OOXML's escapes, as cellUpdates.ts's inlineString writes it.
 */
function inlineStringText(value: string, p: string): string {
  if (PLAIN.test(value) && !/^\s|\s$/.test(value)) return `<${p}is><${p}t>${value}</${p}t></${p}is>`;
  const text = value.replace(DROPPED, '');
  const space = /^\s|\s$|\n/.test(text) ? ' xml:space="preserve"' : '';
  const escaped = escapeCellText(text).replace(/[&<>]/g, (ch) =>
    ch === '&' ? '&amp;' : ch === '<' ? '&lt;' : '&gt;',
  );
  return `<${p}is><${p}t${space}>${escaped}</${p}t></${p}is>`;
}
