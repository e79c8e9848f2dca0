import { describe, expect, it } from 'vitest';
import { randomBytes } from './bytes';
import { deriveKek, newWrappedDataKey, unwrapDataKey } from './keys';

describe('the data key under the passphrase', () => {
  it('unwraps only with the same passphrase, salt and iterations, and is never extractable', async () => {
    const salt = randomBytes(16);
    const kek = await deriveKek('kettle orbit meadow', salt, 1000);
    const wrapped = await newWrappedDataKey(kek);
    const key = await unwrapDataKey(wrapped, kek);
    expect(key?.extractable).toBe(false);
    expect(key?.usages.sort()).toEqual(['decrypt', 'encrypt']);
    if (!key) throw new Error('unwrapped');
    await expect(crypto.subtle.exportKey('raw', key)).rejects.toThrow();
    expect(await unwrapDataKey(wrapped, await deriveKek('kettle orbit meadoW', salt, 1000))).toBeNull();
    expect(await unwrapDataKey(wrapped, await deriveKek('kettle orbit meadow', randomBytes(16), 1000))).toBeNull();
    expect(await unwrapDataKey(wrapped, await deriveKek('kettle orbit meadow', salt, 1001))).toBeNull();
  });

  it('treats the same words typed with a composed or a decomposed accent as one passphrase', async () => {
    const salt = randomBytes(16);
    const wrapped = await newWrappedDataKey(await deriveKek('café orbit meadow', salt, 1000));
    const decomposed = 'cafe\u0301 orbit meadow';
    expect(await unwrapDataKey(wrapped, await deriveKek(decomposed, salt, 1000))).not.toBeNull();
  });
});
