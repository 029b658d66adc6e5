/**
 * The tests' one zip-fixture library for .xlsx packages: read a package's parts, and edit it as another program
 * would, by string surgery on its parts, without the add-in's adapter: set cells, protect or hide a sheet, lock
 * the structure, delete a sheet, add relationships and content types, an AutoFilter, comments, a chart, a pivot
 * table or a VBA project. The corpus (test/corpus) and the user workbooks (userWorkbook.ts) are built with it.
 */
import JSZip from 'jszip';

const MAIN_NS = 'http://schemas.openxmlformats.org/spreadsheetml/2006/main';
const REL_BASE = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships';
const PKG_RELS_NS = 'http://schemas.openxmlformats.org/package/2006/relationships';
const XML_HEAD = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n';

/** A value as a program writes it into a cell. */
export type XmlCell =
  | null
  | string
  | number
  | boolean
  | { error: string }
  | { formula: string; result?: string | number | boolean | { error: string } | null };

function escapeXml(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
}

export async function loadZip(bytes: Uint8Array): Promise<JSZip> {
  return JSZip.loadAsync(bytes);
}

export async function saveZip(zip: JSZip): Promise<Uint8Array> {
  return zip.generateAsync({ type: 'uint8array', compression: 'DEFLATE' });
}

/** Every part of a zip, decompressed, by name. */
export async function partsOf(bytes: Uint8Array): Promise<Map<string, Uint8Array>> {
  const zip = await JSZip.loadAsync(bytes);
  const parts = new Map<string, Uint8Array>();
  for (const entry of Object.values(zip.files))
    if (!entry.dir) parts.set(entry.name, await entry.async('uint8array'));
  return parts;
}

/** The text of one part of a zip. */
export async function partText(bytes: Uint8Array, name: string): Promise<string> {
  return readText(await JSZip.loadAsync(bytes), name);
}

export async function readText(zip: JSZip, name: string): Promise<string> {
  const file = zip.file(name);
  if (!file) throw new Error(`the package has no part ${name}`);
  return file.async('string');
}

async function editText(zip: JSZip, name: string, edit: (text: string) => string): Promise<void> {
  zip.file(name, edit(await readText(zip, name)));
}

/** The sheets of the workbook part: name, relationship id and part, in tab order. */
export async function sheetsOf(zip: JSZip): Promise<{ name: string; rid: string; part: string }[]> {
  const workbook = await readText(zip, 'xl/workbook.xml');
  const rels = await readText(zip, 'xl/_rels/workbook.xml.rels');
  const out: { name: string; rid: string; part: string }[] = [];
  for (const m of workbook.matchAll(/<sheet\b([^>]*?)\/?>/g)) {
    const name = /\bname="([^"]*)"/.exec(m[1])?.[1];
    const rid = /\br:id="([^"]*)"/.exec(m[1])?.[1];
    if (name === undefined || rid === undefined) continue;
    const rel = [...rels.matchAll(/<Relationship\b([^>]*?)\/?>/g)]
      .map((r) => r[1])
      .find((attrs) => new RegExp(`\\bId="${rid}"`).test(attrs));
    const target = rel && /\bTarget="([^"]*)"/.exec(rel)?.[1];
    if (!target) continue;
    const part = target.startsWith('/') ? target.slice(1) : `xl/${target}`;
    out.push({ name: decodeXml(name), rid, part });
  }
  return out;
}

function decodeXml(text: string): string {
  return text
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&apos;/g, "'")
    .replace(/&amp;/g, '&');
}

export async function sheetPart(zip: JSZip, sheet: string): Promise<string> {
  const found = (await sheetsOf(zip)).find((s) => s.name === sheet);
  if (!found) throw new Error(`corpus: no sheet ${sheet}`);
  return found.part;
}

function relsPartOf(part: string): string {
  const slash = part.lastIndexOf('/');
  return `${part.slice(0, slash)}/_rels/${part.slice(slash + 1)}.rels`;
}

