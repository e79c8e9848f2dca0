import { DEFAULT_THRESHOLD, protectWithin, type Relation, unionFind, type Within } from './disclosure';

/**
 * Disclosure control for everything published together (a board pack, a yearly report): every count
 * any item shows is one cell of one problem, so a count hidden in one item cannot be worked out from
 * another. Each item brings its own cells and the sums that hold inside it (a quarter is its months;
 * a table row is its cells). Between items, three kinds of relation are used:
 * - declared ones: a profile says which indicator counts its cells add up to (profiles.ts `composes`),
 *   used where they hold in the figures;
 * - two cells of items reading a dataset in common, covering the same dates with the same count, are
 *   taken to be the same count (a coincidence only makes the protection stricter);
 * - likewise a cell equal to the sum of a whole row, column or table of another item, same dates.
 * Found equalities are taken for counts above the small-number threshold only: counts of 1 to 5 are
 * hidden wherever they are, and zeros and small counts coincide too often by chance (every empty
 * quarter) for "same count" to mean "same thing" — taken as one, they chain whole areas into hiding.
 */
interface Cell {
  value: number | null;
  /** The dates it covers (`start|end`). */
  span: string;
  /** The item it belongs to: relations are looked for between items, not inside one. */
  source: number;
}

interface Source {
  /** The datasets the item counts from: items with none in common count different things. */
  datasets: ReadonlySet<string>;
}

export class JointPublication {
  private cells: Cell[] = [];
  private relations: Relation[] = [];
  private parts: Within[] = [];
  private lines: { source: number; span: string; members: number[] }[] = [];
  private sources: Source[] = [];

  /** A new item, counting from these datasets: returns its number, to add its cells under. */
  item(datasets: readonly string[]): number {
    this.sources.push({ datasets: new Set(datasets) });
    return this.sources.length - 1;
  }

  /** Whether two items could show the same count: different items reading a dataset in common. */
  private related(a: number | undefined, b: number | undefined): boolean {
    if (a === undefined || b === undefined || a === b) return false;
    const other = this.sources[b]?.datasets;
    return [...(this.sources[a]?.datasets ?? [])].some((d) => other?.has(d));
  }

  /** Adds cells of an item with the relations among them (indices local to `values`); returns the offset. */
  add(source: number, values: readonly (number | null)[], spans: readonly string[], relations: readonly Relation[]) {
    const offset = this.cells.length;
    values.forEach((value, i) => {
      this.cells.push({ value, span: spans[i] ?? '', source });
    });
    for (const r of relations) {
      this.relations.push({ total: r.total + offset, parts: r.parts.map((p) => p + offset) });
    }
    return offset;
  }

  valueOf(cell: number): number | null {
    return this.cells[cell]?.value ?? null;
  }

  /** A relation between items that holds in the figures (global cell indices). */
  relate(relation: Relation) {
    this.relations.push(relation);
  }

  /** A count that is part of another (global cell indices): hidden wherever the whole is (protectWithin). */
  within(part: number, whole: number) {
    this.parts.push({ part, whole });
  }

  /** A row or column of a table (global cell indices, all covering `span`) whose parts a reader can add up. */
  line(source: number, span: string, members: readonly number[]) {
    this.lines.push({ source, span, members: [...members] });
  }

  /** The relations found between items. */
  crossRelations(threshold = DEFAULT_THRESHOLD): Relation[] {
    const bySpanValue = new Map<string, number[]>();
    this.cells.forEach((cell, i) => {
      if (cell.value === null || cell.value <= threshold) return;
      const key = `${cell.span}#${cell.value}`;
      const list = bySpanValue.get(key) ?? [];
      list.push(i);
      bySpanValue.set(key, list);
    });
    const found: Relation[] = [];
    for (const members of bySpanValue.values()) {
      // Each cell equal to the first cell of each related item before it: a = b, a = c, … — together
      // every related pair, with as few equations as possible.
      const firstOf = new Map<number, number>();
      for (const cell of members) {
        const source = this.cells[cell]?.source as number;
        for (const [other, first] of firstOf) {
          if (this.related(source, other)) found.push({ total: first, parts: [cell] });
        }
        if (!firstOf.has(source)) firstOf.set(source, cell);
      }
    }
    for (const line of this.lines) found.push(...this.lineRelations(line, bySpanValue));
    return found;
  }

  private lineRelations(
    line: { source: number; span: string; members: number[] },
    bySpanValue: ReadonlyMap<string, number[]>,
  ): Relation[] {
    const parts = line.members.filter((m) => this.cells[m]?.value !== null && this.cells[m]?.value !== undefined);
    if (parts.length < 2 || parts.length < line.members.length) return [];
    const sum = parts.reduce((a, m) => a + (this.cells[m]?.value as number), 0);
    return (bySpanValue.get(`${line.span}#${sum}`) ?? [])
      .filter((total) => this.related(this.cells[total]?.source, line.source))
      .map((total) => ({ total, parts }));
  }

  /**
   * Which cells to hide so that nothing hidden follows from anything published, in any item. Cells
   * known to be equal (the same count in two items, a year-end stock and its last month) are one count:
   * they are hidden together, so the problem is solved over one cell per such class.
   */
  protect(threshold = DEFAULT_THRESHOLD): boolean[] {
    const values = this.cells.map((c) => c.value);
    const all = [...this.relations, ...this.crossRelations(threshold)];
    const classOf = equalClasses(values.length, all);
    const reps = [...new Set(classOf)].sort((a, b) => a - b);
    const local = new Map(reps.map((rep, i) => [rep, i]));
    const at = (cell: number) => local.get(classOf[cell] as number) as number;
    const seen = new Set<string>();
    const reduced: Relation[] = [];
    for (const r of all) {
      const total = at(r.total);
      const parts = r.parts.map(at).sort((a, b) => a - b);
      if (parts.length === 1 && parts[0] === total) continue;
      const key = `${total}=${parts.join('+')}`;
      if (seen.has(key)) continue;
      seen.add(key);
      reduced.push({ total, parts });
    }
    const within = this.parts.map((w) => ({ part: at(w.part), whole: at(w.whole) })).filter((w) => w.part !== w.whole);
    const hidden = protectWithin(
      reps.map((rep) => values[rep] ?? null),
      reduced,
      within,
      threshold,
    );
    return values.map((_, cell) => hidden[at(cell)] === true);
  }
}

/** For each cell, the smallest cell it is known to equal (through relations with a single part). */
function equalClasses(size: number, relations: readonly Relation[]): number[] {
  const { parent, find } = unionFind(size);
  for (const r of relations) {
    if (r.parts.length !== 1) continue;
    const a = find(r.total);
    const b = find(r.parts[0] as number);
    if (a !== b) parent[Math.max(a, b)] = Math.min(a, b);
  }
  return parent.map((_, i) => find(i));
}
