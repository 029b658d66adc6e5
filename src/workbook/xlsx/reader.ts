/**
 * Reads the used ranges of worksheets with ExcelJS.
 *
 * ExcelJS is given a slim package made for the purpose: the workbook part lists only the requested
 * worksheets (renamed to the part names ExcelJS expects), with the styles and shared strings, and nothing
 * else. That keeps ExcelJS away from what it handles badly or slowly when loading a user's workbook: defined
 * names over whole columns (expanded cell by cell), chartsheets (which shift its print-area mapping), and
 * relationship-dependent parts (drawings, comments, hyperlinks) whose targets it looks up without checking.
 * Merged cells are not loaded either, so the cells of a merged area other than its top-left read as empty,
 * as they do in Excel.
 *
 * The used range is Excel's (what Office.js gives for getUsedRange(false), which the Office adapter reads):
 * every cell that holds a value or a formula, or has a cell format of its own. It is found by scanning the
 * sheet's XML, since ExcelJS cannot tell a formatted empty cell from one it creates when asked.
 */
import ExcelJS from 'exceljs';
import JSZip from 'jszip';

import type { RawCell, RawSheet } from '../port';
import { formatRange, parseA1Cell, parseA1Range, scanCellRef, tryParseA1Cell } from '../../domain/a1';
import { serialFromDate } from '../../domain/dates';
import { EXCEL, FILE_LIMITS } from '../limits';
import { type Book, MAIN_NS, protectionOn, REL_NS, rememberProtection, type SheetEntry } from './book';
import { decodeText, Package, REL, XML_DECLARATION } from './opc';
import { attribute, rootElement, scanTags, type Tag } from './tagScan';
import { limitExceeded, readingPart, unreadable } from './unreadable';
import {
  decodeEntities,
  getAttr,
  localName,
  parseXml,
  prefixOf,
  serializeXml,
  XmlDepthError,
  type XmlElement,
} from './xml';
import { shiftFormula } from './formula';
import { decodeOoxmlEscapes } from './ooxmlEscapes';

/** Worksheet child elements ExcelJS need not parse to read values, formulas and formats. */
const IGNORED_NODES = [
  'mergeCells',
  'hyperlinks',
  'dataValidations',
  'conditionalFormatting',
  'extLst',
  'drawing',
  'picture',
  'tableParts',
  'autoFilter',
  'rowBreaks',
  'headerFooter',
];

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
 * Reads the used ranges of worksheets. Each sheet is scanned first (scanSheet, linear in its text): a cell
 * beyond Excel's grid, too deep a nesting, or more than FILE_LIMITS.maxCellsRead cells or maxReadBytes of
 * XML in all refuse the file before ExcelJS allocates anything for it. Throws UnreadableWorkbookError.
 */
