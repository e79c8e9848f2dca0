import { ContentHash } from '../shared/content-hash';

/**
 * One streaming pass over a delimited text file that splits records exactly as DuckDB's CSV reader
 * does (a double quote opens a quoted value only at the start of a field; `""` inside quotes is a
 * quote; newlines inside quotes belong to the value). It tells which records are blank — DuckDB
 * skips them but still counts them in its line numbers — so that every loaded row can be given the
 * row number a person sees when opening the file in Excel. It also checks that the bytes are UTF-8.
 */
export interface RecordScan {
  /** Records in the file, blank ones included (= DuckDB's last line number). */
  records: number;
  /** 1-based numbers of blank records (empty or "\r" only), ascending. */
  blankRecords: number[];
  /** True when every byte sequence is valid UTF-8. */
  utf8: boolean;
  /** True when some quoted value contains a line break (DuckDB must then read the file serially). */
  quotedNewlines: boolean;
  /**
   * True when some value may start or end with white space, or hold a tab or no-break space: values
   * then need trimming. False lets the load skip that work (it is most of the cost on big files).
   */
  paddedValues: boolean;
  /** Fingerprint of the file's bytes (see ContentHash): the same file dropped twice is recognised. */
  contentHash: string;
  /** Record whose quoted value is never closed (it then runs to the end of the file), or null. */
  unclosedQuoteRecord: number | null;
  /** Byte offset of that record's opening quote (where the rest of the file starts to be swallowed). */
  unclosedQuoteOffset: number | null;
  /** Line ends outside quoted values: how many CRLF and LF, and whether any lone CR ends a line. */
  lineEnds: LineEnds;
  bytes: number;
}

export interface LineEnds {
  crlf: number;
  lf: number;
  loneCr: boolean;
}

/** Whether DuckDB can read the line ends as they are: all LF or all CRLF, never a lone CR. */
export function uniformLineEnds(ends: LineEnds): boolean {
  return !ends.loneCr && (ends.crlf === 0 || ends.lf === 0);
}

const QUOTE = 0x22;
const NEWLINE = 0x0a;
const CR = 0x0d;

