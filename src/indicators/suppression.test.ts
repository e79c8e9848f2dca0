import { describe, expect, it } from 'vitest';
import { suppressIndicatorTable, suppressSeries, suppressTable } from './suppression';

describe('primary suppression', () => {
  it('hides 1–5 as c, keeps 0 as a true zero and 6 upwards', () => {
    const t = suppressTable({ cells: [[0, 1, 5, 6, null]], rowTotals: false, columnTotals: false });
    expect(t.cells).toEqual([[0, 'c', 'c', 6, null]]);
  });
});

describe('secondary suppression', () => {
  it('a single hidden cell next to a published row total takes the smallest other count with it', () => {
    // Row 3 + 10 + 20 + 8 = 41 published: 3 alone would be 41 − 38. The smallest other count, 8, is hidden.
    const t = suppressTable({ cells: [[3, 10, 20, 8]], rowTotals: true, columnTotals: false });
    expect(t.cells).toEqual([['c', 10, 20, 'c']]);
    expect(t.rowTotals).toEqual([41]);
  });

  it('prefers a non-zero count: hiding a zero protects nothing once zeros are shown as zeros', () => {
    const t = suppressTable({ cells: [[2, 0, 9, 12]], rowTotals: true, columnTotals: false });
    expect(t.cells).toEqual([['c', 0, 'c', 12]]);
  });

  it('works across rows and columns until no hidden cell can be recovered', () => {
    // Agencies × quarters with both totals published.
    //            Q1  Q2  Q3
    // Police      4  10  12   → 4 primary; row needs a second: 10.
    // Health      9   8  15   → column Q1 has one hidden (4): smallest other in Q1 is 9 → hidden;
    //                           then Health has one hidden (9): smallest other, 8, hidden;
    //                           column Q2 then has 10 and 8 hidden — two, safe.
    const t = suppressTable({
      cells: [
        [4, 10, 12],
        [9, 8, 15],
      ],
      rowTotals: true,
      columnTotals: true,
    });
    expect(t.cells).toEqual([
      ['c', 'c', 12],
      ['c', 'c', 15],
    ]);
    // Check: every row and column with a hidden cell has at least two.
    for (const row of t.hidden) expect(row.filter(Boolean).length === 0 || row.filter(Boolean).length >= 2).toBe(true);
    expect(t.rowTotals).toEqual([26, 32]);
    expect(t.columnTotals).toEqual([13, 18, 27]);
  });

  it('no secondary suppression is needed when no total is published', () => {
    const t = suppressTable({ cells: [[3, 10, 20]], rowTotals: false, columnTotals: false });
    expect(t.cells).toEqual([['c', 10, 20]]);
  });

  it('a small total is itself hidden', () => {
    const t = suppressTable({ cells: [[2, 0, 1]], rowTotals: true, columnTotals: false });
    expect(t.rowTotals).toEqual(['c']);
  });
});

describe('rates withheld with their parts', () => {
  it('withholds a percentage whose numerator or denominator is hidden', () => {
    const published = suppressSeries([
      { numerator: 3, denominator: 40, value: 7.5 },
      { numerator: 30, denominator: 40, value: 75 },
      { numerator: 0, denominator: 4, value: 0 },
      { numerator: 0, denominator: 0, value: null },
    ]);
    expect(published).toEqual([
      { numerator: 'c', denominator: 40, value: 'c', suppressed: true },
      { numerator: 30, denominator: 40, value: 75, suppressed: false },
      { numerator: 0, denominator: 'c', value: 'c', suppressed: true },
      { numerator: 0, denominator: 0, value: null, suppressed: false },
    ]);
  });

  it('a breakdown by agency with a published total: secondary suppression reaches the rate', () => {
    // Numerators 2, 7, 9 (total 18 published): 2 primary, 7 secondary. Denominators all > 5.
    const published = suppressIndicatorTable(
      [
        [
          { numerator: 2, denominator: 10, value: 20 },
          { numerator: 7, denominator: 20, value: 35 },
          { numerator: 9, denominator: 30, value: 30 },
        ],
      ],
      { rowTotals: true, columnTotals: false },
    );
    expect(published[0]?.map((c) => c.value)).toEqual(['c', 'c', 30]);
  });

  it('a count indicator is hidden with its count', () => {
    expect(suppressSeries([{ numerator: 4, denominator: null, value: 4 }])[0]?.value).toBe('c');
  });
});
