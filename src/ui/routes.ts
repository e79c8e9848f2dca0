import { DIMENSIONS, type Dimension, type IndicatorFamily } from '../indicators/indicator-definition';
import { GRANULARITIES, type Granularity, isIsoDate } from '../indicators/periods';
import { ownValue } from '../shared/own';

/**
 * Pages and the view on them (period, filters), named in the address (#/training?period=year&agency=POLICE)
 * so a view can be bookmarked or sent as a link. Never data: only the choices made on screen.
 */
export type Page =
  | { kind: 'data' }
  | { kind: 'overview' }
  | { kind: 'area'; family: IndicatorFamily }
  | { kind: 'definitions' }
  | { kind: 'quality' }
  | { kind: 'templates' }
  | { kind: 'accessibility' };

export interface View {
  granularity?: Granularity;
  /** First period: the one containing this ISO date. */
  from?: string;
  /** Last period: the one containing this ISO date. */
  to?: string;
  filters: Partial<Record<Dimension, string[]>>;
}

export const AREA_PATHS: Record<IndicatorFamily, string> = {
  early_help: 'early-help',
  training: 'training',
  obligations: 'statutory-obligations',
  audits: 'case-file-audits',
  reviews: 'practice-reviews',
};

const SIMPLE: Record<string, Page> = {
  overview: { kind: 'overview' },
  definitions: { kind: 'definitions' },
  'data-quality': { kind: 'quality' },
  templates: { kind: 'templates' },
  accessibility: { kind: 'accessibility' },
};

export function pageFromHash(hash: string): Page {
  const path = hash.replace(/^#\/?/, '').split('?')[0] ?? '';
  const simple = ownValue(SIMPLE, path);
  if (simple) return simple;
  for (const [family, area] of Object.entries(AREA_PATHS)) {
    if (path === area) return { kind: 'area', family: family as IndicatorFamily };
  }
  return { kind: 'data' };
}

/** The view in the address; anything not understood is left out (an old or edited link still opens). */
export function viewFromHash(hash: string): View {
  const query = hash.includes('?') ? hash.slice(hash.indexOf('?') + 1) : '';
  const params = new URLSearchParams(query);
  const view: View = { filters: {} };
  const period = params.get('period');
  if (period && (GRANULARITIES as readonly string[]).includes(period)) view.granularity = period as Granularity;
  const from = params.get('from');
  if (from && isIsoDate(from)) view.from = from;
  const to = params.get('to');
  if (to && isIsoDate(to)) view.to = to;
  for (const dimension of DIMENSIONS) {
    const values = params.getAll(dimension).filter((v) => v.length > 0 && v.length <= 200);
    if (values.length > 0) view.filters[dimension] = [...new Set(values)];
  }
  return view;
}

function pathOf(page: Page): string {
  switch (page.kind) {
    case 'data':
      return '#/';
    case 'area':
      return `#/${AREA_PATHS[page.family]}`;
    case 'quality':
      return '#/data-quality';
    default:
      return `#/${page.kind}`;
  }
}

export function hashOf(page: Page, view?: View): string {
  const path = pathOf(page);
  if (!view) return path;
  const params = new URLSearchParams();
  if (view.granularity) params.set('period', view.granularity);
  if (view.from) params.set('from', view.from);
  if (view.to) params.set('to', view.to);
  for (const dimension of DIMENSIONS) {
    for (const value of view.filters[dimension] ?? []) params.append(dimension, value);
  }
  const query = params.toString();
  return query ? `${path}?${query}` : path;
}

export const samePage = (a: Page, b: Page) => pathOf(a) === pathOf(b);

export function activeFilterCount(view: View): number {
  return Object.values(view.filters).reduce((n, values) => n + (values?.length ?? 0), 0);
}
