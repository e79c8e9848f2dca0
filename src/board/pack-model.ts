import { z } from 'zod';
import { filtersTextSchema } from '../benchmarks/breakdown-filters';
import { eventSchema, MAX_EVENTS, type PartnershipEvent } from '../indicators/events';
import { INDICATORS } from '../indicators/registry';
import { firstProblem } from '../shared/problem-words';
import {
  changesFileSchema,
  minimumCasesFileSchema,
  NO_NOTES,
  notesFromFile,
  notesToFile,
  type PackNotes,
  targetsFileSchema,
} from './pack-notes';
import { PACK_VIEWS } from './pack-views';
import { reportWordsFileSchema, reportWordsFromFile, reportWordsToFile } from './report-words';

/**
 * A board pack: which items, in which order, with the partnership's commentary on each. Choices and
 * words only — never data: the figures are worked out again from whatever is loaded when the pack is
 * opened, presented or exported. Saved in the browser, and exported and imported as a small JSON file
 * checked here (a colleague's pack, last quarter's pack).
 *
 * File versions: 1 is the pack alone; 2 adds, at the top level, the partnership's targets, marked changes
 * and minimum numbers of cases (pack-notes.ts), so that the charts and icons read the same on another
 * laptop; 3 adds the yearly report's own words (report-words.ts) and the events register
 * (indicators/events.ts). Earlier versions are still read (they
 * bring none of what came later); this app writes version 3; a version it does not know is refused with
 * the reason, never read in part.
 */

export const PACK_FORMAT = 'partnership-insight-board-pack';
export const PACK_VERSION = 3;
/** Every version this app reads. */
const READ_VERSIONS = [1, 2, 3] as const;
export const MAX_PACK_BYTES = 512 * 1024;
const MAX_TEXT = 4000;

const indicatorIds = new Set(INDICATORS.map((i) => i.id));
const commentary = z.string().max(MAX_TEXT);
const key = z.string().regex(/^[a-z0-9-]{1,40}$/);

export const packItemSchema = z.discriminatedUnion('kind', [
  z.object({ key, kind: z.literal('summary'), commentary }).strict(),
  z
    .object({
      key,
      kind: z.literal('indicator'),
      indicatorId: z.string().refine((id) => indicatorIds.has(id), { message: 'is not an indicator of this tool' }),
      commentary,
      // Its own periods; none (a file from before) means the pack's. "auto": the finest not mostly hidden.
      granularity: z.enum(['month', 'quarter', 'year', 'auto']).optional(),
    })
    .strict(),
  z.object({ key, kind: z.literal('view'), view: z.enum(PACK_VIEWS), commentary }).strict(),
  // A published-statistics comparison: which file's measure (and breakdown), never its figures.
  z
    .object({
      key,
      kind: z.literal('benchmark'),
      file: z.string().min(1).max(300),
      measure: z.string().min(1).max(200),
      filters: filtersTextSchema,
      commentary,
    })
    .strict(),
]);

export const packSchema = z
  .object({
    format: z.literal(PACK_FORMAT),
    // Read as the current version: what an older file lacks is optional in this one.
    version: z.union(READ_VERSIONS.map((v) => z.literal(v))).transform((): typeof PACK_VERSION => PACK_VERSION),
    title: z.string().min(1).max(200),
    granularity: z.enum(['month', 'quarter', 'year']),
    items: z.array(packItemSchema).max(60),
  })
  .strict();

/** The file: the pack, and (from version 2) the notes that travel with it. */
const packFileSchema = packSchema
  .extend({
    targets: targetsFileSchema.optional(),
    changes: changesFileSchema.optional(),
    minimumCases: minimumCasesFileSchema.optional(),
    narratives: reportWordsFileSchema.optional(),
    events: z.array(eventSchema(indicatorIds)).max(MAX_EVENTS).optional(),
  })
  .strict();

export type BoardPack = z.infer<typeof packSchema>;
export type PackItem = z.infer<typeof packItemSchema>;

