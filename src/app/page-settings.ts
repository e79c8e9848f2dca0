import { BENCHMARK_SETTINGS_KEY } from '../session/benchmark-settings';
import { BOARD_PACK_KEYS } from '../session/board-pack';
import { NOTES_KEY } from '../session/chart-notes';
import { SETTINGS_KEY } from '../session/indicator-settings';
import { KEPT } from '../session/kept-in-browser';
import { MAPPINGS_KEY } from '../session/saved-mappings';
import { TARGETS_KEY } from '../session/targets';
import type { Page } from './routes';

/**
 * What each page keeps in this browser, for its "Reset this page's saved settings": the entries it
 * reads that could be behind a failure. The yearly report's own words are never among them (the pack
 * and the switch are); nothing is deleted in any case — a reset sets entries aside (stored.ts).
 */
export function savedKeysOf(page: Page): readonly string[] {
  switch (page.kind) {
    case 'board-pack':
      return [BOARD_PACK_KEYS.pack];
    case 'yearly-report':
      return [BOARD_PACK_KEYS.pack, BOARD_PACK_KEYS.reviewCounts];
    case 'overview':
    case 'area':
      return [SETTINGS_KEY, TARGETS_KEY, NOTES_KEY];
    case 'definitions':
      return [SETTINGS_KEY];
    case 'benchmarks':
      return [BENCHMARK_SETTINGS_KEY];
    case 'data':
      return [MAPPINGS_KEY];
    default:
      return [];
  }
}

/** What an entry is, in words (from the start page's list). */
export const keptWhat = (key: string) => KEPT.find((k) => k.key === key)?.what ?? key;
