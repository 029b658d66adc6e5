// The manifest that ships. manifest.xml in the repository is the development one: every URL under
// https://localhost:3000/ (the dev server). A production build (`npm run build`) writes dist/manifest.xml from
// it with every URL moved under the public base URL the files are hosted at, and <Version> taken from
// package.json, so each release is a version Office sees as new.
//
// Used by webpack.config.js (the build), bin/validate-manifest.js and bin/package-addin.js, and tested
// directly by test/manifest.test.ts.
'use strict';

/** The base of every URL in the development manifest. */
const DEV_BASE_URL = 'https://localhost:3000/';

/** What to set, in one line (the build prints it and stops). */
const HOW_TO_SET =
  'đặt địa chỉ HTTPS công khai nơi đặt các tệp của add-in: ADDIN_BASE_URL=https://may-chu.tinh.gov.vn/cchc/ npm run build ' +
  '(hoặc npm run build -- --env base=https://…/) / set the public HTTPS base URL: ADDIN_BASE_URL=https://host/path/ npm run build';

class BaseUrlError extends Error {}

/** Hosts that only the developer's own machine can reach. */
function isLocalHost(hostname) {
  const host = hostname.replace(/^\[|\]$/g, '').toLowerCase();
  return (
    host === 'localhost' ||
    host.endsWith('.localhost') ||
    host === '::1' ||
    host === '0.0.0.0' ||
    /^127\.\d+\.\d+\.\d+$/.test(host)
  );
}

/**
 * The public base URL of a production build, normalised to end with "/": from `--env base=…` or else the
 * ADDIN_BASE_URL environment variable. Throws BaseUrlError (one line: what is wrong and what to set) when it
 * is missing, not an https URL, local, or carries a query or fragment.
 * @param {string | undefined} fromEnvOption
 * @param {string | undefined} fromEnvironment
 * @returns {string}
 */
function resolveBaseUrl(fromEnvOption, fromEnvironment) {
  const raw = String(fromEnvOption || fromEnvironment || '').trim();
  if (!raw) throw new BaseUrlError(`Thiếu địa chỉ gốc của add-in: ${HOW_TO_SET}`);
  let url;
  try {
    url = new URL(raw);
  } catch {
    throw new BaseUrlError(`"${raw}" không phải là một địa chỉ URL: ${HOW_TO_SET}`);
  }
  if (url.protocol !== 'https:') {
    throw new BaseUrlError(`Office chỉ nạp add-in qua HTTPS, "${raw}" không dùng https: ${HOW_TO_SET}`);
  }
  if (isLocalHost(url.hostname)) {
    throw new BaseUrlError(
      `"${raw}" là máy của người lập trình, người dùng không mở được (localhost chỉ dành cho npm run dev-server): ${HOW_TO_SET}`,
    );
  }
  if (url.search || url.hash || url.username || url.password) {
    throw new BaseUrlError(`"${raw}" không được có ?…, #… hay tên đăng nhập: ${HOW_TO_SET}`);
  }
  if (!url.pathname.endsWith('/')) url.pathname += '/';
  return url.toString();
}

/** package.json's "x.y.z" as the manifest's "x.y.z.0" (pre-release and build tags dropped). */
function manifestVersion(packageVersion) {
  const match = /^(\d{1,5})\.(\d{1,5})\.(\d{1,5})(?:[-+].*)?$/.exec(String(packageVersion));
  if (!match) throw new Error(`package.json version "${packageVersion}" is not x.y.z`);
  return `${Number(match[1])}.${Number(match[2])}.${Number(match[3])}.0`;
}

/**
 * The manifest for a host: every https://localhost:3000/ URL of the development manifest moved under
 * `baseUrl`, and <Version> set to `version`. Fails when a localhost URL is left (one the dev base does not
 * start), so no localhost can ship.
 * @param {string} devXml the development manifest (manifest.xml)
 * @param {{ baseUrl: string, version: string }} options
 * @returns {string}
 */
function manifestFor(devXml, { baseUrl, version }) {
  const base = baseUrl.endsWith('/') ? baseUrl : `${baseUrl}/`;
  // The development manifest's comments speak of localhost; the shipped one says where it is for.
  let xml = devXml.replace(/\s*<!--[\s\S]*?-->/g, '');
  xml = xml.replace(
    /^(<\?xml[^>]*\?>)?/,
    (declaration) =>
      `${declaration}\n<!-- Written by npm run build from manifest.xml for the add-in's files at ${base} -->`,
  );
  xml = xml.split(DEV_BASE_URL).join(base);
  if (!/<Version>[^<]*<\/Version>/.test(xml)) throw new Error('manifest.xml has no <Version>');
  xml = xml.replace(/<Version>[^<]*<\/Version>/, `<Version>${version}</Version>`);
  const left = /https?:\/\/(?:localhost|127\.0\.0\.1)[^"<\s]*/i.exec(xml);
  if (left) throw new Error(`manifest.xml has a local URL the build cannot move: ${left[0]}`);
  return xml;
}

module.exports = {
  DEV_BASE_URL,
  BaseUrlError,
  isLocalHost,
  resolveBaseUrl,
  manifestVersion,
  manifestFor,
};