export async function scanRecords(
  chunks: AsyncIterable<Uint8Array>,
  delimiter: string,
  onProgress?: (bytesDone: number) => void | Promise<void>,
): Promise<RecordScan> {
  const delim = delimiter.charCodeAt(0);
  const decoder = new TextDecoder('utf-8', { fatal: true });
  let utf8 = true;
  let offset = 0; // global offset of the current chunk
  let recordStart = 0; // global offset where the current record starts
  let record = 1;
  const blankRecords: number[] = [];
  let inQuotes = false;
  let quoteMayClose = false; // last byte was a quote inside a quoted value
  let prevByte = NEWLINE; // byte before the current position (record start behaves like after a newline)
  let bomSkipped = false;
  let quotedNewlines = false;
  let quoteRecord = 0;
  let quoteOffset = 0;
  let paddedValues = false;
  const lineEnds: LineEnds = { crlf: 0, lf: 0, loneCr: false };
  let crAtChunkEnd = false; // a CR ended the last chunk: lone unless this chunk starts with LF
  let spaceAtChunkEnd = false; // a space ended the last chunk: padding if this one starts at an edge
  let lastByte: number | undefined; // the last chunk's last byte
  const TAB = 0x09;
  const SPACE = 0x20;
  const NBSP = 0xa0; // also the second byte of UTF-8 "à" etc.: a false alarm only costs the trimming
  const edge = (b: number | undefined) =>
    b === undefined || b === delim || b === NEWLINE || b === CR || b === QUOTE || b === TAB || b === SPACE;

  const hash = new ContentHash();
  for await (const chunk of chunks) {
    hash.update(chunk);
    if (utf8) {
      try {
        decoder.decode(chunk, { stream: true });
      } catch {
        utf8 = false;
      }
    }
    if (!paddedValues) {
      if (chunk.indexOf(NBSP) !== -1 || (delim !== TAB && chunk.indexOf(TAB) !== -1)) paddedValues = true;
      // A space that ended the last chunk pads a value if this chunk starts at a value's edge.
      if (spaceAtChunkEnd && edge(chunk[0])) paddedValues = true;
      spaceAtChunkEnd = false;
      for (let p = chunk.indexOf(SPACE); p !== -1 && !paddedValues; p = chunk.indexOf(SPACE, p + 1)) {
        // A space next to a delimiter, line end or quote (or the file's start or end) may pad a value;
        // at a chunk's edge the byte across it decides.
        const before = p > 0 ? chunk[p - 1] : offset > 0 ? lastByte : undefined;
        if (edge(before)) paddedValues = true;
        else if (p === chunk.length - 1) spaceAtChunkEnd = true;
        else if (edge(chunk[p + 1])) paddedValues = true;
      }
    }
    lastByte = chunk[chunk.length - 1] ?? lastByte;
    let i = 0;
    if (crAtChunkEnd) {
      crAtChunkEnd = false;
      if (chunk[0] !== NEWLINE) lineEnds.loneCr = true;
    }
    if (!bomSkipped) {
      bomSkipped = true;
      if (chunk[0] === 0xef && chunk[1] === 0xbb && chunk[2] === 0xbf) {
        i = 3;
        recordStart = 3;
      }
    }
    const n = chunk.length;
    // Next quote at or after i in this chunk (-1: none). Cached: searching again for every line of a
    // chunk without quotes would make the scan quadratic.
    let nextQuote = -2;
    const quoteFrom = (from: number) => {
      if (nextQuote === -2 || (nextQuote !== -1 && nextQuote < from)) nextQuote = chunk.indexOf(QUOTE, from);
      return nextQuote;
    };
    // The same for carriage returns, to find a CR that ends a line on its own (old Mac files, mixed files).
    let nextCr = -2;
    const crFrom = (from: number) => {
      if (nextCr === -2 || (nextCr !== -1 && nextCr < from)) nextCr = chunk.indexOf(CR, from);
      return nextCr;
    };
    while (i < n) {
      if (quoteMayClose) {
        quoteMayClose = false;
        if (chunk[i] === QUOTE) {
          // Escaped quote "" inside a quoted value.
          prevByte = QUOTE;
          i += 1;
          continue;
        }
        inQuotes = false;
      }
      if (inQuotes) {
        const q = quoteFrom(i);
        if (!quotedNewlines) {
          // A CR inside quotes counts too: DuckDB treats it as a line break in the value. crFrom keeps
          // the next CR found: searching afresh from every quote would run to the end of the chunk, once
          // per quoted value, in a file without CRs.
          const nl = chunk.indexOf(NEWLINE, i);
          const cr = crFrom(i);
          if ((nl !== -1 && (q === -1 || nl < q)) || (cr !== -1 && (q === -1 || cr < q))) quotedNewlines = true;
        }
        if (q === -1) {
          prevByte = chunk[n - 1] ?? prevByte;
          i = n;
          break;
        }
        quoteMayClose = true;
        prevByte = QUOTE;
        i = q + 1;
        continue;
      }
      const nl = chunk.indexOf(NEWLINE, i);
      const q = quoteFrom(i);
      if (!lineEnds.loneCr) {
        const cr = crFrom(i);
        const stop = Math.min(nl === -1 ? n : nl, q === -1 ? n : q);
        if (cr !== -1 && cr < stop && cr !== nl - 1) {
          if (cr === n - 1) crAtChunkEnd = true;
          else lineEnds.loneCr = true;
        }
      }
      if (q !== -1 && (nl === -1 || q < nl)) {
        const before = q > 0 ? (chunk[q - 1] ?? prevByte) : prevByte;
        const atFieldStart = before === delim || before === NEWLINE || offset + q === recordStart;
        if (atFieldStart) {
          inQuotes = true;
          quoteRecord = record;
          quoteOffset = offset + q;
        }
        prevByte = QUOTE;
        i = q + 1;
        continue;
      }
      if (nl === -1) {
        prevByte = chunk[n - 1] ?? prevByte;
        i = n;
        break;
      }
      const globalNl = offset + nl;
      const length = globalNl - recordStart;
      const before = nl > 0 ? (chunk[nl - 1] ?? prevByte) : prevByte;
      if (before === CR) lineEnds.crlf += 1;
      else lineEnds.lf += 1;
      if (length === 0 || (length === 1 && before === CR)) blankRecords.push(record);
      record += 1;
      recordStart = globalNl + 1;
      prevByte = NEWLINE;
      i = nl + 1;
    }
    offset += n;
    if (onProgress) await onProgress(offset);
  }
  if (utf8) {
    try {
      decoder.decode();
    } catch {
      utf8 = false;
    }
  }
  // A last record without a final newline; a final "\r" alone is blank.
  let records = record - 1;
  if (offset > recordStart) {
    records = record;
    if (offset - recordStart === 1 && prevByte === CR) blankRecords.push(record);
  }
  if (crAtChunkEnd) lineEnds.loneCr = true;
  if (spaceAtChunkEnd) paddedValues = true; // the file ends in a space
  const unclosed = inQuotes && !quoteMayClose;
  return {
    records,
    blankRecords,
    utf8,
    quotedNewlines,
    paddedValues,
    unclosedQuoteRecord: unclosed ? quoteRecord : null,
    unclosedQuoteOffset: unclosed ? quoteOffset : null,
    lineEnds,
    contentHash: hash.digest(),
    bytes: offset,
  };
}

/** Scans a file's records: in the browser in a worker (scan-client), elsewhere on the spot. */
export type RecordScanner = (
  blob: Blob,
  delimiter: string,
  onProgress?: (bytesDone: number) => void | Promise<void>,
) => Promise<RecordScan>;

/** The scan where the caller is (Node, tests, and the browser when no worker can run). */
export const scanOnTheSpot: RecordScanner = (blob, delimiter, onProgress) =>
  scanRecords(blobChunks(blob), delimiter, onProgress);

/** Splits a Blob into chunks without reading it whole: 1 MB each, one short task for the page at a time. */
export async function* blobChunks(blob: Blob, chunkSize = 1024 * 1024): AsyncIterable<Uint8Array> {
  for (let start = 0; start < blob.size; start += chunkSize) {
    yield new Uint8Array(await blob.slice(start, start + chunkSize).arrayBuffer());
  }
}
