import { DATASETS } from '../datasets/registry';
import type { Engine } from '../engine/engine';
import { prepareIndicators } from '../indicators/prepare-indicators';
import { INDICATORS } from '../indicators/registry';
import { runIndicators } from '../indicators/run-indicator';
import { dropScratch } from '../ingest/load-file';
import { createIngestSession, type NamedBlob } from '../ingest/load-files';
import type { RecordScanner } from '../ingest/record-scan';
import { supersededTable } from '../ingest/schema-sql';

/*
 * Why warm up: the browser runs DuckDB's WebAssembly first in a quick baseline code and optimises a
 * function only once it has run enough: a first load runs mostly unoptimised, and many times slower
 * than the same load with DuckDB's code optimised up front. A whole run over the sample's 34,000 rows
 * optimises far more of it than a few rows of each file did, and three runs more than one (below).
 */

export interface WarmUpOptions {
  rounds?: number;
  /** The app's record scanner (a worker in the browser): started and warmed up with the rest. */
  scanRecords?: RecordScanner;
}

/** A warm-up under way: `stop()` ends it at the next step and resolves once every trace is gone. */
export interface WarmUp {
  stop(): Promise<void>;
  /** Resolves when it has finished by itself (true) or been stopped (false). */
  finished: Promise<boolean>;
}

class Stopped extends Error {}

/** The engine as the warm-up sees it: once it is asked to stop, its next statement fails at once. */
function stoppable(engine: Engine, stopping: () => boolean): Engine {
  const check = () => {
    if (stopping()) throw new Stopped();
  };
  return {
    ...engine,
    query: async (sql, params, schema, options) => {
      check();
      return engine.query(sql, params, schema, options);
    },
    run: async (sql, params, options) => {
      check();
      return engine.run(sql, params, options);
    },
    registerFile: async (name, source) => {
      check();
      return engine.registerFile(name, source);
    },
  };
}

/**
 * Rounds of the warm-up. Each round optimises more of DuckDB's code: the sample's first page, clicked
 * once warm, is much quicker after three rounds than after one (a returning visit, which starts from the
 * optimised code Chromium kept, gains too), and more than three add little. The first round is the
 * longest: three are done soon after the engine opens, and a click stops them within one statement
 * whenever it comes.
 */
export const WARM_UP_ROUNDS = 3;

/**
 * Removes every trace of a round: the files' scratch tables and registrations, each dataset's rows, the
 * rejections. Each step is tried whatever happened to the one before (a load cut short, a stop): the
 * tables are emptied in one round trip (it runs just after the user's click), and one by one only if
 * that fails.
 */
async function clearTraces(engine: Engine, fileCount: number): Promise<void> {
  const files = Array.from({ length: fileCount }, (_, i) => `pi_file_${i + 1}.csv`);
  await dropScratch(engine, ...files).catch(() => undefined);
  const deletes = [
    ...DATASETS.flatMap((dataset) => [`DELETE FROM ${dataset.id}`, `DELETE FROM ${supersededTable(dataset)}`]),
    'DELETE FROM pi_changes',
    'DELETE FROM pi_rejections',
    'DELETE FROM pi_warnings',
  ];
  const together = await engine.run(deletes.join(';\n')).then(
    () => true,
    () => false,
  );
  if (together) return;
  for (const statement of deletes) await engine.run(statement).catch(() => undefined);
}

/** One round: the sample loaded, checked and stored, the summaries prepared, the Overview's indicators run. */
async function runRound(
  engine: Engine,
  files: readonly NamedBlob[],
  options: WarmUpOptions,
  step: () => void,
  loaded: () => void,
) {
  const session = createIngestSession(engine, DATASETS, { scanRecords: options.scanRecords });
  for (const file of files) {
    step();
    loaded();
    await session.loadFiles([file]);
  }
  step();
  const prepared = await prepareIndicators(engine);
  step();
  // As the Overview asks for them: together, one statement per area.
  await runIndicators(
    engine,
    prepared,
    INDICATORS.filter((i) => i.headline),
    { granularity: 'quarter' },
  );
}

/**
 * Runs the whole path over the sample data — load, check, store, prepare, the Overview's indicators —
 * `rounds` times (default WARM_UP_ROUNDS) while the page is first read, then removes every trace of the
 * data: each dataset table and the rejections emptied, scratch tables and registered files gone. Its own
 * ingest session each round, so nothing of it is remembered. The app stops it before it uses the engine
 * for anything else — the warm-up's next statement fails, so it ends within one statement — and waits
 * for the clean-up, so nothing of the user's interleaves with it. Never fails the start-up: warming up
 * is only a speed-up.
 */
export function startWarmUp(
  engine: Engine,
  sampleFiles: () => Promise<NamedBlob[]>,
  options: WarmUpOptions = {},
): WarmUp {
  const rounds = options.rounds ?? WARM_UP_ROUNDS;
  let stopping = false;
  const step = () => {
    if (stopping) throw new Stopped();
  };
  const warming = stoppable(engine, () => stopping);
  // Files registered in the round under way (each round's session numbers its files from 1).
  let fileCount = 0;
  const run = async (): Promise<boolean> => {
    try {
      const files = await sampleFiles();
      for (let round = 0; round < rounds; round += 1) {
        if (round > 0) await clearTraces(warming, fileCount);
        fileCount = 0;
        await runRound(warming, files, options, step, () => {
          fileCount += 1;
        });
      }
      return true;
    } catch {
      // Stopped, or anything else: only a speed-up, and the app starts from the empty tables below.
      return false;
    } finally {
      // A load cut short leaves its scratch tables and registered file: they go too.
      await clearTraces(engine, fileCount);
      // The summary tables are not prepared again here: the app prepares them (for its own data) before
      // anything reads them — every indicator, view and filter list waits for its prepared state — and
      // a second preparation here would stand between a user's first click and their data.
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
