import { readdirSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Worker } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadSampleData } from './support/app-actions';
import { type AppUnderTest, DIST, openApp } from './support/browser';

// Served by a plain server (no Content-Security-Policy header), the page still has its <meta> policy, but
// workers do not inherit it: each worker keeps to the app's origin by itself (issue 28).
let app: AppUnderTest;
let elsewhere: Server;
let elsewhereUrl = '';
const arrived: string[] = [];

beforeAll(async () => {
  elsewhere = createServer((req, res) => {
    arrived.push(req.url ?? '');
    res.writeHead(200, { 'Access-Control-Allow-Origin': '*', 'Content-Type': 'text/plain' });
    res.end('received');
  });
  await new Promise<void>((done) => elsewhere.listen(0, '127.0.0.1', done));
  elsewhereUrl = `http://127.0.0.1:${(elsewhere.address() as AddressInfo).port}/leak?id=CHILD-7431`;
  app = await openApp(undefined, { securityHeaders: false });
});
afterAll(async () => {
  await app?.close();
  await new Promise((done) => elsewhere?.close(done));
});

/** Every way a worker could send something, tried inside it; what each attempt came to. */
function tryToLeak(worker: Worker, url: string): Promise<string[]> {
  return worker.evaluate(async (target) => {
    const outcomes: string[] = [];
    const note = (error: unknown) => outcomes.push(error instanceof Error ? error.name : String(error));
    await fetch(target).then(() => outcomes.push('fetch sent'), note);
    // A service worker has no XMLHttpRequest.
    if (typeof XMLHttpRequest !== 'undefined') {
      try {
        const xhr = new XMLHttpRequest();
        xhr.open('GET', target);
        xhr.send();
        outcomes.push('xhr sent');
      } catch (error) {
        note(error);
      }
    }
    try {
      new WebSocket(target.replace('http', 'ws'));
      outcomes.push('websocket opened');
    } catch (error) {
      note(error);
    }
    if (typeof EventSource !== 'undefined') {
      try {
        new EventSource(target);
        outcomes.push('event source opened');
      } catch (error) {
        note(error);
      }
    }
    return outcomes;
  }, url);
}

function builtWorker(prefix: string): string {
  const name = readdirSync(`${DIST}/assets`).find((f) => f.startsWith(prefix) && f.endsWith('.js'));
  if (!name) throw new Error(`No ${prefix} in the build`);
  return `/assets/${name}`;
}

describe('under a server that sends no security headers', () => {
  it('is served without a policy header, and still loads the sample data', async () => {
    const response = await app.page.request.get(app.url);
    expect(response.headers()['content-security-policy']).toBeUndefined();
    await loadSampleData(app.page);
    expect(app.offOrigin()).toEqual([]);
  });

  it('no worker of the app, nor the service worker, can send anything to another origin', async () => {
    const { page, context } = app;
    // The scan and workbook workers start when a big text file or a workbook arrives: started here as the
    // app starts them, from the built scripts.
    await page.evaluate(
      (urls) => {
        for (const url of urls) new Worker(url, { type: 'module' });
      },
      [builtWorker('scan-worker-'), builtWorker('workbook-worker-')],
    );
    const expected = ['duckdb-worker-', 'scan-worker-', 'workbook-worker-'];
    await expect
      .poll(() => expected.every((p) => page.workers().some((w) => w.url().includes(p))), { timeout: 20_000 })
      .toBe(true);
    const serviceWorker = context.serviceWorkers()[0] ?? (await context.waitForEvent('serviceworker'));
    const workers = [...expected.map((p) => page.workers().find((w) => w.url().includes(p))), serviceWorker];
    for (const worker of workers) {
      if (!worker) throw new Error('worker missing');
      const outcomes = await tryToLeak(worker, elsewhereUrl);
      expect(outcomes.length, worker.url()).toBeGreaterThanOrEqual(3);
      expect(new Set(outcomes), worker.url()).toEqual(new Set(['OffOriginRequestError']));
    }
    await new Promise((done) => setTimeout(done, 500));
    expect(arrived).toEqual([]);
    expect(app.offOrigin()).toEqual([]);
  });
});
