#!/usr/bin/env node
// Entry for `npx cchc`: runs the TypeScript CLI through tsx, so no build step is needed after `npm ci`.
require('tsx/cjs');
const { runCli } = require('../src/cli/main.ts');
runCli(process.argv.slice(2)).then((code) => {
  process.exitCode = code;
});
