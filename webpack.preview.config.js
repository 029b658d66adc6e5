// Builds the browser preview (npm run build:preview → dist/preview/): the same task pane as in Excel, beside
// a workbook held in memory through the .xlsx adapter. No office.js; served over plain http on localhost by
// scripts/preview-server.ts.
'use strict';

const path = require('node:path');
const webpack = require('webpack');
const HtmlWebpackPlugin = require('html-webpack-plugin');
const { GzipSizeReportPlugin } = require('./webpack.sizes.js');

/**
 * ExcelJS and JSZip ship minified browser bundles: marking their chunk as minimized spares the minimizer
 * a megabyte of work (about half the build's time) for no gain.
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

module.exports = (_env = {}, argv = {}) => {
  const production = argv.mode !== 'development';
  /** @type {import('webpack').Configuration} */
  return {
    mode: production ? 'production' : 'development',
    context: __dirname,
    target: 'web',
    // No eval-based source maps: the page's Content-Security-Policy forbids eval.
    devtool: 'source-map',
    entry: { preview: './src/preview/index.tsx' },
    output: {
      path: path.resolve(__dirname, 'dist', 'preview'),
      filename: production ? '[name].[contenthash:8].js' : '[name].js',
      chunkFilename: production ? '[name].[contenthash:8].js' : '[name].js',
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
      new HtmlWebpackPlugin({
        filename: 'index.html',
        template: './src/preview/preview.html',
        inject: 'head',
        scriptLoading: 'defer',
      }),
      new PrebuiltChunkPlugin(),
      ...(production
        ? [
            new GzipSizeReportPlugin({
              title: "Preview bundles (gzip), informational (the budget is the task pane's, in Excel):",
            }),
          ]
        : []),
    ],
    optimization: {
      splitChunks: {
        chunks: 'all',
        cacheGroups: {
          xlsx: { test: /[\\/]node_modules[\\/](exceljs|jszip)[\\/]/, name: 'xlsx', priority: 30 },
          vendor: { test: /[\\/]node_modules[\\/]/, name: 'vendor', priority: 20 },
        },
      },
    },
    performance: { hints: false },
  };
};
