import type { IndicatorFamily } from '../indicators/indicator-definition';

/** Pages, named in the address (#/training) so they can be bookmarked; nothing else is kept there. */
export type Page =
  | { kind: 'data' }
  | { kind: 'area'; family: IndicatorFamily }
  | { kind: 'definitions' }
  | { kind: 'quality' }
  | { kind: 'templates' };

export const AREA_PATHS: Record<IndicatorFamily, string> = {
  early_help: 'early-help',
  training: 'training',
  obligations: 'statutory-obligations',
  audits: 'case-file-audits',
  reviews: 'practice-reviews',
};

export function pageFromHash(hash: string): Page {
  const path = hash.replace(/^#\/?/, '').split(/[?#]/)[0] ?? '';
  if (path.startsWith('templates')) return { kind: 'templates' };
  if (path.startsWith('data-quality')) return { kind: 'quality' };
  if (path.startsWith('definitions')) return { kind: 'definitions' };
  for (const [family, area] of Object.entries(AREA_PATHS)) {
    if (path === area) return { kind: 'area', family: family as IndicatorFamily };
  }
  return { kind: 'data' };
}

export function hashOf(page: Page): string {
  switch (page.kind) {
    case 'data':
      return '#/';
    case 'area':
      return `#/${AREA_PATHS[page.family]}`;
    case 'definitions':
      return '#/definitions';
    case 'quality':
      return '#/data-quality';
    case 'templates':
      return '#/templates';
  }
}