/**
 * Adds a relationship from `fromPart` (its .rels part is made if missing) and returns its id: `id` if given,
 * else the first free rIdC<n>. `type` is the ECMA type's last segment ("drawing") or a whole type URI.
 */
export async function addRelationship(
  zip: JSZip,
  fromPart: string,
  type: string,
  target: string,
  id?: string,
): Promise<string> {
  const relsPart = relsPartOf(fromPart);
  const existing = zip.file(relsPart)
    ? await readText(zip, relsPart)
    : `${XML_HEAD}<Relationships xmlns="${PKG_RELS_NS}"></Relationships>`;
  let n = 1;
  while (existing.includes(`Id="rIdC${n}"`)) n += 1;
  const rid = id ?? `rIdC${n}`;
  const uri = type.includes('://') ? type : `${REL_BASE}/${type}`;
  zip.file(
    relsPart,
    existing.replace(
      '</Relationships>',
      `<Relationship Id="${rid}" Type="${uri}" Target="${target}"/></Relationships>`,
    ),
  );
  return rid;
}

/** Declares a part's content type (an Override in [Content_Types].xml); `part` without a leading slash. */
export async function addOverride(zip: JSZip, part: string, contentType: string): Promise<void> {
  await editText(zip, '[Content_Types].xml', (t) =>
    t.replace('</Types>', `<Override PartName="/${part}" ContentType="${contentType}"/></Types>`),
  );
}

async function addDefault(zip: JSZip, extension: string, contentType: string): Promise<void> {
  await editText(zip, '[Content_Types].xml', (t) =>
    t.includes(`Extension="${extension}"`)
      ? t
      : t.replace('<Override', `<Default Extension="${extension}" ContentType="${contentType}"/><Override`),
  );
}

// ---------------------------------------------------------------------------------------------------------
// Cells

function columnNumber(letters: string): number {
  let n = 0;
  for (const ch of letters) n = n * 26 + ch.charCodeAt(0) - 64;
  return n;
}

function splitAddress(address: string): { col: number; row: number } {
  const m = /^([A-Z]+)(\d+)$/.exec(address);
  if (!m) throw new Error(`corpus: bad address ${address}`);
  return { col: columnNumber(m[1]), row: Number(m[2]) };
}

function cellXml(address: string, style: string, value: XmlCell): string {
  const s = style ? ` s="${style}"` : '';
  if (value === null) return `<c r="${address}"${s}/>`;
  if (typeof value === 'string')
    return `<c r="${address}"${s} t="inlineStr"><is><t xml:space="preserve">${escapeXml(value)}</t></is></c>`;
  if (typeof value === 'number') return `<c r="${address}"${s}><v>${value}</v></c>`;
  if (typeof value === 'boolean') return `<c r="${address}"${s} t="b"><v>${value ? 1 : 0}</v></c>`;
  if ('error' in value) return `<c r="${address}"${s} t="e"><v>${escapeXml(value.error)}</v></c>`;
  const f = `<f>${escapeXml(value.formula.replace(/^=/, ''))}</f>`;
  const r = value.result;
  if (r === undefined || r === null) return `<c r="${address}"${s}>${f}</c>`;
  if (typeof r === 'string') return `<c r="${address}"${s} t="str">${f}<v>${escapeXml(r)}</v></c>`;
  if (typeof r === 'boolean') return `<c r="${address}"${s} t="b">${f}<v>${r ? 1 : 0}</v></c>`;
  if (typeof r === 'object') return `<c r="${address}"${s} t="e">${f}<v>${escapeXml(r.error)}</v></c>`;
  return `<c r="${address}"${s}>${f}<v>${r}</v></c>`;
}

/**
 * Sets cells of a worksheet part, keeping each cell's format (its s attribute). Cells and rows that do not
 * exist are created in order.
 */
