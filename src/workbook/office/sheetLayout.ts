/**
 * The layout of a sheet the Office adapter writes (queueSheetSpec.ts): column widths in points, the page setup
 * (A4, margins, the scale that fits one page wide, headers, page breaks) and its reset for a sheet rewritten
 * in place, the heights of rows with merged cells, which Excel's autofit does not size, and the rows it fits.
 */
import type { CellStyle, CellValue, PageSetupSpec, SheetSpec, StyleRun } from '../../sheets/spec';
import { formatRange, formatRows, parseRange, parseRows, type CellRef, type RangeRef } from '../../domain/a1';
import { rowCount } from './ranges';
import { rowHeightFor } from '../../sheets/textLayout';
import { coalesceMerges } from './coalesce';
import { type SyncBudget } from './syncBudget';

import { estimate, queue } from './syncBudget';

/** Width in pixels of "0" in Excel's default font (Calibri 11) at 96 dpi: the file format's "maximum digit width". */
const MAX_DIGIT_PX = 7;

/**
 * Excel column width in points for a SheetSpec width, which is the file format's column width (what the .xlsx
 * path writes into <col width>, padding included): ECMA-376 §18.3.1.13 turns it into pixels as
 * Truncate(((256 × width + Truncate(128 / 7)) / 256) × 7), at 0.75 point a pixel. So both paths draw a column
 * alike: 2.25 → 16 px = 12 pt, 8.43 → 59 px.
 */
export function columnWidthPoints(width: number): number {
  const px = Math.trunc(((256 * width + Math.trunc(128 / MAX_DIGIT_PX)) / 256) * MAX_DIGIT_PX);
  return px * 0.75;
}

export function mmToPoints(mm: number): number {
  return Math.round(((mm * 72) / 25.4) * 100) / 100;
}

/** A4 in millimetres. */
const A4_MM = { width: 210, height: 297 };

/** Share of the printable width the computed scale aims at: Excel's print rendering is not exact to the point. */
const SCALE_MARGIN = 0.97;

/**
 * The print scale (10–100 %) at which the columns of the print area (all the spec's columns without one)
 * fit one A4 page wide between the margins: the spec's column widths in points (columnWidthPoints) against
 * the paper's printable width. Set as PageLayout.zoom.scale, it holds whether or not the user has opened the
 * Page Layout tab, which a fit to pages does not (OfficeDev/office-js#1860).
 */
function fitToWidthScale(spec: SheetSpec, page: PageSetupSpec): number {
  const paper = page.orientation === 'landscape' ? A4_MM.height : A4_MM.width;
  const printable = mmToPoints(paper - page.margins.left - page.margins.right);
  const widths = spec.columnWidths ?? [];
  const area = page.printArea ? parseRange(page.printArea) : undefined;
  const first = area ? area.start.col : 0;
  const last = area ? area.end.col : Math.max(widths.length, spec.cells[0]?.length ?? 0, 1) - 1;
  let content = 0;
  for (let c = first; c <= last; c++)
    content += (widths[c] ?? 0) > 0 ? columnWidthPoints(widths[c]) : DEFAULT_COLUMN_POINTS;
  const scale = Math.floor((100 * printable * SCALE_MARGIN) / Math.max(content, 1));
  return Math.max(10, Math.min(100, scale));
}

