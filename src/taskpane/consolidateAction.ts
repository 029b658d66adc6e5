/**
 * The pane's "Tổng hợp nhiều xã", loaded only when it is used (paneActions.ts): the files picked are read with
 * the .xlsx adapter, one at a time, and the consolidation is written into the open workbook under the
 * add-in's one-action-at-a-time lock.
 */
import { consolidateFiles, noFilesOutcome, pickedSources, writeConsolidation } from '../app/consolidate';
import type { FileProgress } from '../app/consolidate';
import type { ActionOutcome } from '../app/types';
import type { ActionName } from './actionLock';
import type { WorkbookPort } from '../workbook/port';
import type { ConsolidateRequest } from './actions';

/** How the pane runs a write under its lock (paneActions' exclusive). */
export type Exclusive = <T extends ActionOutcome>(
  action: ActionName,
  work: () => Promise<T>,
) => Promise<T | ActionOutcome>;

export async function consolidateInto(
  port: WorkbookPort,
  request: ConsolidateRequest,
  onFile: (progress: FileProgress) => void,
  exclusive: Exclusive,
): Promise<ActionOutcome> {
  if (request.files.length === 0) return noFilesOutcome();
  const { openXlsx } = await import(/* webpackChunkName: "xlsx" */ '../workbook/xlsx/xlsxWorkbook');
  return exclusive('consolidate', async () => {
    const consolidation = await consolidateFiles(
      pickedSources(request.files),
      { period: request.period, asOf: request.asOf },
      { open: (bytes) => openXlsx(bytes), onFile },
    );
    return writeConsolidation(port, consolidation);
  });
}