export async function readWorksheets(pkg: Package, book: Book, entries: SheetEntry[]): Promise<RawSheet[]> {
  if (!entries.length) return [];
  const zip = new JSZip();
  const relParts: string[] = [];
  const sheetXml: string[] = [];
  const scans: SheetScan[] = [];
  let cellsRead = 0;
  let readBytes = 0;
  const countBytes = (bytes: Uint8Array): Uint8Array => {
    readBytes += bytes.length;
    if (readBytes > FILE_LIMITS.maxReadBytes) throw limitExceeded('readBytes', { found: readBytes });
    return bytes;
  };
  entries.forEach((entry, i) => {
    const bytes = pkg.bytes(entry.part as string);
    const { text, asIs } = readText(countBytes(bytes));
    const scan = readingPart(entry.part as string, () => scanSheet(text, entry.name));
    rememberProtection(bytes, scan.protected);
    cellsRead += scan.cells.length / 2;
    if (cellsRead > FILE_LIMITS.maxCellsRead) throw limitExceeded('cellsRead', { found: cellsRead });
    scans.push(scan);
    zip.file(
      `xl/worksheets/sheet${i + 1}.xml`,
      forExcelJs(entry.part as string, text, asIs ? bytes : undefined),
    );
    relParts.push(
      `<Relationship Id="rId${i + 1}" Type="${REL.worksheet}" Target="worksheets/sheet${i + 1}.xml"/>`,
    );
    sheetXml.push(`<sheet name="S${i + 1}" sheetId="${i + 1}" r:id="rId${i + 1}"/>`);
  });
  for (const [type, name] of [
    [REL.styles, 'styles.xml'],
    [REL.sharedStrings, 'sharedStrings.xml'],
  ] as const) {
    const actual = pkg.relatedPart(book.workbookPart, type);
    if (!actual) continue;
    const bytes = pkg.bytes(actual);
    const { text, asIs } = readText(countBytes(bytes));
    // Each shared string or cell format is an object the reader holds, as each cell is.
    cellsRead += readingPart(actual, () => countElements(text, type === REL.styles ? STYLE_ITEMS : ['si']));
    if (cellsRead > FILE_LIMITS.maxCellsRead) throw limitExceeded('cellsRead', { found: cellsRead });
    zip.file(`xl/${name}`, forExcelJs(actual, text, asIs ? bytes : undefined));
    relParts.push(`<Relationship Id="x${name.replace('.xml', '')}" Type="${type}" Target="${name}"/>`);
  }
  zip.file(
    '_rels/.rels',
    `${XML_DECLARATION}<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">` +
      `<Relationship Id="rId1" Type="${REL.officeDocument}" Target="xl/workbook.xml"/></Relationships>`,
  );
  zip.file(
    'xl/_rels/workbook.xml.rels',
    `${XML_DECLARATION}<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">` +
      `${relParts.join('')}</Relationships>`,
  );
  zip.file(
    'xl/workbook.xml',
    `${XML_DECLARATION}<workbook xmlns="${MAIN_NS}" xmlns:r="${REL_NS}">` +
      `<workbookPr date1904="${book.date1904 ? 1 : 0}"/><sheets>${sheetXml.join('')}</sheets></workbook>`,
  );
  const slim = await zip.generateAsync({ type: 'arraybuffer', compression: 'STORE' });
  const workbook = new ExcelJS.Workbook();
  try {
    await workbook.xlsx.load(slim, { ignoreNodes: IGNORED_NODES });
  } catch {
    throw unreadable({ kind: 'damaged' });
  }

  return entries.map((entry, i) => {
    const worksheet = workbook.getWorksheet(`S${i + 1}`);
    const sheet = worksheet
      ? toRawSheet(worksheet, scans[i], (address) => scans[i].cachedResults.get(address) ?? null, entry.name)
      : emptySheet();
    sheet.name = entry.name;
    sheet.tables = readTables(pkg, entry);
    return sheet;
  });
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

const strictUtf8 = new TextDecoder('utf-8', { fatal: true });

/**
 * A part's text (as decodeText reads it), and whether its bytes are that text in UTF-8 as they stand: no byte
 * order mark and no invalid sequence, so ExcelJS can be given the bytes, not the text encoded again.
 */
function readText(bytes: Uint8Array): { text: string; asIs: boolean } {
  const bom = bytes.length >= 2 && (bytes[0] === 0xef || bytes[0] === 0xff || bytes[0] === 0xfe);
  if (!bom) {
    try {
      return { text: strictUtf8.decode(bytes), asIs: true };
    } catch {
      // an invalid sequence: decodeText shows it as U+FFFD, and the text is what ExcelJS gets
    }
  }
  return { text: decodeText(bytes), asIs: false };
}

/**
 * A part as ExcelJS can read it: `bytes` (its UTF-8, when given) or its text. ExcelJS matches element names
 * literally, so a part whose SpreadsheetML elements carry a prefix (<x:worksheet xmlns:x="…main">, as the Open
 * XML SDK writes them) is rewritten without it.
 */
function forExcelJs(part: string, text: string, bytes?: Uint8Array): string | Uint8Array {
  const root = readingPart(part, () => rootElement(text));
  if (!root || !/^[A-Za-z_][\w.-]*:(worksheet|styleSheet|sst)$/.test(root.name)) return bytes ?? text;
  let doc;
  try {
    doc = parseXml(text);
  } catch (error) {
    if (error instanceof XmlDepthError) throw limitExceeded('xmlDepth', { part });
    throw unreadable({ kind: 'damaged', part });
  }
  const prefix = prefixOf(doc.root.name);
  if (getAttr(doc.root, `xmlns:${prefix.slice(0, -1)}`) !== MAIN_NS) return bytes ?? text;
  const strip = (el: XmlElement): void => {
    if (el.name.startsWith(prefix)) el.name = el.name.slice(prefix.length);
    for (const c of el.children) if (c.kind === 'element') strip(c);
  };
  strip(doc.root);
  doc.root.attrs = doc.root.attrs.filter(([n]) => n !== 'xmlns' && n !== `xmlns:${prefix.slice(0, -1)}`);
  doc.root.attrs.unshift(['xmlns', MAIN_NS]);
  return serializeXml(doc);
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
  /** The result stored with each formula that has one, by the cell's address. */
  cachedResults: Map<string, RawCell>;
  /**
   * Numbers too large to be a day (beyond ±DATE_SERIAL_SPAN) as stored, by the cell's address: ExcelJS turns a
   * number in a date-formatted cell into a Date, which for these is Invalid Date (NaN). The reader gives the
   * number typed instead, so the check can show it at its cell (issue 20: 912345678, 1e308 in a deadline).
   */
  hugeNumbers: Map<string, number>;
}

/** Days a JavaScript Date spans either way (8.64e15 ms); a serial beyond this cannot become a Date. */
const DATE_SERIAL_SPAN = 1e8;

/** The used range, as before scanSheet took over (kept for the tests that pin Excel's counting). */
export function scanExtent(text: string): { lastRow: number; lastCol: number; hiddenRows: number[] } {
  const { lastRow, lastCol, hiddenRows } = scanSheet(text, '');
  return { lastRow, lastCol, hiddenRows };
}

/**
 * One linear pass over a worksheet's XML: the used range (cells with content — a value, formula or inline
 * string — or with a cell format other than the default), hidden rows, where each stored cell is, and the
 * protection flag. Positions left out by the producer follow from the previous row or cell, as the format
 * says. A row past 1,048,576 or a column past XFD (in a cell or a <col>) is refused (UnreadableWorkbookError)
 * before anything is allocated for it; so is nesting deeper than FILE_LIMITS.maxXmlDepth (XmlDepthError).
 */
export function scanSheet(text: string, sheet: string): SheetScan {
  const scanner = new SheetScanner(text, sheet);
  scanTags(text, (tag) => scanner.visit(tag));
  return scanner.finish();
}

/** One scanSheet pass: where it is in the sheet data, and what it knows of the cell still open. */
class SheetScanner {
  private readonly scan: SheetScan = {
    lastRow: 0,
    lastCol: 0,
    hiddenRows: [],
    cells: [],
    contentEnd: new Map(),
    protected: false,
    cachedResults: new Map(),
    hugeNumbers: new Map(),
  };
  private inSheetData = false;
  private row = 0;
  private col = 0;
  /** Depth of the open <c>, 0 when none. */
  private cellDepth = 0;
  private used = false;
  private content = false;
  private formula = false;
  private value: string | undefined;
  private ref: string | undefined;
  private readonly cellTag = { attrStart: 0, attrEnd: 0 };

  constructor(
    private readonly text: string,
    private readonly sheet: string,
  ) {}

  visit(tag: Tag): void {
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
        if (this.cellDepth && !tag.closing && tag.depth === this.cellDepth + 1) this.cellContent(tag);
        return;
      case 'col':
        if (tag.closing) return;
        for (const name of ['min', 'max']) {
          const v = Number(attribute(this.text, tag, name) ?? 0);
          if (v > EXCEL.maxColumns) this.beyond('columns', v);
        }
        return;
      case 'sheetProtection':
        if (!tag.closing) this.scan.protected = protectionOn((name) => attribute(this.text, tag, name));
        return;
    }
  }

  finish(): SheetScan {
    if (this.cellDepth) this.finishCell();
    return this.scan;
  }

  private beyond(limit: 'rows' | 'columns', found: number): never {
    throw limitExceeded(limit, { sheet: this.sheet || undefined, found });
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
  }

  private startCell(tag: Tag): void {
    const r = attribute(this.text, tag, 'r');
    if (r !== undefined) {
      const at = scanCellRef(r);
      if (!at) throw unreadable({ kind: 'damaged' });
      if (at.row > EXCEL.maxRows) this.beyond('rows', at.row);
      this.col = at.col;
    } else this.col += 1;
    this.ref = r;
    this.formula = false;
    this.value = undefined;
    this.cellTag.attrStart = tag.attrStart;
    this.cellTag.attrEnd = tag.attrEnd;
    if (this.col > EXCEL.maxColumns) this.beyond('columns', this.col);
    const s = attribute(this.text, tag, 's');
    this.used = !!s && s !== '0';
    this.content = false;
    this.scan.cells.push(this.row, this.col);
    if (tag.selfClosing) this.finishCell();
    else this.cellDepth = tag.depth;
  }

  /** A <v>, <f> or <is> of the open cell. */
  private cellContent(tag: Tag): void {
    this.content = true;
    if (tag.name === 'f') this.formula = true;
    else if (tag.name === 'v' && !tag.selfClosing) {
      const end = this.text.indexOf('<', tag.end);
      this.value = this.text.slice(tag.end, end < 0 ? this.text.length : end);
    }
  }

  private finishCell(): void {
    const { scan, row, col } = this;
    if (this.content || this.used) {
      if (row > scan.lastRow) scan.lastRow = row;
      if (col > scan.lastCol) scan.lastCol = col;
    }
    if (this.content && col > (scan.contentEnd.get(row) ?? 0)) scan.contentEnd.set(row, col);
    if (this.formula && this.value !== undefined && this.ref) {
      const type = attribute(this.text, this.cellTag as Tag, 't') ?? 'n';
      const result = cachedResult(type, decodeEntities(this.value));
      if (result !== null) scan.cachedResults.set(this.ref.toUpperCase(), result);
    } else if (this.value !== undefined && this.ref) {
      const type = attribute(this.text, this.cellTag as Tag, 't') ?? 'n';
      const n = type === 'n' ? Number(decodeEntities(this.value).trim()) : NaN;
      if (Number.isFinite(n) && Math.abs(n) > DATE_SERIAL_SPAN)
        scan.hugeNumbers.set(this.ref.toUpperCase(), n);
    }
    this.cellDepth = 0;
  }
}

