/**
 * `cchc consolidate PATH… --period YYYY-Qn [--as-of YYYY-MM-DD] --out OUT.xlsx [--json]`: the body that
 * receives every commune's workbook consolidates them into a new workbook. Thin: it finds the files, gives
 * them to app/consolidate one at a time, writes the result and prints it.
 * Exit codes: 0 every file was used; 1 some could not be used or were another copy of a commune; 2 bad usage.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { demoCommuneName, demoDay, writeCommuneDemo } from '../app/demo';
import {
  consolidateFiles,
  consolidationJson,
  notUsedCount,
  SourceError,
  writeConsolidation,
  type ConsolidationSource,
} from '../app/consolidate';
import { todayIso } from '../domain/dates';
import { notUsedFiles } from '../sheets/consolidationSheets';
import { CLI } from '../i18n/cli';
import { asciiSlug } from '../i18n/docx';
import { openXlsx } from '../workbook/xlsx/xlsxWorkbook';
import { FileError, readWorkbookFile } from '../workbook/xlsx/files';
import { claimDemoFile, claimOutput, demoBytes } from './fileGuard';
import { oneLine } from './terminal';
import { periodOptions } from './periodOptions';
import { UsageError, type CommandSpec, type ParsedArgs } from './args';
import type { CliIo } from './io';

export const CONSOLIDATE_SPEC = {
  name: 'consolidate',
  files: 'many',
  options: {
    period: { type: 'string' },
    'as-of': { type: 'string' },
    out: { type: 'string' },
    json: { type: 'boolean' },
    force: { type: 'boolean' },
  },
} as const satisfies CommandSpec;

/** A failure of the command as one Vietnamese line and an exit code. */
export class ConsolidateFailure extends Error {
  constructor(
    message: string,
    readonly code: number,
  ) {
    super(message);
  }
}

const WORKBOOK = /\.(xlsx|xlsm)$/i;
/** Excel's owner file beside a workbook open in it ("~$xa-a.xlsx"): not a workbook. */
const OWNER_FILE = /^~\$/;

/** --out: a new .xlsx workbook, not a folder. */
function outPath(options: ParsedArgs['options'], cwd: string): { shown: string; resolved: string } {
  const shown = options.out;
  if (shown === undefined)
    throw new UsageError(CLI.missingOption('--out', CLI.fileValue), CONSOLIDATE_SPEC.name);
  if (typeof shown !== 'string' || path.extname(shown).toLowerCase() !== '.xlsx')
    throw new UsageError(CLI.outNotXlsx(String(shown)), CONSOLIDATE_SPEC.name);
  const resolved = path.resolve(cwd, shown);
  if (isDirectory(resolved)) throw new ConsolidateFailure(CLI.isDirectory(shown, '--out'), 2);
  return { shown, resolved };
}

function isDirectory(p: string): boolean {
  try {
    return fs.statSync(p).isDirectory();
  } catch {
    return false;
  }
}

/** The real path of a file, to find one file named twice (through a folder and by name, or a link). */
function identity(p: string): string {
  try {
    return fs.realpathSync(p);
  } catch {
    return p;
  }
}

interface InputFile {
  /** As the user would name it: the path given, joined with the path inside a folder given. */
  shown: string;
  resolved: string;
  /** Why a workbook-named entry of a folder cannot be read (a FIFO, a device, a broken link): listed, not skipped. */
  refused?: string;
}

/** What a folder entry named like a workbook is, when it is not a file that can be read. */
function entryProblem(full: string): string | undefined {
  const st = fs.statSync(full, { throwIfNoEntry: false });
  if (!st) return CLI.brokenLink;
  if (st.isFile()) return undefined;
  if (st.isDirectory()) return CLI.entryKind.directory;
  if (st.isFIFO()) return CLI.entryKind.fifo;
  if (st.isSocket()) return CLI.entryKind.socket;
  if (st.isCharacterDevice() || st.isBlockDevice()) return CLI.entryKind.device;
  return CLI.entryKind.other;
}

/**
 * Every workbook under a folder, in name order, its subfolders too (links to folders are not followed). An
 * entry named like a workbook that is not a regular file (a FIFO, a device, a broken link, a link to a folder)
 * is kept with the reason it cannot be read, so it is listed among the files not used, never skipped silently.
 */
function walk(dir: string, shown: string, out: InputFile[]): void {
  const entries = fs.readdirSync(dir, { withFileTypes: true }).sort((a, b) => (a.name < b.name ? -1 : 1));
  for (const e of entries) {
    const full = path.join(dir, e.name);
    const display = path.join(shown, e.name);
    if (e.isDirectory()) walk(full, display, out);
    else if (WORKBOOK.test(e.name) && !OWNER_FILE.test(e.name)) {
      const refused = e.isFile() ? undefined : entryProblem(full);
      out.push({ shown: display, resolved: full, ...(refused ? { refused } : {}) });
    }
  }
}

/**
 * The files to consolidate: each PATH a file (used whatever its name says: it was named on purpose) or a
 * folder (its .xlsx and .xlsm files, subfolders too); each file once. Whether the output is one of them is
 * claimOutput's to say (named, linked or found in a folder: refused).
 */
