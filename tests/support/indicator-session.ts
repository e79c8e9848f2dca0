import { expect } from 'vitest';
import { prepareIndicators } from '../../src/indicators/prepare-indicators';
import { getIndicator } from '../../src/indicators/registry';
import { type IndicatorQuery, type IndicatorResult, runIndicator } from '../../src/indicators/run-indicator';
import { DEFAULT_SETTINGS, type IndicatorSettings } from '../../src/indicators/settings';
import { createTestSession } from './load-csv';

/** Loads CSV fixtures (file name → lines), prepares the indicators and runs them by id. */
export async function createIndicatorSession(
  files: Record<string, string[]>,
  settings: Partial<IndicatorSettings> = {},
) {
  const t = await createTestSession();
  const report = await t.loadFiles(
    Object.entries(files).map(([name, lines]) => ({ name, blob: new Blob([lines.join('\n')]) })),
  );
  expect(report.rowsRejected, JSON.stringify(report.files.map((f) => [f.fileName, f.message, f.rejections]))).toBe(0);
  let prepared = await prepareIndicators(t.engine, { ...DEFAULT_SETTINGS, ...settings });
  const run = async (id: string, query: IndicatorQuery): Promise<IndicatorResult> =>
    runIndicator(t.engine, prepared, getIndicator(id), query);
  return {
    ...t,
    get prepared() {
      return prepared;
    },
    async reprepare(more: Partial<IndicatorSettings>) {
      prepared = await prepareIndicators(t.engine, { ...DEFAULT_SETTINGS, ...settings, ...more });
    },
    run,
    /** [label, numerator, denominator, value rounded to 2 dp] per period. */
    async rows(id: string, query: IndicatorQuery) {
      const result = await run(id, query);
      if (result.status !== 'ok') throw new Error(`${id} not computable: needs ${result.missingDatasets.join(', ')}`);
      return result.points.map((p) => [
        p.label,
        p.numerator,
        p.denominator,
        p.value === null ? null : Math.round(p.value * 100) / 100,
      ]);
    },
    /** Values only, per period label. */
    async values(id: string, query: IndicatorQuery) {
      const result = await run(id, query);
      if (result.status !== 'ok') throw new Error(`${id} not computable`);
      return result.points.map((p) => [p.label, p.value === null ? null : Math.round(p.value * 100) / 100]);
    },
  };
}
