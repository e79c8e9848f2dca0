import { decodeBackup, encodeBackup } from './backup-file';
import { type Bytes, fromBase64, randomBytes, randomHex, utf8 } from './bytes';
import {
  generationFiles,
  type KeptSnapshot,
  type KeptStream,
  type ListedPart,
  leftoverFiles,
  partFile,
  type ReadWords,
  readGeneration,
  readGenerationStream,
  readManifest,
  type SaveSnapshot,
  writeGeneration,
} from './generation';
import { deriveKek, newWrappedDataKey, PBKDF2_ITERATIONS, unwrapDataKey } from './keys';
import { passphraseHint } from './passphrase-hint';
import { VaultError } from './vault-error';
import type { VaultFiles } from './vault-files';
import {
  HEADER_FILE,
  headerFields,
  headerSealHolds,
  headerText,
  parseHeader,
  readHeaderBytes,
  sealHeader,
  type VaultHeader,
} from './vault-header';

/**
 * The encrypted vault: data kept on this computer under a passphrase. The passphrase unwraps a random data
 * key; every save writes a new generation (the parts that changed, then a sealed manifest naming them and
 * the unchanged parts it carries over), then switches the header to it, then removes every file it does not
 * name, so a failure or a closed tab at any point leaves the previous generation whole. docs/security.md
 * tells what it protects against, and the formats.
 */
export type { KeptPart, KeptPartStream, KeptSnapshot, KeptStream, SavedPart, SaveSnapshot } from './generation';
export { PBKDF2_ITERATIONS } from './keys';
export { passphraseHint } from './passphrase-hint';
export { VaultError, type VaultErrorReason } from './vault-error';

export interface Vault {
  /** Writes a new generation (every part whose bytes are given, then the sealed manifest), then switches the
   *  header to it, then removes every file it does not name. A part with `bytes: null` is unchanged since the
   *  last save: the last save's file of it is carried over (refused in words when there is none). A failure
   *  or a closed tab at any point leaves the previous generation whole. */
  save(snapshot: SaveSnapshot): Promise<void>;
  /** Null when nothing is saved yet; leftovers of unfinished saves are removed. */
  load(): Promise<KeptSnapshot | null>;
  /**
   * As `load`, but each part opens a piece at a time as its reader asks (KeptPartStream): what is read
   * first can be used while the rest opens. Every file is read before it returns.
   */
  loadStream(): Promise<KeptStream | null>;
  /** One file: the same key wrap and the same sealed chunks. */
  backup(): Promise<Blob>;
  /** Forgets the key: every later call throws. */
  lock(): void;
  readonly generation: number;
}

export interface CreateVaultOptions {
  /** For tests only, where 600,000 iterations per vault would be slow: the app never passes it. */
  iterationsForTestsOnly?: number;
}

const KEPT: ReadWords = { what: 'The kept data', cannot: 'The kept data cannot be opened', missingIsEarlyEnd: false };
const BACKUP: ReadWords = { what: 'This backup', cannot: 'This backup cannot be restored', missingIsEarlyEnd: true };

function decoded(base64: string): Bytes {
  const bytes = fromBase64(base64);
  if (!bytes) throw new VaultError('damaged', 'The kept data has been changed or damaged: its header is not valid.');
  return bytes;
}

async function readHeader(files: VaultFiles): Promise<VaultHeader> {
  const bytes = await files.read(HEADER_FILE);
  if (!bytes) throw new VaultError('no-vault', 'No data is kept on this computer.');
  return readHeaderBytes(bytes, KEPT.what);
}

/** The data key the passphrase unwraps, once the header's seal shows the header is the one written with it. */
async function openKey(header: VaultHeader, passphrase: string, words: ReadWords, wrong: string): Promise<CryptoKey> {
  const kek = await deriveKek(passphrase, decoded(header.kdf.salt), header.kdf.iterations);
  const key = await unwrapDataKey(decoded(header.key.wrapped), kek);
  if (!key) throw new VaultError('wrong-passphrase', wrong);
  if (!(await headerSealHolds(key, header))) {
    throw new VaultError('damaged', `${words.cannot}: its header has been changed or damaged.`);
  }
  return key;
}

