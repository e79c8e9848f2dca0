import { z } from 'zod';
import type { DatasetDefinition, FieldDefinition } from '../datasets/dataset-definition';
import type { Engine } from '../engine/engine';
import type { ColumnMatch } from './header-match';
import { good, keyText, labels, staged, stored } from './record-key-sql';
import { compareWithLoaded, type RecordChange, recordChanges, type UpdateFindings } from './update-stage';

/**
 * No silent double counting. Each dataset declares what makes a record itself (its record key). A
 * record whose key is already loaded from an earlier file — next quarter's extract, the same extract
 * again as .xlsx — is, by default ('update'), recognised as already held when its values are the same,
 * and replaces the loaded version when they changed (update-stage.ts). The user may choose instead to
 * reject every such record ('skip', naming the file and line it was loaded from), to replace the
 * earlier file's records whatever they hold, or to keep both. A key repeated inside one file is loaded
 * but reported (with its lines, and on the Data quality page): inside one extract a repeat is a fact
 * about the data (two bookings of one person, two answers on one day) that each indicator's definition
 * says how it treats.
 */
export type DuplicatePolicy = 'update' | 'skip' | 'replace' | 'keep';

/** How many changes the load report carries; the download has them all. */
export const CHANGES_LISTED = 200;

export interface DuplicateReport {
  policy: DuplicatePolicy;
  /** The key, as field labels ("Episode ID"; "Child ID and Assessment start date"). */
  key: string[];
  /** Rows whose key an earlier row of the same file already has (loaded, and listed). */
  withinFile: number;
  withinFileExamples: { line: number; firstLine: number; key: string }[];
  /** Rows whose key was already loaded (skipped, or loaded anyway when kept). */
  alreadyLoaded: number;
  /** Rows of earlier files removed because this file replaces them. */
  replaced: number;
  /** The earlier files those records came from. */
  earlierFiles: string[];
  /** With 'update': rows already held with the same values, records updated, values changed, rows ambiguous. */
  update: UpdateFindings | null;
  /** With 'update': the first CHANGES_LISTED changed values (`pi_changes` has every one). */
  changes: RecordChange[];
}

/** The key fields this file can give: the first of the dataset's keys whose fields it has. */
export function recordKeyFor(dataset: DatasetDefinition, matches: readonly ColumnMatch[]): FieldDefinition[] | null {
  const mapped = new Set(matches.map((m) => m.field));
  const key = dataset.recordKeys.find((fields) => fields.every((f) => mapped.has(f)));
  return key ? key.map((name) => dataset.fields.find((f) => f.name === name) as FieldDefinition) : null;
}

const countRow = z.object({ n: z.number() });
const fileRow = z.object({ file: z.string().nullable(), n: z.number() });

const repeatRow = z.object({
  line: z.number().nullable(),
  first_line: z.number().nullable(),
  key_text: z.string().nullable(),
  n: z.number().nullable(),
  loaded: z.boolean(),
});

/**
 * Rows whose key an earlier row of the same file has: how many, and the first few. A hash count of the
 * keys finds the repeated ones (usually none); only their rows are then put in order. The last row
 * (no line) carries the count, and whether the dataset holds any rows yet (if not, nothing was loaded
 * before and the earlier files need no query).
 */
async function repeatsWithinFile(engine: Engine, dataset: DatasetDefinition, rows: string, key: FieldDefinition[]) {
  const keys = key.map(staged);
  const names = key.map((_, i) => `k${i}`);
  const result = await engine.query(
    `WITH dup AS MATERIALIZED (
  SELECT ${keys.map((k, i) => `${k} AS ${names[i]}`).join(', ')}, count(*) AS n
  FROM ${rows} WHERE ${good} GROUP BY ALL HAVING count(*) > 1
),
examples AS (
  SELECT line, first_line, key_text FROM (
    SELECT p.line, ${keyText(key)} AS key_text, row_number() OVER w AS k, first_value(p.line) OVER w AS first_line
    FROM ${rows} JOIN dup d ON ${keys.map((k, i) => `${k} IS NOT DISTINCT FROM d.${names[i]}`).join(' AND ')}
    WHERE ${good}
    WINDOW w AS (PARTITION BY ${keys.join(', ')} ORDER BY p.rec)
  ) WHERE k > 1 ORDER BY line LIMIT 5
)
SELECT e.*, s.* FROM (FROM examples UNION ALL SELECT NULL, NULL, NULL) e,
  (SELECT (SELECT sum(n - 1) FROM dup)::INTEGER AS n, EXISTS (SELECT 1 FROM ${dataset.id}) AS loaded) s
ORDER BY e.line NULLS LAST`,
    [],
    repeatRow,
  );
  const examples = result.flatMap((r) =>
    r.line === null || r.first_line === null ? [] : [{ line: r.line, firstLine: r.first_line, key: r.key_text ?? '' }],
  );
  return {
    withinFile: result[0]?.n ?? 0,
    withinFileExamples: examples,
    anyLoaded: result[0]?.loaded ?? true,
  };
}

