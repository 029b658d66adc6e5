#!/usr/bin/env node
// `npm run package`: after `npm run build`, one archive of a release, out/cchc-addin-<version>.tar.gz:
//   cchc-addin-<version>/web/          every file to upload to the HTTPS host, at the base URL
//   cchc-addin-<version>/manifest.xml  the manifest to give the Microsoft 365 administrator
// The shipped manifest is checked first (bin/validate-manifest.js); the archive is made with the system's tar
// (GNU tar on Linux, bsdtar on macOS and Windows 10 or later).
'use strict';

const fs = require('node:fs');
const os = require('node:os');
const path = require('node:path');
const { execFileSync } = require('node:child_process');
const { checkManifest } = require('./validate-manifest');

/**
 * Makes the archive from `distDir` into `outDir`. Returns its path; throws an Error of one line when the
 * build is missing or its manifest does not pass.
 * @param {{ distDir: string, outDir: string, version: string }} options
 */
function packageAddin({ distDir, outDir, version }) {
  const manifest = path.join(distDir, 'manifest.xml');
  if (!fs.existsSync(manifest)) {
    throw new Error(`Chưa có ${manifest}: chạy ADDIN_BASE_URL=https://…/ npm run build trước / build first`);
  }
  const check = checkManifest(manifest, { shipped: true });
  if (!check.ok) throw new Error(`${manifest} chưa hợp lệ / not valid: ${check.problems.join('; ')}`);
  const name = `cchc-addin-${version}`;
  const stage = fs.mkdtempSync(path.join(os.tmpdir(), 'cchc-package-'));
  try {
    const top = path.join(stage, name);
    fs.mkdirSync(top);
    fs.cpSync(distDir, path.join(top, 'web'), {
      recursive: true,
      // The manifest goes to the administrator, not to the host; source maps stay with the developers.
      filter: (source) => source !== manifest && !source.endsWith('.map'),
    });
    fs.copyFileSync(manifest, path.join(top, 'manifest.xml'));
    fs.mkdirSync(outDir, { recursive: true });
    const archive = path.join(path.resolve(outDir), `${name}.tar.gz`);
    execFileSync('tar', ['-czf', archive, '-C', stage, name], { stdio: 'inherit' });
    return archive;
  } finally {
    fs.rmSync(stage, { recursive: true, force: true });
  }
}

if (require.main === module) {
  const root = path.resolve(__dirname, '..');
  try {
    const archive = packageAddin({
      distDir: path.join(root, 'dist'),
      outDir: path.join(root, 'out'),
      version: require('../package.json').version,
    });
    console.log(
      `Đã đóng gói / packaged: ${path.relative(process.cwd(), archive)} (web/ → máy chủ HTTPS, manifest.xml → quản trị Microsoft 365)`,
    );
  } catch (error) {
    console.error(error instanceof Error ? error.message : String(error));
    process.exitCode = 1;
  }
}

module.exports = { packageAddin };
