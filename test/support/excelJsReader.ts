/**
 * The reader as it was until the sheets were read without ExcelJS (src/workbook/xlsx/reader.ts before
 * 2026-12-08), kept as the oracle of test/xlsx/readerOracle.test.ts: ExcelJS parses a slim package of the
 * requested sheets, their styles and shared strings, and each stored cell the scan found is read from it.
 */
import ExcelJS from 'exceljs';
import JSZip from 'jszip';

import type { RawCell, RawSheet } from '../../src/workbook/port';
import { parseA1Cell } from '../../src/domain/a1';
import { serialFromDate } from '../../src/domain/dates';
import { type Book, MAIN_NS, REL_NS, type SheetEntry } from '../../src/workbook/xlsx/book';
import { decodeText, type Package, REL, XML_DECLARATION } from '../../src/workbook/xlsx/opc';
import { readTables, scanSheet, type SheetScan, type StoredCells } from '../../src/workbook/xlsx/reader';
import { rootElement } from '../../src/workbook/xlsx/tagScan';
import { getAttr, parseXml, prefixOf, serializeXml, type XmlElement } from '../../src/workbook/xlsx/xml';
import { shiftFormula } from '../../src/workbook/xlsx/formula';
import { decodeOoxmlEscapes } from '../../src/workbook/xlsx/ooxmlEscapes';

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

/** The sheets as ExcelJS read them; throws when ExcelJS cannot load the slim package. */
export async function readWithExcelJs(pkg: Package, book: Book, entries: SheetEntry[]): Promise<RawSheet[]> {
  const zip = new JSZip();
  const rels: string[] = [];
  const sheets: string[] = [];
  const scans: SheetScan[] = [];
  entries.forEach((entry, i) => {
    const text = decodeText(pkg.bytes(entry.part as string));
    scans.push(scanSheet(text, entry.name, true));
    zip.file(`xl/worksheets/sheet${i + 1}.xml`, withoutPrefix(text));
    rels.push(
      `<Relationship Id="rId${i + 1}" Type="${REL.worksheet}" Target="worksheets/sheet${i + 1}.xml"/>`,
    );
    sheets.push(`<sheet name="S${i + 1}" sheetId="${i + 1}" r:id="rId${i + 1}"/>`);
  });
  for (const [type, name] of [
    [REL.styles, 'styles.xml'],
    [REL.sharedStrings, 'sharedStrings.xml'],
  ] as const) {
    const part = pkg.relatedPart(book.workbookPart, type);
    if (!part) continue;
    zip.file(`xl/${name}`, withoutPrefix(decodeText(pkg.bytes(part))));
    rels.push(`<Relationship Id="x${name.replace('.xml', '')}" Type="${type}" Target="${name}"/>`);
  }
  const relsHead = `${XML_DECLARATION}<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">`;
  zip.file(
    '_rels/.rels',
    `${relsHead}<Relationship Id="rId1" Type="${REL.officeDocument}" Target="xl/workbook.xml"/></Relationships>`,
  );
  zip.file('xl/_rels/workbook.xml.rels', `${relsHead}${rels.join('')}</Relationships>`);
  zip.file(
    'xl/workbook.xml',
    `${XML_DECLARATION}<workbook xmlns="${MAIN_NS}" xmlns:r="${REL_NS}">` +
      `<workbookPr date1904="${book.date1904 ? 1 : 0}"/><sheets>${sheets.join('')}</sheets></workbook>`,
  );
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(await zip.generateAsync({ type: 'arraybuffer', compression: 'STORE' }), {
    ignoreNodes: IGNORED_NODES,
  });
  return entries.map((entry, i) => {
    const worksheet = workbook.getWorksheet(`S${i + 1}`);
    const sheet: RawSheet = worksheet
      ? toRawSheet(worksheet, scans[i])
      : { name: '', values: [], formulas: [], numberFormats: [], hiddenRows: [], tables: [] };
    sheet.name = entry.name;
    sheet.tables = readTables(pkg, entry);
    return sheet;
  });
}

/** A part whose SpreadsheetML elements carry a prefix, without it (ExcelJS matches names literally). */
function withoutPrefix(text: string): string {
  const root = rootElement(text);
  if (!root || !/^[A-Za-z_][\w.-]*:(worksheet|styleSheet|sst)$/.test(root.name)) return text;
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

/** The stored result of a formula ExcelJS dropped (it drops 0), as the old scan kept it. */
function cachedResult(type: string, raw: string): RawCell {
  if (type === 'b') return raw === '1';
  if (type === 'e') return { error: raw };
  if (type === 'str' || type === 's' || type === 'inlineStr') return decodeOoxmlEscapes(raw);
  if (raw.trim() !== '' && Number.isFinite(Number(raw))) return Number(raw);
  return null;
}

function toRawSheet(worksheet: ExcelJS.Worksheet, scan: SheetScan): RawSheet {
  const { lastRow, lastCol } = scan;
  const stored = scan.stored as StoredCells;
  const sparse = lastRow * lastCol > 2_000_000;
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
    const at = i / 2;
    const raw = stored.texts[at];
    const read = readCell(worksheet, cell);
    let value =
      read.formula !== null && read.value === null && raw !== undefined && stored.formulas[at] !== null
        ? cachedResult(stored.types[at] ?? 'n', raw)
        : read.value;
    if (typeof value === 'number' && Number.isNaN(value)) {
      const n = (stored.types[at] ?? 'n') === 'n' && raw !== undefined ? Number(raw.trim()) : NaN;
      value = stored.formulas[at] === null && Number.isFinite(n) && Math.abs(n) > 1e8 ? n : null;
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
