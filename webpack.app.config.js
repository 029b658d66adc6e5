// Builds the web app (issue 23): the task pane on the user's own workbook in any browser, with no add-in to
// install. `npm run build` runs it beside the add-in's build (webpack.config.js) into dist/app/, which the
// add-in's host serves at <ADDIN_BASE_URL>app/. All paths are relative, so the folder works under any path.
//
// First screen: the shell (React, Fluent UI, the file picker); the .xlsx adapter (ExcelJS, JSZip), the pane and
// the sheet view load when a file is opened. Workbox's service worker caches every file for offline use.
'use strict';

const path = require('node:path');
const webpack = require('webpack');
const HtmlWebpackPlugin = require('html-webpack-plugin');
const CopyWebpackPlugin = require('copy-webpack-plugin');
const { GenerateSW } = require('workbox-webpack-plugin');
const { APP_CSP } = require('./bin/content-policy');
const { GzipSizeReportPlugin } = require('./webpack.sizes.js');

/**
 * ExcelJS and JSZip ship minified browser bundles: marking their chunk as minimized spares the minimizer a
 * megabyte of work for no gain (as the preview's build does).
 */
class PrebuiltChunkPlugin {
  apply(compiler) {
    compiler.hooks.thisCompilation.tap('PrebuiltChunkPlugin', (compilation) => {
      compilation.hooks.processAssets.tap(
        { name: 'PrebuiltChunkPlugin', stage: webpack.Compilation.PROCESS_ASSETS_STAGE_OPTIMIZE_SIZE - 1 },
        (assets) => {
          for (const name of Object.keys(assets)) {
            if (/^xlsx\.[^/]*\.js$/.test(name))
              compilation.updateAsset(name, (source) => source, { minimized: true });
          }
        },
      );
    });
  }
}

/** What one build is: a different id remembered by the browser tells the user the app was updated. */
function releaseId() {
  return `${require('./package.json').version}+${Date.now().toString(36)}`;
}

module.exports = (env = {}, argv = {}) => {
  const production = argv.mode !== 'development';
  /** @type {import('webpack').Configuration} */
  return {
    name: 'app',
    mode: production ? 'production' : 'development',
    context: __dirname,
    target: 'web',
    // No eval-based source maps: the page's Content-Security-Policy forbids eval.
    devtool: 'source-map',
    entry: { app: './src/webapp/index.tsx' },
    output: {
      path: path.resolve(__dirname, 'dist', 'app'),
      filename: production ? '[name].[contenthash:8].js' : '[name].js',
      chunkFilename: production ? '[name].[contenthash:8].js' : '[name].js',
      // Relative to the page: dist/app/ is served under any path of the host.
      publicPath: '',
      clean: true,
    },
    resolve: { extensions: ['.ts', '.tsx', '.mjs', '.js', '.json'] },
    module: {
      // ExcelJS and JSZip come as prebuilt browser bundles (package.json "browser"): nothing to parse.
      noParse: /[\\/]node_modules[\\/](exceljs|jszip)[\\/]dist[\\/]/,
      rules: [
        {
          test: /\.tsx?$/,
          exclude: /node_modules/,
          use: {
            loader: 'ts-loader',
            options: { transpileOnly: true, compilerOptions: { module: 'esnext', sourceMap: true } },
          },
        },
      ],
    },
    plugins: [
      new webpack.DefinePlugin({ __APP_RELEASE__: JSON.stringify(env.release ?? releaseId()) }),
      new HtmlWebpackPlugin({
        filename: 'index.html',
        template: './src/webapp/app.html',
        templateParameters: { csp: APP_CSP },
        inject: 'head',
        scriptLoading: 'defer',
      }),
      new CopyWebpackPlugin({
        patterns: [
          { from: 'src/webapp/manifest.webmanifest', to: 'manifest.webmanifest' },
          ...[32, 192, 512].map((size) => ({ from: `assets/icon-${size}.png`, to: 'icons/[name][ext]' })),
        ],
      }),
      new PrebuiltChunkPlugin(),
      ...(production
        ? [
            // Every file of the app cached on the first visit (the .xlsx chunk too: a file opens offline).
            // A new release installs beside the old one and waits; the page switches when it may (serviceWorker.ts).
            new GenerateSW({
              swDest: 'sw.js',
              clientsClaim: true,
              skipWaiting: false,
              cleanupOutdatedCaches: true,
              exclude: [/\.map$/, /\.LICENSE\.txt$/],
              maximumFileSizeToCacheInBytes: 8 * 1024 * 1024,
              // ?today=… and the like name the same page.
              ignoreURLParametersMatching: [/.*/],
              navigateFallback: 'index.html',
              sourcemap: false,
            }),
            new GzipSizeReportPlugin({ title: 'Web app bundles (gzip), dist/app/:' }),
          ]
        : []),
    ],
    optimization: {
      splitChunks: {
        chunks: 'all',
        cacheGroups: {
          xlsx: { test: /[\\/]node_modules[\\/](exceljs|jszip)[\\/]/, name: 'xlsx', priority: 30 },
          docx: { test: /[\\/]node_modules[\\/]docx[\\/]/, name: 'docx', priority: 25 },
        },
      },
    },
    performance: { hints: false },
  };
};
