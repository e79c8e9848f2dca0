import { ASSURANCE_LABELS, POINT_TYPE_LABELS } from '../indicators/spc';
import { formatValue } from '../shared/format';
import type { DeckSlide } from './deck';
import type { IndicatorFigures, IndicatorOutcome, PackFigures } from './pack-figures';
import { shownValue } from './published-format';
import { type ReportTable, yearTable } from './report-tables';

type Section = Extract<DeckSlide, { kind: 'section' }>;

/** Why an indicator is listed as little or no progress, or null: a target missed, a concern, a likely miss. */
function noProgress(f: IndicatorFigures): string | null {
  const latest = f.points[f.latestIndex];
  if (!latest || latest.suppressed || latest.value === null) return null;
  const { direction, unit } = f.indicator;
  const reasons: string[] = [];
  if (f.target !== null && direction !== 'neutral') {
    const missed = direction === 'up' ? latest.value < f.target : latest.value > f.target;
    if (missed) reasons.push(`missed its target of ${formatValue(f.target, unit)}`);
  }
  if (f.spc.variation === 'special_cause_concern') reasons.push(POINT_TYPE_LABELS.special_cause_concern.toLowerCase());
  if (f.spc.assurance === 'consistent_fail') reasons.push(ASSURANCE_LABELS.consistent_fail.toLowerCase());
  return reasons.length === 0 ? null : `${reasons.join('; ')}.`;
}

/** The indicators with little or no progress in the year, with why each is listed. */
function progressTable(outcomes: readonly IndicatorFigures[]): ReportTable {
  const rows = outcomes.flatMap((f) => {
    const why = noProgress(f);
    if (!why) return [];
    const latest = f.points[f.latestIndex];
    const target = f.target === null ? '–' : formatValue(f.target, f.indicator.unit);
    const value = shownValue(latest, f.indicator.unit);
    const header = `${f.indicator.id} ${f.indicator.title}`;
    return [{ header, id: f.indicator.id, cells: [latest?.label ?? '–', value, target, why] }];
  });
  return {
    caption: 'Indicators with little or no progress: a target missed, or a special cause of concern',
    head: ['Indicator', 'Year', 'Value', 'Target', 'Why it is listed'],
    numeric: [false, false, true, true, false],
    rows,
  };
}

/** Indicators whose year can be judged against a target: a target, a direction, a published value. */
function judgedAgainstTarget(outcomes: readonly IndicatorFigures[]): number {
  return outcomes.filter((f) => {
    const latest = f.points[f.latestIndex];
    return (
      f.target !== null && f.indicator.direction !== 'neutral' && latest && !latest.suppressed && latest.value !== null
    );
  }).length;
}

/** When no indicator is listed: what that rests on (and, in the app, what would make the list say more). */
function progressNote(outcomes: readonly IndicatorFigures[], audience: Audience): string {
  const judged = judgedAgainstTarget(outcomes);
  const concern = 'No indicator shows a special cause of concern in the year';
  if (judged === 0) {
    const how = audience === 'app' ? ': set them on the Definitions page, and this heading lists those missed' : '';
    return `${concern}. No targets were set for the partnership’s priorities${how}.`;
  }
  return judged === 1
    ? `${concern}, and the one indicator judged against a target met it.`
    : `${concern}, and each of the ${judged} indicators judged against a target met it.`;
}

/** Who reads the words: the app's screen (which may say what to do next) or a published document. */
export type Audience = 'app' | 'published';

/**
 * The figures under a yearly report heading: a table, a sentence, or both; and, when none of its
 * figures is loaded, what data would support it (never a blank heading).
 */
export function sectionEvidence(
  slide: Section,
  figures: PackFigures,
  audience: Audience = 'app',
): { table: ReportTable | null; note: string | null } {
  const outcomes: IndicatorOutcome[] = slide.indicatorIds.flatMap((id) => figures.indicators.get(id) ?? []);
  const loaded = outcomes.filter((o): o is IndicatorFigures => o.status === 'ok');
  const evidence = slide.evidence ?? 'indicators';
  // A heading no data supports, once its words are written, is published as the words alone.
  const written = slide.blocks.some((b) => b.text.trim() !== '');
  if (evidence === 'none' && audience === 'published' && written) return { table: null, note: null };
  if (evidence === 'none' || loaded.length === 0) return { table: null, note: slide.needs ?? null };
  if (evidence === 'progress') {
    const table = progressTable(loaded);
    return table.rows.length > 0 ? { table, note: null } : { table: null, note: progressNote(loaded, audience) };
  }
  const caption =
    evidence === 'headlines'
      ? 'The headline indicators: the year against the year before, with the count each rests on'
      : `${slide.title}: the year against the year before`;
  const missing = outcomes.length - loaded.length;
  const note = missing > 0 ? `${missing} of this heading’s ${outcomes.length} indicators are not loaded.` : null;
  return { table: yearTable(loaded, caption), note };
}
