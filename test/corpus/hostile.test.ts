/**
 * The hostile corpus (hostile.ts) through `cchc` as a user runs it: a child process whose V8 heap is capped
 * at 1 GB, so a file that balloons the tool kills it (and fails here) instead of passing unnoticed.
 * For every case:
 * - `cchc check FILE`: exit 0, 1 or 2 as expected; on a refusal, one Vietnamese line that says why; never a
 *   stack trace; peak memory within 1 GB;
 * - `cchc report FILE` in place: written, or refused with the file left byte for byte and nothing left
 *   beside it (no temporary file, no lock).
 * Runs two processes at a time. Nothing here looks at a clock: a run that hangs is killed by a guard
 * and fails for its exit code.
 */
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';

import { openXlsx } from '../../src/workbook/xlsx/xlsxWorkbook';
import { inBatches, type ProcessRun, runCchc } from './cliProcess';
import { baseTracker, hostileCases, type HostileCase } from './hostile';

const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'cchc-hostile-'));
const cases = hostileCases();
const GB = 1024 ** 3;
const HEAP_MB = 1024;
const AS_OF = '2026-06-05';

interface Result {
  input: Uint8Array;
  check: ProcessRun;
  report: ProcessRun;
  after: Uint8Array;
  leftovers: string[];
}

const results = new Map<string, Result>();
/** `cchc check --json` of the tracker every case is made from. */
let tracker: ProcessRun;

beforeAll(async () => {
  const trackerFile = path.join(dir, 'tracker.xlsx');
  fs.writeFileSync(trackerFile, await baseTracker());
  tracker = await runCchc(['check', trackerFile, '--today', AS_OF, '--json'], { heapMb: HEAP_MB });
  const runs = cases.map((c) => async (): Promise<void> => {
    const input = await c.build();
    const sub = fs.mkdtempSync(path.join(dir, `${c.id}-`));
    const file = path.join(sub, `${c.id}.xlsx`);
    fs.writeFileSync(file, input);
    const check = await runCchc(['check', file, '--today', AS_OF, '--json'], { heapMb: HEAP_MB });
    const report = await runCchc(['report', file, '--period', '2026-Q2', '--as-of', AS_OF], {
      heapMb: HEAP_MB,
    });
    results.set(c.id, {
      input,
      check,
      report,
      after: new Uint8Array(fs.readFileSync(file)),
      leftovers: fs.readdirSync(sub).filter((name) => name !== `${c.id}.xlsx`),
    });
  });
  await inBatches(runs, 2);
}, 900_000);

afterAll(() => {
  if (!process.env.KEEP_TEST_FILES) fs.rmSync(dir, { recursive: true, force: true });
});

/** Some Vietnamese: a letter only Vietnamese spelling has. */
const VIETNAMESE = /[ăâđêôơưạảấầẩẫậắằẳẵặẹẻẽếềểễệỉịọỏốồổỗộớờởỡợụủứừửữựỳỵỷỹ]/i;

function expectOneTrueLine(run: ProcessRun, says: readonly string[] = []): void {
  expect(run.err).not.toMatch(/\n\s+at |\bError:|TypeError|RangeError|FATAL|heap/);
  expect(run.err.split('\n')).toHaveLength(1);
  expect(run.err).toMatch(VIETNAMESE);
  for (const s of says) expect(run.err).toContain(s);
  // A check writes nothing: its failures are never worded as a failure to write.
  expect(run.err).not.toMatch(/[Kk]hông ghi được/);
}

test('the hostile corpus has a case for each finding of issue 13, each named once', () => {
  expect(cases.length).toBeGreaterThanOrEqual(30);
  expect(new Set(cases.map((c) => c.id)).size).toBe(cases.length);
});

describe.each(cases.map((c) => [c.id, c] as const))('%s', (_id, c: HostileCase) => {
  const expected =
    c.check.exit === 'asTracker'
      ? 'read as the tracker it was made from'
      : `exit ${c.check.exit}${c.check.says ? `, says ${c.check.says.join(' · ')}` : ''}`;
  it(`check: ${expected}; within 1 GB`, () => {
    const r = results.get(c.id) as Result;
    if (c.check.exit === 'asTracker') {
      // The same exit and the same problems, cell by cell, as the untouched tracker.
      expect({ code: r.check.code, err: r.check.err }).toEqual({ code: tracker.code, err: '' });
      expect(JSON.parse(r.check.out)).toEqual(JSON.parse(tracker.out));
    } else if (c.check.exit === 2) {
      expect({ code: r.check.code, signal: r.check.signal }).toEqual({ code: 2, signal: null });
      expect(r.check.out).toBe('');
      expectOneTrueLine(r.check, c.check.says);
    } else {
      expect({ code: r.check.code, err: r.check.err }).toEqual({ code: c.check.exit, err: '' });
      const { errors } = JSON.parse(r.check.out) as { errors: unknown[] };
      expect(errors.length > 0).toBe(c.check.exit === 1);
    }
    expect(r.check.peakRss).toBeGreaterThan(0);
    expect(r.check.peakRss).toBeLessThan(GB);
  });

  it(`report in place: ${c.report.exit === 0 ? 'written' : 'refused, the file byte for byte as it was'}; nothing left beside it`, async () => {
    const r = results.get(c.id) as Result;
    expect({ code: r.report.code, signal: r.report.signal }).toEqual({ code: c.report.exit, signal: null });
    expect(r.leftovers).toEqual([]);
    expect(r.report.peakRss).toBeLessThan(GB);
    if (c.report.exit === 2) {
      expectOneTrueLine(r.report, c.report.says);
      expect(Buffer.from(r.after).equals(Buffer.from(r.input))).toBe(true);
      return;
    }
    expect(r.report.err).toBe('');
    const report = 'Báo cáo 6 tháng 2026';
    const snapshot = await (await openXlsx(r.after)).read([report]);
    expect(snapshot.sheets.map((s) => s.name)).toContain(report);
    const texts = snapshot.contents[report].values.flat().filter((v): v is string => typeof v === 'string');
    for (const s of c.report.says ?? []) expect(texts.some((t) => t.includes(s))).toBe(true);
  });
});