function emptySheet(): RawSheet {
  return { name: '', values: [], formulas: [], numberFormats: [], hiddenRows: [], tables: [] };
}

/**
 * A formula's stored result as the sheet XML writes it. ExcelJS 4.4 drops a formula's cached result when it is
 * 0 (or another falsy value): `<f>…</f><v>0</v>` loads as a formula without a result; scanSheet collects the
 * results straight from the XML to fill that gap.
 */
function cachedResult(type: string, raw: string): RawCell {
  if (type === 'b') return raw === '1';
  if (type === 'e') return { error: raw };
  if (type === 'str' || type === 's' || type === 'inlineStr') return decodeOoxmlEscapes(raw);
  if (raw.trim() !== '' && Number.isFinite(Number(raw))) return Number(raw);
  return null;
}

/** Above this many cells in the used range, a sheet is read sparsely (see toRawSheet). */
const DENSE_CELL_LIMIT = 2_000_000;

/**
 * The sheet's grid from ExcelJS's cells, in time and memory proportional to the cells the file stores (and
 * the grid's size): only the cells the scan found are looked up; empty cells are filled in with the row's or
 * column's number format, as Excel reports them, without creating a cell for each.
 *
 * A used range of more than DENSE_CELL_LIMIT cells (one formatted cell at N1048576, or a formatted cell in
 * column XFD on every row, say) is read sparsely: rows that hold no value or formula come back empty ([]),
 * and each other row stops at its last value or formula. Either way a grid past FILE_LIMITS.maxGridCells is
 * refused, as Excel on the web refuses to read more than 5 million cells at once.
 */
