/**
 * Excel.run as the add-in calls it, passed in as a function so tests can hand in a fake; and the one batch
 * both the task pane and the ribbon command run outside the workbook adapter: showing the user a cell. This
 * module imports nothing, so the ribbon's function file can use it without the pane's React.
 */

/** Excel.run's options the adapter uses (Excel.RunOptions). */
export interface RunOptions {
  delayForCellEdit?: boolean;
}

export type ExcelRun = <T>(
  batch: (context: Excel.RequestContext) => Promise<T>,
  options?: RunOptions,
) => Promise<T>;

export const defaultRun: ExcelRun = (batch, options) =>
  options ? Excel.run(options, batch) : Excel.run(batch);

/**
 * Activates the sheet and selects the cell (or range) when one is given: one batch, two syncs. False, after
 * the first sync, when the workbook has no such sheet.
 */
export function revealCell(
  sheet: string,
  cell: string | undefined,
  run: ExcelRun = defaultRun,
): Promise<boolean> {
  return run(async (context) => {
    const worksheet = context.workbook.worksheets.getItemOrNullObject(sheet);
    await context.sync();
    if (worksheet.isNullObject) return false;
    worksheet.activate();
    if (cell) worksheet.getRange(cell).select();
    await context.sync();
    return true;
  });
}
