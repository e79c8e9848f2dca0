import { type Bytes, concat, gunzip, gzip, ownBytes, randomBytes, readU32, sha256Hex, u32, utf8 } from './bytes';

/**
 * A sealed file: the plaintext (gzipped or as it is: its Packing), cut into chunks, each chunk AES-GCM
 * with a fresh random 96-bit IV, written as records [u32 big-endian length of the ciphertext][12-byte
 * IV][ciphertext with its 16-byte tag].
 *
 * Each chunk's associated data names the format version, the file (a generation's manifest: its number and
 * random id; or a part: its own random id and its name), the chunk's index and whether it is the last, so a
 * chunk moved to another file, position or generation, a chunk replayed from an older save, or a file cut
 * short fails to open.
 */
export const CHUNK_BYTES = 1 << 20;

/**
 * How the plaintext is stored before sealing: a manifest gzipped, a part as it is — the browser's gzip
 * cost a large table's save and unlock far more than the space it saved is worth (docs/performance.md,
 * "Returning to kept data").
 */
export type Packing = 'gzip' | 'none';
const IV_BYTES = 12;
const TAG_BYTES = 16;

/**
 * The file a chunk belongs to. A manifest belongs to one generation (its number, and an id random per save,
 * so even two attempts at one generation number cannot trade chunks); a part has an id of its own, random
 * per write, so one part file can be carried over, unchanged, from generation to generation.
 */
export type SealedFileContext =
  | { format: number; file: 'manifest'; generation: number; id: string }
  | { format: number; file: 'part'; id: string; name: string };

/** Why a sealed file did not open, in words that follow its name ("part “x” …"). */
export class SealedFileProblem extends Error {
  constructor(
    readonly incomplete: boolean,
    words: string,
  ) {
    super(words);
  }
}

function associatedData(context: SealedFileContext, index: number, last: boolean): Bytes {
  const file =
    context.file === 'manifest'
      ? `manifest/g${context.generation}/${context.id}`
      : `part/${context.id}/${context.name}`;
  return utf8(`partnership-insight-vault/${context.format}/${file}/chunk ${index}/${last ? 'last' : 'more'}`);
}

export async function sealFile(
  key: CryptoKey,
  plain: Uint8Array,
  context: SealedFileContext,
  chunkBytes = CHUNK_BYTES,
  packing: Packing = 'gzip',
): Promise<{ sealed: Bytes; chunks: number }> {
  const packed = packing === 'gzip' ? await gzip(plain) : ownBytes(plain);
  const chunks = Math.max(1, Math.ceil(packed.length / chunkBytes));
  const records: Uint8Array[] = [];
  for (let index = 0; index < chunks; index++) {
    const iv = randomBytes(IV_BYTES);
    const additionalData = associatedData(context, index, index === chunks - 1);
    const piece = packed.subarray(index * chunkBytes, (index + 1) * chunkBytes);
    const cipher = new Uint8Array(await crypto.subtle.encrypt({ name: 'AES-GCM', iv, additionalData }, key, piece));
    records.push(u32(cipher.length), iv, cipher);
  }
  return { sealed: concat(records), chunks };
}

interface SealedRecord {
  iv: Bytes;
  cipher: Bytes;
}

/** The records of a sealed file, and whether the last one was cut short. */
export function sealedRecords(file: Uint8Array): { records: SealedRecord[]; cut: boolean } {
  // Views into the file, not copies: a million-row part is some 200 MB.
  const sealed = ownBytes(file);
  const records: SealedRecord[] = [];
  let at = 0;
  while (at < sealed.length) {
    if (at + 4 > sealed.length) return { records, cut: true };
    const length = readU32(sealed, at);
    const end = at + 4 + IV_BYTES + length;
    if (length < TAG_BYTES || end > sealed.length) return { records, cut: true };
    records.push({ iv: sealed.subarray(at + 4, at + 4 + IV_BYTES), cipher: sealed.subarray(at + 4 + IV_BYTES, end) });
    at = end;
  }
  return { records, cut: false };
}

