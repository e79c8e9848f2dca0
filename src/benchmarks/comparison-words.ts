import { formatNumber } from '../ui/format';
import type { ComparisonPoint, Direction } from './published-store';

const DIRECTION_WORDS: Record<Direction, string> = {
  up: 'higher is better',
  down: 'lower is better',
  neutral: 'neither higher nor lower is better',
};

/** A measure's column name in words: `CPP_subsequent_percent` → "CPP subsequent percent". */
export function measureLabel(measure: string): string {
  return measure.replace(/_/g, ' ').replace(/\s+/g, ' ').trim();
}

export function filtersLabel(filters: string): string {
  const pairs = JSON.parse(filters) as [string, string][];
  return pairs.map(([, value]) => value).join(', ');
}

export const shownNumber = (v: number | null) => (v === null ? '–' : formatNumber(Math.round(v * 10) / 10));

/** The sentence under a measure: the latest year, what it rests on, and the rank with its direction. */
export function comparisonSentence(name: string, label: string, latest: ComparisonPoint, direction: Direction): string {
  const ours =
    latest.laValue === null
      ? `${name}'s ${label} for ${latest.timePeriod} is not published (${latest.laMarker ? `“${latest.laMarker}”` : 'no figure'})`
      : `${name}'s ${label} was ${shownNumber(latest.laValue)} in ${latest.timePeriod}`;
  const neighbours =
    latest.neighbourAverage === null
      ? 'no statistical neighbour has a figure'
      : `${shownNumber(latest.neighbourAverage)} on average for ${latest.neighbourCount} statistical ${latest.neighbourCount === 1 ? 'neighbour' : 'neighbours'}`;
  const rank =
    latest.rank === null
      ? direction === 'neutral'
        ? ' Not ranked: neither higher nor lower is better in itself.'
        : ''
      : ` Ranked ${latest.rank} of ${latest.rankOf} (${DIRECTION_WORDS[direction]}), quartile ${latest.quartile}.`;
  return `${ours}, against ${neighbours}, ${shownNumber(latest.regionValue)} for its region and ${shownNumber(latest.englandValue)} for England.${rank}`;
}
