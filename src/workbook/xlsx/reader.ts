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
import { lettersToCol, parseA1Cell, rangeToA1 } from '../a1';
import { type Book, MAIN_NS, REL_NS, type SheetEntry } from './book';
import { decodeText, Package, REL, XML_DECLARATION } from './opc';
import { getAttr, localName, parseXml, prefixOf, serializeXml, type XmlElement } from './xml';
import { shiftFormula } from './formula';
import { decodeEntities } from './xml';

const MS_PER_DAY = 86_400_000;
const UNIX_EPOCH_SERIAL = 25_569;

/** A JavaScript Date from ExcelJS (UTC-based, as ExcelJS makes them) → Excel 1900-system serial. */
export function dateToSerial(date: Date): number {
  return UNIX_EPOCH_SERIAL + date.getTime() / MS_PER_DAY;
}

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

export async function readWorksheets(pkg: Package, book: Book, entries: SheetEntry[]): Promise<RawSheet[]> {
  if (!entries.length) return [];
  const zip = new JSZip();
  const workbookRels = pkg.rels(book.workbookPart);
  const relParts: string[] = [];
  const sheetXml: string[] = [];
  const extents: SheetExtent[] = [];
  const texts: string[] = [];
  entries.forEach((entry, i) => {
    const text = decodeText(pkg.bytes(entry.part as string));
    texts.push(text);
    extents.push(scanExtent(text));
    zip.file(`xl/worksheets/sheet${i + 1}.xml`, forExcelJs(text));
    relParts.push(
      `<Relationship Id="rId${i + 1}" Type="${REL.worksheet}" Target="worksheets/sheet${i + 1}.xml"/>`,
    );
    sheetXml.push(`<sheet name="S${i + 1}" sheetId="${i + 1}" r:id="rId${i + 1}"/>`);
  });
  for (const [type, name] of [
    [REL.styles, 'styles.xml'],
    [REL.sharedStrings, 'sharedStrings.xml'],
  ] as const) {
    const rel = workbookRels.find((r) => r.type === type);
    const part = rel && pkg.resolve(book.workbookPart, rel);
    const actual = part && pkg.findPartIgnoringCase(part);
    if (!actual) continue;
    zip.file(`xl/${name}`, forExcelJs(decodeText(pkg.bytes(actual))));
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
  await workbook.xlsx.load(slim, { ignoreNodes: IGNORED_NODES });

  return entries.map((entry, i) => {
    const worksheet = workbook.getWorksheet(`S${i + 1}`);
    const sheet = worksheet ? toRawSheet(worksheet, extents[i], lazyCachedResults(texts[i])) : emptySheet();
    sheet.name = entry.name;
    sheet.tables = readTables(pkg, entry);
    return sheet;
  });
}

/**
 * A part as ExcelJS can read it. ExcelJS matches element names literally, so a part whose SpreadsheetML
 * elements carry a prefix (<x:worksheet xmlns:x="…main">, as the Open XML SDK writes them) is rewritten
 * without it.
 */
function forExcelJs(text: string): string {
  if (!/^[\s\S]{0,512}?<[A-Za-z_][\w.-]*:(worksheet|styleSheet|sst)\b/.test(text)) return text;
  const doc = parseXml(text);
  const prefix = prefixOf(doc.root.name);
  if (getAttr(doc.root, `xmlns:${prefix.slice(0, -1)}`) !== MAIN_NS) return text;
  const strip = (el: XmlElement): void => {
    if (el.name.startsWith(prefix)) el.name = el.name.slice(prefix.length);
    for (const c of el.children) if (c.kind === 'element') strip(c);
  };
  strip(doc.root);
  doc.root.attrs = doc.root.attrs.filter(([n]) => n !== 'xmlns' && n !== `xmlns:${prefix.slice(0, -1)}`);
  doc.root.attrs.unshift(['xmlns', MAIN_NS]);
  return serializeXml(doc);
}

/** The used range's last row and column (1-based; 0 when the sheet is empty) and the hidden rows. */
interface SheetExtent {
  lastRow: number;
  lastCol: number;
  hiddenRows: number[];
}

const TAG = /<(\/?)(?:[A-Za-z_][\w.-]*:)?(row|c)\b([^>]*?)(\/?)>/g;
const ATTR = (name: string): RegExp => new RegExp(`(?:^|\\s)${name}\\s*=\\s*["']([^"']*)["']`);
const R_ATTR = ATTR('r');
const S_ATTR = ATTR('s');
const HIDDEN_ATTR = ATTR('hidden');

/**
 * Scans <sheetData> for the used range: cells with content (a value, formula or inline string) or with a
 * cell format other than the default, and rows marked hidden. Positions left out by the producer follow
 * from the previous row or cell, as the format says.
 */
export function scanExtent(text: string): SheetExtent {
  const extent: SheetExtent = { lastRow: 0, lastCol: 0, hiddenRows: [] };
  const start = text.search(/<(?:[A-Za-z_][\w.-]*:)?sheetData\b/);
  if (start < 0) return extent;
  const endMatch = /<\/(?:[A-Za-z_][\w.-]*:)?sheetData>/.exec(text.slice(start));
  const end = endMatch ? start + endMatch.index : text.length;
  const body = text.slice(start, end);
  let row = 0;
  let col = 0;
  TAG.lastIndex = 0;
  for (let m = TAG.exec(body); m; m = TAG.exec(body)) {
    const [whole, closing, name, attrs, selfClosing] = m;
    if (closing) continue;
    if (name === 'row') {
      const r = R_ATTR.exec(attrs);
      row = r ? Number(r[1]) : row + 1;
      col = 0;
      const hidden = HIDDEN_ATTR.exec(attrs);
      if (hidden && (hidden[1] === '1' || hidden[1] === 'true')) extent.hiddenRows.push(row);
      continue;
    }
    const r = R_ATTR.exec(attrs);
    col = r ? columnOf(r[1]) : col + 1;
    const s = S_ATTR.exec(attrs);
    let used = !!s && s[1] !== '0';
    if (!used && !selfClosing) {
      // Content: any child element before this cell's end tag.
      const after = m.index + whole.length;
      const close = body.indexOf('c>', after);
      const inner = body.slice(after, close < 0 ? body.length : close);
      used = /<(?:[A-Za-z_][\w.-]*:)?(v|f|is)\b/.test(inner);
    }
    if (used) {
      extent.lastRow = Math.max(extent.lastRow, row);
      extent.lastCol = Math.max(extent.lastCol, col);
    }
  }
  return extent;
}

function columnOf(address: string): number {
  const m = /^\$?([A-Za-z]{1,3})/.exec(address);
  return m ? lettersToCol(m[1]) + 1 : 0;
}

function emptySheet(): RawSheet {
  return { name: '', values: [], formulas: [], numberFormats: [], hiddenRows: [], tables: [] };
}

/**
 * ExcelJS 4.4 drops a formula's cached result when it is 0 (or another falsy value): `<f>…</f><v>0</v>`
 * loads as a formula without a result. The cached results straight from the sheet XML fill that gap; the
 * scan runs only when such a cell is met.
 */
function lazyCachedResults(xml: string): (address: string) => RawCell {
  let map: Map<string, RawCell> | undefined;
  return (address) => {
    map ??= cachedFormulaResults(xml);
    return map.get(address) ?? null;
  };
}

export function cachedFormulaResults(xml: string): Map<string, RawCell> {
  const out = new Map<string, RawCell>();
  const cellRe = /<(?:\w+:)?c\b([^>]*?)(?:\/>|>([\s\S]*?)<\/(?:\w+:)?c>)/g;
  for (const m of xml.matchAll(cellRe)) {
    const body = m[2];
    if (!body || !/<(?:\w+:)?f\b/.test(body)) continue;
    const v = /<(?:\w+:)?v>([\s\S]*?)<\/(?:\w+:)?v>/.exec(body);
    const ref = /\br="([A-Z]{1,3}\d+)"/.exec(m[1]);
    if (!v || !ref) continue;
    const type = /\bt="(\w+)"/.exec(m[1])?.[1] ?? 'n';
    const raw = decodeEntities(v[1]);
    if (type === 'b') out.set(ref[1], raw === '1');
    else if (type === 'e') out.set(ref[1], { error: raw });
    else if (type === 'str' || type === 's' || type === 'inlineStr') out.set(ref[1], decodeOoxmlEscapes(raw));
    else if (raw.trim() !== '' && Number.isFinite(Number(raw))) out.set(ref[1], Number(raw));
  }
  return out;
}

/** Above this many cells in the used range, a sheet is read sparsely (see toRawSheet). */
const DENSE_CELL_LIMIT = 2_000_000;

function toRawSheet(
  worksheet: ExcelJS.Worksheet,
  extent: SheetExtent,
  cachedResult: (address: string) => RawCell,
): RawSheet {
  const values: RawCell[][] = [];
  const formulas: (string | null)[][] = [];
  const numberFormats: string[][] = [];
  // A used range of millions of cells (one formatted cell at N1048576, say) is read sparsely: rows the file
  // does not hold come back empty ([]), and each row stops at its last cell, instead of a dense grid.
  const sparse = extent.lastRow * extent.lastCol > DENSE_CELL_LIMIT;
  for (let r = 1; r <= extent.lastRow; r += 1) {
    const stored = sparse ? worksheet.findRow(r) : undefined;
    if (sparse && !stored) {
      values.push([]);
      formulas.push([]);
      numberFormats.push([]);
      continue;
    }
    const row = stored ?? worksheet.getRow(r);
    const lastCol = sparse ? Math.min(extent.lastCol, row.cellCount) : extent.lastCol;
    const rowValues: RawCell[] = [];
    const rowFormulas: (string | null)[] = [];
    const rowFormats: string[] = [];
    for (let c = 1; c <= lastCol; c += 1) {
      // getCell creates missing cells with the row's or column's format, as Excel reports empty cells.
      const cell = row.getCell(c);
      const read = readCell(worksheet, cell);
      const value = read.formula !== null && read.value === null ? cachedResult(cell.address) : read.value;
      const { formula } = read;
      rowValues.push(value);
      rowFormulas.push(formula);
      rowFormats.push(cell.numFmt || 'General');
    }
    values.push(rowValues);
    formulas.push(rowFormulas);
    numberFormats.push(rowFormats);
  }
  return { name: worksheet.name, values, formulas, numberFormats, hiddenRows: extent.hiddenRows, tables: [] };
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
      const from = parseA1Cell(master.address);
      const to = parseA1Cell(cell.address);
      return shiftFormula(masterValue.formula, to.row - from.row, to.col - from.col);
    }
  }
  return cell.formula ?? '';
}

