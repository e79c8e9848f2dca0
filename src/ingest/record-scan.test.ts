import { describe, expect, it } from 'vitest';
import { scanRecords, uniformLineEnds } from './record-scan';

async function scan(text: string | Uint8Array, delimiter = ',', chunkSize = 3) {
  const bytes = typeof text === 'string' ? new TextEncoder().encode(text) : text;
  // Small chunks, so every rule is also exercised across chunk boundaries.
  async function* chunks() {
    for (let i = 0; i < bytes.length; i += chunkSize) yield bytes.subarray(i, i + chunkSize);
  }
  return scanRecords(chunks(), delimiter);
}

describe('scanRecords', () => {
  it('counts records as DuckDB numbers them: blank lines count, quoted line breaks do not', async () => {
    const result = await scan('a,b\n1,"x\ny"\n\r\n2,3\n\n4,5');
    expect(result).toMatchObject({ records: 6, blankRecords: [3, 5], quotedNewlines: true, unclosedQuoteRecord: null });
  });

  it('treats a quote inside a value as a character, and "" inside quotes as a quote', async () => {
    const result = await scan('a,b\n9" tall,x\n"say ""hi""\nthere",y\n');
    expect(result).toMatchObject({ records: 3, blankRecords: [], quotedNewlines: true });
  });

  it('notices a quote that is never closed, and where it opened', async () => {
    const result = await scan('a,b\n1,"open\n2,3\n');
    expect(result).toMatchObject({ unclosedQuoteRecord: 2, unclosedQuoteOffset: 6 });
  });

  it.each([
    ['a,b\n1,2\n', { crlf: 0, lf: 2, loneCr: false }, true],
    ['a,b\r\n1,2\r\n', { crlf: 2, lf: 0, loneCr: false }, true],
    ['a,b\r\n1,2\n3,4\r5,6\r\n', { crlf: 2, lf: 1, loneCr: true }, false],
    ['a,b\r1,2\r', { crlf: 0, lf: 0, loneCr: true }, false],
    ['a,b\n1,"x\ry"\n', { crlf: 0, lf: 2, loneCr: false }, true],
    ['a,b\r\n1,"x\ny"\r\n', { crlf: 2, lf: 0, loneCr: false }, true],
  ])('line ends of %j: %j', async (text, ends, uniform) => {
    for (const size of [1, 2, 3, 64]) {
      const result = await scan(text, ',', size);
      expect(result.lineEnds).toEqual(ends);
      expect(uniformLineEnds(result.lineEnds)).toBe(uniform);
    }
  });

  it('skips a byte-order mark before a quoted first value', async () => {
    const bom = new Uint8Array([0xef, 0xbb, 0xbf, ...new TextEncoder().encode('"a\nb",c\n1,2\n')]);
    expect(await scan(bom)).toMatchObject({ records: 2, utf8: true });
  });

  it('tells UTF-8 from Windows-1252', async () => {
    expect((await scan(new Uint8Array([0x61, 0x2c, 0x92, 0x0a]))).utf8).toBe(false);
    expect((await scan('a,’\n')).utf8).toBe(true);
  });

  it.each([
    ['a,b\n1,2\n', false],
    ['a,b\nx y,z w\n', false],
    ['a,b\n1 ,2\n', true],
    ['a,b\n1, 2\n', true],
    ['a,b\n"x ",2\n', true],
    ['a,b\n1,2 \n', true],
    ['a,b\n1\t,2\n', true],
    ['a,b\n1,2\u00a0\n', true],
    ['a,b\nc) Not stated,d) White and Black\n', false],
    [' a,b\n1,2\n', true],
    ['a,b\n1,2 ', true],
  ])('flags values that may need trimming: %j → %s, wherever the chunks split it', async (text, padded) => {
    // A space at a chunk's edge is judged by the byte across the edge: no false alarm on big files.
    for (const size of [1, 2, 3, 5, 64]) expect((await scan(text, ',', size)).paddedValues).toBe(padded);
  });
});

describe('scanRecords on quoted values', () => {
  it('looks at each byte a bounded number of times, however many values are quoted', async () => {
    // Every search the scan makes is counted by the bytes it passes over: a search that restarted
    // from each quoted value and ran to the end of the chunk would pass over the chunk once per value.
    const line = '2024,"Financial year","A, B",12\n';
    const text = `year,period,place,count\n${line.repeat(30_000)}`;
    const bytes = new TextEncoder().encode(text);
    const original = Uint8Array.prototype.indexOf;
    let examined = 0;
    Uint8Array.prototype.indexOf = function (this: Uint8Array, value: number, from = 0) {
      const found = original.call(this, value, from);
      examined += (found === -1 ? this.length : found + 1) - Math.max(0, from);
      return found;
    };
    try {
      const scan = await scanRecords(
        (async function* () {
          yield bytes;
        })(),
        ',',
      );
      expect(scan.records).toBe(30_001);
      expect(scan.quotedNewlines).toBe(false);
    } finally {
      Uint8Array.prototype.indexOf = original;
    }
    expect(examined).toBeLessThan(10 * bytes.length);
  });
});

describe('ContentHash', () => {
  it('gives the same fingerprint however the bytes are chunked, and a different one for other bytes', async () => {
    const text = 'child_id,assessment_start_date\nC1,01/04/2024\nC2,02/04/2024\n';
    const hashes = await Promise.all([1, 3, 4, 7, 1000].map(async (size) => (await scan(text, ',', size)).contentHash));
    expect(new Set(hashes).size).toBe(1);
    const changed = await scan(text.replace('01/04', '04/01'), ',', 1000);
    expect(changed.contentHash).not.toBe(hashes[0]);
  });
});
