/**
 * `cchc consolidate PATH… --period YYYY-Qn [--as-of YYYY-MM-DD] --out OUT.xlsx [--json]`: the body that
 * receives every commune's workbook consolidates them into a new workbook. Thin: it finds the files, gives
 * them to app/consolidate one at a time, writes the result and prints it.
 * Exit codes: 0 every file was used; 1 some could not be used or were another copy of a commune; 2 bad usage.
 */
import { promises as fsp } from 'node:fs';
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
import { openXlsx } from '../workbook/xlsx/xlsxWorkbook';
import { writeXlsxFileAtomically } from '../workbook/xlsx/files';
import { periodOptions } from './periodOptions';
import { UsageError, type CommandSpec, type ParsedArgs } from './args';
import type { CliIo } from './main';

export const CONSOLIDATE_SPEC = {
  name: 'consolidate',
  files: 'many',
  options: {
    period: { type: 'string' },
    'as-of': { type: 'string' },
    out: { type: 'string' },
    json: { type: 'boolean' },
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
}

/** Every workbook under a folder, in name order, its subfolders too (links to folders are not followed). */
function walk(dir: string, shown: string, out: InputFile[]): void {
  const entries = fs.readdirSync(dir, { withFileTypes: true }).sort((a, b) => (a.name < b.name ? -1 : 1));
  for (const e of entries) {
    const full = path.join(dir, e.name);
    const display = path.join(shown, e.name);
    if (e.isDirectory()) walk(full, display, out);
    else if (WORKBOOK.test(e.name) && !OWNER_FILE.test(e.name)) {
      // A link is followed to a file only.
      if (e.isFile() || (e.isSymbolicLink() && fs.statSync(full, { throwIfNoEntry: false })?.isFile()))
        out.push({ shown: display, resolved: full });
    }
  }
}

/**
 * The files to consolidate: each PATH a file (used whatever its name says: it was named on purpose) or a
 * folder (its .xlsx and .xlsm files, subfolders too); each file once. The output file is never an input: named
 * as one, it is refused; found in a folder (an earlier run's), it is passed over.
 */
function inputFiles(paths: readonly string[], cwd: string, out: string): InputFile[] {
  const found: InputFile[] = [];
  const outId = identity(out);
  for (const given of paths) {
    const resolved = path.resolve(cwd, given);
    const stat = fs.statSync(resolved, { throwIfNoEntry: false });
    if (!stat) throw new ConsolidateFailure(CLI.pathNotFound(given), 2);
    if (stat.isDirectory()) {
      const inFolder: InputFile[] = [];
      walk(resolved, given, inFolder);
      found.push(...inFolder.filter((f) => identity(f.resolved) !== outId));
    } else {
      if (identity(resolved) === outId)
        throw new UsageError(CLI.outIsCommuneFile(given), CONSOLIDATE_SPEC.name);
      found.push({ shown: given, resolved });
    }
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

/** A file on disk as a source: its bytes are read when its turn comes, and only read. */
function source(file: InputFile): ConsolidationSource {
  const stat = fs.statSync(file.resolved, { throwIfNoEntry: false });
  return {
    name: file.shown,
    modifiedAt: stat ? stat.mtime.toISOString() : null,
    bytes: async () => {
      try {
        return await fsp.readFile(file.resolved);
      } catch {
        throw new SourceError(CLI.fileUnreadable(file.shown));
      }
    },
  };
}

export async function cmdConsolidate(args: ParsedArgs, io: CliIo): Promise<number> {
  const { options } = args;
  const today = todayIso(io.now());
  const req = periodOptions(options, today, CONSOLIDATE_SPEC.name, { required: true });
  const out = outPath(options, io.cwd);
  const files = inputFiles(args.paths, io.cwd, out.resolved);
  const consolidation = await consolidateFiles(files.map(source), req, {
    open: (bytes) => openXlsx(bytes),
    now: io.now(),
    onFile: io.progress ? (p) => io.progress?.(CLI.progress(p.index, p.total, p.file, p.unit)) : undefined,
  });
  const book = await openXlsx(null);
  const outcome = await writeConsolidation(book, consolidation, { now: io.now() });
  if (!outcome.ok) throw new ConsolidateFailure(outcome.message, 2);
  const bytes = await book.toBuffer();
  try {
    fs.mkdirSync(path.dirname(out.resolved), { recursive: true });
    await writeXlsxFileAtomically(out.resolved, bytes);
  } catch {
    throw new ConsolidateFailure(CLI.notWritable(out.shown), 2);
  }
  if (req.asOf > today) io.err(CLI.asOfInFuture(req.asOf, today));
  if (options.json) io.out(JSON.stringify(consolidationJson(consolidation), null, 2));
  else {
    io.out(outcome.message);
    for (const f of notUsedFiles(consolidation)) io.out(CLI.notUsed(f.file, f.reason));
    io.out(CLI.written(out.resolved));
  }
  return notUsedCount(consolidation) === 0 ? 0 : 1;
}

/** An ASCII file name for a commune: "Mỹ Hội Đông" → "my-hoi-dong". */
function slug(name: string): string {
  return name
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/[đĐ]/g, 'd')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-|-$/g, '');
}

/** The folder `cchc demo --communes N` writes into, under the current folder. */
export const DEMO_COMMUNES_DIR = path.join('out', 'cac-xa');

/**
 * `cchc demo --communes N`: N communes' workbooks in out/cac-xa/, each with its own name and progress (and
 * some without their 9-month report), to try `cchc consolidate` at once.
 */
export async function demoCommunes(args: ParsedArgs, io: CliIo): Promise<number> {
  const text = String(args.options.communes);
  const n = Number(text);
  if (!/^\d+$/.test(text) || n < 2 || n > 99) throw new UsageError(CLI.badCommunes(text), 'demo');
  const dir = path.resolve(io.cwd, DEMO_COMMUNES_DIR);
  if (fs.existsSync(dir) && !isDirectory(dir))
    throw new ConsolidateFailure(CLI.isDirectory(DEMO_COMMUNES_DIR), 2);
  const { year, asOf } = demoDay(io.now());
  fs.mkdirSync(dir, { recursive: true });
  for (let i = 0; i < n; i++) {
    const book = await openXlsx(null);
    const outcome = await writeCommuneDemo(book, { now: io.now(), commune: i });
    if (!outcome.ok) throw new ConsolidateFailure(outcome.message, 2);
    const file = path.join(dir, `xa-${slug(demoCommuneName(i))}.xlsx`);
    try {
      await writeXlsxFileAtomically(file, await book.toBuffer());
    } catch {
      throw new ConsolidateFailure(CLI.notWritable(file), 2);
    }
    io.out(CLI.written(file));
  }
  io.out(CLI.demoDay(asOf));
  io.out(CLI.demoCommunes(n, DEMO_COMMUNES_DIR, `${year}-Q3`, asOf));
  return 0;
}
