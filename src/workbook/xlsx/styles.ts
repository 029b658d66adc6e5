/**
 * Cell formats across two stylesheets. Written sheets come from a scratch workbook whose styles.xml numbers
 * its fonts, fills, borders, number formats, cell formats and differential formats from zero; the target
 * workbook has its own. StyleMerger copies what a written sheet uses into the target stylesheet (reusing an
 * identical entry where there is one) and tells the new index of each scratch index. ensureStyles gives a
 * workbook without a stylesheet a minimal one to merge into.
 */
import { CONTENT_TYPE, Package, REL, relativeTarget } from './opc';
import {
  child,
  childElements,
  element,
  getAttr,
  insertInOrder,
  localName,
  parseXml,
  prefixOf,
  canonicalElement,
  setAttr,
  type XmlDocument,
  type XmlElement,
} from './xml';

/** CT_Stylesheet's sequence. */
const STYLESHEET_ORDER = [
  'numFmts',
  'fonts',
  'fills',
  'borders',
  'cellStyleXfs',
  'cellXfs',
  'cellStyles',
  'dxfs',
  'tableStyles',
  'colors',
  'extLst',
] as const;

/** Built-in number formats (ECMA-376 §18.8.30) by format code. */
const BUILTIN_NUMBER_FORMATS: Record<string, number> = {
  General: 0,
  '0': 1,
  '0.00': 2,
  '#,##0': 3,
  '#,##0.00': 4,
  '0%': 9,
  '0.00%': 10,
  '0.00E+00': 11,
  '# ?/?': 12,
  '# ??/??': 13,
  'mm-dd-yy': 14,
  'd-mmm-yy': 15,
  'd-mmm': 16,
  'mmm-yy': 17,
  'h:mm AM/PM': 18,
  'h:mm:ss AM/PM': 19,
  'h:mm': 20,
  'h:mm:ss': 21,
  'm/d/yy h:mm': 22,
  '#,##0 ;(#,##0)': 37,
  '#,##0 ;[Red](#,##0)': 38,
  '#,##0.00;(#,##0.00)': 39,
  '#,##0.00;[Red](#,##0.00)': 40,
  'mm:ss': 45,
  '[h]:mm:ss': 46,
  'mmss.0': 47,
  '##0.0E+0': 48,
  '@': 49,
};

const FIRST_CUSTOM_NUMBER_FORMAT = 164;

/** A list element of the stylesheet (fonts, fills, …) with a lookup of its entries by their XML. */
class StyleList {
  private readonly index = new Map<string, number>();

  constructor(
    private readonly doc: XmlDocument,
    private readonly listName: (typeof STYLESHEET_ORDER)[number],
  ) {
    const list = child(doc.root, listName);
    if (list) childElements(list).forEach((el, i) => this.remember(el, i));
  }

  private remember(el: XmlElement, i: number): void {
    const k = canonicalElement(el);
    if (!this.index.has(k)) this.index.set(k, i);
  }

  private list(): XmlElement {
    let list = child(this.doc.root, this.listName);
    if (!list) {
      list = element(`${prefixOf(this.doc.root.name)}${this.listName}`, [['count', '0']]);
      insertInOrder(this.doc.root, list, STYLESHEET_ORDER);
    }
    return list;
  }

  get length(): number {
    const list = child(this.doc.root, this.listName);
    return list ? childElements(list).length : 0;
  }

  /** The index of an entry equal to `el`, adding it when there is none. */
  intern(el: XmlElement): number {
    const k = canonicalElement(el);
    const found = this.index.get(k);
    if (found !== undefined) return found;
    const list = this.list();
    const i = childElements(list).length;
    list.children.push(el);
    setAttr(list, 'count', String(i + 1));
    this.index.set(k, i);
    return i;
  }

  at(i: number): XmlElement | undefined {
    const list = child(this.doc.root, this.listName);
    return list ? childElements(list)[i] : undefined;
  }
}

/** Renames an element tree's prefix for the target document ("x:font" when the target uses "x:"). */
function adopt(el: XmlElement, targetPrefix: string): XmlElement {
  const mainName = (name: string): string => (name.includes(':') ? name : `${targetPrefix}${name}`);
  const copy = (e: XmlElement): XmlElement => ({
    kind: 'element',
    name: prefixOf(e.name) ? e.name : mainName(localName(e.name)),
    attrs: e.attrs.map(([n, v]) => [n, v] as [string, string]),
    children: e.children.map((c) => (c.kind === 'element' ? copy(c) : { ...c })),
  });
  return copy(el);
}

