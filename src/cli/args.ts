/** A tiny argument parser: positional words and --name value / --flag options. */
export interface ParsedArgs {
  positional: string[];
  options: Record<string, string | true>;
}

export function parseArgs(argv: readonly string[], flags: readonly string[]): ParsedArgs {
  const positional: string[] = [];
  const options: Record<string, string | true> = {};
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    if (a.startsWith('--')) {
      const eq = a.indexOf('=');
      const name = eq > 0 ? a.slice(2, eq) : a.slice(2);
      if (eq > 0) options[name] = a.slice(eq + 1);
      else if (flags.includes(name)) options[name] = true;
      else if (i + 1 < argv.length && !argv[i + 1].startsWith('--')) options[name] = argv[++i];
      else throw new UsageError(`Thiếu giá trị cho --${name}.`);
    } else positional.push(a);
  }
  return { positional, options };
}

/** Bad usage: exit code 2 with a one-line Vietnamese message. */
export class UsageError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'UsageError';
  }
}
