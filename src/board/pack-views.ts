import type { Engine } from '../engine/engine';
import { dimensionValueLabel, orderCategoryKeys } from '../indicators/dimension-values';
import type { Dimension } from '../indicators/indicator-definition';
import { buildPeriods, formatUkDate, type Period } from '../indicators/periods';
import type { PreparedState } from '../indicators/prepare-indicators';
import { cycleEnd } from '../indicators/profile-cycle';
import {
  CLOSURE_REASONS,
  GRADE_PROFILE,
  type ProfileDefinition,
  RECOMMENDATION_STATUS,
  REVIEW_STEPS,
  STANDARD_RATINGS,
} from '../indicators/profiles';
import { type ReviewEvent, reviewEvents, reviewTimeline } from '../indicators/review-timeline';
import { type ProfileCell, runProfile } from '../indicators/run-indicator';
import type { TableDraft } from './pack-tables';
import type { PackViewId } from './pack-view-ids';

export { PACK_VIEWS, type PackViewId } from './pack-view-ids';
export type PackGranularity = 'month' | 'quarter' | 'year';

const PROFILE_OF: Record<Exclude<PackViewId, 'review_timeline'>, ProfileDefinition> = {
  EHP1: CLOSURE_REASONS,
  OBP1: STANDARD_RATINGS,
  AQP1: GRADE_PROFILE,
  PRP1: RECOMMENDATION_STATUS,
};

export const PACK_VIEW_TITLES: Record<PackViewId, string> = {
  EHP1: CLOSURE_REASONS.title,
  OBP1: STANDARD_RATINGS.title,
  AQP1: GRADE_PROFILE.title,
  PRP1: RECOMMENDATION_STATUS.title,
  review_timeline: 'Practice reviews: notification, rapid review and local review',
};

/** The family a view belongs to (for its data's dates). */
export function viewFamily(id: PackViewId) {
  return id === 'review_timeline' ? 'reviews' : PROFILE_OF[id].family;
}

export interface TimelineFigures {
  from: string;
  to: string;
  /** Reviews numbered in date order ("Review 1"): a board pack carries no case reference. */
  rows: {
    label: string;
    events: ReviewEvent[];
  }[];
}

const span = (start: string, end: string, first: string | null) => `${first && start < first ? first : start}|${end}`;

function labelOf(dimension: Dimension | undefined, key: string, known: readonly { key: string; label: string }[]) {
  return known.find((c) => c.key === key)?.label ?? (dimension ? dimensionValueLabel(dimension, key) : key);
}

/** A profile's result as a table draft: rows are its periods, or its categories over one period. */
function draftOf(
  profile: ProfileDefinition,
  id: PackViewId,
  periods: Period[],
  cells: ProfileCell[],
  first: string | null,
): TableDraft {
  const columnKeys = [
    ...profile.columns.map((c) => c.key).filter((k) => cells.some((c) => c.column === k)),
    ...orderCategoryKeys(
      profile.columnDimension,
      cells.map((c) => c.column).filter((k) => !profile.columns.some((c) => c.key === k)),
    ),
  ];
  const whole = span(periods[0]?.start ?? '', periods.at(-1)?.effectiveEnd ?? '', first);
  const byPeriod = profile.rows === 'periods';
  const rows = byPeriod
    ? periods.map((p) => ({ key: p.start, label: p.label, span: span(p.start, p.effectiveEnd, first) }))
    : orderCategoryKeys(
        profile.rowDimension,
        cells.map((c) => c.row),
      ).map((key) => ({
        key,
        label: profile.rowDimension ? dimensionValueLabel(profile.rowDimension, key) : key,
        span: whole,
      }));
  const shares = cells.some((c) => c.total !== null);
  const find = (row: string, column: string) => cells.find((c) => c.row === row && c.column === column);
  const n = rows.map((r) => columnKeys.map((c) => find(r.key, c)?.n ?? (shares ? null : 0)));
  const total = shares ? rows.map((r) => columnKeys.map((c) => find(r.key, c)?.total ?? null)) : null;
  const coverage =
    periods.length === 1
      ? `${periods[0]?.label}${periods[0]?.partial ? ` (to ${formatUkDate(periods[0].effectiveEnd)})` : ''}`
      : `${periods[0]?.label} to ${periods.at(-1)?.label}`;
  return {
    id,
    title: profile.title,
    description: profile.description,
    rowLabel: profile.rowLabel,
    columnLabel: profile.columnLabel,
    coverage,
    periods: byPeriod,
    rows,
    columns: columnKeys.map((key) => ({ key, label: labelOf(profile.columnDimension, key, profile.columns) })),
    n,
    total,
    rowTotals: byPeriod && profile.rowsAddUp !== false,
    rowsAddUp: profile.rowsAddUp !== false,
    span: whole,
    datasets: profile.datasets,
    composes: profile.composes ?? [],
    within: profile.within ?? [],
  };
}