function toRawSheet(
  worksheet: ExcelJS.Worksheet,
  scan: SheetScan,
  cachedResult: (address: string) => RawCell,
  sheet: string,
): RawSheet {
  const { lastRow, lastCol } = scan;
  const sparse = lastRow * lastCol > DENSE_CELL_LIMIT;
  let gridCells = 0;
  if (!sparse) gridCells = lastRow * lastCol;
  else for (const end of scan.contentEnd.values()) if (end) gridCells += end;
  if (gridCells > FILE_LIMITS.maxGridCells) throw limitExceeded('gridCells', { sheet, found: gridCells });

  const columnFormats: (string | undefined)[] = [];
  const columnFormat = (c: number): string | undefined => {
    if (!(c in columnFormats)) columnFormats[c] = worksheet.getColumn(c).numFmt || undefined;
    return columnFormats[c];
  };
  const values: RawCell[][] = [];
  const formulas: (string | null)[][] = [];
  const numberFormats: string[][] = [];
  for (let r = 1; r <= lastRow; r += 1) {
    const width = sparse ? (scan.contentEnd.get(r) ?? 0) : lastCol;
    const rowFormat = width ? worksheet.findRow(r)?.numFmt || undefined : undefined;
    const rowFormats: string[] = new Array<string>(width);
    for (let c = 1; c <= width; c += 1) rowFormats[c - 1] = rowFormat ?? columnFormat(c) ?? 'General';
    values.push(new Array<RawCell>(width).fill(null));
    formulas.push(new Array<string | null>(width).fill(null));
    numberFormats.push(rowFormats);
  }
  const { cells } = scan;
  for (let i = 0; i < cells.length; i += 2) {
    const r = cells[i];
    const c = cells[i + 1];
    if (r < 1 || r > lastRow || c < 1 || c > values[r - 1].length) continue;
    const cell = worksheet.findRow(r)?.findCell(c);
    if (!cell) continue;
    const read = readCell(worksheet, cell);
    let value = read.formula !== null && read.value === null ? cachedResult(cell.address) : read.value;
    // A number too large for a day, in a date-formatted cell: the number stored, not ExcelJS's Invalid Date.
    if (typeof value === 'number' && Number.isNaN(value)) value = scan.hugeNumbers.get(cell.address) ?? null;
    if (typeof value === 'string' && value.length > EXCEL.maxCellChars) {
      throw limitExceeded('cellChars', { sheet, found: value.length });
    }
    if (read.formula !== null && read.formula.length > EXCEL.maxFormulaChars + 1) {
      throw limitExceeded('formulaChars', { sheet, found: read.formula.length - 1 });
    }
    values[r - 1][c - 1] = value;
    formulas[r - 1][c - 1] = read.formula;
    numberFormats[r - 1][c - 1] = cell.numFmt || 'General';
  }
  return { name: worksheet.name, values, formulas, numberFormats, hiddenRows: scan.hiddenRows, tables: [] };
}

