/**
 * The hostile-workbook corpus (cases.ts) through every way the add-in meets a workbook:
 * - `cchc check --json`: the exit code, and each expected problem at its cell, in Vietnamese;
 * - `cchc report --out`: the report's figures equal the oracle's (computed from the generated rows, not by
 *   src/domain), or a Vietnamese refusal; the input untouched; in the output, every part the add-in does not
 *   own byte for byte the same, and every cell of every sheet it did not write (values, formulas, number
 *   formats, fonts, fills, borders, alignment) the same;
 * - `cchc report` in place: the same file as with --out, or the input byte for byte as it was;
 * - the ribbon button (it opens the task pane, which runs the report: createPaneActions) through the Office.js adapter on the fake Excel API loaded
 *   with the same cells: the same outcome and figures, no user cell changed, nothing changed on a refusal;
 *   and Kiểm tra dữ liệu there lists the same problems as the CLI.
 * Never a crash, a stack trace or an English message.
 *
 */
import { execFile, execFileSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';

import ExcelJS from 'exceljs';

import { checkTracker, type ReportOutcome } from '../../src/app';
import { runCli } from '../../src/cli/main';
import { createPaneActions } from '../../src/taskpane/paneActions';
import { createOfficeWorkbook } from '../../src/workbook/office/officeWorkbook';
import type { FakeExcel } from '../fake-excel';
import { disposeLibreOffice } from '../support/libreoffice';
import {
  AS_OF,
  corpusCases,
  disposeCorpusScratch,
  oracleOf,
  PERIOD,
  SUMMARY,
  TRACKER,
  type CorpusCase,
  type ExpectedProblem,
  type ReportExpectation,
} from './cases';
import {
  byteDifference,
  cellDifferences,
  fakeDifferences,
  fakeSheets,
  partDifferences,
  packageOf,
  workbookCells,
} from './compare';
import { expectedLeadCount, expectedTotals, type ReportTotals } from './oracle';
import { loadIntoFake } from './toFake';

const REGISTER = 'CCHC_SoDangKy';
const NOW = new Date('2026-06-05T03:00:00Z');
const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'cchc-corpus-'));

afterAll(async () => {
  await disposeLibreOffice();
  await disposeCorpusScratch();
  if (!process.env.KEEP_TEST_FILES) fs.rmSync(dir, { recursive: true, force: true });
});

interface CliRun {
  code: number;
  out: string;
  err: string;
}

async function cli(args: string[]): Promise<CliRun> {
  const out: string[] = [];
  const err: string[] = [];
  const code = await runCli(args, {
    out: (l) => out.push(l),
    err: (l) => err.push(l),
    now: () => NOW,
    cwd: dir,
  });
  return { code, out: out.join('\n'), err: err.join('\n') };
}

interface Problem {
  severity: 'error' | 'warning';
  code: string;
  sheet: string;
  cell: string;
  message: string;
}

interface ReportJson {
  period: string;
  sheet: string;
  totals: ReportTotals;
  byLead: ({ lead: string } & ReportTotals)[];
}

/** Some Vietnamese: a letter only Vietnamese spelling has. */
const VIETNAMESE = /[ăâđêôơưạảấầẩẫậắằẳẵặẹẻẽếềểễệỉịọỏốồổỗộớờởỡợụủứừửữựỳỵỷỹ]/i;

/** What a user may see: Vietnamese, no stack trace, no "Error:". */
function expectForUser(text: string): void {
  expect(text).not.toContain('    at ');
  expect(text).not.toMatch(/\bError:|\bTypeError\b|\bundefined\b|\[object Object\]/);
  if (text.trim() !== '') expect(text).toMatch(VIETNAMESE);
}

function expectCleanRun(run: CliRun): void {
  expectForUser(run.err);
  expect(run.out).not.toContain('    at ');
}

/** The problem's message says where: the sheet, and the cell unless the problem is about the whole sheet. */
function expectWellWorded(p: Problem): void {
  expectForUser(p.message);
  expect(p.message).toContain(`"${p.sheet}"`);
  if (!['settingsMissing', 'headerNotFound'].includes(p.code)) expect(p.message).toContain(p.cell);
}

function key(p: { severity: string; code: string; sheet?: string; cell: string }): string {
  return `${p.severity} ${p.sheet ?? TRACKER}!${p.cell} ${p.code}`;
}

