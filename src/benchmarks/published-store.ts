import Papa from 'papaparse';
import { z } from 'zod';
import type { Engine } from '../engine/engine';
import { dataFileOf, type MetaColumn, type NeighbourGroup } from './published-file';

/**
 * Published statistics in DuckDB: every measure cell of every loaded EES file as one tidy table, and
 * the statistical neighbours. Rows go in through a CSV the app writes itself (the user's text stays
 * data, never SQL); every comparison is one SQL statement with bound parameters.
 */

/** The published-statistics tables: created with the datasets' tables (prepareDatabase), once. */
export const CREATE_PUBLISHED_SQL = `CREATE TABLE IF NOT EXISTS pi_published (
  file_id INTEGER, file_name VARCHAR, measure VARCHAR, filters VARCHAR, time_period VARCHAR,
  time_identifier VARCHAR, level VARCHAR, region_code VARCHAR, region_name VARCHAR, old_la_code VARCHAR,
  new_la_code VARCHAR, la_name VARCHAR, value DOUBLE, marker VARCHAR);
CREATE TABLE IF NOT EXISTS pi_neighbours (la VARCHAR, position INTEGER, neighbour VARCHAR);
CREATE TABLE IF NOT EXISTS pi_published_meta (
  file_id INTEGER, data_file VARCHAR, col_name VARCHAR, col_type VARCHAR, label VARCHAR, unit VARCHAR)`;

/** The tables of CREATE_PUBLISHED_SQL, every one of them loaded from files. */
export const PUBLISHED_TABLES = ['pi_published', 'pi_neighbours', 'pi_published_meta'] as const;

/** A breakdown selection as stored: the file's breakdown columns with this row's values. */
export function filtersKey(breakdowns: readonly string[], values: readonly string[]): string {
  return JSON.stringify(breakdowns.map((name, i) => [name, values[i] ?? '']));
}

let registered = 0;
/** Inserts rows through a CSV of our own making: every value is data, quoted as CSV, never SQL. */
async function insertCsv(engine: Engine, table: string, columns: string, rows: unknown[][]): Promise<void> {
  if (rows.length === 0) return;
  registered += 1;
  const name = `pi_published_${registered}.csv`;
  const text = Papa.unparse(rows, { quotes: true, newline: '\n' });
  await engine.registerFile(name, new TextEncoder().encode(text));
  try {
    await engine.run(
      `INSERT INTO ${table} SELECT * FROM read_csv('${name}', header = false, auto_detect = false, quote = '"', escape = '"', columns = ${columns}, nullstr = '\\N')`,
    );
  } finally {
    await engine.dropFile(name);
  }
}

/** Replaces the statistical neighbours with a file's groups. */
export async function storeNeighbours(engine: Engine, groups: readonly NeighbourGroup[]): Promise<number> {
  await engine.run('DELETE FROM pi_neighbours');
  const rows = groups.flatMap((g) => g.neighbours.map((n, i) => [g.la, i + 1, n]));
  await insertCsv(engine, 'pi_neighbours', "{'la': 'VARCHAR', 'position': 'INTEGER', 'neighbour': 'VARCHAR'}", rows);
  return groups.length;
}

/** Stores an EES metadata file's labels under `fileId`, for the data file its name says it describes. */
export async function storeMeta(
  engine: Engine,
  fileId: number,
  fileName: string,
  columns: readonly MetaColumn[],
): Promise<number> {
  const dataFile = dataFileOf(fileName) ?? '';
  const rows = columns.map((c) => [fileId, dataFile, c.colName, c.colType, c.label, c.unit]);
  await insertCsv(
    engine,
    'pi_published_meta',
    "{'file_id': 'INTEGER', 'data_file': 'VARCHAR', 'col_name': 'VARCHAR', 'col_type': 'VARCHAR', 'label': 'VARCHAR', 'unit': 'VARCHAR'}",
    rows,
  );
  return rows.length;
}

/** Forgets every published statistic, neighbour group and metadata label. */
export async function clearPublished(engine: Engine): Promise<void> {
  await engine.run('DELETE FROM pi_published; DELETE FROM pi_neighbours; DELETE FROM pi_published_meta');
}

const measureRow = z.object({
  file_id: z.number(),
  file_name: z.string(),
  measure: z.string(),
  filters: z.string(),
  periods: z.number(),
  /** The label and unit its metadata file gives (null without one). */
  label: z.string().nullable(),
  unit: z.string().nullable(),
  /** The smallest, over the years, of England's figure over the largest authority's (measure-scale.ts). */
  england_to_largest: z.number().nullable(),
});
export type MeasureChoice = z.infer<typeof measureRow>;

