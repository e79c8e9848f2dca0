import type { DatasetDefinition } from '../datasets/dataset-definition';

/**
 * Header text → comparable key: case-insensitive; curly quotes, NBSPs, punctuation, underscores and
 * repeated or trailing spaces ignored. "Age of Child (Years) " ≡ "age_of_child_years".
 */
export function normaliseHeader(header: string): string {
  return header
    .normalize('NFKC')
    .replace(/[\u2018\u2019\u201A\u201B\u2032]/g, "'")
    .replace(/[\u201C\u201D\u201E\u2033]/g, '"')
    .toLowerCase()
    .replace(/'/g, '')
    .replace(/[^a-z0-9]+/g, ' ')
    .trim();
}

export interface ColumnMatch {
  field: string;
  columnIndex: number;
  header: string;
}

export interface HeaderMatch {
  matches: ColumnMatch[];
  missingRequired: string[];
  /** File columns that fill no field (kept in the report so the user sees what was ignored). */
  ignoredColumns: string[];
}

const keysCache = new WeakMap<DatasetDefinition, Map<string, string>>();

/** Normalised spelling → field name, built once per dataset (header sniffing asks many times). */
function keysFor(dataset: DatasetDefinition): Map<string, string> {
  const cached = keysCache.get(dataset);
  if (cached) return cached;
  const keys = new Map<string, string>();
  for (const field of dataset.fields) {
    for (const spelling of [field.name, field.label, ...field.aliases]) {
      const key = normaliseHeader(spelling);
      if (!keys.has(key)) keys.set(key, field.name);
    }
  }
  keysCache.set(dataset, keys);
  return keys;
}

/** Matches a file's header cells to a dataset's fields. Each field takes the first column that names it. */
export function matchHeader(header: readonly string[], dataset: DatasetDefinition): HeaderMatch {
  const keys = keysFor(dataset);
  const matches: ColumnMatch[] = [];
  const taken = new Set<string>();
  const ignoredColumns: string[] = [];
  header.forEach((cell, columnIndex) => {
    const field = keys.get(normaliseHeader(cell));
    if (field && !taken.has(field)) {
      taken.add(field);
      matches.push({ field, columnIndex, header: cell });
    } else if (cell.trim() !== '') {
      ignoredColumns.push(cell);
    }
  });
  const missingRequired = dataset.fields.filter((f) => f.required && !taken.has(f.name)).map((f) => f.name);
  return { matches, missingRequired, ignoredColumns };
}

/**
 * The file names the dataset by its own column names: every required field, and at least half of all
 * its fields, headed by the field's name or label (not an alias). Extra columns never weaken such a
 * match — a wide extract with every early-help column plus thirty of its own is still early help.
 */
export function isExactMatch(match: HeaderMatch, dataset: DatasetDefinition): boolean {
  const exact = new Set(
    match.matches
      .filter((m) => {
        const field = dataset.fields.find((f) => f.name === m.field);
        const cell = normaliseHeader(m.header);
        return field !== undefined && (cell === normaliseHeader(field.name) || cell === normaliseHeader(field.label));
      })
      .map((m) => m.field),
  );
  const requiredExact = dataset.fields.every((f) => !f.required || exact.has(f.name));
  return requiredExact && exact.size * 2 >= dataset.fields.length;
}

/**
 * How many cells of a row name a field of the dataset: used to find the header below title rows. The
 * cells come already normalised (normaliseHeader), as sniffing scores each row against every dataset.
 */
export function headerScore(normalisedCells: readonly string[], dataset: DatasetDefinition): number {
  const keys = keysFor(dataset);
  return normalisedCells.filter((cell) => keys.has(cell)).length;
}

/** A file's header as one key (normalised cells), so a mapping chosen for one file fits the next like it. */
export function headerSignature(header: readonly string[]): string {
  return header.map(normaliseHeader).join('|');
}

/**
 * The user's own mapping (field → the file's column heading) as a HeaderMatch. Headings are compared
 * after trimming; a field mapped to a heading the file does not have is left unmapped.
 */
export function matchFromMapping(
  header: readonly string[],
  dataset: DatasetDefinition,
  mapping: Readonly<Record<string, string>>,
): HeaderMatch {
  const matches: ColumnMatch[] = [];
  const used = new Set<number>();
  for (const field of dataset.fields) {
    const heading = mapping[field.name];
    if (heading === undefined || heading === '') continue;
    const columnIndex = header.findIndex((cell, i) => !used.has(i) && cell.trim() === heading.trim());
    if (columnIndex === -1) continue;
    used.add(columnIndex);
    matches.push({ field: field.name, columnIndex, header: header[columnIndex] ?? heading });
  }
  const mapped = new Set(matches.map((m) => m.field));
  return {
    matches,
    missingRequired: dataset.fields.filter((f) => f.required && !mapped.has(f.name)).map((f) => f.name),
    ignoredColumns: header.filter((cell, i) => cell.trim() !== '' && !used.has(i)),
  };
}
