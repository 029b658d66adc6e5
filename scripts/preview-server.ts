/**
 * A small static file server for the browser preview: plain http on localhost, files of one folder, nothing
 * else (no directory listings, no paths outside the folder, GET and HEAD only). Three guards:
 * - a request whose Host header is not this machine's loopback name is refused (421), so a web page that
 *   re-points its own name at 127.0.0.1 (DNS rebinding) cannot read the preview;
 * - a file is served only if its real path (after every symlink) is inside the real root: a link pointing out
 *   of the folder is 404, as if absent;
 * - the file is opened once and served from that open handle: a file removed or replaced between the look and
 *   the read is a 404 or the old bytes, and a read error ends that response only, never the server.
 *
 *   npx tsx scripts/preview-server.ts [--port 3001] [--root dist/preview]
 *   npx tsx scripts/preview-server.ts --root dist/app      the web app (npm run app)
 *
 * The end-to-end tests import startPreviewServer() and ask for port 0 (any free port).
 */
import { constants, promises as fs } from 'node:fs';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import * as path from 'node:path';
import { APP_CSP_HEADER } from '../bin/content-policy';

export const DEFAULT_PORT = 3001;
export const DEFAULT_ROOT = path.resolve(__dirname, '..', 'dist', 'preview');

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.map': 'application/json; charset=utf-8',
  '.txt': 'text/plain; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.webmanifest': 'application/manifest+json; charset=utf-8',
};

export interface PreviewServer {
  url: string;
  port: number;
  close(): Promise<void>;
}

/** The file a request path names inside root, or undefined when it points outside it. */
export function resolveRequestPath(root: string, urlPath: string): string | undefined {
  let decoded: string;
  try {
    decoded = decodeURIComponent(urlPath.split('?')[0].split('#')[0]);
  } catch {
    return undefined;
  }
  if (decoded.includes('\0')) return undefined;
  const relative = decoded === '/' || decoded === '' ? 'index.html' : decoded.replace(/^\/+/, '');
  const file = path.resolve(root, relative);
  return file === root || file.startsWith(root + path.sep) ? file : undefined;
}

/** Host names a browser on this machine uses for the preview; anything else is another site's name. */
const LOOPBACK_HOSTS = new Set(['localhost', '127.0.0.1', '[::1]']);

/** True when the Host header names this machine's loopback address (with this server's port, if any). */
export function isLocalHost(hostHeader: string | undefined, port: number): boolean {
  if (!hostHeader) return false;
  const m = /^(\[[^\]]*\]|[^:]+)(?::(\d+))?$/.exec(hostHeader.trim().toLowerCase());
  if (!m) return false;
  if (!LOOPBACK_HOSTS.has(m[1])) return false;
  return m[2] === undefined || Number(m[2]) === port;
}

function send(res: ServerResponse, status: number, text: string): void {
  res.writeHead(status, { 'Content-Type': 'text/plain; charset=utf-8', 'Cache-Control': 'no-store' });
  res.end(text);
}

async function handle(root: string, port: number, req: IncomingMessage, res: ServerResponse): Promise<void> {
  if (!isLocalHost(req.headers.host, port)) return send(res, 421, 'Misdirected Request');
  if (req.method !== 'GET' && req.method !== 'HEAD') {
    res.setHeader('Allow', 'GET, HEAD');
    return send(res, 405, 'Method Not Allowed');
  }
  const file = resolveRequestPath(root, req.url ?? '/');
  if (!file) return send(res, 400, 'Bad Request');
  let handle: fs.FileHandle | undefined;
  try {
    // Where the path really leads, every link followed: outside the real root is as good as absent.
    const [realRoot, real] = await Promise.all([fs.realpath(root), fs.realpath(file)]);
    if (!real.startsWith(realRoot + path.sep)) return send(res, 404, 'Not Found');
    // O_NONBLOCK: a FIFO put in the folder does not hold the request open.
    handle = await fs.open(real, constants.O_RDONLY | (constants.O_NONBLOCK ?? 0));
  } catch {
    await handle?.close().catch(() => undefined);
    return send(res, 404, 'Not Found');
  }
  const stat = await handle.stat().catch(() => undefined);
  if (!stat?.isFile()) {
    await handle.close().catch(() => undefined);
    return send(res, 404, 'Not Found');
  }
  res.writeHead(200, {
    'Content-Type': TYPES[path.extname(file).toLowerCase()] ?? 'application/octet-stream',
    'Content-Length': stat.size,
    'Cache-Control': 'no-store',
    'X-Content-Type-Options': 'nosniff',
    // The web app's policy (dist/app/ is served by this server too): only this origin, nothing sent elsewhere.
    'Content-Security-Policy': APP_CSP_HEADER,
    'Referrer-Policy': 'no-referrer',
  });
  if (req.method === 'HEAD' || stat.size === 0) {
    await handle.close().catch(() => undefined);
    return void res.end();
  }
  // The open handle is read, so a file removed meanwhile is still served whole; a read error (a disk gone)
  // ends this response, not the server.
  const stream = handle.createReadStream({ end: stat.size - 1, autoClose: true });
  stream.on('error', () => res.destroy());
  stream.pipe(res);
}

/** Serves `root` on http://127.0.0.1:port (0 = any free port). */
export async function startPreviewServer(
  opts: { root?: string; port?: number; host?: string } = {},
): Promise<PreviewServer> {
  const root = path.resolve(opts.root ?? DEFAULT_ROOT);
  const host = opts.host ?? '127.0.0.1';
  let port = 0;
  const server: Server = createServer((req, res) => {
    handle(root, port, req, res).catch(() => {
      if (res.headersSent) res.destroy();
      else send(res, 500, 'Internal Server Error');
    });
  });
  // A client that hangs up mid-response is that client's business.
  server.on('clientError', (_error, socket) => socket.destroy());
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(opts.port ?? DEFAULT_PORT, host, () => resolve());
  });
  port = (server.address() as AddressInfo).port;
  return {
    url: `http://localhost:${port}/`,
    port,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

function option(args: string[], name: string): string | undefined {
  const i = args.indexOf(name);
  return i >= 0 ? args[i + 1] : undefined;
}

async function main(): Promise<void> {
  const args = process.argv.slice(2);
  const port = Number(option(args, '--port') ?? process.env.PORT ?? DEFAULT_PORT);
  const root = path.resolve(option(args, '--root') ?? DEFAULT_ROOT);
  try {
    await fs.access(path.join(root, 'index.html'));
  } catch {
    const build = path.basename(root) === 'app' ? 'npm run build:app' : 'npm run build:preview';
    console.error(`Không thấy ${path.join(root, 'index.html')}. Hãy chạy "${build}" trước.`);
    process.exit(2);
  }
  try {
    const server = await startPreviewServer({ root, port });
    const what = path.basename(root) === 'app' ? 'Ứng dụng web' : 'Bản xem thử';
    console.log(`${what} đang chạy: ${server.url}  (Ctrl+C để dừng)`);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    console.error(
      code === 'EADDRINUSE'
        ? `Cổng ${port} đang bận. Hãy chọn cổng khác: npm run preview -- --port 3002`
        : `Không mở được máy chủ xem thử: ${(error as Error).message}`,
    );
    process.exit(2);
  }
}

if (require.main === module) void main();
