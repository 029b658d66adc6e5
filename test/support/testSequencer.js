/**
 * jest's order of test files (jest.config.js testSequencer): the longest first, so that CI's two workers
 * finish together. jest orders by the durations of the last run on this machine; a fresh clone (CI) has none,
 * and jest's fallback, the file's size, starts short files with long work (a webpack build, LibreOffice) last.
 * There the durations measured on CI's two cores (test/support/durations.json) give the order; a file not
 * listed there (a new one) runs first, as jest runs files it has no time for first.
 *
 *   node test/support/testSequencer.js test-output/jest-results.json   # refresh durations.json from a run
 */
'use strict';

const fs = require('node:fs');
const path = require('node:path');
// jest's own sequencer (a dependency of jest): the order from this machine's last run, and its caching.
const Sequencer = require('@jest/test-sequencer').default;

const ROOT = path.resolve(__dirname, '..', '..');
const DURATIONS = path.join(__dirname, 'durations.json');

class LongestFirstSequencer extends Sequencer {
  sort(tests) {
    const sorted = super.sort(tests);
    // jest knew a duration for some file: its order (failures first, then the longest) stands.
    if (sorted.some((test) => test.duration != null)) return sorted;
    const seconds = JSON.parse(fs.readFileSync(DURATIONS, 'utf8'));
    const known = (test) => seconds[path.relative(ROOT, test.path).split(path.sep).join('/')] ?? Infinity;
    // A stable sort: files of equal (or unknown) duration keep jest's order by size.
    return sorted
      .map((test, i) => ({ test, i, s: known(test) }))
      .sort((a, b) => b.s - a.s || a.i - b.i)
      .map(({ test }) => test);
  }
}

if (require.main === module) {
  const results = JSON.parse(fs.readFileSync(process.argv[2], 'utf8'));
  const seconds = Object.fromEntries(
    results.testResults
      .map((r) => [
        path.relative(ROOT, r.name).split(path.sep).join('/'),
        Math.round((r.endTime - r.startTime) / 100) / 10,
      ])
      .sort((a, b) => b[1] - a[1]),
  );
  fs.writeFileSync(DURATIONS, `${JSON.stringify(seconds, null, 2)}\n`);
}

module.exports = LongestFirstSequencer;
