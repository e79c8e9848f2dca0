import { type Bytes, utf8 } from './bytes';

/** OWASP's minimum for PBKDF2-HMAC-SHA-256 (Password Storage Cheat Sheet). */
export const PBKDF2_ITERATIONS = 600_000;

/**
 * The key-encryption key from the passphrase. The passphrase is NFC-normalised so that the same words
 * typed on another computer (which may compose accents differently) give the same key.
 */
export async function deriveKek(passphrase: string, salt: Bytes, iterations: number): Promise<CryptoKey> {
  const material = await crypto.subtle.importKey('raw', utf8(passphrase.normalize('NFC')), 'PBKDF2', false, [
    'deriveKey',
  ]);
  return crypto.subtle.deriveKey(
    { name: 'PBKDF2', hash: 'SHA-256', salt, iterations },
    material,
    {
      name: 'AES-KW',
      length: 256,
    },
    false,
    ['wrapKey', 'unwrapKey'],
  );
}

/** A fresh random data key, wrapped under the KEK; the extractable original is dropped once wrapped. */
export async function newWrappedDataKey(kek: CryptoKey): Promise<Bytes> {
  const key = await crypto.subtle.generateKey({ name: 'AES-GCM', length: 256 }, true, ['encrypt', 'decrypt']);
  return new Uint8Array(await crypto.subtle.wrapKey('raw', key, kek, 'AES-KW'));
}

/** The data key, non-extractable; null when the KEK does not unwrap it (a wrong passphrase). */
export async function unwrapDataKey(wrapped: Bytes, kek: CryptoKey): Promise<CryptoKey | null> {
  try {
    return await crypto.subtle.unwrapKey('raw', wrapped, kek, 'AES-KW', { name: 'AES-GCM', length: 256 }, false, [
      'encrypt',
      'decrypt',
    ]);
  } catch {
    return null;
  }
}
