import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { DATASETS } from '../src/datasets/registry';
import type { FileHandler } from '../src/ingest/file-handlers';
import { createIngestSession } from '../src/ingest/load-files';
import { clearLoadedData, prepareDatabase } from '../src/ingest/prepare-database';
import { createTestEngine } from './support/test-engine';

// The ingest hands a file that is not a partnership dataset to the handler that recognises its first line
// (src/ingest/file-handlers.ts): the ingest knows no handler by name, whoever starts the session passes them.

/** A made-up kind of file: a first line "weather,rain_mm", one row a reading, stored in its own table. */
const WEATHER: FileHandler = {
  createSql: ['CREATE TABLE IF NOT EXISTS weather (load_id INTEGER, rain_mm INTEGER)'],
  keptTables: ['weather'],
  recognises: (line) => line === 'weather,rain_mm',
  async load(engine, { fileId, blob }) {
    const text = await blob.text();
    const readings = text.split('\n').slice(1).filter(Boolean);
    for (const reading of readings) {
      await engine.run('INSERT INTO weather VALUES (?, ?)', [fileId, Number(reading.split(',')[1])]);
    }
    return {
      datasetId: 'weather',
      what: `${readings.length} readings of rain.`,
      rows: readings.length,
      encoding: 'UTF-8',
    };
  },
  async remove(engine, datasetId, fileId) {
    if (datasetId === 'weather') await engine.run('DELETE FROM weather WHERE load_id = ?', [fileId]);
  },
  async clear(engine) {
    await engine.run('DELETE FROM weather');
  },
};

const FILE = { name: 'rain.csv', blob: new Blob(['weather,rain_mm\nMon,4\nTue,0\nWed,12\n']) };
const count = z.object({ n: z.number() });

describe('file handlers', () => {
  it('a handler’s file goes to its own table and report, and is removed through it', async () => {
    const engine = await createTestEngine();
    await prepareDatabase(engine, DATASETS, [WEATHER]);
    const ingest = createIngestSession(engine, DATASETS, { handlers: [WEATHER] });
    const report = await ingest.loadFiles([FILE]);
    expect(report.files[0]).toMatchObject({
      fileName: 'rain.csv',
      datasetId: 'weather',
      status: 'loaded',
      message: '3 readings of rain.',
      rowsRead: 3,
      rowsLoaded: 3,
    });
    const rain = z.object({ total: z.number() });
    expect(await engine.query('SELECT sum(rain_mm)::INTEGER AS total FROM weather', [], rain)).toEqual([{ total: 16 }]);
    const first = report.files[0];
    if (!first) throw new Error('no report');
    await ingest.removeFile(first);
    expect(await engine.query('SELECT count(*)::INTEGER AS n FROM weather', [], count)).toEqual([{ n: 0 }]);
  });

  it('clearing the loaded data clears what the handlers loaded too', async () => {
    const engine = await createTestEngine();
    await prepareDatabase(engine, DATASETS, [WEATHER]);
    await createIngestSession(engine, DATASETS, { handlers: [WEATHER] }).loadFiles([FILE]);
    await clearLoadedData(engine, DATASETS, [WEATHER]);
    expect(await engine.query('SELECT count(*)::INTEGER AS n FROM weather', [], count)).toEqual([{ n: 0 }]);
  });

  it('without the handler the same file is offered to the partnership datasets, and not recognised', async () => {
    const engine = await createTestEngine();
    await prepareDatabase(engine, DATASETS);
    const report = await createIngestSession(engine, DATASETS).loadFiles([FILE]);
    expect(report.files[0]?.datasetId).toBeNull();
    expect(report.files[0]?.status).not.toBe('loaded');
    const tables = await engine.query(
      "SELECT count(*)::INTEGER AS n FROM information_schema.tables WHERE table_name = 'weather'",
      [],
      count,
    );
    expect(tables).toEqual([{ n: 0 }]);
  });
});
