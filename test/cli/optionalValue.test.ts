/**
 * An option whose value may be left out (`cchc report FILE --docx [OUT.docx]`): the next argument is its
 * value when it names a .docx, or when the command's file came first; otherwise the option stands alone.
 */
import { parseCommandArgs, UsageError, type CommandSpec } from '../../src/cli/args';

const SPEC: CommandSpec = {
  name: 'report',
  files: 1,
  options: {
    docx: { type: 'string', optionalValue: { extension: '.docx' } },
    out: { type: 'string' },
    period: { type: 'string' },
    force: { type: 'boolean' },
  },
};

const parse = (...argv: string[]) => parseCommandArgs(argv, SPEC);

describe('an option with an optional value', () => {
  it.each([
    [['kh.xlsx', '--docx'], 'kh.xlsx', true],
    [['kh.xlsx', '--docx', '--force'], 'kh.xlsx', true],
    [['--docx', 'kh.xlsx'], 'kh.xlsx', true],
    [['--docx', '--period', '2026-Q3', 'kh.xlsx'], 'kh.xlsx', true],
    [['kh.xlsx', '--docx', 'bao-cao.docx'], 'kh.xlsx', 'bao-cao.docx'],
    [['--docx', 'Bao Cao.DOCX', 'kh.xlsx'], 'kh.xlsx', 'Bao Cao.DOCX'],
    [['kh.xlsx', '--docx=bao-cao.docx'], 'kh.xlsx', 'bao-cao.docx'],
    [['--period', '2026-Q3', 'kh.xlsx', '--docx', 'x.doc'], 'kh.xlsx', 'x.doc'],
  ])('%j: file %s, docx %s', (argv, file, docx) => {
    const args = parse(...(argv as string[]));
    expect(args.file).toBe(file);
    expect(args.options.docx).toBe(docx);
  });

  it('leaves the other options as they were', () => {
    const args = parse('kh.xlsx', '--period', '2026-Q3', '--docx', '--force');
    expect(args.options).toEqual({ period: '2026-Q3', docx: true, force: true });
    expect(parse('kh.xlsx', '--out', 'b.xlsx').options).toEqual({ out: 'b.xlsx' });
  });

  it('refuses it given twice, bare or with a value', () => {
    for (const argv of [
      ['kh.xlsx', '--docx', '--docx'],
      ['kh.xlsx', '--docx', '--docx', 'a.docx'],
      ['kh.xlsx', '--docx=a.docx', '--docx'],
    ])
      expect(() => parse(...argv)).toThrow(UsageError);
  });

  it('refuses an extra argument after a bare option and its value', () => {
    expect(() => parse('kh.xlsx', '--docx', 'a.docx', 'b.docx')).toThrow(UsageError);
  });
});
