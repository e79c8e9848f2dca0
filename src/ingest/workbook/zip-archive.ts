/**
 * Just enough of the zip format to read a workbook part by part, without holding the file or its
 * expanded parts in memory: the central directory says where each part is and how big it claims to be;
 * each part is inflated as a stream by the platform's own DecompressionStream (native code, in every
 * current browser and in Node), and reading stops as soon as it expands beyond a limit (a zip bomb is
 * refused within seconds, whatever its headers claim).
 */
export interface ZipEntry {
  name: string;
  /** 0 = stored, 8 = deflated. */
  method: number;
  compressedSize: number;
  size: number;
  localHeaderOffset: number;
}

export class ZipError extends Error {}

/** Thrown for a zip whose parts are encrypted (the caller says so in the user's words). */
export class EncryptedZip extends Error {}

const EOCD = 0x06054b50;
const CENTRAL = 0x02014b50;
const LOCAL = 0x04034b50;

async function slice(blob: Blob, start: number, end: number): Promise<DataView> {
  const buffer = await blob.slice(start, end).arrayBuffer();
  return new DataView(buffer);
}

/** The entries of a zip file, from its central directory. */
export async function readZipDirectory(blob: Blob): Promise<ZipEntry[]> {
  const tailStart = Math.max(0, blob.size - 65_557);
  const tail = await slice(blob, tailStart, blob.size);
  let eocd = -1;
  for (let i = tail.byteLength - 22; i >= 0; i -= 1) {
    if (tail.getUint32(i, true) === EOCD) {
      eocd = i;
      break;
    }
  }
  if (eocd < 0) throw new ZipError('it is not a complete zip file (the end of its directory is missing)');
  const count = tail.getUint16(eocd + 10, true);
  const size = tail.getUint32(eocd + 12, true);
  const offset = tail.getUint32(eocd + 16, true);
  if (count === 0xffff || size === 0xffffffff || offset === 0xffffffff) {
    throw new ZipError('it is a 64-bit zip, which is larger than a workbook this app can open');
  }
  if (offset + size > blob.size) throw new ZipError('its directory points outside the file (it may be damaged)');
  const directory = await slice(blob, offset, offset + size);
  const entries: ZipEntry[] = [];
  const decoder = new TextDecoder();
  let p = 0;
  for (let n = 0; n < count; n += 1) {
    if (p + 46 > directory.byteLength || directory.getUint32(p, true) !== CENTRAL) {
      throw new ZipError('its directory is damaged');
    }
    const nameLength = directory.getUint16(p + 28, true);
    const extraLength = directory.getUint16(p + 30, true);
    const commentLength = directory.getUint16(p + 32, true);
    // Bit 0 of the general-purpose flags: the part is encrypted (a password-protected zip).
    if ((directory.getUint16(p + 8, true) & 1) === 1) throw new EncryptedZip();
    const nameBytes = new Uint8Array(directory.buffer, directory.byteOffset + p + 46, nameLength);
    entries.push({
      name: decoder.decode(nameBytes).replace(/\\/g, '/'),
      method: directory.getUint16(p + 10, true),
      compressedSize: directory.getUint32(p + 20, true),
      size: directory.getUint32(p + 24, true),
      localHeaderOffset: directory.getUint32(p + 42, true),
    });
    p += 46 + nameLength + extraLength + commentLength;
  }
  return entries;
}

export interface ExpansionLimits {
  /** Most bytes all parts read from one workbook may expand to. */
  maxExpandedBytes: number;
  /** Past `ratioCheckAfter` expanded bytes, a part expanding more than this many times is a zip bomb. */
  maxRatio: number;
  ratioCheckAfter: number;
}

/** Counts what a workbook's parts expand to, across parts, and refuses past the limits. */
export class ExpansionBudget {
  private expanded = 0;

  constructor(private readonly limits: ExpansionLimits) {}

  /** Checks a part's claimed sizes before reading it. */
  checkClaim(entry: ZipEntry): void {
    this.check(this.expanded + entry.size, entry.size, entry.compressedSize);
  }

