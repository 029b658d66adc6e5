/**
 * The task pane's actions in a live workbook: the application layer over the Office.js workbook adapter,
 * plus the two things only Excel itself does here: moving the user's selection, and telling the pane when
 * the workbook changed. These are the only Excel.run calls of the pane.
 */
import { actionLock } from './actionLock';
import { currentWorkbookKey, pageHost } from './pageHost';
import { todayIso } from '../domain/dates';
import { storageMemory } from '../workbook/office/memory';
import { officeIsSetSupported, type IsSetSupported } from '../workbook/office/requirements';
import { defaultRun, revealCell, type ExcelRun } from '../workbook/office/excelRun';
import { createOfficeWorkbook } from '../workbook/office/officeWorkbook';
import type { ChangeListener, PaneActions } from './actions';
import { createPaneActions } from './paneActions';

/** Excel.run with the request context of an earlier batch (needed to remove event handlers). */
export type ExcelRunIn = (
  context: OfficeExtension.ClientRequestContext,
  batch: (context: Excel.RequestContext) => Promise<void>,
) => Promise<void>;

const defaultRunIn: ExcelRunIn = (context, batch) => Excel.run(context, batch);

/**
 * The pane's actions in Excel. The adapter's memory of the workbook and the one-action-at-a-time lock live in
 * the page's storage and Web Locks (see pageHost.ts), shared by every pane of the add-in open on
 * this workbook.
 */
export function createOfficeActions(): PaneActions {
  const host = pageHost();
  const key = currentWorkbookKey();
  const port = createOfficeWorkbook(undefined, {
    memory: host.storage ? storageMemory(host.storage, `${key}:memory`) : undefined,
  });
  return createPaneActions(port, {
    today: () => todayIso(),
    selectCell: (sheet, cell) => selectCellInExcel(sheet, cell),
    subscribeToChanges: (onChange) => subscribeToWorkbookChanges(onChange),
    writeNotes: () => port.lastWarnings,
    lock: actionLock(host, key),
    onMac: Office.context?.platform === Office.PlatformType?.Mac,
    openWorkbook: async (bytes) => {
      // With the rest of "Chuyển sang năm mới", loaded when first used.
      const { openWorkbookInExcel } = await import(/* webpackChunkName: "rollover" */ './openWorkbook');
      return openWorkbookInExcel(bytes, {
        createWorkbook: (base64) => Excel.createWorkbook(base64),
      });
    },
  });
}

/** Activates the sheet and selects the cell (or range): one batch, two syncs; fails when there is no such sheet. */
export async function selectCellInExcel(
  sheet: string,
  cell: string,
  run: ExcelRun = defaultRun,
): Promise<void> {
  if (!(await revealCell(sheet, cell, run))) throw new Error(`Worksheet not found: ${sheet}`);
}

/** The part of an event's arguments the pane looks at (triggerSource needs ExcelApi 1.14). */
interface ChangeEventArgs {
  triggerSource?: string;
}

/** WorksheetCollection.onNameChanged: a sheet renamed (the tracker found, or lost, by its name). */
const NAME_CHANGED_SET = '1.17';

/**
 * Listens to every worksheet's cell changes (WorksheetCollection.onChanged, ExcelApi 1.9), to sheets being
 * added or deleted (ExcelApi 1.7), and, where ExcelApi 1.17 exists, to sheets being renamed
 * (onNameChanged): one Excel.run and one sync to register, one to remove. Changes the add-in made itself are
 * skipped where Excel says so: the pane refreshes after its own actions anyway. The handler only calls
 * `onChange`, which the pane debounces: it never reads the workbook itself, so a burst of edits cannot turn
 * into a burst of syncs.
 */
export async function subscribeToWorkbookChanges(
  onChange: ChangeListener,
  run: ExcelRun = defaultRun,
  runIn: ExcelRunIn = defaultRunIn,
  isSetSupported: IsSetSupported = officeIsSetSupported,
): Promise<() => void> {
  const cellsChanged = async (args: ChangeEventArgs): Promise<void> => {
    if (args.triggerSource === 'ThisLocalAddin') return;
    onChange();
  };
  const sheetsChanged = async (): Promise<void> => onChange();
  const registrations = await run(async (context) => {
    const sheets = context.workbook.worksheets;
    const added: OfficeExtension.EventHandlerResult<object>[] = [
      sheets.onChanged.add(cellsChanged),
      sheets.onAdded.add(sheetsChanged),
      sheets.onDeleted.add(sheetsChanged),
    ];
    // Asked only where it exists: on an older Excel the registration would fail the whole sync.
    if (isSetSupported('ExcelApi', NAME_CHANGED_SET)) added.push(sheets.onNameChanged.add(sheetsChanged));
    await context.sync();
    return added;
  });
  let removed = false;
  return () => {
    if (removed || registrations.length === 0) return;
    removed = true;
    // Handlers must be removed with the request context they were added in.
    const context = registrations[0].context;
    void runIn(context, async (ctx) => {
      for (const registration of registrations) registration.remove();
      await ctx.sync();
    }).catch(() => {
      // The pane is closing or the workbook is gone: the handlers go with it.
    });
  };
}
