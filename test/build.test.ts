/**
 * Builds the add-in with the real webpack configuration (production mode for https://example.org/cchc/, into
 * a temporary folder) and checks what Office will load: the page, its Content-Security-Policy, office.js first
 * in <head>, the manifest written for that host (it passes the validator with no localhost) and the icons, and
 * the task pane's gzip budget. This is the one real production build of the tests; the manifest's generation
 * and the base URL's rules are tested directly in test/manifest.test.ts.
 */
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import webpack from 'webpack';
import type { Configuration, Stats } from 'webpack';
import { checkManifest } from '../bin/validate-manifest';

interface WebpackConfigModule {
  (env: Record<string, unknown>, argv: { mode: string }): Promise<Configuration | Configuration[]>;
  gzipSizes(
    stats: Stats,
    fileSystem: typeof fs,
  ): { files: { name: string; gzip: number }[]; initial: Record<string, number> };
  TASKPANE_BUDGET_KB: number;
}

const root = path.resolve(__dirname, '..');
// webpack.config.js is CommonJS without type declarations; the interface above describes what it exports.
// eslint-disable-next-line @typescript-eslint/no-require-imports
const makeConfig = require('../webpack.config.js') as WebpackConfigModule;

const OFFICE_JS = 'https://appsforoffice.microsoft.com/lib/1/hosted/office.js';
const BASE = 'https://example.org/cchc/';

describe('production build', () => {
  let outDir: string;
  let stats: Stats;
  let configs: Configuration[];

  beforeAll(async () => {
    outDir = fs.mkdtempSync(path.join(os.tmpdir(), 'cchc-build-'));
    const made = await makeConfig({ base: BASE }, { mode: 'production' });
    configs = Array.isArray(made) ? made : [made];
    // The add-in's page here; the web app beside it has its own end-to-end test (test/webapp).
    const config = configs.find((c) => c.name === 'taskpane') ?? configs[0];
    config.context = root;
    config.output = { ...config.output, path: outDir };
    config.plugins = (config.plugins ?? []).filter((p) => p?.constructor.name !== 'GzipSizeReportPlugin');
    stats = await new Promise<Stats>((resolve, reject) =>
      webpack(config, (error, result) => (error || !result ? reject(error) : resolve(result))),
    );
    // A production build of the pane takes minutes on a busy shared machine.
  }, 600_000);

  afterAll(() => {
    if (outDir) fs.rmSync(outDir, { recursive: true, force: true });
  });

  it('npm run build also writes the web app into dist/app/, keeping it when the add-in build cleans dist/', () => {
    const app = configs.find((c) => c.name === 'app');
    expect(app?.output?.path).toBe(path.join(root, 'dist', 'app'));
    const taskpane = configs.find((c) => c.name === 'taskpane');
    const keep = (taskpane?.output?.clean as { keep?: RegExp } | undefined)?.keep;
    expect(keep?.test('app/index.html')).toBe(true);
    expect(keep?.test('cli/cchc.js')).toBe(true);
    expect(keep?.test('taskpane.html')).toBe(false);
  });

  it('compiles without errors', () => {
    expect(stats.compilation.errors.map((e) => e.message)).toEqual([]);
  });

  it.each(['taskpane'])('%s.html loads office.js first and allows no other hosts', (name) => {
    const html = fs.readFileSync(path.join(outDir, `${name}.html`), 'utf8');
    expect(html).toMatch(/<html lang="?vi"?>/);
    const head = html.slice(0, html.indexOf('</head>'));
    const scripts = [...head.matchAll(/<script[^>]*\bsrc="?([^"\s>]+)/g)].map((m) => m[1]);
    expect(scripts[0]).toBe(OFFICE_JS);
    expect(scripts.slice(1).every((src) => !/^(?:https?:)?\/\//.test(src))).toBe(true);
    const csp = /http-equiv="?Content-Security-Policy"? content="([^"]+)"/.exec(head)?.[1] ?? '';
    expect(csp).toContain("script-src 'self' https://appsforoffice.microsoft.com;");
    expect(csp).toContain("connect-src 'self'");
    expect(csp).not.toContain('unsafe-eval');
  });

  it('writes a manifest for the host, with every URL under its base, that passes the validator', () => {
    const manifest = fs.readFileSync(path.join(outDir, 'manifest.xml'), 'utf8');
    expect(manifest).not.toMatch(/localhost/i);
    const urls = [...manifest.matchAll(/"(https:\/\/[^"]+)"/g)].map((m) => m[1]);
    expect(urls.length).toBeGreaterThanOrEqual(8);
    expect(urls.every((url) => url.startsWith(BASE))).toBe(true);
    expect(manifest).toContain(`<SourceLocation DefaultValue="${BASE}taskpane.html"/>`);
    const check = checkManifest(path.join(outDir, 'manifest.xml'));
    expect(check.problems).toEqual([]);
    expect(check.summary).toContain(`bản phát hành / shipped ${BASE}`);
    for (const size of [16, 32, 64, 80]) {
      expect(fs.existsSync(path.join(outDir, 'assets', `icon-${size}.png`))).toBe(true);
    }
  });

  it(`keeps the task pane's initial JavaScript within the gzip budget`, () => {
    const { initial } = makeConfig.gzipSizes(stats, fs);
    expect(initial.taskpane).toBeGreaterThan(0);
    expect(initial.taskpane / 1024).toBeLessThanOrEqual(makeConfig.TASKPANE_BUDGET_KB);
    // One page: the ribbon's buttons both open the task pane (no function file).
    expect(Object.keys(initial)).toEqual(['taskpane']);
  });
});
