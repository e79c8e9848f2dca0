import { formatUkDate } from '../indicators/periods';
import type { PreparedState } from '../indicators/prepare-indicators';
import { FAMILIES } from '../indicators/registry';
import { APP_VERSION } from '../shared/app-version';

/** The date the figures are as at: one date, or each area's when they differ (short dates unless told). */
export function asAtText(prepared: PreparedState | undefined, format: (iso: string) => string = formatUkDate): string {
  const dates = FAMILIES.flatMap((f) => {
    const date = prepared?.families[f.id].reportDate;
    return date ? [{ title: f.title, date }] : [];
  });
  if (dates.length === 0) return 'no data loaded';
  const distinct = new Set(dates.map((d) => d.date));
  if (distinct.size === 1) return format(dates[0]?.date as string);
  return dates.map((d) => `${d.title} ${format(d.date)}`).join(', ');
}

/** The date the figures are as at, as an ISO date: the latest area's when they differ (none without data). */
export function asAtDate(prepared: PreparedState | undefined): string | undefined {
  const dates = FAMILIES.flatMap((f) => prepared?.families[f.id].reportDate ?? []);
  // ISO dates sort as text.
  return dates.sort().at(-1);
}

function loadedText(loadedAt: string | null): string {
  if (!loadedAt) return 'not recorded';
  const d = new Date(loadedAt);
  const time = d.toLocaleTimeString('en-GB', { hour: '2-digit', minute: '2-digit' });
  return `${formatUkDate(loadedAt.slice(0, 10))} ${time}`;
}

/**
 * What every printed or exported page says about itself: the app version, when the data was loaded,
 * the as-at date, the period, the filters and whether small numbers are suppressed. (Page x of y is
 * added by the print stylesheet.)
 */
export function footerText(options: {
  loadedAt: string | null;
  prepared: PreparedState | undefined;
  period: string;
  filters: string;
  suppressed: boolean;
  /** Practice review counts shown as they are, by the partnership's choice. */
  reviewCountsShown?: boolean;
}): string {
  return [
    `Partnership Insight ${APP_VERSION}`,
    `Data loaded ${loadedText(options.loadedAt)}`,
    `Figures as at ${asAtText(options.prepared)}`,
    options.period,
    `Filters: ${options.filters}`,
    options.suppressed
      ? `Small numbers suppressed (c)${options.reviewCountsShown ? ', but for practice review numbers (notifications, rapid reviews, local reviews), shown as agreed by the partners' : ''}`
      : 'NOT SUPPRESSED: for internal use only',
  ].join(' · ');
}
