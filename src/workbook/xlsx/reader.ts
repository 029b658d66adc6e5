/**
 * Reads the used ranges of worksheets: values, formulas and number formats, in one pass over each sheet's XML
 * text (no tree, no ExcelJS), with the workbook's cell formats and shared strings read first.
 *
 * What it gives is what the reader gave when ExcelJS parsed the sheets (test/xlsx/readerOracle.test.ts holds
 * the two to the same answer over the corpus, the hostile files and generated trackers), apart from the cases
 * where ExcelJS was wrong and this reader follows the format: a shared string's _xHHHH_ escapes decoded once,
 * not twice; a phonetic guide left out of an inline string; a `t="d"` cell read as its date, not its year; a
 * text result of a formula in a date-formatted cell kept as text; a number too large to be a day read as typed.
 * Merged areas are not looked at: the cells of a merged area other than its top-left read as empty, as they do
 * in Excel, since files store nothing there.
 *
 * The used range is Excel's (what Office.js gives for getUsedRange(false), which the Office adapter reads):
 * every cell that holds a value or a formula, or has a cell format of its own.
 */
import type { RawCell, RawSheet } from '../port';
import { formatRange, parseA1Range, scanCellRef } from '../../domain/a1';
import { EXCEL, FILE_LIMITS } from '../limits';
import { type Book, protectionOn, rememberProtection, type SheetEntry } from './book';
import { type CellFormats, NO_CELL_FORMATS, readCellFormats } from './cellFormats';
import { decodeText, Package, REL } from './opc';
import { attribute, elementText, readAttributes, scanTags, type Tag } from './tagScan';
import { limitExceeded, readingPart, unreadable } from './unreadable';
import { getAttr, localName, XmlError } from './xml';
import { shiftFormula } from './formula';
import { decodeOoxmlEscapes } from './ooxmlEscapes';
import { readSharedStrings } from './sharedStrings';

/**
 * The parts the reader needs for `entries`: their worksheets, the styles and the shared strings. Callers
 * unzip these before readWorksheets.
 */
export function partsToRead(pkg: Package, book: Book, entries: SheetEntry[]): string[] {
  const parts = entries.map((e) => e.part).filter((p): p is string => !!p);
  for (const type of [REL.styles, REL.sharedStrings]) {
    const part = pkg.relatedPart(book.workbookPart, type);
    if (part) parts.push(part);
  }
  for (const entry of entries) if (entry.part) parts.push(...pkg.relatedParts(entry.part, REL.table));
  return parts;
}

/**
 * Reads the used ranges of worksheets. The limits are counted before anything is held for them: more than
 * FILE_LIMITS.maxReadBytes of XML in all, more than maxCellsRead cells, shared strings and cell formats, a
 * cell beyond Excel's grid or too deep a nesting refuse the file. Throws UnreadableWorkbookError.
 */
export async function readWorksheets(pkg: Package, book: Book, entries: SheetEntry[]): Promise<RawSheet[]> {
  if (!entries.length) return [];
  let cellsRead = 0;
  let readBytes = 0;
  const readPart = (part: string): string => {
    const bytes = pkg.bytes(part);
    readBytes += bytes.length;
    if (readBytes > FILE_LIMITS.maxReadBytes) throw limitExceeded('readBytes', { found: readBytes });
    return decodeText(bytes);
  };
  const scans = entries.map((entry) => {
    const part = entry.part as string;
    const scan = readingPart(part, () => scanSheet(readPart(part), entry.name, true));
    rememberProtection(pkg.bytes(part), scan.protected);
    cellsRead += scan.cells.length / 2;
    if (cellsRead > FILE_LIMITS.maxCellsRead) throw limitExceeded('cellsRead', { found: cellsRead });
    return scan;
  });
  const source: CellSource = { formats: NO_CELL_FORMATS, strings: [], date1904: book.date1904 };
  for (const type of [REL.styles, REL.sharedStrings]) {
    const part = pkg.relatedPart(book.workbookPart, type);
    if (!part) continue;
    const text = readPart(part);
    // Each shared string or cell format is an object the reader holds, as each cell is.
    cellsRead += readingPart(part, () => countElements(text, type === REL.styles ? STYLE_ITEMS : ['si']));
    if (cellsRead > FILE_LIMITS.maxCellsRead) throw limitExceeded('cellsRead', { found: cellsRead });
    if (type === REL.styles) source.formats = readingPart(part, () => readCellFormats(text));
    else source.strings = readingPart(part, () => readSharedStrings(text));
  }
  return entries.map((entry, i) => {
    const sheet = toRawSheet(scans[i], entry.name, source);
    sheet.tables = readTables(pkg, entry);
    return sheet;
  });
}

