import { z } from 'zod';
import { fromUtf8, randomHex, utf8 } from './bytes';
import {
  CHUNK_BYTES,
  openFile,
  openFilePieces,
  type SealedFileContext,
  SealedFileProblem,
  sealedFrameDigest,
  sealFile,
} from './sealed-file';
import { VaultError } from './vault-error';
import type { VaultFiles } from './vault-files';
import { FORMAT_VERSION } from './vault-header';

/**
 * One generation: what one save made current — its sealed manifest (the state and the list of parts), and
 * the part files that manifest names. A part file has a random id of its own, so a part that did not change
 * since the last save is carried over: the new manifest names the file the last one named, and nothing of
 * it is written again. Nothing is read unless the header's generation names it, so a save cut short leaves
 * only leftovers, which the next load removes.
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

/**
 * A part being opened: its plaintext a piece at a time, in order, each piece checked as it opens; the
 * checks of the whole file (its length, its hash) come after the last piece. So nothing read from it may
 * be relied on until it has been read to the end without an error.
 */
export interface KeptPartStream {
  name: string;
  /** Its length in bytes, as the manifest lists it. */
  length: number;
  pieces(): AsyncGenerator<Uint8Array>;
}

export interface KeptStream {
  state: unknown;
  parts: KeptPartStream[];
}

/** A part to save: `bytes: null` means "unchanged since the last save: keep the last save's part". */
export interface SavedPart {
  name: string;
  bytes: Uint8Array | null;
}

export interface SaveSnapshot {
  state: unknown;
  parts: SavedPart[];
}

export interface GenerationId {
  generation: number;
  id: string;
}

const PART_NAME = /^[a-z0-9_]+$/;
const HEX16 = /^[0-9a-f]{16}$/;
/** Every file a save writes, of any generation, carried over or left over (and those of format 1). */
const SAVED_FILE = /^(?:g\d+-[0-9a-f]{16}-[a-z0-9_-]+|p-[0-9a-f]{16}-[a-z0-9_]+)\.sealed$/;

const listedPartSchema = z.object({
  name: z.string().regex(PART_NAME),
  /** The part file's own random id: its chunks are bound to it. */
  id: z.string().regex(HEX16),
  chunks: z.number().int().min(1),
  bytes: z.number().int().nonnegative(),
  /**
   * What pins the sealed file as written (docs/security.md says why): the SHA-256 of its frame, each
   * chunk's length, IV and tag (sealedFrameDigest).
   */
  frame: z.string().regex(/^[0-9a-f]{64}$/),
});

export type ListedPart = z.infer<typeof listedPartSchema>;

const manifestSchema = z.object({
  format: z.literal(FORMAT_VERSION),
  generation: z.number().int(),
  id: z.string(),
  state: z.unknown(),
  parts: z.array(listedPartSchema),
});

export type Manifest = z.infer<typeof manifestSchema>;

export function manifestFile({ generation, id }: GenerationId): string {
  return `g${generation}-${id}-manifest.sealed`;
}

export function partFile(part: Pick<ListedPart, 'id' | 'name'>): string {
  return `p-${part.id}-${part.name}.sealed`;
}

/** Every file a generation's manifest names, the manifest first. */
export function generationFiles(at: GenerationId, parts: readonly Pick<ListedPart, 'id' | 'name'>[]): string[] {
  return at.generation === 0 ? [] : [manifestFile(at), ...parts.map(partFile)];
}

/** Saved files not in `keep`: leftovers of saves cut short, and what no current manifest names. */
export function leftoverFiles(names: readonly string[], keep: readonly string[]): string[] {
  return names.filter((name) => SAVED_FILE.test(name) && !keep.includes(name));
}

const manifestContext = (at: GenerationId): SealedFileContext => ({ format: FORMAT_VERSION, file: 'manifest', ...at });
const partContext = (part: Pick<ListedPart, 'id' | 'name'>): SealedFileContext => ({
  format: FORMAT_VERSION,
  file: 'part',
  id: part.id,
  name: part.name,
});

function checkParts(parts: readonly SavedPart[]): void {
  const seen = new Set<string>();
  for (const { name } of parts) {
    if (!PART_NAME.test(name))
      throw new Error(`A kept part's name must be lower-case letters, digits and "_": "${name}"`);
    if (seen.has(name)) throw new Error(`Two kept parts are both named "${name}"`);
    seen.add(name);
  }
}

/**
 * The last save's entry for each part given as unchanged; refused in words, before anything is written,
 * when the last save has no such part or its file is gone (a complete save then puts things right).
 */
async function carriedParts(
  files: VaultFiles,
  parts: readonly SavedPart[],
  previous: readonly ListedPart[],
): Promise<Map<string, ListedPart>> {
  const carried = new Map<string, ListedPart>();
  const unchanged = parts.filter((part) => part.bytes === null);
  if (unchanged.length === 0) return carried;
  const present = new Set(await files.list());
  for (const { name } of unchanged) {
    const last = previous.find((part) => part.name === name);
    if (!last) throw new Error(`The part “${name}” cannot be kept unchanged: the last save holds no such part.`);
    if (!present.has(partFile(last))) {
      throw new Error(`The part “${name}” cannot be kept unchanged: the last save’s file of it is missing.`);
    }
    carried.set(name, last);
  }
  return carried;
}

/**
 * Writes every changed part (each under a new random id), then the manifest; the header is not touched.
 * `previous` is the current generation's list of parts, from which unchanged parts are carried over.
 * Returns the files the new generation names.
 */
