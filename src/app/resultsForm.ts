/**
 * The pane's editor of "Kết quả theo kỳ": the sheet's rows as a form reads them (task, quarter, what is
 * written), and writing one row's two words cells. A write checks first that the row still names the task and
 * quarter the officer picked (rows may have been inserted or retyped since the form was read): otherwise it
 * writes nothing and says so. Only the two cells change, as text; nothing else of the workbook is touched.
 */
import { RESULTS_HEADERS, RESULTS_TEXT, SHEET } from '../i18n/vi';
import { toA1 } from '../domain/a1';
import { cellAt, cellText, isErrorCell, type Grid } from '../domain/grid';
import type { Quarter } from '../domain/periods';
import { cleanWords, quarterCellText, readQuarterCell, resultsLayout, taskKey } from '../domain/resultsSheet';
import { cleanText } from '../domain/text';
import type { CellUpdate, WorkbookPort } from '../workbook/port';
import { guarded } from './errors';
import type { ActionOutcome } from './types';

/** One row of the sheet, as the form shows it. */
export interface ResultsFormRow {
  /** Sheet row, 1-based. */
  row: number;
  quarter: Quarter;
  section: string;
  task: string;
  /** What is written (cleaned), "" when nothing. */
  result: string;
  planned: string;
  /** The cell of its result ("D7"), to show it. */
  cell: string;
}

export interface ResultsFormOutcome extends ActionOutcome {
  rows?: ResultsFormRow[];
}

/** What the officer wrote in the form for one row, and what the form showed of it (`was`). */
export interface ResultsFormEntry {
  row: number;
  quarter: Quarter;
  task: string;
  result: string;
  planned: string;
  /** The row's words as the form read them: a row written since (on the sheet) is not overwritten. */
  was: { result: string; planned: string };
}

type Layout = NonNullable<ReturnType<typeof resultsLayout>>;

function textAt(grid: Grid, r: number, c: number | undefined): string {
  if (c === undefined) return '';
  const v = cellAt(grid, r, c);
  return isErrorCell(v) ? '' : cellText(v);
}

/** The rows holding a quarter and a task, in sheet order. */
function formRows(grid: Grid, { headerRow, columns }: Layout): ResultsFormRow[] {
  const rows: ResultsFormRow[] = [];
  for (let r = headerRow + 1; r < grid.values.length; r++) {
    const quarter = readQuarterCell(cellAt(grid, r, columns.quarter as number));
    const task = cleanText(textAt(grid, r, columns.task));
    if (quarter === null || task === '') continue;
    rows.push({
      row: r + 1,
      quarter,
      section: cleanText(textAt(grid, r, columns.section)),
      task,
      result: cleanWords(textAt(grid, r, columns.result)),
      planned: cleanWords(textAt(grid, r, columns.planned)),
      cell: toA1(r, columns.result as number),
    });
  }
  return rows;
}

/** The sheet and its layout, or the outcome that says why the form cannot use it. */
function sheetOf(grid: Grid | undefined): { grid: Grid; layout: Layout } | ActionOutcome {
  if (!grid) return { ok: false, message: RESULTS_TEXT.missing(), sheet: SHEET.results };
  const layout = resultsLayout(grid);
  if (!layout)
    return {
      ok: false,
      message: RESULTS_TEXT.unreadable(RESULTS_TEXT.headerNotFound(grid.name)),
      sheet: SHEET.results,
    };
  const missing = (['quarter', 'task', 'result', 'planned'] as const).find(
    (k) => layout.columns[k] === undefined,
  );
  if (missing) {
    const cell = toA1(layout.headerRow, 0);
    return {
      ok: false,
      message: RESULTS_TEXT.unreadable(RESULTS_TEXT.missingColumn(grid.name, cell, RESULTS_HEADERS[missing])),
      sheet: SHEET.results,
      cell,
    };
  }
  return { grid, layout };
}

export async function loadResultsForm(port: WorkbookPort): Promise<ResultsFormOutcome> {
  return guarded(async (): Promise<ResultsFormOutcome> => {
    const snap = await port.read([SHEET.results]);
    const sheet = sheetOf(snap.contents[SHEET.results]);
    if ('ok' in sheet) return sheet;
    return { ok: true, message: '', rows: formRows(sheet.grid, sheet.layout) };
  });
}

/** Writes one row's words (as text; "" clears the cell) where the row still names the task and quarter. */
export async function saveResult(port: WorkbookPort, entry: ResultsFormEntry): Promise<ResultsFormOutcome> {
  return guarded(async (): Promise<ResultsFormOutcome> => {
    const snap = await port.read([SHEET.results]);
    const sheet = sheetOf(snap.contents[SHEET.results]);
    if ('ok' in sheet) return sheet;
    const { grid, layout } = sheet;
    const rows = formRows(grid, layout);
    const now = rows.find((r) => r.row === entry.row);
    if (!now || now.quarter !== entry.quarter || taskKey(now.task) !== taskKey(entry.task))
      return { ok: false, message: RESULTS_TEXT.rowChanged(entry.row), sheet: SHEET.results, rows };
    if (now.result !== cleanWords(entry.was.result) || now.planned !== cleanWords(entry.was.planned))
      return { ok: false, message: RESULTS_TEXT.wordsChanged(entry.row), sheet: SHEET.results, rows };
    const updates: CellUpdate[] = (['result', 'planned'] as const).map((k) => {
      const text = entry[k].replace(/\r\n?/g, '\n').trim();
      return {
        sheet: SHEET.results,
        cell: toA1(entry.row - 1, layout.columns[k] as number),
        value: text === '' ? null : text.normalize('NFC'),
        numberFormat: '@',
      };
    });
    await port.apply({ write: [], updates });
    const written = {
      result: cleanWords(String(updates[0].value ?? '')),
      planned: cleanWords(String(updates[1].value ?? '')),
    };
    const after = rows.map((r) => (r.row === entry.row ? { ...r, ...written } : r));
    const quarter = quarterCellText(entry.quarter);
    const empty = entry.result.trim() === '' && entry.planned.trim() === '';
    return {
      ok: true,
      message: empty ? RESULTS_TEXT.cleared(now.task, quarter) : RESULTS_TEXT.saved(now.task, quarter),
      sheet: SHEET.results,
      cell: updates[0].cell,
      rows: after,
    };
  });
}
