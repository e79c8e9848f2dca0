import { describe, expect, it } from 'vitest';
import { downloadName, fullFileName, hasUnsafeCharacters, SHOWN_NAME_LENGTH, shownFileName } from './file-name';

const BIDI = [
  '\u202a',
  '\u202b',
  '\u202c',
  '\u202d',
  '\u202e',
  '\u2066',
  '\u2067',
  '\u2068',
  '\u2069',
  '\u200e',
  '\u200f',
  '\u061c',
];
// biome-ignore lint/suspicious/noControlCharactersInRegex: control characters are exactly what is looked for
const ANY_CONTROL = /[\u0000-\u001f\u007f-\u009f\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069]/;

describe('file names in reports', () => {
  it('writes out bidirectional and other control characters, so the name reads as it is', () => {
    expect(shownFileName('early_help\u202eslx.exe')).toBe('early_help[U+202E]slx.exe');
    expect(shownFileName('a\tb\nc\u0000d\u0085e')).toBe('a[U+0009]b[U+000A]c[U+0000]d[U+0085]e');
    for (const ch of BIDI) {
      const shown = shownFileName(`x${ch}y.csv`);
      expect(shown).not.toMatch(ANY_CONTROL);
      expect(shown).toMatch(/^x\[U\+[0-9A-F]{4}\]y\.csv$/);
      expect(hasUnsafeCharacters(`x${ch}y.csv`)).toBe(true);
    }
    expect(shownFileName('Fernshire – early help (Q3) £.csv')).toBe('Fernshire – early help (Q3) £.csv');
    expect(hasUnsafeCharacters('plain.csv')).toBe(false);
  });

  it('shortens a long name in the middle, keeping its start and extension; the full name stays whole', () => {
    const long = `${'a'.repeat(3990)}_end.xlsx`;
    const shown = shownFileName(long);
    expect(Array.from(shown)).toHaveLength(SHOWN_NAME_LENGTH);
    expect(shown.startsWith('aaaa')).toBe(true);
    expect(shown.endsWith('_end.xlsx')).toBe(true);
    expect(shown).toContain('…');
    expect(fullFileName(long)).toBe(long);
    // Never splits a character outside the basic plane.
    expect(shownFileName('😀'.repeat(200))).not.toMatch(/[\ud800-\udbff](?![\udc00-\udfff])/);
  });
});

describe('download names', () => {
  it('drops characters no file system allows and any formula start', () => {
    expect(downloadName('=cmd|"/c calc"!A1.csv')).toBe('cmd_c calc_!A1.csv');
    expect(downloadName('a/b\\c:d*e?.csv')).toBe('a_b_c_d_e_.csv');
    expect(downloadName('...')).toBe('download.csv');
  });

  it('removes bidirectional and control characters, and keeps a long name to 150 characters', () => {
    expect(downloadName('early_help\u202eslx.exe.board-pack.json')).toBe('early_helpslx.exe.board-pack.json');
    for (const ch of BIDI) expect(downloadName(`pack${ch}.json`)).toBe('pack.json');
    expect(downloadName('\u202e\u2066')).toBe('download.csv');
    expect(Array.from(downloadName('é'.repeat(4000)))).toHaveLength(150);
  });
});