/** The records of a sealed file of `chunks` chunks (or, for a manifest, up to its "last" mark), all there. */
function wholeRecords(sealed: Uint8Array, chunks?: number) {
  const { records, cut } = sealedRecords(sealed);
  const count = chunks ?? records.length;
  if (cut && records.length < count + (chunks === undefined ? 1 : 0)) {
    throw new SealedFileProblem(true, `is incomplete: chunk ${records.length + 1} is cut short`);
  }
  if (records.length < count || count === 0) throw new SealedFileProblem(true, 'is incomplete: chunks are missing');
  if (records.length > count || cut) throw new SealedFileProblem(false, 'has more in it than was written');
  return records;
}

const decryptChunk =
  (key: CryptoKey, context: SealedFileContext, count: number) => (record: SealedRecord, index: number) =>
    crypto.subtle.decrypt(
      { name: 'AES-GCM', iv: record.iv, additionalData: associatedData(context, index, index === count - 1) },
      key,
      record.cipher,
    );

const damagedChunk = (index: number) => new SealedFileProblem(false, `chunk ${index + 1} has been changed or damaged`);

/**
 * The plaintext of a sealed file, or a SealedFileProblem. `chunks` is the count the manifest recorded; for
 * the manifest itself (whose count nothing records) the file's own last record must carry the "last" mark.
 */
export async function openFile(
  key: CryptoKey,
  sealed: Uint8Array,
  context: SealedFileContext,
  chunks?: number,
  packing: Packing = 'gzip',
): Promise<Bytes> {
  const records = wholeRecords(sealed, chunks);
  // Every chunk asked for at once: the browser decrypts them on its own threads.
  const opened = await Promise.allSettled(records.map(decryptChunk(key, context, records.length)));
  const plain: Bytes[] = [];
  for (const [index, result] of opened.entries()) {
    if (result.status === 'rejected') throw damagedChunk(index);
    plain.push(new Uint8Array(result.value));
  }
  if (packing === 'none') return concat(plain);
  try {
    return await gunzip(concat(plain));
  } catch {
    throw new SealedFileProblem(false, 'has been changed or damaged');
  }
}

/** How many chunks are being decrypted ahead of the one a reader of `openFilePieces` waits for. */
const AHEAD = 24;

/**
 * The plaintext of a sealed file stored as it is ('none'), a chunk at a time in order, each checked as it
 * opens, while the next ones are already being decrypted: a reader can use the first megabytes before the
 * last are open. A damaged chunk throws when its turn comes (after the ones before it were given out).
 */
export async function* openFilePieces(
  key: CryptoKey,
  sealed: Uint8Array,
  context: SealedFileContext,
  chunks: number,
): AsyncGenerator<Bytes> {
  const records = wholeRecords(sealed, chunks);
  const decrypt = decryptChunk(key, context, records.length);
  const opening: (Promise<ArrayBuffer> | null)[] = [];
  const start = (index: number) => {
    const record = records[index];
    if (!record || opening[index]) return;
    const promise = decrypt(record, index);
    promise.catch(() => undefined); // awaited in its turn; not an unhandled rejection meanwhile
    opening[index] = promise;
  };
  for (let index = 0; index < Math.min(AHEAD, records.length); index++) start(index);
  for (let index = 0; index < records.length; index++) {
    let plain: ArrayBuffer;
    try {
      plain = await (opening[index] as Promise<ArrayBuffer>);
    } catch {
      throw damagedChunk(index);
    }
    opening[index] = null;
    start(index + AHEAD);
    yield new Uint8Array(plain);
  }
}

/**
 * The SHA-256 of a sealed file's frame: each chunk's length, IV and GCM tag, in order. The tags
 * authenticate every ciphertext byte under the data key, so two files whose chunks all open and whose
 * frames match are the same file (another would need a forged tag); hashing the frame instead of the
 * whole file reads some 40 bytes per megabyte. Null when the file is not whole records.
 */
export async function sealedFrameDigest(sealed: Uint8Array): Promise<string | null> {
  const { records, cut } = sealedRecords(sealed);
  if (cut) return null;
  const frame = new Uint8Array(records.length * (4 + IV_BYTES + TAG_BYTES));
  records.forEach(({ iv, cipher }, index) => {
    const at = index * (4 + IV_BYTES + TAG_BYTES);
    new DataView(frame.buffer).setUint32(at, cipher.length);
    frame.set(iv, at + 4);
    frame.set(cipher.subarray(cipher.length - TAG_BYTES), at + 4 + IV_BYTES);
  });
  return sha256Hex(frame);
}
