import { z } from 'zod';

/**
 * A published measure's breakdown, as it is stored and as a board pack names it: JSON text of
 * [column, value] pairs (`[["characteristic","Total"]]`, `[]` for none) — see filtersKey in
 * published-store.ts. Text from a file or from browser storage is parsed completely here, never with a
 * bare JSON.parse where it is shown: bad text is refused where it is read ("item 3: filters is not valid").
 */
export const MAX_FILTERS_TEXT = 2000;

// The text's length bounds the pairs.
const pairsSchema = z.array(z.tuple([z.string(), z.string()]));

export type FilterPairs = z.infer<typeof pairsSchema>;

/** The pairs of a breakdown's text, or null when the text is not such a list. */
export function filterPairs(text: string): FilterPairs | null {
  if (text.length > MAX_FILTERS_TEXT) return null;
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    return null;
  }
  const parsed = pairsSchema.safeParse(json);
  return parsed.success ? parsed.data : null;
}

/** The breakdown's text, accepted only when it is a list of [column, value] pairs. */
export const filtersTextSchema = z
  .string()
  .max(MAX_FILTERS_TEXT)
  .refine((text) => filterPairs(text) !== null, { message: 'is not valid (a list of [column, value] pairs)' });