function readCell(
  worksheet: ExcelJS.Worksheet,
  cell: ExcelJS.Cell,
): { value: RawCell; formula: string | null } {
  const v: unknown = cell.value;
  switch (cell.type) {
    case ExcelJS.ValueType.Null:
    case ExcelJS.ValueType.Merge:
      return { value: null, formula: null };
    case ExcelJS.ValueType.Formula: {
      const f = v as ExcelJS.CellFormulaValue & ExcelJS.CellSharedFormulaValue;
      return { value: plainValue(f.result), formula: `=${formulaText(worksheet, cell, f)}` };
    }
    default:
      return { value: plainValue(v), formula: null };
  }
}

/** The formula of a cell; for a shared formula's dependent, translated from its master. */
function formulaText(
  worksheet: ExcelJS.Worksheet,
  cell: ExcelJS.Cell,
  f: ExcelJS.CellFormulaValue & ExcelJS.CellSharedFormulaValue,
): string {
  if (f.formula) return f.formula;
  if (f.sharedFormula) {
    const master = worksheet.getCell(f.sharedFormula);
    const masterValue = master?.value as ExcelJS.CellFormulaValue | undefined;
    if (master && masterValue && typeof masterValue === 'object' && 'formula' in masterValue) {
      // tryParseA1Cell: no regular expression for each of a shared formula's cells (a tracker column of 20,000).
      const from = tryParseA1Cell(master.address) ?? parseA1Cell(master.address);
      const to = tryParseA1Cell(cell.address) ?? parseA1Cell(cell.address);
      return shiftFormula(masterValue.formula, to.row - from.row, to.col - from.col);
    }
  }
  return cell.formula ?? '';
}

function plainValue(v: unknown): RawCell {
  if (v === null || v === undefined) return null;
  if (typeof v === 'string') return decodeOoxmlEscapes(v);
  if (typeof v === 'boolean') return v;
  if (typeof v === 'number') return Number.isFinite(v) ? v : null;
  if (v instanceof Date) return serialFromDate(v);
  if (typeof v === 'object') {
    const o = v as Record<string, unknown>;
    if (typeof o.error === 'string') return { error: o.error };
    if (Array.isArray(o.richText)) {
      const runs = o.richText as { text?: unknown }[];
      return decodeOoxmlEscapes(runs.map((run) => (typeof run.text === 'string' ? run.text : '')).join(''));
    }
    if ('text' in o) return plainValue(o.text);
    if ('result' in o) return plainValue(o.result);
  }
  return null;
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
