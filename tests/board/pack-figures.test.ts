import { readdirSync, readFileSync } from 'node:fs';
import { beforeAll, describe, expect, it } from 'vitest';
import { type IndicatorFigures, type PackFigures, packFigures } from '../../src/board/pack-figures';
import { PACK_VIEWS } from '../../src/board/pack-views';
import { isSmall } from '../../src/indicators/disclosure';
import { countsAboutChildren } from '../../src/indicators/disclosure-scope';
import { CLOSURE_REASONS, GRADE_PROFILE, REVIEW_STEPS, STANDARD_RATINGS } from '../../src/indicators/profiles';
import { getIndicator, INDICATORS } from '../../src/indicators/registry';
import { runProfile } from '../../src/indicators/run-indicator';
import { attack, boundsAttack, type PartOf, type SumRelation } from '../support/exact-attacker';
import { createIndicatorSession } from '../support/indicator-session';

// A board pack of the sample partnership (every indicator and every view, by quarter) published with
// suppression on, attacked by a reader who holds every figure in it and knows, independently of the
// app's code, how its counts relate: closures by reason make up the closures of EH3, EH4 and EH5, and a
// table's rows add up to their totals.

let t: Awaited<ReturnType<typeof createIndicatorSession>>;
const request = {
  indicators: INDICATORS,
  views: PACK_VIEWS,
  granularity: 'quarter' as const,
  targets: {},
  changesFor: () => [],
  minDenominatorFor: () => null,
};

beforeAll(async () => {
  const files: Record<string, string[]> = {};
  for (const f of readdirSync('sample-data').filter((name) => name.endsWith('.csv'))) {
    files[f] = readFileSync(`sample-data/${f}`, 'utf8').split('\n').filter(Boolean);
  }
  t = await createIndicatorSession(files);
}, 120_000);

const ok = (figures: PackFigures, id: string) => figures.indicators.get(id) as IndicatorFigures;

