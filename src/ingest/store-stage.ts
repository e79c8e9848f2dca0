import { z } from 'zod';
import type { DatasetDefinition } from '../datasets/dataset-definition';
import type { Engine } from '../engine/engine';
import type { ProblemCounts } from './check-stage';
import { type CodeMaps, insertLoadedSql, REJECTED_RECS } from './conversion-sql';
import { structuralReasonSql } from './read-stage';
import { canStoreInPlace, STORE_IN_PLACE_FROM, storeInPlace } from './store-in-place';

/** Lines swallowed by a quote that never closes: rejected one by one, blank lines left out. */
export interface SwallowedLines {
  openedOn: number;
  first: number;
  last: number;
  blank: readonly number[];
}

export interface StoreTarget {
  fileId: number;
  fileName: string;
  dataset: DatasetDefinition;
}

/** What DuckDB answers to an INSERT: the number of rows it inserted. */
const insertedRow = z.object({ Count: z.number() });

/**
 * The store stage: rows without a problem go into the dataset's table with their file and line, and so
 * do rows with only warnings (their bad optional cells empty); every problem of a rejected row goes into
 * `pi_rejections`, and every warning of a loaded row into `pi_warnings`, with its file, line, column,
 * value and reason. Returns how many rows the dataset's table now holds from this file, as DuckDB
 * counts them (the report's rows loaded).
 */
export async function storeRows(
  engine: Engine,
  target: StoreTarget,
  staged: { rows: string; staged: number; lineDelta: number | null; headerWidth: number },
  checks: { problems: ProblemCounts; structuralRows: number; codeMaps: CodeMaps; unclosedQuoteLine: number | null },
  options: { inPlaceFrom?: number } = {},
): Promise<number> {
  const { fileId, fileName, dataset } = target;
  const problems = { rejected: checks.problems.rejectedRows > 0, warned: checks.problems.warnedRows > 0 };
  const { lineDelta } = staged;
  let stored: number;
  if (
    staged.staged >= (options.inPlaceFrom ?? STORE_IN_PLACE_FROM) &&
    lineDelta !== null &&
    (await canStoreInPlace(engine, dataset, lineDelta, checks.codeMaps))
  ) {
    stored = await storeInPlace(engine, { ...target, lineDelta, codeMaps: checks.codeMaps, problems });
  } else {
    const insert = insertLoadedSql(dataset, staged.rows, problems, { fileId, fileName, codeMaps: checks.codeMaps });
    const [inserted] = await engine.query(insert.sql, insert.params, insertedRow);
    stored = inserted?.Count ?? 0;
  }
  if (problems.warned) {
    await engine.run(
      `INSERT INTO pi_warnings
       SELECT ?::INTEGER, ?::VARCHAR, ?::VARCHAR, line, column_name, left(value, 200), reason FROM pi_problems
       WHERE warning AND rec NOT IN ${REJECTED_RECS}`,
      [fileId, dataset.id, fileName],
    );
  }
  if (!problems.rejected && checks.structuralRows === 0) return stored;
  // A rejected row's warnings are not listed: the reasons it was rejected are what the user must fix.
  await engine.run(
    `INSERT INTO pi_rejections
     SELECT ?::INTEGER, ?::VARCHAR, ?::VARCHAR, line, column_name, left(value, 200), reason FROM pi_problems
     WHERE NOT warning
     UNION ALL
     SELECT ?::INTEGER, ?::VARCHAR, ?::VARCHAR, line::INTEGER, NULL, left(csv_line, 200),
       ${structuralReasonSql(staged.headerWidth, checks.unclosedQuoteLine)} FROM pi_rejects`,
    [fileId, dataset.id, fileName, fileId, dataset.id, fileName],
  );
  return stored;
}

/** Non-blank lines first..last, as ranges between the blank ones. */
export function lineRanges(lines: SwallowedLines): [number, number][] {
  const ranges: [number, number][] = [];
  let from = lines.first;
  for (const blank of [...lines.blank].sort((a, b) => a - b)) {
    if (blank > from) ranges.push([from, blank - 1]);
    from = Math.max(from, blank + 1);
  }
  if (lines.last >= from) ranges.push([from, lines.last]);
  return ranges;
}

/** Rejects each line swallowed by an unclosed quote, naming the line where the quote opened. */
export async function rejectSwallowedLines(engine: Engine, target: StoreTarget, lines: SwallowedLines) {
  const reason = `Inside a quoted value that opens on line ${lines.openedOn} and is never closed, so this line could not be read (check for a stray double quote on line ${lines.openedOn})`;
  for (const [from, to] of lineRanges(lines)) {
    await engine.run(
      `INSERT INTO pi_rejections SELECT ?::INTEGER, ?::VARCHAR, ?::VARCHAR, r::INTEGER, NULL, NULL, ?::VARCHAR
       FROM range(?::BIGINT, ?::BIGINT) t(r)`,
      [target.fileId, target.dataset.id, target.fileName, reason, from, to + 1],
    );
  }
}
