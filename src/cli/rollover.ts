/**
 * `cchc rollover FILE --to YYYY --out NEW.xlsx [--json] [--force]`: the next year's tracker in a new file, with
 * the unfinished work of FILE carried over (src/app/rollover.ts). FILE is only read. Exit 0 when NEW.xlsx is
 * written; 2 when the request or the file is refused (another year than the next, a tracker the check cannot
 * read, an output that exists without --force or is FILE itself), each with one Vietnamese line.
 */
import * as path from 'node:path';
import { rolloverJson, rolloverTracker } from '../app/rollover';
import { formatVnDate, todayIso } from '../domain/dates';
import { ROLLOVER } from '../i18n/rollover';
import { PANE_CHECK_HINT, STATE_LABEL } from '../i18n/vi';
import { CLI } from '../i18n/cli';
import { openXlsx, type XlsxWorkbook } from '../workbook/xlsx/xlsxWorkbook';
import { UsageError, type CommandSpec, type ParsedArgs } from './args';
import type { CliIo } from './io';
import type { Output, OutputSpec } from './fileGuard';
import { oneLine } from './terminal';

export const ROLLOVER_SPEC = {
  name: 'rollover',
  files: 1,
  options: {
    to: { type: 'string' },
    out: { type: 'string' },
    json: { type: 'boolean' },
    force: { type: 'boolean' },
  },
} as const satisfies CommandSpec;

/** What the command borrows from main.ts: the CLI's file handling, its exit-code failure. */
export interface CliFiles {
  /** Opens a workbook file (exit 2 when it is missing or unreadable). */
  open(file: string): Promise<XlsxWorkbook>;
  /** Writes a workbook atomically to its claimed output (exit 2 when it cannot). */
  save(book: XlsxWorkbook, output: Output): Promise<void>;
  /** Claims the output before anything is read: lock, then exists/input/open checks (src/cli/fileGuard.ts). */
  claim(spec: OutputSpec): Promise<Output>;
  /** --out as a path: a workbook file name, not a folder (bad usage otherwise). */
  outPath(shown: string, io: CliIo, command: string): string;
  /** The positional FILE as a path, not a folder. */
  inputPath(args: ParsedArgs, io: CliIo): string;
  /** Ends the command with one Vietnamese line and this exit code. */
  fail(message: string, code: number): never;
}

export async function cmdRollover(args: ParsedArgs, io: CliIo, files: CliFiles): Promise<number> {
  const { options } = args;
  const toText = options.to;
  if (toText === undefined) throw new UsageError(CLI.missingOption('--to', CLI.yearValue), 'rollover');
  const to = Number(toText);
  if (typeof toText !== 'string' || !/^\d{4}$/.test(toText) || to < 1990 || to > 2100)
    throw new UsageError(CLI.badYearOption('--to', String(toText)), 'rollover');
  if (typeof options.out !== 'string')
    throw new UsageError(CLI.missingOption('--out', CLI.fileValue), 'rollover');
  const input = files.inputPath(args, io);
  const out = files.outPath(options.out, io, 'rollover');
  // A new workbook has no macros: saved as .xlsm, Excel would refuse to open it.
  if (path.extname(out).toLowerCase() !== '.xlsx')
    throw new UsageError(CLI.newFileNotXlsx(options.out), 'rollover');
  // The lock is taken before the look: two rollovers to one NEW.xlsx never both succeed.
  const output = await files.claim({
    file: out,
    shown: options.out,
    existing: options.force ? 'replace' : 'refuse',
    inputs: [input],
    isInputLine: (shown) => CLI.outIsInput(shown, args.file as string),
  });
  const source = await files.open(input);
  const target = await openXlsx(null);
  const outcome = await rolloverTracker(source, target, { to, today: todayIso(io.now()), now: io.now() });
  if (!outcome.ok) {
    if (outcome.reason === 'badRequest') throw new UsageError(outcome.message, 'rollover');
    files.fail(outcome.message, 2);
  }
  await files.save(target, output);
  if (options.json) {
    io.out(JSON.stringify(rolloverJson(outcome, out), null, 2));
    return 0;
  }
  io.out(outcome.message);
  for (const c of outcome.carried ?? [])
    io.out(
      `  ${ROLLOVER.carriedRow(c.row, c.newRow, oneLine(c.task), c.deadline && formatVnDate(c.deadline), STATE_LABEL[c.state])}`,
    );
  for (const line of outcome.warnings ?? [])
    io.out(oneLine(line.split(PANE_CHECK_HINT).join(CLI.rolloverCheckHint(options.out))));
  io.out(CLI.written(out));
  return 0;
}
