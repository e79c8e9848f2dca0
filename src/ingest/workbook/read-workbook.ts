import { readWithSheetJs } from './sheetjs-reader';
import { passwordProtected, WorkbookRefusal } from './workbook-damage';
import { readXlsx, type SheetText } from './xlsx-reader';
import { EncryptedZip, ExpansionBudget, type ExpansionLimits, readZipDirectory, ZipError } from './zip-archive';

export type { SheetText };

/** What a workbook may cost before it is refused, with a message, rather than read. */
export const WORKBOOK_LIMITS: ExpansionLimits & { maxInMemoryBytes: number } = {
  // A million-row sheet of a dozen columns is about 550 MB of XML; this leaves room for twice that.
  maxExpandedBytes: 1536 * 1024 * 1024,
  // Real sheets compress 5–30 times; a zip bomb hundreds or thousands of times.
  maxRatio: 100,
  ratioCheckAfter: 64 * 1024 * 1024,
  // .xls, .ods, .xlsb and HTML/XML "Excel" files are read whole by SheetJS: at most this much (expanded).
  maxInMemoryBytes: 256 * 1024 * 1024,
};

/** Refused: why, and (when the usual "save it as .xlsx or CSV" would not help) what to do instead. */
export type WorkbookResult =
  | { kind: 'sheets'; sheets: SheetText[] }
  | { kind: 'refused'; message: string; advice?: string };

/** How a dropped file is to be read: as a workbook, as markup an "Excel" export really is, or as text. */
export type FileKind = 'xlsx-or-zip' | 'ole' | 'html' | 'spreadsheetml' | 'text';

export function classifyFile(head: Uint8Array): FileKind {
  const starts = (...sig: number[]) => sig.every((b, i) => head[i] === b);
  if (starts(0x50, 0x4b, 0x03, 0x04)) return 'xlsx-or-zip';
  if (starts(0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1)) return 'ole';
  const text = new TextDecoder()
    .decode(head.subarray(0, 4096))
    .replace(/^\uFEFF/, '')
    .trimStart()
    .toLowerCase();
  if (!text.startsWith('<')) return 'text';
  if (text.startsWith('<?xml') && text.includes('urn:schemas-microsoft-com:office:spreadsheet')) return 'spreadsheetml';
  if (/^<(!doctype html|html|table|body|meta|head)\b/.test(text) || /<table[\s>]/.test(text)) return 'html';
  return 'text';
}

const sizeMb = (bytes: number) => `${Math.round(bytes / 1024 ** 2)} MB`;

async function readZipWorkbook(
  blob: Blob,
  limits: typeof WORKBOOK_LIMITS,
  onProgress?: (fraction: number) => void | Promise<void>,
): Promise<SheetText[]> {
  const entries = await readZipDirectory(blob);
  const budget = new ExpansionBudget(limits);
  const isXlsx = entries.some((e) => /(^|\/)workbook\.xml$/i.test(e.name));
  if (isXlsx) return readXlsx(blob, entries, budget, onProgress);
  // .ods / .xlsb: SheetJS expands every part in memory, so check what the parts claim first.
  for (const entry of entries) budget.checkClaim(entry);
  const claimed = entries.reduce((n, e) => n + e.size, 0);
  if (claimed > limits.maxInMemoryBytes)
    throw new ZipError(`it expands to ${sizeMb(claimed)}, more than this app reads from an .ods or .xlsb file`);
  return readWithSheetJs(new Uint8Array(await blob.arrayBuffer()), false);
}

/**
 * Reads a workbook (or an "Excel" file that is really HTML or XML) into one CSV text per sheet.
 * Never throws: a file that cannot or should not be read comes back refused, with the reason.
 */
export async function readWorkbook(
  blob: Blob,
  kind: Exclude<FileKind, 'text'>,
  options: { limits?: typeof WORKBOOK_LIMITS; onProgress?: (fraction: number) => void | Promise<void> } = {},
): Promise<WorkbookResult> {
  const limits = options.limits ?? WORKBOOK_LIMITS;
  try {
    if (kind === 'xlsx-or-zip')
      return { kind: 'sheets', sheets: await readZipWorkbook(blob, limits, options.onProgress) };
    if (blob.size > limits.maxInMemoryBytes) {
      return {
        kind: 'refused',
        message: `it is ${sizeMb(blob.size)}, more than this app reads from this kind of file (up to ${sizeMb(limits.maxInMemoryBytes)}). Save it as .xlsx or as “CSV UTF-8”.`,
      };
    }
    const bytes = new Uint8Array(await blob.arrayBuffer());
    // A password-protected .xlsx is an OLE file holding the encrypted package.
    if (kind === 'ole' && isEncryptedOle(bytes)) throw passwordProtected();
    return { kind: 'sheets', sheets: await readWithSheetJs(bytes, kind !== 'ole') };
  } catch (error) {
    return refusal(error);
  }
}

function refusal(error: unknown): WorkbookResult {
  if (error instanceof EncryptedZip) return refusal(passwordProtected());
  if (error instanceof WorkbookRefusal) return { kind: 'refused', message: error.message, advice: error.advice };
  const reason = error instanceof Error ? error.message : String(error);
  // SheetJS's words for an .xls or .ods saved with a password.
  if (/password|encrypt/i.test(reason)) return refusal(passwordProtected());
  return {
    kind: 'refused',
    message: error instanceof ZipError ? reason : `it could not be opened as a spreadsheet (${reason})`,
  };
}

/** The UTF-16 name of the stream an encrypted Office file keeps its package in (MS-OFFCRYPTO). */
const ENCRYPTED_PACKAGE = Array.from('EncryptedPackage', (c) => [c.charCodeAt(0), 0]).flat();

/** Whether an OLE compound file's directory names an EncryptedPackage stream. */
export function isEncryptedOle(bytes: Uint8Array): boolean {
  const first = ENCRYPTED_PACKAGE[0];
  for (let i = bytes.indexOf(first as number); i >= 0; i = bytes.indexOf(first as number, i + 1)) {
    if (ENCRYPTED_PACKAGE.every((b, k) => bytes[i + k] === b)) return true;
  }
  return false;
}
