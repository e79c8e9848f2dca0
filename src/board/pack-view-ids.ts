/**
 * The area views a pack can hold, besides indicators and the summary. Apart from pack-views.ts (which
 * builds their tables) so the tables' module can name them without importing the views that use it.
 */
export const PACK_VIEWS = ['EHP1', 'OBP1', 'AQP1', 'PRP1', 'review_timeline'] as const;
export type PackViewId = (typeof PACK_VIEWS)[number];
