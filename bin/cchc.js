#!/usr/bin/env node
// Entry for `npx cchc`: runs the TypeScript CLI through tsx, so no build step is needed after `npm ci`.
require('tsx/cjs');
require('../src/cli/main.ts');
