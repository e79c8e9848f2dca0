import { AGENCIES, AGENCY_ALIASES } from './agencies';
import type { FieldDefinition, FieldType } from './dataset-definition';

/** Small constructors so dataset modules read like the tables in domain.md §5. */
export const text: FieldType = { kind: 'text' };
export const date: FieldType = { kind: 'date' };
export const flag: FieldType = { kind: 'flag' };
export const integer = (min?: number, max?: number): FieldType => ({ kind: 'integer', min, max });
export const code = (values: readonly string[], aliases?: Readonly<Record<string, string>>): FieldType => ({
  kind: 'code',
  values,
  aliases,
});
export const agency: FieldType = { kind: 'code', values: AGENCIES, aliases: AGENCY_ALIASES };

export function field(
  name: string,
  label: string,
  type: FieldType,
  options: { required?: boolean; aliases?: readonly string[]; description?: string; example: string },
): FieldDefinition {
  return {
    name,
    label,
    type,
    required: options.required ?? false,
    aliases: options.aliases ?? [],
    description: options.description ?? label,
    example: options.example,
  };
}

/** Progress of an action (Section 11 returns, audit actions). */
export const actionStatus: FieldType = code(['OPEN', 'COMPLETE', 'OVERDUE', 'CLOSED_NO_ACTION'], {
  COMPLETED: 'COMPLETE',
  DONE: 'COMPLETE',
  CLOSED: 'COMPLETE',
  IN_PROGRESS: 'OPEN',
  NO_ACTION: 'CLOSED_NO_ACTION',
});
