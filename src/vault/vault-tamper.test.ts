import { describe, expect, it } from 'vitest';
import {
  copyOf,
  fastVault,
  fileEnding,
  joined,
  newFiles,
  PASSPHRASE,
  records,
  refusal,
  snapshot,
} from '../../tests/support/vault-fixtures';
import { unlockVault } from './vault';

// Someone with the laptop's disk changes the kept files: every change is refused on load, naming what.

const EARLY = '-early_help.sealed';
const CONTACTS = '-contacts.sealed';

async function keptTwice() {
  const files = newFiles();
  const vault = await fastVault(files);
  await vault.save(snapshot(1));
  const first = copyOf(files);
  await vault.save(snapshot(2));
  return { files, first };
}

function edit(files: ReturnType<typeof newFiles>, suffix: string, change: (chunks: Uint8Array[]) => Uint8Array[]) {
  const name = fileEnding(files, suffix);
  files.bytes().set(name, joined(change(records(files.bytes().get(name) ?? new Uint8Array()))));
}

/** The refusal of a load, which a streamed load read to its end gives too (at its first piece or later). */
async function loadRefusal(files: ReturnType<typeof newFiles>) {
  const whole = await refusal((await unlockVault(files, PASSPHRASE)).load());
  const streamed = await refusal(
    (async () => {
      const kept = await (await unlockVault(files, PASSPHRASE)).loadStream();
      for (const part of kept?.parts ?? []) for await (const _piece of part.pieces());
    })(),
  );
  expect(streamed).toEqual(whole);
  return whole;
}

