/**
 * The report made in the pane as a Word document: the same ReportDocument the report sheet was written from,
 * rendered by src/docx, offered as a download. Loaded when "Tải báo cáo Word (.docx)" is first pressed (a
 * dynamic import): it brings the docx package, which the pane's first screen must not wait for.
 */
import type { ReportContent } from '../domain/report';
import { buildReportDocument } from '../domain/reportText';
import { reportDocx } from '../docx/reportDocx';
import { DOCX } from '../i18n/docx';
import { saveBytes } from './download';

async function reportDocxFile(content: ReportContent): Promise<{ bytes: Uint8Array; name: string }> {
  return {
    bytes: await reportDocx(buildReportDocument(content)),
    name: DOCX.fileName(content.unitName, content.period.subject),
  };
}

/** Renders the report, offers the file to the browser, and says where it went (the notice's words). */
export async function downloadReportDocx(
  content: ReportContent,
): Promise<{ title: string; message: string }> {
  const file = await reportDocxFile(content);
  saveBytes(file.bytes, file.name, DOCX.mimeType);
  return { title: DOCX.downloadedTitle, message: DOCX.downloaded(file.name) };
}
