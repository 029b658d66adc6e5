// The bundle-size report every build prints (the add-in's, the preview's, the web app's), in one place.
'use strict';

const path = require('node:path');
const zlib = require('node:zlib');

const kb = (bytes) => (bytes / 1024).toFixed(1);

/**
 * gzip sizes of emitted JavaScript, read back from the output folder (after emit webpack keeps only the
 * assets' sizes, not their content).
 * @returns {{ files: { name: string, bytes: number, gzip: number }[], initial: Record<string, number> }}
 */
function gzipSizes(stats, outputFileSystem) {
  const { compilation } = stats;
  const outputPath = compilation.outputOptions.path;
  const gzipOf = new Map();
  const files = [];
  for (const asset of compilation.getAssets()) {
    if (!asset.name.endsWith('.js')) continue;
    const content = outputFileSystem.readFileSync(path.join(outputPath, asset.name));
    const gzip = zlib.gzipSync(content, { level: 9 }).length;
    gzipOf.set(asset.name, gzip);
    files.push({ name: asset.name, bytes: content.length, gzip });
  }
  const initial = {};
  for (const [name, entrypoint] of compilation.entrypoints) {
    initial[name] = entrypoint
      .getFiles()
      .filter((file) => file.endsWith('.js'))
      .reduce((sum, file) => sum + (gzipOf.get(file) || 0), 0);
  }
  files.sort((a, b) => b.gzip - a.gzip);
  return { files, initial };
}

/**
 * Prints the gzip size of every emitted bundle and each page's initial total after a build; with `budget`
 * ({ entry, kb, label }), also whether that entry's initial JavaScript is within it (a warning when over).
 */
class GzipSizeReportPlugin {
  /** @param {{ title: string, budget?: { entry: string, kb: number, label: string } }} options */
  constructor(options) {
    this.options = options;
  }

  apply(compiler) {
    compiler.hooks.done.tap('GzipSizeReportPlugin', (stats) => {
      if (stats.hasErrors()) return;
      const { title, budget } = this.options;
      const { files, initial } = gzipSizes(stats, compiler.outputFileSystem);
      const width = Math.max(...files.map((f) => f.name.length), 10);
      const lines = ['', title];
      for (const f of files) {
        lines.push(`  ${f.name.padEnd(width)}  ${kb(f.gzip).padStart(7)} KB gzip  (${kb(f.bytes)} KB raw)`);
      }
      for (const [name, bytes] of Object.entries(initial)) {
        lines.push(`  initial JS of ${name}: ${kb(bytes)} KB gzip`);
      }
      let within = true;
      if (budget) {
        const size = initial[budget.entry] || 0;
        within = size <= budget.kb * 1024;
        lines.push(
          `${budget.label} initial JS: ${kb(size)} KB gzip — ${within ? 'within' : 'OVER'} the ${budget.kb} KB budget`,
        );
      }
      lines.push('');
      (within ? console.log : console.warn)(lines.join('\n'));
    });
  }
}

module.exports = { gzipSizes, GzipSizeReportPlugin };
