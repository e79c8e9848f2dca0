import { describe, expect, it } from 'vitest';
import {
  copyOf,
  DISTINCTIVE,
  fastVault,
  fileEnding,
  holds,
  joined,
  newFiles,
  PASSPHRASE,
  records,
  refusal,
  sameFiles,
  snapshot,
} from '../../tests/support/vault-fixtures';
import { decodeBackup, encodeBackup } from './backup-file';
import { restoreBackup, unlockVault } from './vault';
import type { VaultFiles } from './vault-files';

// A manager moves to a new laptop: one backup file, restored with the same passphrase; a damaged,
// cut, foreign or newer backup is refused with its own words, before anything is written.

async function backupOf(version = 1, damage?: (files: ReturnType<typeof newFiles>) => void) {
  const files = newFiles();
  const vault = await fastVault(files);
  await vault.save(snapshot(version));
  damage?.(files);
  return { files, blob: await vault.backup() };
}

/** Another computer that already keeps other data, to show a refusal changes none of it. */
async function otherComputer() {
  const files = newFiles();
  await (await fastVault(files, 'a different passphrase')).save(snapshot(7));
  return { files, before: copyOf(files) };
}

async function refusedWithoutChange(blob: Blob, passphrase = PASSPHRASE) {
  const { files, before } = await otherComputer();
  const refused = await refusal(restoreBackup(files, blob, passphrase));
  expect(sameFiles(copyOf(files), before), 'the kept data is untouched').toBe(true);
  return refused;
}

async function cut(blob: Blob, length: number): Promise<Blob> {
  return new Blob([new Uint8Array(await blob.arrayBuffer()).slice(0, length)]);
}

