/**
 * One Content-Security-Policy for the web app (bin/content-policy.js): only its own origin. The page's <meta>
 * tag is filled from it (webpack.app.config.js), the repository's host sends it as a header
 * (scripts/preview-server.ts, tested in Chromium by test/e2e/webapp.test.ts), and the deployment guide's nginx
 * example is the same text.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { APP_CSP, APP_CSP_HEADER } from '../../bin/content-policy';

const ROOT = path.resolve(__dirname, '..', '..');

describe('the web app’s content policy', () => {
  it('allows only the app’s own origin, with no remote source of any kind', () => {
    for (const policy of [APP_CSP, APP_CSP_HEADER]) {
      expect(policy).toMatch(/(^|; )default-src 'self'(;|$)/);
      expect(policy).toMatch(/(^|; )connect-src 'self'(;|$)/);
      expect(policy).toMatch(/(^|; )script-src 'self'(;|$)/);
      expect(policy).not.toMatch(/https?:|\*|'unsafe-eval'/);
    }
    expect(APP_CSP_HEADER).toBe(`${APP_CSP}; frame-ancestors 'none'`);
  });

  it('is the page template’s and the deployment guide’s policy', () => {
    const template = fs.readFileSync(path.join(ROOT, 'src/webapp/app.html'), 'utf8');
    expect(template).toMatch(/http-equiv="Content-Security-Policy" content="<%= csp %>"/);
    const guide = fs.readFileSync(path.join(ROOT, 'docs/trien-khai.md'), 'utf8');
    expect(guide).toContain(`add_header Content-Security-Policy "${APP_CSP_HEADER}" always;`);
  });
});
