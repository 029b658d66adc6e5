/**
 * A mark in a workbook's document properties (docProps/core.xml, cp:keywords), so that a command can tell its
 * own earlier output from a file a person made: `cchc demo` replaces out/ke-hoach-cchc-YEAR.xlsx only when that
 * file carries the demo's mark, never an officer's tracker of the same name. Excel and LibreOffice keep the
 * keywords when they save. Bytes in, bytes out; no file access.
 */
import { Package } from './opc';

const CORE = 'docProps/core.xml';
const KEYWORDS = /<cp:keywords>([^<]*)<\/cp:keywords>|<cp:keywords\s*\/>/;

const escapeXml = (s: string): string => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

/** The workbook's bytes with `mark` as its keywords (ExcelJS always writes docProps/core.xml). */
export async function markDocument(bytes: Uint8Array, mark: string): Promise<Uint8Array> {
  const pkg = await Package.load(bytes);
  const core = pkg.findPartIgnoringCase(CORE);
  if (!core) return bytes;
  await pkg.inflate([core]);
  const text = pkg.text(core);
  const tag = `<cp:keywords>${escapeXml(mark)}</cp:keywords>`;
  const next = KEYWORDS.test(text)
    ? text.replace(KEYWORDS, tag)
    : text.replace('</cp:coreProperties>', `${tag}</cp:coreProperties>`);
  pkg.setText(core, next);
  return pkg.toZip();
}

/** Whether the workbook's keywords are `mark` (false for anything unreadable). */
export async function hasDocumentMark(bytes: Uint8Array, mark: string): Promise<boolean> {
  try {
    const pkg = await Package.load(bytes);
    const core = pkg.findPartIgnoringCase(CORE);
    if (!core) return false;
    await pkg.inflate([core]);
    const m = KEYWORDS.exec(pkg.text(core));
    return !!m && m[1] === escapeXml(mark);
  } catch {
    return false;
  }
}
