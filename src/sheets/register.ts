/**
 * The ownership register: a very hidden sheet listing the sheets the add-in wrote, with a fingerprint of
 * their contents. It travels with the workbook, so any copy knows which sheets are the add-in's own
 * (safe to refresh) and whether a user has edited one since (then it is kept).
 */
import { REGISTER_HEADER, SHEET } from '../i18n/vi';
import { colToLetters, MAX_COLUMNS, parseA1Cell, toA1, tryParseA1Cell } from '../domain/a1';
import { sheetNameKey } from '../domain/text';
import { cellText, isBlank, type Grid, type GridCell } from '../domain/grid';
import type { CellValue, ConsolidationSheetKind, SheetKind, SheetSpec } from './spec';

const REGISTER_VERSION = 1;

export interface OwnedSheet {
  name: string;
  kind: SheetKind;
  fingerprint: string;
  /** ISO timestamp of the write. */
  writtenAt: string;
}

/** The kinds of a consolidation's sheets: a workbook whose register lists one is a consolidation's output. */
export const CONSOLIDATION_SHEET_KINDS: readonly ConsolidationSheetKind[] = [
  'communes',
  'communesOverdue',
  'communesFailed',
  'communesTthc',
];

const KINDS: ReadonlySet<string> = new Set<SheetKind>([
  'tracker',
  'lists',
  'settings',
  'summary',
  'report',
  'register',
  ...CONSOLIDATION_SHEET_KINDS,
  'tthc',
  'results',
]);

export function readRegister(grid: Grid | undefined): OwnedSheet[] {
  if (!grid) return [];
  const out: OwnedSheet[] = [];
  for (const row of grid.values.slice(1)) {
    const [name, kind, fingerprint, writtenAt] = row.map((v) => cellText(v ?? null));
    if (name && KINDS.has(kind)) out.push({ name, kind: kind as SheetKind, fingerprint, writtenAt });
  }
  return out;
}

/** The register with `written` replacing any earlier entry of the same name. */
export function buildRegisterSheet(
  previous: readonly OwnedSheet[],
  written: readonly OwnedSheet[],
): SheetSpec {
  const names = new Set(written.map((w) => sheetNameKey(w.name)));
  const entries = [...previous.filter((p) => !names.has(sheetNameKey(p.name))), ...written];
  return {
    name: SHEET.register,
    kind: 'register',
    visibility: 'veryHidden',
    cells: [
      [...REGISTER_HEADER],
      ...entries.map((e) => [e.name, e.kind, e.fingerprint, e.writtenAt, REGISTER_VERSION]),
    ],
    styles: [{ range: `A1:E${entries.length + 1}`, style: { numberFormat: '@' } }],
  };
}

/** FNV-1a over UTF-16 code units, continued from `h` (0x811c9dc5 to start); a 32-bit integer. */
function fnv1a(text: string, h: number): number {
  for (let i = 0; i < text.length; i++) h = Math.imul(h ^ text.charCodeAt(i), 0x01000193);
  return h;
}

function token(v: GridCell | CellValue): string {
  if (typeof v === 'number') {
    // A whole number of at most 12 digits is its own 12-digit rounding (toPrecision is slow on 280,000 cells).
    if (Number.isInteger(v) && Math.abs(v) < 1e12) return `n${v}`;
    return `n${Number(v.toPrecision(12))}`;
  }
  if (typeof v === 'string') return `s${v.normalize('NFC')}`;
  if (typeof v === 'boolean') return `b${v}`;
  if (v && typeof v === 'object') return `e${v.error}`;
  return '';
}

/**
 * A fingerprint of a sheet's constant cells (formula cells are skipped: their values change on their own).
 * The same for a spec as written and for the sheet as read back through either adapter.
 */
export function fingerprintCells(
  values: readonly (readonly (GridCell | CellValue)[])[],
  isFormula: (r: number, c: number) => boolean,
): string {
  // The hash of the cells' `A1=token` joined by U+0001, taken piece by piece: the joined text of a
  // 20,000-row sheet would be a string of 100 MB.
  let count = 0;
  let h = 0x811c9dc5;
  const letters: string[] = [];
  values.forEach((row, r) =>
    row.forEach((v, c) => {
      if (v === null || v === undefined || (typeof v === 'string' && isBlank(v)) || isFormula(r, c)) return;
      if (count > 0) h = fnv1a('\u0001', h);
      h = fnv1a(`${(letters[c] ??= colToLetters(c))}${r + 1}=${token(v)}`, h);
      count += 1;
    }),
  );
  return `${count}-${(h >>> 0).toString(16).padStart(8, '0')}`;
}

export function fingerprintSpec(spec: SheetSpec): string {
  // The formulas' cells by place (row * MAX_COLUMNS + column), as their addresses are written ("B4").
  const formulaCells = new Set(
    (spec.formulas ?? []).map((f) => {
      const at = tryParseA1Cell(f.cell);
      return at && toA1(at.row, at.col) === f.cell ? at.row * MAX_COLUMNS + at.col : -1;
    }),
  );
  let cells: readonly (readonly (GridCell | CellValue)[])[] = spec.cells;
  if (spec.errorCells?.length) {
    // The error values sit in the grid where a read of the written sheet finds them.
    const grid: (GridCell | CellValue)[][] = spec.cells.map((row) => [...row]);
    for (const e of spec.errorCells) {
      const { row, col } = parseA1Cell(e.cell);
      while (grid.length <= row) grid.push([]);
      grid[row][col] = { error: e.error };
    }
    cells = grid;
  }
  return fingerprintCells(cells, (r, c) => formulaCells.has(r * MAX_COLUMNS + c));
}

export function fingerprintGrid(grid: Grid): string {
  return fingerprintCells(grid.values, (r, c) => !!grid.formulas[r]?.[c]);
}

/**
 * Which kinds of sheet the add-in refreshes, and so must tell untouched from edited by their fingerprint
 * (compileReport, consolidate, initTracker's Danh mục). The others hold the officer's data from the moment
 * they are written (the tracker, Hồ sơ TTHC, Kết quả theo kỳ, Cài đặt) and are never compared: they are
 * registered without a fingerprint, which spares hashing every cell of a 20,000-row tracker.
 */
const REFRESHED = {
  tracker: false,
  lists: true,
  settings: false,
  summary: true,
  report: true,
  register: false,
  tthc: false,
  results: false,
  communes: true,
  communesOverdue: true,
  communesFailed: true,
  communesTthc: true,
} as const satisfies Record<SheetKind, boolean>;

export function ownedEntry(spec: SheetSpec, writtenAt: string): OwnedSheet {
  const fingerprint = REFRESHED[spec.kind] ? fingerprintSpec(spec) : '';
  return { name: spec.name, kind: spec.kind, fingerprint, writtenAt };
}
