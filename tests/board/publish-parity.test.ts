import { readdirSync, readFileSync } from 'node:fs';
import { beforeAll, describe, expect, it } from 'vitest';
import { type IndicatorFigures, packFigures } from '../../src/board/pack-figures';
import { PACK_VIEWS } from '../../src/board/pack-views';
import { buildIndicatorsReport, type ReportIndicator } from '../../src/cli/indicators-report';
import { INDICATORS } from '../../src/indicators/registry';
import { DEFAULT_SETTINGS } from '../../src/indicators/settings';
import { createIndicatorSession } from '../support/indicator-session';

// The command line's `--suppress` output and the board pack publish through one path (board/publish.ts):
// for the same request they show the same figures, hide the same counts and make the same SPC
// judgements. Before, the command line drew SPC from the unsuppressed values and called points special
// cause that the published values alone show as common cause.

let t: Awaited<ReturnType<typeof createIndicatorSession>>;

beforeAll(async () => {
  const files: Record<string, string[]> = {};
  for (const f of readdirSync('sample-data').filter((name) => name.endsWith('.csv'))) {
    files[f] = readFileSync(`sample-data/${f}`, 'utf8').split('\n').filter(Boolean);
  }
  t = await createIndicatorSession(files);
}, 120_000);

/** A pack's points as the command line writes them: `c` for a hidden figure. */
function packRows(figures: IndicatorFigures) {
  return figures.points.map((p, i) => ({
    period: p.label,
    numerator: p.numeratorHidden ? 'c' : p.numerator,
    denominator: p.denominatorHidden ? 'c' : p.denominator,
    value: p.suppressed ? 'c' : p.value,
    suppressed: p.suppressed,
    spcPointType: p.suppressed ? null : (figures.spc.points[i]?.type ?? null),
  }));
}

function cliRows(indicator: ReportIndicator) {
  return indicator.points.map((p) => ({
    period: p.periodLabel,
    numerator: p.numerator,
    denominator: p.denominator,
    value: p.value,
    suppressed: p.suppressed,
    spcPointType: p.spcPointType,
  }));
}

describe.each(['quarter', 'month'] as const)('published by %s', (granularity) => {
  it('the command line and the board pack publish identical figures and SPC point types', async () => {
    const report = await buildIndicatorsReport(t.engine, { granularity, suppress: true, settings: DEFAULT_SETTINGS });
    const pack = await packFigures(t.engine, t.prepared, {
      indicators: INDICATORS,
      views: PACK_VIEWS,
      granularity,
      suppress: true,
      targets: {},
      changesFor: () => [],
      minDenominatorFor: () => null,
    });
    let compared = 0;
    let hidden = 0;
    let judged = 0;
    for (const indicator of report.indicators) {
      const figures = pack.indicators.get(indicator.id);
      if (figures?.status !== 'ok') throw new Error(`${indicator.id} is missing from the pack`);
      // A yearly-cycle area is shown by year in a pack whatever the pack's period: compare like with like.
      if (figures.granularity !== indicator.granularity) continue;
      expect(cliRows(indicator), indicator.id).toEqual(packRows(figures));
      compared++;
      hidden += indicator.points.filter((p) => p.suppressed).length;
      judged += indicator.points.filter((p) => p.spcPointType?.startsWith('special_cause')).length;
    }
    // The comparison covers the early help and training areas, hidden cells and special causes alike.
    expect(compared).toBeGreaterThanOrEqual(8);
    expect(hidden).toBeGreaterThan(0);
    expect(judged).toBeGreaterThan(0);
  }, 300_000);
});