export async function writeGeneration(
  files: VaultFiles,
  key: CryptoKey,
  at: GenerationId,
  snapshot: SaveSnapshot,
  previous: readonly ListedPart[],
): Promise<string[]> {
  checkParts(snapshot.parts);
  const carried = await carriedParts(files, snapshot.parts, previous);
  const listed: ListedPart[] = [];
  for (const { name, bytes } of snapshot.parts) {
    const kept = carried.get(name);
    if (kept || !bytes) {
      listed.push(kept as ListedPart);
      continue;
    }
    const part = { name, id: randomHex(8) };
    const { sealed, chunks } = await sealFile(key, bytes, partContext(part), CHUNK_BYTES, 'none');
    await files.write(partFile(part), sealed);
    const frame = (await sealedFrameDigest(sealed)) as string;
    listed.push({ ...part, chunks, bytes: bytes.length, frame });
  }
  const manifest: Manifest = { format: FORMAT_VERSION, ...at, state: snapshot.state, parts: listed };
  const { sealed } = await sealFile(key, utf8(JSON.stringify(manifest)), manifestContext(at));
  await files.write(manifestFile(at), sealed);
  return generationFiles(at, listed);
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

type Read = (name: string) => Promise<Uint8Array | null>;

async function readSealed(read: Read, name: string, label: string, words: ReadWords): Promise<Uint8Array> {
  const sealed = await read(name);
  if (sealed) return sealed;
  throw words.missingIsEarlyEnd
    ? new VaultError('damaged', `${words.what} ends early (${label} is incomplete).`)
    : new VaultError('damaged', `${words.cannot}: ${label} is missing.`);
}

/**
 * One part's plaintext: every chunk opens under the part's id and name, the count and length are those the
 * manifest recorded, and the file is the very one that save wrote (its SHA-256).
 */
async function openPart(read: Read, key: CryptoKey, part: ListedPart, words: ReadWords): Promise<Uint8Array> {
  const label = `part “${part.name}”`;
  const sealed = await readSealed(read, partFile(part), label, words);
  // The file's hash is worked out while the chunks open (both by the browser's crypto, off this thread).
  const pinned = pinnedBy(sealed, part);
  let plain: Uint8Array;
  try {
    plain = await openFile(key, sealed, partContext(part), part.chunks, 'none');
  } catch (error) {
    throw problem(words, label, error);
  } finally {
    await pinned.catch(() => undefined);
  }
  if (!(await pinned)) throw replaced(words, label);
  if (plain.length !== part.bytes) throw problem(words, label, new Error());
  return plain;
}

function parseManifest(plain: Uint8Array, at: GenerationId, words: ReadWords): Manifest {
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
export async function readManifest(read: Read, key: CryptoKey, at: GenerationId, words: ReadWords): Promise<Manifest> {
  const label = 'its list of contents';
  const sealed = await readSealed(read, manifestFile(at), label, words);
  let plain: Uint8Array;
  try {
    plain = await openFile(key, sealed, manifestContext(at));
  } catch {
    throw problem(words, label, new Error());
  }
  return parseManifest(plain, at, words);
}

/** A part's plaintext a piece at a time (KeptPartStream), then its length and hash checked. */
async function* partPieces(key: CryptoKey, sealed: Uint8Array, part: ListedPart, words: ReadWords) {
  const label = `part “${part.name}”`;
  if (!(await pinnedBy(sealed, part))) {
    // Not the file that was saved: nothing of it is given out. Opened whole, its damage is named chunk
    // by chunk as a load names it; if every chunk opens, it was replaced.
    await openPart(async () => sealed, key, part, words);
    throw replaced(words, label);
  }
  let length = 0;
  try {
    for await (const piece of openFilePieces(key, sealed, partContext(part), part.chunks)) {
      length += piece.length;
      yield piece;
    }
  } catch (error) {
    throw problem(words, label, error);
  }
  if (length !== part.bytes) throw problem(words, label, new Error());
}

/** Whether a part file is the very one the manifest lists (its frame's hash). */
async function pinnedBy(sealed: Uint8Array, part: ListedPart): Promise<boolean> {
  return (await sealedFrameDigest(sealed)) === part.frame;
}

const replaced = (words: ReadWords, label: string) =>
  new VaultError('damaged', `${words.cannot}: ${label} is not the file that was saved (it has been replaced).`);

/**
 * A generation read for streaming: the manifest opened, every part file it names read (so a later save
 * cannot take one away), each part's chunks opened only as its reader asks (KeptPartStream).
 */
export async function readGenerationStream(
  read: Read,
  key: CryptoKey,
  at: GenerationId,
  words: ReadWords,
): Promise<{ snapshot: KeptStream; files: string[] }> {
  const manifest = await readManifest(read, key, at, words);
  const parts: KeptPartStream[] = [];
  for (const part of manifest.parts) {
    const sealed = await readSealed(read, partFile(part), `part “${part.name}”`, words);
    parts.push({ name: part.name, length: part.bytes, pieces: () => partPieces(key, sealed, part, words) });
  }
  return { snapshot: { state: manifest.state, parts }, files: generationFiles(at, manifest.parts) };
}

/**
 * Opens a whole generation: the manifest, then every part it names, each checked chunk by chunk, for its
 * length and for being the file that was saved. Throws a VaultError naming the first thing wrong.
 */
export async function readGeneration(
  read: Read,
  key: CryptoKey,
  at: GenerationId,
  words: ReadWords,
): Promise<{ snapshot: KeptSnapshot; files: string[] }> {
  const manifest = await readManifest(read, key, at, words);
  const parts: KeptPart[] = [];
  for (const part of manifest.parts) parts.push({ name: part.name, bytes: await openPart(read, key, part, words) });
  return { snapshot: { state: manifest.state, parts }, files: generationFiles(at, manifest.parts) };
}