function matches(p: Problem, e: ExpectedProblem): boolean {
  return (
    p.severity === e.severity &&
    p.cell === e.cell &&
    p.sheet === (e.sheet ?? TRACKER) &&
    (e.code === '*' || p.code === e.code)
  );
}

function expectProblems(c: CorpusCase, result: { errors: Problem[]; warnings: Problem[] }): void {
  const listed = [...result.errors, ...result.warnings];
  result.errors.forEach((p) => expect(p.severity).toBe('error'));
  result.warnings.forEach((p) => expect(p.severity).toBe('warning'));
  listed.forEach(expectWellWorded);
  const expected = c.check.problems ?? [];
  const missing = expected.filter((e) => !listed.some((p) => matches(p, e))).map(key);
  expect({ missing }).toEqual({ missing: [] });
  if (c.check.only) {
    const extra = listed.filter((p) => !expected.some((e) => matches(p, e))).map(key);
    expect({ extra }).toEqual({ extra: [] });
  }
}

function expectRefusal(message: string, expected: Extract<ReportExpectation, { ok: false }>): void {
  expectForUser(message);
  for (const s of expected.says) expect(message).toContain(s);
  if (expected.sheet) expect(message).toContain(`"${expected.sheet}"`);
  if (expected.cell) expect(message).toContain(expected.cell);
}

function expectFigures(c: CorpusCase, json: ReportJson): void {
  const oracle = oracleOf(c);
  expect(json.period).toBe(PERIOD);
  expect(json.totals).toEqual(expectedTotals(c.facts ?? [], oracle));
  for (const lead of c.leads ?? []) {
    const row = json.byLead.find((l) => l.lead === lead);
    expect({ lead, tasks: row?.tasks }).toEqual({
      lead,
      tasks: expectedLeadCount(c.facts ?? [], lead),
    });
  }
}

/** The literals are on the written sheets as text, never turned into formulas. */
async function expectLiteralsInFile(bytes: Uint8Array, sheets: string[], literals: string[]): Promise<void> {
  if (!literals.length) return;
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(bytes as unknown as ExcelJS.Buffer);
  const texts = new Set<string>();
  const formulas = new Set<string>();
  for (const name of sheets) {
    wb.getWorksheet(name)?.eachRow((row) =>
      row.eachCell((cell) => {
        if (typeof cell.value === 'string') texts.add(cell.value);
        if (cell.formula) formulas.add(cell.formula);
      }),
    );
  }
  for (const literal of literals) {
    expect({ literal, asText: texts.has(literal) }).toEqual({ literal, asText: true });
    expect({ literal, asFormula: formulas.has(literal.replace(/^=/, '')) }).toEqual({
      literal,
      asFormula: false,
    });
  }
}

function expectLiteralsInFake(excel: FakeExcel, sheets: string[], literals: string[]): void {
  for (const literal of literals) {
    const cells = excel.state.sheets
      .filter((s) => sheets.includes(s.name))
      .flatMap((s) => [...s.cells.values()]);
    expect({ literal, asText: cells.some((x) => x.value === literal && x.formula === null) }).toEqual({
      literal,
      asText: true,
    });
    const asFormula = cells.some((x) => x.formula === literal || x.formula === `=${literal}`);
    expect({ literal, asFormula }).toEqual({ literal, asFormula: false });
  }
}

const cases = corpusCases();

test('the corpus has at least 30 workbooks, each named once', () => {
  expect(cases.length).toBeGreaterThanOrEqual(30);
  expect(new Set(cases.map((c) => c.id)).size).toBe(cases.length);
});

