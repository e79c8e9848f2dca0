import { DATASETS } from '../datasets/registry';
import type { Engine } from '../engine/engine';
import { prepareIndicators } from '../indicators/prepare-indicators';
import { INDICATORS } from '../indicators/registry';
import { runIndicator } from '../indicators/run-indicator';
import { createIngestSession, type NamedBlob } from '../ingest/load-files';

/**
 * A few rows of each sample file, for the warm-up. The browser compiles DuckDB's WebAssembly one
 * function at a time, the first time each is used: the first load pays for reading CSV, parsing dates,
 * checking, storing and the indicators' SQL (measured: 10.6 s for the sample cold, 4.9 s warm).
 */
const ROWS = Number.POSITIVE_INFINITY;

async function warmUpFiles(urls: Readonly<Record<string, string>>): Promise<NamedBlob[]> {
  return Promise.all(
    Object.entries(urls).map(async ([path, url]) => {
      const text = await (await fetch(url)).text();
      const head = text
        .split('\n')
        .slice(0, ROWS + 1)
        .join('\n');
      return { name: path.split('/').at(-1) ?? path, blob: new Blob([head]) };
    }),
  );
}

/** A warm-up under way: `stop()` ends it at the next step and resolves once every trace is gone. */
export interface WarmUp {
  stop(): Promise<void>;
  /** Resolves when it has finished by itself (true) or been stopped (false). */
  finished: Promise<boolean>;
}

class Stopped extends Error {}

/**
 * Runs the whole path once on a handful of the sample's rows — load, check, store, prepare, the
 * Overview's indicators — while the page is first read, then removes every trace: each table emptied
 * and prepared again from nothing. Its own ingest session, so nothing of it is remembered. The app
 * stops it (at the next step) before it uses the engine for anything else, and waits for the clean-up,
 * so nothing of the user's interleaves with it. Never fails the start-up: warming up is only a speed-up.
 */
export function startWarmUp(engine: Engine, sampleUrls: Readonly<Record<string, string>>): WarmUp {
  let stopping = false;
  const step = () => {
    if (stopping) throw new Stopped();
  };
  const run = async (): Promise<boolean> => {
    try {
      const files = await warmUpFiles(sampleUrls);
      const session = createIngestSession(engine, DATASETS);
      for (const file of files) {
        step();
        await session.loadFiles([file]);
      }
      step();
      const prepared = await prepareIndicators(engine);
      for (const indicator of INDICATORS.filter((i) => i.headline)) {
        step();
        await runIndicator(engine, prepared, indicator, { granularity: 'quarter' });
      }
      return true;
    } catch {
      // Stopped, or anything else: only a speed-up, and the app starts from the empty tables below.
      return false;
    } finally {
      for (const dataset of DATASETS) await engine.run(`DELETE FROM ${dataset.id}`).catch(() => undefined);
      await engine.run('DELETE FROM pi_rejections').catch(() => undefined);
      await prepareIndicators(engine).catch(() => undefined);
    }
  };
  const finished = run();
  return {
    finished,
    async stop() {
      stopping = true;
      await finished;
    },
  };
}
