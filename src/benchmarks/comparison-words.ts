import { formatNumber } from '../shared/format';
import { filterPairs } from './breakdown-filters';
import { measureName } from './measure-names';
import type { MeasureScale } from './measure-scale';
import type { ComparisonPoint, Direction, MeasureChoice } from './published-store';

const DIRECTION_WORDS: Record<Direction, string> = {
  up: 'higher is better',
  down: 'lower is better',
  neutral: 'neither higher nor lower is better',
};

/** A measure's name in words, from its column name (measure-names.ts): the known name, else its words. */
export function measureLabel(measure: string): string {
  return measureName(measure);
}

/** A loaded measure's name: its metadata label when a metadata file came with it, else as measureLabel. */
export function choiceLabel(choice: Pick<MeasureChoice, 'measure' | 'label'>): string {
  return measureName(choice.measure, choice.label);
}

/** A breakdown's values in words ("Total, Girls"); text that is not a breakdown is shown as it is. */
export function filtersLabel(filters: string): string {
  const pairs = filterPairs(filters);
  return pairs ? pairs.map(([, value]) => value).join(', ') : filters;
}

export const shownNumber = (v: number | null) => (v === null ? '–' : formatNumber(Math.round(v * 10) / 10));

/**
 * The sentence under a measure: the latest year, what it is compared with (and how many neighbours the
 * average rests on), and the rank with its direction. For a count the region's and England's figures
 * are named as totals: they are not comparable in size with one authority's.
 */
export function comparisonSentence(
  name: string,
  label: string,
  latest: ComparisonPoint,
  direction: Direction,
  scale: MeasureScale = 'rate',
): string {
  const ours =
    latest.laValue === null
      ? `${label}, ${name}, ${latest.timePeriod}: not published (${latest.laMarker ? `“${latest.laMarker}”` : 'no figure'})`
      : `${label}, ${name}: ${shownNumber(latest.laValue)} in ${latest.timePeriod}`;
  const neighbours =
    latest.neighbourAverage === null
      ? null
      : `${shownNumber(latest.neighbourAverage)} on average for ${latest.neighbourCount} statistical ${latest.neighbourCount === 1 ? 'neighbour' : 'neighbours'}`;
  const wider =
    scale === 'count'
      ? `${shownNumber(latest.regionValue)} in its region as a whole and ${shownNumber(latest.englandValue)} in England as a whole (totals)`
      : `${shownNumber(latest.regionValue)} for its region and ${shownNumber(latest.englandValue)} for England`;
  const against = neighbours ? `${neighbours}; ${wider}` : wider;
  const noNeighbours = neighbours ? '' : ' No statistical neighbour has a figure.';
  const rank =
    latest.rank === null
      ? direction === 'neutral'
        ? ' Not ranked: neither higher nor lower is better in itself.'
        : ''
      : ` Ranked ${latest.rank} of ${latest.rankOf} (${DIRECTION_WORDS[direction]}), quartile ${latest.quartile}.`;
  return `${ours}, against ${against}.${noNeighbours}${rank}`;
}
