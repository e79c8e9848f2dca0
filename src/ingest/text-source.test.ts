import { describe, expect, it } from 'vitest';
import { linesAfterUnclosedQuote, normaliseLineEnds, prepareTextSource, readTextHead } from './text-source';

const utf8 = (text: string) => new TextEncoder().encode(text);
const text = (bytes: Uint8Array) => new TextDecoder().decode(bytes);

function utf16(value: string, order: 'le' | 'be', bom = true): Uint8Array<ArrayBuffer> {
  const out = new Uint8Array((value.length + (bom ? 1 : 0)) * 2);
  const units = [...(bom ? [0xfeff] : []), ...Array.from(value, (c) => c.charCodeAt(0))];
  units.forEach((unit, i) => {
    out[2 * i + (order === 'le' ? 0 : 1)] = unit & 0xff;
    out[2 * i + (order === 'le' ? 1 : 0)] = unit >> 8;
  });
  return out;
}

describe('readTextHead', () => {
  it.each([
    ['UTF-16 LE with a BOM', utf16('child_id\tstart\nC1\t01/04/2024\n', 'le'), 'utf-16le'],
    ['UTF-16 BE with a BOM', utf16('child_id\tstart\nC1\t01/04/2024\n', 'be'), 'utf-16be'],
    ['UTF-16 LE without a BOM', utf16('child_id\tstart\nC1\t01/04/2024\n', 'le', false), 'utf-16le'],
  ])('reads %s', async (_name, bytes, encoding) => {
    const head = await readTextHead(new Blob([bytes]));
    expect(head).toMatchObject({ kind: 'text', utf16: encoding });
    expect(head.kind === 'text' && head.text.replace(/^\uFEFF/, '')).toBe('child_id\tstart\nC1\t01/04/2024\n');
  });

  it('one NUL byte does not make a text file binary; many control bytes do', async () => {
    expect(await readTextHead(new Blob([utf8('child_id,start\nC\u00001,01/04/2024\n')]))).toMatchObject({
      kind: 'text',
    });
    const junk = Uint8Array.from({ length: 400 }, (_, i) => (i % 3 === 0 ? 1 : 0x41));
    expect(await readTextHead(new Blob([junk]))).toEqual({ kind: 'binary', description: 'a binary (non-text) file' });
  });
});

describe('prepareTextSource', () => {
  it('turns UTF-16 into UTF-8 and fingerprints the original bytes', async () => {
    const bytes = utf16('a\tb\n1\t’\n', 'le');
    const source = await prepareTextSource(new Blob([bytes]), 'utf-16le', '\t');
    expect(text(new Uint8Array(await source.blob.arrayBuffer()))).toBe('a\tb\n1\t’\n');
    expect(source).toMatchObject({ encoding: 'UTF-16 LE', scan: { records: 2, utf8: true } });
    const same = await prepareTextSource(new Blob([bytes]), 'utf-16le', '\t');
    expect(same.contentHash).toBe(source.contentHash);
  });

  it('makes mixed line ends uniform and counts the records a user sees', async () => {
    const source = await prepareTextSource(new Blob([utf8('a,b\r\n1,2\n3,4\r5,6\r\n')]), undefined, ',');
    expect(text(new Uint8Array(await source.blob.arrayBuffer()))).toBe('a,b\n1,2\n3,4\n5,6\n');
    expect(source).toMatchObject({ lineEndsNormalised: true, scan: { records: 4 } });
  });

  it('leaves a file that needs nothing as it is', async () => {
    const file = new Blob([utf8('a,b\r\n1,2\r\n')]);
    const source = await prepareTextSource(file, undefined, ',');
    expect(source.blob).toBe(file);
    expect(source).toMatchObject({ encoding: 'UTF-8', lineEndsNormalised: false });
  });
});

describe('normaliseLineEnds', () => {
  it('changes line ends outside quotes only', () => {
    expect(text(normaliseLineEnds(utf8('a,"x\r\ny"\r1,2\r\n"q""\r",3\r'), ','))).toBe('a,"x\r\ny"\n1,2\n"q""\r",3\n');
  });

  it('a quote inside a value opens nothing', () => {
    expect(text(normaliseLineEnds(utf8('a,9" tall\r1,2\r'), ','))).toBe('a,9" tall\n1,2\n');
  });
});

describe('linesAfterUnclosedQuote', () => {
  it('lists the lines swallowed by a quote that never closes, blank ones apart', async () => {
    const bytes = utf8('a,b\n1,"open\n2,3\n\n , \r\n4,5\n');
    expect(await linesAfterUnclosedQuote(new Blob([bytes]), 6, 2, ',')).toEqual({ first: 3, last: 6, blank: [4, 5] });
    const noFinalNewline = utf8('a,b\n1,"open\n2,3');
    expect(await linesAfterUnclosedQuote(new Blob([noFinalNewline]), 6, 2, ',')).toEqual({
      first: 3,
      last: 3,
      blank: [],
    });
    const nothingAfter = utf8('a,b\n1,"open\n');
    expect(await linesAfterUnclosedQuote(new Blob([nothingAfter]), 6, 2, ',')).toEqual({
      first: 3,
      last: 2,
      blank: [],
    });
  });
});
