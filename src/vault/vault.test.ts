import { describe, expect, it } from 'vitest';
import {
  copyOf,
  DISTINCTIVE,
  fastVault,
  fileEnding,
  holds,
  newFiles,
  PASSPHRASE,
  records,
  refusal,
  sameFiles,
  snapshot,
} from '../../tests/support/vault-fixtures';
import {
  createVault,
  deleteVault,
  type KeptSnapshot,
  PBKDF2_ITERATIONS,
  unlockVault,
  type Vault,
  vaultExists,
} from './vault';
import type { VaultFiles } from './vault-files';

function expectSame(loaded: KeptSnapshot | null, saved: KeptSnapshot): void {
  expect(loaded?.state).toEqual(saved.state);
  expect(loaded?.parts.map((part) => part.name)).toEqual(saved.parts.map((part) => part.name));
  for (const [i, part] of saved.parts.entries()) {
    expect(Buffer.from(loaded?.parts[i]?.bytes ?? []).equals(Buffer.from(part.bytes)), part.name).toBe(true);
  }
}

/** Files whose writes fail from the (n+1)th on, as a full disk or a closed tab would stop them. */
function failingAfter(inner: VaultFiles, n: number): VaultFiles {
  let writes = 0;
  return {
    ...inner,
    async write(name, data) {
      if (writes++ >= n) throw new Error('the tab was closed');
      await inner.write(name, data);
    },
  };
}

