// The esbuild options of the CLI bundle (src/cli/main.ts and what it imports, in one file that starts without
// compiling TypeScript), shared by scripts/build-cli.js and the tests' own bundle (test/corpus/cliProcess.ts).
const path = require('node:path');

/** The options to bundle `entry` into `outfile`. */
function cliBundleOptions(outfile, entry = path.join(__dirname, '..', 'src', 'cli', 'main.ts')) {
  return {
    entryPoints: [entry],
    outfile,
    bundle: true,
    platform: 'node',
    target: 'node22',
    format: 'cjs',
    // ExcelJS and JSZip stay in node_modules: they are plain JavaScript already.
    packages: 'external',
    // ExcelJS without its streaming reader and writer, which every command would load for nothing
    // (scripts/cli-exceljs.js).
    alias: { exceljs: path.join(__dirname, 'cli-exceljs.js') },
    logLevel: 'warning',
  };
}

module.exports = { cliBundleOptions };
