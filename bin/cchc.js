#!/usr/bin/env node
// Entry for `npx cchc`. Runs the bundle dist/cli/cchc.js (built by `npm ci` through the prepare script)
// when it is newer than every source file, else the TypeScript sources through tsx, so an edit is never
// run stale.
const fs = require('node:fs');
const path = require('node:path');

const root = path.join(__dirname, '..');
const bundle = path.join(root, 'dist', 'cli', 'cchc.js');

function newestSource(dir) {
  let newest = 0;
  for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) newest = Math.max(newest, newestSource(full));
    else if (entry.name.endsWith('.ts')) newest = Math.max(newest, fs.statSync(full).mtimeMs);
  }
  return newest;
}

function freshBundle() {
  try {
    return fs.statSync(bundle).mtimeMs >= newestSource(path.join(root, 'src'));
  } catch {
    return false;
  }
}

let cli;
if (freshBundle()) cli = require(bundle);
else {
  require('tsx/cjs');
  cli = require('../src/cli/main.ts');
}
cli.runCli(process.argv.slice(2)).then((code) => {
  process.exitCode = code;
});
