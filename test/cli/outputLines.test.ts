/**
 * The lines a command prints go to standard output together, at the end of what it does at once
 * (src/cli/terminal.ts writeOut): a rollover prints a line per carried row, 17,000 on a 20,000-row tracker, and
 * each was a system call of its own. flushOut writes them at once (before a line on standard error).
 */
import { flushOut, writeOut } from '../../src/cli/terminal';

describe('writeOut', () => {
  afterEach(() => jest.restoreAllMocks());

  it('writes the lines of one go in one write, in order, once the go is done', async () => {
    const writes: string[] = [];
    jest.spyOn(process.stdout, 'write').mockImplementation((text) => {
      writes.push(String(text));
      return true;
    });
    for (let i = 1; i <= 3; i++) writeOut(`dòng ${i}`);
    expect(writes).toEqual([]);
    await Promise.resolve();
    expect(writes).toEqual(['dòng 1\ndòng 2\ndòng 3\n']);
  });

  it('writes what it holds when told to (before standard error), and nothing twice', async () => {
    const writes: string[] = [];
    jest.spyOn(process.stdout, 'write').mockImplementation((text) => {
      writes.push(String(text));
      return true;
    });
    writeOut('một');
    flushOut();
    expect(writes).toEqual(['một\n']);
    writeOut('hai');
    await Promise.resolve();
    expect(writes).toEqual(['một\n', 'hai\n']);
  });
});
