import { AGENCIES, AGENCY_ALIASES, AGENCY_LABELS } from './agencies';
import type { FieldDefinition, FieldType } from './dataset-definition';

/** Small constructors so dataset modules read like the tables in domain.md §5. */
export const text: FieldType = { kind: 'text' };
export const date: FieldType = { kind: 'date' };
export const flag: FieldType = { kind: 'flag' };
export const integer = (min?: number, max?: number): FieldType => ({ kind: 'integer', min, max });
/** A coded field: its values in words, in the order they are listed (the keys are the codes), and other spellings. */
export const code = (
  labels: Readonly<Record<string, string>>,
  aliases?: Readonly<Record<string, string>>,
): FieldType => ({
  kind: 'code',
  values: Object.keys(labels),
  aliases,
  labels,
});
export const agency: FieldType = { kind: 'code', values: AGENCIES, aliases: AGENCY_ALIASES, labels: AGENCY_LABELS };

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
export const actionStatus: FieldType = code(
  { OPEN: 'Open', COMPLETE: 'Complete', OVERDUE: 'Overdue', CLOSED_NO_ACTION: 'Closed, no action needed' },
  {
    COMPLETED: 'COMPLETE',
    DONE: 'COMPLETE',
    CLOSED: 'COMPLETE',
    IN_PROGRESS: 'OPEN',
    NO_ACTION: 'CLOSED_NO_ACTION',
  },
);
