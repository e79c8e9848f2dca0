import { describe, expect, it, vi } from 'vitest';
import {
  copyOf,
  fastVault,
  fileEnding,
  newFiles,
  PASSPHRASE,
  refusal,
  sameFiles,
  snapshot,
} from '../../tests/support/vault-fixtures';
import { type KeptSnapshot, restoreBackup, type SaveSnapshot, unlockVault } from './vault';
import type { VaultFiles } from './vault-files';

// A save that changes little writes little: an unchanged part (bytes: null) is carried over, its file named
// again by the new manifest and never written again, and still checked as closely as a new one on load.

/** While set, every random id the vault draws is this one (to make two writes share a part id). */
const ids = vi.hoisted(() => ({ fixed: null as string | null }));
vi.mock('./bytes', async (importOriginal) => {
  const real = await importOriginal<typeof import('./bytes')>();
  return { ...real, randomHex: (length: number) => ids.fixed ?? real.randomHex(length) };
});

/** The files, and the names of every file written through them. */
function counted(files: ReturnType<typeof newFiles>): { files: VaultFiles; written: string[] } {
  const written: string[] = [];
  return {
    written,
    files: {
      ...files,
      async write(name, data) {
        written.push(name);
        await files.write(name, data);
      },
    },
  };
}

/** Version `version`'s snapshot with the named parts given as unchanged. */
function carrying(version: number, unchanged: readonly string[]): SaveSnapshot {
  const { state, parts } = snapshot(version);
  return { state, parts: parts.map((part) => (unchanged.includes(part.name) ? { ...part, bytes: null } : part)) };
}

function expectParts(loaded: KeptSnapshot | null, expected: Record<string, Uint8Array>, state: unknown): void {
  expect(loaded?.state).toEqual(state);
  expect(loaded?.parts.map((part) => part.name)).toEqual(Object.keys(expected));
  for (const part of loaded?.parts ?? []) {
    expect(Buffer.from(part.bytes).equals(Buffer.from(expected[part.name] ?? [])), part.name).toBe(true);
  }
}

const partsOf = (version: number) => Object.fromEntries(snapshot(version).parts.map((p) => [p.name, p.bytes]));

