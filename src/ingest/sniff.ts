import Papa from 'papaparse';
import type { DatasetDefinition } from '../datasets/dataset-definition';
import { headerScore, normaliseHeader } from './header-match';

export const PREVIEW_BYTES = 256 * 1024;
const HEADER_SEARCH_ROWS = 30;

export type Encoding = 'utf-8' | 'windows-1252';
export type Utf16 = 'utf-16le' | 'utf-16be';

/** Above this share of control bytes (other than tab, line ends and form feed) a file is not text. */
const MAX_CONTROL_SHARE = 0.05;

/**
 * Recognises files that are clearly not delimited text, so the user gets a useful message. Judged by
 * signature, then by the share of control bytes in the first 8 KB: one stray NUL does not make a CSV
 * "binary". Call after `detectUtf16` (UTF-16 text is half NUL bytes).
 */
export function describeBinary(bytes: Uint8Array): string | undefined {
  const starts = (...sig: number[]) => sig.every((b, i) => bytes[i] === b);
  if (starts(0x89, 0x50, 0x4e, 0x47)) return 'a PNG image';
  if (starts(0xff, 0xd8, 0xff)) return 'a JPEG image';
  if (starts(0x25, 0x50, 0x44, 0x46)) return 'a PDF document';
  if (starts(0x50, 0x4b, 0x03, 0x04)) return 'a zip file or Excel workbook (.xlsx)';
  if (starts(0xd0, 0xcf, 0x11, 0xe0)) return 'an old-style Excel (.xls) or Word file';
  if (starts(0x1f, 0x8b)) return 'a compressed (.gz) file';
  const head = bytes.subarray(0, 8192);
  let control = 0;
  for (const byte of head) {
    if (byte < 0x20 && byte !== 0x09 && byte !== 0x0a && byte !== 0x0d && byte !== 0x0c) control += 1;
  }
  if (head.length > 0 && control / head.length > MAX_CONTROL_SHARE) return 'a binary (non-text) file';
  return undefined;
}

/**
 * UTF-16 text, as Excel's "Unicode Text" writes it: by its byte-order mark, or without one when
 * nearly every other byte is zero (ASCII letters in UTF-16 have a zero high byte).
 */
export function detectUtf16(bytes: Uint8Array): Utf16 | undefined {
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return 'utf-16le';
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return 'utf-16be';
  const pairs = Math.floor(Math.min(bytes.length, 4096) / 2);
  if (pairs < 4) return undefined;
  let evenZero = 0;
  let oddZero = 0;
  for (let i = 0; i < pairs; i += 1) {
    if (bytes[2 * i] === 0) evenZero += 1;
    if (bytes[2 * i + 1] === 0) oddZero += 1;
  }
  if (oddZero > 0.4 * pairs && evenZero < 0.05 * pairs) return 'utf-16le';
  if (evenZero > 0.4 * pairs && oddZero < 0.05 * pairs) return 'utf-16be';
  return undefined;
}

/** Strict UTF-8 first; anything that is not valid UTF-8 is read as Windows-1252 (Excel's "CSV" on Windows). */
export function detectEncoding(bytes: Uint8Array, complete: boolean): Encoding {
  let end = bytes.length;
  if (!complete) {
    // Do not judge a multi-byte character cut at the end of the preview.
    while (end > 0 && end > bytes.length - 4 && (bytes[end - 1] ?? 0) >= 0x80) end -= 1;
  }
  try {
    new TextDecoder('utf-8', { fatal: true }).decode(bytes.subarray(0, end));
    return 'utf-8';
  } catch {
    return 'windows-1252';
  }
}

// Windows-1252 bytes 0x80–0x9F (€ ‚ ƒ „ … † ‡ ˆ ‰ Š ‹ Œ Ž ‘ ’ “ ” • – — ˜ ™ š › œ ž Ÿ). Browsers decode
// them right; Node's TextDecoder treats the label as ISO-8859-1 and leaves C1 controls, so fix those up.
const CP1252_HIGH: Record<string, string> = Object.fromEntries(
  [
    [0x80, 0x20ac],
    [0x82, 0x201a],
    [0x83, 0x0192],
    [0x84, 0x201e],
    [0x85, 0x2026],
    [0x86, 0x2020],
    [0x87, 0x2021],
    [0x88, 0x02c6],
    [0x89, 0x2030],
    [0x8a, 0x0160],
    [0x8b, 0x2039],
    [0x8c, 0x0152],
    [0x8e, 0x017d],
    [0x91, 0x2018],
    [0x92, 0x2019],
    [0x93, 0x201c],
    [0x94, 0x201d],
    [0x95, 0x2022],
    [0x96, 0x2013],
    [0x97, 0x2014],
    [0x98, 0x02dc],
    [0x99, 0x2122],
    [0x9a, 0x0161],
    [0x9b, 0x203a],
    [0x9c, 0x0153],
    [0x9e, 0x017e],
    [0x9f, 0x0178],
  ].map(([from, to]) => [String.fromCharCode(from ?? 0), String.fromCharCode(to ?? 0)]),
);

