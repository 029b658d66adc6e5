/**
 * `cchc`: the command line for the demo, tests and batch use. Thin: it parses arguments, opens the file
 * through the .xlsx adapter, runs the same application actions as Excel, and prints the outcome.
 * Exit codes: 0 success (check: no errors), 1 check found errors, 2 bad usage or unreadable file.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { checkTracker, compileReport, demoDay, initTracker, writeDemo } from '../app';
import { fixable, fixCells } from '../app/fixCells';
import { todayIso } from '../domain/dates';
import { dayOption } from './dayOption';
import { flushOut, inert, oneLine, watchStdout, writeOut } from './terminal';
import { parseSigner, type Identity, type Signer } from '../domain/settings';
import { foldLookalikes } from '../domain/text';
import { WorkbookError } from '../workbook/port';
import { openXlsx } from '../workbook/xlsx/xlsxWorkbook';
import { nodeZlib } from '../workbook/xlsx/nodeZlib';
import { usePlatformZlib } from '../workbook/xlsx/platformZlib';
import { parseCommandArgs, UsageError, type CommandSpec, type ParsedArgs } from './args';
import {
  claimDemoFile,
  claimOutput,
  demoBytes,
  type Output,
  readWorkbook,
  releaseFiles,
  unreadableLine,
} from './fileGuard';
import { CLI } from '../i18n/cli';
import { PANE_FIX_HINT, PANE_INIT_HINT } from '../i18n/vi';
import { CONSOLIDATION_SHEET } from '../i18n/consolidation';
import {
  cmdConsolidate,
  communeCount,
  ConsolidateFailure,
  CONSOLIDATE_SPEC,
  demoCommunes,
} from './consolidate';
import { periodOptions } from './periodOptions';
import { cmdRollover, ROLLOVER_SPEC } from './rollover';
import type { CliIo } from './io';

const defaultIo: CliIo = {
  out: (l) => writeOut(l),
  err: (l) => {
    flushOut();
    process.stderr.write(`${l}\n`);
  },
  progress: process.stderr.isTTY
    ? (l) => {
        flushOut();
        process.stderr.write(`${l}\n`);
      }
    : undefined,
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

async function openFile(file: string): Promise<Awaited<ReturnType<typeof openXlsx>>> {
  const buf = await readWorkbook(file); // FileError: not found, not a regular file, too large, …
  try {
    return await openXlsx(buf);
  } catch (error) {
    throw new CliFailure(unreadableLine(file, error), 2);
  }
}

/** Writes the workbook to its claimed output (FileError says what could not be written, and why). */
async function save(book: Awaited<ReturnType<typeof openXlsx>>, output: Output): Promise<void> {
  await output.write(() => book.toBuffer());
}

/** What a command needs besides its run function: its options and whether it takes a file. */
const SPECS = {
  init: {
    name: 'init',
    files: 0,
    options: {
      year: { type: 'string' },
      out: { type: 'string' },
      unit: { type: 'string' },
      place: { type: 'string' },
      'signer-name': { type: 'string' },
      signer: { type: 'string' },
    },
  },
  check: {
    name: 'check',
    files: 1,
    options: { today: { type: 'string' }, json: { type: 'boolean' } },
  },
  report: {
    name: 'report',
    files: 1,
    options: {
      period: { type: 'string' },
      'as-of': { type: 'string' },
      out: { type: 'string' },
      json: { type: 'boolean' },
      docx: { type: 'string', optionalValue: { extension: '.docx' } },
      force: { type: 'boolean' },
    },
  },
  fix: {
    name: 'fix',
    files: 1,
    options: { today: { type: 'string' }, yes: { type: 'boolean' } },
  },
  consolidate: CONSOLIDATE_SPEC,
  demo: { name: 'demo', files: 0, options: { communes: { type: 'string' } } },
  rollover: ROLLOVER_SPEC,
} as const satisfies Record<string, CommandSpec>;

type CommandName = keyof typeof SPECS;

/** The command specs, for tests that hold the usage text to them. */
export const COMMAND_SPECS: Readonly<Record<CommandName, CommandSpec>> = SPECS;

function dateOption(options: ParsedArgs['options'], name: string, command: string): string | undefined {
  const v = options[name];
  return v === undefined ? undefined : dayOption(name, v, command);
}

