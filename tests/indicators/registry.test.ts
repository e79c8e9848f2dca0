import { beforeAll, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { DATASETS } from '../../src/datasets/registry';
import { DIMENSIONS } from '../../src/indicators/indicator-definition';
import { prepareIndicators } from '../../src/indicators/prepare-indicators';
import { FAMILIES, INDICATORS } from '../../src/indicators/registry';
import { indicatorQuerySql } from '../../src/indicators/run-indicator';
import { createTestSession } from '../support/load-csv';

const CATALOGUE = [
  ...['EH1', 'EH2', 'EH3', 'EH4', 'EH5', 'EH6', 'EH7', 'EH8'],
  ...['TR1', 'TR2', 'TR3', 'TR4', 'TR5', 'TR6', 'TR7'],
  ...['OB1', 'OB2', 'OB3', 'OB4', 'OB5', 'OB6', 'OB7'],
  ...['AQ1', 'AQ2', 'AQ3', 'AQ4', 'AQ5', 'AQ6', 'AQ7'],
  ...['PR1', 'PR2', 'PR3', 'PR4', 'PR5', 'PR6', 'PR7'],
];

describe('the indicator registry', () => {
  it('has every indicator of the catalogue (domain.md §5), once', () => {
    const ids = INDICATORS.map((i) => i.id);
    expect(new Set(ids).size).toBe(ids.length);
    for (const id of CATALOGUE) expect(ids).toContain(id);
  });

  it('every definition is complete and names real datasets and dimensions', () => {
    const datasetIds = DATASETS.map((d) => d.id);
    for (const indicator of INDICATORS) {
      expect(indicator.title.length, indicator.id).toBeGreaterThan(5);
      expect(indicator.definition.length, indicator.id).toBeGreaterThan(40);
      expect(indicator.numerator.length, indicator.id).toBeGreaterThan(5);
      expect(indicator.unit === 'percent' ? indicator.denominator : 'ok', indicator.id).toBeTruthy();
      expect(['up', 'down', 'neutral']).toContain(indicator.direction);
      expect(indicator.datasets.length, indicator.id).toBeGreaterThan(0);
      for (const id of [...indicator.datasets, ...(indicator.optionalDatasets ?? [])]) expect(datasetIds).toContain(id);
      for (const d of indicator.breakdowns) expect(DIMENSIONS).toContain(d);
      expect(FAMILIES.find((f) => f.id === indicator.family)?.indicators).toContain(indicator);
    }
  });

  it("each area's comparison names one of its own indicators and a dimension that indicator supports", () => {
    for (const family of FAMILIES) {
      const indicator = family.indicators.find((i) => i.id === family.comparison.indicator);
      expect(indicator, family.id).toBeDefined();
      expect(indicator?.breakdowns, family.id).toContain(family.comparison.dimension);
    }
  });

  describe('SQL bound by DuckDB against the canonical tables', () => {
    let t: Awaited<ReturnType<typeof createTestSession>>;
    beforeAll(async () => {
      t = await createTestSession();
      // Every prepare statement runs on the empty tables.
      await prepareIndicators(t.engine);
    });
    for (const indicator of INDICATORS) {
      it(`${indicator.id} plans (EXPLAIN) with its bound parameters`, async () => {
        const params = ['month|2024-01-01|2024-03-31', '2024-03-31', ...DIMENSIONS.map(() => '')];
        const plan = await t.engine.query(
          `EXPLAIN ${indicatorQuerySql(indicator)}`,
          params,
          z.object({ explain_key: z.string(), explain_value: z.string() }),
        );
        expect(plan.length).toBeGreaterThan(0);
      });
    }
  });
});

describe('record keys', () => {
  it('every dataset names its record key by fields it has', async () => {
    const { DATASETS } = await import('../../src/datasets/registry');
    for (const dataset of DATASETS) {
      expect(dataset.recordKeys.length, dataset.id).toBeGreaterThan(0);
      for (const key of dataset.recordKeys) {
        for (const name of key)
          expect(
            dataset.fields.some((f) => f.name === name),
            `${dataset.id}.${name}`,
          ).toBe(true);
      }
    }
  });
});
