import { describe, expect, it } from 'vitest';
import { defaultPack, packJson, parsePack } from './pack-model';
import { mergeReportWords } from './report-words';

const words = {
  '2024:help:did': 'Family hubs opened.',
  '2024:help:impact': '',
  '2023:scrutiny:found': 'The scrutineer found the partnership knows itself.',
};

describe('the yearly report’s words in the board pack file', () => {
  it('travel as a list in key order, blanks left out, and are read back as a Map', () => {
    const text = packJson(defaultPack(), undefined, words);
    expect(JSON.parse(text).narratives).toEqual([
      { key: '2023:scrutiny:found', text: 'The scrutineer found the partnership knows itself.' },
      { key: '2024:help:did', text: 'Family hubs opened.' },
    ]);
    const parsed = parsePack(text);
    expect(parsed.ok && [...parsed.words]).toEqual([
      ['2023:scrutiny:found', 'The scrutineer found the partnership knows itself.'],
      ['2024:help:did', 'Family hubs opened.'],
    ]);
  });

  it('are checked at the door: a key that is no heading, a heading twice, words too long', () => {
    const file = JSON.parse(packJson(defaultPack(), undefined, words));
    const refused = (list: unknown) => parsePack(JSON.stringify({ ...file, narratives: list }));
    expect(refused([{ key: '__proto__', text: 'x' }])).toEqual({
      ok: false,
      message: 'The file is not a board pack this version can read: narrative 1: key is not in the form expected.',
    });
    expect(refused([{ key: '2024:help:did', text: 'x', extra: 1 }])).toMatchObject({ ok: false });
    expect(refused([{ key: '2024:help:did', text: 'x'.repeat(8001) }])).toMatchObject({ ok: false });
    expect(
      refused([
        { key: '2024:help:did', text: 'a' },
        { key: '2024:help:did', text: 'b' },
      ]),
    ).toEqual({
      ok: false,
      message:
        'The file is not a board pack this version can read: The pack gives the yearly report’s “2024:help:did” twice.',
    });
  });

  it('fill the headings this browser has no words for, and never overwrite words written here', () => {
    const theirs = new Map([
      ['2024:help:did', 'Their words.'],
      ['2024:help:impact', 'Their impact.'],
      ['2023:scrutiny:found', 'The scrutineer found the partnership knows itself.'],
    ]);
    expect(mergeReportWords(words, theirs)).toEqual({ added: [['2024:help:impact', 'Their impact.']], kept: 1 });
  });
});
