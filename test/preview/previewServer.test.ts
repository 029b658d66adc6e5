/** The preview's static server: the files of one folder over http on localhost, and nothing else. */
import * as fs from 'node:fs';
import * as http from 'node:http';
import * as os from 'node:os';
import * as path from 'node:path';
import {
  isLocalHost,
  resolveRequestPath,
  startPreviewServer,
  type PreviewServer,
} from '../../scripts/preview-server';
import { APP_CSP_HEADER } from '../../bin/content-policy';

function get(
  url: string,
  method = 'GET',
): Promise<{ status: number; type: string; body: string; csp: string }> {
  return new Promise((resolve, reject) => {
    const req = http.request(url, { method }, (res) => {
      let body = '';
      res.setEncoding('utf8');
      res.on('data', (chunk: string) => (body += chunk));
      res.on('end', () =>
        resolve({
          status: res.statusCode ?? 0,
          type: String(res.headers['content-type']),
          body,
          csp: String(res.headers['content-security-policy']),
        }),
      );
    });
    req.on('error', reject);
    req.end();
  });
}

describe('the preview server', () => {
  let root: string;
  let server: PreviewServer;

  beforeAll(async () => {
    root = fs.mkdtempSync(path.join(os.tmpdir(), 'cchc-serve-'));
    fs.writeFileSync(path.join(root, 'index.html'), '<!doctype html><title>Bản xem thử</title>');
    fs.mkdirSync(path.join(root, 'js'));
    fs.writeFileSync(path.join(root, 'js', 'preview.1234.js'), 'console.log("Tổng hợp");');
    fs.writeFileSync(path.join(os.tmpdir(), 'cchc-secret.txt'), 'secret');
    server = await startPreviewServer({ root, port: 0 });
  });

  afterAll(async () => {
    await server.close();
    fs.rmSync(root, { recursive: true, force: true });
  });

  it('listens on localhost at the port it was given (0: any free one)', () => {
    expect(server.port).toBeGreaterThan(0);
    expect(server.url).toBe(`http://localhost:${server.port}/`);
  });

  it('serves index.html at / and files with their type, in UTF-8', async () => {
    const page = await get(server.url);
    expect(page.status).toBe(200);
    expect(page.type).toBe('text/html; charset=utf-8');
    expect(page.body).toContain('Bản xem thử');
    const script = await get(`${server.url}js/preview.1234.js?v=1`);
    expect(script.type).toBe('text/javascript; charset=utf-8');
    expect(script.body).toBe('console.log("Tổng hợp");');
    expect((await get(`${server.url}js/preview.1234.js`, 'HEAD')).status).toBe(200);
  });

  it('sends the web app’s Content-Security-Policy (only its own origin) with every file it serves', async () => {
    expect((await get(server.url)).csp).toBe(APP_CSP_HEADER);
    expect((await get(`${server.url}js/preview.1234.js`)).csp).toBe(APP_CSP_HEADER);
  });

  it('answers 404 for what is not there, 405 for anything but GET and HEAD', async () => {
    expect((await get(`${server.url}favicon.ico`)).status).toBe(404);
    expect((await get(`${server.url}js/`)).status).toBe(404);
    expect((await get(server.url, 'POST')).status).toBe(405);
  });

  it('never serves a file outside its folder', async () => {
    expect((await get(`${server.url}..%2Fcchc-secret.txt`)).status).toBe(400);
    // (The client may normalise "%2e%2e/" itself; either way nothing outside the folder comes back.)
    expect([400, 404]).toContain((await get(`${server.url}%2e%2e/%2e%2e/etc/passwd`)).status);
    expect(resolveRequestPath('/srv/preview', '/../etc/passwd')).toBeUndefined();
    expect(resolveRequestPath('/srv/preview', '/%00')).toBeUndefined();
    expect(resolveRequestPath('/srv/preview', '/%E0%A4%A')).toBeUndefined();
    expect(resolveRequestPath('/srv/preview', '/')).toBe(path.resolve('/srv/preview/index.html'));
    expect(resolveRequestPath('/srv/preview', '/a/b.js#x')).toBe(path.resolve('/srv/preview/a/b.js'));
  });
});

