import { z } from 'zod';
import type { IndicatorDefinition, IndicatorFamily } from './indicator-definition';
import { isIsoDate } from './periods';

/**
 * The events that explain a chart ("a new front door", "Ofsted inspection", "two social workers
 * left"): when, what, and which areas or indicators they concern. Words the partnership writes, never
 * data; saved in the browser, kept with kept data and carried in the board pack file. Shown on every
 * chart they concern, in its table and its words, and next to the figures in the yearly report.
 */
export interface PartnershipEvent {
  id: string;
  date: string;
  title: string;
  description: string;
  /** Areas whose every chart it concerns. */
  areas: readonly IndicatorFamily[];
  /** Indicators it concerns (besides those of its areas). */
  indicators: readonly string[];
}

export const MAX_EVENTS = 500;
const FAMILY_IDS = [
  'early_help',
  'training',
  'obligations',
  'audits',
  'reviews',
] as const satisfies readonly IndicatorFamily[];

/** One event as the browser and the pack file hold it, checked field by field; unknown fields refused. */
export function eventSchema(indicatorIds: ReadonlySet<string>) {
  return z
    .object({
      id: z.string().regex(/^[a-z0-9-]{1,40}$/),
      date: z.string().refine(isIsoDate, { message: 'is not a date (YYYY-MM-DD)' }),
      title: z.string().trim().min(1).max(120),
      description: z.string().max(1000).default(''),
      areas: z.array(z.enum(FAMILY_IDS)).max(FAMILY_IDS.length).default([]),
      indicators: z
        .array(z.string().refine((id) => indicatorIds.has(id), { message: 'is not an indicator of this tool' }))
        .max(200)
        .default([]),
    })
    .strict();
}

/** The events a chart of `indicator` shows, by date. */
export function eventsFor(
  indicator: Pick<IndicatorDefinition, 'id' | 'family'>,
  events: readonly PartnershipEvent[],
): PartnershipEvent[] {
  return events
    .filter((e) => e.areas.includes(indicator.family) || e.indicators.includes(indicator.id))
    .sort((a, b) => a.date.localeCompare(b.date) || a.title.localeCompare(b.title));
}

/** The index of the period a date falls in (start ≤ date ≤ end), or -1 when it is off the chart. */
export function periodIndexOf(points: readonly { periodStart: string; periodEnd: string }[], date: string): number {
  return points.findIndex((p) => p.periodStart <= date && date <= p.periodEnd);
}

/** Each period's events, by the period's index: what a chart marks, its table lists and its words say. */
export function eventsByPeriod(
  points: readonly { periodStart: string; periodEnd: string }[],
  events: readonly PartnershipEvent[],
): Map<number, PartnershipEvent[]> {
  const at = new Map<number, PartnershipEvent[]>();
  for (const event of events) {
    const i = periodIndexOf(points, event.date);
    if (i >= 0) at.set(i, [...(at.get(i) ?? []), event]);
  }
  return at;
}

/** A new event's id: unique among `existing`, stable once made. */
export function newEventId(existing: readonly PartnershipEvent[], now = Date.now()): string {
  const taken = new Set(existing.map((e) => e.id));
  let n = 0;
  let id = `event-${now.toString(36)}`;
  while (taken.has(id)) {
    n += 1;
    id = `event-${now.toString(36)}-${n}`;
  }
  return id;
}

/** The marks a chart draws for its events: each at the index of the period it falls in. */
export function eventMarks(
  byPeriod: ReadonlyMap<number, readonly PartnershipEvent[]>,
): { index: number; date: string; title: string }[] {
  return [...byPeriod].flatMap(([index, list]) => list.map((e) => ({ index, date: e.date, title: e.title })));
}
