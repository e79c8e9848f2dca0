import Papa from 'papaparse';
import { GEOGRAPHY_COLUMNS, MARKERS } from '../../src/benchmarks/published-file';
import { filtersKey } from '../../src/benchmarks/published-store';

/**
 * The reference for reading an EES file: how the app read one before it went to DuckDB (the whole text
 * parsed by Papa Parse in the page), kept here only so tests can hold the DuckDB read to the same
 * measures, breakdowns, kept rows and cells, file for file.
 */
export interface ReferenceCell {
  measure: string;
  filters: string;
  time_period: string;
  time_identifier: string;
  level: string;
  region_code: string;
  region_name: string;
  old_la_code: string;
  new_la_code: string;
  la_name: string;
  value: number | null;
  marker: string | null;
}

const clean = (cell: string | undefined) => (cell ?? '').replace(/^\uFEFF/, '').trim();

function measureCell(raw: string | undefined): { value: number | null; marker: string | null } {
  const text = clean(raw);
  if (text === '') return { value: null, marker: '' };
  const number = text.replace(/,/g, '');
  if (/^-?(\d+\.?\d*|\.\d+)(e[+-]?\d+)?$/i.test(number)) return { value: Number(number), marker: null };
  return { value: null, marker: text };
}

const isMarkerOrBlank = (raw: string | undefined) => {
  const text = clean(raw);
  return text === '' || MARKERS.has(text.toLowerCase());
};

/** The measures, breakdowns, other rows and every stored cell, as the page's reader made them. */
export function referenceEesRead(text: string) {
  const [header = [], ...body] = Papa.parse<string[]>(text.replace(/^\uFEFF/, ''), { skipEmptyLines: 'greedy' }).data;
  const names = header.map((h) => clean(h).toLowerCase());
  const at = new Map(names.map((n, i) => [n, i]));
  const col = (row: string[], name: (typeof GEOGRAPHY_COLUMNS)[number]) => clean(row[at.get(name) ?? -1]);
  const rest = names.flatMap((name, i) => (name !== '' && !GEOGRAPHY_COLUMNS.includes(name as never) ? [i] : []));
  const measureIdx = rest.filter(
    (i) =>
      body.some((row) => measureCell(row[i]).value !== null) &&
      body.every((row) => isMarkerOrBlank(row[i]) || measureCell(row[i]).value !== null),
  );
  const breakdownIdx = rest.filter((i) => !measureIdx.includes(i));
  const breakdowns = breakdownIdx.map((i) => clean(header[i]));
  const measures = measureIdx.map((i) => clean(header[i]));
  const cells: ReferenceCell[] = [];
  let otherRows = 0;
  for (const row of body) {
    const level = col(row, 'geographic_level');
    if (!['National', 'Regional', 'Local authority'].includes(level)) {
      otherRows += 1;
      continue;
    }
    const filters = filtersKey(
      breakdowns,
      breakdownIdx.map((i) => clean(row[i])),
    );
    measureIdx.forEach((i, k) => {
      const cell = measureCell(row[i]);
      cells.push({
        measure: measures[k] as string,
        filters,
        time_period: col(row, 'time_period'),
        time_identifier: col(row, 'time_identifier'),
        level,
        region_code: col(row, 'region_code'),
        region_name: col(row, 'region_name'),
        old_la_code: col(row, 'old_la_code'),
        new_la_code: col(row, 'new_la_code'),
        la_name: col(row, 'la_name'),
        value: cell.value === null ? null : cell.value + 0,
        marker: cell.marker,
      });
    });
  }
  return { measures, breakdowns, otherRows, rows: body.length - otherRows, cells };
}
