// Part of `npm run bench` (run by scripts/bench.mjs through tsx): with a large early-help file loaded
// into duckdb-wasm (its Node build — the same wasm and SQL as the browser), how long the summary tables
// take to build once, and how long every early-help indicator takes to recompute after a filter change.
// Prints figures as JSON on the last line; asserts nothing.
import { readFile } from 'node:fs/promises';
import { basename } from 'node:path';
import { z } from 'zod';
import { DATASETS } from '../src/datasets/registry';
import { createNodeEngine } from '../src/engine/node-engine';
import { compressSummaries } from '../src/indicators/compress-summaries';
import { runIndicatorBatched } from '../src/indicators/indicator-batcher';
import { prepareIndicators } from '../src/indicators/prepare-indicators';
import { getFamily } from '../src/indicators/registry';
import { dimensionValues, type Filters } from '../src/indicators/run-indicator';
import { DEFAULT_SETTINGS } from '../src/indicators/settings';
import { createIngestSession } from '../src/ingest/load-files';
import { prepareDatabase } from '../src/ingest/prepare-database';

const DIMS = ['agency', 'locality', 'age_band', 'gender', 'ethnicity'] as const;

async function main() {
  const path = process.argv[2];
  if (!path) throw new Error('usage: bench-recompute.ts FILE.csv');
  const rounds = Number(process.env.BENCH_RECOMPUTE_ROUNDS ?? 3);
  const engine = await createNodeEngine();
  await prepareDatabase(engine, DATASETS);
  const t0 = performance.now();
  const report = await createIngestSession(engine, DATASETS).loadFiles([
    { name: basename(path), blob: new Blob([await readFile(path)]) },
  ]);
  const loadMs = performance.now() - t0;
  const t1 = performance.now();
  const prepared = await prepareIndicators(engine, DEFAULT_SETTINGS);
  const prepareMs = performance.now() - t1;
  // As the app does once every stage is built: the large summary tables into the compressed store.
  const t2 = performance.now();
  const compressed = await compressSummaries(engine);
  const compressMs = performance.now() - t2;
  const sizes: Record<string, number> = {};
  for (const table of [
    'pi_eh_flow',
    'pi_eh_flow__all',
    'pi_eh_flow__ethnicity',
    'pi_eh_cohort_single',
    'pi_eh_cohort_multi',
    'pi_eh_wait',
    'pi_eh_wait__all',
  ]) {
    const [row] = await engine.query(`SELECT count(*)::INTEGER AS n FROM ${table}`, [], z.object({ n: z.number() }));
    sizes[table] = row?.n ?? 0;
  }
  const indicators = getFamily('early_help').indicators;
  const recomputeAll = async (filters: Filters) => {
    const started = performance.now();
    // As the page asks: every card at once, gathered by the app's batcher.
    const results = await Promise.all(
      indicators.map((indicator) =>
        runIndicatorBatched(engine, prepared, indicator, { granularity: 'month', filters }),
      ),
    );
    for (const result of results) {
      if (result.status !== 'ok') throw new Error(`${result.indicator.id} not computed`);
    }
    return performance.now() - started;
  };
  // What a user does: pick a value of one dimension (click a bar), another, clear the filter…
  const single: Filters[] = [{}];
  const values: Record<string, string[]> = {};
  for (const d of DIMS) {
    values[d] = (await dimensionValues(engine, 'early_help', [d]))[d] ?? [];
    single.push({ [d]: [values[d]?.[0] ?? ''] }, { [d]: [values[d]?.[1] ?? ''] });
  }
  // …or combine two or three.
  const combined: Filters[] = [
    { agency: [values.agency?.[0] ?? ''], locality: [values.locality?.[0] ?? ''] },
    { gender: [values.gender?.[0] ?? ''], age_band: [values.age_band?.[1] ?? ''] },
    {
      locality: [values.locality?.[1] ?? ''],
      ethnicity: [values.ethnicity?.[0] ?? ''],
      agency: [values.agency?.[1] ?? ''],
    },
  ];
  await recomputeAll({}); // warm-up: the period table and the query plans
  const measure = async (changes: Filters[]) => {
    const times: number[] = [];
    for (let round = 0; round < rounds; round += 1) {
      for (const filters of changes) times.push(await recomputeAll(filters));
    }
    times.sort((a, b) => a - b);
    const pick = (q: number) => times[Math.min(times.length - 1, Math.floor(q * times.length))] as number;
    return { recomputes: times.length, medianMs: pick(0.5), p90Ms: pick(0.9), maxMs: times.at(-1) };
  };
  const oneDimension = await measure(single);
  const severalDimensions = await measure(combined);
  console.log(
    JSON.stringify({
      rows: report.rowsLoaded,
      loadMs,
      prepareMs,
      compressed,
      compressMs,
      summaryRows: sizes,
      indicators: indicators.length,
      oneDimension,
      severalDimensions,
    }),
  );
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
