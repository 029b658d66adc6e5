/**
 * How the preview grid lays a sheet out as Excel draws it: column widths in pixels from the sheet's own widths
 * (in characters), and the merged ranges drawn as one cell.
 */
import { parseA1Range, toA1 } from '../domain/a1';
import type { SheetLayout } from '../workbook/xlsx/xlsxWorkbook';

/** Width of the row-number column, in pixels. */
export const ROW_HEADER_PX = 44;
/** Excel's default column width, in characters. */
const DEFAULT_COLUMN_WIDTH = 8.43;

/** Pixels of a column `width` characters wide, as Excel draws it with its default font (7 px a digit). */
function columnPixels(width: number): number {
  return Math.round(width * 7 + 5);
}

export interface MergeMap {
  /** The merged ranges by their top-left cell. */
  spans: Map<string, { rows: number; cols: number; from: number }>;
  /** The cells a merge covers (not drawn). */
  covered: Set<string>;
}

export function mergeMap(layout: SheetLayout | undefined): MergeMap {
  const spans = new Map<string, { rows: number; cols: number; from: number }>();
  const covered = new Set<string>();
  for (const ref of layout?.merges ?? []) {
    let r: ReturnType<typeof parseA1Range>;
    try {
      r = parseA1Range(ref);
    } catch {
      continue;
    }
    const rows = r.end.row - r.start.row + 1;
    const cols = r.end.col - r.start.col + 1;
    if (rows * cols > 10_000) continue; // a merge that large is not drawn as one cell
    spans.set(toA1(r.start.row, r.start.col), { rows, cols, from: r.start.col });
    for (let y = r.start.row; y <= r.end.row; y++)
      for (let x = r.start.col; x <= r.end.col; x++)
        if (y !== r.start.row || x !== r.start.col) covered.add(toA1(y, x));
  }
  return { spans, covered };
}

/**
 * The pixel widths of the first `columns` columns and of the whole table, when the sheet gives any width of
 * its own (the columns it leaves unsized get Excel's default); undefined when it gives none.
 */
export function sizedColumns(
  layout: SheetLayout | undefined,
  columns: number,
): { widths: number[]; total: number } | undefined {
  const given = layout?.columnWidths ?? [];
  if (!given.some((w) => w > 0)) return undefined;
  const widths = Array.from({ length: columns }, (_, c) => columnPixels(given[c] || DEFAULT_COLUMN_WIDTH));
  return { widths, total: ROW_HEADER_PX + widths.reduce((a, b) => a + b, 0) };
}

/** Pixels of `span` columns from `from`, or undefined when one of them has no width of the sheet's own. */
export function spanWidth(layout: SheetLayout | undefined, from: number, span: number): number | undefined {
  const widths = layout?.columnWidths ?? [];
  let px = 0;
  for (let c = from; c < from + span; c++) {
    if (!widths[c]) return undefined;
    px += columnPixels(widths[c]);
  }
  return px;
}
