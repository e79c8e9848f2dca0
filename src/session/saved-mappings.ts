import { DATASETS } from '../datasets/registry';
import type { DateOrders } from '../ingest/date-order';
import { type ColumnMappings, parseProfile, toProfile, type ValueMappings } from '../ingest/value-mapping';
import { readStored, writeStored } from './stored';

/** What the user has taught the app, kept in this browser (mappings only: no child record). */
export interface SavedMappings {
  values: ValueMappings;
  columns: ColumnMappings;
  dates: DateOrders;
}

export const MAPPINGS_KEY = 'partnership-insight:value-mappings';

export const NO_MAPPINGS: SavedMappings = { values: {}, columns: {}, dates: {} };

/**
 * Read back as a mapping profile file is (parseProfile throws its reason in words); a damaged or
 * outdated entry is set aside, with a notice, rather than breaking the app (stored.ts).
 */
export function readSavedMappings(): SavedMappings {
  return readStored(
    MAPPINGS_KEY,
    (text) => {
      const profile = parseProfile(text, DATASETS);
      return {
        ok: true,
        value: { values: profile.values, columns: profile.columns ?? {}, dates: profile.dateOrders ?? {} },
      };
    },
    () => NO_MAPPINGS,
  );
}

export function saveMappings(mappings: SavedMappings): void {
  // Storage can be full or blocked by policy; mappings then last for this visit only.
  writeStored(MAPPINGS_KEY, toProfile(mappings.values, mappings.columns, mappings.dates));
}
