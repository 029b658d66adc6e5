// The web app's Content-Security-Policy (dist/app/), in one place: the page's <meta> tag (webpack.app.config.js)
// and the header of the repository's own host (scripts/preview-server.ts), and docs/trien-khai.md's nginx
// example says the same. Only the app's own origin: no CDN, no fonts from elsewhere, no analytics, and
// connect-src 'self' so no script could send the user's workbook anywhere.
'use strict';

const DIRECTIVES = [
  "default-src 'self'",
  "script-src 'self'",
  // Fluent UI (Griffel) inserts its styles at run time.
  "style-src 'self' 'unsafe-inline'",
  // blob: for the downloads the app makes (Tải về, the Word report, next year's workbook).
  "img-src 'self' data: blob:",
  "font-src 'self' data:",
  "connect-src 'self'",
  "worker-src 'self'",
  "manifest-src 'self'",
  "object-src 'none'",
  "base-uri 'self'",
  "form-action 'none'",
];

/** For the <meta http-equiv> tag (frame-ancestors has no effect there). */
const APP_CSP = DIRECTIVES.join('; ');
/** For the HTTP header: the same, and no other site may frame the app. */
const APP_CSP_HEADER = [...DIRECTIVES, "frame-ancestors 'none'"].join('; ');

module.exports = { APP_CSP, APP_CSP_HEADER };