export class StyleMerger {
  private readonly fonts: StyleList;
  private readonly fills: StyleList;
  private readonly borders: StyleList;
  private readonly cellXfs: StyleList;
  private readonly dxfs: StyleList;
  private readonly targetPrefix: string;
  private readonly xfMap = new Map<number, number>();
  private readonly dxfMap = new Map<number, number>();

  /** `target` is edited in place; `source` is only read. */
  constructor(
    private readonly target: XmlDocument,
    private readonly source: XmlDocument,
  ) {
    this.targetPrefix = prefixOf(target.root.name);
    this.fonts = new StyleList(target, 'fonts');
    this.fills = new StyleList(target, 'fills');
    this.borders = new StyleList(target, 'borders');
    this.cellXfs = new StyleList(target, 'cellXfs');
    this.dxfs = new StyleList(target, 'dxfs');
  }

  /** The target cell-format index for the source's cell format `index`. */
  xf(index: number): number {
    const known = this.xfMap.get(index);
    if (known !== undefined) return known;
    const list = child(this.source.root, 'cellXfs');
    const xf = list ? childElements(list)[index] : undefined;
    let mapped = 0;
    if (index !== 0 && xf) {
      const copy = adopt(xf, this.targetPrefix);
      const fontId = Number(getAttr(xf, 'fontId') ?? 0);
      const fillId = Number(getAttr(xf, 'fillId') ?? 0);
      const borderId = Number(getAttr(xf, 'borderId') ?? 0);
      // Index 0 of each list is the workbook's default (fills 0 and 1 are fixed by the format).
      setAttr(copy, 'fontId', String(fontId === 0 ? 0 : this.copyEntry('fonts', fontId, this.fonts)));
      setAttr(copy, 'fillId', String(fillId <= 1 ? fillId : this.copyEntry('fills', fillId, this.fills)));
      setAttr(
        copy,
        'borderId',
        String(borderId === 0 ? 0 : this.copyEntry('borders', borderId, this.borders)),
      );
      setAttr(
        copy,
        'numFmtId',
        String(this.numberFormatId(this.sourceFormatCode(Number(getAttr(xf, 'numFmtId') ?? 0)))),
      );
      setAttr(copy, 'xfId', '0');
      mapped = this.cellXfs.intern(copy);
    }
    this.xfMap.set(index, mapped);
    return mapped;
  }

  /** The target differential-format index for the source's `index`. */
  dxf(index: number): number {
    const known = this.dxfMap.get(index);
    if (known !== undefined) return known;
    const list = child(this.source.root, 'dxfs');
    const dxf = list ? childElements(list)[index] : undefined;
    if (!dxf) throw new Error(`scratch stylesheet has no dxf ${index}`);
    const copy = adopt(dxf, this.targetPrefix);
    // A number format inside a dxf carries its own id and code; keep them consistent with the target.
    const numFmt = child(copy, 'numFmt');
    if (numFmt)
      setAttr(numFmt, 'numFmtId', String(this.numberFormatId(getAttr(numFmt, 'formatCode') ?? 'General')));
    const mapped = this.dxfs.intern(copy);
    this.dxfMap.set(index, mapped);
    return mapped;
  }

  /** A cell format equal to the target's format `base` but with number format `formatCode`. */
  withNumberFormat(base: number, formatCode: string): number {
    const xf = this.cellXfs.at(base) ?? this.cellXfs.at(0);
    const copy = xf
      ? adopt(xf, this.targetPrefix)
      : element(`${this.targetPrefix}xf`, [
          ['numFmtId', '0'],
          ['fontId', '0'],
          ['fillId', '0'],
          ['borderId', '0'],
          ['xfId', '0'],
        ]);
    setAttr(copy, 'numFmtId', String(this.numberFormatId(formatCode)));
    setAttr(copy, 'applyNumberFormat', '1');
    return this.cellXfs.intern(copy);
  }

  /** A cell format with only a font (name and size) set, for a sheet's default font. */
  fontOnly(font: { name: string; size: number }): number {
    const p = this.targetPrefix;
    const fontId = this.fonts.intern(
      element(
        `${p}font`,
        [],
        [element(`${p}sz`, [['val', String(font.size)]]), element(`${p}name`, [['val', font.name]])],
      ),
    );
    return this.cellXfs.intern(
      element(`${p}xf`, [
        ['numFmtId', '0'],
        ['fontId', String(fontId)],
        ['fillId', '0'],
        ['borderId', '0'],
        ['xfId', '0'],
        ['applyFont', '1'],
      ]),
    );
  }

