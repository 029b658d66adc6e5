// Builds the add-in's page, taskpane.html (React + Fluent UI). `npm run build` → dist/ for the public HTTPS
// host named by ADDIN_BASE_URL (or `--env base=…`), with dist/manifest.xml pointing there; `npm run build:dev`
// and `npm run dev-server` keep https://localhost:3000 (the dev server, with Office's development certificate).
'use strict';

const path = require('node:path');
const HtmlWebpackPlugin = require('html-webpack-plugin');
const CopyWebpackPlugin = require('copy-webpack-plugin');
const {
  BaseUrlError,
  DEV_BASE_URL,
  manifestFor,
  manifestVersion,
  resolveBaseUrl,
} = require('./bin/addin-manifest');
const packageJson = require('./package.json');
const makeAppConfig = require('./webpack.app.config.js');
const { gzipSizes, GzipSizeReportPlugin } = require('./webpack.sizes.js');

const DEV_PORT = 3000;
/**
 * The task pane's initial JavaScript must stay within this many KB after gzip. 200 until Hồ sơ TTHC: the first
 * screen runs the check of both input sheets (the overview shows the TTHC figures on open), and the TTHC rules
 * (src/domain/tthc.ts) added 7 KB. Everything the first screen does not run loads with its action (init's
 * builders, the report, the rollover, the .xlsx reader); lazy-loading the Cài đặt tab was tried and saves 0.5 KB.
 * 212 since Kết quả theo kỳ: the check on open reads that third input sheet too (its reader and its messages);
 * its editor and the editor's reading and writing load when first shown (211.1 KB measured).
 * 215 since this round's merge (213.9 KB measured): the check on open now reads statuses as officers type them
 * (src/domain/statusSpelling.ts and its one table of spellings, so the first check already offers the list
 * value meant), the init form on the first screen asks whose tracker it is (unit, place, signer), and the pane
 * follows the clock (a new day) and opens for the ribbon's report; the Word renderer, the results editor and
 * every action's code still load when used.
 * 217 since issue 24's tables and issue 19's one truth (216.2 KB measured): the pane's settings form is derived
 * from the settings' one table (src/domain/settingsTable.ts), and the overview states the period's TTHC figures
 * with the report's own computation (src/domain/reportTthc.ts, split from report.ts so that the report's
 * wording still loads only when a report is made).
 */
const TASKPANE_BUDGET_KB = 217;

function page(name, template, chunks) {
  return new HtmlWebpackPlugin({
    filename: `${name}.html`,
    template,
    chunks,
    // After office.js, which the template loads first in <head>.
    inject: 'head',
    scriptLoading: 'defer',
  });
}

/**
 * Where the built files will be served from: the public base URL for a production build, localhost for a
 * development build or the dev server. Throws BaseUrlError (one line) when a production build has none.
 */
function baseUrlFor(env, production, serving, environment = process.env) {
  if (!production || serving) return DEV_BASE_URL;
  return resolveBaseUrl(env.base, environment.ADDIN_BASE_URL);
}

module.exports = async (env = {}, argv = {}) => {
  const production = argv.mode === 'production';
  const serving = Boolean(env.WEBPACK_SERVE);
  let baseUrl;
  try {
    baseUrl = baseUrlFor(env, production, serving);
  } catch (error) {
    if (!(error instanceof BaseUrlError) || env.throwOnMissingBase) throw error;
    // One line saying what to set, not webpack-cli's stack trace.
    console.error(error.message);
    process.exit(1);
  }
  const version = manifestVersion(packageJson.version);

  /** @type {import('webpack').Configuration} */
  const config = {
    name: 'taskpane',
    mode: production ? 'production' : 'development',
    context: __dirname,
    // No eval-based source maps: the pages' Content-Security-Policy forbids eval.
    devtool: 'source-map',
    entry: {
      taskpane: './src/taskpane/index.tsx',
    },
    output: {
      path: path.resolve(__dirname, 'dist'),
      filename: production ? '[name].[contenthash:8].js' : '[name].js',
      chunkFilename: production ? '[name].[contenthash:8].js' : '[name].js',
      // dist/app/ is the web app's build (run beside this one) and dist/cli/ the CLI's bundle: not this build's.
      clean: { keep: /^(app|cli)[\\/]/ },
    },
    resolve: { extensions: ['.ts', '.tsx', '.mjs', '.js', '.json'] },
    module: {
      rules: [
        {
          test: /\.tsx?$/,
          exclude: /node_modules/,
          use: {
            loader: 'ts-loader',
            options: {
              // Type checking is `tsc --noEmit` (npm run lint); ES modules let webpack tree-shake.
              transpileOnly: true,
              compilerOptions: { module: 'esnext', sourceMap: true },
            },
          },
        },
      ],
    },
    plugins: [
      page('taskpane', './src/taskpane/taskpane.html', ['taskpane']),
      new CopyWebpackPlugin({
        patterns: [
          { from: 'assets/*.png', to: 'assets/[name][ext]' },
          {
            from: 'manifest.xml',
            to: 'manifest.xml',
            transform: (content) => manifestFor(content.toString('utf8'), { baseUrl, version }),
          },
        ],
      }),
      ...(production
        ? [
            new GzipSizeReportPlugin({
              title: 'JavaScript bundles (gzip):',
              budget: { entry: 'taskpane', kb: TASKPANE_BUDGET_KB, label: 'Task pane' },
            }),
          ]
        : []),
    ],
    optimization: {
      // Libraries in their own chunks (cached across releases); code shared by the pages is split out too.
      splitChunks: {
        chunks: 'all',
        cacheGroups: {
          react: {
            test: /[\\/]node_modules[\\/](react|react-dom|scheduler)[\\/]/,
            name: 'react',
            priority: 30,
          },
          fluent: {
            test: /[\\/]node_modules[\\/](@fluentui|@griffel|@floating-ui|tabster|keyborg|@swc|@ctrl)[\\/]/,
            name: 'fluent',
            priority: 20,
          },
        },
      },
    },
    // Webpack's own hints measure raw sizes; the gzip budget above is the one that matters.
    performance: { hints: false },
  };

  if (serving) {
    // Only when serving: the certificate is created (and trusted) on first use, which a build must not do.
    const devCerts = require('office-addin-dev-certs');
    config.devServer = {
      port: DEV_PORT,
      server: { type: 'https', options: await devCerts.getHttpsServerOptions() },
      headers: { 'Access-Control-Allow-Origin': '*' },
      static: false,
      hot: false,
      liveReload: true,
      client: { overlay: { warnings: false, errors: true } },
    };
    return config;
  }

  // The web app (issue 23) is built by the same `npm run build`, into dist/app/, served by the same host.
  return [config, makeAppConfig(env, argv)];
};

module.exports.gzipSizes = gzipSizes;
module.exports.baseUrlFor = baseUrlFor;
module.exports.TASKPANE_BUDGET_KB = TASKPANE_BUDGET_KB;
