import { ACTION } from '../i18n/vi';
import { WorkbookError } from '../workbook/port';
import type { ActionOutcome } from './types';

/** Any failure at the workbook's edge as a Vietnamese outcome: what is wrong, where, what to do. Never a stack trace. */
export function outcomeFromError(err: unknown): ActionOutcome {
  if (err instanceof WorkbookError) {
    switch (err.code) {
      case 'sheetProtected':
        return { ok: false, message: ACTION.sheetProtected(err.sheet ?? ''), sheet: err.sheet };
      case 'payloadTooLarge':
        return { ok: false, message: ACTION.payloadTooLarge() };
      case 'unsupported':
        // Adapters word these messages in Vietnamese themselves (e.g. what an .xlsx write would lose).
        return { ok: false, message: err.message, sheet: err.sheet };
      default:
        return { ok: false, message: ACTION.workbookFailed(), sheet: err.sheet };
    }
  }
  return { ok: false, message: ACTION.workbookFailed() };
}

/** Runs an action, turning any thrown error into an outcome. */
export async function guarded<T extends ActionOutcome>(work: () => Promise<T>): Promise<T | ActionOutcome> {
  try {
    return await work();
  } catch (err) {
    return outcomeFromError(err);
  }
}
