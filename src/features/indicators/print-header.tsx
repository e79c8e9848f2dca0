import type { View } from '../../app/routes';
import { footerText } from '../../board/page-footer';
import { dimensionValueLabel } from '../../indicators/dimension-values';
import type { Dimension } from '../../indicators/indicator-definition';
import { DIMENSION_LABELS } from '../../indicators/indicator-definition';
import { formatUkDate, GRANULARITY_LABELS, type Granularity } from '../../indicators/periods';
import type { PreparedState } from '../../indicators/prepare-indicators';
import { useLoadedAt } from '../../session/app-data';

/** The filters of a view in words ("Agency: Police; Age band: 0–4"), or "none (the whole partnership)". */
export function filtersText(filters: View['filters']): string {
  const parts = Object.entries(filters).flatMap(([d, values]) =>
    values && values.length > 0
      ? [`${DIMENSION_LABELS[d as Dimension]}: ${values.map((v) => dimensionValueLabel(d as Dimension, v)).join(', ')}`]
      : [],
  );
  return parts.length > 0 ? parts.join('; ') : 'none (the whole partnership)';
}

/**
 * What a printed area page says at its top: the app version, when the data was loaded, the as-at date,
 * the period and dates shown, the filters applied, and that small numbers are shown (area pages are for
 * the partnership's own use; the board pack publishes). Shown only on paper.
 */
export function PrintHeader({
  prepared,
  view,
  granularity,
  first,
  last,
}: {
  prepared: PreparedState;
  view: View;
  granularity: Granularity;
  first: string;
  last: string;
}) {
  const loadedAt = useLoadedAt();
  const from = formatUkDate(view.from ?? first);
  const to = formatUkDate(view.to && view.to < last ? view.to : last);
  const text = footerText({
    loadedAt,
    prepared,
    period: `${GRANULARITY_LABELS[granularity]}, ${from} to ${to}`,
    filters: filtersText(view.filters),
    suppressed: false,
  });
  return (
    <p className="print-only print-header" data-testid="print-header">
      Printed {formatUkDate(new Date().toISOString().slice(0, 10))} · {text}
    </p>
  );
}
