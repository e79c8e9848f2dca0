/** Small byte helpers for the vault's file formats (big-endian lengths, UTF-8, base64). */

import { joinBytes } from '../shared/join-bytes';

export type Bytes = Uint8Array<ArrayBuffer>;

const encoder = new TextEncoder();
const decoder = new TextDecoder('utf-8', { fatal: true });

export function utf8(text: string): Bytes {
  return encoder.encode(text) as Bytes;
}

/** Throws on bytes that are not UTF-8 (a damaged or foreign file), rather than guessing. */
export function fromUtf8(bytes: Uint8Array): string {
  return decoder.decode(bytes);
}

/** The bytes on an ArrayBuffer of their own, as WebCrypto and Blob want them. */
export function ownBytes(bytes: Uint8Array): Bytes {
  return bytes.buffer instanceof ArrayBuffer ? (bytes as Bytes) : (new Uint8Array(bytes) as Bytes);
}

export function concat(pieces: readonly Uint8Array[]): Bytes {
  return joinBytes(pieces);
}

export function u32(value: number): Bytes {
  const out = new Uint8Array(4);
  new DataView(out.buffer).setUint32(0, value);
  return out;
}

export function readU32(bytes: Uint8Array, at: number): number {
  return new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength).getUint32(at);
}

export function toBase64(bytes: Uint8Array): string {
  let text = '';
  for (const byte of bytes) text += String.fromCharCode(byte);
  return btoa(text);
}

/** Null for text that is not base64. */
export function fromBase64(text: string): Bytes | null {
  try {
    const raw = atob(text);
    const out = new Uint8Array(raw.length);
    for (let i = 0; i < raw.length; i++) out[i] = raw.charCodeAt(i);
    return out;
  } catch {
    return null;
  }
}

export function randomBytes(length: number): Bytes {
  return crypto.getRandomValues(new Uint8Array(length));
}

export function randomHex(length: number): string {
  return [...randomBytes(length)].map((byte) => byte.toString(16).padStart(2, '0')).join('');
}

export function sameBytes(a: Uint8Array, b: Uint8Array): boolean {
  return a.length === b.length && a.every((byte, i) => byte === b[i]);
}

async function throughStream(bytes: Uint8Array, transform: CompressionStream | DecompressionStream): Promise<Bytes> {
  const stream = new Blob([ownBytes(bytes)]).stream().pipeThrough(transform);
  return new Uint8Array(await new Response(stream).arrayBuffer());
}

export function gzip(bytes: Uint8Array): Promise<Bytes> {
  return throughStream(bytes, new CompressionStream('gzip'));
}

export function gunzip(bytes: Uint8Array): Promise<Bytes> {
  return throughStream(bytes, new DecompressionStream('gzip'));
}

/** The SHA-256 of the bytes, as 64 lower-case hex digits. */
export async function sha256Hex(bytes: Uint8Array): Promise<string> {
  const digest = new Uint8Array(await crypto.subtle.digest('SHA-256', ownBytes(bytes)));
  return [...digest].map((byte) => byte.toString(16).padStart(2, '0')).join('');
}
