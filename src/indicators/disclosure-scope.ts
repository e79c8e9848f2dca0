import { findDataset } from '../datasets/registry';

/**
 * Whether small numbers in an indicator's or a profile's counts are suppressed when published: when it
 * counts records about children and families (early help episodes, audited cases, practice reviews).
 * Counts of professionals (training) and of organisations (Section 11 and 175/157 returns, review
 * recommendations, audit actions) are not personal data and are published as they are.
 */
export function countsAboutChildren(item: { datasets: readonly string[] }): boolean {
  return item.datasets.some((id) => findDataset(id)?.about === 'children');
}

/**
 * Datasets whose counts a partnership may choose to publish as they are: serious incident notifications
 * and rapid reviews, which most yearly reports give, small as they are. Off unless chosen.
 */
const SHOWN_BY_CHOICE: ReadonlySet<string> = new Set(['practice_reviews']);

/** Whether small numbers in an item's counts are hidden, given whether review counts are shown by choice. */
export function countsProtected(item: { datasets: readonly string[] }, reviewCountsShown: boolean): boolean {
  if (!countsAboutChildren(item)) return false;
  return !(reviewCountsShown && item.datasets.every((id) => SHOWN_BY_CHOICE.has(id)));
}
