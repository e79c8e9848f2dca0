/// <reference lib="webworker" />
// duckdb-wasm's own worker, started so that the browser can keep DuckDB's compiled code between visits.
//
// Chromium compiles WebAssembly in two tiers: a quick baseline first, optimised code for what runs often.
// It stores the optimised code beside the file in its HTTP cache — but only for a module streamed from
// a fetched response. duckdb-wasm, where TransformStream exists, streams a Response it builds itself
// (to report download progress, which this app does not show), and that Response has no URL: nothing
// is stored, and every visit runs DuckDB in baseline code, much slower, until it is optimised again.
// Without TransformStream in this worker it streams the fetched response as it is, and a returning
// visit starts from the optimised code.
import workerScriptUrl from '@duckdb/duckdb-wasm/dist/duckdb-browser-eh.worker.js?url';
import { keepToOwnOrigin } from '../shared/origin-guard';

const scope = self as unknown as DedicatedWorkerGlobalScope;
// Before DuckDB's script runs: it can then ask for nothing beyond the app's origin, whatever the server.
keepToOwnOrigin(scope);
Reflect.deleteProperty(scope, 'TransformStream');

// The page's first messages can arrive while the script (served as it is, from this origin) is still
// loading: they are kept and handed to its handler, in order, once it has set one.
const early: MessageEvent[] = [];
const keep = (event: MessageEvent) => early.push(event);
scope.onmessage = keep;
await import(/* @vite-ignore */ workerScriptUrl);
const handler = scope.onmessage;
if (handler !== keep) for (const event of early) handler?.call(scope, event);
