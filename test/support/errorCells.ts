/**
 * Error values in a test workbook as a spreadsheet stores them (<c t="e"><v>#N/A</v></c>): the workbook port
 * writes text only, so a test writes ERROR_MARK + the error as text, and withErrorCells patches the sheets' XML.
 */
import JSZip from 'jszip';

export const ERROR_MARK = '__cchc_error__';

export const ERRORS = ['#N/A', '#REF!', '#VALUE!', '#DIV/0!', '#NAME?', '#NUM!', '#NULL!'];

export async function withErrorCells(buffer: Uint8Array): Promise<Uint8Array> {
  const zip = await JSZip.loadAsync(buffer);
  for (const name of Object.keys(zip.files).filter((n) => /^xl\/worksheets\/sheet\d+\.xml$/.test(n))) {
    const xml = await zip.file(name)!.async('string');
    if (!xml.includes(ERROR_MARK)) continue;
    const re = new RegExp(`t="inlineStr"><is><t>${ERROR_MARK}([^<]*)</t></is>`, 'g');
    zip.file(
      name,
      xml.replace(re, (_, error: string) => `t="e"><v>${error}</v>`),
    );
  }
  return zip.generateAsync({ type: 'nodebuffer', compression: 'DEFLATE' });
}
