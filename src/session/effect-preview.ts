import type { DatasetDefinition } from '../datasets/dataset-definition';
import type { Engine } from '../engine/engine';
import { type Headline, headlineFigures } from '../indicators/headline';
import type { IndicatorDefinition } from '../indicators/indicator-definition';
import { prepareIndicators } from '../indicators/prepare-indicators';
import { INDICATORS } from '../indicators/registry';
import type { IndicatorSettings } from '../indicators/settings';
import type { FileReport, LoadReport } from '../ingest/load-report';

/** One Overview indicator a change of the data would move: its headline before and after. */
export interface IndicatorEffect {
  indicator: IndicatorDefinition;
  before: Headline;
  after: Headline;
}

/**
 * Removing a file, or replacing it with a new version, shown before it is confirmed: the change is made
 * with the tables it touches copied aside, the Overview's headlines worked out before and after, and
 * then either kept (Confirm) or undone from the copies (Cancel).
 */
export interface EffectPreview {
  kind: 'remove' | 'replace';
  file: FileReport;
  /** With 'replace': the new version's name and what loading it found. */
  replacement: { name: string; report: LoadReport | null } | null;
  state: 'working' | 'ready' | 'failed';
  effects: IndicatorEffect[];
  /** Why the effect could not be worked out (the change is then undone). */
  message: string | null;
}

/** The Overview's headline indicators that read a dataset (none for a file of published statistics). */
export function indicatorsReading(dataset: DatasetDefinition | undefined): IndicatorDefinition[] {
  return dataset ? INDICATORS.filter((i) => i.headline && i.datasets.includes(dataset.id)) : [];
}

/** The headlines as the Overview shows them (by quarter, or year for yearly returns), from the data now loaded. */
export async function headlinesNow(
  engine: Engine,
  settings: IndicatorSettings,
  indicators: readonly IndicatorDefinition[],
): Promise<Headline[]> {
  if (indicators.length === 0) return [];
  const prepared = await prepareIndicators(engine, settings);
  return headlineFigures(engine, prepared, indicators, 'quarter');
}
