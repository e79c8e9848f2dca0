import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { isSmall, protectCells, protectWithin } from '../src/indicators/disclosure';
import { JointPublication } from '../src/indicators/joint-disclosure';
import { type PublishablePoint, protectSeries } from '../src/indicators/publication';
import { suppressTable } from '../src/indicators/suppression';
import { attack, boundsAttack, type SumRelation } from './support/exact-attacker';

// The attacker test of issue 10: series and tables are generated, published at every granularity with
// suppression on, and an independent attacker (exact rational arithmetic) tries every subtraction and
// every chain of them. It must recover nothing, and every count of 1–5 must be hidden.

const iso = (d: Date) => d.toISOString().slice(0, 10);
const monthStart = (i: number) => new Date(Date.UTC(2022, 3 + i, 1)); // month 0 = April 2022
const monthEnd = (i: number) => new Date(Date.UTC(2022, 4 + i, 0));

/**
 * Periods over `n` months from April 2022: each a list of month indices, as the calendar groups them.
 * Years are financial (April–March), or academic (September–August) as Section 175 reports them.
 */
function calendar(n: number, years: 'financial' | 'academic' = 'financial') {
  const months = Array.from({ length: n }, (_, i) => [i]);
  const group = (key: (i: number) => number) => {
    const groups = new Map<number, number[]>();
    for (let i = 0; i < n; i += 1) groups.set(key(i), [...(groups.get(key(i)) ?? []), i]);
    return [...groups.values()];
  };
  return new Map<string, number[][]>([
    ['month', months],
    ['quarter', group((i) => Math.floor(i / 3))],
    // September is month 5 of the financial year: academic years start there.
    ['year', group((i) => (years === 'financial' ? Math.floor(i / 12) : Math.floor((i + 7) / 12)))],
  ]);
}

/** Points of every granularity from month values: additive (sum) or a stock (the last month's value). */
function publishable(
  monthly: readonly number[],
  kind: 'sum' | 'stock',
  years: 'financial' | 'academic' = 'financial',
): Map<string, PublishablePoint[]> {
  const out = new Map<string, PublishablePoint[]>();
  for (const [granularity, periods] of calendar(monthly.length, years)) {
    out.set(
      granularity,
      periods.map((ms) => {
        const value =
          kind === 'sum'
            ? ms.reduce((a, m) => a + (monthly[m] as number), 0)
            : (monthly[ms.at(-1) as number] as number);
        return {
          periodStart: iso(monthStart(ms[0] as number)),
          periodEnd: iso(monthEnd(ms.at(-1) as number)),
          effectiveEnd: iso(monthEnd(ms.at(-1) as number)),
          numerator: value,
          denominator: null,
          value,
        };
      }),
    );
  }
  return out;
}

/** What the public knows: every published cell in one list, and the calendar's sums between them. */
function publicView(
  monthly: readonly number[],
  published: Map<string, { numerator: number | 'c' | null }[]>,
  kind: 'sum' | 'stock',
  years: 'financial' | 'academic' = 'financial',
) {
  const cells: (number | 'c' | null)[] = [];
  const truth: number[] = [];
  const index = new Map<string, number>();
  const cal = calendar(monthly.length, years);
  for (const [granularity, periods] of cal) {
    periods.forEach((ms, k) => {
      index.set(`${granularity}:${k}`, cells.length);
      cells.push(published.get(granularity)?.[k]?.numerator ?? null);
      truth.push(
        kind === 'sum' ? ms.reduce((a, m) => a + (monthly[m] as number), 0) : (monthly[ms.at(-1) as number] as number),
      );
    });
  }
  const relations: SumRelation[] = [];
  for (const [granularity, periods] of cal) {
    if (granularity === 'month') continue;
    periods.forEach((ms, k) => {
      const parts = (kind === 'sum' ? ms : [ms.at(-1) as number]).map((m) => index.get(`month:${m}`) as number);
      relations.push({ total: index.get(`${granularity}:${k}`) as number, parts });
    });
  }
  // The whole range (a board pack's total), as published, is known to be the sum of the months.
  if (kind === 'sum') {
    cells.push(published.get('range')?.[0]?.numerator ?? null);
    truth.push(monthly.reduce((a, v) => a + v, 0));
    relations.push({ total: cells.length - 1, parts: monthly.map((_, m) => index.get(`month:${m}`) as number) });
  }
  return { cells, truth, relations };
}

const smallish = fc.oneof(
  { weight: 3, arbitrary: fc.integer({ min: 0, max: 8 }) },
  { weight: 1, arbitrary: fc.integer({ min: 9, max: 60 }) },
);

