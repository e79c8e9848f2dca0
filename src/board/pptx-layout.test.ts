import { describe, expect, it } from 'vitest';
import { type Cell, pageTable, rowHeight, textLines } from './pptx-layout';

describe('laying out a PowerPoint table', () => {
  it('counts the lines a text wraps to at a size', () => {
    // 1 inch at 14 pt holds 72 / (14 × 0.55) = 9 characters a line.
    expect(textLines('Needs met', 1, 14)).toBe(1);
    // Stepped / down to / universal / services
    expect(textLines('Stepped down to universal services', 1, 14)).toBe(4);
    expect(textLines('one\ntwo', 5, 14)).toBe(2);
    expect(textLines('Supercalifragilistic', 1, 14)).toBe(3);
    expect(textLines('', 1, 14)).toBe(1);
  });

  it('takes a row as tall as its tallest cell, a spanning cell as wide as its columns', () => {
    const one = rowHeight([{ text: 'a' }, { text: 'b' }], [2, 2], 14);
    expect(rowHeight([{ text: 'a' }, { text: 'many words in a narrow column' }], [2, 0.6], 14)).toBeGreaterThan(
      3 * one,
    );
    expect(rowHeight([{ text: 'Statutory obligations', options: { colspan: 2 } }], [1, 1.5], 14)).toBe(one);
  });

  it('runs a long table on to further slides, header on each, never a lone last row', () => {
    const row = (i: number): Cell[] => [{ text: `Row ${i}` }, { text: String(i) }];
    const rows = [[{ text: 'Period' }, { text: 'Count' }], ...Array.from({ length: 19 }, (_, i) => row(i + 1))];
    const h = rowHeight(row(1), [2, 2], 14);
    // Room for the header and 9 rows a slide: 9, 9 and a lone last row, which takes one along.
    const parts = pageTable({ rows, colW: [2, 2], headerRows: 1 }, 10 * h + 0.01, 9.5 * h, 14);
    expect(parts.map((p) => p.rows.length - 1)).toEqual([9, 8, 2]);
    for (const part of parts) {
      expect(part.rows[0]?.[0]?.text).toBe('Period');
      expect(part.rowH).toHaveLength(part.rows.length);
    }
    expect(parts.flatMap((p) => p.rows.slice(1).map((r) => r[0]?.text))).toEqual(
      Array.from({ length: 19 }, (_, i) => `Row ${i + 1}`),
    );
  });

  it('keeps a short table whole', () => {
    const parts = pageTable({ rows: [[{ text: 'h' }], [{ text: 'a' }]], colW: [3], headerRows: 1 }, 5, 5, 14);
    expect(parts).toHaveLength(1);
  });
});
