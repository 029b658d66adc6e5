/**
 * Before/after comparisons for the corpus, made without the add-in's adapter:
 * - the package: which parts of the input the output dropped or changed;
 * - the cells of every sheet, as ExcelJS reads them (value, formula, number format, font, fill, border,
 *   alignment), plus merges, hidden rows, visibility and protection;
 * - the fake Excel's sheets (cells, formats, merges, protection, visibility).
 */
import ExcelJS from 'exceljs';
import JSZip from 'jszip';

import type { FakeExcel } from '../fake-excel';
import { sheetsOf } from '../support/xlsxZip';

export type Parts = Map<string, Uint8Array>;

export async function packageOf(
  bytes: Uint8Array,
): Promise<{ parts: Parts; sheets: { name: string; part: string }[] }> {
  const zip = await JSZip.loadAsync(bytes);
  const parts: Parts = new Map();
  for (const entry of Object.values(zip.files)) {
    if (!entry.dir) parts.set(entry.name, await entry.async('uint8array'));
  }
  return { parts, sheets: await sheetsOf(zip) };
}

function sameBytes(a: Uint8Array, b: Uint8Array): boolean {
  return byteDifference(a, b) === '';
}

/**
 * Where two files' bytes first differ ('' when they are the same): what `expect(bytes).toEqual(...)` proves,
 * without jest's element-by-element comparison, which takes seconds on a workbook of megabytes.
 */
export function byteDifference(after: Uint8Array, before: Uint8Array): string {
  if (after.length !== before.length) return `${before.length} bytes became ${after.length}`;
  const i = Buffer.compare(after, before) === 0 ? -1 : after.findIndex((x, j) => x !== before[j]);
  return i < 0 ? '' : `byte ${i} of ${before.length} changed`;
}

function relsOf(part: string): string {
  const slash = part.lastIndexOf('/');
  return `${part.slice(0, slash)}/_rels/${part.slice(slash + 1)}.rels`;
}

/** Parts a sheet owns: its part, its relationships, and what they point to inside the package. */
function ownedParts(parts: Parts, sheetPart: string): Set<string> {
  const out = new Set([sheetPart]);
  const rels = relsOf(sheetPart);
  const relsBytes = parts.get(rels);
  if (!relsBytes) return out;
  out.add(rels);
  const dir = sheetPart.slice(0, sheetPart.lastIndexOf('/'));
  for (const m of new TextDecoder().decode(relsBytes).matchAll(/<Relationship\b([^>]*)>/g)) {
    if (/TargetMode="External"/.test(m[1])) continue;
    const target = /Target="([^"]+)"/.exec(m[1])?.[1];
    if (!target) continue;
    const segments = (target.startsWith('/') ? target.slice(1) : `${dir}/${target}`).split('/');
    const resolved: string[] = [];
    for (const s of segments) {
      if (s === '..') resolved.pop();
      else if (s !== '.') resolved.push(s);
    }
    out.add(resolved.join('/'));
  }
  return out;
}

/** Workbook-level parts an add-in write rewrites (sheet list, styles, content types) or drops (calcChain). */
const WORKBOOK_PARTS = new Set([
  '[Content_Types].xml',
  'xl/workbook.xml',
  'xl/_rels/workbook.xml.rels',
  'xl/styles.xml',
  'xl/calcChain.xml',
]);

/**
 * What the output lost or changed of the input, except the sheets the add-in wrote (`written`) and the
 * workbook-level parts it rewrites. A user sheet's part may differ only in its tab selection (the add-in
 * activates the sheet it wrote). Empty when every other part is byte for byte the same.
 */
export async function partDifferences(
  input: Uint8Array,
  output: Uint8Array,
  written: string[],
): Promise<string[]> {
  const before = await packageOf(input);
  const after = await packageOf(output);
  const mine = new Set<string>();
  for (const s of before.sheets)
    if (written.includes(s.name)) ownedParts(before.parts, s.part).forEach((p) => mine.add(p));
  const userSheetParts = new Set(before.sheets.filter((s) => !written.includes(s.name)).map((s) => s.part));
  const problems: string[] = [];
  for (const [name, bytes] of before.parts) {
    if (WORKBOOK_PARTS.has(name) || mine.has(name)) continue;
    const now = after.parts.get(name);
    if (!now) {
      problems.push(`dropped ${name}`);
      continue;
    }
    if (sameBytes(bytes, now)) continue;
    if (userSheetParts.has(name)) {
      const strip = (b: Uint8Array): string =>
        new TextDecoder().decode(b).replace(/\s+tabSelected="(?:1|true)"/g, '');
      if (strip(bytes) === strip(now)) continue;
    }
    problems.push(`changed ${name}`);
  }
  // Every user sheet is still there, in the same part.
  for (const s of before.sheets) {
    if (written.includes(s.name)) continue;
    const still = after.sheets.find((t) => t.name === s.name);
    if (!still) problems.push(`sheet ${s.name} gone`);
    else if (still.part !== s.part) problems.push(`sheet ${s.name} moved from ${s.part} to ${still.part}`);
  }
  return problems;
}

