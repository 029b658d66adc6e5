/**
 * Arguments of one `cchc` command, parsed by Node's own util.parseArgs in strict mode. Strict mode decides
 * what is refused; when it refuses, the same arguments are read once more without strictness only to name
 * the culprit in Vietnamese (Node's own messages are English). Beyond what parseArgs checks: an option
 * given twice, an empty value and the number of positional arguments.
 */
import { parseArgs as nodeParseArgs } from 'node:util';
import { CLI } from '../i18n/cli';

interface OptionSpec {
  type: 'string' | 'boolean';
  /** What the usage text shows after the option name ("YYYY-MM-DD"); string options only. */
  valueName?: string;
  /**
   * A string option whose value may be left out (`--docx` or `--docx OUT.docx`): the next argument is its
   * value when it ends with this extension, or when the command's file came before it. Given bare, the
   * option is parsed as true.
   */
  optionalValue?: { extension: string };
}

export interface CommandSpec {
  name: string;
  /** Long option names (without "--"). --help / -h is added to every command. */
  options: Record<string, OptionSpec>;
  /** How many positional arguments the command takes: exactly this many files (0 or 1), or one or more paths. */
  files: 0 | 1 | 'many';
}

export interface ParsedArgs {
  /** --help or -h was given: print the command's usage and do nothing else. */
  help: boolean;
  file?: string;
  /** Every positional argument, in order (the paths of a command that takes many). */
  paths: string[];
  /** String options as given (never empty), boolean options as true; absent options are missing. */
  options: Record<string, string | true>;
}

/** Bad usage: exit code 2 with a one-line Vietnamese message (and where to read the usage). */
export class UsageError extends Error {
  constructor(
    message: string,
    /** The command whose usage to point at; undefined for the whole CLI. */
    readonly command?: string,
  ) {
    super(message);
    this.name = 'UsageError';
  }
}

const HELP_FLAGS = new Set(['--help', '-h']);

/** True when --help or -h comes before a "--" that ends the options. */
function wantsHelp(argv: readonly string[]): boolean {
  for (const a of argv) {
    if (a === '--') return false;
    if (HELP_FLAGS.has(a)) return true;
  }
  return false;
}

type NodeOptions = Record<string, { type: 'string' | 'boolean'; short?: string }>;

function nodeOptions(spec: CommandSpec): NodeOptions {
  const options: NodeOptions = { help: { type: 'boolean', short: 'h' } };
  for (const [name, o] of Object.entries(spec.options)) options[name] = { type: o.type };
  return options;
}

/** Edit distance, for "did you mean": small strings only. */
function distance(a: string, b: string): number {
  const row = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    let diagonal = row[0];
    row[0] = i;
    for (let j = 1; j <= b.length; j++) {
      const above = row[j];
      row[j] = Math.min(row[j] + 1, row[j - 1] + 1, diagonal + (a[i - 1] === b[j - 1] ? 0 : 1));
      diagonal = above;
    }
  }
  return row[b.length];
}

/** The known option a typo most likely meant ("asof" → "as-of"), if one is close. */
function closestOption(name: string, known: readonly string[]): string | undefined {
  const bare = (s: string): string => s.toLowerCase().replace(/[^a-z0-9]/g, '');
  let best: { name: string; d: number } | undefined;
  for (const k of known) {
    const d = bare(k) === bare(name) ? 0 : distance(name.toLowerCase(), k);
    if (d <= 2 && (!best || d < best.d)) best = { name: k, d };
  }
  return best?.name;
}

/** Names the argument strict parsing refused, in Vietnamese. */
function explainRefusal(argv: readonly string[], spec: CommandSpec): string {
  const options = nodeOptions(spec);
  const { tokens } = nodeParseArgs({
    args: [...argv],
    options,
    strict: false,
    allowPositionals: true,
    tokens: true,
  });
  for (const t of tokens) {
    if (t.kind !== 'option') continue;
    const known = options[t.name];
    if (!known) {
      const guess = closestOption(t.name, Object.keys(spec.options));
      return CLI.unknownOption(spec.name, t.rawName, guess ? `--${guess}` : undefined);
    }
    if (known.type === 'string' && t.value === undefined) return CLI.missingValue(t.rawName);
    // Strict mode will not take "--out --json" as out = "--json": the value was forgotten.
    if (known.type === 'string' && !t.inlineValue && t.value && t.value.length > 1 && t.value.startsWith('-'))
      return CLI.missingValue(t.rawName);
    if (known.type === 'boolean' && t.value !== undefined) return CLI.flagTakesNoValue(t.rawName);
  }
  return CLI.badArguments(spec.name);
}

