import { describe, expect, it, vi } from 'vitest';
import { isOwnOrigin, keepToOwnOrigin, OffOriginRequestError } from './origin-guard';

const location = { href: 'http://localhost:4173/assets/duckdb-worker-1.js', origin: 'http://localhost:4173' };

function fakeScope() {
  const fetched: string[] = [];
  const opened: string[] = [];
  const built: string[] = [];
  const imported: string[] = [];
  class FakeXhr {
    open(_method: string, url: string) {
      opened.push(url);
    }
  }
  class FakeSocket {
    constructor(url: string) {
      built.push(url);
    }
  }
  const scope = {
    location,
    fetch: vi.fn(async (input: RequestInfo | URL) => {
      fetched.push(String(input));
      return new Response('ok');
    }) as unknown as typeof fetch,
    XMLHttpRequest: FakeXhr,
    WebSocket: FakeSocket as unknown,
    EventSource: FakeSocket as unknown,
    Worker: FakeSocket as unknown,
    importScripts: (...urls: string[]) => {
      imported.push(...urls);
    },
  };
  keepToOwnOrigin(scope);
  return { scope, fetched, opened, built, imported, FakeXhr };
}

describe('keepToOwnOrigin', () => {
  it('lets same-origin, relative, blob: and data: addresses through', async () => {
    const { scope, fetched } = fakeScope();
    await scope.fetch('/assets/duckdb-eh.wasm');
    await scope.fetch('duckdb-eh.wasm');
    await scope.fetch('http://localhost:4173/sw.js');
    await scope.fetch('blob:http://localhost:4173/1b9d6bcd-bbfd-4b2d-9b5d-ab8dfbbd4bed');
    await scope.fetch('data:text/plain,hello');
    expect(fetched).toHaveLength(5);
  });

  it('stops fetch to another origin, another port, another scheme or a protocol-relative address', async () => {
    const { scope, fetched } = fakeScope();
    for (const url of [
      'https://extensions.duckdb.org/v1.1.3/wasm_eh/httpfs.duckdb_extension.wasm',
      'http://localhost:4174/x',
      'https://localhost:4173/x',
      '//evil.example/x',
      new URL('http://127.0.0.1:4173/x'),
      new Request('https://evil.example/x'),
    ]) {
      await expect(scope.fetch(url)).rejects.toBeInstanceOf(OffOriginRequestError);
    }
    expect(fetched).toEqual([]);
  });

  it('stops XMLHttpRequest, WebSocket, EventSource, nested workers and importScripts to another origin', () => {
    const { scope, opened, built, imported, FakeXhr } = fakeScope();
    const xhr = new FakeXhr();
    expect(() => xhr.open('GET', 'https://evil.example/x')).toThrow(OffOriginRequestError);
    xhr.open('GET', '/assets/data.parquet');
    expect(opened).toEqual(['/assets/data.parquet']);
    for (const name of ['WebSocket', 'EventSource', 'Worker'] as const) {
      const Ctor = scope[name] as new (url: string) => object;
      expect(() => new Ctor('wss://evil.example/x')).toThrow(OffOriginRequestError);
      expect(new Ctor('/assets/w.js')).toBeInstanceOf(Object);
    }
    expect(built).toEqual(['/assets/w.js', '/assets/w.js', '/assets/w.js']);
    expect(() => scope.importScripts('/a.js', 'https://evil.example/b.js')).toThrow(OffOriginRequestError);
    scope.importScripts('/a.js');
    expect(imported).toEqual(['/a.js']);
  });

  it('treats an address it cannot read as off-origin', () => {
    expect(isOwnOrigin('http://[bad', { location })).toBe(false);
  });
});
