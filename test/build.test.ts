/**
 * Builds the add-in with the real webpack configuration (production mode, into a temporary folder) and
 * checks what Office will load: the pages, their Content-Security-Policy, office.js first in <head>, the
 * copied manifest and icons, and the task pane's gzip budget.
 */
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import webpack from 'webpack';
import type { Configuration, Stats } from 'webpack';

interface WebpackConfigModule {
  (env: Record<string, unknown>, argv: { mode: string }): Promise<Configuration>;
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

describe('production build', () => {
  let outDir: string;
  let stats: Stats;

  beforeAll(async () => {
    outDir = fs.mkdtempSync(path.join(os.tmpdir(), 'cchc-build-'));
    const config = await makeConfig({}, { mode: 'production' });
    config.context = root;
    config.output = { ...config.output, path: outDir };
    config.plugins = (config.plugins ?? []).filter((p) => p?.constructor.name !== 'GzipSizeReportPlugin');
    stats = await new Promise<Stats>((resolve, reject) =>
      webpack(config, (error, result) => (error || !result ? reject(error) : resolve(result))),
    );
  });

  afterAll(() => {
    if (outDir) fs.rmSync(outDir, { recursive: true, force: true });
  });

  it('compiles without errors', () => {
    expect(stats.compilation.errors.map((e) => e.message)).toEqual([]);
  });

  it.each(['taskpane', 'commands', 'notice'])(
    '%s.html loads office.js first and allows no other hosts',
    (name) => {
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
    },
  );

  it('copies the manifest and the icons', () => {
    expect(fs.existsSync(path.join(outDir, 'manifest.xml'))).toBe(true);
    for (const size of [16, 32, 64, 80]) {
      expect(fs.existsSync(path.join(outDir, 'assets', `icon-${size}.png`))).toBe(true);
    }
  });

  it(`keeps the task pane's initial JavaScript within the gzip budget`, () => {
    const { initial } = makeConfig.gzipSizes(stats, fs);
    expect(initial.taskpane).toBeGreaterThan(0);
    expect(initial.taskpane / 1024).toBeLessThanOrEqual(makeConfig.TASKPANE_BUDGET_KB);
    // The ribbon's function file must not drag React and Fluent UI along (it carries the report's rules).
    const json = stats.toJson({ all: false, ids: true, entrypoints: true, chunks: true, chunkModules: true });
    const commandChunks = new Set(json.entrypoints?.commands?.chunks ?? []);
    const modules = (json.chunks ?? [])
      .filter((c) => commandChunks.has(c.id as string | number))
      .flatMap((c) =>
        (c.modules ?? []).flatMap((m) => [m.name ?? '', ...(m.modules ?? []).map((x) => x.name ?? '')]),
      );
    expect(modules.length).toBeGreaterThan(0);
    expect(modules.filter((m) => /node_modules[\\/](react|react-dom|@fluentui)[\\/]/.test(m))).toEqual([]);
    expect(initial.commands / 1024).toBeLessThan(initial.taskpane / 1024 / 2);
  });
});