const WORKBOOK_EXTENSIONS = new Set(['.xlsx', '.xlsm']);
const extensionOf = (p: string): string => path.extname(p).toLowerCase();

function isDirectory(p: string): boolean {
  try {
    return fs.statSync(p).isDirectory();
  } catch {
    return false;
  }
}

/** A file argument that names a folder is refused before anything is read or written. */
function refuseDirectory(p: string, shown: string, option?: string): void {
  if (isDirectory(p)) throw new CliFailure(CLI.isDirectory(shown, option), 2);
}

/** --out: a workbook file name (.xlsx or .xlsm), not a folder. */
function outPath(shown: string, io: CliIo, command: string): string {
  if (!WORKBOOK_EXTENSIONS.has(extensionOf(shown)))
    throw new UsageError(CLI.badExtension('--out', shown), command);
  const resolved = path.resolve(io.cwd, shown);
  refuseDirectory(resolved, shown, '--out');
  return resolved;
}

/** Whose tracker `init` makes: --unit, --place, --signer-name, --signer (each given, never blank). */
function initIdentity(options: ParsedArgs['options']): Identity {
  const identity: Identity = {};
  const texts = { unit: 'unitName', place: 'place', 'signer-name': 'signerName' } as const;
  for (const [option, key] of Object.entries(texts) as [
    keyof typeof texts,
    (typeof texts)[keyof typeof texts],
  ][]) {
    const v = options[option];
    if (v === undefined) continue;
    if (typeof v !== 'string' || foldLookalikes(v) === '')
      throw new UsageError(CLI.emptyOption(`--${option}`), 'init');
    identity[key] = v;
  }
  const signer = options.signer;
  if (signer !== undefined) {
    const ascii: Record<string, Signer> = { 'chu-tich': 'chairman', 'pho-chu-tich': 'viceChairman' };
    const parsed =
      typeof signer === 'string' ? (ascii[signer.trim().toLowerCase()] ?? parseSigner(signer)) : null;
    if (!parsed) throw new UsageError(CLI.badSigner(String(signer)), 'init');
    identity.signer = parsed;
  }
  return identity;
}

async function cmdInit(args: ParsedArgs, io: CliIo): Promise<number> {
  const { options } = args;
  const yearText = options.year === undefined ? String(io.now().getFullYear()) : String(options.year);
  const year = Number(yearText);
  if (!/^\d{4}$/.test(yearText) || year < 1990 || year > 2100)
    throw new UsageError(CLI.badYear(yearText), 'init');
  const shown = typeof options.out === 'string' ? options.out : `out/ke-hoach-cchc-${year}.xlsx`;
  const out = outPath(shown, io, 'init');
  // A new workbook has no macros: saved as .xlsm, Excel would refuse to open it.
  if (!fs.existsSync(out) && extensionOf(out) !== '.xlsx')
    throw new UsageError(CLI.newFileNotXlsx(shown), 'init');
  const identity = initIdentity(options);
  // An existing workbook gets the tracker added: written in place, by design.
  const output = await claimOutput({ file: out, shown, existing: 'inPlace' });
  const book = output.existed ? await openFile(out) : await openXlsx(null);
  const outcome = await initTracker(book, { year, now: io.now(), identity });
  if (!outcome.ok) throw new CliFailure(outcome.message, 2);
  await save(book, output);
  io.out(outcome.message);
  io.out(CLI.written(out));
  return 0;
}

/** The positional file of check and report: it must exist and not be a folder. */
function inputPath(args: ParsedArgs, io: CliIo): string {
  const shown = args.file as string;
  const resolved = path.resolve(io.cwd, shown);
  refuseDirectory(resolved, shown);
  return resolved;
}

/** A check message as a command-line user reads it: the pane's button becomes the command that does the same. */
function forCli(message: string, file: string): string {
  return message.split(PANE_FIX_HINT).join(CLI.fixHint(file)).split(PANE_INIT_HINT).join(CLI.initHint);
}

/** Why a workbook has no tracker, for the person who ran `cchc check` on it. */
async function noTrackerLine(
  book: Awaited<ReturnType<typeof openXlsx>>,
  file: string,
  message: string,
): Promise<string> {
  const { sheets } = await book.read([]);
  const names = new Set(sheets.map((s) => s.name));
  // A consolidation workbook (cchc consolidate) holds the communes' figures, not a tracker to set up.
  if (names.has(CONSOLIDATION_SHEET.communes)) return CLI.isConsolidationWorkbook(file);
  return forCli(message, file);
}