/**
 * Every measure and breakdown selection loaded, with how many periods it covers; its label and unit
 * from the metadata file of its data file (by name: `x.meta.csv` describes `x.csv`), or from a metadata
 * file whose data file is not loaded under that name (renamed on download), the latest loaded first;
 * and England's figure against the largest authority's, year by year (its smallest ratio).
 */
export const MEASURES_SQL = `WITH m AS (
  SELECT file_id, file_name, measure, filters, count(DISTINCT time_period)::INTEGER AS periods
  FROM pi_published GROUP BY ALL
),
la AS (
  SELECT file_id, measure, filters, time_period, max(value) AS top, count(value) AS n
  FROM pi_published WHERE level = 'Local authority' GROUP BY ALL
),
eng AS (
  SELECT file_id, measure, filters, time_period, max(value) AS v
  FROM pi_published WHERE level = 'National' GROUP BY ALL
),
ratio AS (
  SELECT file_id, measure, filters, min(eng.v / la.top) AS r
  FROM la JOIN eng USING (file_id, measure, filters, time_period)
  WHERE la.n >= 2 AND la.top > 0 AND eng.v IS NOT NULL GROUP BY ALL
),
files AS (SELECT DISTINCT lower(file_name) AS name FROM pi_published),
meta AS (
  SELECT d.file_id, d.measure,
    arg_max(pm.label, (lower(pm.data_file) = lower(d.file_name), pm.file_id)) AS label,
    arg_max(pm.unit, (lower(pm.data_file) = lower(d.file_name), pm.file_id)) AS unit
  FROM (SELECT DISTINCT file_id, file_name, measure FROM m) d
  JOIN pi_published_meta pm ON lower(pm.col_name) = lower(d.measure)
  WHERE lower(pm.data_file) = lower(d.file_name) OR lower(pm.data_file) NOT IN (SELECT name FROM files)
  GROUP BY ALL
)
SELECT m.file_id, m.file_name, m.measure, m.filters, m.periods, meta.label, meta.unit,
  ratio.r AS england_to_largest
FROM m LEFT JOIN ratio USING (file_id, measure, filters) LEFT JOIN meta USING (file_id, measure)
ORDER BY m.file_id, m.measure, m.filters`;

export async function publishedMeasures(engine: Engine): Promise<MeasureChoice[]> {
  return engine.query(MEASURES_SQL, [], measureRow);
}

const authorityRow = z.object({
  old_la_code: z.string().nullable(),
  new_la_code: z.string().nullable(),
  la_name: z.string(),
});
export type Authority = z.infer<typeof authorityRow>;

/** The local authorities in the loaded files, by name (their latest codes). */
export async function publishedAuthorities(engine: Engine): Promise<Authority[]> {
  return engine.query(
    `SELECT arg_max(old_la_code, time_period) AS old_la_code, arg_max(new_la_code, time_period) AS new_la_code, la_name
     FROM pi_published WHERE level = 'Local authority' AND la_name <> '' GROUP BY la_name ORDER BY la_name`,
    [],
    authorityRow,
  );
}

const neighboursRow = z.object({ n: z.number() });
/** How many neighbours the loaded groupings give an authority (by either of its codes). */
export async function neighbourCount(engine: Engine, la: string): Promise<number> {
  const [row] = await engine.query(
    `WITH codes AS (
       SELECT ? AS code UNION
       SELECT unnest([old_la_code, new_la_code]) FROM pi_published
       WHERE level = 'Local authority' AND (old_la_code = ? OR new_la_code = ?))
     SELECT count(DISTINCT neighbour)::INTEGER AS n FROM pi_neighbours WHERE la IN (SELECT code FROM codes)`,
    [la, la, la],
    neighboursRow,
  );
  return row?.n ?? 0;
}

export type Direction = 'up' | 'down' | 'neutral';

const comparisonRow = z.object({
  time_period: z.string(),
  la_value: z.number().nullable(),
  la_marker: z.string().nullable(),
  neighbour_average: z.number().nullable(),
  neighbour_count: z.number(),
  region_value: z.number().nullable(),
  england_value: z.number().nullable(),
  rank: z.number().nullable(),
  rank_of: z.number().nullable(),
});

export interface ComparisonPoint {
  timePeriod: string;
  laValue: number | null;
  /** The marker published instead of our value (`c`, `x` …; '' blank); null with a number or no row. */
  laMarker: string | null;
  neighbourAverage: number | null;
  /** Neighbours with a value that period: the average rests on these. */
  neighbourCount: number;
  regionValue: number | null;
  englandValue: number | null;
  /** 1 = best among the authorities with a value (null where neither direction is better). */
  rank: number | null;
  rankOf: number | null;
  /** A best quarter … D worst, from the rank (null without a rank). */
  quartile: 'A' | 'B' | 'C' | 'D' | null;
}