// ---------------------------------------------------------------------------------------------------------
// Cells through ExcelJS

export interface SheetCells {
  state: string;
  protected: boolean;
  merges: string[];
  hidden: number[];
  /** address → JSON of what the cell holds and looks like. */
  cells: Map<string, string>;
}

function cellSnapshot(cell: ExcelJS.Cell): string | undefined {
  const value: unknown = cell.value;
  const style = cell.style ?? {};
  const look = {
    numFmt: cell.numFmt ?? '',
    font: style.font ?? null,
    fill: style.fill ?? null,
    border: style.border ?? null,
    alignment: style.alignment ?? null,
  };
  if (
    (value === null || value === undefined) &&
    !look.font &&
    !look.fill &&
    !look.border &&
    !look.alignment &&
    !look.numFmt
  ) {
    return undefined;
  }
  return JSON.stringify({ value: value instanceof Date ? value.toISOString() : (value ?? null), ...look });
}

/** Every sheet's cells (and sheet-level state) as ExcelJS reads them, except `skip`. */
export async function workbookCells(bytes: Uint8Array, skip: string[]): Promise<Map<string, SheetCells>> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(bytes as unknown as ExcelJS.Buffer);
  const out = new Map<string, SheetCells>();
  wb.eachSheet((ws) => {
    if (skip.includes(ws.name)) return;
    const cells = new Map<string, string>();
    const hidden: number[] = [];
    ws.eachRow({ includeEmpty: true }, (row, r) => {
      if (row.hidden) hidden.push(r);
      row.eachCell({ includeEmpty: true }, (cell) => {
        const snap = cellSnapshot(cell);
        if (snap !== undefined) cells.set(cell.address, snap);
      });
    });
    // The merges as ws.model lists them (each merge's range), read without building the whole model: its
    // columns' part alone compares every column with the next (16,384 of them in a sheet styled up to XFD).
    const merges = (ws as unknown as { _merges: Record<string, { range: string }> })._merges;
    out.set(ws.name, {
      state: ws.state,
      protected: !!(ws as unknown as { sheetProtection?: { sheet?: boolean } }).sheetProtection?.sheet,
      merges: Object.values(merges)
        .map((m) => m.range)
        .sort(),
      hidden,
      cells,
    });
  });
  return out;
}

/** Differences between two cell snapshots, at most `limit`, for a readable failure. */
export function cellDifferences(
  before: Map<string, SheetCells>,
  after: Map<string, SheetCells>,
  limit = 10,
): string[] {
  const out: string[] = [];
  for (const [name, b] of before) {
    const a = after.get(name);
    if (!a) {
      out.push(`sheet ${name}: missing afterwards`);
      continue;
    }
    for (const key of ['state', 'protected'] as const) {
      if (a[key] !== b[key]) out.push(`sheet ${name}: ${key} ${String(b[key])} → ${String(a[key])}`);
    }
    if (JSON.stringify(a.merges) !== JSON.stringify(b.merges)) out.push(`sheet ${name}: merges changed`);
    if (JSON.stringify(a.hidden) !== JSON.stringify(b.hidden)) out.push(`sheet ${name}: hidden rows changed`);
    const addresses = new Set([...b.cells.keys(), ...a.cells.keys()]);
    for (const address of addresses) {
      const x = b.cells.get(address);
      const y = a.cells.get(address);
      if (x !== y) out.push(`${name}!${address}: ${shorten(x)} → ${shorten(y)}`);
      if (out.length >= limit) return out;
    }
  }
  return out;
}

function shorten(s: string | undefined): string {
  if (s === undefined) return '(empty)';
  return s.length > 160 ? `${s.slice(0, 160)}…` : s;
}

// ---------------------------------------------------------------------------------------------------------
// The fake Excel

/** A sheet of the fake, as data: cells, formats, merges, protection, visibility. */
export function fakeSheets(excel: FakeExcel, skip: string[] = []): Map<string, string> {
  const out = new Map<string, string>();
  for (const sheet of excel.state.sheets) {
    if (skip.includes(sheet.name)) continue;
    out.set(
      sheet.name,
      JSON.stringify({
        visibility: sheet.visibility,
        protected: sheet.protected,
        cells: [...sheet.cells.entries()].sort((a, b) => a[0] - b[0]),
        layers: sheet.layers,
        merges: sheet.merges,
        hidden: [...sheet.hiddenRows],
        validations: sheet.validations,
        conditionalFormats: sheet.conditionalFormats,
      }),
    );
  }
  return out;
}

export function fakeDifferences(before: Map<string, string>, after: Map<string, string>): string[] {
  const out: string[] = [];
  for (const [name, b] of before) {
    const a = after.get(name);
    if (a === undefined) out.push(`sheet ${name}: missing afterwards`);
    else if (a !== b) out.push(`sheet ${name}: changed`);
  }
  return out;
}
