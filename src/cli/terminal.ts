/**
 * What the CLI prints is inert on a terminal: text from a workbook (a task, a lead, a unit name, a file name)
 * may hold control characters (`_x001B_` decodes to a real ESC), which could clear the screen, move the cursor
 * or fake a line. Every line the CLI prints passes through `inert`: C0 controls but the line break, DEL, C1
 * controls and the invisible bidi/format characters become visible escapes (`\x1B`, `\u202E`). JSON output is
 * already escaped by JSON.stringify (it writes `\u001b`), and stays valid.
 *
 * And standard output closed by its reader (`cchc … --json | head`) is not a crash: the rest of the output is
 * dropped and the command finishes its work (a file being written is written) with its own exit code.
 */

// C0 but \n (and \t, which only moves to the next tab stop), DEL, C1; bidi embeddings/overrides/isolates, the
// directional marks, the Arabic letter mark, zero-width joiners and the line/paragraph separators.
const UNSAFE =
  // eslint-disable-next-line no-control-regex -- matching control characters is the point
  /[\u0000-\u0008\u000B-\u001F\u007F-\u009F\u061C\u200B-\u200F\u2028-\u202E\u2060-\u2069\uFEFF]/g;

const escape = (c: string): string => {
  const code = c.charCodeAt(0);
  return code <= 0xff
    ? `\\x${code.toString(16).toUpperCase().padStart(2, '0')}`
    : `\\u${code.toString(16).toUpperCase().padStart(4, '0')}`;
};

/** The text with every character that acts on a terminal shown as an escape instead. */
export function inert(text: string): string {
  return text.replace(UNSAFE, escape);
}

/** Text from a workbook that must stay on one line (a cell may hold line breaks): each break shown as ⏎. */
export function oneLine(text: string): string {
  return inert(text).replace(/\r\n|\n/g, ' ⏎ ');
}

let stdoutClosed = false;
let watching = false;

/** Standard output closed by its reader (EPIPE): further output is dropped, not thrown. */
export function watchStdout(): void {
  if (watching) return;
  watching = true;
  process.stdout.on('error', (error: NodeJS.ErrnoException) => {
    if (error.code === 'EPIPE') stdoutClosed = true;
    else throw error;
  });
  process.on('exit', flushOut);
}

/** Lines given to writeOut and not written yet. */
let pending = '';

/**
 * Writes a line to standard output unless its reader has gone: with the lines written with it, at the end of
 * what the command does at once (a rollover's 17,000 lines were 17,000 writes, 100 ms of system calls).
 */
export function writeOut(line: string): void {
  if (stdoutClosed) return;
  if (pending === '') queueMicrotask(flushOut);
  pending += `${line}\n`;
  if (pending.length >= 1 << 16) flushOut();
}

/** Writes the lines held back; done before anything goes to standard error, so the two keep their order. */
export function flushOut(): void {
  if (pending === '') return;
  const text = pending;
  pending = '';
  if (!stdoutClosed) process.stdout.write(text);
}
