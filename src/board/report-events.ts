import { eventsByPeriod, eventsFor, type PartnershipEvent } from '../indicators/events';
import type { IndicatorDefinition } from '../indicators/indicator-definition';
import { formatLongDate } from '../indicators/periods';

/** Events in a line of words, as a slide, a note or a document says them. */
export function eventsLine(events: readonly { date: string; title: string }[]): string {
  return `Events: ${events.map((e) => `${e.title} (${formatLongDate(e.date)})`).join('; ')}.`;
}

/** The events a chart of `indicator` over `points` shows (those falling in its periods), by date. */
export function chartEvents(
  indicator: Pick<IndicatorDefinition, 'id' | 'family'>,
  points: readonly { periodStart: string; periodEnd: string }[],
  events: readonly PartnershipEvent[],
): PartnershipEvent[] {
  return [...eventsByPeriod(points, eventsFor(indicator, events)).values()].flat();
}

/** The events of some indicators' charts between two dates (a yearly report's year), each once, by date. */
export function eventsBetween(
  indicators: readonly Pick<IndicatorDefinition, 'id' | 'family'>[],
  from: string,
  to: string,
  events: readonly PartnershipEvent[],
): PartnershipEvent[] {
  const concerned = events.filter((e) => indicators.some((i) => eventsFor(i, [e]).length > 0));
  return concerned.filter((e) => e.date >= from && e.date <= to).sort((a, b) => a.date.localeCompare(b.date));
}