export async function writePage(
  ws: Excel.Worksheet,
  spec: SheetSpec,
  page: PageSetupSpec,
  budget: SyncBudget,
): Promise<void> {
  await queue(budget, estimate(16, page), () => {
    const layout = ws.pageLayout;
    layout.orientation = page.orientation === 'landscape' ? 'Landscape' : 'Portrait';
    layout.paperSize = page.paper;
    layout.topMargin = mmToPoints(page.margins.top);
    layout.bottomMargin = mmToPoints(page.margins.bottom);
    layout.leftMargin = mmToPoints(page.margins.left);
    layout.rightMargin = mmToPoints(page.margins.right);
    layout.headerMargin = mmToPoints(page.margins.header);
    layout.footerMargin = mmToPoints(page.margins.footer);
    if (page.printArea) layout.setPrintArea(page.printArea);
    if (page.printTitleRows) {
      const titles = parseRows(page.printTitleRows);
      layout.setPrintTitleRows(titles ? formatRows(titles.first, titles.last, true) : page.printTitleRows);
    }
    if (page.fitToWidth) {
      // One page wide, twice over: a scale computed from the column widths, which always applies; then Excel's
      // own fit to 1 page wide, exact where it takes, which it does only once the user has opened the Page
      // Layout tab (office-js#1860). verticalFitToPages is left unset, as in #1860's example: its 0 ("as
      // many pages tall as needed") is not a documented value of PageLayoutZoomOptions.
      layout.zoom = { scale: fitToWidthScale(spec, page) };
      layout.zoom = { horizontalFitToPages: 1 };
    }
    if (page.centerHorizontally !== undefined) layout.centerHorizontally = page.centerHorizontally;
    if (page.firstPageNumber !== undefined) layout.firstPageNumber = page.firstPageNumber;
    // Manual page breaks (ExcelApi 1.9): a sheet rewritten in place drops its old ones; add() "adds a page
    // break before the top-left cell of the range".
    if (page.rowBreaks) {
      ws.horizontalPageBreaks.removePageBreaks();
      for (const row of page.rowBreaks) if (row > 1) ws.horizontalPageBreaks.add(`A${row}`);
    }
    if (page.header) {
      const hf = layout.headersFooters;
      if (page.header.differentFirstPage) {
        hf.state = 'FirstAndDefault';
        hf.firstPage.centerHeader = '';
      } else {
        hf.state = 'Default';
      }
      hf.defaultForAllPages.centerHeader = page.header.center;
    }
  });
}

/** Excel's default column width in characters (Calibri 11), for columns the spec leaves unsized. */
const DEFAULT_COLUMN_CHARS = 8.43;
/** The same default in points: 64 px. */
const DEFAULT_COLUMN_POINTS = 48;

/** The last style run covering the cell that sets `pick`, or undefined. */
export function styleAt<V>(
  styles: readonly StyleRun[],
  parsed: readonly RangeRef[],
  cell: CellRef,
  pick: (s: CellStyle) => V | undefined,
): V | undefined {
  for (let i = styles.length - 1; i >= 0; i--) {
    const r = parsed[i];
    const v = pick(styles[i].style);
    if (
      v !== undefined &&
      cell.row >= r.start.row &&
      cell.row <= r.end.row &&
      cell.col >= r.start.col &&
      cell.col <= r.end.col
    )
      return v;
  }
  return undefined;
}

/**
 * Heights (points, by 1-based row) for the rows a merged area covers, computed from the merged text, the
 * merged width and the font, as the sheet builders compute theirs (src/sheets/textLayout.ts): Excel's
 * autofit ignores merged cells (OfficeDev/office-js#1840), so these rows are never left to it. A row keeps
 * the spec's height when that is taller; an area over several rows shares the height among them.
 */
export function mergedRowHeights(
  spec: SheetSpec,
  cells: readonly (readonly CellValue[])[],
  styles: readonly StyleRun[],
  parsedStyles: readonly RangeRef[],
): Map<number, number> {
  const out = new Map<number, number>();
  const widths = spec.columnWidths ?? [];
  const width = (c: number): number => ((widths[c] ?? 0) > 0 ? widths[c] : DEFAULT_COLUMN_CHARS);
  for (const m of coalesceMerges(spec.merges ?? [])) {
    const areas: RangeRef[] = m.across
      ? Array.from({ length: rowCount(m.range) }, (_, i) => ({
          start: { row: m.range.start.row + i, col: m.range.start.col },
          end: { row: m.range.start.row + i, col: m.range.end.col },
        }))
      : [m.range];
    for (const area of areas) {
      const value = cells[area.start.row]?.[area.start.col];
      const text = value === null || value === undefined ? '' : String(value);
      const font =
        styleAt(styles, parsedStyles, area.start, (st) => st.font?.size) ?? spec.defaultFont?.size ?? 11;
      const wrap = styleAt(styles, parsedStyles, area.start, (st) => st.alignment?.wrap) ?? false;
      let widthChars = 0;
      for (let c = area.start.col; c <= area.end.col; c++) widthChars += width(c);
      const needed = rowHeightFor([{ text: wrap ? text : '', widthChars }], font);
      const share = Math.ceil(needed / rowCount(area));
      for (let r = area.start.row; r <= area.end.row; r++) {
        const row = r + 1;
        const height = Math.max(spec.rowHeights?.[row] ?? 0, share, out.get(row) ?? 0);
        out.set(row, height);
      }
    }
  }
  return out;
}

