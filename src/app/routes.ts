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
  | { kind: 'accessibility' }
  | { kind: 'board-pack'; mode: 'build' | 'present' | 'print' }
  | { kind: 'yearly-report'; mode: 'view' | 'print' }
  | { kind: 'benchmarks' }
  | { kind: 'load-history' }
  | { kind: 'events' };

export interface View {
  granularity?: Granularity;
  /** First period: the one containing this ISO date. */
  from?: string;
  /** Last period: the one containing this ISO date. */
  to?: string;
  filters: Partial<Record<Dimension, string[]>>;
  /** The financial year a yearly report is for: its first calendar year (2024 for 2024-25). */
  year?: number;
  /** The local authority compared on the Published statistics page (old or new code). */
  la?: string;
  /** Parts of the address that were not understood and left out ("colour=red"), to say so on the page. */
  ignored?: string[];
}

export const AREA_PATHS: Record<IndicatorFamily, string> = {
  early_help: 'early-help',
  training: 'training',
  obligations: 'statutory-obligations',
  audits: 'case-file-audits',
  reviews: 'practice-reviews',
  child_protection: 'child-protection',
};

/** Areas whose page hook is their id (`area-early_help`): browser tests and users' scripts find them by it. */
const HOOKED_BY_ID: readonly IndicatorFamily[] = ['early_help', 'training', 'obligations', 'audits', 'reviews'];

/**
 * The page's test hook. Areas added since are hooked by their address (`area-child-protection` for
 * #/child-protection), the form a tester reads off the page; the first areas keep theirs.
 */
export function areaTestId(familyId: IndicatorFamily): string {
  return HOOKED_BY_ID.includes(familyId) ? `area-${familyId}` : `area-${AREA_PATHS[familyId]}`;
}

const SIMPLE: Record<string, Page> = {
  overview: { kind: 'overview' },
  definitions: { kind: 'definitions' },
  'data-quality': { kind: 'quality' },
  templates: { kind: 'templates' },
  accessibility: { kind: 'accessibility' },
  'board-pack': { kind: 'board-pack', mode: 'build' },
  'board-pack/present': { kind: 'board-pack', mode: 'present' },
  'board-pack/print': { kind: 'board-pack', mode: 'print' },
  'yearly-report': { kind: 'yearly-report', mode: 'view' },
  'yearly-report/print': { kind: 'yearly-report', mode: 'print' },
  benchmarks: { kind: 'benchmarks' },
  'load-history': { kind: 'load-history' },
  events: { kind: 'events' },
};

/** Every page's address apart from the Data page ('#/') and the areas (AREA_PATHS). */
export const PAGE_PATHS: readonly string[] = Object.keys(SIMPLE);

export function pageFromHash(hash: string): Page {
  const path = hash.replace(/^#\/?/, '').split('?')[0] ?? '';
  const simple = ownValue(SIMPLE, path);
  if (simple) return simple;
  for (const [family, area] of Object.entries(AREA_PATHS)) {
    if (path === area) return { kind: 'area', family: family as IndicatorFamily };
  }
  return { kind: 'data' };
}

const MAX_VALUE_LENGTH = 200;

/** One part of the address as shown in a note: short, whatever was typed. */
function shown(key: string, value: string): string {
  const text = `${key}=${value}`;
  return text.length > 60 ? `${text.slice(0, 57)}…` : text;
}

/**
 * The view in the address. Anything not understood (an unknown name, a period or date it cannot read,
 * an over-long value) is left out and listed in `ignored`, so an old or edited link still opens and
 * the page can say what it left out.
 */
export function viewFromHash(hash: string): View {
  const query = hash.includes('?') ? hash.slice(hash.indexOf('?') + 1) : '';
  const view: View = { filters: {} };
  const ignored: string[] = [];
  const dimensions = new Set<string>(DIMENSIONS);
  for (const [key, value] of new URLSearchParams(query)) {
    if (value === '') continue;
    if (key === 'period' && (GRANULARITIES as readonly string[]).includes(value))
      view.granularity = value as Granularity;
    else if ((key === 'from' || key === 'to') && isIsoDate(value)) view[key] = value;
    else if (key === 'year' && /^20\d\d$/.test(value)) view.year = Number(value);
    else if (key === 'la' && /^([0-9]{3}|[A-Z][0-9]{8})$/.test(value)) view.la = value;
    else if (dimensions.has(key) && value.length <= MAX_VALUE_LENGTH) {
      const dimension = key as Dimension;
      view.filters[dimension] = [...new Set([...(view.filters[dimension] ?? []), value])];
    } else ignored.push(shown(key, value));
  }
  if (ignored.length > 0) view.ignored = ignored;
  return view;
}

/**
 * Splits a view's filters into values the loaded data has and values it does not (an edited or old
 * link: `agency=__proto__`). Filters on dimensions whose values are not known yet are kept.
 */
export function splitFilters(
  filters: View['filters'],
  known: Partial<Record<Dimension, readonly string[]>> | undefined,
): { applied: View['filters']; unknown: { dimension: Dimension; value: string }[] } {
  const applied: View['filters'] = {};
  const unknown: { dimension: Dimension; value: string }[] = [];
  for (const dimension of DIMENSIONS) {
    const values = filters[dimension];
    if (!values) continue;
    const present = known?.[dimension];
    const keep = present ? values.filter((v) => present.includes(v)) : values;
    for (const value of values) if (!keep.includes(value)) unknown.push({ dimension, value });
    if (keep.length > 0) applied[dimension] = keep;
  }
  return { applied, unknown };
}

function pathOf(page: Page): string {
  switch (page.kind) {
    case 'data':
      return '#/';
    case 'area':
      return `#/${AREA_PATHS[page.family]}`;
    case 'quality':
      return '#/data-quality';
    case 'board-pack':
      return page.mode === 'build' ? '#/board-pack' : `#/board-pack/${page.mode}`;
    case 'yearly-report':
      return page.mode === 'view' ? '#/yearly-report' : '#/yearly-report/print';
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
  if (view.year) params.set('year', String(view.year));
  if (view.la) params.set('la', view.la);
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
