import { type Bytes, fromUtf8, ownBytes, readU32, sameBytes, u32, utf8 } from './bytes';
import { VaultError } from './vault-error';
import { FORMAT_VERSION } from './vault-header';

/**
 * A backup is one file: the magic line "Partnership Insight backup\n", the format version (u32), the header
 * JSON (u32 length, UTF-8), the number of files (u32), then the current generation's manifest and each part
 * file it names (carried over or not) as
 * [u32 name length][name, UTF-8][u32 length][the sealed file's bytes, unchanged]. Lengths are big-endian.
 * Nothing is decrypted or re-sealed on the way: the backup holds the same key wrap and the same chunks.
 */
const MAGIC = utf8('Partnership Insight backup\n');

export const NOT_A_BACKUP = 'This file is not a Partnership Insight backup.';

export function encodeBackup(header: string, files: readonly { name: string; bytes: Uint8Array }[]): Blob {
  const headerBytes = utf8(header);
  const pieces: Bytes[] = [MAGIC, u32(FORMAT_VERSION), u32(headerBytes.length), headerBytes, u32(files.length)];
  for (const { name, bytes } of files) {
    const nameBytes = utf8(name);
    pieces.push(u32(nameBytes.length), nameBytes, u32(bytes.length), ownBytes(bytes));
  }
  return new Blob(pieces, { type: 'application/octet-stream' });
}

export interface DecodedBackup {
  header: string;
  /** The files found; one cut short by the end of the backup holds what there was of it. */
  files: Map<string, Uint8Array>;
  /** How many files the backup says it holds. */
  count: number;
}

const endsEarly = () => new VaultError('damaged', 'This backup ends early: it was not saved or copied in full.');

/** Reads a backup's layout; what is inside is checked by whoever opens it with the passphrase. */
export function decodeBackup(bytes: Uint8Array): DecodedBackup {
  if (bytes.length < MAGIC.length || !sameBytes(bytes.subarray(0, MAGIC.length), MAGIC)) {
    throw new VaultError('not-a-backup', NOT_A_BACKUP);
  }
  let at = MAGIC.length;
  /** The next `length` bytes, or as many as there are. */
  const take = (length: number): Uint8Array => {
    const piece = bytes.subarray(at, at + length);
    at += piece.length;
    return piece;
  };
  const next = (): number => {
    if (at + 4 > bytes.length) throw endsEarly();
    return readU32(take(4), 0);
  };
  const format = next();
  if (format > FORMAT_VERSION) {
    throw new VaultError(
      'newer-format',
      'This backup was made by a newer version of Partnership Insight: update this copy of the app to restore it.',
    );
  }
  if (format < FORMAT_VERSION) {
    throw new VaultError(
      'older-format',
      'This backup was made by an earlier test version of Partnership Insight, whose format this version does not read.',
    );
  }
  const headerLength = next();
  if (at + headerLength > bytes.length) throw endsEarly();
  const header = text(take(headerLength));
  const count = next();
  const files = new Map<string, Uint8Array>();
  for (let i = 0; i < count && at + 4 <= bytes.length; i++) {
    const nameLength = next();
    if (at + nameLength > bytes.length) break;
    const name = text(take(nameLength));
    files.set(name, at + 4 <= bytes.length ? take(next()).slice() : new Uint8Array());
  }
  return { header, files, count };
}

function text(bytes: Uint8Array): string {
  try {
    return fromUtf8(bytes);
  } catch {
    throw new VaultError('damaged', 'This backup has been changed or damaged: its layout is not readable.');
  }
}
