/**
 * What a command of `cchc` reads and writes besides files: its output and error lines, the clock and the
 * working folder. Its own module so the commands (main, consolidate, rollover, report-docx) share it without
 * importing one another.
 */
export interface CliIo {
  out: (line: string) => void;
  err: (line: string) => void;
  /** Progress lines of a long command (consolidate: one per file); only where standard error is a terminal. */
  progress?: (line: string) => void;
  now: () => Date;
  cwd: string;
}