describe('kept files that were changed are refused', () => {
  it('a flipped byte in a chunk names the part and the chunk', async () => {
    const { files } = await keptTwice();
    edit(files, EARLY, (chunks) => {
      const chunk = chunks[1] as Uint8Array;
      chunk[100] = (chunk[100] ?? 0) ^ 1;
      return chunks;
    });
    expect(await loadRefusal(files)).toEqual({
      reason: 'damaged',
      message: 'The kept data cannot be opened: part “early_help” chunk 2 has been changed or damaged.',
    });
    // Streamed, the first chunk is given out (it opened), and the second throws when its turn comes.
    const kept = await (await unlockVault(files, PASSPHRASE)).loadStream();
    const pieces = kept?.parts.find((p) => p.name === 'early_help')?.pieces();
    expect((await pieces?.next())?.value?.length).toBe(1024 * 1024);
    await expect(pieces?.next()).rejects.toThrow(/chunk 2 has been changed or damaged/);
  });

  it('a flipped byte in a chunk’s tag: streamed, nothing of the part is given out, and the chunk is named', async () => {
    const { files } = await keptTwice();
    edit(files, EARLY, (chunks) => {
      const chunk = chunks[1] as Uint8Array;
      chunk[chunk.length - 1] = (chunk[chunk.length - 1] ?? 0) ^ 1;
      return chunks;
    });
    const kept = await (await unlockVault(files, PASSPHRASE)).loadStream();
    const pieces = kept?.parts.find((p) => p.name === 'early_help')?.pieces();
    await expect(pieces?.next()).rejects.toThrow(
      'The kept data cannot be opened: part “early_help” chunk 2 has been changed or damaged.',
    );
    expect((await loadRefusal(files)).message).toMatch(/part “early_help” chunk 2 has been changed or damaged/);
  });

  it('two chunks swapped', async () => {
    const { files } = await keptTwice();
    edit(files, EARLY, ([a, b, c]) => [b, a, c] as Uint8Array[]);
    expect((await loadRefusal(files)).message).toMatch(/part “early_help” chunk 1 has been changed or damaged/);
  });

  it('a chunk moved in from another part', async () => {
    const { files } = await keptTwice();
    const borrowed = records(files.bytes().get(fileEnding(files, CONTACTS)) ?? new Uint8Array())[0] as Uint8Array;
    edit(files, EARLY, ([a, b]) => [a, b, borrowed] as Uint8Array[]);
    expect((await loadRefusal(files)).message).toMatch(/part “early_help” chunk 3 has been changed or damaged/);
  });

  it('a chunk, or a whole part, replayed from the previous generation', async () => {
    const { files, first } = await keptTwice();
    const oldName = [...first.keys()].find((name) => name.endsWith(EARLY)) as string;
    const oldFile = first.get(oldName) as Uint8Array;
    const kept = copyOf(files);
    edit(files, EARLY, ([a, b]) => [a, b, records(oldFile)[2]] as Uint8Array[]);
    expect((await loadRefusal(files)).message).toMatch(/part “early_help” chunk 3 has been changed or damaged/);
    files.bytes().clear();
    for (const [name, bytes] of kept) files.bytes().set(name, bytes);
    files.bytes().set(fileEnding(files, EARLY), oldFile);
    expect((await loadRefusal(files)).message).toMatch(/part “early_help” chunk 1 has been changed or damaged/);
  });

  it('the last chunk cut short, or dropped, says the part is incomplete', async () => {
    for (const cut of [(c: Uint8Array) => c.slice(0, c.length - 10), () => new Uint8Array()]) {
      const { files } = await keptTwice();
      edit(files, EARLY, ([a, b, c]) => [a, b, cut(c as Uint8Array)] as Uint8Array[]);
      expect(await loadRefusal(files)).toEqual({
        reason: 'damaged',
        message: 'The kept data ends early (part “early_help” is incomplete).',
      });
    }
  });

  it('a part file removed, or its list of contents changed', async () => {
    const { files } = await keptTwice();
    const manifest = fileEnding(files, '-manifest.sealed');
    const sealedManifest = files.bytes().get(manifest) as Uint8Array;
    files.bytes().delete(fileEnding(files, CONTACTS));
    expect((await loadRefusal(files)).message).toBe('The kept data cannot be opened: part “contacts” is missing.');
    const flipped = sealedManifest.slice();
    flipped[40] = (flipped[40] ?? 0) ^ 0x80;
    files.bytes().set(manifest, flipped);
    expect((await loadRefusal(files)).message).toBe(
      'The kept data cannot be opened: its list of contents has been changed or damaged.',
    );
  });

  it('the header edited back to an older generation whose files were kept', async () => {
    const { files, first } = await keptTwice();
    const oldHeader = JSON.parse(new TextDecoder().decode(first.get('vault.json')));
    for (const [name, bytes] of first) if (name !== 'vault.json') files.bytes().set(name, bytes);
    const header = JSON.parse(new TextDecoder().decode(files.bytes().get('vault.json')));
    files
      .bytes()
      .set('vault.json', new TextEncoder().encode(JSON.stringify({ ...header, generation: 1, id: oldHeader.id })));
    const { reason, message } = await refusal(unlockVault(files, PASSPHRASE));
    expect(reason).toBe('damaged');
    expect(message).toBe('The kept data cannot be opened: its header has been changed or damaged.');
  });

  it('a header that is not the vault’s, or from a newer version, is named as such', async () => {
    const { files } = await keptTwice();
    const header = JSON.parse(new TextDecoder().decode(files.bytes().get('vault.json')));
    const write = (value: unknown) => files.bytes().set('vault.json', new TextEncoder().encode(JSON.stringify(value)));
    write({ ...header, format: 4 });
    expect((await refusal(unlockVault(files, PASSPHRASE))).reason).toBe('newer-format');
    write({ ...header, format: 2 });
    expect(await refusal(unlockVault(files, PASSPHRASE))).toEqual({
      reason: 'older-format',
      message:
        'The kept data was made by an earlier test version of Partnership Insight, whose format this version does not read: load the files again and keep them anew.',
    });
    write({ ...header, kdf: { ...header.kdf, iterations: 'many' } });
    expect((await refusal(unlockVault(files, PASSPHRASE))).reason).toBe('damaged');
    files.bytes().set('vault.json', new TextEncoder().encode('{"app": "Partnership Insight kept'));
    expect((await refusal(unlockVault(files, PASSPHRASE))).reason).toBe('damaged');
  });
});
