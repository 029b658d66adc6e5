import { ACTION } from '../i18n/vi';
import { WorkbookError } from '../workbook/port';
import type { ActionOutcome } from './types';

/** Any failure at the workbook's edge as a Vietnamese outcome: what is wrong, where, what to do. Never a stack trace. */
function outcomeFromError(err: unknown): ActionOutcome {
  if (err instanceof WorkbookError) {
    switch (err.code) {
      case 'sheetProtected':
        return { ok: false, message: ACTION.sheetProtected(err.sheet ?? ''), sheet: err.sheet };
      case 'payloadTooLarge':
        return { ok: false, message: ACTION.payloadTooLarge() };
      case 'unsupported':
      case 'cellEditMode':
      case 'inactiveWorkbook':
      case 'structureProtected':
      case 'sheetListChanged':
      case 'host':
        // Adapters word these messages in Vietnamese themselves (e.g. what an .xlsx write would lose, or what
        // to do about a state of Excel), each with what helps there.
        return { ok: false, message: err.message, sheet: err.sheet };
      default:
        return { ok: false, message: ACTION.workbookFailed(), sheet: err.sheet };
    }
  }
  return { ok: false, message: ACTION.workbookFailed() };
}

/**
 * Runs an action, turning any thrown error into an outcome. When the workbook's sheets changed between the
 * action's read and its write (sheetListChanged: another action, or the user, added or renamed a sheet in
 * between), the action runs once more from its read, so it decides again on what the workbook now holds.
 */
export async function guarded<T extends ActionOutcome>(work: () => Promise<T>): Promise<T | ActionOutcome> {
  try {
    return await work();
  } catch (err) {
    if (!(err instanceof WorkbookError && err.code === 'sheetListChanged')) return outcomeFromError(err);
  }
  try {
    return await work();
  } catch (err) {
    return outcomeFromError(err);
  }
}
