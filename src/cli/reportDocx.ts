/**
 * `cchc report FILE --docx [OUT.docx] [--force]`: the period's report as a Word document (src/docx), rendered
 * from the same ReportDocument as the report sheet. FILE is only read. Without OUT.docx, the document goes
 * next to FILE, named for the unit, the period and the year. An OUT.docx that exists is replaced only with
 * --force. Refusals and exit codes are the .xlsx report's: 2 for bad usage, an unreadable workbook, a
 * report the workbook cannot give, or a file that cannot be written; rows with data errors do not stop it,
 * the message says how many were left unnamed.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { readReportDocument } from '../app/reportDocument';
import { todayIso } from '../domain/dates';
import { reportDocx } from '../docx/reportDocx';
import { CLI } from '../i18n/cli';
import { DOCX } from '../i18n/docx';
import type { XlsxWorkbook } from '../workbook/xlsx/xlsxWorkbook';
import { UsageError, type ParsedArgs } from './args';
import { claimOutput } from './fileGuard';
import type { CliIo } from './io';
import { periodOptions } from './periodOptions';

/** What the command borrows from main.ts: the CLI's file handling, its exit-code failure. */
export interface DocxCliFiles {
  open(file: string): Promise<XlsxWorkbook>;
  inputPath(args: ParsedArgs, io: CliIo): string;
  fail(message: string, code: number): never;
}

const isDirectory = (p: string): boolean => {
  try {
    return fs.statSync(p).isDirectory();
  } catch {
    return false;
  }
};

/** --docx's own path, when given: a .docx file, not a folder. */
function givenPath(shown: string, io: CliIo, files: DocxCliFiles): string {
  if (path.extname(shown).toLowerCase() !== '.docx') throw new UsageError(DOCX.badExtension(shown), 'report');
  const resolved = path.resolve(io.cwd, shown);
  if (isDirectory(resolved)) files.fail(DOCX.isDirectory(shown), 2);
  return resolved;
}

export async function cmdReportDocx(args: ParsedArgs, io: CliIo, files: DocxCliFiles): Promise<number> {
  const { options } = args;
  if (options.out !== undefined) throw new UsageError(DOCX.withOut, 'report');
  const today = todayIso(io.now());
  const { period, asOf } = periodOptions(options, today, 'report');
  const input = files.inputPath(args, io);
  const given = typeof options.docx === 'string' ? givenPath(options.docx, io, files) : undefined;
  const book = await files.open(input);
  const outcome = await readReportDocument(book, { asOf, period });
  if (!outcome.ok || !outcome.document) {
    if (outcome.reason === 'badRequest') throw new UsageError(outcome.message, 'report');
    files.fail(outcome.message, 2);
  }
  const out = given ?? path.join(path.dirname(input), outcome.fileName as string);
  const shown = typeof options.docx === 'string' ? options.docx : out;
  if (isDirectory(out)) files.fail(DOCX.isDirectory(shown), 2);
  // The one way out (src/cli/fileGuard.ts): locked, then looked at; an existing file only with --force.
  const output = await claimOutput({
    file: out,
    shown,
    existing: options.force ? 'replace' : 'refuse',
    inputs: [input],
    existsLine: DOCX.exists,
  });
  const document = outcome.document;
  await output.write(() => reportDocx(document));
  if (asOf > today) io.err(CLI.asOfInFuture(asOf, today));
  if (options.json) io.out(JSON.stringify(outcome.json, null, 2));
  else {
    const subject = outcome.content?.period.subject ?? '';
    io.out(
      DOCX.written(subject, out, outcome.dataErrorRows ?? 0) +
        (outcome.tthcNote ? ` ${outcome.tthcNote}` : ''),
    );
  }
  return 0;
}
