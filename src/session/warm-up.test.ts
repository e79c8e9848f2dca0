import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { createTestEngine } from '../../tests/support/test-engine';
import { watchStatements } from '../../tests/support/watched-engine';
import { DATASETS } from '../datasets/registry';
import type { Engine } from '../engine/engine';
import { prepareIndicators } from '../indicators/prepare-indicators';
import { createIngestSession, type NamedBlob } from '../ingest/load-files';
import { prepareDatabase } from '../ingest/prepare-database';
import { startWarmUp } from './warm-up';

const SAMPLE = join(import.meta.dirname, '../../sample-data');
const sampleFiles = async (): Promise<NamedBlob[]> =>
  readdirSync(SAMPLE)
    .filter((f) => f.endsWith('.csv'))
    .sort()
    .map((name) => ({ name, blob: new Blob([readFileSync(join(SAMPLE, name))]) }));

const count = z.object({ n: z.number() });

/**
 * Rows in every dataset table and the rejections, in a summary the app prepares afterwards, and scratch
 * tables left: all zero after a warm-up.
 */
async function traces(engine: Engine): Promise<number> {
  await prepareIndicators(engine);
  let total = 0;
  for (const table of [...DATASETS.map((d) => d.id), 'pi_rejections', 'pi_warnings', 'pi_eh_flow']) {
    total += (await engine.query(`SELECT count(*)::INTEGER AS n FROM ${table}`, [], count))[0]?.n ?? 0;
  }
  const scratch = await engine.query(
    "SELECT count(*)::INTEGER AS n FROM duckdb_tables() WHERE table_name IN ('pi_parsed', 'pi_problems', 'pi_rejects')",
    [],
    count,
  );
  return total + (scratch[0]?.n ?? 0);
}

async function freshEngine(): Promise<Engine> {
  const engine = await createTestEngine();
  await prepareDatabase(engine, DATASETS);
  return engine;
}

const reads = (sql: string) => sql.includes('read_csv');
const loading = (sql: string) => reads(sql) || DATASETS.some((d) => sql.startsWith(`INSERT INTO ${d.id} `));

/** Asks the warm-up to stop at the `at`-th statement it runs; returns what ran after, and how it ended. */
async function stopAt(at: (sql: string, index: number) => boolean, rounds?: number) {
  const engine = await freshEngine();
  const after: string[] = [];
  let statements = 0;
  let stopping: Promise<void> | null = null;
  let warmUp: ReturnType<typeof startWarmUp> | null = null;
  const counting = watchStatements(engine, (sql) => {
    statements += 1;
    if (stopping) after.push(sql);
    else if (at(sql, statements) && warmUp) stopping = warmUp.stop();
  });
  warmUp = startWarmUp(counting, sampleFiles, { rounds });
  const whole = await warmUp.finished;
  await stopping;
  return { engine, after, whole };
}

describe('the warm-up', () => {
  it('runs the whole sample through as many rounds as asked and leaves no trace', async () => {
    const engine = await freshEngine();
    const files = (await sampleFiles()).length;
    const statements: string[] = [];
    const warmUp = startWarmUp(
      watchStatements(engine, (sql) => {
        statements.push(sql);
      }),
      sampleFiles,
      { rounds: 2 },
    );
    expect(await warmUp.finished).toBe(true);
    expect(statements.filter(reads)).toHaveLength(2 * files);
    // Between the rounds the first round's rows go: the second stores the sample once, not twice.
    const secondRound = statements.findIndex(
      (sql, i) => reads(sql) && statements.slice(0, i).filter(reads).length === files,
    );
    expect(statements.slice(0, secondRound).some((sql) => sql.startsWith('DELETE FROM early_help_episodes'))).toBe(
      true,
    );
    expect(await traces(engine)).toBe(0);
  });

  it('stops within a statement when asked, leaves no trace, and the user’s load then counts right', async () => {
    // Asked to stop in the middle of the first file's load (its 4th statement).
    const { engine, after, whole } = await stopAt((_sql, index) => index === 4);
    expect(whole).toBe(false);
    // After the request only the clean-up ran: not even the first file's rows were stored.
    expect(after.filter(loading)).toEqual([]);
    expect(after.some((sql) => sql.startsWith('DELETE FROM early_help_episodes'))).toBe(true);
    expect(await traces(engine)).toBe(0);
    const session = createIngestSession(engine, DATASETS);
    const report = await session.loadFiles(await sampleFiles());
    expect(report.rowsLoaded).toBe(45_615); // the eleven partnership files and the seven child protection lists
    expect(report.rowsRejected).toBe(0);
  });

  it('stops within a statement in a later round too, and leaves no trace', async () => {
    const files = (await sampleFiles()).length;
    let readsSeen = 0;
    // Asked to stop as the second round reads its third file.
    const { engine, after, whole } = await stopAt((sql) => reads(sql) && ++readsSeen === files + 3, 2);
    expect(whole).toBe(false);
    expect(after.filter(loading)).toEqual([]);
    expect(await traces(engine)).toBe(0);
    const report = await createIngestSession(engine, DATASETS).loadFiles(await sampleFiles());
    expect(report.rowsLoaded).toBe(45_615); // the eleven partnership files and the seven child protection lists
  });
});