/** A raw request with any Host header (http.request would set its own). */
function getWithHost(port: number, pathName: string, host: string | null): Promise<number> {
  return new Promise((resolve, reject) => {
    const headers: Record<string, string> = {};
    if (host !== null) headers.Host = host;
    const req = http.request(
      { host: '127.0.0.1', port, path: pathName, headers, setHost: host === null ? false : undefined },
      (res) => {
        res.resume();
        res.on('end', () => resolve(res.statusCode ?? 0));
      },
    );
    req.on('error', reject);
    req.end();
  });
}

describe('the preview server under attack (issue 20, item 11)', () => {
  let root: string;
  let outside: string;
  let server: PreviewServer;

  beforeAll(async () => {
    root = fs.mkdtempSync(path.join(os.tmpdir(), 'cchc-serve-root-'));
    outside = fs.mkdtempSync(path.join(os.tmpdir(), 'cchc-serve-out-'));
    fs.writeFileSync(path.join(root, 'index.html'), '<!doctype html><title>Bản xem thử</title>');
    fs.writeFileSync(path.join(outside, 'secret.txt'), 'secret');
    fs.symlinkSync(path.join(outside, 'secret.txt'), path.join(root, 'leak.txt'));
    fs.symlinkSync(outside, path.join(root, 'out'));
    server = await startPreviewServer({ root, port: 0 });
  });

  afterAll(async () => {
    await server.close();
    fs.rmSync(root, { recursive: true, force: true });
    fs.rmSync(outside, { recursive: true, force: true });
  });

  it('serves nothing a symlink inside its folder points to outside it', async () => {
    const leak = await get(`${server.url}leak.txt`);
    expect(leak.status).toBe(404);
    expect(leak.body).not.toContain('secret');
    expect((await get(`${server.url}out/secret.txt`)).status).toBe(404);
  });

  it('answers only requests addressed to this machine by name (DNS rebinding gets 421)', async () => {
    expect(await getWithHost(server.port, '/', `localhost:${server.port}`)).toBe(200);
    expect(await getWithHost(server.port, '/', `127.0.0.1:${server.port}`)).toBe(200);
    expect(await getWithHost(server.port, '/', 'evil.example:80')).toBe(421);
    expect(await getWithHost(server.port, '/', `evil.example:${server.port}`)).toBe(421);
    expect(await getWithHost(server.port, '/', `localhost:${server.port + 1}`)).toBe(421);
    expect([400, 421]).toContain(await getWithHost(server.port, '/', null));
    expect(isLocalHost('[::1]:8080', 8080)).toBe(true);
    expect(isLocalHost('LOCALHOST', 8080)).toBe(true);
    expect(isLocalHost('localhost.evil.example', 8080)).toBe(false);
  });

  it('survives files vanishing while it serves them, and keeps serving', async () => {
    const stop = Date.now() + 1_500;
    let churn = 0;
    const churner = (async () => {
      while (Date.now() < stop) {
        const f = path.join(root, `chunk-${churn % 5}.js`);
        fs.writeFileSync(f, 'x'.repeat(200_000));
        await new Promise((r) => setImmediate(r));
        fs.rmSync(f, { force: true });
        churn++;
      }
    })();
    const statuses: number[] = [];
    while (Date.now() < stop) {
      const batch = await Promise.all(
        [0, 1, 2, 3, 4].map((i) =>
          get(`${server.url}chunk-${i}.js`).then(
            (r) => r.status,
            () => -1,
          ),
        ),
      );
      statuses.push(...batch);
    }
    await churner;
    expect(statuses.every((s) => s === 200 || s === 404 || s === -1)).toBe(true);
    expect((await get(server.url)).status).toBe(200);
  });
});