  private copyEntry(listName: 'fonts' | 'fills' | 'borders', index: number, into: StyleList): number {
    const list = child(this.source.root, listName);
    const el = list ? childElements(list)[index] : undefined;
    if (!el) return 0;
    return into.intern(adopt(el, this.targetPrefix));
  }

  private sourceFormatCode(id: number): string {
    return formatCodeIn(this.source, id);
  }

  /** The target's id for a number-format code, adding a custom format when needed. */
  numberFormatId(formatCode: string): number {
    const builtin = BUILTIN_NUMBER_FORMATS[formatCode];
    if (builtin !== undefined) return builtin;
    let numFmts = child(this.target.root, 'numFmts');
    let maxId = FIRST_CUSTOM_NUMBER_FORMAT - 1;
    if (numFmts) {
      for (const nf of childElements(numFmts)) {
        const id = Number(getAttr(nf, 'numFmtId') ?? 0);
        if (getAttr(nf, 'formatCode') === formatCode) return id;
        maxId = Math.max(maxId, id);
      }
    } else {
      numFmts = element(`${this.targetPrefix}numFmts`, [['count', '0']]);
      insertInOrder(this.target.root, numFmts, STYLESHEET_ORDER);
    }
    const id = maxId + 1;
    numFmts.children.push(
      element(`${this.targetPrefix}numFmt`, [
        ['numFmtId', String(id)],
        ['formatCode', formatCode],
      ]),
    );
    setAttr(numFmts, 'count', String(childElements(numFmts).length));
    return id;
  }
}

function formatCodeIn(doc: XmlDocument, id: number): string {
  const numFmts = child(doc.root, 'numFmts');
  if (numFmts) {
    for (const nf of childElements(numFmts)) {
      if (Number(getAttr(nf, 'numFmtId')) === id) return getAttr(nf, 'formatCode') ?? 'General';
    }
  }
  for (const [code, builtinId] of Object.entries(BUILTIN_NUMBER_FORMATS)) if (builtinId === id) return code;
  return 'General';
}

/** The workbook's default font (font 0), for completing partial fonts in written cells. */
export function defaultFont(doc: XmlDocument | undefined): { name: string; size: number } {
  const fonts = doc && child(doc.root, 'fonts');
  const font = fonts && childElements(fonts)[0];
  const name = font && child(font, 'name');
  const size = font && child(font, 'sz');
  return {
    name: (name && getAttr(name, 'val')) || 'Calibri',
    size: Number((size && getAttr(size, 'val')) || 11) || 11,
  };
}

const MINIMAL_STYLES =
  '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n' +
  '<styleSheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">' +
  '<fonts count="1"><font><sz val="11"/><name val="Calibri"/><family val="2"/></font></fonts>' +
  '<fills count="2"><fill><patternFill patternType="none"/></fill><fill><patternFill patternType="gray125"/></fill></fills>' +
  '<borders count="1"><border><left/><right/><top/><bottom/><diagonal/></border></borders>' +
  '<cellStyleXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0"/></cellStyleXfs>' +
  '<cellXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0"/></cellXfs>' +
  '<cellStyles count="1"><cellStyle name="Normal" xfId="0" builtinId="0"/></cellStyles>' +
  '</styleSheet>';

/**
 * The workbook's stylesheet for editing. A workbook without one (the Open XML SDK writes such files) gets a
 * minimal one whose default format is what Excel assumes for cells without a format.
 */
export function ensureStyles(pkg: Package, workbookPart: string): XmlDocument {
  const actual = pkg.relatedPart(workbookPart, REL.styles);
  if (actual) return pkg.editXml(actual);
  const rels = pkg.rels(workbookPart);
  const name = pkg.freePartName('xl/styles', '.xml', true);
  pkg.setXml(name, parseXml(MINIMAL_STYLES));
  pkg.setContentType(name, CONTENT_TYPE.styles);
  pkg.writeRels(workbookPart, [
    ...rels,
    {
      id: Package.freeRelId(rels),
      type: REL.styles,
      target: relativeTarget(workbookPart, name),
      external: false,
    },
  ]);
  return pkg.editXml(name);
}