async function cmdCheck(args: ParsedArgs, io: CliIo): Promise<number> {
  const { options } = args;
  const today = dateOption(options, 'today', 'check') ?? todayIso(io.now());
  const book = await openFile(inputPath(args, io));
  const outcome = await checkTracker(book, { today });
  if (!outcome.result)
    throw new CliFailure(await noTrackerLine(book, args.file as string, outcome.message), 2);
  const { errors, warnings } = outcome.result;
  if (options.json) io.out(JSON.stringify({ errors, warnings }, null, 2));
  else {
    const file = args.file as string;
    for (const p of [...errors, ...warnings])
      io.out(CLI.problemLine(p.severity, p.sheet, p.cell, oneLine(forCli(p.message, file))));
    io.out(outcome.message);
  }
  return errors.length > 0 ? 1 : 0;
}

/**
 * `cchc fix FILE [--yes]`: the certain fixes the check offers, listed; written into FILE after --yes. The same
 * list (fixable) and the same code path (fixCells, which checks again and writes only cells still as listed)
 * as the pane's "Sửa tự động".
 */
async function cmdFix(args: ParsedArgs, io: CliIo): Promise<number> {
  const { options } = args;
  const today = dateOption(options, 'today', 'fix') ?? todayIso(io.now());
  const input = inputPath(args, io);
  const shown = args.file as string;
  // Only a run that writes claims the file (lock, open in Excel, …); a listing reads it and nothing else.
  const output = options.yes ? await claimOutput({ file: input, shown, existing: 'inPlace' }) : undefined;
  const book = await openFile(input);
  const checked = await checkTracker(book, { today });
  if (!checked.result) throw new CliFailure(await noTrackerLine(book, shown, checked.message), 2);
  const fixes = fixable([...checked.result.errors, ...checked.result.warnings]);
  if (fixes.length === 0) {
    io.out(CLI.noFixes);
    return 0;
  }
  for (const f of fixes) io.out(CLI.fixLine(f.sheet, f.cell, oneLine(f.fix.was), oneLine(f.fix.becomes)));
  if (!output) {
    io.out(CLI.fixNeedsYes(fixes.length, shown));
    return 0;
  }
  const done = await fixCells(book, { today, confirmed: fixes });
  if (!done.ok) throw new CliFailure(done.message, 2);
  await save(book, output);
  io.out(done.message);
  io.out(CLI.written(input));
  return 0;
}

async function cmdReport(args: ParsedArgs, io: CliIo): Promise<number> {
  const { options } = args;
  if (options.docx !== undefined) {
    // Loaded for --docx only: the docx package is not part of any other command's start-up.
    const { cmdReportDocx } = await import('./reportDocx');
    return cmdReportDocx(args, io, {
      open: openFile,
      inputPath,
      fail: (message, code) => {
        throw new CliFailure(message, code);
      },
    });
  }
  const today = todayIso(io.now());
  const { period, asOf } = periodOptions(options, today, 'report');
  const input = inputPath(args, io);
  let out = input;
  if (typeof options.out === 'string') {
    out = outPath(options.out, io, 'report');
    // The output keeps the input's parts (macros included): its name must say the same kind of workbook.
    if (extensionOf(out) !== extensionOf(input))
      throw new UsageError(
        CLI.extensionMismatch(options.out, extensionOf(input), args.file as string),
        'report',
      );
  }
  // Without --out the report goes into the tracker itself (by design); --out must not replace a file that is
  // there (another commune's workbook, say) unless --force.
  const output = await claimOutput({
    file: out,
    shown: typeof options.out === 'string' ? options.out : (args.file as string),
    existing: out === input ? 'inPlace' : options.force ? 'replace' : 'refuse',
    inputs: out === input ? [] : [input],
  });
  const book = await openFile(input);
  const outcome = await compileReport(book, { asOf, period, now: io.now() });
  if (!outcome.ok) {
    if (outcome.reason === 'badRequest') throw new UsageError(outcome.message, 'report');
    throw new CliFailure(forCli(outcome.message, args.file as string), 2);
  }
  await save(book, output);
  // Said once the report is written: a refusal stays one line.
  if (asOf > today) io.err(CLI.asOfInFuture(asOf, today));
  if (options.json) io.out(JSON.stringify(outcome.json, null, 2));
  else {
    io.out(outcome.message);
    io.out(CLI.written(out));
  }
  return 0;
}

