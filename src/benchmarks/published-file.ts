import Papa from 'papaparse';

/**
 * The DfE's published statistics, as explore-education-statistics (EES) writes them: tidy CSV files
 * whose leading columns say when and where (`time_period … la_name`, in any order), followed by
 * breakdown columns (text, e.g. `category`) and measure columns (numbers, or a marker where a number
 * is withheld). And the DfE's statistical-neighbour files. Recognised by their headers, never mistaken
 * for a partnership dataset. EES files are read by DuckDB (ees-read.ts); the small files here.
 */

export const GEOGRAPHY_COLUMNS = [
  'time_period',
  'time_identifier',
  'geographic_level',
  'country_code',
  'country_name',
  'region_code',
  'region_name',
  'old_la_code',
  'new_la_code',
  'la_name',
] as const;

/** Markers that stand where a number is withheld or missing: never a number, never zero. */
export const MARKERS = new Set(['c', 'x', 'z', 'u', 'k', 'low', ':', '..', '~', '.', '-', '*']);

export interface NeighbourGroup {
  /** The authority, by the code the file gives (3-digit old code, or 9-character new code). */
  la: string;
  laName: string;
  /** Its neighbours, closest first, by code. */
  neighbours: string[];
}

const clean = (cell: string | undefined) => (cell ?? '').replace(/^\uFEFF/, '').trim();
const lower = (cell: string | undefined) => clean(cell).toLowerCase();

/** Whether a header is an EES tidy file's: every geography column present, whatever the order. */
export function isEesHeader(header: readonly string[]): boolean {
  const names = new Set(header.map(lower));
  return GEOGRAPHY_COLUMNS.every((c) => names.has(c));
}

/** The DfE statistical-neighbour layouts: 2021 groupings (SN1 … SN10 with SNP) or the 2025 model (SN_1 …). */
export function neighbourLayout(header: readonly string[]): '2021' | '2025' | null {
  const names = header.map(lower);
  if (names.includes('sn1') && names.includes('sn10')) return '2021';
  if (names.includes('sn_1') && names.includes('sn_10')) return '2025';
  return null;
}

function parseCsv(text: string): string[][] {
  const parsed = Papa.parse<string[]>(text.replace(/^\uFEFF/, ''), { skipEmptyLines: 'greedy' });
  return parsed.data;
}

/**
 * Reads a statistical-neighbour file. 2021 groupings: `LA num, LA Name, …, SN1, SNP, SN2, SNP, …` (ten
 * columns named SNP, a trailing empty column, blank and repeated rows); 2025 model: `SN_1 … SN_10` with
 * `SN_1P …` closeness. Neighbours are taken by position from the SN columns; a repeated authority keeps
 * its first row.
 */
export function readNeighbourFile(text: string): NeighbourGroup[] {
  const [header = [], ...body] = parseCsv(text);
  const names = header.map(lower);
  const layout = neighbourLayout(header);
  if (!layout) return [];
  const snColumns = Array.from({ length: 10 }, (_, k) =>
    names.indexOf(layout === '2021' ? `sn${k + 1}` : `sn_${k + 1}`),
  );
  const codeColumn =
    ['la num', 'la_code', 'la code', 'old_la_code', 'new_la_code', 'la number']
      .map((n) => names.indexOf(n))
      .find((i) => i >= 0) ?? 0;
  const nameColumn = ['la name', 'la_name'].map((n) => names.indexOf(n)).find((i) => i >= 0) ?? 1;
  const seen = new Set<string>();
  const groups: NeighbourGroup[] = [];
  for (const row of body) {
    const la = clean(row[codeColumn]);
    if (la === '' || seen.has(la)) continue;
    seen.add(la);
    groups.push({
      la,
      laName: clean(row[nameColumn]),
      neighbours: snColumns.map((i) => clean(row[i])).filter((code) => code !== ''),
    });
  }
  return groups;
}

/** The columns every EES metadata file (`<data file>.meta.csv`) has. */
const META_COLUMNS = ['col_name', 'col_type', 'label'] as const;

/** Whether a header is an EES metadata file's: col_name, col_type, label (then indicator_unit …). */
function isMetaHeader(header: readonly string[]): boolean {
  const names = new Set(header.map(lower));
  return META_COLUMNS.every((c) => names.has(c));
}

/** One column of a data file, as its metadata file describes it. */
export interface MetaColumn {
  colName: string;
  /** 'Indicator' (a measure) or 'Filter' (a breakdown). */
  colType: string;
  label: string;
  /** '%', '£', 'pp' …, '' when the metadata gives none. */
  unit: string;
}

/** The most columns a metadata file may describe (EES files have tens). */
const MAX_META_ROWS = 2000;

/**
 * Reads an EES metadata file: the human-readable label (and unit) of each column of the data file it
 * sits beside. Rows without a column name or a label are skipped; labels are trimmed and cut at 200
 * characters (they are shown, never run).
 */
export function readMetaFile(text: string): MetaColumn[] {
  const [header = [], ...body] = parseCsv(text);
  const at = new Map(header.map((name, i) => [lower(name), i]));
  const cell = (row: string[], name: string) => clean(row[at.get(name) ?? -1]);
  return body.slice(0, MAX_META_ROWS).flatMap((row) => {
    const colName = cell(row, 'col_name');
    const label = cell(row, 'label').slice(0, 200);
    if (colName === '' || label === '') return [];
    return [{ colName, colType: cell(row, 'col_type'), label, unit: cell(row, 'indicator_unit') }];
  });
}

/** The data file an EES metadata file describes: `x.meta.csv` → `x.csv`; null for any other name. */
export function dataFileOf(metaFileName: string): string | null {
  const match = /^(.*)\.meta\.csv$/i.exec(metaFileName.trim());
  return match ? `${match[1]}.csv` : null;
}

/** What a published-statistics file is, from its first line: an EES file, its metadata, a neighbour file, or neither. */
export function publishedKind(firstLine: string): 'ees' | 'meta' | 'neighbours' | null {
  const header = parseCsv(firstLine)[0] ?? [];
  if (isEesHeader(header)) return 'ees';
  if (isMetaHeader(header)) return 'meta';
  if (neighbourLayout(header)) return 'neighbours';
  return null;
}
