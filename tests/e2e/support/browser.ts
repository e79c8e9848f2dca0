import { existsSync, mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { type BrowserContext, chromium, type Page } from 'playwright-core';
import { CHROMIUM_PATH as CHROMIUM, CHROMIUM_FLAGS as FLAGS } from '../../../scripts/chromium.mjs';
import { startStaticServer } from '../../../scripts/static-server.mjs';

export const DIST = resolve(import.meta.dirname, '../../../dist');
export const SCREENSHOTS = resolve(import.meta.dirname, '../../../test-results/screenshots');

export interface AppUnderTest {
  url: string;
  context: BrowserContext;
  page: Page;
  /** Every URL the browser asked for: pages, workers and the service worker included. */
  requests: string[];
  /** Requests to any origin other than the test server. */
  offOrigin(): string[];
  consoleErrors: string[];
  stopServer(): Promise<void>;
  /** The browser's profile folder (deleted by close()). */
  profile: string;
  /**
   * Closes the browser and opens it again on the same profile and address, as a user coming back
   * would; `offline` stops the server first and cuts the network.
   */
  reopen(options?: { offline?: boolean }): Promise<void>;
  close(): Promise<void>;
}

export async function openApp(
  viewport = { width: 1366, height: 768 },
  { securityHeaders = true }: { securityHeaders?: boolean } = {},
): Promise<AppUnderTest> {
  if (!existsSync(join(DIST, 'index.html')))
    throw new Error('No build in dist/: run `npm run build` before the browser tests.');
  if (!existsSync(CHROMIUM)) throw new Error(`Chromium not found at ${CHROMIUM}: install Debian's chromium package.`);
  mkdirSync(SCREENSHOTS, { recursive: true });
  const server = await startStaticServer({ root: DIST, securityHeaders });
  const origin = new URL(server.url).origin;
  const profile = mkdtempSync(join(tmpdir(), 'pi-chromium-'));
  const requests: string[] = [];
  const consoleErrors: string[] = [];
  const launch = async () => {
    const context = await chromium.launchPersistentContext(profile, {
      executablePath: CHROMIUM,
      args: FLAGS,
      viewport,
      acceptDownloads: true,
    });
    context.on('request', (request) => requests.push(request.url()));
    const page = context.pages()[0] ?? (await context.newPage());
    page.on('console', (message) => {
      if (message.type() === 'error') consoleErrors.push(message.text());
    });
    page.on('pageerror', (error) => consoleErrors.push(error.message));
    return { context, page };
  };
  const { context, page } = await launch();
  let serverOpen = true;
  const stopServer = async () => {
    if (serverOpen) {
      serverOpen = false;
      await server.close();
    }
  };
  await page.goto(server.url);
  const app: AppUnderTest = {
    url: server.url,
    context,
    page,
    profile,
    async reopen({ offline = false } = {}) {
      await app.context.close();
      if (offline) await stopServer();
      const opened = await launch();
      if (offline) await opened.context.setOffline(true);
      app.context = opened.context;
      app.page = opened.page;
      await opened.page.goto(server.url);
    },
    requests,
    offOrigin: () =>
      requests.filter((u) => {
        if (u.startsWith('data:') || u.startsWith('blob:')) return false;
        try {
          return new URL(u).origin !== origin;
        } catch {
          return true;
        }
      }),
    consoleErrors,
    stopServer,
    async close() {
      await app.context.close();
      await stopServer();
      rmSync(profile, { recursive: true, force: true });
    },
  };
  return app;
}

export async function screenshot(page: Page, name: string, options: { fullPage?: boolean } = {}): Promise<string> {
  const path = join(SCREENSHOTS, `${name}.png`);
  await page.screenshot({ path, fullPage: options.fullPage ?? true });
  return path;
}
