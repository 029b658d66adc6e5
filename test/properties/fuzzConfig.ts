/**
 * Settings shared by the property tests (test/properties/*.test.ts).
 *
 * The runs are deterministic: every property uses the fixed seed below unless the environment says
 * otherwise, so CI sees the same cases on every run.
 *
 *   npx jest test/properties                                   # the fixed seed (what CI runs)
 *   FUZZ_SEED=$RANDOM npx jest test/properties                 # another seed (a random one from the shell)
 *   FUZZ_RUNS=20000 npx jest test/properties/trackerFuzz       # more cases per property (min. the default)
 *   FUZZ_SEED=1234 FUZZ_PATH="17:3:0" npx jest test/properties -t "mutated tracker"   # replay one failure
 *
 * On a failure fast-check prints the counterexample with "seed: …, path: …"; put both in FUZZ_SEED and
 * FUZZ_PATH (and select the one test with -t, since the path belongs to one property) to replay it.
 */
import fc from 'fast-check';

/** The seed CI uses. Any 32-bit integer would do; this one is just fixed. */
const DEFAULT_SEED = 20_260_605;

function envInteger(name: string): number | undefined {
  const raw = process.env[name];
  if (raw === undefined || raw.trim() === '') return undefined;
  const n = Number(raw);
  if (!Number.isSafeInteger(n)) throw new Error(`${name} must be an integer, got "${raw}"`);
  return n;
}

/** The seed of this run: FUZZ_SEED, else DEFAULT_SEED. */
export const FUZZ_SEED: number = envInteger('FUZZ_SEED') ?? DEFAULT_SEED;

const FUZZ_PATH = process.env.FUZZ_PATH?.trim() || undefined;
const FUZZ_RUNS = envInteger('FUZZ_RUNS');

/** Parameters for fc.assert: the run's seed, `numRuns` (raised by FUZZ_RUNS), and FUZZ_PATH to replay. */
export function fcParams<T>(numRuns: number, extra: fc.Parameters<T> = {}): fc.Parameters<T> {
  return {
    seed: FUZZ_SEED,
    numRuns: Math.max(numRuns, FUZZ_RUNS ?? 0),
    ...(FUZZ_PATH ? { path: FUZZ_PATH } : {}),
    ...extra,
  };
}
