import { DATASETS } from '../datasets/registry';
import type { DateOrders } from '../ingest/date-order';
import { type ColumnMappings, parseProfile, toProfile, type ValueMappings } from '../ingest/value-mapping';

/** What the user has taught the app, kept in this browser (mappings only: no child record). */
export interface SavedMappings {
  values: ValueMappings;
  columns: ColumnMappings;
  dates: DateOrders;
}

const MAPPINGS_KEY = 'partnership-insight:value-mappings';

export function readSavedMappings(): SavedMappings {
  try {
    const text = localStorage.getItem(MAPPINGS_KEY);
    const profile = text ? parseProfile(text, DATASETS) : undefined;
    return { values: profile?.values ?? {}, columns: profile?.columns ?? {}, dates: profile?.dateOrders ?? {} };
  } catch {
    // A damaged or outdated entry is ignored rather than breaking the app.
    return { values: {}, columns: {}, dates: {} };
  }
}

export function saveMappings(mappings: SavedMappings): void {
  try {
    localStorage.setItem(MAPPINGS_KEY, JSON.stringify(toProfile(mappings.values, mappings.columns, mappings.dates)));
  } catch {
    // Storage can be full or blocked by policy; mappings then last for this visit only.
  }
}
