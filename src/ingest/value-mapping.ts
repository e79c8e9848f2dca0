import { z } from 'zod';
import type { DatasetDefinition, FieldDefinition } from '../datasets/dataset-definition';
import type { Engine } from '../engine/engine';
import { insertRows } from '../engine/insert-rows';
import { ownValue } from '../shared/own';
import { firstProblem } from '../shared/problem-words';
import { safeRecord } from '../shared/safe-record';
import { chosenDateOrderSchema, type DateOrders } from './date-order';
import { supersededTable } from './schema-sql';

/**
 * Local codes → canonical values, chosen by the user (e.g. "Escalated to social care" → STEP_UP_CSC).
 * Kept per dataset and field; saved in this browser and shareable as a "mapping profile" file.
 */
export type ValueMappings = Record<string, Record<string, Record<string, string>>>;

export const MAPPING_PROFILE_VERSION = 1;

/** A mapping profile is a small file: beyond this it is refused before it is read. */
export const MAX_PROFILE_BYTES = 5 * 1024 * 1024;
/** …and beyond this many code mappings it is refused once read. */
export const MAX_PROFILE_CODES = 50_000;

/** A column mapping chosen for files with a given header (see headerSignature): which dataset, which columns. */
export interface ColumnMapping {
  datasetId: string;
  columns: Record<string, string>;
}
export type ColumnMappings = Record<string, ColumnMapping>;

// Every name in a profile is a key of a record: checked, never `__proto__` or `constructor` (safe-record.ts).
const name = z.string().max(500);
const profileSchema = z
  .object({
    kind: z.literal('partnership-insight-mapping-profile'),
    version: z.literal(MAPPING_PROFILE_VERSION),
    name: z.string().max(200).optional(),
    exported: z.string().max(40).optional(),
    values: safeRecord(name, safeRecord(name, safeRecord(name, z.string().max(200)))),
    columns: safeRecord(
      name,
      z.object({ datasetId: z.string().max(100), columns: safeRecord(name, z.string().max(500)) }).strict(),
    ).optional(),
    dateOrders: safeRecord(name, safeRecord(name, chosenDateOrderSchema)).optional(),
  })
  .strict();

export type MappingProfile = z.infer<typeof profileSchema>;

export function toProfile(
  values: ValueMappings,
  columns?: ColumnMappings,
  dateOrders?: DateOrders,
  name?: string,
): MappingProfile {
  return {
    kind: 'partnership-insight-mapping-profile',
    version: MAPPING_PROFILE_VERSION,
    name,
    exported: new Date().toISOString(),
    values,
    columns,
    dateOrders,
  };
}

/** How many code mappings a profile holds. */
export function profileCodeCount(values: ValueMappings): number {
  return Object.values(values).reduce(
    (sum, fields) => sum + Object.values(fields).reduce((n, pairs) => n + Object.keys(pairs).length, 0),
    0,
  );
}

/** Refuses a file too large to be a mapping profile, before reading it. */
export function checkProfileSize(bytes: number): void {
  if (bytes > MAX_PROFILE_BYTES) {
    throw new Error(
      `This file is ${(bytes / 1024 ** 2).toFixed(1)} MB; a mapping profile is a small file (at most ${MAX_PROFILE_BYTES / 1024 ** 2} MB). Check that you chose the profile exported from Partnership Insight.`,
    );
  }
}

function codeField(dataset: DatasetDefinition, fieldName: string): FieldDefinition & { type: { kind: 'code' } } {
  const field = dataset.fields.find((f) => f.name === fieldName);
  if (field?.type.kind !== 'code') throw new Error(`${dataset.id}.${fieldName} is not a code field`);
  return field as FieldDefinition & { type: { kind: 'code' } };
}

/**
 * Reads a mapping profile from JSON text, checking that every dataset, field and value exists.
 * Throws an Error whose message says, in plain words, what is wrong.
 */
