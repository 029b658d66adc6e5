/**
 * What the end-to-end tests share: building the preview once (webpack's Node API, production mode, into a
 * temporary folder, or reusing the folder CCHC_PREVIEW_DIR names), launching Debian's Chromium through
 * playwright-core with a fresh profile, and running axe-core in the page.
 */
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { chromium, type BrowserContext, type Page } from 'playwright-core';
import webpack from 'webpack';
import type { Configuration, Stats } from 'webpack';

const ROOT = path.resolve(__dirname, '..', '..');
const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
/**
 * Where the screenshots go: test-output/screenshots on every run, so a test run leaves the work tree as it
 * was; `UPDATE_SCREENSHOTS=1 npm run test:e2e` writes them to docs/screenshots, the README's pictures.
 */
export const SCREENSHOTS = process.env.UPDATE_SCREENSHOTS
  ? path.join(ROOT, 'docs', 'screenshots')
  : path.join(ROOT, 'test-output', 'screenshots');

/** Flags for a quiet, headless Chromium that talks to nobody on its own. */
const CHROMIUM_ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

/** A missing Chromium fails the tests with one line saying what to install; it never skips them. */
export function requireChromium(): void {
  if (!fs.existsSync(CHROMIUM)) {
    throw new Error(
      `Chromium is not installed at ${CHROMIUM}: run "npm run setup:test" (Debian package chromium), or set CHROMIUM_PATH`,
    );
  }
}

type PreviewConfigModule = (env: Record<string, unknown>, argv: { mode: string }) => Configuration;

/** Builds the preview into a new temporary folder and returns it (the caller removes it). */
export async function buildPreview(): Promise<string> {
  return buildWith('webpack.preview.config.js', 'cchc-preview-');
}

/**
 * Builds the web app (webpack.app.config.js, as `npm run build` does into dist/app/) into a new temporary
 * folder; `release` names the build (a second build with another release is a new version of the app).
 * `cacheDir`: webpack's persistent cache for builds of one test file, so that a second release rebuilds and
 * minifies only what the release changes; the output is the same as without it.
 */
export async function buildApp(
  release = 'test-1',
  { outDir, cacheDir }: { outDir?: string; cacheDir?: string } = {},
): Promise<string> {
  return buildWith('webpack.app.config.js', 'cchc-app-', { release }, outDir, cacheDir);
}

async function buildWith(
  configFile: string,
  prefix: string,
  env: Record<string, unknown> = {},
  into?: string,
  cacheDir?: string,
): Promise<string> {
  const outDir = into ?? fs.mkdtempSync(path.join(os.tmpdir(), prefix));
  // A CommonJS config without type declarations; the type above says what it exports.
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const makeConfig = require(path.join(ROOT, configFile)) as PreviewConfigModule;
  const config = makeConfig(env, { mode: 'production' });
  config.context = ROOT;
  config.output = { ...config.output, path: outDir };
  config.devtool = false; // source maps only slow the test build down
  config.plugins = (config.plugins ?? []).filter((p) => p?.constructor.name !== 'GzipSizeReportPlugin');
  if (cacheDir) {
    config.cache = {
      type: 'filesystem',
      cacheDirectory: cacheDir,
      buildDependencies: { config: [path.join(ROOT, configFile)] },
    };
  }
  const compiler = webpack(config);
  // Closing the compiler writes the persistent cache (when there is one) before the build counts as done.
  const stats = await new Promise<Stats>((resolve, reject) =>
    compiler.run((error, result) =>
      compiler.close((closeError) =>
        error || closeError || !result ? reject(error ?? closeError) : resolve(result),
      ),
    ),
  );
  if (stats.hasErrors()) {
    throw new Error(stats.compilation.errors.map((e) => e.message).join('\n'));
  }
  return outDir;
}

export async function launchChromium(userDataDir: string): Promise<BrowserContext> {
  return chromium.launchPersistentContext(userDataDir, {
    executablePath: CHROMIUM,
    args: CHROMIUM_ARGS,
    viewport: { width: 1280, height: 960 },
    deviceScaleFactor: 1,
    acceptDownloads: true,
    locale: 'vi-VN',
    timezoneId: 'Asia/Ho_Chi_Minh',
    colorScheme: 'light',
  });
}

export interface AxeViolation {
  id: string;
  impact: string | null;
  help: string;
  nodes: string[];
}

const AXE_SOURCE = path.join(ROOT, 'node_modules', 'axe-core', 'axe.min.js');

/**
 * Runs axe-core (WCAG 2.x A/AA and best practices) on what the page shows now. axe is injected through the
 * DevTools protocol (page.evaluate), which the page's Content-Security-Policy does not apply to, so the page
 * keeps its real policy: an inline <script> tag (page.addScriptTag) would be refused by script-src 'self'.
 *
 * One known false positive is set aside, node by node: Fluent UI's focus manager (tabster) puts invisible
 * `<i tabindex="0" aria-hidden="true" data-tabster-dummy>` elements around arrow-key groups (TabList) that
 * hand focus on at once; axe's aria-hidden-focus flags them. Fluent closed this as by design
 * (microsoft/fluentui#27517) and Microsoft's Accessibility Insights suppresses exactly these nodes
 * (microsoft/accessibility-insights-web#7605). Any other node of that rule still fails the test.
 */
export async function runAxe(page: Page): Promise<AxeViolation[]> {
  const loaded = await page.evaluate(() => typeof (window as { axe?: unknown }).axe !== 'undefined');
  if (!loaded) await page.evaluate(fs.readFileSync(AXE_SOURCE, 'utf8'));
  return page.evaluate(async () => {
    // axe-core's global, typed here by what the test uses of it.
    const axe = (
      window as unknown as {
        axe: {
          run(
            context: Document,
            options: object,
          ): Promise<{
            violations: { id: string; impact: string | null; help: string; nodes: { target: unknown[] }[] }[];
          }>;
        };
      }
    ).axe;
    const result = await axe.run(document, { resultTypes: ['violations'] });
    const isTabsterDummy = (target: unknown[]): boolean =>
      target.length === 1 &&
      document.querySelector(String(target[0]))?.hasAttribute('data-tabster-dummy') === true;
    return result.violations
      .map((v) => ({
        id: v.id,
        impact: v.impact,
        help: v.help,
        nodes: v.nodes
          .filter((n) => !(v.id === 'aria-hidden-focus' && isTabsterDummy(n.target)))
          .map((n) => n.target.map(String).join(' ')),
      }))
      .filter((v) => v.nodes.length > 0);
  });
}

/** The violations a user would be blocked or seriously hindered by. */
export function seriousOrWorse(violations: AxeViolation[]): AxeViolation[] {
  return violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');
}