/** What a sheet's cells are read with: the workbook's cell formats, shared strings and date system. */
interface CellSource {
  formats: CellFormats;
  strings: (string | null)[];
  date1904: boolean;
}

/** Elements of a stylesheet that the reader holds one object for each. */
const STYLE_ITEMS = ['numFmt', 'font', 'fill', 'border', 'xf', 'cellStyle', 'dxf'];

/** How many start tags in `text` have one of these local names (one linear pass). */
function countElements(text: string, names: readonly string[]): number {
  let count = 0;
  scanTags(text, (tag) => {
    if (!tag.closing && names.includes(tag.name)) count += 1;
  });
  return count;
}

/** What one pass over a worksheet's XML tells (scanSheet). */
export interface SheetScan {
  /** The used range's last row and column (1-based; 0 when the sheet is empty). */
  lastRow: number;
  lastCol: number;
  /** Rows (1-based) marked hidden. */
  hiddenRows: number[];
  /** Row and column of every stored cell, in document order, as pairs: [row, col, row, col, …]. */
  cells: number[];
  /** For each row that stores a cell with content, the last such cell's column. */
  contentEnd: Map<number, number>;
  /** Sheet protection is on (<sheetProtection sheet="1">). */
  protected: boolean;
  /** What each stored cell holds, in the order of `cells` (when the scan was asked to keep it). */
  stored?: StoredCells;
}

/** The stored cells as the sheet's XML has them, before the workbook's strings and formats are applied. */
export interface StoredCells {
  /** Its `t` (undefined: a number). */
  types: (string | undefined)[];
  /** Its <v>'s text, or an inline string's <t> text; undefined when it has none. */
  texts: (string | undefined)[];
  /** "=…" for a formula (a shared formula's dependent translated from its master), else null. */
  formulas: (string | null)[];
  /** Its cell format (`s`); 0 when it has none. */
  xfs: number[];
  /** Rows' own cell formats (`s` of <row>), by row. */
  rowXfs: Map<number, number>;
  /** <col> ranges with a cell format, as [min, max, xf] triples in document order. */
  colXfs: number[];
}

/** The used range, as before scanSheet took over (kept for the tests that pin Excel's counting). */
export function scanExtent(text: string): { lastRow: number; lastCol: number; hiddenRows: number[] } {
  const { lastRow, lastCol, hiddenRows } = scanSheet(text, '');
  return { lastRow, lastCol, hiddenRows };
}

/**
 * One linear pass over a worksheet's XML: the used range (cells with content — a value, formula or inline
 * string — or with a cell format other than the default), hidden rows, where each stored cell is, the
 * protection flag, and with `keep` what each cell holds. Positions left out by the producer follow from the
 * previous row or cell, as the format says. A row past 1,048,576 or a column past XFD (in a cell or a <col>)
 * is refused (UnreadableWorkbookError) before anything is allocated for it; so is nesting deeper than
 * FILE_LIMITS.maxXmlDepth (XmlDepthError), and an end tag that closes another element than the one open, or
 * an element never closed (XmlError: the file is damaged).
 */
export function scanSheet(text: string, sheet: string, keep = false): SheetScan {
  const scanner = new SheetScanner(text, sheet, keep);
  scanTags(text, (tag) => scanner.visit(tag));
  return scanner.finish();
}

const CELL_ATTRIBUTES = ['r', 's', 't'] as const;
const FORMULA_ATTRIBUTES = ['t', 'ref', 'si'] as const;