export async function setCells(zip: JSZip, sheet: string, cells: Record<string, XmlCell>): Promise<void> {
  const part = await sheetPart(zip, sheet);
  let xml = await readText(zip, part);
  for (const [address, value] of Object.entries(cells)) {
    const existing = new RegExp(`<c r="${address}"(\\s[^>]*?)?(?:/>|>[\\s\\S]*?</c>)`).exec(xml);
    if (existing) {
      const style = /\bs="(\d+)"/.exec(existing[1] ?? '')?.[1] ?? '';
      xml =
        xml.slice(0, existing.index) +
        cellXml(address, style, value) +
        xml.slice(existing.index + existing[0].length);
      continue;
    }
    const { col, row } = splitAddress(address);
    const rowRe = new RegExp(`<row r="${row}"(\\s[^>]*?)?(/>|>([\\s\\S]*?)</row>)`);
    const rowMatch = rowRe.exec(xml);
    const fresh = cellXml(address, '', value);
    if (rowMatch) {
      const attrs = rowMatch[1] ?? '';
      const inner = rowMatch[3] ?? '';
      const cellsIn = [...inner.matchAll(/<c r="([A-Z]+)\d+"[\s\S]*?(?:\/>|<\/c>)/g)];
      const after = cellsIn.find((c) => columnNumber(c[1]) > col);
      const at = after ? (after.index as number) : inner.length;
      const newInner = inner.slice(0, at) + fresh + inner.slice(at);
      const rowXml = `<row r="${row}"${attrs.replace(/\sspans="[^"]*"/, '')}>${newInner}</row>`;
      xml = xml.slice(0, rowMatch.index) + rowXml + xml.slice(rowMatch.index + rowMatch[0].length);
      continue;
    }
    const rows = [...xml.matchAll(/<row r="(\d+)"/g)];
    const next = rows.find((r) => Number(r[1]) > row);
    const rowXml = `<row r="${row}">${fresh}</row>`;
    if (next) xml = xml.slice(0, next.index) + rowXml + xml.slice(next.index);
    else if (xml.includes('<sheetData/>'))
      xml = xml.replace('<sheetData/>', `<sheetData>${rowXml}</sheetData>`);
    else xml = xml.replace('</sheetData>', `${rowXml}</sheetData>`);
  }
  zip.file(part, xml);
}

// ---------------------------------------------------------------------------------------------------------
// Sheets and workbook

/** Protect Sheet, without a password, as Excel writes it. */
export async function protectSheet(zip: JSZip, sheet: string): Promise<void> {
  const part = await sheetPart(zip, sheet);
  await editText(zip, part, (t) =>
    t.replace(
      /(<\/sheetData>|<sheetData\/>)/,
      '$1<sheetProtection sheet="1" objects="1" scenarios="1" formatColumns="0" formatRows="0"/>',
    ),
  );
}

export async function setSheetState(
  zip: JSZip,
  sheet: string,
  state: 'hidden' | 'veryHidden',
): Promise<void> {
  await editText(zip, 'xl/workbook.xml', (t) =>
    t.replace(
      new RegExp(`<sheet name="${escapeXml(sheet)}"([^>]*?)(/?)>`),
      `<sheet name="${escapeXml(sheet)}"$1 state="${state}"$2>`,
    ),
  );
}

/** Review › Protect Workbook (structure). */
export async function lockStructure(zip: JSZip): Promise<void> {
  await editText(zip, 'xl/workbook.xml', (t) =>
    t.replace(/(<workbookPr\b[^>]*\/>)/, '$1<workbookProtection lockStructure="1"/>'),
  );
}