describe.each(cases.filter((c) => !c.lowMemoryCheckOnly).map((c) => [c.id, c] as const))('%s', (_id, c) => {
  const ext = c.ext ?? '.xlsx';
  const file = path.join(dir, `${c.id}${ext}`);
  const outFile = path.join(dir, `${c.id}.out${ext}`);
  const copyFile = path.join(dir, `${c.id}.copy${ext}`);
  const bug = c.bug ? ` [BUG: ${c.bug}]` : '';
  let input: Uint8Array;
  let cliProblems: { errors: Problem[]; warnings: Problem[] } | undefined;
  let cliReport: ReportJson | undefined;

  beforeAll(async () => {
    input = await c.build();
    fs.writeFileSync(file, input);
  }, 180_000);

  it(`check: exit ${c.check.exit}, each expected problem at its cell, in Vietnamese${bug}`, async () => {
    const run = await cli(['check', file, '--today', AS_OF, '--json']);
    expectCleanRun(run);
    if (c.check.exit === 2) {
      expect({ code: run.code, out: run.out }).toEqual({ code: 2, out: '' });
      for (const s of c.check.says ?? []) expect(run.err).toContain(s);
      return;
    }
    if (run.code === 2) expect({ code: run.code, err: run.err }).toEqual({ code: c.check.exit, err: '' });
    const json = JSON.parse(run.out) as { errors: Problem[]; warnings: Problem[] };
    cliProblems = json;
    expectProblems(c, json);
    expect(run.code).toBe(c.check.exit);
  });

  it(`report --out: ${c.report.ok ? `figures on "${c.report.sheet}"` : 'refused in Vietnamese'}; nothing else changes${bug}`, async () => {
    fs.rmSync(outFile, { force: true });
    const run = await cli(['report', file, '--period', PERIOD, '--as-of', AS_OF, '--out', outFile, '--json']);
    expectCleanRun(run);
    expect(byteDifference(fs.readFileSync(file), input)).toBe('');
    if (run.code === 0) {
      // Whatever was expected, a written file must have kept everything outside the add-in's own sheets.
      const json = JSON.parse(run.out) as ReportJson;
      cliReport = json;
      const output = new Uint8Array(fs.readFileSync(outFile));
      const written = [SUMMARY, json.sheet, REGISTER];
      expect(await partDifferences(input, output, written)).toEqual([]);
      const before = await workbookCells(input, written);
      const after = await workbookCells(output, written);
      expect(cellDifferences(before, after)).toEqual([]);
      const { sheets } = await packageOf(output);
      expect(sheets.map((s) => s.name)).toEqual(expect.arrayContaining(written));
      await expectLiteralsInFile(output, [SUMMARY, json.sheet], c.literals ?? []);
    }
    if (!c.report.ok) {
      expect({ code: run.code, out: run.out }).toEqual({ code: 2, out: '' });
      expectRefusal(run.err, c.report);
      expect(fs.existsSync(outFile)).toBe(false);
      return;
    }
    expect({ code: run.code, err: run.err }).toEqual({ code: 0, err: '' });
    expect(cliReport?.sheet).toBe(c.report.sheet);
    expectFigures(c, cliReport as ReportJson);
  });

  it(`report in place: the same workbook as --out, or the file byte for byte as it was${bug}`, async () => {
    fs.writeFileSync(copyFile, input);
    const run = await cli(['report', copyFile, '--period', PERIOD, '--as-of', AS_OF, '--json']);
    expectCleanRun(run);
    const after = new Uint8Array(fs.readFileSync(copyFile));
    if (!c.report.ok) {
      expect({ code: run.code, out: run.out }).toEqual({ code: 2, out: '' });
      expectRefusal(run.err, c.report);
      expect(byteDifference(after, input)).toBe('');
      return;
    }
    expect(run.code).toBe(0);
    const json = JSON.parse(run.out) as ReportJson;
    expect(json.sheet).toBe(c.report.sheet);
    expectFigures(c, json);
    if (!fs.existsSync(outFile)) return; // --out failed: its test says why
    const inPlace = (await packageOf(after)).parts;
    const viaOut = (await packageOf(new Uint8Array(fs.readFileSync(outFile)))).parts;
    expect([...inPlace.keys()].sort()).toEqual([...viaOut.keys()].sort());
    // ExcelJS gives each data bar a random GUID; nothing else may differ.
    const text = (b: Uint8Array | undefined): string =>
      new TextDecoder()
        .decode(b)
        .replace(/\{[0-9A-F]{8}-[0-9A-F]{4}-[0-9A-F]{4}-[0-9A-F]{4}-[0-9A-F]{12}\}/gi, '{GUID}');
    const differing = [...inPlace.keys()].filter((k) => text(inPlace.get(k)) !== text(viaOut.get(k)));
    expect(differing).toEqual([]);
  });

  const ribbonExpected = c.ribbon ?? c.report;
  // A file Excel cannot open (an .xls renamed, half a download) never reaches the ribbon button: there is no
  // ribbon run to test, so none is registered rather than one shown as skipped.
  if (ribbonExpected !== 'skip')
    it(`ribbon button through Office.js: ${ribbonExpected.ok ? 'the same figures' : 'refused'}; no user cell changes${bug}`, async () => {
      const excel = await loadIntoFake(input);
      const names = excel.sheetNames();
      const before = fakeSheets(excel);

      // Kiểm tra dữ liệu in Excel lists what the CLI listed.
      const checked = await checkTracker(createOfficeWorkbook(excel.run), { today: AS_OF });
      expectForUser(checked.message);
      if (c.check.exit === 2) {
        expect(checked.result).toBeUndefined();
        for (const s of c.check.says ?? []) expect(checked.message).toContain(s);
      } else if (c.officeCheck !== false) {
        expect(checked.result).toBeDefined();
        expectProblems(c, checked.result as { errors: Problem[]; warnings: Problem[] });
        if (cliProblems) expect(checked.result).toEqual(cliProblems);
      }
      expect(fakeDifferences(before, fakeSheets(excel))).toEqual([]);

      const outcome = await createPaneActions(createOfficeWorkbook(excel.run), {
        today: () => AS_OF,
        selectCell: async () => {},
        subscribeToChanges: async () => () => {},
      }).compileReport();
      // The pane's outcome is the report's own (ReportOutcome, with its JSON), notes added.
      const captured = outcome as ReportOutcome;
      expectForUser(outcome.message);
      if (outcome.ok) {
        // Whatever was expected, no sheet but the add-in's own may have changed.
        const written = [SUMMARY, outcome.sheet ?? '', REGISTER];
        const untouched = new Map([...before].filter(([name]) => !written.includes(name)));
        expect(fakeDifferences(untouched, fakeSheets(excel))).toEqual([]);
      }
      if (!ribbonExpected.ok) {
        expect(outcome.ok).toBe(false);
        expectRefusal(outcome.message, ribbonExpected);
        if (ribbonExpected.sheet) expect(outcome.sheet).toBe(ribbonExpected.sheet);
        expect(excel.sheetNames()).toEqual(names);
        expect(fakeDifferences(before, fakeSheets(excel))).toEqual([]);
        return;
      }
      expect({ ok: outcome.ok, sheet: outcome.sheet }).toEqual({ ok: true, sheet: ribbonExpected.sheet });
      expect(outcome.message).toContain(`"${ribbonExpected.sheet}"`);
      const json = captured?.json as ReportJson;
      expectFigures(c, json);
      if (cliReport) expect(json).toEqual(cliReport);
      const written = [SUMMARY, ribbonExpected.sheet, REGISTER];
      expect(excel.sheetNames()).toEqual(expect.arrayContaining([...names, ...written]));
      expect(excel.activeSheet()).toBe(ribbonExpected.sheet);
      expectLiteralsInFake(excel, [SUMMARY, ribbonExpected.sheet], c.literals ?? []);
    });
});

