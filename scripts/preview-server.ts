/**
 * A small static file server for the browser preview: plain http on localhost, files of one folder, nothing
 * else (no directory listings, no paths outside the folder, GET and HEAD only).
 *
 *   npx tsx scripts/preview-server.ts [--port 3001] [--root dist/preview]
 *
 * The end-to-end tests import startPreviewServer() and ask for port 0 (any free port).
 */
import { createReadStream, promises as fs } from 'node:fs';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import * as path from 'node:path';

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

function send(res: ServerResponse, status: number, text: string): void {
  res.writeHead(status, { 'Content-Type': 'text/plain; charset=utf-8', 'Cache-Control': 'no-store' });
  res.end(text);
}

async function handle(root: string, req: IncomingMessage, res: ServerResponse): Promise<void> {
  if (req.method !== 'GET' && req.method !== 'HEAD') {
    res.setHeader('Allow', 'GET, HEAD');
    return send(res, 405, 'Method Not Allowed');
  }
  const file = resolveRequestPath(root, req.url ?? '/');
  if (!file) return send(res, 400, 'Bad Request');
  let stat;
  try {
    stat = await fs.stat(file);
  } catch {
    return send(res, 404, 'Not Found');
  }
  if (!stat.isFile()) return send(res, 404, 'Not Found');
  res.writeHead(200, {
    'Content-Type': TYPES[path.extname(file).toLowerCase()] ?? 'application/octet-stream',
    'Content-Length': stat.size,
    'Cache-Control': 'no-store',
    'X-Content-Type-Options': 'nosniff',
  });
  if (req.method === 'HEAD') return void res.end();
  createReadStream(file).pipe(res);
}

/** Serves `root` on http://127.0.0.1:port (0 = any free port). */
export async function startPreviewServer(
  opts: { root?: string; port?: number; host?: string } = {},
): Promise<PreviewServer> {
  const root = path.resolve(opts.root ?? DEFAULT_ROOT);
  const host = opts.host ?? '127.0.0.1';
  const server: Server = createServer((req, res) => {
    handle(root, req, res).catch(() => send(res, 500, 'Internal Server Error'));
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(opts.port ?? DEFAULT_PORT, host, () => resolve());
  });
  const { port } = server.address() as AddressInfo;
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
    console.error(`Không thấy ${path.join(root, 'index.html')}. Hãy chạy "npm run build:preview" trước.`);
    process.exit(2);
  }
  try {
    const server = await startPreviewServer({ root, port });
    console.log(`Bản xem thử đang chạy: ${server.url}  (Ctrl+C để dừng)`);
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