/** The join of good staged rows (p) to loaded rows (t) with the same key. */
const sameKey = (dataset: DatasetDefinition, rows: string, key: FieldDefinition[]) =>
  `(SELECT p.* FROM ${rows} WHERE ${good}) p
  JOIN ${dataset.id} t ON ${key.map((f) => `${staged(f)} IS NOT DISTINCT FROM ${stored(f)}`).join(' AND ')}`;

async function rejectAlreadyLoaded(engine: Engine, dataset: DatasetDefinition, rows: string, key: FieldDefinition[]) {
  const reason = `'Already loaded from “' || t.source_file || '” (line ' || t.source_line || '): the same ${labels(key).replace(/'/g, "''")}'`;
  await engine.run(`INSERT INTO pi_problems
SELECT p.rec, p.line, NULL::VARCHAR, ${keyText(key)}, ${reason}, false
FROM ${sameKey(dataset, rows, key)}
QUALIFY row_number() OVER (PARTITION BY p.rec ORDER BY t.load_id, t.source_line) = 1`);
}

/**
 * The dedupe stage (after the checks, before the store): compares records already loaded with this
 * file's ('update'), adds them to `pi_problems` ('skip'), or removes the earlier files' records this file
 * replaces ('replace'). Returns what it found.
 */
export async function dedupeRows(
  engine: Engine,
  plan: { dataset: DatasetDefinition; matches: readonly ColumnMatch[]; fileId: number; fileName: string },
  rows: string,
  policy: DuplicatePolicy,
): Promise<DuplicateReport | null> {
  const { dataset } = plan;
  const key = recordKeyFor(dataset, plan.matches);
  if (!key) return null;
  const count = async (sql: string) => (await engine.query(sql, [], countRow))[0]?.n ?? 0;
  const { anyLoaded, ...repeats } = await repeatsWithinFile(engine, dataset, rows, key);
  const matching = `FROM ${sameKey(dataset, rows, key)}`;
  // One pass: the earlier files (a row each) and how many rows they already hold (the total row).
  const earlier = anyLoaded
    ? await engine.query(
        `SELECT t.source_file AS file, count(DISTINCT p.rec)::INTEGER AS n ${matching}
     GROUP BY GROUPING SETS ((t.source_file), ()) ORDER BY file NULLS FIRST`,
        [],
        fileRow,
      )
    : [];
  const earlierFiles = earlier.flatMap((r) => (r.file === null ? [] : [r.file]));
  const alreadyLoaded = earlier.find((r) => r.file === null)?.n ?? 0;
  let replaced = 0;
  let update: UpdateFindings | null = null;
  let changes: RecordChange[] = [];
  if (alreadyLoaded > 0 && policy === 'update') {
    update = await compareWithLoaded(engine, plan, rows, key);
    if (update.valuesChanged > 0) changes = await recordChanges(engine, plan.fileId, CHANGES_LISTED);
  }
  if (alreadyLoaded > 0 && policy === 'skip') await rejectAlreadyLoaded(engine, dataset, rows, key);
  if (alreadyLoaded > 0 && policy === 'replace') {
    replaced = await count(`SELECT count(DISTINCT t.rowid)::INTEGER AS n ${matching}`);
    await engine.run(`DELETE FROM ${dataset.id} WHERE rowid IN (SELECT t.rowid ${matching})`);
  }
  const found = { alreadyLoaded, replaced, earlierFiles, update, changes };
  return { policy, key: key.map((f) => f.label), ...repeats, ...found };
}