describe('one-file backups', () => {
  it('restores on another computer with the same passphrase, byte for byte, replacing what it kept', async () => {
    const { files: original, blob } = await backupOf(3);
    const bytes = new Uint8Array(await blob.arrayBuffer());
    expect(new TextDecoder().decode(bytes.slice(0, 27))).toBe('Partnership Insight backup\n');
    for (const text of DISTINCTIVE) expect(holds(bytes, text), text).toBe(false);
    for (const [name, sealed] of original.bytes()) {
      expect(Buffer.from(bytes).includes(Buffer.from(sealed)), `${name} is in the backup as it was kept`).toBe(true);
    }

    const { files } = await otherComputer();
    const restored = await restoreBackup(files, blob, PASSPHRASE);
    expect(restored.generation).toBe(1);
    expect([...files.bytes().keys()].sort()).toEqual([...original.bytes().keys()].sort());
    expect(sameFiles(copyOf(files), copyOf(original)), 'the same header, key wrap and sealed chunks').toBe(true);
    const loaded = await (await unlockVault(files, PASSPHRASE)).load();
    expect(loaded?.state).toEqual(snapshot(3).state);
    for (const [i, part] of snapshot(3).parts.entries()) {
      expect(Buffer.from(loaded?.parts[i]?.bytes ?? []).equals(Buffer.from(part.bytes)), part.name).toBe(true);
    }
    await restored.save(snapshot(4));
    expect(restored.generation).toBe(2);
  });

  it('restores a vault with nothing saved yet', async () => {
    const files = newFiles();
    const blob = await (await fastVault(files)).backup();
    const restored = await restoreBackup(newFiles(), blob, PASSPHRASE);
    expect(await restored.load()).toBeNull();
  });

  it('refuses a file that is not a backup', async () => {
    const csv = new Blob(['id,hub\nCHILD-1,North\n']);
    expect(await refusedWithoutChange(csv)).toEqual({
      reason: 'not-a-backup',
      message: 'This file is not a Partnership Insight backup.',
    });
    expect((await refusedWithoutChange(new Blob([]))).reason).toBe('not-a-backup');
  });

  it('refuses a backup made by a newer version, or in an earlier format', async () => {
    const bytes = new Uint8Array(await (await backupOf()).blob.arrayBuffer());
    bytes[30] = 4; // the format version, u32 big-endian after the 27-byte magic line
    const { reason, message } = await refusedWithoutChange(new Blob([bytes]));
    expect(reason).toBe('newer-format');
    expect(message).toMatch(/made by a newer version of Partnership Insight/);
    bytes[30] = 2;
    expect(await refusedWithoutChange(new Blob([bytes]))).toEqual({
      reason: 'older-format',
      message:
        'This backup was made by an earlier test version of Partnership Insight, whose format this version does not read.',
    });
  });

  it('refuses the wrong passphrase', async () => {
    const { blob } = await backupOf();
    expect(await refusedWithoutChange(blob, 'kettle orbit meadow.')).toEqual({
      reason: 'wrong-passphrase',
      message: 'The passphrase does not open this backup.',
    });
  });

  it('refuses a changed chunk, naming the part and the chunk', async () => {
    const { blob } = await backupOf(1, (files) => {
      const name = fileEnding(files, '-early_help.sealed');
      const chunks = records(files.bytes().get(name) ?? new Uint8Array());
      const third = chunks[2] as Uint8Array;
      third[third.length - 1] = (third[third.length - 1] ?? 0) ^ 1;
      files.bytes().set(name, joined(chunks));
    });
    expect(await refusedWithoutChange(blob)).toEqual({
      reason: 'damaged',
      message: 'This backup cannot be restored: part “early_help” chunk 3 has been changed or damaged.',
    });
  });

  it('refuses a backup cut short, wherever it was cut', async () => {
    const { blob } = await backupOf();
    const ends =
      /^This backup ends early \((part “(early_help|contacts|empty_table)”|its list of contents) is incomplete\)\.$/;
    for (const length of [blob.size - 1, blob.size - 20, Math.floor(blob.size / 2), 2000]) {
      const { reason, message } = await refusedWithoutChange(await cut(blob, length));
      expect(reason).toBe('damaged');
      expect(message, `cut at ${length}`).toMatch(ends);
    }
    expect((await refusedWithoutChange(await cut(blob, blob.size - 1))).message).toBe(
      'This backup ends early (part “empty_table” is incomplete).',
    );
    expect((await refusedWithoutChange(await cut(blob, 40))).message).toMatch(/^This backup ends early/);
  });

  it('refuses a backup holding other files than its contents list names, or miscounting them', async () => {
    const { blob } = await backupOf();
    const bytes = new Uint8Array(await blob.arrayBuffer());
    const { header, files } = decodeBackup(bytes);
    const extra = encodeBackup(header, [
      ...[...files].map(([name, b]) => ({ name, bytes: b })),
      { name: 'p-0123456789abcdef-x.sealed', bytes: new Uint8Array(40) },
    ]);
    const words =
      'This backup cannot be restored: it has been changed or damaged (it holds other files than its list of contents names).';
    expect((await refusedWithoutChange(extra)).message).toBe(words);
    // The file count (after the magic line, the format and the header) said to be larger.
    const miscounted = bytes.slice();
    const countAt = 'Partnership Insight backup\n'.length + 8 + new DataView(bytes.buffer).getUint32(31);
    miscounted[countAt] = 0x7f;
    expect((await refusedWithoutChange(new Blob([miscounted]))).message).toBe(words);
  });

  it('a restore cut short leaves the kept data as it was', async () => {
    const { blob } = await backupOf(2);
    const { files, before } = await otherComputer();
    let writes = 0;
    const failing: VaultFiles = {
      ...files,
      async write(name, data) {
        if (++writes > 3) throw new Error('the tab was closed');
        await files.write(name, data);
      },
    };
    await expect(restoreBackup(failing, blob, PASSPHRASE)).rejects.toThrow('the tab was closed');
    const loaded = await (await unlockVault(files, 'a different passphrase')).load();
    expect(loaded?.state).toEqual(snapshot(7).state);
    expect(sameFiles(copyOf(files), before), 'leftovers removed by the load').toBe(true);
  });
});