/** Removes what no generation in use needs. A failure here loses nothing: the next load tries again. */
async function removeLeftovers(files: VaultFiles, keep: readonly string[]): Promise<void> {
  try {
    for (const name of leftoverFiles(await files.list(), keep)) await files.remove(name);
  } catch {
    // Leftovers are never read (the header does not name them), so they can wait for the next load.
  }
}

export async function vaultExists(files: VaultFiles): Promise<boolean> {
  return (await files.read(HEADER_FILE)) !== null;
}

class OpenVault implements Vault {
  #key: CryptoKey | null;
  #header: VaultHeader;
  readonly #files: VaultFiles;
  #tail: Promise<unknown> = Promise.resolve();

  constructor(files: VaultFiles, key: CryptoKey, header: VaultHeader) {
    this.#files = files;
    this.#key = key;
    this.#header = header;
  }

  get generation(): number {
    return this.#header.generation;
  }

  lock(): void {
    this.#key = null;
  }

  /** One call at a time, in order: a load never sees a save half done, nor two saves interleave. */
  #run<T>(task: (key: CryptoKey) => Promise<T>): Promise<T> {
    const locked = () => new Error('The kept data is locked: unlock it with the passphrase first.');
    if (!this.#key) return Promise.reject(locked());
    const result = this.#tail.then(() => {
      if (!this.#key) throw locked();
      return task(this.#key);
    });
    this.#tail = result.catch(() => undefined);
    return result;
  }

  /** The header on disk, if it is still this vault's (not deleted, not replaced by a restore elsewhere). */
  async #currentHeader(key: CryptoKey): Promise<VaultHeader> {
    const header = await readHeader(this.#files);
    const same = header.kdf.salt === this.#header.kdf.salt && header.key.wrapped === this.#header.key.wrapped;
    if (!same) throw new VaultError('no-vault', 'The kept data was deleted or replaced since it was unlocked.');
    if (!(await headerSealHolds(key, header))) {
      throw new VaultError('damaged', `${KEPT.cannot}: its header has been changed or damaged.`);
    }
    this.#header = header;
    return header;
  }

  /** The current generation's parts, read only when a save carries some over. */
  async #currentParts(key: CryptoKey, header: VaultHeader, snapshot: SaveSnapshot): Promise<ListedPart[]> {
    if (header.generation === 0 || snapshot.parts.every((part) => part.bytes !== null)) return [];
    return (await readManifest((name) => this.#files.read(name), key, header, KEPT)).parts;
  }

  save(snapshot: SaveSnapshot): Promise<void> {
    return this.#run(async (key) => {
      const header = await this.#currentHeader(key);
      const carried = await this.#currentParts(key, header, snapshot);
      const { seal: _, ...previous } = header;
      const at = { generation: previous.generation + 1, id: randomHex(8) };
      const keep = await writeGeneration(this.#files, key, at, snapshot, carried);
      // Deleted (or replaced by a restore) while this generation was written: it goes, and nothing switches.
      await this.#currentHeader(key).catch(async (error: unknown) => {
        const earlier = new Set(carried.map(partFile));
        for (const name of keep) if (!earlier.has(name)) await this.#files.remove(name);
        throw error;
      });
      const next = await sealHeader(key, { ...previous, ...at });
      await this.#files.write(HEADER_FILE, utf8(headerText(next)));
      this.#header = next;
      await removeLeftovers(this.#files, keep);
    });
  }

  load(): Promise<KeptSnapshot | null> {
    return this.#read(readGeneration);
  }

  loadStream(): Promise<KeptStream | null> {
    return this.#read(readGenerationStream);
  }

  /** The current generation read one way or the other (null when nothing is saved); leftovers removed. */
  #read<T>(
    readWith: (
      read: (name: string) => Promise<Uint8Array | null>,
      key: CryptoKey,
      at: VaultHeader,
      words: ReadWords,
    ) => Promise<{ snapshot: T; files: string[] }>,
  ): Promise<T | null> {
    return this.#run(async (key) => {
      const header = await this.#currentHeader(key);
      if (header.generation === 0) {
        await removeLeftovers(this.#files, []);
        return null;
      }
      const { snapshot, files } = await readWith((name) => this.#files.read(name), key, header, KEPT);
      await removeLeftovers(this.#files, files);
      return snapshot;
    });
  }

  backup(): Promise<Blob> {
    return this.#run(async (key) => {
      const header = await this.#currentHeader(key);
      const read = (name: string) => this.#files.read(name);
      const names =
        header.generation === 0 ? [] : generationFiles(header, (await readManifest(read, key, header, KEPT)).parts);
      const sealed: { name: string; bytes: Uint8Array }[] = [];
      for (const name of names) {
        const bytes = await read(name);
        if (!bytes) throw new VaultError('damaged', `${KEPT.cannot}: the file ${name} is missing.`);
        sealed.push({ name, bytes });
      }
      return encodeBackup(headerText(header), sealed);
    });
  }
}

