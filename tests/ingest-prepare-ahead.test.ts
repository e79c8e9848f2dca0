import { readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { DATASETS } from '../src/datasets/registry';
import type { Engine } from '../src/engine/engine';
import { createIngestSession, type NamedBlob } from '../src/ingest/load-files';
import type { FileReport } from '../src/ingest/load-report';
import { prepareDatabase } from '../src/ingest/prepare-database';
import { type RecordScanner, scanOnTheSpot } from '../src/ingest/record-scan';
import { createTestEngine } from './support/test-engine';
import { watchStatements } from './support/watched-engine';

/**
 * While the database stores one file, the next small text file is sniffed, recognised and scanned
 * (prepareTextFile): in the browser the scan then runs in its worker beside DuckDB instead of between
 * two files. The result must be exactly what loading the files one at a time gives.
 */

const file = (dir: string, name: string): NamedBlob => ({
  name,
  blob: new Blob([readFileSync(`${dir}/${name}`)]),
});
const SAMPLE = readdirSync('sample-data')
  .filter((name) => name.endsWith('.csv'))
  .sort()
  .map((name) => file('sample-data', name));
const MESSY = readdirSync('sample-data/messy')
  .filter((name) => name.endsWith('.csv'))
  .sort()
  .map((name) => file('sample-data/messy', name));

/** A session whose statements each wait for the next task, as the browser's worker round trips do. */
async function session(events: string[], scanner: RecordScanner = scanOnTheSpot) {
  const base = await createTestEngine();
  await prepareDatabase(base, DATASETS);
  const tick = () => new Promise((resolve) => setTimeout(resolve, 0));
  const engine = watchStatements(base, async (sql) => {
    await tick();
    events.push(`sql ${sql.trim().slice(0, 40)}`);
  });
  const scanRecords: RecordScanner = async (blob, delimiter, onProgress) => {
    events.push(`scan ${blob.size}`);
    return scanner(blob, delimiter, onProgress);
  };
  return { engine, ingest: createIngestSession(engine, DATASETS, { scanRecords }) };
}

const withoutTimes = (reports: readonly FileReport[]) => reports.map(({ durationMs: _, ...rest }) => rest);

const tableRows = async (engine: Engine) =>
  engine.query(
    `SELECT ${DATASETS.map((d) => `(SELECT count(*) FROM ${d.id})::INTEGER AS ${d.id}`).join(', ')},
       (SELECT count(*) FROM pi_rejections)::INTEGER AS rejections`,
    [],
    z.record(z.string(), z.number()),
  );

describe('preparing the next file while one is stored', () => {
  it('scans the next file before the database has finished with the one before it', async () => {
    const events: string[] = [];
    const { ingest } = await session(events);
    const [first, second] = SAMPLE as [NamedBlob, NamedBlob];
    await ingest.loadFiles([first, second]);
    const secondScan = events.indexOf(`scan ${second.blob.size}`);
    // The first file's statements end with its scratch tables dropped; the second's scan came before.
    const firstDone = events.findIndex((e) => e.startsWith('sql DROP TABLE IF EXISTS pi_parsed'));
    expect(secondScan).toBeGreaterThan(-1);
    expect(firstDone).toBeGreaterThan(-1);
    expect(secondScan).toBeLessThan(firstDone);
  });

  it('loads every file exactly as loading them one at a time does, clean files and messy ones', async () => {
    for (const files of [SAMPLE, MESSY]) {
      const together = await session([]);
      const apart = await session([]);
      const reportTogether = await together.ingest.loadFiles(files);
      const reportsApart: FileReport[] = [];
      for (const f of files) reportsApart.push(...(await apart.ingest.loadFiles([f])).files);
      expect(withoutTimes(reportTogether.files)).toEqual(withoutTimes(reportsApart));
      expect(await tableRows(together.engine)).toEqual(await tableRows(apart.engine));
    }
  }, 120_000);

  it('reports a file whose preparation failed as that file, and loads the others', async () => {
    const [first, second, third] = SAMPLE as [NamedBlob, NamedBlob, NamedBlob];
    const failing: RecordScanner = async (blob, delimiter, onProgress) => {
      if (blob.size === second.blob.size) throw new Error('the scan broke');
      return scanOnTheSpot(blob, delimiter, onProgress);
    };
    const { ingest } = await session([], failing);
    const report = await ingest.loadFiles([first, second, third]);
    expect(report.files.map((f) => [f.fileName, f.status])).toEqual([
      [first.name, 'loaded'],
      [second.name, 'failed'],
      [third.name, 'loaded'],
    ]);
    expect(report.files[1]?.message).toContain('the scan broke');
  });
});