function isParseArgsError(err: unknown): boolean {
  const code = (err as { code?: unknown } | null)?.code;
  return typeof code === 'string' && code.startsWith('ERR_PARSE_ARGS_');
}

function strictParse(argv: readonly string[], spec: CommandSpec) {
  try {
    return nodeParseArgs({
      args: [...argv],
      options: nodeOptions(spec),
      strict: true,
      allowPositionals: true,
      tokens: true,
    });
  } catch (err) {
    if (!isParseArgsError(err)) throw err;
    throw new UsageError(explainRefusal(argv, spec), spec.name);
  }
}

/**
 * Takes out the options given without their optional value (optionalValue), which strict parsing would
 * refuse: `--docx` at the end, or before another option, or before the command's file.
 */
function takeBareOptions(argv: readonly string[], spec: CommandSpec): { rest: string[]; bare: string[] } {
  const rest: string[] = [];
  const bare: string[] = [];
  let positionalSeen = false;
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    if (a === '--') {
      rest.push(...argv.slice(i));
      break;
    }
    const name = a.startsWith('--') && !a.includes('=') ? a.slice(2) : undefined;
    const o = name === undefined ? undefined : spec.options[name];
    const next = argv[i + 1];
    const nextIsValue = next !== undefined && !next.startsWith('-');
    if (o?.optionalValue) {
      const valued =
        nextIsValue && (positionalSeen || next.toLowerCase().endsWith(o.optionalValue.extension));
      if (!valued) {
        bare.push(name as string);
        continue;
      }
      rest.push(a, next);
      i++;
    } else if (o?.type === 'string' && nextIsValue) {
      rest.push(a, next);
      i++;
    } else {
      if (!a.startsWith('-')) positionalSeen = true;
      rest.push(a);
    }
  }
  return { rest, bare };
}

/**
 * Parses a command's arguments (those after the command's name). Throws UsageError naming the option or
 * argument at fault: an unknown option (with the likely intended one), a missing or unwanted value, an
 * option given twice, a missing file or an extra argument.
 */
export function parseCommandArgs(argv: readonly string[], spec: CommandSpec): ParsedArgs {
  if (wantsHelp(argv)) return { help: true, paths: [], options: {} };
  const { rest, bare } = takeBareOptions(argv, spec);
  const parsed = strictParse(rest, spec);
  const seen = new Set<string>();
  const options: Record<string, string | true> = {};
  for (const name of bare) {
    if (seen.has(name)) throw new UsageError(CLI.optionTwice(`--${name}`), spec.name);
    seen.add(name);
    options[name] = true;
  }
  for (const t of parsed.tokens) {
    if (t.kind !== 'option') continue;
    if (seen.has(t.name)) throw new UsageError(CLI.optionTwice(`--${t.name}`), spec.name);
    seen.add(t.name);
    if (spec.options[t.name]?.type === 'string') {
      if (!t.value) throw new UsageError(CLI.missingValue(t.rawName), spec.name);
      options[t.name] = t.value;
    } else options[t.name] = true;
  }
  const positionals = parsed.positionals;
  if (spec.files === 'many') {
    if (positionals.length === 0) throw new UsageError(CLI.missingPaths(), spec.name);
    return { help: false, file: positionals[0], paths: positionals, options };
  }
  if (positionals.length > spec.files)
    throw new UsageError(CLI.extraArgument(spec.name, positionals[spec.files], spec.files), spec.name);
  if (positionals.length < spec.files) throw new UsageError(CLI.missingFile(), spec.name);
  return { help: false, file: positionals[0], paths: positionals, options };
}
