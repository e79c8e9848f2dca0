// A tiny static file server for the built app (dist/). Used by `npm start`, the browser tests and the
// benchmark. Any plain web server works the same way; this one just needs nothing installed. It never
// dies on a request: a malformed address gets 400, a method other than GET or HEAD gets 405.
import { createReadStream, statSync } from 'node:fs';
import { createServer } from 'node:http';
import { extname, join, normalize, resolve, sep } from 'node:path';
import { SECURITY_HEADERS } from './security-headers.mjs';

const TYPES = new Map([
  ['.html', 'text/html; charset=utf-8'],
  ['.js', 'text/javascript; charset=utf-8'],
  ['.mjs', 'text/javascript; charset=utf-8'],
  ['.css', 'text/css; charset=utf-8'],
  ['.json', 'application/json'],
  ['.webmanifest', 'application/manifest+json'],
  ['.wasm', 'application/wasm'],
  ['.csv', 'text/csv; charset=utf-8'],
  ['.svg', 'image/svg+xml'],
  ['.png', 'image/png'],
  ['.ico', 'image/x-icon'],
  ['.txt', 'text/plain; charset=utf-8'],
]);

/** A file's size if `path` is a file, else null (missing, a folder, or unreadable). */
function fileSize(path) {
  try {
    const stat = statSync(path);
    return stat.isFile() ? stat.size : null;
  } catch {
    return null;
  }
}

/** The file under `base` that a request path names, or null when the path is malformed or escapes `base`. */
export function resolveRequestPath(base, rawUrl) {
  let pathname;
  try {
    pathname = decodeURIComponent(new URL(rawUrl ?? '/', 'http://localhost').pathname);
  } catch {
    return null;
  }
  if (pathname.includes('\0')) return null;
  const path = normalize(join(base, pathname));
  return path === base || path.startsWith(base + sep) ? path : null;
}

function plain(res, status, text, extra = {}) {
  res.writeHead(status, { ...SECURITY_HEADERS, 'Content-Type': 'text/plain; charset=utf-8', ...extra });
  res.end(`${text}\n`);
}

/**
 * `securityHeaders: false` serves as a plain server would, with no headers of ours (a test of the app's
 * own defences; never for use).
 * @param {{ root: string, port?: number, host?: string, securityHeaders?: boolean, extraRoutes?: Record<string, (req: import('node:http').IncomingMessage, res: import('node:http').ServerResponse) => void> }} options
 * @returns {Promise<{ url: string, port: number, close: () => Promise<void> }>}
 */
export function startStaticServer({ root, port = 0, host = '127.0.0.1', securityHeaders = true, extraRoutes = {} }) {
  const headers = securityHeaders ? SECURITY_HEADERS : {};
  const base = resolve(root);
  const routes = new Map(Object.entries(extraRoutes));
  const index = join(base, 'index.html');

  function handle(req, res) {
    let pathname = '';
    try {
      pathname = new URL(req.url ?? '/', 'http://localhost').pathname;
    } catch {
      return plain(res, 400, 'Bad request');
    }
    const route = routes.get(pathname);
    if (route) return route(req, res);
    if (req.method !== 'GET' && req.method !== 'HEAD') {
      return plain(res, 405, 'Method not allowed', { Allow: 'GET, HEAD' });
    }
    const requested = resolveRequestPath(base, req.url);
    if (requested === null) return plain(res, 400, 'Bad request');
    // Single-page app: unknown paths get the app shell.
    let path = requested;
    let size = fileSize(path);
    if (size === null) {
      path = index;
      size = fileSize(path);
      if (size === null) return plain(res, 404, 'Not found: build the app first (npm run build)');
    }
    res.writeHead(200, {
      ...headers,
      'Content-Type': TYPES.get(extname(path)) ?? 'application/octet-stream',
      'Content-Length': size,
      'Cache-Control': path.endsWith('sw.js') || path.endsWith('.html') ? 'no-cache' : 'public, max-age=3600',
    });
    if (req.method === 'HEAD') return res.end();
    const stream = createReadStream(path);
    stream.on('error', () => res.destroy());
    stream.pipe(res);
  }

  const server = createServer((req, res) => {
    try {
      handle(req, res);
    } catch {
      if (!res.headersSent) plain(res, 500, 'Internal error');
      else res.destroy();
    }
  });
  // Requests Node's parser refuses (an invalid request target, bad headers) get 400, not a dead socket.
  server.on('clientError', (_error, socket) => {
    if (socket.writable) socket.end('HTTP/1.1 400 Bad Request\r\nConnection: close\r\nContent-Length: 0\r\n\r\n');
    else socket.destroy();
  });
  return new Promise((resolvePromise, reject) => {
    server.once('error', reject);
    server.listen(port, host, () => {
      const address = server.address();
      const actualPort = typeof address === 'object' && address ? address.port : port;
      resolvePromise({
        url: `http://${host}:${actualPort}`,
        port: actualPort,
        close: () =>
          new Promise((done) => {
            server.closeAllConnections?.();
            server.close(() => done());
          }),
      });
    });
  });
}
