import type { FieldDefinition } from '../datasets/dataset-definition';
import { BLANK_ROW, REJECTED_RECS, rawColumn, storedTypedSql } from './conversion-sql';

/**
 * SQL for comparing a file's staged rows (p) with loaded rows (t) field by field, shared by the
 * dedupe stage (record keys) and the update stage (every field the file gives).
 */
const typed = (f: FieldDefinition) => f.type.kind === 'date' || f.type.kind === 'integer' || f.type.kind === 'flag';

/**
 * A field of a staged row (p): typed values as typed (and as stored: an optional value that could not
 * be read is empty, see storedTypedSql), text and codes as written.
 */
export const staged = (f: FieldDefinition) =>
  typed(f) ? storedTypedSql(f, `p.${f.name}`, `p.${rawColumn(f.name)}`, true) : `p.${rawColumn(f.name)}`;

/** The same field of a loaded row (t): codes compare on their text as written. */
export const stored = (f: FieldDefinition) => (f.type.kind === 'code' ? `t.${f.name}_raw` : `t.${f.name}`);

/** A key as its values joined ("A / 2024-04-01"), as the dedupe stage has always listed it. */
export const keyText = (key: readonly FieldDefinition[]) =>
  `concat_ws(' / ', ${key.map((f) => `coalesce(CAST(${staged(f)} AS VARCHAR), '(blank)')`).join(', ')})`;

/** The key's field labels ("Child ID and Assessment start date"). */
export const labels = (key: readonly FieldDefinition[]) => key.map((f) => f.label).join(' and ');

/** Good rows: not blank, not rejected so far (a row with only warnings loads). */
export const good = `NOT ${BLANK_ROW} AND p.rec NOT IN ${REJECTED_RECS}`;

/** A value as the user reads it: dates dd/mm/yyyy, flags Yes/No, numbers and text as they are; NULL if blank. */
export function shownValueSql(f: FieldDefinition, value: string): string {
  switch (f.type.kind) {
    case 'date':
      return `strftime(${value}, '%d/%m/%Y')`;
    case 'flag':
      return `CASE ${value} WHEN true THEN 'Yes' WHEN false THEN 'No' END`;
    case 'integer':
      return `CAST(${value} AS VARCHAR)`;
    default:
      return value;
  }
}