/**
 * The runs of rows (1-based) that Excel fits to their content (RangeFormat.autofitRows), given no height:
 * with `autoRowHeights`, rows 1…count holding no merged cell; and the spec's `autoHeightRows`, merged rows that
 * hold an unmerged wrapped copy of their text, which Excel's fit measures where it skips the merged text.
 */
export function fittedRuns(
  spec: SheetSpec,
  count: number,
  merged: ReadonlyMap<number, number>,
): [number, number][] {
  const rows = new Set(spec.autoHeightRows ?? []);
  if (spec.autoRowHeights) for (let row = 1; row <= count; row++) if (!merged.has(row)) rows.add(row);
  const runs: [number, number][] = [];
  for (const row of [...rows].sort((a, b) => a - b)) {
    const last = runs[runs.length - 1];
    if (last && last[1] === row - 1) last[1] = row;
    else runs.push([row, row]);
  }
  return runs;
}

/** Runs of equal values keyed by consecutive integers: [[first, last, value], …]. */
export function runsOf(entries: [number, number][]): [number, number, number][] {
  const out: [number, number, number][] = [];
  for (const [i, v] of [...entries].sort((a, b) => a[0] - b[0])) {
    const last = out[out.length - 1];
    if (last && last[1] === i - 1 && last[2] === v) last[1] = i;
    else out.push([i, i, v]);
  }
  return out;
}

/** Excel's "Normal" margins in points: 0.75" top and bottom, 0.7" left and right, 0.3" header and footer. */
const NORMAL_MARGINS = { top: 54, bottom: 54, left: 50.4, right: 50.4, header: 21.6, footer: 21.6 };

/**
 * Puts the page setup of a sheet being replaced back to a new sheet's, where writePage may not overwrite
 * it: orientation, margins, print scaling, centring, page numbering, every header and footer text. A print
 * area cannot be removed through Office.js, so one the spec does not give is set to the cells the spec
 * describes (which prints what a new sheet without a print area would). Print titles cannot be removed
 * either, nor set to "none": those the user added by hand stay (no spec written in place has any).
 * The paper size is left alone: a new sheet's depends on the locale.
 */
export function resetPage(layout: Excel.PageLayout, spec: SheetSpec, extent: RangeRef): void {
  layout.orientation = 'Portrait';
  layout.topMargin = NORMAL_MARGINS.top;
  layout.bottomMargin = NORMAL_MARGINS.bottom;
  layout.leftMargin = NORMAL_MARGINS.left;
  layout.rightMargin = NORMAL_MARGINS.right;
  layout.headerMargin = NORMAL_MARGINS.header;
  layout.footerMargin = NORMAL_MARGINS.footer;
  layout.zoom = { scale: 100 };
  layout.centerHorizontally = false;
  layout.firstPageNumber = ''; // automatic
  const hf = layout.headersFooters;
  hf.state = 'Default';
  for (const part of [hf.defaultForAllPages, hf.firstPage]) {
    part.leftHeader = '';
    part.centerHeader = '';
    part.rightHeader = '';
    part.leftFooter = '';
    part.centerFooter = '';
    part.rightFooter = '';
  }
  if (!spec.page?.printArea) layout.setPrintArea(formatRange(extent));
}
