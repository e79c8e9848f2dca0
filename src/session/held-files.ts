import { z } from 'zod';
import { readStored, schemaCheck } from './stored';

/**
 * What this tab holds, by file name and rows, kept in the tab's session storage: loaded data lives
 * only in the page, so after a reload the Data page can say what the reload cleared. Names and counts
 * only, never a row; session storage belongs to the tab and is gone when it closes.
 */
export interface HeldFile {
  fileId: number;
  name: string;
  rows: number;
}

export interface HeldFiles {
  files: HeldFile[];
  /** When the last of them was loaded (ISO date and time). */
  loadedAt: string | null;
}

const KEY = 'partnership-insight:held-files';

const heldSchema = z.object({
  files: z
    .array(z.object({ fileId: z.number().int(), name: z.string().max(5000), rows: z.number().int().min(0) }))
    .max(500),
  loadedAt: z.string().max(40).nullable(),
});

/** What the tab held before the page was (re)loaded; nothing when it held nothing. */
export function readHeldFiles(): HeldFiles | null {
  let storage: Storage;
  try {
    storage = sessionStorage;
  } catch {
    return null;
  }
  const held = readStored<HeldFiles | null>(KEY, schemaCheck(heldSchema), () => null, storage);
  return held && held.files.length > 0 ? held : null;
}

/** Remembers what the tab holds now (nothing: forgets). */
export function saveHeldFiles(held: HeldFiles): void {
  try {
    if (held.files.length === 0) sessionStorage.removeItem(KEY);
    else sessionStorage.setItem(KEY, JSON.stringify(held));
  } catch {
    // Storage can be blocked by policy: the note after a reload is then not shown.
  }
}
