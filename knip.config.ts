/**
 * knip (in `npm run lint`): no unused file, export, type or dependency. Its plugins read the entries of
 * webpack.config.js and webpack.preview.config.js (the task pane, the preview), jest.config.js (the tests), package.json's scripts (bench/run.ts,
 * scripts/*) and the lint configs; the entries they cannot see are listed here.
 */
import type { KnipConfig } from 'knip';

// knip's webpack plugin loads webpack.config.js as a production build, which needs the add-in's public base URL
// (ADDIN_BASE_URL); any valid one does, since only the entries and loaders are read.
process.env.ADDIN_BASE_URL ??= 'https://knip.invalid/';

const config: KnipConfig = {
  entry: [
    // The CLI: bundled by esbuild (scripts/build-cli.js), run through bin/cchc.js.
    'src/cli/main.ts',
    'bin/*.js',
    'scripts/*.{js,ts}',
    // Child processes the benchmarks start by path (bench/consolidateBench.ts, bench/fileBench.ts).
    'bench/consolidateProbe.ts',
    'bench/*.cjs',
  ],
  project: [
    'src/**/*.{ts,tsx}',
    'test/**/*.{ts,tsx}',
    'bin/**/*.js',
    'scripts/**/*.{js,ts}',
    'bench/**/*.{ts,cjs}',
  ],
  // test/e2e/support.ts injects node_modules/axe-core/axe.min.js into the page by its path, never imports it.
  ignoreDependencies: ['axe-core'],
};

export default config;
