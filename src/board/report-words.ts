import { z } from 'zod';

/**
 * The yearly report's own words (what the partnership did, the evidence of impact, …) as the board pack
 * file carries them, so that partners drafting on two laptops, or next year's business manager, open
 * the same words. Keyed `<year>:<heading>:<block>` as the app saves them; in the file as a list (never
 * an object keyed by what the file says), in the app as a Map.
 */

export const MAX_WORDS = 8000;
const WORDS_KEY = /^\d{4}:[a-z]{1,20}:[a-z]{1,20}$/;

export const reportWordsFileSchema = z
  .array(
    z
      .object({
        key: z.string().regex(WORDS_KEY),
        text: z.string().max(MAX_WORDS),
      })
      .strict(),
  )
  .max(2000);

export type ReportWordsInFile = z.infer<typeof reportWordsFileSchema>;

/** The words written so far, in key order (blank ones are not words). */
export function reportWordsToFile(words: Readonly<Record<string, string>>): ReportWordsInFile {
  return Object.entries(words)
    .filter(([key, text]) => WORDS_KEY.test(key) && text.trim() !== '' && text.length <= MAX_WORDS)
    .sort(([a], [b]) => a.localeCompare(b))
    .map(([key, text]) => ({ key, text }));
}

/** The file's words as a Map; or why not (a heading twice). */
export function reportWordsFromFile(
  list: ReportWordsInFile | undefined,
): { ok: true; words: ReadonlyMap<string, string> } | { ok: false; message: string } {
  const words = new Map<string, string>();
  for (const { key, text } of list ?? []) {
    if (words.has(key)) return { ok: false, message: `The pack gives the yearly report’s “${key}” twice.` };
    words.set(key, text);
  }
  return { ok: true, words };
}

/**
 * What a pack file's words add to this browser's: every block this browser has no words for takes the
 * file's; where both have different words, this browser's are kept (and counted, to be said).
 */
export function mergeReportWords(
  ours: Readonly<Record<string, string>>,
  theirs: ReadonlyMap<string, string>,
): { added: [string, string][]; kept: number } {
  const mine = new Map(Object.entries(ours).filter(([, text]) => text.trim() !== ''));
  const added: [string, string][] = [];
  let kept = 0;
  for (const [key, text] of theirs) {
    const own = mine.get(key);
    if (own === undefined) added.push([key, text]);
    else if (own !== text) kept += 1;
  }
  return { added, kept };
}