/** Deletes a sheet as Excel does: its entry, relationship, part and the names scoped to it. */
export async function removeSheet(zip: JSZip, sheet: string): Promise<void> {
  const sheets = await sheetsOf(zip);
  const index = sheets.findIndex((s) => s.name === sheet);
  if (index < 0) throw new Error(`corpus: no sheet ${sheet}`);
  const { rid, part } = sheets[index];
  await editText(zip, 'xl/workbook.xml', (t) => {
    let out = t.replace(new RegExp(`<sheet name="${escapeXml(sheet)}"[^>]*?/>`), '');
    out = out.replace(/<definedName\b([^>]*)>([\s\S]*?)<\/definedName>/g, (whole, attrs: string) => {
      const local = /localSheetId="(\d+)"/.exec(attrs);
      if (!local) return whole;
      const n = Number(local[1]);
      if (n === index) return '';
      return n > index ? whole.replace(`localSheetId="${n}"`, `localSheetId="${n - 1}"`) : whole;
    });
    return out.replace('<definedNames></definedNames>', '');
  });
  await editText(zip, 'xl/_rels/workbook.xml.rels', (t) =>
    t.replace(new RegExp(`<Relationship [^>]*Id="${rid}"[^>]*/>`), ''),
  );
  const rels = relsPartOf(part);
  if (zip.file(rels)) {
    for (const m of (await readText(zip, rels)).matchAll(/Target="\.\.\/tables\/([^"]+)"/g)) {
      zip.remove(`xl/tables/${m[1]}`);
      await editText(zip, '[Content_Types].xml', (t) =>
        t.replace(new RegExp(`<Override PartName="/xl/tables/${m[1]}"[^>]*/>`), ''),
      );
    }
    zip.remove(rels);
  }
  zip.remove(part);
  await editText(zip, '[Content_Types].xml', (t) =>
    t.replace(new RegExp(`<Override PartName="/${part}"[^>]*/>`), ''),
  );
}

/** Inserts a new worksheet holding `rows` (from A1) at the end of the tab order, as Excel does. */
export async function addSheet(zip: JSZip, name: string, rows: XmlCell[][]): Promise<void> {
  let n = 1;
  while (zip.file(`xl/worksheets/sheet${n}.xml`)) n += 1;
  const part = `xl/worksheets/sheet${n}.xml`;
  const data = rows
    .map(
      (cells, r) =>
        `<row r="${r + 1}">${cells.map((v, c) => cellXml(`${String.fromCharCode(65 + c)}${r + 1}`, '', v)).join('')}</row>`,
    )
    .join('');
  zip.file(
    part,
    `${XML_HEAD}<worksheet xmlns="${MAIN_NS}" xmlns:r="${REL_BASE}"><sheetData>${data}</sheetData>` +
      '<pageMargins left="0.7" right="0.7" top="0.75" bottom="0.75" header="0.3" footer="0.3"/></worksheet>',
  );
  await addOverride(zip, part, 'application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml');
  const rid = await addRelationship(zip, 'xl/workbook.xml', 'worksheet', `worksheets/sheet${n}.xml`);
  await editText(zip, 'xl/workbook.xml', (t) => {
    const ids = [...t.matchAll(/sheetId="(\d+)"/g)].map((m) => Number(m[1]));
    const entry = `<sheet name="${escapeXml(name)}" sheetId="${Math.max(0, ...ids) + 1}" r:id="${rid}"/>`;
    return t.replace('</sheets>', `${entry}</sheets>`);
  });
}

/** A filter on the header row with rows hidden by a value filter on column `col` (0-based). */
export async function addAutoFilter(
  zip: JSZip,
  sheet: string,
  ref: string,
  colId: number,
  shown: string[],
): Promise<void> {
  const part = await sheetPart(zip, sheet);
  const filters = shown.map((v) => `<filter val="${escapeXml(v)}"/>`).join('');
  await editText(zip, part, (t) =>
    t.replace(
      /(<\/sheetData>(?:<sheetProtection[^>]*\/>)?)/,
      `$1<autoFilter ref="${ref}"><filterColumn colId="${colId}"><filters>${filters}</filters></filterColumn></autoFilter>`,
    ),
  );
}

