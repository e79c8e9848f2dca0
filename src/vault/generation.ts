import { z } from 'zod';
import { fromUtf8, utf8 } from './bytes';
import { openFile, SealedFileProblem, sealFile } from './sealed-file';
import { VaultError } from './vault-error';
import type { VaultFiles } from './vault-files';
import { FORMAT_VERSION } from './vault-header';

/**
 * One generation: what one save wrote — a sealed file per part, then the sealed manifest (the state and
 * the list of parts). Nothing of a generation is read unless the header names it, so a save cut short
 * leaves only leftovers, which the next load removes.
 */
export interface KeptPart {
  /** Lower-case letters, digits and "_", e.g. a table's name. */
  name: string;
  bytes: Uint8Array;
}

export interface KeptSnapshot {
  /** Anything JSON can hold: kept as JSON text. */
  state: unknown;
  parts: KeptPart[];
}

export interface GenerationId {
  generation: number;
  id: string;
}

const PART_NAME = /^[a-z0-9_]+$/;
const GENERATION_FILE = /^g\d+-[0-9a-f]{16}-(?:manifest|part-[a-z0-9_]+)\.sealed$/;

const manifestSchema = z.object({
  format: z.literal(FORMAT_VERSION),
  generation: z.number().int(),
  id: z.string(),
  state: z.unknown(),
  parts: z.array(z.object({ name: z.string().regex(PART_NAME), chunks: z.number().int().min(1), bytes: z.number() })),
});

export function manifestFile({ generation, id }: GenerationId): string {
  return `g${generation}-${id}-manifest.sealed`;
}

export function partFile({ generation, id }: GenerationId, name: string): string {
  return `g${generation}-${id}-part-${name}.sealed`;
}

/** Every file a generation's manifest names, the manifest first. */
export function generationFiles(at: GenerationId, partNames: readonly string[]): string[] {
  return at.generation === 0 ? [] : [manifestFile(at), ...partNames.map((name) => partFile(at, name))];
}

/** Files of generations other than `keep`: leftovers of saves cut short and of replaced generations. */
export function leftoverFiles(names: readonly string[], keep: readonly string[]): string[] {
  return names.filter((name) => GENERATION_FILE.test(name) && !keep.includes(name));
}

function checkParts(parts: readonly KeptPart[]): void {
  const seen = new Set<string>();
  for (const { name } of parts) {
    if (!PART_NAME.test(name))
      throw new Error(`A kept part's name must be lower-case letters, digits and "_": "${name}"`);
    if (seen.has(name)) throw new Error(`Two kept parts are both named "${name}"`);
    seen.add(name);
  }
}

/** Writes every part, then the manifest; the header is not touched. */
export async function writeGeneration(
  files: VaultFiles,
  key: CryptoKey,
  at: GenerationId,
  snapshot: KeptSnapshot,
): Promise<string[]> {
  checkParts(snapshot.parts);
  const listed: z.infer<typeof manifestSchema>['parts'] = [];
  for (const { name, bytes } of snapshot.parts) {
    const { sealed, chunks } = await sealFile(key, bytes, { format: FORMAT_VERSION, ...at, file: `part:${name}` });
    await files.write(partFile(at, name), sealed);
    listed.push({ name, chunks, bytes: bytes.length });
  }
  const manifest = { format: FORMAT_VERSION, ...at, state: snapshot.state, parts: listed };
  const { sealed } = await sealFile(key, utf8(JSON.stringify(manifest)), {
    format: FORMAT_VERSION,
    ...at,
    file: 'manifest',
  });
  await files.write(manifestFile(at), sealed);
  return generationFiles(
    at,
    listed.map((part) => part.name),
  );
}

/** How a reader words what it found: "The kept data" or "This backup", and whether a missing file means cut short. */
export interface ReadWords {
  what: string;
  cannot: string;
  missingIsEarlyEnd: boolean;
}

function problem(words: ReadWords, label: string, error: unknown): VaultError {
  if (error instanceof SealedFileProblem && error.incomplete) {
    return new VaultError('damaged', `${words.what} ends early (${label} is incomplete).`);
  }
  const detail = error instanceof SealedFileProblem ? error.message : 'has been changed or damaged';
  return new VaultError('damaged', `${words.cannot}: ${label} ${detail}.`);
}

async function openOne(
  read: (name: string) => Promise<Uint8Array | null>,
  key: CryptoKey,
  at: GenerationId,
  part: { name: string; chunks: number } | null,
  words: ReadWords,
): Promise<Uint8Array> {
  const label = part ? `part “${part.name}”` : 'its list of contents';
  const sealed = await read(part ? partFile(at, part.name) : manifestFile(at));
  if (!sealed) {
    throw words.missingIsEarlyEnd
      ? new VaultError('damaged', `${words.what} ends early (${label} is incomplete).`)
      : new VaultError('damaged', `${words.cannot}: ${label} is missing.`);
  }
  const file = part ? `part:${part.name}` : 'manifest';
  try {
    return await openFile(key, sealed, { format: FORMAT_VERSION, ...at, file }, part?.chunks);
  } catch (error) {
    throw part ? problem(words, label, error) : problem(words, label, new Error());
  }
}

function parseManifest(plain: Uint8Array, at: GenerationId, words: ReadWords): z.infer<typeof manifestSchema> {
  let parsed: ReturnType<typeof manifestSchema.safeParse> | undefined;
  try {
    parsed = manifestSchema.safeParse(JSON.parse(fromUtf8(plain)));
  } catch {
    parsed = undefined;
  }
  const manifest = parsed?.success ? parsed.data : null;
  if (!manifest || manifest.generation !== at.generation || manifest.id !== at.id) {
    throw new VaultError('damaged', `${words.cannot}: its list of contents has been changed or damaged.`);
  }
  return manifest;
}

/** Opens a generation's manifest: its state and the parts it names (not yet opened). */
export async function readManifest(
  read: (name: string) => Promise<Uint8Array | null>,
  key: CryptoKey,
  at: GenerationId,
  words: ReadWords,
): Promise<z.infer<typeof manifestSchema>> {
  return parseManifest(await openOne(read, key, at, null, words), at, words);
}

/**
 * Opens a whole generation: the manifest, then every part it names, each checked chunk by chunk and for its
 * length. Throws a VaultError naming the first thing wrong.
 */
export async function readGeneration(
  read: (name: string) => Promise<Uint8Array | null>,
  key: CryptoKey,
  at: GenerationId,
  words: ReadWords,
): Promise<{ snapshot: KeptSnapshot; files: string[] }> {
  const manifest = await readManifest(read, key, at, words);
  const parts: KeptPart[] = [];
  for (const part of manifest.parts) {
    const bytes = await openOne(read, key, at, part, words);
    if (bytes.length !== part.bytes) throw problem(words, `part “${part.name}”`, new Error());
    parts.push({ name: part.name, bytes });
  }
  const names = parts.map((part) => part.name);
  return { snapshot: { state: manifest.state, parts }, files: generationFiles(at, names) };
}
