/**
 * An attacker written independently of the app's disclosure code: it knows every published cell and
 * which cells add up to which, and solves the equations exactly (rational arithmetic on BigInt, no
 * rounding), reporting every hidden cell whose value is fixed by them. Any subtraction, and any chain of
 * subtractions, is a combination of these equations, so if this finds nothing, no subtraction can. It
 * also uses what a reader knows of the values: a count is never negative, and `c` is at least 1.
 */
type Fraction = [bigint, bigint];

const gcd = (a: bigint, b: bigint): bigint => {
  let x = a < 0n ? -a : a;
  let y = b < 0n ? -b : b;
  while (y) [x, y] = [y, x % y];
  return x || 1n;
};
const norm = ([n, d]: Fraction): Fraction => {
  if (d < 0n) [n, d] = [-n, -d];
  const g = gcd(n, d);
  return [n / g, d / g];
};
const sub = (a: Fraction, b: Fraction): Fraction => norm([a[0] * b[1] - b[0] * a[1], a[1] * b[1]]);
const mul = (a: Fraction, b: Fraction): Fraction => norm([a[0] * b[0], a[1] * b[1]]);
const div = (a: Fraction, b: Fraction): Fraction => norm([a[0] * b[1], a[1] * b[0]]);
const isZero = (a: Fraction) => a[0] === 0n;

export interface SumRelation {
  total: number;
  parts: readonly number[];
}

/** Indices of hidden cells (published as 'c') whose value the equations fix, with the value found. */
export function attack(published: readonly (number | 'c' | null)[], relations: readonly SumRelation[]) {
  const unknowns = published.flatMap((v, i) => (v === 'c' ? [i] : []));
  const col = new Map(unknowns.map((u, j) => [u, j]));
  const rows: Fraction[][] = [];
  for (const r of relations) {
    const members = [r.total, ...r.parts];
    if (members.some((m) => published[m] === null || published[m] === undefined)) continue;
    const row: Fraction[] = Array.from({ length: unknowns.length + 1 }, () => [0n, 1n] as Fraction);
    const put = (cell: number, sign: bigint) => {
      const j = col.get(cell);
      const v = published[cell];
      if (j !== undefined)
        row[j] = norm([(row[j] as Fraction)[0] + sign * (row[j] as Fraction)[1], (row[j] as Fraction)[1]]);
      else row[unknowns.length] = sub(row[unknowns.length] as Fraction, [sign * BigInt(v as number), 1n]);
    };
    put(r.total, 1n);
    for (const p of r.parts) put(p, -1n);
    rows.push(row);
  }
  let pr = 0;
  const pivots: number[] = [];
  for (let c = 0; c < unknowns.length && pr < rows.length; c += 1) {
    const found = rows.findIndex((row, i) => i >= pr && !isZero(row[c] as Fraction));
    if (found < 0) continue;
    [rows[pr], rows[found]] = [rows[found] as Fraction[], rows[pr] as Fraction[]];
    const pivot = rows[pr] as Fraction[];
    const p = pivot[c] as Fraction;
    for (let k = 0; k <= unknowns.length; k += 1) pivot[k] = div(pivot[k] as Fraction, p);
    rows.forEach((row, i) => {
      if (i === pr || isZero(row[c] as Fraction)) return;
      const f = row[c] as Fraction;
      for (let k = 0; k <= unknowns.length; k += 1) row[k] = sub(row[k] as Fraction, mul(f, pivot[k] as Fraction));
    });
    pivots.push(c);
    pr += 1;
  }
  const recovered: { cell: number; value: number }[] = [];
  pivots.forEach((c, i) => {
    const row = rows[i] as Fraction[];
    if (row.slice(0, unknowns.length).every((f, k) => k === c || isZero(f))) {
      const [n, d] = row[unknowns.length] as Fraction;
      recovered.push({ cell: unknowns[c] as number, value: Number(n) / Number(d) });
    }
  });
  // Bounds: a count is never negative and a `c` is at least 1. Where a published total leaves for its
  // hidden parts nothing (each is 0) or exactly one each (each is 1), those parts are known too.
  for (const r of relations) {
    const total = published[r.total];
    if (typeof total !== 'number' || r.parts.some((p) => published[p] === null || published[p] === undefined)) continue;
    const hiddenParts = r.parts.filter((p) => published[p] === 'c');
    if (hiddenParts.length === 0) continue;
    const left =
      total - r.parts.reduce((sum, p) => sum + (typeof published[p] === 'number' ? (published[p] as number) : 0), 0);
    if (left === 0 || left === hiddenParts.length) {
      for (const cell of hiddenParts) {
        if (!recovered.some((x) => x.cell === cell)) recovered.push({ cell, value: left === 0 ? 0 : 1 });
      }
    }
  }
  return recovered;
}

/** A count known to be part of another (on time of all): part ≤ whole. */
export interface PartOf {
  part: number;
  whole: number;
}

/**
 * The same reader using bounds as well as sums: every count is at least 0, a `c` at least 1, a part at
 * most its whole and a whole at least its part, and each sum bounds its members by the others'. The
 * bounds are tightened until nothing changes; a hidden cell whose lowest and highest possible values
 * meet is known. Catches what equations alone miss: "7 on time" of a hidden quarter beside its year.
 */
export function boundsAttack(
  published: readonly (number | 'c' | null)[],
  relations: readonly SumRelation[],
  parts: readonly PartOf[] = [],
): { cell: number; value: number }[] {
  const lo = published.map((v) => (typeof v === 'number' ? v : v === 'c' ? 1 : 0));
  const hi = published.map((v) => (typeof v === 'number' ? v : Number.POSITIVE_INFINITY));
  const usable = relations.filter((r) => [r.total, ...r.parts].every((m) => published[m] !== null));
  const raise = (cell: number, value: number) => {
    if (value > (lo[cell] as number)) {
      lo[cell] = value;
      return true;
    }
    return false;
  };
  const lower = (cell: number, value: number) => {
    if (value < (hi[cell] as number)) {
      hi[cell] = value;
      return true;
    }
    return false;
  };
  for (let changed = true, rounds = 0; changed && rounds < 200; rounds += 1) {
    changed = false;
    for (const r of usable) {
      const sumLo = r.parts.reduce((a, p) => a + (lo[p] as number), 0);
      const sumHi = r.parts.reduce((a, p) => a + (hi[p] as number), 0);
      changed = raise(r.total, sumLo) || changed;
      changed = lower(r.total, sumHi) || changed;
      for (const p of r.parts) {
        changed = raise(p, (lo[r.total] as number) - (sumHi - (hi[p] as number))) || changed;
        changed = lower(p, (hi[r.total] as number) - (sumLo - (lo[p] as number))) || changed;
      }
    }
    for (const { part, whole } of parts) {
      if (published[part] === null || published[whole] === null) continue;
      changed = raise(whole, lo[part] as number) || changed;
      changed = lower(part, hi[whole] as number) || changed;
    }
  }
  return published.flatMap((v, cell) =>
    v === 'c' && lo[cell] === hi[cell] ? [{ cell, value: lo[cell] as number }] : [],
  );
}