/** Puts an element into a worksheet part before the first of `before` that exists (CT_Worksheet order). */
function insertBefore(xml: string, element: string, before: string[]): string {
  for (const tag of before) {
    const i = xml.indexOf(`<${tag}`);
    if (i >= 0) return xml.slice(0, i) + element + xml.slice(i);
  }
  return xml.replace('</worksheet>', `${element}</worksheet>`);
}

const AFTER_DRAWING = [
  'legacyDrawing',
  'legacyDrawingHF',
  'drawingHF',
  'picture',
  'oleObjects',
  'controls',
  'webPublishItems',
  'tableParts',
  'extLst',
];
const AFTER_LEGACY = AFTER_DRAWING.slice(1);

let partCounter = 100;
function fresh(): number {
  partCounter += 1;
  return partCounter;
}

/** Legacy comments (notes) on cells of a sheet that has none yet, as Excel writes them. */
export async function addComments(
  zip: JSZip,
  sheet: string,
  notes: { ref: string; text: string }[],
): Promise<void> {
  const part = await sheetPart(zip, sheet);
  const n = fresh();
  const comments = `xl/comments${n}.xml`;
  const vml = `xl/drawings/vmlDrawing${n}.vml`;
  zip.file(
    comments,
    `${XML_HEAD}<comments xmlns="${MAIN_NS}"><authors><author>Văn thư</author></authors><commentList>` +
      notes
        .map(
          (c) =>
            `<comment ref="${c.ref}" authorId="0"><text><r><t xml:space="preserve">${escapeXml(c.text)}</t></r></text></comment>`,
        )
        .join('') +
      '</commentList></comments>',
  );
  const shapes = notes
    .map((c) => {
      const { col, row } = splitAddress(c.ref);
      return (
        `<v:shape id="_x0000_s${1024 + row * 30 + col}" type="#_x0000_t202" style="position:absolute;margin-left:59.25pt;margin-top:1.5pt;width:108pt;height:59.25pt;z-index:1;visibility:hidden" fillcolor="#ffffe1" o:insetmode="auto">` +
        '<v:fill color2="#ffffe1"/><v:shadow on="t" color="black" obscured="t"/><v:path o:connecttype="none"/>' +
        '<v:textbox style="mso-direction-alt:auto"><div style="text-align:left"></div></v:textbox>' +
        `<x:ClientData ObjectType="Note"><x:MoveWithCells/><x:SizeWithCells/><x:AutoFill>False</x:AutoFill><x:Row>${row - 1}</x:Row><x:Column>${col - 1}</x:Column></x:ClientData></v:shape>`
      );
    })
    .join('');
  zip.file(
    vml,
    '<xml xmlns:v="urn:schemas-microsoft-com:vml" xmlns:o="urn:schemas-microsoft-com:office:office" xmlns:x="urn:schemas-microsoft-com:office:excel">' +
      '<o:shapelayout v:ext="edit"><o:idmap v:ext="edit" data="1"/></o:shapelayout>' +
      '<v:shapetype id="_x0000_t202" coordsize="21600,21600" o:spt="202" path="m,l,21600r21600,l21600,xe"><v:stroke joinstyle="miter"/><v:path gradientshapeok="t" o:connecttype="rect"/></v:shapetype>' +
      `${shapes}</xml>`,
  );
  await addDefault(zip, 'vml', 'application/vnd.openxmlformats-officedocument.vmlDrawing');
  await addOverride(
    zip,
    comments,
    'application/vnd.openxmlformats-officedocument.spreadsheetml.comments+xml',
  );
  await addRelationship(zip, part, 'comments', `../comments${n}.xml`);
  const vmlId = await addRelationship(zip, part, 'vmlDrawing', `../drawings/vmlDrawing${n}.vml`);
  await editText(zip, part, (t) =>
    insertBefore(ensureRelNs(t), `<legacyDrawing r:id="${vmlId}"/>`, AFTER_LEGACY),
  );
}

