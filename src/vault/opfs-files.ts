import { checkFileName, type VaultFiles } from './vault-files';

function isNotFound(error: unknown): boolean {
  return error instanceof DOMException && (error.name === 'NotFoundError' || error.name === 'TypeMismatchError');
}

/**
 * The vault's files in the Origin Private File System, in one folder of their own. Writes go through
 * createWritable(): Chromium writes a swap file and moves it over the original on close(), so a tab closed
 * in the middle of a write leaves the old file (or, for a new name, an empty one, which reads as absent).
 */
export async function opfsFiles(dirName = 'partnership-insight-kept'): Promise<VaultFiles> {
  checkFileName(dirName);
  const root = await navigator.storage.getDirectory();
  const dir = await root.getDirectoryHandle(dirName, { create: true });

  async function handle(name: string): Promise<FileSystemFileHandle | null> {
    checkFileName(name);
    try {
      return await dir.getFileHandle(name);
    } catch (error) {
      if (isNotFound(error)) return null;
      throw error;
    }
  }

  return {
    async read(name) {
      const file = await handle(name);
      if (!file) return null;
      const data = new Uint8Array(await (await file.getFile()).arrayBuffer());
      return data.length > 0 ? data : null;
    },
    async write(name, data) {
      checkFileName(name);
      const file = await dir.getFileHandle(name, { create: true });
      const writable = await file.createWritable();
      try {
        await writable.write(data.slice());
        await writable.close();
      } catch (error) {
        // Abort drops the swap file, so the old contents stay as they were.
        await writable.abort().catch(() => undefined);
        throw error;
      }
    },
    async remove(name) {
      checkFileName(name);
      try {
        await dir.removeEntry(name);
      } catch (error) {
        if (!isNotFound(error)) throw error;
      }
    },
    async list() {
      const names: string[] = [];
      for await (const [name, entry] of dir.entries()) if (entry.kind === 'file') names.push(name);
      return names;
    },
  };
}
