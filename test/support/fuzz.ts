/**
 * How many cases every property test runs, and with which seed: the one place (issue 24, item 8). A property
 * names its count from RUNS below; fast-check's global settings (fc.configureGlobal, from jest's setup file
 * test/support/fastCheckSetup.ts) carry the seed and the replay path to every fc.assert and fc.sample.
 *
 * The runs are deterministic: every property uses the fixed seed below unless the environment says otherwise,
 * so CI sees the same cases on every run.
 *
 *   npx jest test/properties                                   # the fixed seed (what CI runs)
 *   FUZZ_SEED=$RANDOM npx jest test/properties                 # another seed (a random one from the shell)
 *   FAST_CHECK_RUNS=20000 npx jest test/properties             # a deeper run: at least 20,000 cases a property
 *   LIBREOFFICE_RUNS=60 npx jest test/interop                  # more workbooks a class through LibreOffice
 *   FUZZ_SEED=1234 FUZZ_PATH="17:3:0" npx jest test/properties -t "mutated tracker"   # replay one failure
 *
 * On a failure fast-check prints the counterexample with "seed: …, path: …"; put both in FUZZ_SEED and
 * FUZZ_PATH (and select the one test with -t, since the path belongs to one property) to replay it.
 */
import type fc from 'fast-check';

/** The seed CI uses. Any 32-bit integer would do; this one is just fixed. */
const DEFAULT_SEED = 20_260_605;

function envInteger(name: string): number | undefined {
  const raw = process.env[name];
  if (raw === undefined || raw.trim() === '') return undefined;
  const n = Number(raw);
  if (!Number.isSafeInteger(n) || n < 0) throw new Error(`${name} must be a whole number, got "${raw}"`);
  return n;
}

/** The seed of this run: FUZZ_SEED, else DEFAULT_SEED. */
export const FUZZ_SEED: number = envInteger('FUZZ_SEED') ?? DEFAULT_SEED;

/** A counterexample's path to replay (with its seed in FUZZ_SEED). */
const FUZZ_PATH: string | undefined = process.env.FUZZ_PATH?.trim() || undefined;

/** A deeper run: every property runs at least this many cases (FUZZ_RUNS is its older name). */
const DEEPER = envInteger('FAST_CHECK_RUNS') ?? envInteger('FUZZ_RUNS') ?? 0;

/** A deeper run through LibreOffice: at least this many workbooks a class (DIFF_TRACKERS, ROLLOVER_TRACKERS: older names). */
const DEEPER_LIBREOFFICE =
  envInteger('LIBREOFFICE_RUNS') ?? envInteger('DIFF_TRACKERS') ?? envInteger('ROLLOVER_TRACKERS') ?? 0;

/**
 * Cases a property runs by default, by what one case costs. A count is as high as finds what the property
 * can find within a CI run; FAST_CHECK_RUNS raises them all for a deeper run.
 */
const DEFAULT_RUNS = {
  /** A property that names no count (fast-check's own default). */
  default: 100,
  /** A date, a day count, an A1 address or a deadline: microseconds a case. */
  scalar: 5000,
  /** A short text, a year's periods, a generated XML tree: a fraction of a millisecond a case. */
  small: 2000,
  /** A year's schedule, an XML tree with a changed element, a cell of every kind through a sheet. */
  medium: 500,
  /** Texts of thousands of characters through the normaliser. */
  longText: 200,
  /** The tracker mutation fuzzer's main property: the 2026 tracker, damaged, through every view. */
  trackerFuzz: 2000,
  /** Each of the tracker fuzzer's cross-checks (they find what they find within a few hundred). */
  trackerCross: 300,
  /** The tracker fuzzer's check of Excel's limits (cell text, row height, formula length) on every output. */
  trackerLimits: 900,
  /** The Hồ sơ TTHC mutation fuzzer. */
  tthcFuzz: 1000,
  /** A workbook of random cells, zipped and read twice (by the reader and by ExcelJS): a few milliseconds a case. */
  workbookRead: 300,
  /** Generated trackers whose report states each figure once: issue 19's acceptance figure, at least 500. */
  reportFigures: 500,
} as const;

export type RunKind = keyof typeof DEFAULT_RUNS;

/** The number of cases of a property of this kind in this run. */
export function runs(kind: RunKind): number {
  return Math.max(DEFAULT_RUNS[kind], DEEPER);
}

/**
 * Workbooks a class that LibreOffice recalculates against the oracle (differential and rollover tests): each
 * is a file and a conversion, so a dozen a class, raised by LIBREOFFICE_RUNS.
 */
export function libreOfficeRuns(): number {
  return Math.max(12, DEEPER_LIBREOFFICE);
}

/** Parameters for fc.assert: this kind's count, and anything the property adds (seed and path are global). */
export function fcParams<T>(kind: RunKind, extra: fc.Parameters<T> = {}): fc.Parameters<T> {
  return { numRuns: runs(kind), ...extra };
}

/** fast-check's global settings for every test file (set by test/support/fastCheckSetup.ts). */
export function globalFastCheckSettings(): fc.GlobalParameters {
  return {
    seed: FUZZ_SEED,
    numRuns: runs('default'),
    ...(FUZZ_PATH ? { path: FUZZ_PATH } : {}),
  };
}
