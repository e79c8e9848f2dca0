import { z } from 'zod';
import type { DatasetDefinition, FieldDefinition } from '../datasets/dataset-definition';
import type { Engine } from '../engine/engine';
import { ownValue } from '../shared/own';

/**
 * Local codes → canonical values, chosen by the user (e.g. "Escalated to social care" → STEP_UP_CSC).
 * Kept per dataset and field; saved in this browser and shareable as a "mapping profile" file.
 */
export type ValueMappings = Record<string, Record<string, Record<string, string>>>;

export const MAPPING_PROFILE_VERSION = 1;

/** A column mapping chosen for files with a given header (see headerSignature): which dataset, which columns. */
export interface ColumnMapping {
  datasetId: string;
  columns: Record<string, string>;
}
export type ColumnMappings = Record<string, ColumnMapping>;

const profileSchema = z.object({
  kind: z.literal('partnership-insight-mapping-profile'),
  version: z.literal(MAPPING_PROFILE_VERSION),
  name: z.string().max(200).optional(),
  exported: z.string().optional(),
  values: z.record(z.string(), z.record(z.string(), z.record(z.string(), z.string()))),
  columns: z
    .record(z.string(), z.object({ datasetId: z.string(), columns: z.record(z.string(), z.string()) }))
    .optional(),
});

export type MappingProfile = z.infer<typeof profileSchema>;

export function toProfile(values: ValueMappings, columns?: ColumnMappings, name?: string): MappingProfile {
  return {
    kind: 'partnership-insight-mapping-profile',
    version: MAPPING_PROFILE_VERSION,
    name,
    exported: new Date().toISOString(),
    values,
    columns,
  };
}

function codeField(dataset: DatasetDefinition, fieldName: string): FieldDefinition & { type: { kind: 'code' } } {
  const field = dataset.fields.find((f) => f.name === fieldName);
  if (!field || field.type.kind !== 'code') throw new Error(`${dataset.id}.${fieldName} is not a code field`);
  return field as FieldDefinition & { type: { kind: 'code' } };
}

/**
 * Reads a mapping profile from JSON text, checking that every dataset, field and value exists.
 * Throws an Error whose message says, in plain words, what is wrong.
 */
export function parseProfile(text: string, datasets: readonly DatasetDefinition[]): MappingProfile {
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
    const issue = parsed.error.issues[0];
    throw new Error(
      `This is not a valid mapping profile (${issue ? `${issue.path.join('.') || 'file'}: ${issue.message}` : 'unknown problem'}).`,
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
      if (!field || field.type.kind !== 'code') {
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
  const field = codeField(dataset, fieldName);
  if (!field.type.values.includes(value)) throw new Error(`“${value}” is not a ${field.label} value`);
  await engine.run(`UPDATE ${dataset.id} SET ${field.name} = ? WHERE ${field.name}_raw = ?`, [value, raw]);
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