describe('board pack figures', () => {
  it('without suppression, are the indicators as computed', async () => {
    const figures = await packFigures(t.engine, t.prepared, { ...request, suppress: false });
    expect(figures.hiddenCells).toBe(0);
    const eh3 = ok(figures, 'EH3');
    const raw = await t.rows('EH3', { granularity: 'quarter' });
    expect(eh3.points.map((p) => [p.label, p.numerator, p.denominator])).toEqual(raw.map((r) => r.slice(0, 3)));
    expect(eh3.narrative).toMatch(/^Early help closures with needs met: \d+\.\d% \(\d+ of \d+\) in 2026-27 Q2\./);
    // The Section 11 table covers the cycle the OB indicators' latest figures come from, never the unfinished one.
    const ob3 = ok(figures, 'OB3');
    expect(figures.tables.get('OBP1')?.coverage).toBe(ob3.points[ob3.latestIndex]?.label);
  }, 120_000);

  it('the relations the definitions declare hold in the figures', async () => {
    // Closures by reason, by quarter, against EH3 (needs met), EH4 (stepped up) and EH5 (disengaged).
    const reasons = await runProfile(t.engine, t.prepared, CLOSURE_REASONS, { granularity: 'quarter' });
    if (reasons.status !== 'ok') throw new Error('EHP1 not computed');
    const sum = (start: string, keep: (column: string) => boolean) =>
      reasons.cells.filter((c) => c.row === start && keep(c.column)).reduce((a, c) => a + c.n, 0);
    const among = (columns: string[]) => (column: string) => columns.includes(column);
    const all = () => true;
    const leftIn = (column: string) => !['MOVED_AWAY', 'TRANSFER_OTHER_SERVICE'].includes(column);
    for (const [id, numerator, denominator] of [
      ['EH3', among(['NEEDS_MET']), leftIn],
      ['EH4', among(['STEP_UP_CSC', 'STEP_UP_CP']), all],
      ['EH5', among(['DISENGAGED', 'CONSENT_WITHDRAWN']), all],
    ] as const) {
      const result = await t.run(id, { granularity: 'quarter' });
      if (result.status !== 'ok') throw new Error(`${id} not computed`);
      for (const p of result.points) {
        expect([id, p.label, p.numerator]).toEqual([id, p.label, sum(p.periodStart, numerator)]);
        expect([id, p.label, p.denominator]).toEqual([id, p.label, sum(p.periodStart, denominator)]);
      }
    }
    // Grades by domain (the latest year, the overall grade left out) against AQ4 for that year.
    const year = t.prepared.families.audits.reportDate as string;
    const grades = await runProfile(t.engine, t.prepared, GRADE_PROFILE, { granularity: 'year', from: year, to: year });
    const aq4 = await t.run('AQ4', { granularity: 'year', from: year, to: year });
    if (grades.status !== 'ok' || aq4.status !== 'ok') throw new Error('not computed');
    const domains = grades.cells.filter((c) => c.row !== 'OVERALL');
    expect(domains.filter((c) => ['OUTSTANDING', 'GOOD'].includes(c.column)).reduce((a, c) => a + c.n, 0)).toBe(
      aq4.points[0]?.numerator,
    );
    expect(domains.reduce((a, c) => a + c.n, 0)).toBe(aq4.points[0]?.denominator);
    // Standards met by agency against OB3 for the latest year.
    const obYear = t.prepared.families.obligations.reportDate as string;
    const ratings = await runProfile(t.engine, t.prepared, STANDARD_RATINGS, {
      granularity: 'year',
      from: obYear,
      to: obYear,
    });
    const ob3 = await t.run('OB3', { granularity: 'year', from: obYear, to: obYear });
    if (ratings.status !== 'ok' || ob3.status !== 'ok') throw new Error('not computed');
    expect(ratings.cells.reduce((a, c) => a + c.n, 0)).toBe(ob3.points[0]?.numerator);
    expect(ratings.cells.reduce((a, c) => a + (c.total ?? 0), 0)).toBe(ob3.points[0]?.denominator);
  }, 120_000);

  it('with suppression, hides every small count about children, and nothing hidden can be worked out', async () => {
    const [open, published] = await Promise.all([
      packFigures(t.engine, t.prepared, { ...request, suppress: false }),
      packFigures(t.engine, t.prepared, { ...request, suppress: true }),
    ]);
    expect(published.hiddenCells).toBeGreaterThan(20);
    // The attacker's view: every count in the pack, as published, and the truth to check against.
    const cells: (number | 'c' | null)[] = [];
    const truth: number[] = [];
    const at = new Map<string, number>();
    const put = (key: string, shown: number | null, hidden: boolean, real: number | null) => {
      if (real === null) return;
      at.set(key, cells.length);
      cells.push(hidden ? 'c' : shown);
      truth.push(real);
    };
    for (const indicator of INDICATORS) {
      const pub = ok(published, indicator.id);
      const real = ok(open, indicator.id);
      pub.points.forEach((p, i) => {
        const r = real.points[i];
        // Every count of 1–5 about children is hidden; counts about organisations and professionals are not.
        for (const measure of ['numerator', 'denominator'] as const) {
          const value = r?.[measure] ?? null;
          const hidden = measure === 'numerator' ? p.numeratorHidden : p.denominatorHidden;
          const counts = measure === 'denominator' || indicator.unit === 'count' || indicator.unit === 'percent';
          if (counts && isSmall(value))
            expect(hidden, `${indicator.id} ${p.label} ${measure}`).toBe(countsAboutChildren(indicator));
          if (counts) put(`${indicator.id}|${measure}|${p.periodStart}`, p[measure], hidden, value);
        }
        if (p.suppressed) expect(p.value).toBeNull();
      });
    }
    const realTable = open.tables.get('EHP1');
    const pubTable = published.tables.get('EHP1');
    if (!realTable || !pubTable) throw new Error('EHP1 missing');
    realTable.rows.forEach((row, r) => {
      realTable.columns.forEach((column, c) => {
        const cell = pubTable.cells[r]?.[c];
        put(
          `EHP1|${row.key}|${column.key}`,
          cell?.n ?? null,
          cell?.hidden ?? false,
          realTable.cells[r]?.[c]?.n ?? null,
        );
      });
      const total = pubTable.totals?.[r];
      put(`EHP1|${row.key}|total`, total?.value ?? null, total?.hidden ?? false, realTable.totals?.[r]?.value ?? null);
    });
    // The review timeline, published as its steps counted by period: the reader sees each count (or `c`)
    // and knows what each is (a period's notifications are PR1's count for that period, and so on).
    const steps = await runProfile(t.engine, t.prepared, REVIEW_STEPS, { granularity: 'quarter' });
    const pubSteps = published.tables.get('review_timeline');
    if (steps.status !== 'ok' || !pubSteps) throw new Error('review steps missing');
    expect(published.timeline).toBeNull();
    expect(open.timeline?.rows.length).toBeGreaterThan(10);
    pubSteps.rows.forEach((row, r) => {
      pubSteps.columns.forEach((column, c) => {
        const real = steps.cells.find((x) => x.row === row.key && x.column === column.key)?.n ?? 0;
        const cell = pubSteps.cells[r]?.[c];
        put(`RT|${row.key}|${column.key}`, cell?.n ?? null, cell?.hidden ?? false, real);
      });
    });
    // What the reader knows of how the counts relate.
    const relations: SumRelation[] = [];
    const relate = (total: string, parts: string[]) => {
      const t0 = at.get(total);
      const ps = parts.map((p) => at.get(p));
      if (t0 === undefined || ps.some((p) => p === undefined)) return;
      relations.push({ total: t0, parts: ps as number[] });
    };
    for (const row of realTable.rows) {
      const cellsOf = (columns: string[]) => columns.map((c) => `EHP1|${row.key}|${c}`);
      const all = realTable.columns.map((c) => c.key);
      relate(`EHP1|${row.key}|total`, cellsOf(all));
      const except = all.filter((c) => !['MOVED_AWAY', 'TRANSFER_OTHER_SERVICE'].includes(c));
      for (const [id, columns, denominator] of [
        ['EH3', ['NEEDS_MET'], cellsOf(except)],
        ['EH4', ['STEP_UP_CSC', 'STEP_UP_CP'], [`EHP1|${row.key}|total`]],
        ['EH5', ['DISENGAGED', 'CONSENT_WITHDRAWN'], [`EHP1|${row.key}|total`]],
      ] as const) {
        relate(`${id}|numerator|${row.key}`, cellsOf(columns.filter((c) => all.includes(c))));
        relate(`${id}|denominator|${row.key}`, [...denominator]);
      }
    }
    for (const row of pubSteps.rows) {
      const step = (column: string) => [`RT|${row.key}|${column}`];
      relate(`PR1|numerator|${row.key}`, step('NOTIFIED'));
      relate(`PR2|numerator|${row.key}`, step('NOTIFIED_ON_TIME'));
      relate(`PR3|numerator|${row.key}`, step('RAPID_REVIEW_ON_TIME'));
      relate(`PR5|numerator|${row.key}`, step('LOCAL_REVIEW_ON_TIME'));
      // Where every notification, rapid review and local review is judged, the counts are the denominators.
      for (const [id, column] of [
        ['PR2', 'NOTIFIED'],
        ['PR3', 'RAPID_REVIEW'],
        ['PR5', 'LOCAL_REVIEW'],
      ] as const) {
        const d = at.get(`${id}|denominator|${row.key}`);
        const n = at.get(`RT|${row.key}|${column}`);
        if (d !== undefined && n !== undefined && truth[d] === truth[n])
          relate(`${id}|denominator|${row.key}`, step(column));
      }
      // A period's count hidden in one view is hidden in the other: nothing to count it from.
      const pr1 = at.get(`PR1|numerator|${row.key}`);
      const notified = at.get(`RT|${row.key}|NOTIFIED`);
      if (pr1 !== undefined && notified !== undefined) expect(cells[notified], row.label).toBe(cells[pr1]);
    }
    expect(pubSteps.cells.flat().some((c) => c.hidden)).toBe(true);
    // What the reader knows of counts that are parts of others: a percentage's count of what it is out
    // of, and the review steps on time of all of them.
    const parts: PartOf[] = [];
    const partOf = (part: string, whole: string) => {
      const p = at.get(part);
      const w = at.get(whole);
      if (p !== undefined && w !== undefined) parts.push({ part: p, whole: w });
    };
    for (const indicator of INDICATORS.filter((i) => i.unit === 'percent')) {
      for (const p of ok(open, indicator.id).points) {
        partOf(`${indicator.id}|numerator|${p.periodStart}`, `${indicator.id}|denominator|${p.periodStart}`);
      }
    }
    for (const row of pubSteps.rows) {
      for (const step of ['NOTIFIED', 'RAPID_REVIEW', 'LOCAL_REVIEW']) {
        partOf(`RT|${row.key}|${step}_ON_TIME`, `RT|${row.key}|${step}`);
      }
    }
    expect(parts.length).toBeGreaterThan(100);
    for (const { cell, value } of boundsAttack(cells, relations, parts)) {
      expect(Math.abs(value - (truth[cell] as number)) < 1e-9, `cell ${cell} pinned by bounds`).toBe(false);
    }
    const recovered = attack(cells, relations);
    for (const { cell, value } of recovered) {
      expect(Math.abs(value - (truth[cell] as number)) < 1e-9, `cell ${cell} recovered`).toBe(false);
    }
    // Suppressed values take their narrative with them.
    const hiddenLatest = [...published.indicators.values()].find(
      (f) => f.status === 'ok' && f.points[f.latestIndex]?.suppressed,
    ) as IndicatorFigures | undefined;
    expect(hiddenLatest?.narrative).toContain('not shown');
    expect(getIndicator('TR1').datasets.some((d) => d.startsWith('training'))).toBe(true);
  }, 240_000);

  it('shows serious incident and rapid review counts as they are only when the partnership chooses', async () => {
    const figures = await packFigures(t.engine, t.prepared, { ...request, suppress: true, reviewCountsShown: true });
    expect(figures.reviewCountsShown).toBe(true);
    for (const id of ['PR1', 'PR2', 'PR3', 'PR5']) {
      const points = ok(figures, id).points;
      expect(
        points.some((p) => isSmall(p.numerator ?? p.denominator)),
        id,
      ).toBe(true);
      expect(
        points.filter((p) => p.numeratorHidden || p.denominatorHidden || p.suppressed),
        id,
      ).toEqual([]);
    }
    const steps = figures.tables.get('review_timeline');
    expect(steps?.cells.flat().some((c) => c.hidden)).toBe(false);
    expect(steps?.cells.flat().some((c) => isSmall(c.n))).toBe(true);
    // Every other count about children is still protected.
    expect(ok(figures, 'EH3').points.some((p) => p.suppressed || p.numeratorHidden)).toBe(true);
    expect(
      figures.tables
        .get('EHP1')
        ?.cells.flat()
        .some((c) => c.hidden),
    ).toBe(true);
    // Without suppression the choice means nothing.
    expect(
      (await packFigures(t.engine, t.prepared, { ...request, suppress: false, reviewCountsShown: true }))
        .reviewCountsShown,
    ).toBe(false);
  }, 240_000);
});
