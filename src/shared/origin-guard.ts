/**
 * Keeps a worker's requests to the app's own origin. The page's Content-Security-Policy, when it comes
 * from the <meta> tag (a server that sends no headers), does not reach the workers: each worker installs
 * this guard first, so whatever server the app is on, no worker can send a record anywhere else.
 * Covered: fetch, XMLHttpRequest, WebSocket, EventSource, importScripts and nested workers — every way
 * the worker code and its libraries make requests. Same-origin, blob: and data: addresses pass.
 */

/** The parts of a worker's global scope the guard replaces (all optional: scopes differ). */
export interface GuardedScope {
  location: { href: string; origin: string };
  fetch?: typeof fetch;
  XMLHttpRequest?: { prototype: { open: (...args: never[]) => unknown } };
  WebSocket?: unknown;
  EventSource?: unknown;
  Worker?: unknown;
  importScripts?: (...urls: string[]) => void;
}

export class OffOriginRequestError extends TypeError {
  constructor(url: string) {
    super(`Partnership Insight keeps to its own origin: a request to ${url} was stopped.`);
    this.name = 'OffOriginRequestError';
  }
}

/** Whether an address (absolute or relative to the scope) stays on the scope's own origin. */
export function isOwnOrigin(url: string | URL, scope: Pick<GuardedScope, 'location'>): boolean {
  let parsed: URL;
  try {
    parsed = new URL(String(url), scope.location.href);
  } catch {
    return false;
  }
  if (parsed.protocol === 'data:') return true;
  // A blob: address's origin is the origin that made it.
  return parsed.origin === scope.location.origin;
}

function requestUrl(input: unknown): string {
  if (typeof input === 'object' && input !== null && 'url' in input) return String(input.url);
  return String(input);
}

/** A constructor that refuses off-origin addresses and otherwise builds the real thing. */
function guardedConstructor(scope: GuardedScope, real: unknown): unknown {
  if (typeof real !== 'function') return real;
  const Real = real as new (url: string | URL, ...rest: unknown[]) => object;
  return new Proxy(Real, {
    construct(target, args: unknown[]) {
      const url = requestUrl(args[0]);
      if (!isOwnOrigin(url, scope)) throw new OffOriginRequestError(url);
      return Reflect.construct(target, args);
    },
  });
}

/** Installs the guard on a worker's (or service worker's) global scope. */
export function keepToOwnOrigin(scope: GuardedScope): void {
  const realFetch = scope.fetch;
  if (realFetch) {
    scope.fetch = ((input: RequestInfo | URL, init?: RequestInit) => {
      const url = requestUrl(input);
      if (!isOwnOrigin(url, scope)) return Promise.reject(new OffOriginRequestError(url));
      return realFetch.call(scope, input, init);
    }) as typeof fetch;
  }
  const xhr = scope.XMLHttpRequest?.prototype;
  if (xhr) {
    const realOpen = xhr.open;
    xhr.open = function open(this: unknown, ...args: unknown[]) {
      const url = requestUrl(args[1]);
      if (!isOwnOrigin(url, scope)) throw new OffOriginRequestError(url);
      return Reflect.apply(realOpen, this, args);
    } as (...args: never[]) => unknown;
  }
  for (const name of ['WebSocket', 'EventSource', 'Worker'] as const) {
    if (scope[name] !== undefined) scope[name] = guardedConstructor(scope, scope[name]);
  }
  const realImport = scope.importScripts;
  if (realImport) {
    scope.importScripts = (...urls: string[]) => {
      const off = urls.find((url) => !isOwnOrigin(url, scope));
      if (off !== undefined) throw new OffOriginRequestError(off);
      realImport.apply(scope, urls);
    };
  }
}
