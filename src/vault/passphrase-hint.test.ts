import { describe, expect, it } from 'vitest';
import { passphraseHint } from './passphrase-hint';

describe('the passphrase strength hint (NCSC: three random words)', () => {
  it('accepts nothing shorter than 12 characters, and says how to do better', () => {
    expect(passphraseHint('')).toEqual({ ok: false, words: expect.stringMatching(/at least 12 characters/) });
    expect(passphraseHint('Tr0ub4dor&3')).toEqual({ ok: false, words: expect.stringMatching(/^Too short/) });
    expect(passphraseHint('Tr0ub4dor&3!').ok).toBe(true);
  });

  it('refuses repeated characters, numbers alone and the most common passwords, however long', () => {
    expect(passphraseHint('aaaaaaaaaaaaaaaa')).toEqual({ ok: false, words: expect.stringMatching(/^Repeated/) });
    expect(passphraseHint('abababababab').ok).toBe(false);
    expect(passphraseHint('199204151234')).toEqual({ ok: false, words: expect.stringMatching(/^Numbers alone/) });
    for (const common of ['password1234', 'Password123!', 'qwertyuiop12', 'passwordpassword', 'Liverpool2024']) {
      expect(passphraseHint(common), common).toEqual({ ok: false, words: expect.stringMatching(/most common/) });
    }
  });

  it('accepts one dictionary-like word but asks for more words', () => {
    expect(passphraseHint('Fernshire2025!')).toEqual({ ok: true, words: expect.stringMatching(/single word/) });
    expect(passphraseHint('kettle meadow').words).toMatch(/third random word/);
  });

  it('calls three random words strong', () => {
    for (const good of ['kettle orbit meadow', 'KettleOrbitMeadow', 'kettle-orbit-meadow-7']) {
      expect(passphraseHint(good), good).toEqual({ ok: true, words: 'Strong: long and hard to guess.' });
    }
  });
});
