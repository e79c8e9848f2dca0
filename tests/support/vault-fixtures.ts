import { expect } from 'vitest';
import { concat } from '../../src/vault/bytes';
import { createVault, type KeptSnapshot, type Vault, VaultError, type VaultErrorReason } from '../../src/vault/vault';
import { memoryFiles, type VaultFiles } from '../../src/vault/vault-files';

/**
 * What the vault's tests share: a passphrase, a snapshot with distinctive values (the kind a test then
 * searches every stored byte for), a multi-chunk part, and surgery on sealed files' records.
 */
export const PASSPHRASE = 'kettle orbit meadow';

/** Values that appear nowhere but in the snapshot, so finding them in stored bytes means plaintext leaked. */
export const DISTINCTIVE = ['CHILD-QZ7-48213', 'Quokkaby Family Hub', 'Commentary: Zephyrine wrote this'];

/** Pseudo-random bytes from a seed (xorshift32): incompressible, so 2.5 MiB makes three 1 MiB chunks. */
export function noise(length: number, seed = 1): Uint8Array {
  const out = new Uint8Array(length);
  let x = seed >>> 0 || 1;
  for (let i = 0; i < length; i++) {
    x ^= x << 13;
    x ^= x >>> 17;
    x ^= x << 5;
    out[i] = x & 0xff;
  }
  return out;
}

export function snapshot(version = 1): KeptSnapshot {
  const rows = Array.from(
    { length: 2000 },
    (_, i) => `${DISTINCTIVE[0]}-${i},${DISTINCTIVE[1]},2025-0${(i % 9) + 1}-01`,
  );
  return {
    state: { version, commentary: DISTINCTIVE[2], targets: [{ indicator: 'eh-open', value: 0.75 }], when: null },
    parts: [
      { name: 'early_help', bytes: noise(2.5 * 1024 * 1024, version) },
      { name: 'contacts', bytes: new TextEncoder().encode(`id,hub,date\n${rows.join('\n')}\n`) },
      { name: 'empty_table', bytes: new Uint8Array() },
    ],
  };
}

/** A vault with few PBKDF2 iterations, so each test does not spend a second deriving its key. */
export function fastVault(files: VaultFiles, passphrase = PASSPHRASE): Promise<Vault> {
  return createVault(files, passphrase, { iterationsForTestsOnly: 1000 });
}

export function newFiles() {
  return memoryFiles();
}

/** A copy of every file's bytes, to compare before and after. */
export function copyOf(files: { bytes(): Map<string, Uint8Array> }): Map<string, Uint8Array> {
  return new Map([...files.bytes()].map(([name, bytes]) => [name, bytes.slice()]));
}

/** Whether two sets of files hold the same names and the same bytes (Buffer compares megabytes quickly). */
export function sameFiles(a: Map<string, Uint8Array>, b: Map<string, Uint8Array>): boolean {
  const same = (x: Uint8Array, y: Uint8Array | undefined) => y !== undefined && Buffer.from(x).equals(Buffer.from(y));
  return a.size === b.size && [...a].every(([name, bytes]) => same(bytes, b.get(name)));
}

/** The name of the one file whose name ends with `suffix` (e.g. "-early_help.sealed"). */
export function fileEnding(files: { bytes(): Map<string, Uint8Array> }, suffix: string): string {
  const names = [...files.bytes().keys()].filter((name) => name.endsWith(suffix));
  expect(names, `one file ending ${suffix}`).toHaveLength(1);
  return names[0] as string;
}

/** A sealed file's records ([u32 length][IV][ciphertext]), each whole. */
export function records(sealed: Uint8Array): Uint8Array[] {
  const out: Uint8Array[] = [];
  for (let at = 0; at < sealed.length; ) {
    const length = new DataView(sealed.buffer, sealed.byteOffset + at, 4).getUint32(0);
    out.push(sealed.slice(at, at + 4 + 12 + length));
    at += 4 + 12 + length;
  }
  return out;
}

/** Pieces one after another (the vault's own `concat`, named for what the tests do with it). */
export const joined = concat;

/** Whether `haystack` holds `text` as UTF-8. */
export function holds(haystack: Uint8Array, text: string): boolean {
  return Buffer.from(haystack.buffer, haystack.byteOffset, haystack.byteLength).includes(Buffer.from(text, 'utf8'));
}

export async function refusal(promise: Promise<unknown>): Promise<{ reason: VaultErrorReason; message: string }> {
  const error = await promise.then(
    () => null,
    (thrown: unknown) => thrown,
  );
  expect(error, 'refused with a VaultError').toBeInstanceOf(VaultError);
  const { reason, message } = error as VaultError;
  return { reason, message };
}
