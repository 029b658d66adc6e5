#!/usr/bin/env node
// Entry for `npx cchc`: runs the bundle dist/cli/cchc.js, built from src/ by scripts/build-cli.js. `npm ci`
// builds it (the prepare script), and so do `npm run demo`, `npm run cchc` and `npm run build:cli`: after an
// edit to src/, use one of those, or this runs the bundle as it was built.
const path = require('node:path');

const bundle = path.join(__dirname, '..', 'dist', 'cli', 'cchc.js');

let cli;
try {
  cli = require(bundle);
} catch (error) {
  // Only the bundle itself missing; a module the bundle needs missing is a broken install, shown as it is.
  if (error.code !== 'MODULE_NOT_FOUND' || !error.message.split('\n')[0].includes(bundle)) throw error;
  console.error('Chưa có dist/cli/cchc.js: chạy "npm run build:cli" (hoặc "npm ci") rồi thử lại.');
  process.exit(2);
}
cli.runCli(process.argv.slice(2)).then((code) => {
  process.exitCode = code;
});