function inputFiles(paths: readonly string[], cwd: string): InputFile[] {
  const found: InputFile[] = [];
  for (const given of paths) {
    const resolved = path.resolve(cwd, given);
    const stat = fs.statSync(resolved, { throwIfNoEntry: false });
    if (!stat) throw new ConsolidateFailure(CLI.pathNotFound(given), 2);
    if (stat.isDirectory()) walk(resolved, given, found);
    else found.push({ shown: given, resolved });
  }
  const seen = new Set<string>();
  const unique = found.filter((f) => {
    const id = identity(f.resolved);
    if (seen.has(id)) return false;
    seen.add(id);
    return true;
  });
  if (unique.length === 0)
    throw new ConsolidateFailure(CLI.noWorkbooks(paths.map((p) => `"${p}"`).join(', ')), 2);
  return unique;
}

/** A file the reader refused, as the reason in the list of files not used. */
function sourceReason(error: unknown, shown: string): string {
  if (error instanceof FileError) return error.problem === 'notFound' ? CLI.sourceGone : error.message;
  return CLI.fileUnreadable(shown);
}

/**
 * A file on disk as a source: its bytes are read when its turn comes, through the one reader of workbook files
 * (regular files only, size checked on the open handle before a byte is read, never blocking on a FIFO).
 */
function source(file: InputFile): ConsolidationSource {
  const stat = file.refused ? undefined : fs.statSync(file.resolved, { throwIfNoEntry: false });
  return {
    name: file.shown,
    modifiedAt: stat ? stat.mtime.toISOString() : null,
    bytes: async () => {
      if (file.refused) throw new SourceError(file.refused);
      try {
        return (await readWorkbookFile(file.resolved)).bytes;
      } catch (error) {
        throw new SourceError(sourceReason(error, file.shown));
      }
    },
  };
}

export async function cmdConsolidate(args: ParsedArgs, io: CliIo): Promise<number> {
  const { options } = args;
  const today = todayIso(io.now());
  const req = periodOptions(options, today, CONSOLIDATE_SPEC.name, { required: true });
  const out = outPath(options, io.cwd);
  const files = inputFiles(args.paths, io.cwd);
  // Claimed before a single input is read: a read-only, full or open output, one that exists without --force,
  // or one that is an input (named, linked, or found in a folder) is said at once.
  const folders = args.paths.filter((p) => isDirectory(path.resolve(io.cwd, p)));
  const output = await claimOutput({
    file: out.resolved,
    shown: out.shown,
    existing: options.force ? 'replace' : 'refuse',
    inputs: files.filter((f) => !f.refused).map((f) => f.resolved),
    isInputLine: (shown, input) => {
      const named = files.find((f) => f.resolved === input)?.shown ?? input;
      return folders.some((d) => named.startsWith(d))
        ? CLI.outInInputFolder(shown, named)
        : CLI.outIsCommuneFile(shown);
    },
  });
  const consolidation = await consolidateFiles(files.map(source), req, {
    open: (bytes) => openXlsx(bytes),
    now: io.now(),
    onFile: io.progress
      ? (p) => io.progress?.(CLI.progress(p.index, p.total, oneLine(p.file), p.unit && oneLine(p.unit)))
      : undefined,
  });
  const book = await openXlsx(null);
  const outcome = await writeConsolidation(book, consolidation, { now: io.now() });
  if (!outcome.ok) throw new ConsolidateFailure(outcome.message, 2);
  await output.write(() => book.toBuffer()); // FileError: the true reason (full disk, …), exit 2
  if (req.asOf > today) io.err(CLI.asOfInFuture(req.asOf, today));
  if (options.json) io.out(JSON.stringify(consolidationJson(consolidation), null, 2));
  else {
    io.out(outcome.message);
    for (const f of notUsedFiles(consolidation)) io.out(CLI.notUsed(oneLine(f.file), oneLine(f.reason)));
    io.out(CLI.written(out.resolved));
  }
  return notUsedCount(consolidation) === 0 ? 0 : 1;
}

/** The folder `cchc demo --communes N` writes into, under the current folder. */
const DEMO_COMMUNES_DIR = path.join('out', 'cac-xa');

/**
 * `cchc demo --communes N`: N communes' workbooks in out/cac-xa/, each with its own name and progress (and
 * some without their 9-month report), to try `cchc consolidate` at once.
 */
/** --communes N: a number of communes from 2 to 99 (bad usage otherwise). */
export function communeCount(args: ParsedArgs): number {
  const text = String(args.options.communes);
  const n = Number(text);
  if (!/^\d+$/.test(text) || n < 2 || n > 99) throw new UsageError(CLI.badCommunes(text), 'demo');
  return n;
}

export async function demoCommunes(n: number, io: CliIo): Promise<number> {
  const dir = path.resolve(io.cwd, DEMO_COMMUNES_DIR);
  if (fs.existsSync(dir) && !isDirectory(dir))
    throw new ConsolidateFailure(CLI.isDirectory(DEMO_COMMUNES_DIR), 2);
  const { year, asOf } = demoDay(io.now());
  fs.mkdirSync(dir, { recursive: true });
  for (let i = 0; i < n; i++) {
    const file = path.join(dir, `xa-${asciiSlug(demoCommuneName(i))}.xlsx`);
    // Only the demo's own earlier files are replaced; a commune's real workbook put there is refused.
    const output = await claimDemoFile(file, path.join(DEMO_COMMUNES_DIR, path.basename(file)));
    const book = await openXlsx(null);
    const outcome = await writeCommuneDemo(book, { now: io.now(), commune: i });
    if (!outcome.ok) throw new ConsolidateFailure(outcome.message, 2);
    await output.write(() => demoBytes(book));
    io.out(CLI.written(file));
  }
  io.out(CLI.demoDay(asOf));
  io.out(CLI.demoCommunes(n, DEMO_COMMUNES_DIR, `${year}-Q3`, asOf));
  return 0;
}