async function cmdDemo(args: ParsedArgs, io: CliIo): Promise<number> {
  // --communes N writes the main demo too ("tạo thêm"), then the communes' files.
  const communes = args.options.communes === undefined ? undefined : communeCount(args);
  const code = await mainDemo(io);
  if (code !== 0 || communes === undefined) return code;
  return demoCommunes(communes, io);
}

async function mainDemo(io: CliIo): Promise<number> {
  const { year } = demoDay(io.now());
  const shown = path.join('out', `ke-hoach-cchc-${year}.xlsx`);
  const out = path.resolve(io.cwd, shown);
  refuseDirectory(out, shown);
  // Only the demo's own earlier output is replaced: an officer's tracker of the same name is refused.
  const output = await claimDemoFile(out, shown);
  const book = await openXlsx(null);
  const outcome = await writeDemo(book, { now: io.now() });
  if (!outcome.ok) throw new CliFailure(outcome.message, 2);
  await output.write(() => demoBytes(book));
  if (outcome.initMessage) io.out(outcome.initMessage);
  if (outcome.asOf) io.out(CLI.demoDay(outcome.asOf));
  io.out(outcome.message);
  io.out(CLI.written(out));
  return 0;
}

const COMMANDS: Record<CommandName, (args: ParsedArgs, io: CliIo) => Promise<number>> = {
  init: cmdInit,
  check: cmdCheck,
  report: cmdReport,
  fix: cmdFix,
  consolidate: cmdConsolidate,
  demo: cmdDemo,
  rollover: (args, io) =>
    cmdRollover(args, io, {
      open: openFile,
      save,
      claim: claimOutput,
      outPath,
      inputPath,
      fail: (message, code) => {
        throw new CliFailure(message, code);
      },
    }),
};

const isCommand = (c: string): c is CommandName => Object.prototype.hasOwnProperty.call(COMMANDS, c);

/** `cchc help [COMMAND]`, `cchc --help`, `cchc -h`: usage on standard output, nothing else. */
function help(rest: readonly string[], io: CliIo): number {
  const topic = rest.find((a) => a !== '--help' && a !== '-h');
  const extra = rest.filter((a) => a !== '--help' && a !== '-h')[1];
  if (extra !== undefined) throw new UsageError(CLI.extraArgument('help', extra, 1));
  if (topic === undefined || topic === 'help') io.out(CLI.usage);
  else if (isCommand(topic)) io.out(CLI.commandUsage(topic));
  else throw new UsageError(CLI.unknownCommand(topic));
  return 0;
}

export async function runCli(argv: readonly string[], given: CliIo = defaultIo): Promise<number> {
  if (given === defaultIo) watchStdout();
  // Node's zlib unzips and zips the workbooks, not JSZip's JavaScript (platformZlib.ts).
  usePlatformZlib(nodeZlib);
  // Everything printed is inert on a terminal, whatever a workbook's text holds.
  const io: CliIo = {
    ...given,
    out: (l) => given.out(inert(l)),
    err: (l) => given.err(inert(l)),
    progress: given.progress && ((l) => given.progress?.(inert(l))),
  };
  const [command, ...rest] = argv;
  try {
    if (!command) {
      io.err(`${CLI.missingCommand} ${CLI.seeHelp()}`);
      return 2;
    }
    if (command === '--help' || command === '-h' || command === 'help') return help(rest, io);
    if (!isCommand(command)) throw new UsageError(CLI.unknownCommand(command));
    const args = parseCommandArgs(rest, SPECS[command]);
    if (args.help) {
      io.out(CLI.commandUsage(command));
      return 0;
    }
    return await COMMANDS[command](args, io);
  } catch (err) {
    if (err instanceof UsageError) {
      io.err(`${err.message} ${CLI.seeHelp(err.command)}`);
      return 2;
    }
    if (err instanceof CliFailure || err instanceof ConsolidateFailure) {
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
