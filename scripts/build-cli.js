// Bundles the CLI (src/cli/main.ts and what it imports) into dist/cli/cchc.js with esbuild, so `cchc` starts
// without compiling TypeScript at run time. Runs on `npm ci` (prepare) and before the demo and the benchmark.
const path = require('node:path');
const esbuild = require('esbuild');

esbuild.buildSync({
  entryPoints: [path.join(__dirname, '..', 'src', 'cli', 'main.ts')],
  outfile: path.join(__dirname, '..', 'dist', 'cli', 'cchc.js'),
  bundle: true,
  platform: 'node',
  target: 'node22',
  format: 'cjs',
  // ExcelJS and JSZip stay in node_modules: they are plain JavaScript already.
  packages: 'external',
  sourcemap: true,
  logLevel: 'warning',
});