describe('suppression that cannot be undone', () => {
  it('series of counts: no hidden month, quarter, year or total can be worked out', () => {
    fc.assert(
      fc.property(fc.array(smallish, { minLength: 3, maxLength: 30 }), fc.boolean(), (monthly, academic) => {
        const years = academic ? 'academic' : 'financial';
        const published = protectSeries(publishable(monthly, 'sum', years), 'count');
        const view = publicView(monthly, published, 'sum', years);
        view.truth.forEach((t, i) => {
          if (isSmall(t) && view.cells[i] !== null) expect(view.cells[i]).toBe('c');
        });
        expect(attack(view.cells, view.relations)).toEqual([]);
      }),
      { numRuns: 200, seed: 10 },
    );
  });

  it('stocks (open at period end): the year-end figure is the last month’s, hidden together', () => {
    fc.assert(
      fc.property(fc.array(smallish, { minLength: 3, maxLength: 30 }), (monthly) => {
        const published = protectSeries(publishable(monthly, 'stock'), 'count');
        const view = publicView(monthly, published, 'stock');
        view.truth.forEach((t, i) => {
          if (isSmall(t)) expect(view.cells[i]).toBe('c');
        });
        expect(attack(view.cells, view.relations)).toEqual([]);
      }),
      { numRuns: 150, seed: 11 },
    );
  });

  it('percentages: numerator and denominator each protected, the rate withheld with either', () => {
    fc.assert(
      fc.property(fc.array(fc.tuple(smallish, smallish), { minLength: 3, maxLength: 24 }), (pairs) => {
        const numerators = pairs.map(([a, b]) => Math.min(a, b));
        const denominators = pairs.map(([a, b]) => Math.max(a, b));
        const nums = publishable(numerators, 'sum');
        const dens = publishable(denominators, 'sum');
        const series = new Map(
          [...nums].map(([g, points]) => [
            g,
            points.map((p, k) => {
              const den = dens.get(g)?.[k]?.numerator ?? 0;
              return { ...p, denominator: den, value: den > 0 ? (100 * (p.numerator ?? 0)) / den : null };
            }),
          ]),
        );
        const published = protectSeries(series, 'percent');
        for (const cells of published.values()) {
          for (const cell of cells) {
            if (cell.numerator === 'c' || cell.denominator === 'c')
              expect(cell.value === 'c' || cell.value === null).toBe(true);
          }
        }
        const asNumerators = (measure: 'numerator' | 'denominator') =>
          new Map([...published].map(([g, cells]) => [g, cells.map((c) => ({ numerator: c[measure] }))]));
        for (const [measure, monthly] of [
          ['numerator', numerators],
          ['denominator', denominators],
        ] as const) {
          const view = publicView(monthly, asNumerators(measure), 'sum');
          expect(attack(view.cells, view.relations)).toEqual([]);
        }
        // Together, as the reader holds them: each count is part of what it is out of.
        const num = publicView(numerators, asNumerators('numerator'), 'sum');
        const den = publicView(denominators, asNumerators('denominator'), 'sum');
        const n = num.cells.length;
        const known = boundsAttack(
          [...num.cells, ...den.cells],
          [...num.relations, ...den.relations.map((r) => ({ total: r.total + n, parts: r.parts.map((p) => p + n) }))],
          num.cells.map((_, i) => ({ part: i, whole: n + i })),
        );
        const truth = [...num.truth, ...den.truth];
        for (const { cell, value } of known) expect(value, `cell ${cell}`).not.toBe(truth[cell]);
      }),
      { numRuns: 150, seed: 13 },
    );
  });

  it('a count beside its hidden whole is hidden with it: "7 on time" of c would pin the c', () => {
    // Notifications by quarter and their year (8), and how many were on time (7 in the year).
    const values = [1, 7, 0, 0, 8, 0, 7, 0, 0, 7];
    const relations = [
      { total: 4, parts: [0, 1, 2, 3] },
      { total: 9, parts: [5, 6, 7, 8] },
    ];
    const within = [0, 1, 2, 3, 4].map((i) => ({ part: i + 5, whole: i }));
    const spans = ['Q1', 'Q2', 'Q3', 'Q4', 'year'];
    const publish = (hidden: boolean[]) => values.map((v, i) => (hidden[i] ? ('c' as const) : v));
    // Sums alone hide both notified quarters; the 7 on time beside the second then pins both.
    const sumsOnly = publish(protectCells(values, relations));
    expect(sumsOnly.slice(0, 5)).toEqual(['c', 'c', 0, 0, 8]);
    expect(boundsAttack(sumsOnly, relations, within)).toEqual([
      { cell: 0, value: 1 },
      { cell: 1, value: 7 },
    ]);
    // With parts hidden wherever their whole is (a 0 stays shown), nothing can be pinned.
    const published = publish(protectWithin(values, relations, within));
    expect(published.slice(5, 7)).toEqual([0, 'c']);
    expect(boundsAttack(published, relations, within)).toEqual([]);
    expect(attack(published, relations)).toEqual([]);

    // The same through a pack's joint problem, the two columns coming from different items.
    const joint = new JointPublication();
    const notified = joint.add(joint.item(['practice_reviews']), values.slice(0, 5), spans, [relations[0] as never]);
    const onTime = joint.add(joint.item(['practice_reviews']), values.slice(5), spans, [relations[0] as never]);
    for (let i = 0; i < 5; i += 1) joint.within(onTime + i, notified + i);
    const together = publish(joint.protect());
    for (const { part, whole } of within)
      if (together[whole] === 'c' && values[part] !== 0) expect(together[part], `${part}`).toBe('c');
    expect(boundsAttack(together, relations, within)).toEqual([]);
    expect(attack(together, relations)).toEqual([]);
  });

  it('tables with row, column and grand totals: nothing can be worked out, totals included', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 5 }).chain((rows) =>
          fc.array(
            fc.array(smallish, { minLength: 2, maxLength: 5 }).map((r) => r),
            {
              minLength: rows,
              maxLength: rows,
            },
          ),
        ),
        (raw) => {
          const cols = Math.min(...raw.map((r) => r.length));
          const cells = raw.map((r) => r.slice(0, cols));
          const t = suppressTable({ cells, rowTotals: true, columnTotals: true });
          const flat: (number | 'c' | null)[] = [
            ...t.cells.flat(),
            ...(t.rowTotals ?? []),
            ...(t.columnTotals ?? []),
            t.grandTotal,
          ];
          const body = (r: number, c: number) => r * cols + c;
          const rowAt = (r: number) => cells.length * cols + r;
          const colAt = (c: number) => cells.length * cols + cells.length + c;
          const grand = flat.length - 1;
          const relations: SumRelation[] = [
            ...cells.map((_, r) => ({ total: rowAt(r), parts: cells[0]?.map((__, c) => body(r, c)) ?? [] })),
            ...Array.from({ length: cols }, (_, c) => ({ total: colAt(c), parts: cells.map((__, r) => body(r, c)) })),
            { total: grand, parts: cells.map((_, r) => rowAt(r)) },
          ];
          cells.flat().forEach((v, i) => {
            if (isSmall(v)) expect(flat[i]).toBe('c');
          });
          expect(attack(flat, relations)).toEqual([]);
        },
      ),
      { numRuns: 300, seed: 12 },
    );
  });

  it('a published total never pins its hidden parts by bounds (all zero, or one each)', () => {
    // Months 1, 1, 0, 1 under a year of 3: the three c's would have to be 1 each (a c is at least 1).
    const values = [1, 1, 0, 1, 3];
    const relations = [{ total: 4, parts: [0, 1, 2, 3] }];
    expect(attack([...values.slice(0, 4).map((v) => (v === 0 ? 0 : ('c' as const))), 3], relations)).toHaveLength(3);
    const hidden = protectCells(values, relations);
    const published = values.map((v, i) => (hidden[i] ? ('c' as const) : v));
    expect(attack(published, relations)).toEqual([]);
  });

  it('the table that leaked its 3 through the grand total no longer does', () => {
    // Row totals 3, 60, 77; grand total 140: before, 140 − 60 − 77 = 3 gave the hidden row away.
    const t = suppressTable({
      cells: [
        [3, 0, 0],
        [10, 20, 30],
        [12, 25, 40],
      ],
      rowTotals: true,
      columnTotals: true,
    });
    expect(t.cells[0]?.[0]).toBe('c');
    expect(t.rowTotals?.[0]).toBe('c');
    const hiddenRowTotals = (t.rowTotals ?? []).filter((v) => v === 'c').length;
    const hiddenColTotals = (t.columnTotals ?? []).filter((v) => v === 'c').length;
    // With the grand total published, one hidden row total alone would be given away.
    expect(t.grandTotal === 'c' || hiddenRowTotals >= 2).toBe(true);
    expect(t.grandTotal === 'c' || hiddenColTotals === 0 || hiddenColTotals >= 2).toBe(true);
  });

  it('refuses rolling 12-month windows, and academic beside financial years, which would give hidden counts away', () => {
    const series = publishable([1, 2, 3], 'sum');
    series.set('rolling_12', []);
    expect(() => protectSeries(series, 'count')).toThrow(/Rolling 12-month figures cannot be published/);
    const both = publishable([1, 2, 3], 'sum');
    both.set('academic_year', []);
    expect(() => protectSeries(both, 'count')).toThrow(/academic and financial years overlap/);
  });
});
