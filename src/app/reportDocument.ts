/**
 * The period's report as its one document value (ReportDocument), read from the workbook without writing
 * anything: what `cchc report --docx` renders as Word. The same computation as "Tổng hợp báo cáo"
 * (reportFromSnapshot), the same wording (buildReportDocument): the Word document says what the sheet says.
 */
import type { IsoDate } from '../domain/dates';
import type { Quarter } from '../domain/periods';
import { reportJson, type ReportContent } from '../domain/report';
import type { ReportDocument } from '../domain/reportDocument';
import { buildReportDocument, tthcLeftOutMessage } from '../domain/reportText';
import { DOCX } from '../i18n/docx';
import type { WorkbookPort } from '../workbook/port';
import { TRACKER_SHEETS } from './checkTracker';
import { reportFromSnapshot } from './compileReport';
import { guarded } from './errors';
import type { ActionOutcome } from './types';

export interface ReportDocumentOutcome extends ActionOutcome {
  document?: ReportDocument;
  content?: ReportContent;
  /** The figures of `cchc report --json`. */
  json?: object;
  /** The Word file's name: the unit, the period and the year, in ASCII. */
  fileName?: string;
  /** Tracker rows with data errors: counted, not named in the document (the message says how many). */
  dataErrorRows?: number;
  /** What the TTHC figures leave out (rows with data errors, fields), each said once, or "". */
  tthcNote?: string;
}

/** The report of the workbook as a document; the workbook is only read. */
export async function readReportDocument(
  port: WorkbookPort,
  opts: { asOf: IsoDate; period?: { year: number; quarter: Quarter } },
): Promise<ReportDocumentOutcome> {
  return guarded(async (): Promise<ReportDocumentOutcome> => {
    const snap = await port.read([...TRACKER_SHEETS]);
    const made = reportFromSnapshot(snap, opts);
    if (!made.ok) return made.outcome;
    const { content, period } = made;
    return {
      ok: true,
      message: '',
      document: buildReportDocument(content),
      content,
      json: reportJson(content, period.sheetName),
      fileName: DOCX.fileName(content.unitName, period.subject),
      dataErrorRows: content.dataErrors.length,
      tthcNote: tthcLeftOutMessage(content.tthc, DOCX.tthcDataErrors, ''),
    };
  });
}
