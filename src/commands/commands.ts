/**
 * Entry of commands.html, the function file of the ribbon buttons. Registers "compileReportCommand" (the
 * FunctionName of the "Tổng hợp báo cáo" button in manifest.xml).
 */
import { compileReport, todayIso } from '../app';
import { createOfficeWorkbook } from '../workbook/office/officeWorkbook';
import type { WorkbookPort } from '../workbook/port';
import { runCompileReportCommand } from './compileReportCommand';
import { notifyInExcel } from './officeNotice';

/** The Office workbook; should creating it fail, a port that fails the same way, so the user hears of it. */
function officePort(): WorkbookPort {
  try {
    return createOfficeWorkbook();
  } catch (error) {
    const fail = () => Promise.reject(error);
    return { read: fail, apply: fail };
  }
}

function compileReportCommand(event: Office.AddinCommands.Event): void {
  void runCompileReportCommand(event, {
    port: officePort(),
    compileReport,
    notify: notifyInExcel,
    today: todayIso,
  });
}

Office.onReady(() => {
  Office.actions.associate('compileReportCommand', compileReportCommand);
});
