import { z } from 'zod';
import { INDICATORS } from '../indicators/registry';
import { PACK_VIEWS } from './pack-views';

/**
 * A board pack: which items, in which order, with the partnership's commentary on each. Choices and
 * words only — never data: the figures are worked out again from whatever is loaded when the pack is
 * opened, presented or exported. Saved in the browser, and exported and imported as a small JSON file
 * checked here (a colleague's pack, last quarter's pack).
 */

export const PACK_FORMAT = 'partnership-insight-board-pack';
export const PACK_VERSION = 1;
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
      filters: z.string().max(2000),
      commentary,
    })
    .strict(),
]);

export const packSchema = z
  .object({
    format: z.literal(PACK_FORMAT),
    version: z.literal(PACK_VERSION),
    title: z.string().min(1).max(200),
    granularity: z.enum(['month', 'quarter', 'year']),
    items: z.array(packItemSchema).max(60),
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

/** A pack read from a file: the pack, or why it cannot be used (in words, with where). */
export function parsePack(text: string): { ok: true; pack: BoardPack } | { ok: false; message: string } {
  if (text.length > MAX_PACK_BYTES) {
    return { ok: false, message: `The file is larger than a board pack can be (${MAX_PACK_BYTES / 1024} KB).` };
  }
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    return { ok: false, message: 'The file is not a board pack: it is not JSON.' };
  }
  const result = packSchema.safeParse(json);
  if (result.success) {
    const keys = result.data.items.map((i) => i.key);
    if (new Set(keys).size !== keys.length) return { ok: false, message: 'Two items of the pack have the same key.' };
    return { ok: true, pack: result.data };
  }
  const issue = result.error.issues[0];
  const where = issue?.path.length ? ` (at ${issue.path.join(' › ')})` : '';
  return {
    ok: false,
    message: `The file is not a board pack this version can read: ${issue?.message ?? 'unknown'}${where}.`,
  };
}

/** The pack as the JSON file it is exported as. */
export function packJson(pack: BoardPack): string {
  return `${JSON.stringify(packSchema.parse(pack), null, 2)}\n`;
}
