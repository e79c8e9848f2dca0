/**
 * A passphrase's strength in plain words, after the NCSC's advice ("three random words"): no rules about
 * symbols or capitals, but long enough, and not something a guesser tries first. `ok` is false when the
 * passphrase is shorter than 12 characters, a few characters repeated, numbers alone, or a very common
 * password with a little added; otherwise `words` still says how to make it stronger.
 */
export const MIN_PASSPHRASE_LENGTH = 12;

// The passwords that top every list of leaked passwords (NCSC's "100,000 most common" starts with these).
const COMMON = new Set([
  'password',
  'passw0rd',
  'p4ssword',
  'qwerty',
  'qwertyuiop',
  'asdfgh',
  'asdfghjkl',
  'zxcvbnm',
  'abc',
  'abcd',
  'abcdef',
  'abcdefg',
  'abcdefgh',
  'iloveyou',
  'letmein',
  'welcome',
  'admin',
  'administrator',
  'monkey',
  'dragon',
  'football',
  'liverpool',
  'arsenal',
  'chelsea',
  'sunshine',
  'princess',
  'trustno',
  'baseball',
  'master',
  'shadow',
  'superman',
  'starwars',
  'whatever',
  'freedom',
  'secret',
  'changeme',
  'login',
  'summer',
  'winter',
  'spring',
  'autumn',
  'london',
  'england',
  'computer',
  'internet',
  'access',
  'safeguarding',
  'partnership',
  'insight',
  'qazwsx',
  'default',
  'hello',
  'flower',
  'charlie',
  'michael',
  'jennifer',
  'thomas',
  'jordan',
  'hunter',
  'ashley',
  'daniel',
  'jessica',
  'pepper',
  'tigger',
  'cheese',
]);

const LETTERS_ONLY = /^[a-z]+$/;

/** What is left when digits, symbols and spaces are taken off (and the case is ignored). */
function core(passphrase: string): string {
  return passphrase.toLowerCase().replace(/[^a-z]/g, '');
}

function isCommon(passphrase: string): boolean {
  const letters = core(passphrase);
  if (letters === '') return false;
  if (COMMON.has(letters)) return true;
  // "passwordpassword", "qwertyqwerty": a common password said twice is no stronger.
  const half = letters.slice(0, letters.length / 2);
  return letters.length % 2 === 0 && half + half === letters && COMMON.has(half);
}

function fewDistinct(passphrase: string): boolean {
  return new Set(passphrase.toLowerCase()).size <= 3;
}

function wordCount(passphrase: string): number {
  // Words are split by spaces or punctuation, or by a capital letter starting a new word ("KettleOrbitMeadow").
  return passphrase
    .replace(/([a-z])([A-Z])/g, '$1 $2')
    .split(/[^A-Za-z]+/)
    .filter((word) => word.length >= 3).length;
}

export function passphraseHint(passphrase: string): { ok: boolean; words: string } {
  const three = 'Three random words together are long and easy to remember.';
  if (passphrase.length === 0) return { ok: false, words: `Choose a passphrase of at least 12 characters. ${three}` };
  if (passphrase.length < MIN_PASSPHRASE_LENGTH) {
    return { ok: false, words: `Too short: use at least 12 characters. ${three}` };
  }
  if (fewDistinct(passphrase)) {
    return { ok: false, words: `Repeated characters are easy to guess. ${three}` };
  }
  if (isCommon(passphrase)) {
    return { ok: false, words: `This is one of the most common passwords, which are guessed first. ${three}` };
  }
  if (/^[0-9\s]+$/.test(passphrase)) {
    return { ok: false, words: `Numbers alone are easy to guess: dates and phone numbers are tried early. ${three}` };
  }
  const letters = core(passphrase);
  if (wordCount(passphrase) <= 1 && LETTERS_ONLY.test(letters) && letters.length <= 14) {
    return {
      ok: true,
      words: 'A single word is easy to guess, even with numbers or symbols added: add two more random words.',
    };
  }
  if (wordCount(passphrase) <= 1)
    return { ok: true, words: 'Long enough. Another random word would make it stronger.' };
  if (wordCount(passphrase) === 2)
    return { ok: true, words: 'Long enough. A third random word would make it stronger.' };
  return { ok: true, words: 'Strong: long and hard to guess.' };
}
