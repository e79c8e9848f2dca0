/**
 * DuckDB numbers the rows it loads 1, 2, 3… but skips blank lines and rows it rejects. Given the
 * blank records (from the scan), the rejected records (from DuckDB) and the header position, this
 * returns segments (from staged row k on, file line = k + delta) so SQL can give every staged row
 * its line in the file. Line = record number, as Excel shows it.
 */
export interface LineSegment {
  fromRec: number;
  delta: number;
}

export function buildLineMap(
  skip: number,
  totalRecords: number,
  blankRecords: readonly number[],
  rejectedRecords: readonly number[],
): { segments: LineSegment[]; expectedRows: number } {
  const excluded = [...new Set([...blankRecords, ...rejectedRecords])]
    .filter((r) => r > skip && r <= totalRecords)
    .sort((a, b) => a - b);
  const segments: LineSegment[] = [{ fromRec: 1, delta: skip }];
  let nextRecord = skip + 1; // next file record not yet assigned
  let rec = 1; // next staged row
  let delta = skip;
  for (const record of excluded) {
    rec += record - nextRecord;
    nextRecord = record + 1;
    delta += 1;
    const last = segments[segments.length - 1];
    if (last && last.fromRec === rec) last.delta = delta;
    else segments.push({ fromRec: rec, delta });
  }
  return { segments, expectedRows: totalRecords - skip - excluded.length };
}