/**
 * OOXML writes characters XML cannot hold as _xHHHH_ (and a literal "_x…_" as _x005F_x…_); ExcelJS leaves
 * them encoded, Excel shows them decoded.
 */
export function decodeOoxmlEscapes(text: string): string {
  if (!text.includes('_x')) return text;
  return text.replace(/_x([0-9A-Fa-f]{4})_/g, (_, hex: string) => String.fromCharCode(parseInt(hex, 16)));
}

function plainValue(v: unknown): RawCell {
  if (v === null || v === undefined) return null;
  if (typeof v === 'string') return decodeOoxmlEscapes(v);
  if (typeof v === 'boolean') return v;
  if (typeof v === 'number') return Number.isFinite(v) ? v : null;
  if (v instanceof Date) return dateToSerial(v);
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
  for (const rel of pkg.rels(entry.part)) {
    if (rel.type !== REL.table) continue;
    const target = pkg.resolve(entry.part, rel);
    const part = target && pkg.findPartIgnoringCase(target);
    if (!part) continue;
    const root = pkg.readXml(part).root;
    if (localName(root.name) !== 'table') continue;
    const name = getAttr(root, 'displayName') ?? getAttr(root, 'name') ?? '';
    const ref = getAttr(root, 'ref') ?? '';
    tables.push({ name, range: normaliseRange(ref) });
  }
  return tables;
}

function normaliseRange(ref: string): string {
  const m = /^\$?([A-Za-z]{1,3})\$?(\d+)(?::\$?([A-Za-z]{1,3})\$?(\d+))?$/.exec(ref.trim());
  if (!m) return ref;
  const c1 = lettersToCol(m[1]);
  const r1 = Number(m[2]) - 1;
  if (!m[3]) return rangeToA1(r1, c1, r1, c1);
  return rangeToA1(r1, c1, Number(m[4]) - 1, lettersToCol(m[3]));
}
