/**
 * What the sheets of a consolidation share (consolidationSheets.ts, consolidationTthcSheet.ts): the title and
 * header rows, the print setup (A4 landscape, one page wide, the header row on every page), the styles of a
 * total row and of the notes, the files' short names, and the words for the units.
 */
import { unitWords, type UnitWords } from '../i18n/consolidation';
import { unitKindOf } from '../domain/text';
import { colToLetters } from '../domain/a1';
import type { Consolidation } from '../domain/consolidation';
import { BODY_FONT, TABLE_HEADER_STYLE } from './palette';
import type { CellValue, ConsolidationSheetKind, PageSetupSpec, SheetSpec, StyleRun } from './spec';
import { rowHeightFor } from './textLayout';
import { PAGE_HEADER } from '../i18n/vi';

export const HEADER_ROW = 4;
const TITLE_PT = 14;
/** The fill of a total row. */
export const TOTAL_FILL = 'DDEBF7';
export const BORDER = { top: 'thin', bottom: 'thin', left: 'thin', right: 'thin' } as const;
export const NOTE_STYLE = {
  font: { italic: true, color: '595959' },
  alignment: { vertical: 'top', wrap: true },
} as const;

export function landscape(lastCol: string, lastRow: number): PageSetupSpec {
  return {
    paper: 'A4',
    orientation: 'landscape',
    margins: { top: 15, bottom: 15, left: 12, right: 10, header: 8, footer: 8 },
    printArea: `A1:${lastCol}${lastRow}`,
    printTitleRows: `${HEADER_ROW}:${HEADER_ROW}`,
    fitToWidth: true,
    // 12 pt like the body ("&12"): the page number is scaled with the sheet, and stays at 9 pt or more.
    header: { center: `&12${PAGE_HEADER}`, differentFirstPage: false },
  };
}

/** A dense grid of `width` columns from sparse rows. */
function dense(rows: CellValue[][], width: number): CellValue[][] {
  return Array.from({ length: rows.length }, (_, i) =>
    Array.from({ length: width }, (_, c) => rows[i]?.[c] ?? null),
  );
}

/** What a consolidation sheet is written into, row by row (rows and row heights 1-based). */
export interface SheetParts {
  rows: CellValue[][];
  styles: StyleRun[];
  merges: string[];
  rowHeights: Record<number, number>;
}

/**
 * A new consolidation sheet's parts with the frame every one shares: title (row 1), intro (row 2), header
 * (row 4); its table goes below.
 */
export function frame(opts: {
  title: string;
  intro?: string;
  header: readonly string[];
  widths: number[];
  headerHeight: number;
}): SheetParts {
  const parts: SheetParts = { rows: [], styles: [], merges: [], rowHeights: {} };
  const { rows, styles, merges, rowHeights } = parts;
  const last = colToLetters(opts.header.length - 1);
  const total = opts.widths.reduce((a, b) => a + b, 0);
  rows[0] = [opts.title];
  merges.push(`A1:${last}1`);
  rowHeights[1] = rowHeightFor([{ text: opts.title, widthChars: total * 0.9 }], TITLE_PT);
  styles.push({
    range: 'A1',
    style: {
      font: { bold: true, size: TITLE_PT },
      alignment: { horizontal: 'center', vertical: 'center', wrap: true },
    },
  });
  if (opts.intro) {
    rows[1] = [opts.intro];
    merges.push(`A2:${last}2`);
    rowHeights[2] = rowHeightFor([{ text: opts.intro, widthChars: total * 0.95 }], BODY_FONT.size);
    styles.push({
      range: 'A2',
      style: { ...NOTE_STYLE, alignment: { horizontal: 'center', vertical: 'top', wrap: true } },
    });
  }
  rows[HEADER_ROW - 1] = [...opts.header];
  rowHeights[HEADER_ROW] = opts.headerHeight;
  styles.push({
    range: `A${HEADER_ROW}:${last}${HEADER_ROW}`,
    style: { ...TABLE_HEADER_STYLE, border: BORDER },
  });
  return parts;
}

/**
 * The files as the table names them: without the folder they all share ("hop-thu/quy-3/xa-a.xlsx" and
 * "hop-thu/quy-3/xa-b.xlsx" → "xa-a.xlsx", "xa-b.xlsx"), so that a long path does not fill the page; the
 * shared folder is said once, above the table.
 */
export function shortFileNames(files: readonly string[]): { folder: string; names: string[] } {
  if (files.length === 0) return { folder: '', names: [] };
  const split = files.map((f) => f.split(/[\\/]/));
  let shared = 0;
  const shortest = Math.min(...split.map((parts) => parts.length - 1));
  while (shared < shortest && split.every((parts) => parts[shared] === split[0][shared])) shared += 1;
  const separator = files[0].includes('\\') && !files[0].includes('/') ? '\\' : '/';
  return {
    folder: split[0].slice(0, shared).join(separator),
    names: split.map((parts) => parts.slice(shared).join(separator)),
  };
}

/** How the sheets name the units: by their kinds (xã, phường, others). */
export const wordsOf = (c: Consolidation): UnitWords =>
  unitWords(new Set(c.communes.map((x) => unitKindOf(x.unit))));

/** A rate with one decimal, so that 99,77 % is not shown as 100 %. */
export const RATE_FORMAT = '0.0%';

export function sheet(
  name: string,
  kind: ConsolidationSheetKind,
  rows: CellValue[][],
  width: number,
  rest: Omit<SheetSpec, 'name' | 'kind' | 'cells'>,
): SheetSpec {
  return {
    name,
    kind,
    defaultFont: BODY_FONT,
    cells: dense(rows, width),
    freeze: { rows: HEADER_ROW, columns: 0 },
    autoRowHeights: true,
    ...rest,
  };
}
