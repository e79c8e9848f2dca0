import { describe, expect, it } from 'vitest';
import { joined, noise, records } from '../../tests/support/vault-fixtures';
import { openFile, type SealedFileContext, SealedFileProblem, sealFile } from './sealed-file';

const context: SealedFileContext = { format: 3, file: 'manifest', generation: 3, id: '0123456789abcdef' };
const partContext: SealedFileContext = { format: 3, file: 'part', id: '0123456789abcdef', name: 'early_help' };

async function dataKey(extractable = false): Promise<CryptoKey> {
  return crypto.subtle.generateKey({ name: 'AES-GCM', length: 256 }, extractable, ['encrypt', 'decrypt']);
}

async function problemOf(promise: Promise<unknown>): Promise<SealedFileProblem> {
  const error = await promise.then(
    () => null,
    (thrown: unknown) => thrown,
  );
  expect(error).toBeInstanceOf(SealedFileProblem);
  return error as SealedFileProblem;
}

describe('sealed files', () => {
  it('round-trip in chunks, each with its own IV, and gzip what compresses', async () => {
    const key = await dataKey();
    const plain = joined([noise(3000, 9), new TextEncoder().encode('x'.repeat(100_000))]);
    const { sealed, chunks } = await sealFile(key, plain, context, 1024);
    expect(chunks).toBe(records(sealed).length);
    expect(sealed.length).toBeLessThan(plain.length / 10);
    const ivs = records(sealed).map((record) => Buffer.from(record.slice(4, 16)).toString('hex'));
    expect(new Set(ivs).size).toBe(ivs.length);
    expect(Buffer.from(await openFile(key, sealed, context)).equals(Buffer.from(plain))).toBe(true);
    const again = await sealFile(key, plain, context, 1024);
    expect(Buffer.from(again.sealed).equals(Buffer.from(sealed)), 'a fresh IV every time').toBe(false);
  });

  it('stores a part as it is when asked (no gzip), and opens it only as stored', async () => {
    const key = await dataKey();
    const plain = new TextEncoder().encode('early help episode,'.repeat(300));
    const { sealed, chunks } = await sealFile(key, plain, partContext, 1024, 'none');
    expect(chunks).toBe(Math.ceil(plain.length / 1024));
    // Each chunk: its length (4), its IV (12), the ciphertext as long as the plaintext, the tag (16).
    expect(sealed.length).toBe(plain.length + chunks * (4 + 12 + 16));
    expect(Buffer.from(await openFile(key, sealed, partContext, chunks, 'none')).equals(Buffer.from(plain))).toBe(true);
    const asGzip = await problemOf(openFile(key, sealed, partContext, chunks, 'gzip'));
    expect(asGzip.message).toBe('has been changed or damaged');
  });

  it('without a recorded chunk count, a file whose last chunk is dropped still fails: the last mark', async () => {
    const key = await dataKey();
    const { sealed } = await sealFile(key, noise(5000, 2), context, 1024);
    const shorter = joined(records(sealed).slice(0, -1));
    expect((await problemOf(openFile(key, shorter, context))).message).toBe('chunk 4 has been changed or damaged');
  });

  it('binds every chunk of a manifest to the format, generation and id it was written for', async () => {
    const key = await dataKey();
    const { sealed } = await sealFile(key, noise(100, 3), context);
    const others: SealedFileContext[] = [
      { ...context, format: 2 },
      { ...context, generation: 4 },
      { ...context, id: 'fedcba9876543210' },
      { format: 3, file: 'part', id: '0123456789abcdef', name: 'g3' },
    ];
    for (const other of others) {
      expect((await problemOf(openFile(key, sealed, other))).message).toBe('chunk 1 has been changed or damaged');
    }
    expect((await problemOf(openFile(await dataKey(), sealed, context))).incomplete).toBe(false);
  });

  it('binds every chunk of a part to the format, its own id and its name, not to a generation', async () => {
    const key = await dataKey();
    const { sealed } = await sealFile(key, noise(100, 4), partContext);
    expect((await openFile(key, sealed, partContext)).length).toBe(100);
    const others: SealedFileContext[] = [
      { ...partContext, format: 1 },
      { ...partContext, id: 'fedcba9876543210' },
      { ...partContext, name: 'contacts' },
      { format: 3, file: 'manifest', generation: 3, id: '0123456789abcdef' },
    ];
    for (const other of others) {
      expect((await problemOf(openFile(key, sealed, other))).message).toBe('chunk 1 has been changed or damaged');
    }
  });
});