/** One scanSheet pass: where it is in the sheet data, and what it knows of the cell still open. */
class SheetScanner {
  private readonly scan: SheetScan = {
    lastRow: 0,
    lastCol: 0,
    hiddenRows: [],
    cells: [],
    contentEnd: new Map(),
    protected: false,
  };
  private readonly stored: StoredCells | undefined;
  /** The local names of the open elements, outermost first. */
  private readonly open: string[] = [];
  private inSheetData = false;
  private row = 0;
  private col = 0;
  /** Depth of the open <c>, 0 when none. */
  private cellDepth = 0;
  private used = false;
  private content = false;
  private formula = false;
  // What the open cell holds (kept only with `keep`).
  private type: string | undefined;
  private xf = 0;
  private value: string | undefined;
  private inline: string | undefined;
  private formulaText: string | undefined;
  private formulaType: string | undefined;
  private formulaRef: string | undefined;
  private formulaShare: string | undefined;
  /** Within the open cell's <is>, and within its phonetic guide (<rPh>). */
  private inInline = false;
  private phonetic = 0;
  /** Attributes read in one pass: the open cell's r, s and t, or its <f>'s t, ref and si. */
  private readonly cellAttributes: (string | undefined)[] = [];
  /** Shared formulas' masters by their `si`: the text and where it stands. */
  private readonly masters = new Map<string, { text: string; row: number; col: number }>();

  constructor(
    private readonly text: string,
    private readonly sheet: string,
    keep: boolean,
  ) {
    if (keep)
      this.stored = this.scan.stored = {
        types: [],
        texts: [],
        formulas: [],
        xfs: [],
        rowXfs: new Map(),
        colXfs: [],
      };
  }

  visit(tag: Tag): void {
    this.balance(tag);
    switch (tag.name) {
      case 'sheetData':
        if (this.cellDepth) this.finishCell();
        this.inSheetData = !tag.closing && !tag.selfClosing;
        return;
      case 'row':
        if (!this.inSheetData) return;
        if (this.cellDepth) this.finishCell();
        if (!tag.closing) this.startRow(tag);
        return;
      case 'c':
        if (!this.inSheetData) return;
        if (this.cellDepth) this.finishCell();
        if (!tag.closing) this.startCell(tag);
        return;
      case 'v':
      case 'f':
      case 'is':
        if (!this.cellDepth || tag.depth !== this.cellDepth + 1) return;
        if (tag.name === 'is') this.inInline = !tag.closing && !tag.selfClosing;
        if (!tag.closing) this.cellContent(tag);
        return;
      case 'rPh':
        if (this.inInline && !tag.selfClosing) this.phonetic += tag.closing ? -1 : 1;
        return;
      case 't':
        if (this.inInline && this.stored && !tag.closing && !this.phonetic)
          this.inline = (this.inline ?? '') + (tag.selfClosing ? '' : elementText(this.text, tag.end));
        return;
      case 'col':
        if (!tag.closing) this.column(tag);
        return;
      case 'sheetProtection':
        if (!tag.closing) this.scan.protected = protectionOn((name) => attribute(this.text, tag, name));
        return;
    }
  }

  finish(): SheetScan {
    if (this.cellDepth) this.finishCell();
    if (this.open.length) throw new XmlError(`<${this.open[this.open.length - 1]}> is not closed`);
    return this.scan;
  }

  /** Every end tag closes the element open last (the depth is bounded, so is the list). */
  private balance(tag: Tag): void {
    if (tag.selfClosing) return;
    if (!tag.closing) this.open.push(tag.name);
    else if (this.open.pop() !== tag.name) throw new XmlError(`</${tag.name}> closes another element`);
  }

  private beyond(limit: 'rows' | 'columns', found: number): never {
    throw limitExceeded(limit, { sheet: this.sheet || undefined, found });
  }

  private column(tag: Tag): void {
    const bounds = [0, 0];
    ['min', 'max'].forEach((name, i) => {
      const v = Number(attribute(this.text, tag, name) ?? 0);
      if (v > EXCEL.maxColumns) this.beyond('columns', v);
      bounds[i] = v;
    });
    const style = this.stored && parseInt(attribute(this.text, tag, 'style') ?? '', 10);
    if (style) this.stored?.colXfs.push(bounds[0], bounds[1], style);
  }

