/**
 * Entry of commands.html, the function file of the ribbon buttons. Registers "compileReportCommand" (the
 * FunctionName of the "Tổng hợp báo cáo" button in manifest.xml).
 */
import { compileReport, todayIso } from '../app';
import { storageMemory } from '../workbook/office/memory';
import { createOfficeWorkbook } from '../workbook/office/officeWorkbook';
import type { WorkbookPort } from '../workbook/port';
import { actionLock, type LockHost } from './actionLock';
import { currentWorkbookKey, pageHost } from './pageHost';
import { runCompileReportCommand } from './compileReportCommand';
import { notifyInExcel } from './officeNotice';

/** The Office workbook; should creating it fail, a port that fails the same way, so the user hears of it. */
function officePort(host: LockHost, key: string): WorkbookPort {
  try {
    return createOfficeWorkbook(undefined, {
      memory: host.storage ? storageMemory(host.storage, `${key}:memory`) : undefined,
    });
  } catch (error) {
    const fail = () => Promise.reject(error);
    return { read: fail, apply: fail };
  }
}

function compileReportCommand(event: Office.AddinCommands.Event): void {
  const host = pageHost();
  const key = currentWorkbookKey();
  void runCompileReportCommand(event, {
    port: officePort(host, key),
    compileReport,
    notify: notifyInExcel,
    today: todayIso,
    lock: actionLock(host, key),
  });
}

Office.onReady(() => {
  Office.actions.associate('compileReportCommand', compileReportCommand);
});
