/**
 * One test toolkit (issue 24, items 4 and 8), held by a test:
 * - a helper is written once: no two test files outside test/support define a function of the same name, and
 *   none defines again a function test/support exports (import it instead, or give a helper that differs a
 *   name that says how);
 * - the property tests take their run counts and seed from test/support/fuzz.ts alone: no test file names a
 *   number of runs, reads FAST_CHECK_RUNS or sets fast-check's global settings, and jest's setup file has set
 *   them for this file too.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import fc from 'fast-check';
import ts from 'typescript';

import { FUZZ_SEED, runs } from './support/fuzz';

const TEST = __dirname;
const SUPPORT = path.join(TEST, 'support');
/** The fake Excel API: a library of its own (its contract tested in test/office/fake*.test.ts), named as Office.js. */
const FAKE_EXCEL = path.join(TEST, 'fake-excel');

function testFiles(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const full = path.join(dir, e.name);
    if (e.isDirectory()) return testFiles(full);
    return /\.tsx?$/.test(e.name) ? [full] : [];
  });
}

const rel = (file: string): string => path.relative(TEST, file).split(path.sep).join('/');
const inSupport = (file: string): boolean => file.startsWith(SUPPORT + path.sep);

interface Definition {
  name: string;
  exported: boolean;
}

/** The functions a file defines at its top level: declarations, and consts holding an arrow or a function. */
function topLevelFunctions(file: string): Definition[] {
  const source = ts.createSourceFile(file, fs.readFileSync(file, 'utf8'), ts.ScriptTarget.Latest, true);
  const out: Definition[] = [];
  const exported = (node: ts.Node): boolean =>
    ts.canHaveModifiers(node) &&
    (ts.getModifiers(node) ?? []).some((m) => m.kind === ts.SyntaxKind.ExportKeyword);
  for (const statement of source.statements) {
    if (ts.isFunctionDeclaration(statement) && statement.name) {
      out.push({ name: statement.name.text, exported: exported(statement) });
    } else if (ts.isVariableStatement(statement)) {
      for (const d of statement.declarationList.declarations) {
        const init = d.initializer;
        if (ts.isIdentifier(d.name) && init && (ts.isArrowFunction(init) || ts.isFunctionExpression(init))) {
          out.push({ name: d.name.text, exported: exported(statement) });
        }
      }
    }
  }
  return out;
}

const ALL = testFiles(TEST).filter((f) => !f.startsWith(FAKE_EXCEL + path.sep));

describe('one test toolkit', () => {
  it('finds the functions a test file defines (the check below sees what it should)', () => {
    const names = topLevelFunctions(path.join(SUPPORT, 'deadPid.ts'));
    expect(names).toEqual([{ name: 'deadPid', exported: true }]);
    expect(topLevelFunctions(__filename).map((d) => d.name)).toEqual(
      expect.arrayContaining(['testFiles', 'rel', 'inSupport', 'topLevelFunctions']),
    );
  });

  it('defines no helper in two test files: shared ones live in test/support', () => {
    const where = new Map<string, string[]>();
    const shared = new Map<string, string>();
    for (const file of ALL) {
      for (const d of topLevelFunctions(file)) {
        if (inSupport(file)) {
          if (d.exported) shared.set(d.name, `test/${rel(file)}`);
          continue;
        }
        where.set(d.name, [...(where.get(d.name) ?? []), rel(file)]);
      }
    }
    const twice = [...where]
      .filter(([, in_]) => new Set(in_).size > 1)
      .map(([name, in_]) => `${name}: ${[...new Set(in_)].join(', ')}`);
    const copies = [...where]
      .filter(([name]) => shared.has(name))
      .map(([name, in_]) => `${name}: ${in_.join(', ')} (${shared.get(name)} exports it)`);
    expect([...twice, ...copies].sort()).toEqual([]);
  });

  it('takes every run count from test/support/fuzz.ts', () => {
    const offences: string[] = [];
    for (const file of ALL.filter((f) => !inSupport(f) && f !== __filename)) {
      const text = fs.readFileSync(file, 'utf8');
      if (/\bnumRuns:\s*\d/.test(text)) offences.push(`${rel(file)}: a literal numRuns`);
      if (/fcParams\(\s*\d/.test(text)) offences.push(`${rel(file)}: a literal count`);
      if (/process\.env\.(FAST_CHECK_RUNS|FUZZ_RUNS|FUZZ_SEED|DIFF_TRACKERS|ROLLOVER_TRACKERS)/.test(text)) {
        offences.push(`${rel(file)}: reads a run setting itself`);
      }
      if (/configureGlobal\(/.test(text)) offences.push(`${rel(file)}: sets fast-check's globals`);
    }
    expect(offences).toEqual([]);
    // jest's setup file ran for this file: the seed and the default count are fuzz.ts's.
    expect(fc.readConfigureGlobal()).toMatchObject({ seed: FUZZ_SEED, numRuns: runs('default') });
    // Issue 19's acceptance figure: at least 500 generated trackers by default.
    expect(runs('reportFigures')).toBeGreaterThanOrEqual(500);
  });
});