/**
 * One measure for one authority, period by period: its value (or the marker published instead), the
 * average of its statistical neighbours (from the neighbour file, or chosen by hand: $6, codes joined
 * by chr(31)) that have a value (markers are never averaged; how many it
 * rests on is given), its region, England, and its rank among all authorities with a value (ties
 * share a rank; 1 = best given the direction of good) with the quartile band that rank falls in.
 */
export const COMPARISON_SQL = `WITH m AS (
  SELECT time_period, level, region_code, old_la_code, new_la_code, value, marker
  FROM pi_published WHERE file_id = $1 AND measure = $2 AND filters = $3
),
mine AS (SELECT * FROM m WHERE level = 'Local authority' AND (old_la_code = $4 OR new_la_code = $4)),
codes AS (SELECT $4 AS code UNION SELECT unnest([old_la_code, new_la_code]) FROM mine),
nb AS (
  SELECT DISTINCT neighbour FROM (
    SELECT neighbour FROM pi_neighbours WHERE $6 = '' AND la IN (SELECT code FROM codes WHERE code <> '')
    UNION ALL
    SELECT unnest(string_split($6, chr(31))) AS neighbour WHERE $6 <> ''
  )
),
periods AS (SELECT DISTINCT time_period FROM m),
la AS (
  SELECT time_period, any_value(value) AS v, any_value(marker) AS mk, any_value(region_code) AS region
  FROM mine GROUP BY time_period
),
nbv AS (
  SELECT time_period, avg(value) AS v, count(value) AS n FROM m
  WHERE level = 'Local authority' AND (old_la_code IN (SELECT neighbour FROM nb) OR new_la_code IN (SELECT neighbour FROM nb))
    AND NOT (old_la_code = $4 OR new_la_code = $4)
  GROUP BY time_period
),
reg AS (
  SELECT m.time_period, any_value(m.value) AS v FROM m JOIN la ON la.time_period = m.time_period AND m.region_code = la.region
  WHERE m.level = 'Regional' GROUP BY m.time_period
),
eng AS (SELECT time_period, any_value(value) AS v FROM m WHERE level = 'National' GROUP BY time_period),
ranked AS (
  SELECT time_period, old_la_code, new_la_code,
    rank() OVER (PARTITION BY time_period ORDER BY CASE WHEN $5 = 'down' THEN value ELSE -value END) AS r,
    count(*) OVER (PARTITION BY time_period) AS n
  FROM m WHERE level = 'Local authority' AND value IS NOT NULL
),
my_rank AS (
  SELECT time_period, any_value(r) AS r, any_value(n) AS n FROM ranked
  WHERE old_la_code = $4 OR new_la_code = $4 GROUP BY time_period
)
SELECT p.time_period, la.v AS la_value, la.mk AS la_marker, nbv.v AS neighbour_average,
  coalesce(nbv.n, 0)::INTEGER AS neighbour_count, reg.v AS region_value, eng.v AS england_value,
  CASE WHEN $5 = 'neutral' THEN NULL ELSE my_rank.r END::INTEGER AS rank,
  CASE WHEN $5 = 'neutral' THEN NULL ELSE my_rank.n END::INTEGER AS rank_of
FROM periods p
LEFT JOIN la USING (time_period) LEFT JOIN nbv USING (time_period) LEFT JOIN reg USING (time_period)
LEFT JOIN eng USING (time_period) LEFT JOIN my_rank USING (time_period)
ORDER BY p.time_period`;

/** The quartile band of a rank among `of` (A the best quarter). */
export function quartileOf(rank: number | null, of: number | null): ComparisonPoint['quartile'] {
  if (rank === null || of === null || of === 0) return null;
  return (['A', 'B', 'C', 'D'] as const)[Math.min(3, Math.floor(((rank - 1) * 4) / of))] ?? null;
}

export async function compareAuthority(
  engine: Engine,
  query: {
    fileId: number;
    measure: string;
    filters: string;
    la: string;
    direction: Direction;
    /** Neighbours chosen by hand (codes), used instead of the neighbour file's. */
    neighbours?: readonly string[];
  },
): Promise<ComparisonPoint[]> {
  const rows = await engine.query(
    COMPARISON_SQL,
    [query.fileId, query.measure, query.filters, query.la, query.direction, (query.neighbours ?? []).join('\u001f')],
    comparisonRow,
  );
  return rows.map((r) => ({
    timePeriod: r.time_period,
    laValue: r.la_value,
    laMarker: r.la_value === null ? r.la_marker : null,
    neighbourAverage: r.neighbour_average,
    neighbourCount: r.neighbour_count,
    regionValue: r.region_value,
    englandValue: r.england_value,
    rank: r.rank,
    rankOf: r.rank_of,
    quartile: quartileOf(r.rank, r.rank_of),
  }));
}