export async function createVault(
  files: VaultFiles,
  passphrase: string,
  options: CreateVaultOptions = {},
): Promise<Vault> {
  if (await vaultExists(files)) throw new Error('Data is already kept on this computer: unlock it or delete it first.');
  const hint = passphraseHint(passphrase);
  if (!hint.ok) throw new Error(hint.words);
  const iterations = options.iterationsForTestsOnly ?? PBKDF2_ITERATIONS;
  const salt = randomBytes(16);
  const kek = await deriveKek(passphrase, salt, iterations);
  const wrapped = await newWrappedDataKey(kek);
  const key = await unwrapDataKey(wrapped, kek);
  if (!key) throw new Error('The new data key could not be unwrapped.');
  const header = await sealHeader(key, { ...headerFields(salt, iterations, wrapped), generation: 0, id: randomHex(8) });
  await files.write(HEADER_FILE, utf8(headerText(header)));
  return new OpenVault(files, key, header);
}

/** Opens kept data; a wrong passphrase throws VaultError('wrong-passphrase') and changes nothing. */
export async function unlockVault(files: VaultFiles, passphrase: string): Promise<Vault> {
  const header = await readHeader(files);
  const key = await openKey(header, passphrase, KEPT, 'The passphrase does not open the kept data.');
  return new OpenVault(files, key, header);
}

/** Removes every file of the vault, every generation; the header first, so what is left never opens. */
export async function deleteVault(files: VaultFiles): Promise<void> {
  await files.remove(HEADER_FILE);
  for (const name of await files.list()) await files.remove(name);
}

/**
 * Replaces whatever is kept with a backup, after checking all of it (every chunk opens, every part the
 * manifest names is there and complete) and before writing anything. The backup's files are written under
 * their own generation's names, then the header is switched to them, so a failure leaves the old data whole.
 */
export async function restoreBackup(files: VaultFiles, backup: Blob, passphrase: string): Promise<Vault> {
  const { header: text, files: sealed, count } = decodeBackup(new Uint8Array(await backup.arrayBuffer()));
  const header = parseHeader(text, BACKUP.what);
  const key = await openKey(header, passphrase, BACKUP, 'The passphrase does not open this backup.');
  const read = async (name: string) => sealed.get(name) ?? null;
  const keep = header.generation === 0 ? [] : (await readGeneration(read, key, header, BACKUP)).files;
  // Every file it names has opened: it must hold those and no others, and say so.
  if (count !== keep.length || sealed.size !== keep.length) {
    const why = 'it has been changed or damaged (it holds other files than its list of contents names)';
    throw new VaultError('damaged', `${BACKUP.cannot}: ${why}.`);
  }
  for (const name of keep) {
    const bytes = sealed.get(name);
    if (bytes) await files.write(name, bytes);
  }
  await files.write(HEADER_FILE, utf8(headerText(header)));
  await removeLeftovers(files, keep);
  return new OpenVault(files, key, header);
}