let counter = 0;
/** A key for a new item: unique in the pack, stable when items move. */
export function newItemKey(existing: readonly PackItem[]): string {
  const taken = new Set(existing.map((i) => i.key));
  let candidate = '';
  do {
    counter += 1;
    candidate = `item-${Date.now().toString(36)}-${counter}`;
  } while (taken.has(candidate));
  return candidate;
}

/**
 * The pack a partnership starts from: the summary, then each area's headline charts and views. Each
 * chart at the finest periods, from the pack's, that suppression leaves mostly shown (item-figures.ts).
 */
export function defaultPack(): BoardPack {
  const items: PackItem[] = [{ key: 'summary', kind: 'summary', commentary: '' }];
  for (const id of ['EH3', 'EH6', 'TR7', 'OB3', 'AQ2', 'PR3']) {
    items.push({
      key: `indicator-${id.toLowerCase()}`,
      kind: 'indicator',
      indicatorId: id,
      commentary: '',
      granularity: 'auto',
    });
  }
  for (const view of ['EHP1', 'OBP1', 'review_timeline'] as const) {
    items.push({ key: `view-${view.toLowerCase().replace('_', '-')}`, kind: 'view', view, commentary: '' });
  }
  return {
    format: PACK_FORMAT,
    version: PACK_VERSION,
    title: 'Safeguarding partnership board pack',
    granularity: 'quarter',
    items,
  };
}

/** A pack read from a file, with the notes it brings: or why it cannot be used (in words, with where). */
export function parsePack(text: string):
  | {
      ok: true;
      pack: BoardPack;
      notes: PackNotes;
      words: ReadonlyMap<string, string>;
      events: readonly PartnershipEvent[];
    }
  | { ok: false; message: string } {
  if (text.length > MAX_PACK_BYTES) {
    return { ok: false, message: `The file is larger than a board pack can be (${MAX_PACK_BYTES / 1024} KB).` };
  }
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    return { ok: false, message: 'The file is not a board pack: it is not JSON.' };
  }
  const version =
    typeof json === 'object' && json !== null && Object.hasOwn(json, 'version')
      ? (json as { version: unknown }).version
      : null;
  if (typeof version === 'number' && version > PACK_VERSION) {
    return {
      ok: false,
      message: `The pack was saved by a newer version of Partnership Insight (file version ${version}); this one reads versions ${READ_VERSIONS.slice(0, -1).join(', ')} and ${READ_VERSIONS.at(-1)}.`,
    };
  }
  const result = packFileSchema.safeParse(json);
  if (result.success) {
    const { targets, changes, minimumCases, narratives, events = [], ...pack } = result.data;
    const keys = pack.items.map((i) => i.key);
    if (new Set(keys).size !== keys.length) return { ok: false, message: 'Two items of the pack have the same key.' };
    const notes = notesFromFile({ targets, changes, minimumCases });
    if (!notes.ok)
      return { ok: false, message: `The file is not a board pack this version can read: ${notes.message}` };
    const words = reportWordsFromFile(narratives);
    if (!words.ok)
      return { ok: false, message: `The file is not a board pack this version can read: ${words.message}` };
    const ids = events.map((e) => e.id);
    if (new Set(ids).size !== ids.length) return { ok: false, message: 'Two events of the pack have the same id.' };
    return { ok: true, pack, notes: notes.notes, words: words.words, events };
  }
  return { ok: false, message: `The file is not a board pack this version can read: ${firstProblem(result.error)}.` };
}

/** The pack as the JSON file it is exported as, with the notes and the yearly report's words that travel with it. */
export function packJson(
  pack: BoardPack,
  notes: PackNotes = NO_NOTES,
  words: Readonly<Record<string, string>> = {},
  events: readonly PartnershipEvent[] = [],
): string {
  const file = packFileSchema.parse({
    ...packSchema.parse(pack),
    ...notesToFile(notes),
    narratives: reportWordsToFile(words),
    events,
  });
  return `${JSON.stringify(file, null, 2)}\n`;
}