  private startRow(tag: Tag): void {
    const r = attribute(this.text, tag, 'r');
    if (r !== undefined) {
      if (!/^\s*\d{1,16}\s*$/.test(r) || Number(r) < 1)
        throw unreadable({ kind: 'damaged', part: undefined });
      this.row = Number(r);
    } else this.row += 1;
    if (this.row > EXCEL.maxRows) this.beyond('rows', this.row);
    this.col = 0;
    const hidden = attribute(this.text, tag, 'hidden');
    if (hidden === '1' || hidden === 'true') this.scan.hiddenRows.push(this.row);
    const style = this.stored && parseInt(attribute(this.text, tag, 's') ?? '', 10);
    if (style) this.stored?.rowXfs.set(this.row, style);
  }

  private startCell(tag: Tag): void {
    const found = this.cellAttributes;
    readAttributes(this.text, tag, CELL_ATTRIBUTES, found);
    const [r, s] = found;
    if (r !== undefined) {
      const at = scanCellRef(r);
      if (!at) throw unreadable({ kind: 'damaged' });
      if (at.row > EXCEL.maxRows) this.beyond('rows', at.row);
      this.col = at.col;
    } else this.col += 1;
    this.formula = false;
    if (this.col > EXCEL.maxColumns) this.beyond('columns', this.col);
    this.used = !!s && s !== '0';
    this.content = false;
    this.scan.cells.push(this.row, this.col);
    if (this.stored) {
      this.type = found[2];
      this.xf = (s && parseInt(s, 10)) || 0;
      this.value = this.inline = this.formulaText = this.formulaType = undefined;
      this.formulaRef = this.formulaShare = undefined;
      this.inInline = false;
      this.phonetic = 0;
    }
    if (tag.selfClosing) this.finishCell();
    else this.cellDepth = tag.depth;
  }

  /** A <v>, <f> or <is> of the open cell. */
  private cellContent(tag: Tag): void {
    this.content = true;
    if (tag.name === 'f') this.formula = true;
    if (!this.stored) return;
    if (tag.name === 'f') {
      const found = this.cellAttributes;
      readAttributes(this.text, tag, FORMULA_ATTRIBUTES, found);
      [this.formulaType, this.formulaRef, this.formulaShare] = found;
      if (!tag.selfClosing) this.formulaText = elementText(this.text, tag.end);
    } else if (tag.name === 'v' && !tag.selfClosing) this.value = elementText(this.text, tag.end);
  }

  private finishCell(): void {
    const { scan, row, col } = this;
    if (this.content || this.used) {
      if (row > scan.lastRow) scan.lastRow = row;
      if (col > scan.lastCol) scan.lastCol = col;
    }
    if (this.content && col > (scan.contentEnd.get(row) ?? 0)) scan.contentEnd.set(row, col);
    if (this.stored) this.keepCell();
    this.cellDepth = 0;
    this.inInline = false;
  }

  /** What the open cell holds, as stored; a shared formula's dependent gets its master's formula, moved. */
  private keepCell(): void {
    const stored = this.stored as StoredCells;
    const { row, col } = this;
    let formula: string | null = null;
    // An <f> makes a formula when it has text or a kind (a shared formula's dependent has only `si`).
    if (this.formula && (this.formulaText || this.formulaType)) {
      let text = this.formulaText ?? '';
      const share = this.formulaShare;
      if (this.formulaType === 'shared' && share !== undefined) {
        if (this.formulaRef) this.masters.set(share, { text, row, col });
        else if (!text) {
          const master = this.masters.get(share);
          if (master?.text) text = shiftFormula(master.text, row - master.row, col - master.col);
        }
      }
      if (text.length > EXCEL.maxFormulaChars)
        throw limitExceeded('formulaChars', { sheet: this.sheet, found: text.length });
      formula = `=${text}`;
    }
    stored.types.push(this.type);
    stored.texts.push(this.type === 'inlineStr' ? (this.inline ?? this.value) : this.value);
    stored.formulas.push(formula);
    stored.xfs.push(this.xf);
  }
}

/** Above this many cells in the used range, a sheet is read sparsely (see toRawSheet). */
const DENSE_CELL_LIMIT = 2_000_000;