async function timelineOf(
  engine: Engine,
  prepared: PreparedState,
  to: string | undefined,
): Promise<TimelineFigures | null> {
  const family = prepared.families.reviews;
  if (!family.first || !family.reportDate) return null;
  const end = to && to < family.reportDate ? to : family.reportDate;
  const rows = await reviewTimeline(engine, prepared, family.first, end);
  return {
    from: family.first,
    to: end,
    rows: rows.map((r, i) => ({
      label: `Review ${i + 1}`,
      events: reviewEvents(r),
    })),
  };
}

/** The review standards in force (settings PR2, PR3, PR5), in words. */
function standardsText(prepared: PreparedState): string {
  const { prNotificationWorkingDays, prRapidReviewWorkingDays, prLcsprMonths } = prepared.settings;
  return `On time: notified within ${prNotificationWorkingDays} working days of becoming aware, the rapid review sent within ${prRapidReviewWorkingDays} working days of the notification, the local review's final report within ${prLcsprMonths} months of the decision to hold it.`;
}

/** The profile a view's table comes from: the review timeline is published as its steps by period. */
const profileOf = (id: PackViewId) => (id === 'review_timeline' ? REVIEW_STEPS : PROFILE_OF[id]);

/**
 * The views' tables: closure reasons by the pack's period from the start of the data; the category
 * tables over the latest year (the year containing the pack's last date); the review timeline whole —
 * review by review, or, when small numbers are hidden (`published`), its steps counted by period: a
 * review drawn on its own could be counted in a period whose count is hidden.
 */
export async function packViewTables(
  engine: Engine,
  prepared: PreparedState,
  views: readonly PackViewId[],
  granularity: PackGranularity,
  to: string | undefined,
  published: boolean,
): Promise<{ drafts: Map<PackViewId, TableDraft>; timeline: TimelineFigures | null }> {
  const drafts = new Map<PackViewId, TableDraft>();
  let timeline: TimelineFigures | null = null;
  for (const id of views) {
    if (id === 'review_timeline' && !published) {
      timeline = await timelineOf(engine, prepared, to);
      continue;
    }
    const profile = profileOf(id);
    const family = prepared.families[profile.family];
    if (!family.reportDate) continue;
    const last = cycleEnd(profile, to && to < family.reportDate ? to : family.reportDate, family.first);
    const query =
      profile.rows === 'periods' ? { granularity, to } : { granularity: 'year' as const, from: last, to: last };
    const result = await runProfile(engine, prepared, profile, query);
    if (result.status !== 'ok') continue;
    const periods = result.periods.length > 0 ? result.periods : buildPeriods('year', last, last);
    const draft = draftOf(profile, id, periods, result.cells, family.first);
    if (id === 'review_timeline') draft.description = `${draft.description} ${standardsText(prepared)}`;
    drafts.set(id, draft);
  }
  return { drafts, timeline };
}
