/**
 * "Kết quả theo kỳ": where the officer writes, quarter by quarter, what was done under each task of the plan
 * (a standing task's results, progress on a dated task not yet done) and the work planned for the next quarter.
 * The report states these words under each plan section, and the planned work in its section III.
 *
 * One row per task and quarter, the quarters in blocks (Quý I's rows, then Quý II's…), each block in Nhiệm vụ's
 * order: at each report the officer fills one block, two cells a row, the task's words beside them; the table's
 * filter on Quý shows one block alone. Five columns print on one A4 landscape page wide at about 10 pt, each
 * quarter's block from a new page. Plain text cells (the words columns formatted as text, so "15/3" or "100%"
 * stay what was typed), wrapped, top-aligned, the header frozen; no formulas, so it reads the same in any
 * Excel or LibreOffice.
 */
import { rangeToA1 } from '../domain/a1';
import type { Quarter } from '../domain/periods';
import {
  QUARTERS,
  quarterCellText,
  RESULTS_COLUMN_KEYS,
  type ResultsColumnKey,
  type TaskRef,
} from '../domain/resultsSheet';
import { RESULTS_HEADERS, RESULTS_TABLE_NAME, SHEET } from '../i18n/vi';
import { tablePageSetup } from './pageSetup';
import { BODY_FONT, TABLE_HEADER_STYLE } from './palette';
import type { CellValue, SheetSpec, StyleRun } from './spec';
import { estimateLines, heightOfLines } from './textLayout';

/**
 * Column widths (characters): 159 in all, like Nhiệm vụ's 161, so the 12 pt text prints at about 10 pt on A4
 * landscape one page wide. The words get the most; the task as much as keeps its rows a few lines tall.
 */
const WIDTHS: Record<ResultsColumnKey, number> = {
  quarter: 8,
  section: 7,
  task: 44,
  result: 55,
  planned: 45,
};

/** Column widths of a new sheet, in column order (for tests that measure the print). */
export function resultsColumnWidths(): number[] {
  return RESULTS_COLUMN_KEYS.map((k) => WIDTHS[k]);
}

/** The rows of a new sheet: a block per quarter, each with every task in order. */
function resultsRows(tasks: readonly TaskRef[]): CellValue[][] {
  const cells: CellValue[][] = [RESULTS_COLUMN_KEYS.map((k) => RESULTS_HEADERS[k])];
  for (const q of QUARTERS)
    for (const t of tasks) cells.push([quarterCellText(q), t.section, t.task, null, null]);
  // A table needs a data row: a tracker with no task gets one blank row to write in.
  if (tasks.length === 0) cells.push(RESULTS_COLUMN_KEYS.map(() => null));
  return cells;
}

/** The first sheet row (1-based) of quarter `q`'s block. */
export function quarterBlockRow(q: Quarter, taskCount: number): number {
  return 2 + (q - 1) * taskCount;
}

function resultsStyles(lastRow: number): StyleRun[] {
  const lastCol = RESULTS_COLUMN_KEYS.length - 1;
  const col = (k: ResultsColumnKey): string => {
    const c = RESULTS_COLUMN_KEYS.indexOf(k);
    return rangeToA1(1, c, lastRow - 1, c);
  };
  const text = { numberFormat: '@', alignment: { vertical: 'top' as const, wrap: true } };
  return [
    { range: rangeToA1(0, 0, 0, lastCol), style: TABLE_HEADER_STYLE },
    {
      range: col('quarter'),
      style: { numberFormat: '@', alignment: { horizontal: 'center', vertical: 'top' } },
    },
    {
      range: col('section'),
      style: { numberFormat: '@', alignment: { horizontal: 'center', vertical: 'top' } },
    },
    { range: col('task'), style: text },
    { range: col('result'), style: text },
    { range: col('planned'), style: text },
  ];
}

/** The header's height, and each row's from its task's wrapped text (the words cells are empty). */
function resultsRowHeights(cells: readonly CellValue[][]): Record<number, number> {
  const heights: Record<number, number> = { 1: 32 };
  const taskCol = RESULTS_COLUMN_KEYS.indexOf('task');
  for (let r = 2; r <= cells.length; r++) {
    const text = String(cells[r - 1][taskCol] ?? '');
    const lines = text === '' ? 1 : estimateLines(text, WIDTHS.task, BODY_FONT.size);
    heights[r] = heightOfLines(lines, BODY_FONT.size);
  }
  return heights;
}

/**
 * The sheet for `tasks` (resultTasks of Nhiệm vụ, in its order): an Excel table (so rows the officer adds at
 * its end keep the look, and its filter shows one quarter), a frozen header, and A4 landscape printing with the
 * header on every page and each quarter from a new page.
 */
export function buildResultsSheet(tasks: readonly TaskRef[]): SheetSpec {
  const cells = resultsRows(tasks);
  const lastRow = cells.length;
  const header = cells[0] as string[];
  const breaks = tasks.length === 0 ? [] : ([2, 3, 4] as const).map((q) => quarterBlockRow(q, tasks.length));
  return {
    name: SHEET.results,
    kind: 'results',
    defaultFont: BODY_FONT,
    cells,
    table: {
      name: RESULTS_TABLE_NAME,
      range: rangeToA1(0, 0, lastRow - 1, RESULTS_COLUMN_KEYS.length - 1),
      columns: header,
      style: 'TableStyleLight9',
    },
    styles: resultsStyles(lastRow),
    columnWidths: resultsColumnWidths(),
    rowHeights: resultsRowHeights(cells),
    autoRowHeights: true,
    freeze: { rows: 1, columns: 0 },
    page: { ...tablePageSetup(), ...(breaks.length > 0 ? { rowBreaks: breaks } : {}) },
  };
}