/**
 * The sheet's grid from its stored cells, in time and memory proportional to the cells the file stores (and
 * the grid's size): empty cells are filled in with the row's or column's number format, as Excel reports them,
 * without creating a cell for each.
 *
 * A used range of more than DENSE_CELL_LIMIT cells (one formatted cell at N1048576, or a formatted cell in
 * column XFD on every row, say) is read sparsely: rows that hold no value or formula come back empty ([]),
 * and each other row stops at its last value or formula. Either way a grid past FILE_LIMITS.maxGridCells is
 * refused, as Excel on the web refuses to read more than 5 million cells at once.
 */
function toRawSheet(scan: SheetScan, sheet: string, source: CellSource): RawSheet {
  const { lastRow, lastCol } = scan;
  const stored = scan.stored as StoredCells;
  const { formats } = source;
  const sparse = lastRow * lastCol > DENSE_CELL_LIMIT;
  let gridCells = 0;
  if (!sparse) gridCells = lastRow * lastCol;
  else for (const end of scan.contentEnd.values()) if (end) gridCells += end;
  if (gridCells > FILE_LIMITS.maxGridCells) throw limitExceeded('gridCells', { sheet, found: gridCells });

  const columnFormats = columnNumberFormats(stored.colXfs, lastCol, formats);
  const values: RawCell[][] = [];
  const formulas: (string | null)[][] = [];
  const numberFormats: string[][] = [];
  for (let r = 1; r <= lastRow; r += 1) {
    const width = sparse ? (scan.contentEnd.get(r) ?? 0) : lastCol;
    const rowXf = width ? stored.rowXfs.get(r) : undefined;
    const rowFormat = rowXf === undefined ? undefined : formats.numberFormat(rowXf);
    const rowFormats: string[] = new Array<string>(width);
    for (let c = 1; c <= width; c += 1) rowFormats[c - 1] = rowFormat ?? columnFormats[c] ?? 'General';
    values.push(new Array<RawCell>(width).fill(null));
    formulas.push(new Array<string | null>(width).fill(null));
    numberFormats.push(rowFormats);
  }
  const { cells } = scan;
  for (let i = 0; i < cells.length; i += 2) {
    const r = cells[i];
    const c = cells[i + 1];
    if (r < 1 || r > lastRow || c < 1 || c > values[r - 1].length) continue;
    const at = i / 2;
    const xf = stored.xfs[at];
    const formula = stored.formulas[at];
    const text = stored.texts[at];
    // A cell with nothing in it and no format of its own is as if not stored: the row's or column's format.
    if (formula === null && !text && !xf) continue;
    const type = stored.types[at];
    const date = formats.isDate(xf);
    const value =
      formula === null ? storedValue(type, text, date, source) : formulaResult(type, text, date, source);
    if (typeof value === 'string' && value.length > EXCEL.maxCellChars)
      throw limitExceeded('cellChars', { sheet, found: value.length });
    values[r - 1][c - 1] = value;
    formulas[r - 1][c - 1] = formula;
    numberFormats[r - 1][c - 1] = formats.numberFormat(xf) || 'General';
  }
  return { name: sheet, values, formulas, numberFormats, hiddenRows: scan.hiddenRows, tables: [] };
}

/**
 * Each column's number format (1-based, up to `lastCol`), from the <col> ranges with a cell format: sorted by
 * where they start, the first to cover a column gives it (ranges that overlap an earlier one are cut).
 */
function columnNumberFormats(
  colXfs: readonly number[],
  lastCol: number,
  formats: CellFormats,
): (string | undefined)[] {
  const ranges: [number, number, number][] = [];
  for (let i = 0; i < colXfs.length; i += 3) ranges.push([colXfs[i], colXfs[i + 1], colXfs[i + 2]]);
  ranges.sort((a, b) => a[0] - b[0]);
  const out: (string | undefined)[] = [];
  let next = 1;
  for (const [min, max, xf] of ranges) {
    next = Math.max(next, min);
    const format = formats.numberFormat(xf);
    for (; next <= Math.min(max, lastCol); next += 1) out[next] = format;
    next = Math.max(next, max + 1);
  }
  return out;
}

