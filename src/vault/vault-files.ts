/**
 * A flat directory of files, each complete or absent: what the vault needs of storage. The browser's is the
 * Origin Private File System (opfs-files.ts); tests use memoryFiles().
 *
 * An empty file counts as absent: OPFS creates a name before its first byte is written, so a tab closed
 * at that moment leaves an empty file, which must read as "never written". Nothing the vault writes is empty.
 */
export interface VaultFiles {
  /** The whole file, or null when absent (or empty). */
  read(name: string): Promise<Uint8Array | null>;
  /** Writes the whole file or leaves the old one: never a half-written file under `name`. */
  write(name: string, data: Uint8Array): Promise<void>;
  /** Removes the file; no error when it is absent. */
  remove(name: string): Promise<void>;
  /** The names of the files present, in no particular order. */
  list(): Promise<string[]>;
}

/** The names a VaultFiles accepts: lower-case letters, digits, "_", "." and "-", not starting with a dot. */
export const FILE_NAME = /^[a-z0-9][a-z0-9_.-]*$/;

export function checkFileName(name: string): void {
  if (!FILE_NAME.test(name) || name.length > 200) throw new Error(`Not a file name the vault writes: "${name}"`);
}

/** Files in memory, for tests: bytes() is the live map, so a test can read, damage or copy what was written. */
export function memoryFiles(): VaultFiles & { bytes(): Map<string, Uint8Array> } {
  const store = new Map<string, Uint8Array>();
  return {
    async read(name) {
      checkFileName(name);
      const data = store.get(name);
      return data && data.length > 0 ? data.slice() : null;
    },
    async write(name, data) {
      checkFileName(name);
      store.set(name, data.slice());
    },
    async remove(name) {
      checkFileName(name);
      store.delete(name);
    },
    async list() {
      return [...store.keys()];
    },
    bytes: () => store,
  };
}
