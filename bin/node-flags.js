// The V8 options `cchc` runs with: bin/cchc.js starts Node again with them when it was started without them.
//
// 16 MB semi-spaces for the young generation (V8's default lets them grow only as far as the heap's first
// minutes need): a 20,000-row workbook is read and written through millions of short-lived strings, and with
// room for them they die young instead of being copied and promoted. Measured on 2 cores: `cchc rollover` of
// a 20,000-row tracker 5.2 → 4.4 s of CPU and 490 → 380 MB at its peak (docs/limits-and-benchmarks.md).
'use strict';

const CLI_NODE_FLAGS = ['--max-semi-space-size=16'];

module.exports = { CLI_NODE_FLAGS };
