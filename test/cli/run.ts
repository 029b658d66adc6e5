/** Runs `cchc` in-process as a user would from `cwd`, on a fixed day, capturing its two output streams. */
import type { CliIo } from '../../src/cli/io';
import { runCli } from '../../src/cli/main';

export interface CliRun {
  code: number;
  out: string;
  err: string;
}

export function cchcIn(cwd: string, now: Date) {
  return async (...argv: string[]): Promise<CliRun> => {
    const out: string[] = [];
    const err: string[] = [];
    const io: CliIo = { out: (l) => out.push(l), err: (l) => err.push(l), now: () => now, cwd };
    const code = await runCli(argv, io);
    return { code, out: out.join('\n'), err: err.join('\n') };
  };
}

/** What a user may see on a failure: no stack trace, no English error names. */
export function expectNoStack(text: string): void {
  expect(text).not.toMatch(/\n\s+at |Error:|TypeError|undefined/);
}