/** A cell without a formula: its text read by its type; numbers in a date-formatted cell as the day they are. */
function storedValue(
  type: string | undefined,
  text: string | undefined,
  date: boolean,
  source: CellSource,
): RawCell {
  if (text === undefined || text === '') return null;
  switch (type) {
    case 's': {
      // An index to no shared string: the file is damaged (Excel repairs it; ExcelJS could not load it).
      const string = source.strings[parseInt(text, 10)];
      if (string === undefined) throw unreadable({ kind: 'damaged' });
      return string;
    }
    case 'str':
    case 'inlineStr':
      return decodeOoxmlEscapes(text);
    case 'b':
      return parseInt(text, 10) !== 0;
    case 'e':
      return { error: text };
    case 'd':
      return isoDateSerial(text);
    default:
      return numberValue(text, date, source);
  }
}

/**
 * A formula's stored result, read by the cell's type: text for a string type (a formula's is "str"; "s" and
 * "inlineStr" are taken to mean the same; an empty one is Excel's ""), otherwise as a stored value is.
 */
function formulaResult(
  type: string | undefined,
  text: string | undefined,
  date: boolean,
  source: CellSource,
): RawCell {
  if (text === undefined) return null;
  if (type === 'str' || type === 's' || type === 'inlineStr') return decodeOoxmlEscapes(text);
  // An empty <v></v>: for a boolean or an error, what its type makes of nothing.
  if (text === '') return type === 'b' ? false : type === 'e' ? { error: '' } : null;
  return storedValue(type, text, date, source);
}

/** Milliseconds a JavaScript Date spans either way: a day beyond this has no Date. */
const DATE_MS_SPAN = 8.64e15;
const MS_PER_DAY = 86_400_000;
/** The serial of 01/01/1970 in the 1900 date system, and how far the 1904 system's day 0 is from the 1900's. */
const UNIX_EPOCH_SERIAL = 25_569;
const DATE1904_OFFSET = 1_462;

/**
 * A number as stored: its whole text (spaces around it aside) as a number; text that is no finite number
 * ("12abc", "1e309", which ExcelJS read as 12 and as nothing) as the text typed, so the check shows it at its
 * cell rather than a figure the cell does not hold; blank as empty. In a date-formatted cell, the day it is in
 * the 1900 date system (a 1904 workbook's days moved, the time to the millisecond); a number too large to be
 * a day (912345678, 1e308) as typed, so the check shows it at its cell.
 */
function numberValue(text: string, date: boolean, source: CellSource): number | string | null {
  const trimmed = text.trim();
  if (trimmed === '') return null;
  const n = Number(trimmed);
  if (!Number.isFinite(n)) return text;
  if (!date) return n;
  const ms = Math.round((n - UNIX_EPOCH_SERIAL + (source.date1904 ? DATE1904_OFFSET : 0)) * MS_PER_DAY);
  return Math.abs(ms) > DATE_MS_SPAN ? n : UNIX_EPOCH_SERIAL + ms / MS_PER_DAY;
}

/** A `t="d"` cell's ISO 8601 date (and time) as its serial in the 1900 date system; null when it is none. */
function isoDateSerial(text: string): number | null {
  const m = /^\s*(\d{4}-\d{2}-\d{2})(T\d{2}:\d{2}(?::\d{2}(?:\.\d+)?)?)?(Z|[+-]\d{2}:\d{2})?\s*$/.exec(text);
  if (!m) return null;
  const ms = Date.parse(`${m[1]}${m[2] ?? 'T00:00:00'}${m[3] ?? 'Z'}`);
  return Number.isFinite(ms) ? UNIX_EPOCH_SERIAL + ms / MS_PER_DAY : null;
}

/** Tables (ListObjects) of a worksheet, straight from its table parts. */
export function readTables(pkg: Package, entry: SheetEntry): { name: string; range: string }[] {
  if (!entry.part) return [];
  const tables: { name: string; range: string }[] = [];
  for (const part of pkg.relatedParts(entry.part, REL.table)) {
    const root = pkg.readXml(part).root;
    if (localName(root.name) !== 'table') continue;
    const name = getAttr(root, 'displayName') ?? getAttr(root, 'name') ?? '';
    const ref = getAttr(root, 'ref') ?? '';
    tables.push({ name, range: normaliseRange(ref) });
  }
  return tables;
}

/** A table's ref as the add-in writes it ("A1:L60"); text that is not a range stays as it is. */
function normaliseRange(ref: string): string {
  try {
    return formatRange(parseA1Range(ref));
  } catch {
    return ref;
  }
}
