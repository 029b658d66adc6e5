/**
 * `cchc`: the command line for the demo, tests and batch use. Thin: it parses arguments, opens the file
 * through the .xlsx adapter, runs the same application actions as Excel, and prints the outcome.
 * Exit codes: 0 success (check: no errors), 1 check found errors, 2 bad usage or unreadable file.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { checkTracker, compileReport, initTracker } from '../app';
import { parsePeriodId } from '../domain/periods';
import { isIsoDate, todayIso } from '../domain/dates';
import { WorkbookError } from '../workbook/port';
import { openXlsx } from '../workbook/xlsx/xlsxWorkbook';
import { parseArgs, UsageError } from './args';
import { lockForWriting, readWorkbook, releaseFiles, unreadableLine, writeWorkbook } from './fileGuard';
import { CLI } from '../i18n/cli';

export interface CliIo {
  out: (line: string) => void;
  err: (line: string) => void;
  now: () => Date;
  cwd: string;
}

const defaultIo: CliIo = {
  out: (l) => process.stdout.write(`${l}\n`),
  err: (l) => process.stderr.write(`${l}\n`),
  now: () => new Date(),
  cwd: process.cwd(),
};

/** A failure to report as one Vietnamese line, with an exit code. */
class CliFailure extends Error {
  constructor(
    message: string,
    readonly code: number,
  ) {
    super(message);
  }
}

function dateOption(options: Record<string, string | true>, name: string, fallback: string): string {
  const v = options[name];
  if (v === undefined) return fallback;
  if (v === true || !isIsoDate(v)) throw new UsageError(CLI.badDate(name, String(v)));
  return v;
}

async function openFile(file: string): Promise<Awaited<ReturnType<typeof openXlsx>>> {
  const buf = await readWorkbook(file); // FileError: not found, not a regular file, too large, …
  try {
    return await openXlsx(buf);
  } catch (error) {
    throw new CliFailure(unreadableLine(file, error), 2);
  }
}

async function save(book: Awaited<ReturnType<typeof openXlsx>>, file: string): Promise<void> {
  const buf = await book.toBuffer();
  await writeWorkbook(file, buf); // FileError says what could not be written, and why
}

async function cmdInit(argv: string[], io: CliIo): Promise<number> {
  const { options } = parseArgs(argv, []);
  const yearText = options.year === undefined ? String(io.now().getFullYear()) : String(options.year);
  const year = Number(yearText);
  if (!/^\d{4}$/.test(yearText) || year < 1990 || year > 2100) throw new UsageError(CLI.badYear(yearText));
  const out = path.resolve(
    io.cwd,
    typeof options.out === 'string' ? options.out : `out/ke-hoach-cchc-${year}.xlsx`,
  );
  await lockForWriting(out);
  const book = fs.existsSync(out) ? await openFile(out) : await openXlsx(null);
  const outcome = await initTracker(book, { year, now: io.now() });
  if (!outcome.ok) throw new CliFailure(outcome.message, 2);
  await save(book, out);
  io.out(outcome.message);
  io.out(CLI.written(out));
  return 0;
}

async function cmdCheck(argv: string[], io: CliIo): Promise<number> {
  const { positional, options } = parseArgs(argv, ['json']);
  const file = positional[0];
  if (!file) throw new UsageError(CLI.missingFile());
  const today = dateOption(options, 'today', todayIso(io.now()));
  const book = await openFile(path.resolve(io.cwd, file));
  const outcome = await checkTracker(book, { today });
  if (!outcome.result) throw new CliFailure(outcome.message, 2);
  const { errors, warnings } = outcome.result;
  if (options.json) io.out(JSON.stringify({ errors, warnings }, null, 2));
  else {
    for (const p of [...errors, ...warnings])
      io.out(`${p.severity === 'error' ? 'LỖI' : 'Cảnh báo'} ${p.sheet}!${p.cell}: ${p.message}`);
    io.out(outcome.message);
  }
  return errors.length > 0 ? 1 : 0;
}

async function cmdReport(argv: string[], io: CliIo): Promise<number> {
  const { positional, options } = parseArgs(argv, ['json']);
  const file = positional[0];
  if (!file) throw new UsageError(CLI.missingFile());
  const periodText = options.period;
  const period = typeof periodText === 'string' ? parsePeriodId(periodText) : null;
  if (periodText !== undefined && !period) throw new UsageError(CLI.badPeriod(String(periodText)));
  const asOf = dateOption(options, 'as-of', todayIso(io.now()));
  const input = path.resolve(io.cwd, file);
  const out = typeof options.out === 'string' ? path.resolve(io.cwd, options.out) : input;
  await lockForWriting(out);
  const book = await openFile(input);
  const outcome = await compileReport(book, { asOf, period: period ?? undefined, now: io.now() });
  if (!outcome.ok) throw new CliFailure(outcome.message, 2);
  await save(book, out);
  if (options.json) io.out(JSON.stringify(outcome.json, null, 2));
  else {
    io.out(outcome.message);
    io.out(CLI.written(out));
  }
  return 0;
}

async function cmdDemo(_argv: string[], io: CliIo): Promise<number> {
  const year = io.now().getFullYear();
  const out = path.resolve(io.cwd, `out/ke-hoach-cchc-${year}.xlsx`);
  await lockForWriting(out);
  if (fs.existsSync(out)) fs.rmSync(out);
  const book = await openXlsx(null);
  const outcome = await initTracker(book, { year, now: io.now() });
  if (!outcome.ok) throw new CliFailure(outcome.message, 2);
  const today = todayIso(io.now());
  const report = await compileReport(book, { asOf: today, now: io.now() });
  if (!report.ok) throw new CliFailure(report.message, 2);
  await save(book, out);
  io.out(outcome.message);
  io.out(report.message);
  io.out(CLI.written(out));
  return 0;
}

const COMMANDS: Record<string, (argv: string[], io: CliIo) => Promise<number>> = {
  init: cmdInit,
  check: cmdCheck,
  report: cmdReport,
  demo: cmdDemo,
};

export async function runCli(argv: readonly string[], io: CliIo = defaultIo): Promise<number> {
  const [command, ...rest] = argv;
  try {
    if (!command) {
      io.err(`${CLI.missingCommand} ${CLI.seeHelp}`);
      return 2;
    }
    if (command === '--help' || command === '-h' || command === 'help') {
      io.out(CLI.usage);
      return 0;
    }
    const run = COMMANDS[command];
    if (!run) throw new UsageError(CLI.unknownCommand(command));
    return await run(rest, io);
  } catch (err) {
    if (err instanceof UsageError) {
      io.err(`${err.message} ${CLI.seeHelp}`);
      return 2;
    }
    if (err instanceof CliFailure) {
      io.err(err.message);
      return err.code;
    }
    if (err instanceof WorkbookError) {
      io.err(err.message);
      return 2;
    }
    io.err(CLI.internal());
    if (process.env.CCHC_DEBUG) io.err(String(err instanceof Error ? err.stack : err));
    return 2;
  } finally {
    await releaseFiles();
  }
}
