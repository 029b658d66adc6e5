/**
 * The task pane's actions in a live workbook: the application layer (src/app) over the Office.js workbook
 * adapter. selectCell is the one direct Excel.run here: it only moves the user's selection.
 */
import { checkTracker, compileReport, initTracker, todayIso } from '../app';
import { createOfficeWorkbook } from '../workbook/office/officeWorkbook';
import type { PaneActions } from './actions';

export function createOfficeActions(): PaneActions {
  const port = createOfficeWorkbook();
  return {
    initTracker: (year) => initTracker(port, { year }),
    checkTracker: () => checkTracker(port, { today: todayIso() }),
    compileReport: () => compileReport(port, { asOf: todayIso() }),
    selectCell: (sheet, cell) =>
      Excel.run(async (context) => {
        const worksheet = context.workbook.worksheets.getItemOrNullObject(sheet);
        await context.sync();
        if (worksheet.isNullObject) throw new Error(`Worksheet not found: ${sheet}`);
        worksheet.activate();
        worksheet.getRange(cell).select();
        await context.sync();
      }),
  };
}
