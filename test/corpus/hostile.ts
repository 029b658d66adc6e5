/**
 * The hostile corpus (issue 13): workbooks made as an attacker or an unlucky user would make them, to show
 * that no file can crash, hang or balloon `cchc`, and that a file the tool cannot trust is refused with its
 * reason rather than silently repaired. Every case is built here at test time from the add-in's own tracker,
 * in well under a second and a few megabytes at most (bombs are a compressed block repeated, never the
 * gigabytes they unzip to): no binary lives in the repository.
 *
 * hostile.test.ts runs each case through `cchc check` and `cchc report` in a child process whose heap is
 * capped; `npm run bench` prints each case's peak memory and time (bench/hostileBench.ts).
 * `npx tsx scripts/make-corpus.ts DIR --hostile` writes them to DIR.
 */
import { FILE_LIMITS } from '../../src/workbook/limits';
import { addinTracker } from './build';
import { baseRows } from './cases';
import { buildZip, deflateBomb, entriesOf, type RawEntry, setText, textOf } from './rawZip';

export interface HostileCase {
  id: string;
  /** What the file is, and which finding of issue 13 it answers. */
  title: string;
  build(): Promise<Uint8Array>;
  /**
   * `cchc check FILE`: exit code and what the one line on stderr says (exit 2); or 'asTracker' for a file
   * that must read as the tracker it was made from: the same exit and the same problems, whatever the
   * checking rules find in that tracker.
   */
  check: { exit: 0 | 1 | 2 | 'asTracker'; says?: string[] };
  /**
   * `cchc report FILE` in place: written (exit 0), or refused (exit 2) with the file left byte for byte. For
   * a written report, `says` are texts its sheet must hold.
   */
  report: { exit: 0 | 2; says?: string[] };
}

const GB = 1024 * 1024 * 1024;
const MB = 1024 * 1024;
const MAIN_NS = 'http://schemas.openxmlformats.org/spreadsheetml/2006/main';
const TRACKER = 'Nhiệm vụ';

let cachedBase: Promise<Uint8Array> | undefined;

/** The add-in's tracker with the corpus's 24 clean rows (check: no errors; report: written). */
export function baseTracker(): Promise<Uint8Array> {
  cachedBase ??= addinTracker(baseRows());
  return cachedBase;
}

async function baseEntries(): Promise<RawEntry[]> {
  return entriesOf(await baseTracker());
}

/** The part that holds a sheet, from workbook.xml and its relationships (our own file: plain regexes). */
function rawSheetPart(entries: RawEntry[], sheet: string): string {
  const workbook = textOf(entries.find((e) => e.name === 'xl/workbook.xml') as RawEntry);
  const rels = textOf(entries.find((e) => e.name === 'xl/_rels/workbook.xml.rels') as RawEntry);
  const rid = new RegExp(`<sheet [^>]*name="${sheet}"[^>]*r:id="([^"]+)"`).exec(workbook)?.[1];
  const target = new RegExp(`Id="${rid}"[^>]*Target="([^"]+)"`).exec(rels)?.[1];
  if (!rid || !target) throw new Error(`hostile: no sheet ${sheet}`);
  return target.startsWith('/') ? target.slice(1) : `xl/${target}`;
}

/** The tracker with its sheet XML edited. */
async function trackerEdited(edit: (xml: string) => string): Promise<Uint8Array> {
  const entries = await baseEntries();
  setText(entries, rawSheetPart(entries, TRACKER), edit);
  return buildZip(entries);
}

/** Inserts `xml` just before </sheetData>. */
const beforeSheetDataEnd =
  (xml: string) =>
  (text: string): string =>
    text.replace('</sheetData>', `${xml}</sheetData>`);

