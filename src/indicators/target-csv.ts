/**
 * Targets from a CSV file a business manager keeps in Excel: one row per indicator for a single target
 * (`from` blank), or one row per step of a trajectory. Columns, in any order and case:
 * `indicator`, `from` (the date a step takes force: dd/mm/yyyy or yyyy-mm-dd), `target`.
 * Every row is accounted for: rows read = rows taken + rows refused, each refusal with its line, column
 * and reason. Dates are read day first, as UK spreadsheets write them: 04/13/2025 cannot be a UK date
 * and is refused, never turned round.
 */
import Papa from 'papaparse';
import { ukOrIsoDate } from './periods';
import { getIndicator, INDICATORS } from './registry';
import { MAX_TRAJECTORY_STEPS, sortSteps, type TargetSpec, type TargetStep } from './trajectory';

export interface TargetCsvProblem {
  line: number;
  column: string;
  reason: string;
}

export interface TargetCsvResult {
  /** The targets found, by indicator id, in the registry's order. */
  targets: Map<string, TargetSpec>;
  /** What the file's columns were read as, when that is not the usual (no `from` column: one target each). */
  notice: string | null;
  rowsRead: number;
  rowsTaken: number;
  problems: TargetCsvProblem[];
}

const COLUMNS = {
  indicator: ['indicator', 'indicator_id', 'indicator id', 'id'],
  from: ['from', 'from_date', 'from date', 'date', 'start', 'period_start', 'period start'],
  target: ['target', 'value', 'target_value', 'target value'],
} as const;

const ids = new Set(INDICATORS.map((i) => i.id));

/** "80", "80%", "1,200", "-3.5" as a number; null when it is not one. */
export function targetNumber(text: string): number | null {
  const trimmed = text.trim().replace(/\s*%$/, '');
  const plain = /^-?\d{1,3}(,\d{3})+(\.\d+)?$/.test(trimmed) ? trimmed.replaceAll(',', '') : trimmed;
  if (!/^-?(\d+(\.\d*)?|\.\d+)$/.test(plain)) return null;
  const value = Number(plain);
  return Number.isFinite(value) && Math.abs(value) <= 1e9 ? value : null;
}

function findColumns(header: readonly string[]) {
  const at = (names: readonly string[]) => header.findIndex((h) => names.includes(h.trim().toLowerCase()));
  return { indicator: at(COLUMNS.indicator), from: at(COLUMNS.from), target: at(COLUMNS.target) };
}

type Found = { id: string; from: string | null; value: number; line: number };

/** One data row as a target or a step, or the problem with it. */
function readRow(cells: readonly string[], line: number, at: ReturnType<typeof findColumns>): Found | TargetCsvProblem {
  const id = (cells[at.indicator] ?? '').trim().toUpperCase();
  if (!ids.has(id)) {
    const said = (cells[at.indicator] ?? '').trim();
    return { line, column: 'indicator', reason: said ? `“${said}” is not an indicator of this tool` : 'is blank' };
  }
  const value = targetNumber(cells[at.target] ?? '');
  if (value === null) return { line, column: 'target', reason: `“${(cells[at.target] ?? '').trim()}” is not a number` };
  const fromText = at.from >= 0 ? (cells[at.from] ?? '').trim() : '';
  if (fromText === '') return { id, from: null, value, line };
  const from = ukOrIsoDate(fromText);
  if (!from) {
    return { line, column: 'from', reason: `“${fromText}” is not a date as dd/mm/yyyy or yyyy-mm-dd` };
  }
  return { id, from, value, line };
}

/** Refuses a row that clashes with one taken before it (a second value, a step on the same date). */
function clash(found: Found, taken: readonly Found[]): string | null {
  const same = taken.filter((t) => t.id === found.id);
  if (same.length === 0) return null;
  if (found.from === null || same.some((t) => t.from === null)) {
    return `${found.id} already has a target on line ${same[0]?.line}: one value, or steps each with a date`;
  }
  const twin = same.find((t) => t.from === found.from);
  if (twin) return `${found.id} already has a step from this date on line ${twin.line}`;
  if (same.length >= MAX_TRAJECTORY_STEPS) return `${found.id} has more than ${MAX_TRAJECTORY_STEPS} steps`;
  return null;
}

/** Reads a targets CSV: every row taken or refused with its line, column and reason. */
export function parseTargetCsv(text: string): TargetCsvResult {
  const parsed = Papa.parse<string[]>(text.replace(/^\uFEFF/, ''), { skipEmptyLines: 'greedy' });
  const [header = [], ...rows] = parsed.data;
  const at = findColumns(header);
  const notice =
    at.from < 0
      ? `No “from” column was found (the columns are ${header.map((h) => `“${h.trim()}”`).join(', ')}): each row was read as one target for every period, not as a step of a trajectory.`
      : null;
  const empty = { targets: new Map<string, TargetSpec>(), rowsRead: rows.length, rowsTaken: 0, notice };
  const missing = (['indicator', 'target'] as const).filter((c) => at[c] < 0);
  if (missing.length > 0) {
    const reason = `no ${missing.join(' or ')} column: the first row must name the columns indicator, from and target`;
    return { ...empty, problems: [{ line: 1, column: missing[0] as string, reason }] };
  }
  const taken: Found[] = [];
  const problems: TargetCsvProblem[] = [];
  rows.forEach((cells, i) => {
    const line = i + 2;
    const found = readRow(cells, line, at);
    const why = 'id' in found ? clash(found, taken) : null;
    if (!('id' in found)) problems.push(found);
    else if (why) problems.push({ line, column: 'indicator', reason: why });
    else taken.push(found);
  });
  const targets = new Map<string, TargetSpec>();
  for (const indicator of INDICATORS) {
    const mine = taken.filter((t) => t.id === indicator.id);
    if (mine.length === 0) continue;
    const single = mine.find((t) => t.from === null);
    const steps: TargetStep[] = mine.flatMap((t) => (t.from === null ? [] : [{ from: t.from, value: t.value }]));
    targets.set(indicator.id, single ? single.value : sortSteps(steps));
  }
  return { targets, rowsRead: rows.length, rowsTaken: taken.length, problems, notice };
}

/** A template a business manager fills in: a trajectory for one indicator and a single target for another. */
export function targetCsvTemplate(): string {
  const first = getIndicator('EH3');
  return [
    'indicator,from,target',
    `${first.id},01/04/2026,70`,
    `${first.id},01/07/2026,75`,
    `${first.id},01/10/2026,80`,
    'TR1,,500',
  ].join('\r\n');
}