  /** Adds bytes expanded from a part whose compressed size is `compressed`. */
  add(bytes: number, partExpanded: number, compressed: number): void {
    this.expanded += bytes;
    this.check(this.expanded, partExpanded, compressed);
  }

  private check(total: number, partExpanded: number, compressed: number): void {
    const { maxExpandedBytes, maxRatio, ratioCheckAfter } = this.limits;
    if (total > maxExpandedBytes) {
      throw new ZipError(
        `it expands to more than ${Math.round(maxExpandedBytes / 1024 ** 2)} MB, more than the browser can read safely`,
      );
    }
    if (partExpanded > ratioCheckAfter && partExpanded > maxRatio * Math.max(1, compressed)) {
      throw new ZipError(
        `one of its parts expands more than ${maxRatio} times (a “zip bomb”, or a corrupted file), so it was not opened`,
      );
    }
  }
}

/** The compressed bytes of a part, counting how many have been read so far. */
function countingStream(blob: Blob, start: number, end: number, counter: { read: number }): ReadableStream<Uint8Array> {
  return blob
    .slice(start, end)
    .stream()
    .pipeThrough(
      new TransformStream<Uint8Array, Uint8Array>({
        transform(chunk, controller) {
          counter.read += chunk.length;
          controller.enqueue(chunk);
        },
      }),
    );
}

/**
 * Inflates one part as a stream, handing each expanded chunk to `onData` (which may throw to stop);
 * `onProgress` gets the share of the part's compressed bytes read so far.
 */
export async function inflateEntry(
  blob: Blob,
  entry: ZipEntry,
  budget: ExpansionBudget,
  onData: (chunk: Uint8Array) => void,
  onProgress?: (fraction: number) => void | Promise<void>,
): Promise<void> {
  budget.checkClaim(entry);
  const local = await slice(blob, entry.localHeaderOffset, entry.localHeaderOffset + 30);
  if (local.byteLength < 30 || local.getUint32(0, true) !== LOCAL) throw new ZipError('a part of it is damaged');
  const start = entry.localHeaderOffset + 30 + local.getUint16(26, true) + local.getUint16(28, true);
  const end = start + entry.compressedSize;
  if (end > blob.size) throw new ZipError('a part of it runs past the end of the file (it may be cut short)');
  if (entry.method !== 0 && entry.method !== 8) {
    throw new ZipError(`a part of it is compressed in a way this app cannot read (method ${entry.method})`);
  }
  const consumed = { read: 0 };
  const compressed = countingStream(blob, start, end, consumed);
  const inflate = new DecompressionStream('deflate-raw') as unknown as ReadableWritablePair<Uint8Array, Uint8Array>;
  const stream = entry.method === 8 ? compressed.pipeThrough(inflate) : compressed;
  const reader = stream.getReader();
  let expanded = 0;
  let stoppedBy: unknown;
  try {
    for (let next = await reader.read(); !next.done; next = await reader.read()) {
      expanded += next.value.length;
      budget.add(next.value.length, expanded, entry.compressedSize);
      try {
        onData(next.value);
      } catch (error) {
        stoppedBy = error;
        throw error;
      }
      if (onProgress) await onProgress(consumed.read / Math.max(1, entry.compressedSize));
    }
  } catch (error) {
    await reader.cancel().catch(() => undefined);
    // The reader of the part stopped it (e.g. a damaged cell): its own words.
    if (error instanceof ZipError || error === stoppedBy) throw error;
    throw new ZipError(
      `a part of it could not be expanded (${error instanceof Error ? error.message : String(error)})`,
    );
  }
}

/** A whole (small) part as text, e.g. workbook.xml; within the same budget. */
export async function readEntryText(blob: Blob, entry: ZipEntry, budget: ExpansionBudget): Promise<string> {
  const decoder = new TextDecoder();
  let text = '';
  await inflateEntry(blob, entry, budget, (chunk) => {
    text += decoder.decode(chunk, { stream: true });
  });
  return text + decoder.decode();
}
