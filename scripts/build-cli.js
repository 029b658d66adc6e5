// Bundles the CLI (src/cli/main.ts and what it imports) into dist/cli/cchc.js with esbuild, so `cchc` starts
// without compiling TypeScript at run time. Runs on `npm ci` (prepare) and before the demo and the benchmark.
const path = require('node:path');
const esbuild = require('esbuild');

const { cliBundleOptions } = require('./cli-bundle');

esbuild.buildSync({
  ...cliBundleOptions(path.join(__dirname, '..', 'dist', 'cli', 'cchc.js')),
  sourcemap: true,
});