/** The tracker with one part replaced by a deflate bomb (`declared`: the size the directory states). */
async function trackerWithBomb(
  part: 'tracker' | string,
  size: number,
  declared: number,
): Promise<Uint8Array> {
  const entries = await baseEntries();
  const name = part === 'tracker' ? rawSheetPart(entries, TRACKER) : part;
  const bomb: RawEntry = {
    name,
    deflated: deflateBomb(`<worksheet xmlns="${MAIN_NS}"><sheetData>`, size, '</sheetData></worksheet>'),
    declaredSize: declared,
  };
  const at = entries.findIndex((e) => e.name === name);
  if (at >= 0) entries[at] = bomb;
  else entries.push(bomb);
  return buildZip(entries);
}

function columnLetters(col: number): string {
  let s = '';
  for (let n = col; n > 0; n = Math.floor((n - 1) / 26)) s = String.fromCharCode(65 + ((n - 1) % 26)) + s;
  return s;
}

/** Nested elements, `depth` deep, built without recursion. */
function nested(depth: number, name = 'x'): string {
  return `<${name}>`.repeat(depth) + `</${name}>`.repeat(depth);
}

const TOO_LARGE = ['Không đọc được tệp', 'quá lớn'];
const DAMAGED = ['Không đọc được tệp', 'bị hỏng'];
const NOT_REPAIRED = ['Không đọc được tệp', 'không tự sửa tệp'];

