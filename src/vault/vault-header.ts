import { z } from 'zod';
import { type Bytes, concat, fromBase64, fromUtf8, randomBytes, sameBytes, toBase64, utf8 } from './bytes';
import { VaultError } from './vault-error';

/**
 * The header, `vault.json`: plain JSON holding nothing of the data — the format version, the key
 * derivation's salt and iteration count, the wrapped data key, and which generation is current. Its
 * `seal` (AES-GCM under the data key) binds the generation to the rest, so the current generation cannot
 * be edited back to an older one whose files were left behind.
 */
/** 3: parts stored as they are and pinned by their frame's hash (2 gzipped them and hashed whole files). */
export const FORMAT_VERSION = 3;
export const HEADER_FILE = 'vault.json';
const APP = 'Partnership Insight kept data';

const base64 = z.string().refine((text) => fromBase64(text) !== null, 'not base64');

const headerSchema = z.object({
  app: z.literal(APP),
  format: z.literal(FORMAT_VERSION),
  kdf: z.object({
    name: z.literal('PBKDF2'),
    hash: z.literal('SHA-256'),
    iterations: z.number().int().min(1),
    salt: base64,
  }),
  key: z.object({ wrap: z.literal('AES-KW'), wrapped: base64 }),
  generation: z.number().int().min(0),
  id: z.string().regex(/^[0-9a-f]{16}$/),
  seal: base64,
});

export type VaultHeader = z.infer<typeof headerSchema>;

export function headerFields(
  salt: Bytes,
  iterations: number,
  wrapped: Bytes,
): Omit<VaultHeader, 'generation' | 'id' | 'seal'> {
  return {
    app: APP,
    format: FORMAT_VERSION,
    kdf: { name: 'PBKDF2', hash: 'SHA-256', iterations, salt: toBase64(salt) },
    key: { wrap: 'AES-KW', wrapped: toBase64(wrapped) },
  };
}

/** The header's text, checked; `what` words errors ("The kept data", "This backup"). */
export function parseHeader(text: string, what: string): VaultHeader {
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    throw new VaultError('damaged', `${what} has been changed or damaged: its header is not readable.`);
  }
  const format = (json as { format?: unknown } | null)?.format;
  if (typeof format === 'number' && format > FORMAT_VERSION) {
    throw new VaultError(
      'newer-format',
      `${what} was made by a newer version of Partnership Insight: update this copy of the app to open it.`,
    );
  }
  if (typeof format === 'number' && format < FORMAT_VERSION && (json as { app?: unknown }).app === APP) {
    // No version of the app that kept data in an earlier format was released: there is nothing to convert.
    throw new VaultError(
      'older-format',
      `${what} was made by an earlier test version of Partnership Insight, whose format this version does not read: load the files again and keep them anew.`,
    );
  }
  const parsed = headerSchema.safeParse(json);
  if (!parsed.success) throw new VaultError('damaged', `${what} has been changed or damaged: its header is not valid.`);
  return parsed.data;
}

function sealedWords(header: Omit<VaultHeader, 'seal'>): { data: Bytes; additionalData: Bytes } {
  const { format, kdf, key, generation, id } = header;
  return {
    data: utf8(`generation ${generation} ${id}`),
    additionalData: utf8(`partnership-insight-vault/${format}/header/${kdf.iterations}/${kdf.salt}/${key.wrapped}`),
  };
}

export async function sealHeader(key: CryptoKey, header: Omit<VaultHeader, 'seal'>): Promise<VaultHeader> {
  const { data, additionalData } = sealedWords(header);
  const iv = randomBytes(12);
  const cipher = await crypto.subtle.encrypt({ name: 'AES-GCM', iv, additionalData }, key, data);
  return { ...header, seal: toBase64(concat([iv, new Uint8Array(cipher)])) };
}

/** Whether the header's seal opens under the data key and names its own generation. */
export async function headerSealHolds(key: CryptoKey, header: VaultHeader): Promise<boolean> {
  const { data, additionalData } = sealedWords(header);
  const sealed = fromBase64(header.seal);
  if (!sealed || sealed.length < 12 + 16) return false;
  try {
    const iv = sealed.slice(0, 12);
    const plain = await crypto.subtle.decrypt({ name: 'AES-GCM', iv, additionalData }, key, sealed.slice(12));
    return sameBytes(new Uint8Array(plain), data);
  } catch {
    return false;
  }
}

export function headerText(header: VaultHeader): string {
  return `${JSON.stringify(header, null, 2)}\n`;
}

export function readHeaderBytes(bytes: Uint8Array, what: string): VaultHeader {
  let text: string;
  try {
    text = fromUtf8(bytes);
  } catch {
    throw new VaultError('damaged', `${what} has been changed or damaged: its header is not readable.`);
  }
  return parseHeader(text, what);
}