function ensureRelNs(xml: string): string {
  if (/xmlns:r="/.test(xml)) return xml;
  return xml.replace(/<worksheet\b/, `<worksheet xmlns:r="${REL_BASE}"`);
}

/** A clustered bar chart of `categories` / `values` (absolute ranges with sheet) drawn on `sheet`. */
export async function addChart(
  zip: JSZip,
  sheet: string,
  categories: string,
  values: string,
): Promise<string> {
  const part = await sheetPart(zip, sheet);
  const n = fresh();
  const chart = `xl/charts/chart${n}.xml`;
  const drawing = `xl/drawings/drawing${n}.xml`;
  zip.file(
    chart,
    `${XML_HEAD}<c:chartSpace xmlns:c="http://schemas.openxmlformats.org/drawingml/2006/chart" xmlns:a="http://schemas.openxmlformats.org/drawingml/2006/main" xmlns:r="${REL_BASE}">` +
      '<c:chart><c:autoTitleDeleted val="1"/><c:plotArea><c:layout/><c:barChart><c:barDir val="col"/><c:grouping val="clustered"/><c:varyColors val="0"/>' +
      `<c:ser><c:idx val="0"/><c:order val="0"/><c:cat><c:strRef><c:f>${escapeXml(categories)}</c:f></c:strRef></c:cat>` +
      `<c:val><c:numRef><c:f>${escapeXml(values)}</c:f></c:numRef></c:val></c:ser>` +
      '<c:axId val="10"/><c:axId val="20"/></c:barChart>' +
      '<c:catAx><c:axId val="10"/><c:scaling><c:orientation val="minMax"/></c:scaling><c:delete val="0"/><c:axPos val="b"/><c:crossAx val="20"/></c:catAx>' +
      '<c:valAx><c:axId val="20"/><c:scaling><c:orientation val="minMax"/></c:scaling><c:delete val="0"/><c:axPos val="l"/><c:crossAx val="10"/></c:valAx>' +
      '</c:plotArea><c:plotVisOnly val="1"/></c:chart></c:chartSpace>',
  );
  zip.file(
    drawing,
    `${XML_HEAD}<xdr:wsDr xmlns:xdr="http://schemas.openxmlformats.org/drawingml/2006/spreadsheetDrawing" xmlns:a="http://schemas.openxmlformats.org/drawingml/2006/main">` +
      '<xdr:twoCellAnchor><xdr:from><xdr:col>4</xdr:col><xdr:colOff>0</xdr:colOff><xdr:row>1</xdr:row><xdr:rowOff>0</xdr:rowOff></xdr:from>' +
      '<xdr:to><xdr:col>10</xdr:col><xdr:colOff>0</xdr:colOff><xdr:row>16</xdr:row><xdr:rowOff>0</xdr:rowOff></xdr:to>' +
      '<xdr:graphicFrame macro=""><xdr:nvGraphicFramePr><xdr:cNvPr id="2" name="Biểu đồ 1"/><xdr:cNvGraphicFramePr/></xdr:nvGraphicFramePr>' +
      '<xdr:xfrm><a:off x="0" y="0"/><a:ext cx="0" cy="0"/></xdr:xfrm><a:graphic><a:graphicData uri="http://schemas.openxmlformats.org/drawingml/2006/chart">' +
      `<c:chart xmlns:c="http://schemas.openxmlformats.org/drawingml/2006/chart" xmlns:r="${REL_BASE}" r:id="rId1"/>` +
      '</a:graphicData></a:graphic></xdr:graphicFrame><xdr:clientData/></xdr:twoCellAnchor></xdr:wsDr>',
  );
  zip.file(
    relsPartOf(drawing),
    `${XML_HEAD}<Relationships xmlns="${PKG_RELS_NS}"><Relationship Id="rId1" Type="${REL_BASE}/chart" Target="../charts/chart${n}.xml"/></Relationships>`,
  );
  await addOverride(zip, drawing, 'application/vnd.openxmlformats-officedocument.drawing+xml');
  await addOverride(zip, chart, 'application/vnd.openxmlformats-officedocument.drawingml.chart+xml');
  const id = await addRelationship(zip, part, 'drawing', `../drawings/drawing${n}.xml`);
  await editText(zip, part, (t) => {
    if (t.includes('<drawing ')) throw new Error(`corpus: ${sheet} already has a drawing`);
    return insertBefore(ensureRelNs(t), `<drawing r:id="${id}"/>`, AFTER_DRAWING);
  });
  return chart;
}

/**
 * A pivot table on `sheet` summing column 2 of `source` (a 2-column range with a header row) by column 1,
 * with its cache (definition and records), as Excel saves one.
 */
export async function addPivotTable(
  zip: JSZip,
  sheet: string,
  source: { sheet: string; ref: string; header: [string, string]; rows: [string, number][] },
  at: string,
): Promise<void> {
  const part = await sheetPart(zip, sheet);
  const n = fresh();
  const labels = [...new Set(source.rows.map((r) => r[0]))];
  const numbers = source.rows.map((r) => r[1]);
  const def = `xl/pivotCache/pivotCacheDefinition${n}.xml`;
  const rec = `xl/pivotCache/pivotCacheRecords${n}.xml`;
  const table = `xl/pivotTables/pivotTable${n}.xml`;
  zip.file(
    def,
    `${XML_HEAD}<pivotCacheDefinition xmlns="${MAIN_NS}" xmlns:r="${REL_BASE}" r:id="rId1" refreshOnLoad="1" createdVersion="6" refreshedVersion="6" minRefreshableVersion="3" recordCount="${source.rows.length}">` +
      `<cacheSource type="worksheet"><worksheetSource ref="${source.ref}" sheet="${escapeXml(source.sheet)}"/></cacheSource>` +
      `<cacheFields count="2"><cacheField name="${escapeXml(source.header[0])}" numFmtId="0"><sharedItems count="${labels.length}">` +
      labels.map((l) => `<s v="${escapeXml(l)}"/>`).join('') +
      '</sharedItems></cacheField>' +
      `<cacheField name="${escapeXml(source.header[1])}" numFmtId="0"><sharedItems containsSemiMixedTypes="0" containsString="0" containsNumber="1" containsInteger="1" minValue="${Math.min(...numbers)}" maxValue="${Math.max(...numbers)}"/></cacheField>` +
      '</cacheFields></pivotCacheDefinition>',
  );
  zip.file(
    relsPartOf(def),
    `${XML_HEAD}<Relationships xmlns="${PKG_RELS_NS}"><Relationship Id="rId1" Type="${REL_BASE}/pivotCacheRecords" Target="pivotCacheRecords${n}.xml"/></Relationships>`,
  );
  zip.file(
    rec,
    `${XML_HEAD}<pivotCacheRecords xmlns="${MAIN_NS}" count="${source.rows.length}">` +
      source.rows.map(([l, v]) => `<r><x v="${labels.indexOf(l)}"/><n v="${v}"/></r>`).join('') +
      '</pivotCacheRecords>',
  );
  const { col, row } = splitAddress(at);
  const last = `${String.fromCharCode(64 + col + 1)}${row + labels.length + 1}`;
  zip.file(
    table,
    `${XML_HEAD}<pivotTableDefinition xmlns="${MAIN_NS}" name="BangTongHop${n}" cacheId="${n}" applyNumberFormats="0" applyBorderFormats="0" applyFontFormats="0" applyPatternFormats="0" applyAlignmentFormats="0" applyWidthHeightFormats="1" dataCaption="Giá trị" updatedVersion="6" minRefreshableVersion="3" useAutoFormatting="1" itemPrintTitles="1" createdVersion="6" indent="0" outline="1" outlineData="1" multipleFieldFilters="0">` +
      `<location ref="${at}:${last}" firstHeaderRow="1" firstDataRow="1" firstDataCol="1"/>` +
      `<pivotFields count="2"><pivotField axis="axisRow" showAll="0"><items count="${labels.length + 1}">` +
      labels.map((_, i) => `<item x="${i}"/>`).join('') +
      '<item t="default"/></items></pivotField><pivotField dataField="1" showAll="0"/></pivotFields>' +
      `<rowFields count="1"><field x="0"/></rowFields><rowItems count="${labels.length + 1}">` +
      labels.map((_, i) => (i === 0 ? '<i><x/></i>' : `<i><x v="${i}"/></i>`)).join('') +
      '<i t="grand"><x/></i></rowItems><colItems count="1"><i/></colItems>' +
      `<dataFields count="1"><dataField name="Tổng ${escapeXml(source.header[1])}" fld="1" baseField="0" baseItem="0"/></dataFields>` +
      '<pivotTableStyleInfo name="PivotStyleLight16" showRowHeaders="1" showColHeaders="1" showRowStripes="0" showColStripes="0" showLastColumn="1"/>' +
      '</pivotTableDefinition>',
  );
  zip.file(
    relsPartOf(table),
    `${XML_HEAD}<Relationships xmlns="${PKG_RELS_NS}"><Relationship Id="rId1" Type="${REL_BASE}/pivotCacheDefinition" Target="../pivotCache/pivotCacheDefinition${n}.xml"/></Relationships>`,
  );
  await addOverride(
    zip,
    def,
    'application/vnd.openxmlformats-officedocument.spreadsheetml.pivotCacheDefinition+xml',
  );
  await addOverride(
    zip,
    rec,
    'application/vnd.openxmlformats-officedocument.spreadsheetml.pivotCacheRecords+xml',
  );
  await addOverride(zip, table, 'application/vnd.openxmlformats-officedocument.spreadsheetml.pivotTable+xml');
  await addRelationship(zip, part, 'pivotTable', `../pivotTables/pivotTable${n}.xml`);
  const cacheRel = await addRelationship(
    zip,
    'xl/workbook.xml',
    'pivotCacheDefinition',
    `pivotCache/pivotCacheDefinition${n}.xml`,
  );
  await editText(zip, 'xl/workbook.xml', (t) => {
    const entry = `<pivotCache cacheId="${n}" r:id="${cacheRel}"/>`;
    if (t.includes('</pivotCaches>')) return t.replace('</pivotCaches>', `${entry}</pivotCaches>`);
    const anchor = [
      '<smartTagPr',
      '<smartTagTypes',
      '<webPublishing',
      '<fileRecoveryPr',
      '<webPublishObjects',
      '<extLst',
      '</workbook>',
    ].find((a) => t.includes(a)) as string;
    return t.replace(anchor, `<pivotCaches>${entry}</pivotCaches>${anchor}`);
  });
}

/** An .xlsm's VBA project (a stand-in binary) and the macro-enabled workbook content type. */
export async function addVbaProject(zip: JSZip): Promise<void> {
  const bytes = new Uint8Array(512);
  bytes.set([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]);
  for (let i = 8; i < bytes.length; i++) bytes[i] = (i * 37) % 251;
  zip.file('xl/vbaProject.bin', bytes);
  await editText(zip, '[Content_Types].xml', (t) =>
    t.replace(
      'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml',
      'application/vnd.ms-excel.sheet.macroEnabled.main+xml',
    ),
  );
  await addDefault(zip, 'bin', 'application/vnd.ms-office.vbaProject');
  await addRelationship(zip, 'xl/workbook.xml', 'vbaProject', 'vbaProject.bin').then(() =>
    // VBA's relationship type lives in Microsoft's namespace, not the ECMA one.
    editText(zip, 'xl/_rels/workbook.xml.rels', (t) =>
      t.replace(
        `${REL_BASE}/vbaProject`,
        'http://schemas.microsoft.com/office/2006/relationships/vbaProject',
      ),
    ),
  );
}