export function hostileCases(): HostileCase[] {
  const refused = (says: string[]): Pick<HostileCase, 'check' | 'report'> => ({
    check: { exit: 2, says },
    report: { exit: 2, says },
  });
  return [
    // Why: "Tiny files kill the process" (1): the reader looped to the row number in the file.
    {
      id: 'row-beyond-excel',
      title: 'A cell in row 99,999,999,999 (Excel stops at 1,048,576)',
      build: () =>
        trackerEdited(
          beforeSheetDataEnd(
            '<row r="99999999999"><c r="A99999999999" t="inlineStr"><is><t>x</t></is></c></row>',
          ),
        ),
      ...refused(['Không đọc được tệp', '99.999.999.999', '1.048.576 dòng']),
    },
    // Why: "Tiny files kill the process" (2): a valid file; the sparse path read all 16,384 cells of each row.
    {
      id: 'styled-xfd-2000-rows',
      title: 'A styled empty cell in column XFD on 2,000 rows (a valid workbook)',
      build: () =>
        trackerEdited((xml) => {
          let last = 0;
          const withCells = xml.replace(/<row r="(\d+)"([^>]*)>([\s\S]*?)<\/row>/g, (_m, r, attrs, body) => {
            last = Number(r);
            return `<row r="${r}"${attrs}>${body}<c r="XFD${r}" s="1"/></row>`;
          });
          const more: string[] = [];
          for (let r = last + 1; r <= 2000; r += 1) more.push(`<row r="${r}"><c r="XFD${r}" s="1"/></row>`);
          return beforeSheetDataEnd(more.join(''))(withCells);
        }),
      check: { exit: 'asTracker' },
      report: { exit: 0 },
    },
    // A cell one column past XFD, and a column range to 99,999,999 (ExcelJS made a column object for each).
    {
      id: 'column-beyond-xfd',
      title: 'A cell in column XFE (Excel stops at XFD)',
      build: () => trackerEdited(beforeSheetDataEnd('<row r="3000"><c r="XFE3000"><v>1</v></c></row>')),
      ...refused(['Không đọc được tệp', 'XFD']),
    },
    {
      id: 'column-range-beyond-xfd',
      title: 'A column format from A to column 99,999,999',
      build: () =>
        trackerEdited((xml) =>
          xml.replace(/<cols>/, '<cols><col min="20" max="99999999" width="9" customWidth="1"/>'),
        ),
      ...refused(['Không đọc được tệp', '99.999.999', 'XFD']),
    },
    // Why: "No bound on unzipping": every entry was inflated up front.
    {
      id: 'bomb-tracker',
      title: 'A 4 MB file whose tracker sheet unzips to 3.5 GB (declared as such)',
      build: () => trackerWithBomb('tracker', 3.5 * GB, 3.5 * GB + 64),
      ...refused([...TOO_LARGE, '256 MB']),
    },
    {
      id: 'bomb-tracker-lying-size',
      title: 'The same bomb, its directory claiming 60 MB (the sizes lie)',
      build: () => trackerWithBomb('tracker', 3.5 * GB, 60 * MB),
      ...refused(DAMAGED),
    },
    {
      id: 'bomb-orphan',
      title: 'A part nothing refers to that unzips to 3 GB (declared as such)',
      build: () => trackerWithBomb('xl/media/orphan.bin', 3 * GB, 3 * GB + 64),
      ...refused([...TOO_LARGE, '256 MB']),
    },
    {
      id: 'bomb-orphan-lying-size',
      title: 'A 3 GB orphan part claiming 1 KB: never unzipped, saved as it came',
      build: () => trackerWithBomb('xl/media/orphan.bin', 3 * GB, 1024),
      check: { exit: 'asTracker' },
      report: { exit: 0 },
    },
    {
      id: 'part-past-limit',
      title: 'A stylesheet that unzips to 70 MB (past the 64 MB a part may unzip to)',
      build: async () => {
        const entries = await baseEntries();
        const styles = entries.find((e) => e.name === 'xl/styles.xml') as RawEntry;
        const text = textOf(styles);
        const at = text.indexOf('>', text.indexOf('<styleSheet')) + 1;
        styles.deflated = deflateBomb(text.slice(0, at), 70 * MB, text.slice(at));
        styles.declaredSize = Buffer.byteLength(text) + 70 * MB;
        delete styles.data;
        return buildZip(entries);
      },
      ...refused([...TOO_LARGE, 'xl/styles.xml', '64 MB']),
    },
    {
      id: 'too-many-entries',
      title: '12,000 empty entries in the zip',
      build: async () => {
        const entries = await baseEntries();
        for (let i = 0; i < 12_000; i += 1) entries.push({ name: `customXml/e${i}.xml`, data: '' });
        return buildZip(entries);
      },
      ...refused([...TOO_LARGE, '10.000 phần']),
    },
    {
      id: 'overlapping-entries',
      title: 'Two entries sharing one block of compressed data (how some bombs multiply)',
      build: async () => {
        const entries = await baseEntries();
        const at = entries.findIndex((e) => e.name === 'xl/styles.xml');
        entries.push({ name: 'customXml/copy.xml', sameDataAs: at });
        return buildZip(entries);
      },
      ...refused(DAMAGED),
    },
    // Why: "A regex with quadratic time" over a million "<c" in a comment.
    {
      id: 'million-c-in-comment',
      title: 'A million "<c" in a comment of the tracker sheet (17 KB zipped)',
      build: () => trackerEdited(beforeSheetDataEnd(`<!--${'<c'.repeat(1_000_000)}-->`)),
      check: { exit: 'asTracker' },
      report: { exit: 0 },
    },
    {
      id: 'million-c-unclosed',
      title: 'A million "<c " in a row, none of them closed by ">"',
      build: () => trackerEdited(beforeSheetDataEnd(`<row r="3001">${'<c '.repeat(1_000_000)}</row>`)),
      ...refused(DAMAGED),
    },
    {
      id: 'cells-without-end-tags',
      title: '300,000 cells opened and never closed (each inside the one before)',
      build: () => trackerEdited(beforeSheetDataEnd(`<row r="3002">${'<c><v>1</v>'.repeat(300_000)}</row>`)),
      ...refused(['Không đọc được tệp', 'lồng nhau sâu quá 256 cấp']),
    },
    {
      id: 'text-of-3-million-characters',
      title: 'A cell holding 3 million characters (Excel holds 32,767)',
      build: () =>
        trackerEdited(
          beforeSheetDataEnd(
            `<row r="3006"><c r="A3006" t="inlineStr"><is><t>${'&lt;c '.repeat(1_000_000)}</t></is></c></row>`,
          ),
        ),
      ...refused(['Không đọc được tệp', '3.000.000 ký tự', '32.767 ký tự']),
    },
    // Not hostile by intent: a pasted block of broken rows. The report listed every one of them under the
    // printed report, about ten milliseconds a row (minutes for thousands); now 50 are listed, the rest counted.
    {
      id: 'broken-rows-3000',
      title: '3,000 rows of numbers pasted under the tracker (every one a row with data errors)',
      build: () =>
        trackerEdited(beforeSheetDataEnd(rows(3000, 3000, 12, (ref) => `<c r="${ref}"><v>7</v></c>`))),
      check: { exit: 1 },
      report: { exit: 0, says: ['dòng khác có lỗi dữ liệu'] },
    },
    // Nesting: 200,000 levels overflowed the XML writer's stack.
    {
      id: 'nested-200000-workbook',
      title: 'workbook.xml nesting 200,000 elements (overflowed the XML writer)',
      build: async () => {
        const entries = await baseEntries();
        setText(entries, 'xl/workbook.xml', (xml) =>
          xml.replace('</workbook>', `<extLst><ext uri="{x}">${nested(200_000)}</ext></extLst></workbook>`),
        );
        return buildZip(entries);
      },
      ...refused(['Không đọc được tệp', 'xl/workbook.xml', 'lồng nhau sâu quá 256 cấp']),
    },
    {
      id: 'nested-200000-sheet',
      title: 'A cell of the tracker nesting 200,000 elements',
      build: () =>
        trackerEdited(
          beforeSheetDataEnd(
            `<row r="3003"><c r="A3003" t="inlineStr"><is>${nested(200_000, 'r')}</is></c></row>`,
          ),
        ),
      ...refused(['Không đọc được tệp', 'lồng nhau sâu quá 256 cấp']),
    },
    // Cells and grids past their limits.
    {
      id: 'too-many-cells',
      title: '600,000 formatted cells on the tracker',
      build: () => {
        const rows: string[] = [];
        for (let r = 3000; r < 3000 + 50_000; r += 1) {
          const cells: string[] = [];
          for (let c = 1; c <= 12; c += 1) cells.push(`<c r="${columnLetters(c)}${r}" s="1"/>`);
          rows.push(`<row r="${r}">${cells.join('')}</row>`);
        }
        return trackerEdited(beforeSheetDataEnd(rows.join('')));
      },
      ...refused([...TOO_LARGE, '300.000 ô']),
    },
    {
      id: 'values-in-xfd-2000-rows',
      title: 'A value in column XFD on 2,000 rows (a grid of 32 million cells)',
      build: () => {
        const rows: string[] = [];
        for (let r = 3000; r < 5000; r += 1) rows.push(`<row r="${r}"><c r="XFD${r}"><v>1</v></c></row>`);
        return trackerEdited(beforeSheetDataEnd(rows.join('')));
      },
      ...refused([...TOO_LARGE, '5.000.000 ô']),
    },
    {
      id: 'shared-strings-flood',
      title: '700,000 entries in the shared-string table',
      build: async () => {
        const entries = await baseEntries();
        const si = '<si><t>a</t></si>'.repeat(700_000);
        const sst = `<?xml version="1.0" encoding="UTF-8"?><sst xmlns="${MAIN_NS}">${si}</sst>`;
        const existing = entries.find((e) => /sharedStrings\.xml$/.test(e.name));
        if (existing) existing.data = sst;
        else {
          entries.push({ name: 'xl/sharedStrings.xml', data: sst });
          setText(entries, 'xl/_rels/workbook.xml.rels', (x) =>
            x.replace(
              '</Relationships>',
              '<Relationship Id="rIdSst" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/sharedStrings" Target="sharedStrings.xml"/></Relationships>',
            ),
          );
          setText(entries, '[Content_Types].xml', (x) =>
            x.replace(
              '</Types>',
              '<Override PartName="/xl/sharedStrings.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sharedStrings+xml"/></Types>',
            ),
          );
        }
        return buildZip(entries);
      },
      ...refused([...TOO_LARGE, '300.000 ô']),
    },
    {
      id: 'character-reference-past-unicode',
      title: 'A cached formula result "&#99999999;" (no such character)',
      build: () =>
        trackerEdited(
          beforeSheetDataEnd('<row r="3004"><c r="Z3004" t="str"><f>"x"</f><v>&#99999999;</v></c></row>'),
        ),
      ...refused(DAMAGED),
    },
    {
      id: 'billion-laughs',
      title: 'The "billion laughs" entity expansion in the tracker sheet',
      build: () =>
        trackerEdited((xml) => {
          const entities = ['<!ENTITY l0 "ha">'];
          for (let i = 1; i <= 9; i += 1) entities.push(`<!ENTITY l${i} "${`&l${i - 1};`.repeat(10)}">`);
          return xml
            .replace('<worksheet', `<!DOCTYPE worksheet [${entities.join('')}]><worksheet`)
            .replace(
              '</sheetData>',
              '<row r="3005"><c r="A3005" t="inlineStr"><is><t>&l9;</t></is></c></row></sheetData>',
            );
        }),
      ...refused(DAMAGED),
    },
    // Why: "Silent repairs": duplicate entries lost the first copy; traversal names were renamed.
    {
      id: 'duplicate-entry',
      title: 'The tracker sheet stored twice under one name (the first copy was silently lost)',
      build: async () => {
        const entries = await baseEntries();
        const part = rawSheetPart(entries, TRACKER);
        const copy = { ...(entries.find((e) => e.name === part) as RawEntry) };
        setText([copy], part, (xml) => xml.replace(/<sheetData>[\s\S]*<\/sheetData>/, '<sheetData/>'));
        entries.push(copy);
        return buildZip(entries);
      },
      ...refused([...NOT_REPAIRED, 'hai phần cùng tên']),
    },
    {
      id: 'duplicate-entry-other-case',
      title: 'xl/styles.xml and XL/STYLES.XML (one part to Excel: names ignore case)',
      build: async () => {
        const entries = await baseEntries();
        const styles = entries.find((e) => e.name === 'xl/styles.xml') as RawEntry;
        entries.push({ ...styles, name: 'XL/STYLES.XML' });
        return buildZip(entries);
      },
      ...refused([...NOT_REPAIRED, 'hai phần cùng tên']),
    },
    {
      id: 'entry-traversal',
      title: 'An entry named "../../evil.xml" (renamed silently before)',
      build: async () => buildZip([...(await baseEntries()), { name: '../../evil.xml', data: '<x/>' }]),
      ...refused([...NOT_REPAIRED, 'nằm ngoài gói', '../../evil.xml']),
    },
    {
      id: 'entry-absolute',
      title: 'An entry named "/xl/evil.xml"',
      build: async () => buildZip([...(await baseEntries()), { name: '/xl/evil.xml', data: '<x/>' }]),
      ...refused([...NOT_REPAIRED, 'nằm ngoài gói']),
    },
    {
      id: 'relationship-outside',
      title: 'A relationship of the workbook pointing to "../../../outside.xml"',
      build: async () => {
        const entries = await baseEntries();
        setText(entries, 'xl/_rels/workbook.xml.rels', (x) =>
          x.replace(
            '</Relationships>',
            '<Relationship Id="rIdOut" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/customXml" Target="../../../outside.xml"/></Relationships>',
          ),
        );
        return buildZip(entries);
      },
      ...refused([...NOT_REPAIRED, 'nằm ngoài gói', '../../../outside.xml']),
    },
    {
      id: 'sheets-sharing-a-part',
      title: "A second sheet entry pointing at the tracker's own part",
      build: async () => {
        const entries = await baseEntries();
        setText(entries, 'xl/workbook.xml', (x) => {
          const rid = /<sheet [^>]*name="Nhiệm vụ"[^>]*r:id="([^"]+)"/.exec(x)?.[1];
          return x.replace('</sheets>', `<sheet name="Bản sao" sheetId="999" r:id="${rid}"/></sheets>`);
        });
        return buildZip(entries);
      },
      ...refused(DAMAGED),
    },
    {
      id: 'twenty-thousand-sheet-entries',
      title: '20,000 sheet entries in workbook.xml (Math.max over their ids overflowed the stack)',
      build: async () => {
        const entries = await baseEntries();
        const extra = Array.from(
          { length: 20_000 },
          (_, i) => `<sheet name="T${i}" sheetId="${1000 + i}" r:id="rNone${i}"/>`,
        );
        setText(entries, 'xl/workbook.xml', (x) => x.replace('</sheets>', `${extra.join('')}</sheets>`));
        return buildZip(entries);
      },
      ...refused([...TOO_LARGE, '10.000 trang tính']),
    },
    // Why: "Messages that mislead".
    {
      id: 'strict-open-xml',
      title: 'A workbook saved as Strict Open XML',
      build: async () => {
        const entries = await baseEntries();
        setText(entries, '_rels/.rels', (x) =>
          x.replace(
            'http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument',
            'http://purl.oclc.org/ooxml/officeDocument/relationships/officeDocument',
          ),
        );
        return buildZip(entries);
      },
      ...refused(['Không đọc được tệp', 'Strict Open XML', 'Excel Workbook (*.xlsx)']),
    },
    {
      id: 'password-protected',
      title: 'A password-protected workbook (an encrypted package in a Compound File)',
      build: async () => {
        const bytes = new Uint8Array(8192);
        bytes.set([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]);
        const names = ['EncryptionInfo', 'EncryptedPackage'];
        names.forEach((name, i) => {
          for (let j = 0; j < name.length; j += 1) bytes[1024 + i * 128 + j * 2] = name.charCodeAt(j);
        });
        return bytes;
      },
      ...refused(['Không đọc được tệp', 'mật khẩu']),
    },
    {
      id: 'encrypted-zip',
      title: 'A zip whose entries are encrypted (a password on the zip itself)',
      build: async () => buildZip((await baseEntries()).map((e) => ({ ...e, flags: 1 }))),
      ...refused(['Không đọc được tệp', 'mật khẩu']),
    },
    {
      id: 'not-a-workbook',
      title: 'A Word document renamed to .xlsx',
      build: async () =>
        buildZip([
          {
            name: '[Content_Types].xml',
            data: '<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"/>',
          },
          {
            name: '_rels/.rels',
            data:
              '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">' +
              '<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/></Relationships>',
          },
          { name: 'word/document.xml', data: '<w:document xmlns:w="urn:w"/>' },
        ]),
      ...refused(['Không đọc được tệp', 'không phải sổ làm việc']),
    },
    {
      id: 'damaged-sheet-xml',
      title: 'The tracker sheet cut off mid-tag (check writes nothing: it must not say "không ghi được")',
      build: () => trackerEdited((xml) => xml.slice(0, Math.floor(xml.length / 2))),
      ...refused(DAMAGED),
    },
  ];
}

