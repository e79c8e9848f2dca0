import Papa from 'papaparse';
import { describe, expect, it } from 'vitest';
import { csvFile, csvText } from './csv';

describe('csvText', () => {
  it('quotes commas, quotes and line breaks, and ends lines with CRLF', () => {
    expect(csvText([['a', 'b,c', 'say "hi"', 'two\nlines']])).toBe('a,"b,c","say ""hi""","two\nlines"\r\n');
  });

  it('makes every OWASP formula start inert, multi-line formulas included, and leaves numbers alone', () => {
    const text = csvText([['=1+1', '+SUM(A1)', '-2+3', '@cmd', '\tx', '\rx', '=HYPERLINK("x")\nmore', -5, 0]]);
    const [cells] = Papa.parse<string[]>(text.trimEnd()).data;
    expect(cells).toEqual([
      "'=1+1",
      "'+SUM(A1)",
      "'-2+3",
      "'@cmd",
      "'\tx",
      "'\rx",
      '\'=HYPERLINK("x")\nmore',
      '-5',
      '0',
    ]);
  });

  it('writes empty cells for null and undefined', () => {
    expect(csvText([['a', null, undefined, 'd']])).toBe('a,,,d\r\n');
  });
});

describe('csvFile', () => {
  it('starts with a UTF-8 byte-order mark so Excel reads ’ £ – right', () => {
    const file = csvFile([['St Mary’s – £5']]);
    expect(file.charCodeAt(0)).toBe(0xfeff);
    expect(new TextEncoder().encode(file).slice(0, 3)).toEqual(new Uint8Array([0xef, 0xbb, 0xbf]));
  });
});
