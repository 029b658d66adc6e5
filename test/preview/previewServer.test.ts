/** The preview's static server: the files of one folder over http on localhost, and nothing else. */
import * as fs from 'node:fs';
import * as http from 'node:http';
import * as os from 'node:os';
import * as path from 'node:path';
import { resolveRequestPath, startPreviewServer, type PreviewServer } from '../../scripts/preview-server';

function get(url: string, method = 'GET'): Promise<{ status: number; type: string; body: string }> {
  return new Promise((resolve, reject) => {
    const req = http.request(url, { method }, (res) => {
      let body = '';
      res.setEncoding('utf8');
      res.on('data', (chunk: string) => (body += chunk));
      res.on('end', () =>
        resolve({ status: res.statusCode ?? 0, type: String(res.headers['content-type']), body }),
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