/** `count` rows of `cells` from row `from`, each cell made by `cell(ref)`. */
function rows(from: number, count: number, columns: number, cell: (ref: string) => string): string {
  const out: string[] = [];
  for (let r = from; r < from + count; r += 1) {
    const cells: string[] = [];
    for (let c = 1; c <= columns; c += 1) cells.push(cell(`${columnLetters(c)}${r}`));
    out.push(`<row r="${r}">${cells.join('')}</row>`);
  }
  return out.join('');
}

/**
 * Files just inside every limit at once, which must be read, not refused: the worst a file can cost without
 * being refused. Not run by `npm test` (each takes seconds); `npm run bench` measures their memory and time.
 */
export function atLimitCases(): HostileCase[] {
  const limits = FILE_LIMITS;
  const read = { check: { exit: 1 as const }, report: { exit: 0 as const } };
  return [
    {
      id: 'at-limit-cells',
      title: `${(limits.maxCellsRead - 20_000).toLocaleString('en-US')} cells with numbers on the tracker`,
      build: () => {
        const count = Math.floor((limits.maxCellsRead - 20_000) / 12);
        return trackerEdited(
          beforeSheetDataEnd(rows(3000, count, 12, (ref) => `<c r="${ref}"><v>7</v></c>`)),
        );
      },
      ...read,
    },
    {
      id: 'at-limit-shared-strings',
      title: `${(limits.maxCellsRead - 20_000).toLocaleString('en-US')} shared strings`,
      build: async () => {
        const entries = await baseEntries();
        const si = '<si><t>chuỗi dùng chung</t></si>'.repeat(limits.maxCellsRead - 20_000);
        entries.push({ name: 'xl/sharedStrings.xml', data: `<sst xmlns="${MAIN_NS}">${si}</sst>` });
        setText(entries, 'xl/_rels/workbook.xml.rels', (x) =>
          x.replace(
            '</Relationships>',
            '<Relationship Id="rIdSst" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/sharedStrings" Target="sharedStrings.xml"/></Relationships>',
          ),
        );
        return buildZip(entries);
      },
      check: { exit: 'asTracker' },
      report: { exit: 0 },
    },
    {
      id: 'at-limit-read-bytes',
      title: 'A tracker sheet of 31 MB: 780 cells of 32,000 characters',
      build: () => {
        const text = 'Nội dung dài '.repeat(2_460).slice(0, 32_000);
        return trackerEdited(
          beforeSheetDataEnd(
            rows(3000, 390, 2, (ref) => `<c r="${ref}" t="inlineStr"><is><t>${text}</t></is></c>`),
          ),
        );
      },
      ...read,
    },
    {
      id: 'at-limit-dense',
      title: 'A formatted cell at N140000: a dense grid of 1.96 million cells',
      build: () => trackerEdited(beforeSheetDataEnd('<row r="140000"><c r="N140000" s="1"/></row>')),
      check: { exit: 'asTracker' },
      report: { exit: 0 },
    },
    {
      id: 'at-limit-grid',
      title: 'A value in column CRA (2,445) on 2,000 rows: a sparse grid of 4.9 million cells',
      build: () => {
        const out: string[] = [];
        for (let r = 3000; r < 5000; r += 1) out.push(`<row r="${r}"><c r="CRA${r}"><v>1</v></c></row>`);
        return trackerEdited(beforeSheetDataEnd(out.join('')));
      },
      check: { exit: 'asTracker' },
      report: { exit: 0 },
    },
    {
      id: 'at-limit-unzipped',
      title: 'Four extra sheets of 60 MB each (250 MB unzipped in all)',
      build: async () => {
        const entries = await baseEntries();
        const filler = '<row><c><v>1</v></c></row>';
        const sheet = `<worksheet xmlns="${MAIN_NS}"><sheetData>${filler.repeat(Math.floor((60 * MB) / filler.length))}</sheetData></worksheet>`;
        for (let i = 1; i <= 4; i += 1) {
          entries.push({ name: `xl/worksheets/extra${i}.xml`, data: sheet });
          setText(entries, 'xl/_rels/workbook.xml.rels', (x) =>
            x.replace(
              '</Relationships>',
              `<Relationship Id="rIdX${i}" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/extra${i}.xml"/></Relationships>`,
            ),
          );
          setText(entries, 'xl/workbook.xml', (x) =>
            x.replace('</sheets>', `<sheet name="Thêm ${i}" sheetId="${100 + i}" r:id="rIdX${i}"/></sheets>`),
          );
        }
        return buildZip(entries);
      },
      check: { exit: 'asTracker' },
      report: { exit: 0 },
    },
  ];
}