export function decode(bytes: Uint8Array, encoding: Encoding): string {
  const text = new TextDecoder(encoding).decode(bytes);
  return encoding === 'windows-1252' ? text.replace(/[\u0080-\u009f]/g, (c) => CP1252_HIGH[c] ?? c) : text;
}

export interface TextLayout {
  delimiter: string;
  /** 0-based index of the header record, counting blank lines, as DuckDB's `skip` does. */
  headerIndex: number;
  header: string[];
  /** Widest record seen in the preview (≥ header length): trailing unnamed columns are read, then ignored. */
  columnCount: number;
  /** Per header column, the first few different values below it in the preview (for the column form). */
  samples: string[][];
}

/** How many values of each column the column form shows. */
const SAMPLES_PER_COLUMN = 3;

/**
 * The first few different, non-empty values of each column, from the rows after the header. A row that
 * repeats the header (extracts joined one below the other) is not a record: its words are no sample.
 */
function columnSamples(header: readonly string[], rows: readonly string[][]): string[][] {
  const named = header.flatMap((cell, i) => (cell.trim() === '' ? [] : [{ i, text: cell.trim() }]));
  const repeatsHeader = (row: readonly string[]) =>
    named.length > 0 && named.every(({ i, text }) => (row[i] ?? '').trim() === text);
  const records = rows.filter((row) => !repeatsHeader(row));
  return header.map((_, i) => {
    const seen: string[] = [];
    for (const row of records) {
      const value = (row[i] ?? '').trim().slice(0, 40);
      if (value !== '' && !seen.includes(value)) seen.push(value);
      if (seen.length === SAMPLES_PER_COLUMN) break;
    }
    return seen;
  });
}

const DELIMITERS = [',', ';', '\t', '|'];

/** Finds delimiter and header row from the first part of the file. */
export function sniffLayout(
  previewText: string,
  datasets: readonly DatasetDefinition[],
  complete: boolean,
): TextLayout {
  // Each row's cells normalised once, then scored against every dataset (a profile of the command line
  // found normalising per dataset took ≈ 40 ms of a sample load).
  const score = (row: readonly string[]) => {
    const cells = row.map(normaliseHeader);
    return Math.max(0, ...datasets.map((dataset) => headerScore(cells, dataset)));
  };
  let text = previewText;
  if (!complete) {
    // Drop the last, probably cut, line.
    const cut = text.lastIndexOf('\n');
    if (cut > 0) text = text.slice(0, cut + 1);
  }
  const guess = Papa.parse<string[]>(text, { delimitersToGuess: DELIMITERS, preview: 200 });
  let delimiter = DELIMITERS.includes(guess.meta.delimiter) ? guess.meta.delimiter : ',';
  // Papaparse's guess can be thrown by a title row; prefer the delimiter that lets the header match best.
  let chosen = { score: -1, delimiter, rows: guess.data };
  for (const candidate of [delimiter, ...DELIMITERS.filter((d) => d !== delimiter)]) {
    const rows =
      candidate === delimiter ? guess.data : Papa.parse<string[]>(text, { delimiter: candidate, preview: 200 }).data;
    const best = Math.max(0, ...rows.slice(0, HEADER_SEARCH_ROWS).map(score));
    if (best > chosen.score) chosen = { score: best, delimiter: candidate, rows };
  }
  delimiter = chosen.delimiter;
  const rows = chosen.rows;

  let headerIndex = 0;
  let bestScore = 0;
  rows.slice(0, HEADER_SEARCH_ROWS).forEach((row, index) => {
    const rowScore = score(row);
    if (rowScore > bestScore) {
      bestScore = rowScore;
      headerIndex = index;
    }
  });
  if (bestScore === 0) {
    // Nothing recognisable: take the first non-blank row as the header.
    headerIndex = Math.max(
      0,
      rows.findIndex((row) => row.some((cell) => cell.trim() !== '')),
    );
  }
  const header = (rows[headerIndex] ?? []).map((cell) => cell.replace(/^\uFEFF/, ''));
  const body = rows.slice(headerIndex + 1);
  const columnCount = Math.max(header.length, ...body.map((row) => row.length));
  return { delimiter, headerIndex, header, columnCount, samples: columnSamples(header, body) };
}