describe('the vault keeps a snapshot, encrypted', () => {
  it('uses PBKDF2 with at least 600,000 iterations by default, and a header that says so', async () => {
    expect(PBKDF2_ITERATIONS).toBeGreaterThanOrEqual(600_000);
    const files = newFiles();
    await createVault(files, PASSPHRASE);
    const header = JSON.parse(new TextDecoder().decode(files.bytes().get('vault.json')));
    expect(header.kdf).toMatchObject({ name: 'PBKDF2', hash: 'SHA-256', iterations: 600000 });
    expect(Object.keys(header).sort()).toEqual(['app', 'format', 'generation', 'id', 'kdf', 'key', 'seal']);
    expect(atob(header.kdf.salt)).toHaveLength(16);
    expect(atob(header.key.wrapped)).toHaveLength(40);
  });

  it('loads what it saved, byte for byte: state, parts stored as they are, an empty part and a multi-chunk part', async () => {
    const files = newFiles();
    const vault = await fastVault(files);
    expect(vault.generation).toBe(0);
    expect(await vault.load()).toBeNull();
    const saved = snapshot();
    await vault.save(saved);
    expect(vault.generation).toBe(1);
    expect(records(files.bytes().get(fileEnding(files, '-early_help.sealed')) ?? new Uint8Array())).toHaveLength(3);
    // Parts are stored as they are (not gzipped): the compressible CSV part is as long as its bytes, sealed.
    const contacts = files.bytes().get(fileEnding(files, '-contacts.sealed'))?.length ?? 0;
    expect(contacts).toBe((saved.parts[1]?.bytes.length ?? 0) + 4 + 12 + 16);
    expectSame(await vault.load(), saved);
    // Streamed: the same parts, a chunk at a time (1 MiB each).
    const streamed = await vault.loadStream();
    const parts: { name: string; bytes: Uint8Array }[] = [];
    for (const part of streamed?.parts ?? []) {
      const pieces: Uint8Array[] = [];
      for await (const piece of part.pieces()) pieces.push(piece);
      expect(pieces.length, part.name).toBe(Math.max(1, Math.ceil(part.length / (1024 * 1024))));
      parts.push({ name: part.name, bytes: Buffer.concat(pieces) });
    }
    expectSame({ state: streamed?.state, parts }, saved);
    const again = await unlockVault(files, PASSPHRASE);
    expect(again.generation).toBe(1);
    expectSame(await again.load(), saved);
  });

  it('writes nothing readable: no stored byte holds a value from the parts or the state', async () => {
    const files = newFiles();
    const vault = await fastVault(files);
    await vault.save(snapshot());
    for (const [name, bytes] of files.bytes()) {
      for (const text of [...DISTINCTIVE, 'early_help', 'contacts', 'eh-open']) {
        if (text === 'early_help' || text === 'contacts') {
          if (name.endsWith('.sealed')) continue; // a part's name is in its file name; its contents are not
        }
        expect(holds(bytes, text), `${name} holds "${text}"`).toBe(false);
      }
    }
    expect(holds(new TextEncoder().encode(JSON.stringify(snapshot().state)), DISTINCTIVE[2] as string)).toBe(true);
  });

  it('keeps only the current generation once a save has switched to it', async () => {
    const files = newFiles();
    const vault = await fastVault(files);
    await vault.save(snapshot(1));
    await vault.save(snapshot(2));
    expect(vault.generation).toBe(2);
    const names = [...files.bytes().keys()].sort();
    expect(names).toHaveLength(5);
    expect(names.filter((name) => name.endsWith('-manifest.sealed'))).toEqual([expect.stringMatching(/^g2-/)]);
    const parts = names.filter((name) => name.startsWith('p-'));
    expect(parts.map((name) => name.replace(/^p-[0-9a-f]{16}-/, '')).sort()).toEqual([
      'contacts.sealed',
      'early_help.sealed',
      'empty_table.sealed',
    ]);
    expectSame(await (await unlockVault(files, PASSPHRASE)).load(), snapshot(2));
  });

  it('a wrong passphrase is refused in words and changes no byte', async () => {
    const files = newFiles();
    await (await fastVault(files)).save(snapshot());
    const before = copyOf(files);
    const { reason, message } = await refusal(unlockVault(files, 'kettle orbit meadows'));
    expect(reason).toBe('wrong-passphrase');
    expect(message).toBe('The passphrase does not open the kept data.');
    expect(sameFiles(copyOf(files), before)).toBe(true);
  });

  it('says when nothing is kept, and will not create a second vault over one', async () => {
    const files = newFiles();
    expect(await vaultExists(files)).toBe(false);
    expect((await refusal(unlockVault(files, PASSPHRASE))).reason).toBe('no-vault');
    await fastVault(files);
    expect(await vaultExists(files)).toBe(true);
    await expect(fastVault(files)).rejects.toThrow(/already kept/);
    await expect(createVault(newFiles(), 'short')).rejects.toThrow(/at least 12 characters/);
  });

  it('a save cut short at any write leaves the previous generation whole; the next load clears leftovers', async () => {
    const files = newFiles();
    await (await fastVault(files)).save(snapshot(1));
    const kept = copyOf(files);
    // Three parts, the manifest, then the header: a failure before each, and one after all (nothing left over).
    for (let n = 0; n <= 4; n++) {
      const vault = await unlockVault(failingAfter(files, n), PASSPHRASE);
      await expect(vault.save(snapshot(2)), `failing after ${n} writes`).rejects.toThrow('the tab was closed');
      expect(files.bytes().get('vault.json')).toEqual(kept.get('vault.json'));
      expect(files.bytes().size, 'leftovers of the cut save').toBe(kept.size + n);
      const reopened = await unlockVault(files, PASSPHRASE);
      expectSame(await reopened.load(), snapshot(1));
      expect([...files.bytes().keys()].sort()).toEqual([...kept.keys()].sort());
    }
  });

  it('after a failed save the same vault saves again, and two saves at once run one after the other', async () => {
    const files = newFiles();
    const vault = await fastVault(failingAfter(files, 2));
    await expect(vault.save(snapshot(1))).rejects.toThrow('the tab was closed');
    const working = await unlockVault(files, PASSPHRASE);
    await Promise.all([working.save(snapshot(1)), working.save(snapshot(2))]);
    expect(working.generation).toBe(2);
    expectSame(await working.load(), snapshot(2));
  });

  it('lock() forgets the key: every later call throws, and an earlier save still finishes', async () => {
    const files = newFiles();
    const vault: Vault = await fastVault(files);
    const saving = vault.save(snapshot(1));
    await saving;
    vault.lock();
    await expect(vault.save(snapshot(2))).rejects.toThrow(/locked/);
    await expect(vault.load()).rejects.toThrow(/locked/);
    await expect(vault.backup()).rejects.toThrow(/locked/);
    expect(vault.generation).toBe(1);
    expectSame(await (await unlockVault(files, PASSPHRASE)).load(), snapshot(1));
  });

  it('deletes every file of every generation, and an open vault then refuses to bring it back', async () => {
    const files = newFiles();
    const vault = await fastVault(files);
    await vault.save(snapshot(1));
    await files.write('g9-0123456789abcdef-manifest.sealed', new Uint8Array([1, 2, 3]));
    await deleteVault(files);
    expect(files.bytes().size).toBe(0);
    expect(await vaultExists(files)).toBe(false);
    expect((await refusal(vault.save(snapshot(2)))).reason).toBe('no-vault');
    expect(files.bytes().size).toBe(0);
    await deleteVault(files);
  });

  it('a save that finds the kept data deleted while it wrote takes its own files away again', async () => {
    const inner = newFiles();
    const vault = await fastVault(inner);
    await vault.save(snapshot(1));
    let deleted = false;
    // Everything is deleted the moment this save has written its manifest, before it switches to it.
    const files: VaultFiles = {
      ...inner,
      async write(name, data) {
        await inner.write(name, data);
        if (!deleted && name.includes('-manifest.')) {
          deleted = true;
          await deleteVault(inner);
        }
      },
    };
    const racing = await unlockVault(files, PASSPHRASE);
    expect((await refusal(racing.save(snapshot(2)))).reason).toBe('no-vault');
    expect(deleted).toBe(true);
    expect([...inner.bytes().keys()]).toEqual([]);
  });
});