export function parseProfile(text: string, datasets: readonly DatasetDefinition[]): MappingProfile {
  checkProfileSize(text.length);
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    throw new Error('This is not a mapping profile: the file is not valid JSON.');
  }
  const parsed = profileSchema.safeParse(json);
  if (!parsed.success) {
    const version = (json as { version?: unknown } | null)?.version;
    if (typeof version === 'number' && version !== MAPPING_PROFILE_VERSION) {
      throw new Error(`This mapping profile is version ${version}; this app reads version ${MAPPING_PROFILE_VERSION}.`);
    }
    throw new Error(`This is not a valid mapping profile (${firstProblem(parsed.error)}).`);
  }
  const codes = profileCodeCount(parsed.data.values);
  if (codes > MAX_PROFILE_CODES) {
    throw new Error(
      `This mapping profile maps ${codes.toLocaleString('en-GB')} codes; a profile may hold at most ${MAX_PROFILE_CODES.toLocaleString('en-GB')}.`,
    );
  }
  for (const [signature, mapping] of Object.entries(parsed.data.columns ?? {})) {
    const dataset = datasets.find((d) => d.id === mapping.datasetId);
    if (!dataset)
      throw new Error(`The mapping profile names a dataset this app does not have: “${mapping.datasetId}”.`);
    for (const field of Object.keys(mapping.columns)) {
      if (!dataset.fields.some((f) => f.name === field)) {
        throw new Error(
          `The column mapping for “${signature}” fills “${field}”, which ${dataset.title} does not have.`,
        );
      }
    }
  }
  for (const [datasetId, fields] of Object.entries(parsed.data.values)) {
    const dataset = datasets.find((d) => d.id === datasetId);
    if (!dataset) throw new Error(`The mapping profile names a dataset this app does not have: “${datasetId}”.`);
    for (const [fieldName, values] of Object.entries(fields)) {
      const field = dataset.fields.find((f) => f.name === fieldName);
      if (field?.type.kind !== 'code') {
        throw new Error(`The mapping profile maps “${fieldName}”, which is not a coded column of ${dataset.title}.`);
      }
      const allowed = field.type.values;
      for (const [raw, value] of Object.entries(values)) {
        if (!allowed.includes(value)) {
          throw new Error(`The mapping profile maps “${raw}” to “${value}”, which is not a ${field.label} value.`);
        }
      }
    }
  }
  return parsed.data;
}

/** The user's mapping of one raw value, if any. */
export function mappedValue(
  mappings: ValueMappings | undefined,
  datasetId: string,
  field: string,
  raw: string,
): string | undefined {
  return ownValue(ownValue(ownValue(mappings, datasetId), field), raw);
}

/**
 * Applies a mapping to rows already loaded: every row of the dataset whose raw text is `raw` gets
 * `value`. Values are bound; the table and column names come from the dataset definition.
 */
export async function applyValueMapping(
  engine: Engine,
  dataset: DatasetDefinition,
  fieldName: string,
  raw: string,
  value: string,
): Promise<void> {
  await applyValueMappings(engine, dataset, fieldName, [[raw, value]]);
}

/**
 * Applies many mappings of one field at once (an imported profile): the pairs go into a temporary
 * table in batches of bound parameters, then one UPDATE joins it. 2,000 codes take a few statements,
 * not 2,000 round trips.
 */
export async function applyValueMappings(
  engine: Engine,
  dataset: DatasetDefinition,
  fieldName: string,
  pairs: readonly (readonly [string, string])[],
): Promise<void> {
  const field = codeField(dataset, fieldName);
  const bad = pairs.find(([, value]) => !field.type.values.includes(value));
  if (bad) throw new Error(`“${bad[1]}” is not a ${field.label} value`);
  if (pairs.length === 0) return;
  await engine.run('CREATE OR REPLACE TEMP TABLE pi_import_map (raw VARCHAR, value VARCHAR)');
  await insertRows(engine, 'pi_import_map', pairs);
  // The earlier versions set aside by a later extract too: removing that extract brings them back mapped.
  await engine.run(
    [dataset.id, supersededTable(dataset)]
      .map((t) => `UPDATE ${t} SET ${field.name} = m.value FROM pi_import_map m WHERE ${t}.${field.name}_raw = m.raw`)
      .join(';\n'),
  );
  await engine.run('DROP TABLE pi_import_map');
}

/** Adds a date order chosen for a column of files with this header. */
export function withDateOrder(orders: DateOrders, signature: string, field: string, order: 'dmy' | 'mdy'): DateOrders {
  return { ...orders, [signature]: { ...ownValue(orders, signature), [field]: order } };
}

export function withMapping(
  mappings: ValueMappings,
  datasetId: string,
  field: string,
  raw: string,
  value: string,
): ValueMappings {
  return {
    ...mappings,
    [datasetId]: { ...mappings[datasetId], [field]: { ...mappings[datasetId]?.[field], [raw]: value } },
  };
}
