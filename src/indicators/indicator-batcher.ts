import type { Engine } from '../engine/engine';
import { gatherPerTask } from '../shared/same-task';
import type { IndicatorDefinition } from './indicator-definition';
import type { PreparedState } from './prepare-indicators';
import { type IndicatorQuery, type IndicatorResult, runIndicators } from './run-indicator';

interface Waiting {
  engine: Engine;
  prepared: PreparedState;
  indicator: IndicatorDefinition;
  query: IndicatorQuery;
  resolve: (result: IndicatorResult) => void;
  reject: (error: Error) => void;
}

/**
 * Gathers the indicators a page asks for at the same moment (every card after a filter change) and runs
 * those with the same engine, preparation and query together (runIndicators: one statement per area),
 * instead of one statement each. Each caller still gets its own result or error.
 */
export function createIndicatorBatcher(): (
  engine: Engine,
  prepared: PreparedState,
  indicator: IndicatorDefinition,
  query: IndicatorQuery,
) => Promise<IndicatorResult> {
  const ask = gatherPerTask<Waiting>((waiting) => {
    // Batches: same engine and preparation (the same objects) and an equal query.
    const batches: { key: string; waiting: Waiting[] }[] = [];
    for (const w of waiting) {
      const key = JSON.stringify(w.query);
      const batch = batches.find(
        (b) => b.key === key && b.waiting[0]?.engine === w.engine && b.waiting[0]?.prepared === w.prepared,
      );
      if (batch) batch.waiting.push(w);
      else batches.push({ key, waiting: [w] });
    }
    for (const batch of batches) void settle(batch.waiting);
  });
  return (engine, prepared, indicator, query) =>
    new Promise<IndicatorResult>((resolve, reject) => ask({ engine, prepared, indicator, query, resolve, reject }));
}

async function settle(batch: readonly Waiting[]): Promise<void> {
  const [first] = batch;
  if (!first) return;
  try {
    const results = await runIndicators(
      first.engine,
      first.prepared,
      batch.map((w) => w.indicator),
      first.query,
    );
    batch.forEach((w, i) => {
      const result = results[i];
      if (result === undefined) w.reject(new Error(`${w.indicator.id} was not run`));
      else if (result instanceof Error) w.reject(result);
      else w.resolve(result);
    });
  } catch (error) {
    for (const w of batch) w.reject(error instanceof Error ? error : new Error(String(error)));
  }
}

/** The batcher the app's pages share. */
export const runIndicatorBatched = createIndicatorBatcher();
