import type { SpcResult } from './spc';

/**
 * A rebase the chart suggests, never makes: when the latest judged periods are a shift (7 or more in a
 * row on one side of the mean, NHS Making Data Count) that has held to now, the process has likely
 * changed where the run began — the limits could be worked out again from there. Offered with the
 * reason; the partnership decides (and says why) by marking the change.
 */
export interface RebaseSuggestion {
  /** The first period of the shift: where the limits would start again. */
  index: number;
  length: number;
  side: 'above' | 'below';
  reason: string;
}

export function suggestRebase(
  spc: Pick<SpcResult, 'points' | 'chart'>,
  labels: readonly string[],
  changes: readonly { index: number }[],
): RebaseSuggestion | null {
  if (spc.chart !== 'xmr') return null;
  const judged = spc.points.map((p, i) => ({ p, i })).filter(({ p }) => !p.excluded && p.value !== null);
  const last = judged.at(-1);
  if (!last?.p.rules.shift || last.p.centre === null || last.p.value === null) return null;
  const above = last.p.value > last.p.centre;
  let start = last.i;
  for (let k = judged.length - 2; k >= 0; k -= 1) {
    const { p, i } = judged[k] as (typeof judged)[number];
    const sameSide = p.value !== null && p.centre !== null && p.value !== p.centre && p.value > p.centre === above;
    if (!p.rules.shift || !sameSide || p.phase !== last.p.phase) break;
    start = i;
  }
  const length = judged.filter(({ i }) => i >= start).length;
  // Already rebased there: nothing to suggest.
  if (length < 7 || changes.some((c) => c.index === start)) return null;
  const side = above ? 'above' : 'below';
  const from = labels[start] ?? '';
  return {
    index: start,
    length,
    side,
    reason: `A shift: ${length} periods in a row ${side} the mean since ${from}, to the latest. The process has likely changed there: the limits could be worked out again from ${from}.`,
  };
}
