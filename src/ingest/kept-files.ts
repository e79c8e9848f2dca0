import { z } from 'zod';

/**
 * What an ingest session knows of the files it loaded, kept with their rows on this computer: the next
 * file id (new loads never reuse a kept one) and each loaded file's fingerprint (the same file dropped
 * again is still recognised). The files' bytes are not kept, so a kept file cannot be loaded again.
 */
export const keptFilesSchema = z.object({
  nextFileId: z.number().int().positive(),
  /** Content fingerprint and the name of the file loaded with it. */
  loaded: z.array(z.tuple([z.string().min(1), z.string()])),
});

export type KeptFiles = z.infer<typeof keptFilesSchema>;
