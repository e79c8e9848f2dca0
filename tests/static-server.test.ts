import { mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { connect } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CONTENT_SECURITY_POLICY_HEADER } from '../scripts/security-headers.mjs';
import { resolveRequestPath, startStaticServer } from '../scripts/static-server.mjs';

const root = mkdtempSync(join(tmpdir(), 'pi-server-'));
writeFileSync(join(root, 'index.html'), '<!doctype html><title>app</title>');
mkdirSync(join(root, 'assets'));
writeFileSync(join(root, 'assets', 'duckdb.wasm'), new Uint8Array([0, 0x61, 0x73, 0x6d]));
let server: Awaited<ReturnType<typeof startStaticServer>>;

beforeAll(async () => {
  server = await startStaticServer({ root });
});
afterAll(async () => {
  await server.close();
});

/** Sends bytes as they are (no client-side checks) and returns the status line's code. */
function rawRequest(requestLine: string): Promise<number> {
  return new Promise((resolve, reject) => {
    const socket = connect(server.port, '127.0.0.1');
    let answer = '';
    socket.on('data', (chunk) => {
      answer += chunk.toString('latin1');
    });
    socket.on('end', () => resolve(Number(/^HTTP\/1\.1 (\d{3})/.exec(answer)?.[1] ?? 0)));
    socket.on('error', reject);
    socket.write(`${requestLine}\r\nHost: localhost\r\nConnection: close\r\n\r\n`);
  });
}

describe('the static server (npm start, browser tests)', () => {
  it('serves the app with the Content-Security-Policy as a header, and wasm as application/wasm', async () => {
    const page = await fetch(`${server.url}/`);
    expect(page.status).toBe(200);
    expect(page.headers.get('content-security-policy')).toBe(CONTENT_SECURITY_POLICY_HEADER);
    expect(page.headers.get('x-content-type-options')).toBe('nosniff');
    const wasm = await fetch(`${server.url}/assets/duckdb.wasm`);
    expect(wasm.headers.get('content-type')).toBe('application/wasm');
    expect(wasm.headers.get('content-security-policy')).toBe(CONTENT_SECURITY_POLICY_HEADER);
    // An unknown path is the single-page app's shell.
    expect(await (await fetch(`${server.url}/overview`)).text()).toContain('<title>app</title>');
  });

  it.each([
    ['GET /% HTTP/1.1', 400],
    ['GET /%E0%A4%A HTTP/1.1', 400],
    ['GET /%00 HTTP/1.1', 400],
    ['GET /../../etc/passwd HTTP/1.1', 200], // normalised to /etc/passwd inside the root: the app shell
    ['GET /%2e%2e/%2e%2e/etc/passwd HTTP/1.1', 200], // dot segments are resolved inside the root too
    ['GET /%2f..%2f..%2fetc%2fpasswd HTTP/1.1', 400], // encoded slashes would climb out: refused
    ['GET http://[bad HTTP/1.1', 400],
    ['GET not-a-path HTTP/1.1', 400],
    ['BREW /coffee HTTP/1.1', 400],
    ['POST / HTTP/1.1', 405],
    ['DELETE /index.html HTTP/1.1', 405],
    ['GET /constructor HTTP/1.1', 200],
    ['GARBAGE', 400],
  ])('%s → %i, and the server lives on', async (line, status) => {
    expect(await rawRequest(line)).toBe(status);
    expect((await fetch(`${server.url}/`)).status).toBe(200);
  });

  it('the deployment guide documents the very headers the server sends (IIS and nginx)', () => {
    const readme = readFileSync(join(import.meta.dirname, '../docs/deploying.md'), 'utf8');
    const documented = readme.split(CONTENT_SECURITY_POLICY_HEADER).length - 1;
    expect(documented).toBeGreaterThanOrEqual(3); // the header list, web.config, nginx
    expect(readme).toContain('<mimeMap fileExtension=".wasm" mimeType="application/wasm" />');
  });

  it('never resolves a path outside the root', () => {
    expect(resolveRequestPath(root, '/%2f..%2fsecret')).toBeNull();
    expect(resolveRequestPath(root, '/%E0%A4%A')).toBeNull();
    expect(resolveRequestPath(root, '/assets/duckdb.wasm')).toBe(join(root, 'assets', 'duckdb.wasm'));
  });
});
