import { closeSync, openSync, writeSync } from 'node:fs';

/**
 * A large EES tidy file, written in pieces (never held whole), of about `targetBytes`: every year from
 * 1900 on, England, 9 regions and 150 authorities, by two breakdowns (19 characteristics × 5 sexes),
 * with four measures. Every value follows from its row, so a test can say what any cell must be:
 *   children = 1000 × year offset + 10 × authority + characteristic (England: authority 0, regions 900 + r)
 *   percent  = (authority + characteristic + sex) mod 100, with one decimal: "… .5"
 *   rate     = "c" where (authority + characteristic) mod 7 = 0, "low" where it is 1, else "1,234"-style
 *              thousands-comma numbers: 1000 + authority
 *   note     = "z" always (a measure with no number: a breakdown, never stored)
 */
export interface LargeEes {
  bytes: number;
  years: number;
  rows: number;
  /** Rows per year: (1 + 9 + 150) places × 19 × 5. */
  rowsPerYear: number;
}

export const LARGE_EES_HEADER =
  'time_period,time_identifier,geographic_level,country_code,country_name,region_code,region_name,old_la_code,new_la_code,la_name,characteristic,sex,children,percent,rate,note';

const CHARACTERISTICS = Array.from({ length: 19 }, (_, i) => `Characteristic ${i + 1}`);
const SEXES = ['Female', 'Male', 'Unknown', 'Not recorded', 'Total'];

interface Place {
  level: string;
  region: number;
  authority: number;
}

const PLACES: Place[] = [
  { level: 'National', region: 0, authority: 0 },
  ...Array.from({ length: 9 }, (_, r) => ({ level: 'Regional', region: r + 1, authority: 900 + r + 1 })),
  ...Array.from({ length: 150 }, (_, a) => ({ level: 'Local authority', region: (a % 9) + 1, authority: a + 1 })),
];

/** One row of the large file, as the file writes it. */
export function largeEesRow(year: number, place: Place, c: number, s: number): string {
  const { level, region, authority } = place;
  const regionCode = region === 0 ? '' : `E1200000${region}`;
  const regionName = region === 0 ? '' : `Region ${region}`;
  const la = level === 'Local authority';
  const children = 1000 * (year - 1900) + 10 * authority + c;
  const percent = `${(authority + c + s) % 100}.5`;
  const r = (authority + c) % 7;
  const rate = r === 0 ? 'c' : r === 1 ? 'low' : `"1,${String(authority).padStart(3, '0')}"`;
  return [
    year,
    'Calendar year',
    level,
    'E92000001',
    'England',
    regionCode,
    regionName,
    la ? 100 + authority : '',
    la ? `E0900${String(authority).padStart(4, '0')}` : '',
    la ? `Authority ${authority}` : '',
    CHARACTERISTICS[c],
    SEXES[s],
    children,
    percent,
    rate,
    'z',
  ].join(',');
}

/** Writes the file at `path` (in pieces of a year) until it holds at least `targetBytes`. */
export function writeLargeEes(path: string, targetBytes: number): LargeEes {
  const fd = openSync(path, 'w');
  let bytes = 0;
  let years = 0;
  const put = (text: string) => {
    bytes += writeSync(fd, text);
  };
  try {
    put(`${LARGE_EES_HEADER}\n`);
    while (bytes < targetBytes) {
      const year = 1900 + years;
      const lines: string[] = [];
      for (const place of PLACES) {
        for (let c = 0; c < CHARACTERISTICS.length; c += 1) {
          for (let s = 0; s < SEXES.length; s += 1) lines.push(largeEesRow(year, place, c, s));
        }
      }
      put(`${lines.join('\n')}\n`);
      years += 1;
    }
  } finally {
    closeSync(fd);
  }
  const rowsPerYear = PLACES.length * CHARACTERISTICS.length * SEXES.length;
  return { bytes, years, rows: years * rowsPerYear, rowsPerYear };
}
