import { ContentHash } from '../shared/content-hash';
import {
  blobChunks,
  type RecordScan,
  type RecordScanner,
  scanOnTheSpot,
  scanRecords,
  uniformLineEnds,
} from './record-scan';
import { decode, describeBinary, detectEncoding, detectUtf16, PREVIEW_BYTES, type Utf16 } from './sniff';

/**
 * The first stage of reading a text file: whatever encoding and line ends it was written with, it
 * becomes UTF-8 with uniform line ends for DuckDB, and a record scan says where its records are.
 * Files that already are (nearly all) are passed on as they are, without a copy.
 */

/**
 * Whether the start of a file (up to its last whole line in the first 256 KB) is plain: UTF-8, one kind
 * of line end, no line break inside quotes, no value that needs trimming. DuckDB can then start reading
 * the file the plain way before the whole of it has been scanned.
 */
export async function plainHead(file: Blob, delimiter: string): Promise<boolean> {
  const bytes = new Uint8Array(await file.slice(0, PREVIEW_BYTES).arrayBuffer());
  const end = file.size <= PREVIEW_BYTES ? bytes.length : bytes.lastIndexOf(0x0a) + 1;
  if (end <= 0) return false;
  const scan = await scanRecords(blobChunks(new Blob([bytes.subarray(0, end)])), delimiter);
  return scan.utf8 && uniformLineEnds(scan.lineEnds) && !scan.quotedNewlines && !scan.paddedValues;
}

/** The start of a file, decoded, for sniffing its layout; or why it is not text. */
export type TextHead =
  | { kind: 'binary'; description: string }
  | { kind: 'text'; text: string; complete: boolean; utf16: Utf16 | undefined };

/**
 * The first 256 KB, decoded, with every line end as LF (the layout is sniffed from it, and the file
 * itself is read with uniform line ends too, so their line counts agree).
 */
export async function readTextHead(file: Blob): Promise<TextHead> {
  const head = new Uint8Array(await file.slice(0, PREVIEW_BYTES).arrayBuffer());
  const complete = file.size <= PREVIEW_BYTES;
  const utf16 = detectUtf16(head);
  const lf = (text: string) => text.replace(/\r\n?/g, '\n');
  if (utf16) return { kind: 'text', text: lf(new TextDecoder(utf16).decode(head)), complete, utf16 };
  const binary = describeBinary(head);
  if (binary) return { kind: 'binary', description: binary };
  return { kind: 'text', text: lf(decode(head, detectEncoding(head, complete))), complete, utf16 };
}

export interface TextSource {
  /** UTF-8 text with uniform line ends: the file itself when it already was. */
  blob: Blob;
  /** Where the records of `blob` are (blank lines, quotes, line count). */
  scan: RecordScan;
  /** How the file was written, for the load report. */
  encoding: 'UTF-8' | 'Windows-1252' | 'UTF-16 LE' | 'UTF-16 BE';
  /** Fingerprint of the file's own bytes: the same file dropped twice is recognised. */
  contentHash: string;
  /** True when line ends were mixed (CRLF, LF, CR) or old-Mac CR and have been made uniform. */
  lineEndsNormalised: boolean;
}

async function bytesOf(blob: Blob): Promise<Uint8Array<ArrayBuffer>> {
  return new Uint8Array(await blob.arrayBuffer());
}

export async function prepareTextSource(
  file: Blob,
  utf16: Utf16 | undefined,
  delimiter: string,
  onProgress?: (bytesDone: number) => void | Promise<void>,
  scanner: RecordScanner = scanOnTheSpot,
): Promise<TextSource> {
  let blob = file;
  let contentHash: string | undefined;
  let encoding: TextSource['encoding'] = utf16 === 'utf-16le' ? 'UTF-16 LE' : 'UTF-16 BE';
  if (utf16) {
    const bytes = await bytesOf(file);
    const hash = new ContentHash();
    hash.update(bytes);
    contentHash = hash.digest();
    blob = new Blob([new TextEncoder().encode(new TextDecoder(utf16).decode(bytes))]);
  }
  let scan = await scanner(blob, delimiter, onProgress);
  contentHash ??= scan.contentHash;
  let changed = false;
  if (!utf16) encoding = scan.utf8 ? 'UTF-8' : 'Windows-1252';
  if (!scan.utf8) {
    // Windows-1252 is decoded exactly in JS (DuckDB's latin-1 differs for € and curly quotes).
    blob = new Blob([new TextEncoder().encode(decode(await bytesOf(blob), 'windows-1252'))]);
    changed = true;
  }
  const lineEndsNormalised = !uniformLineEnds(scan.lineEnds);
  if (lineEndsNormalised) {
    blob = new Blob([normaliseLineEnds(await bytesOf(blob), delimiter)]);
    changed = true;
  }
  if (changed) scan = await scanRecords(blobChunks(blob), delimiter);
  return { blob, scan, encoding, contentHash, lineEndsNormalised };
}

const QUOTE = 0x22;
const LF = 0x0a;
const CR = 0x0d;

/**
 * CRLF and lone CR → LF, outside quoted values (a line break inside a quoted value is part of the value
 * and stays as written). Quotes follow DuckDB's rules, as the record scan does: a quote opens a value
 * only at the start of a field, and "" inside quotes is a quote.
 */
export function normaliseLineEnds(bytes: Uint8Array, delimiter: string): Uint8Array<ArrayBuffer> {
  const delim = delimiter.charCodeAt(0);
  const out = new Uint8Array(bytes.length);
  let o = 0;
  let inQuotes = false;
  let fieldStart = true;
  for (let i = 0; i < bytes.length; i += 1) {
    const b = bytes[i] ?? 0;
    if (inQuotes) {
      out[o++] = b;
      if (b === QUOTE) {
        if (bytes[i + 1] === QUOTE) out[o++] = bytes[++i] ?? QUOTE;
        else inQuotes = false;
      }
      continue;
    }
    if (b === CR || b === LF) {
      out[o++] = LF;
      if (b === CR && bytes[i + 1] === LF) i += 1;
      fieldStart = true;
      continue;
    }
    if (b === QUOTE && fieldStart) inQuotes = true;
    out[o++] = b;
    fieldStart = b === delim;
  }
  return out.slice(0, o);
}

/**
 * The lines a user sees after an unclosed quote's record: from the next record to the end of the file,
 * blank lines listed apart (they are not rows: nothing but delimiters and spaces, as elsewhere).
 * `offset` is where the quote opened; `record` its line.
 */
export async function linesAfterUnclosedQuote(
  blob: Blob,
  offset: number,
  record: number,
  delimiter: string,
): Promise<{ first: number; last: number; blank: number[] }> {
  const delim = delimiter.charCodeAt(0);
  let line = record;
  let content = 0; // bytes on the current line other than spaces, tabs and delimiters
  let afterCr = false;
  const blank: number[] = [];
  // Inside the swallowed text line ends were left as written: CR, LF and CRLF each end a line.
  for await (const chunk of blobChunks(blob.slice(offset))) {
    for (const b of chunk) {
      if (b === LF && afterCr) {
        afterCr = false;
      } else if (b === LF || b === CR) {
        if (line > record && content === 0) blank.push(line);
        line += 1;
        content = 0;
        afterCr = b === CR;
      } else {
        afterCr = false;
        if (b !== delim && b !== 0x20 && b !== 0x09) content += 1;
      }
    }
  }
  // A last line without a line end counts if it has anything in it.
  const last = content > 0 ? line : line - 1;
  return { first: record + 1, last: Math.max(record, last), blank };
}
