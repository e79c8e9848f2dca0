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