describe.each(cases.filter((c) => c.lowMemoryCheckOnly).map((c) => [c.id, c] as const))('%s', (_id, c) => {
  const bug = c.bug ? ` [BUG: ${c.bug}]` : '';
  // bin/cchc.js runs the bundle as last built: build it from the sources under test.
  beforeAll(() => {
    execFileSync(process.execPath, [path.resolve(__dirname, '../../scripts/build-cli.js')]);
  });
  it(`cchc check with a 512 MB heap: exit ${c.check.exit}, no crash${bug}`, async () => {
    const file = path.join(dir, `${c.id}${c.ext ?? '.xlsx'}`);
    fs.writeFileSync(file, await c.build());
    const bin = path.resolve(__dirname, '../../bin/cchc.js');
    const run = await new Promise<CliRun>((resolve) => {
      execFile(
        process.execPath,
        [bin, 'check', file, '--today', AS_OF, '--json'],
        {
          env: { ...process.env, NODE_OPTIONS: '--max-old-space-size=512' },
          timeout: 150_000, // a guard against a hang, not a timing assertion
          maxBuffer: 1 << 26,
        },
        (error, stdout, stderr) => {
          const code = error ? (typeof error.code === 'number' ? error.code : -1) : 0;
          resolve({ code, out: stdout, err: stderr });
        },
      );
    });
    expectCleanRun(run);
    expect({ code: run.code, err: run.err.slice(0, 300) }).toEqual({ code: c.check.exit, err: '' });
    expectProblems(c, JSON.parse(run.out) as { errors: Problem[]; warnings: Problem[] });
  }, 180_000);
});