describe('unchanged parts are carried over from save to save', () => {
  it('a part carried over across three saves stays readable, and its file is written once', async () => {
    const memory = newFiles();
    const { files, written } = counted(memory);
    const vault = await fastVault(files);
    await vault.save(snapshot(1));
    const early = fileEnding(memory, '-early_help.sealed');
    const sealed = memory.bytes().get(early)?.slice() as Uint8Array;
    await vault.save(carrying(2, ['early_help', 'empty_table']));
    await vault.save(carrying(3, ['early_help', 'contacts', 'empty_table']));
    await vault.save(carrying(4, ['early_help', 'empty_table']));
    expect(vault.generation).toBe(4);
    expect(written.filter((name) => name.endsWith('-early_help.sealed'))).toEqual([early]);
    expect(written.filter((name) => name.endsWith('-contacts.sealed'))).toHaveLength(3);
    expect(fileEnding(memory, '-early_help.sealed')).toBe(early);
    expect(Buffer.from(memory.bytes().get(early) as Uint8Array).equals(Buffer.from(sealed))).toBe(true);
    const expected = { ...partsOf(4), early_help: snapshot(1).parts[0]?.bytes as Uint8Array };
    expectParts(await vault.load(), expected, snapshot(4).state);
    expectParts(await (await unlockVault(memory, PASSPHRASE)).load(), expected, snapshot(4).state);
  });

  it('a save that carries every part over writes only the manifest and the header', async () => {
    const memory = newFiles();
    const { files, written } = counted(memory);
    const vault = await fastVault(files);
    await vault.save(snapshot(1));
    written.length = 0;
    await vault.save(carrying(2, ['early_help', 'contacts', 'empty_table']));
    expect(written).toEqual([expect.stringMatching(/^g2-[0-9a-f]{16}-manifest\.sealed$/), 'vault.json']);
    expectParts(await vault.load(), partsOf(1), snapshot(2).state);
  });

  it('cleanup keeps a carried part the current manifest names, and removes what no manifest names', async () => {
    const files = newFiles();
    const vault = await fastVault(files);
    await vault.save(snapshot(1));
    const early = fileEnding(files, '-early_help.sealed');
    const firstContacts = fileEnding(files, '-contacts.sealed');
    await vault.save(carrying(2, ['early_help']));
    await vault.save(carrying(3, ['early_help', 'contacts']));
    const names = [...files.bytes().keys()];
    expect(names).toHaveLength(5);
    expect(names).toContain(early);
    expect(names).not.toContain(firstContacts);
    expect(names.filter((name) => name.startsWith('g'))).toEqual([expect.stringMatching(/^g3-/)]);
    // A leftover of an unfinished save, and an older manifest, go at the next load; the carried part stays.
    await files.write('p-0123456789abcdef-early_help.sealed', new Uint8Array([1]));
    await files.write('g1-0123456789abcdef-manifest.sealed', new Uint8Array([1]));
    const loaded = await (await unlockVault(files, PASSPHRASE)).load();
    expect([...files.bytes().keys()].sort()).toEqual([...names].sort());
    expectParts(loaded, { ...partsOf(2), early_help: partsOf(1).early_help as Uint8Array }, snapshot(3).state);
  });

  it('a save cut short after a carry-over leaves the previous generation whole, carried part and all', async () => {
    const files = newFiles();
    const vault = await fastVault(files);
    await vault.save(snapshot(1));
    await vault.save(carrying(2, ['early_help']));
    const kept = copyOf(files);
    for (let n = 0; n <= 2; n++) {
      let writes = 0;
      const failing: VaultFiles = {
        ...files,
        async write(name, data) {
          if (writes++ >= n) throw new Error('the tab was closed');
          await files.write(name, data);
        },
      };
      const cut = await unlockVault(failing, PASSPHRASE);
      await expect(cut.save(carrying(3, ['early_help', 'empty_table'])), `after ${n} writes`).rejects.toThrow(
        'the tab was closed',
      );
      const loaded = await (await unlockVault(files, PASSPHRASE)).load();
      expectParts(loaded, { ...partsOf(2), early_help: partsOf(1).early_help as Uint8Array }, snapshot(2).state);
      expect(sameFiles(copyOf(files), kept)).toBe(true);
    }
  });

  it('an older file of the part put in place of the carried one is refused', async () => {
    const files = newFiles();
    const vault = await fastVault(files);
    await vault.save(snapshot(1));
    const first = copyOf(files);
    await vault.save(snapshot(2));
    await vault.save(carrying(3, ['early_help', 'contacts', 'empty_table']));
    const carried = fileEnding(files, '-early_help.sealed');
    const old = [...first].find(([name]) => name.endsWith('-early_help.sealed'))?.[1] as Uint8Array;
    files.bytes().set(carried, old);
    expect(await refusal((await unlockVault(files, PASSPHRASE)).load())).toEqual({
      reason: 'damaged',
      message: 'The kept data cannot be opened: part “early_help” chunk 1 has been changed or damaged.',
    });
  });

  it('another write under the same part id, every chunk sealed, is refused by the manifest’s SHA-256', async () => {
    const files = newFiles();
    const vault = await fastVault(files);
    try {
      // Two saves that draw the same ids: the second part file is sealed for the same id and name.
      ids.fixed = '0123456789abcdef';
      await vault.save(snapshot(1));
      const first = copyOf(files);
      ids.fixed = null;
      await vault.save(carrying(2, ['contacts', 'empty_table']));
      ids.fixed = '0123456789abcdef';
      await vault.save(carrying(3, ['contacts', 'empty_table']));
      ids.fixed = null;
      const name = 'p-0123456789abcdef-early_help.sealed';
      expectParts(
        await vault.load(),
        { ...partsOf(3), contacts: partsOf(1).contacts as Uint8Array, empty_table: new Uint8Array() },
        snapshot(3).state,
      );
      files.bytes().set(name, first.get(name) as Uint8Array);
      const replaced = {
        reason: 'damaged',
        message:
          'The kept data cannot be opened: part “early_help” is not the file that was saved (it has been replaced).',
      };
      expect(await refusal((await unlockVault(files, PASSPHRASE)).load())).toEqual(replaced);
      // Streamed, the same refusal, before any of the file is given out.
      const streamed = await (await unlockVault(files, PASSPHRASE)).loadStream();
      const pieces = streamed?.parts.find((p) => p.name === 'early_help')?.pieces();
      expect(await refusal(pieces?.next() ?? Promise.resolve())).toEqual(replaced);
    } finally {
      ids.fixed = null;
    }
  });

  it('refuses bytes: null for a part the last save does not hold, or whose file is gone, writing nothing', async () => {
    const files = newFiles();
    const vault = await fastVault(files);
    const before = copyOf(files);
    const none = { state: {}, parts: [{ name: 'early_help', bytes: null }] };
    await expect(vault.save(none)).rejects.toThrow(
      'The part “early_help” cannot be kept unchanged: the last save holds no such part.',
    );
    expect(sameFiles(copyOf(files), before)).toBe(true);
    await vault.save({ state: {}, parts: [{ name: 'contacts', bytes: new Uint8Array([1, 2, 3]) }] });
    const saved = copyOf(files);
    await expect(vault.save(none)).rejects.toThrow(/“early_help” cannot be kept unchanged: the last save holds no/);
    expect(sameFiles(copyOf(files), saved)).toBe(true);
    files.bytes().delete(fileEnding(files, '-contacts.sealed'));
    await expect(vault.save({ state: {}, parts: [{ name: 'contacts', bytes: null }] })).rejects.toThrow(
      'The part “contacts” cannot be kept unchanged: the last save’s file of it is missing.',
    );
    // A complete save puts it right.
    await vault.save({ state: { again: true }, parts: [{ name: 'contacts', bytes: new Uint8Array([4]) }] });
    expectParts(await vault.load(), { contacts: new Uint8Array([4]) }, { again: true });
  });

  it('a backup holds the current manifest and every part it names, carried over or not', async () => {
    const files = newFiles();
    const vault = await fastVault(files);
    await vault.save(snapshot(1));
    await vault.save(carrying(2, ['early_help', 'empty_table']));
    const blob = await vault.backup();
    const restoredFiles = newFiles();
    const restored = await restoreBackup(restoredFiles, blob, PASSPHRASE);
    expect(sameFiles(copyOf(restoredFiles), copyOf(files))).toBe(true);
    const expected = { ...partsOf(2), early_help: partsOf(1).early_help as Uint8Array };
    expectParts(await restored.load(), expected, snapshot(2).state);
    await restored.save(carrying(3, ['early_help', 'contacts', 'empty_table']));
    expectParts(await restored.load(), expected, snapshot(3).state);
  });
});
