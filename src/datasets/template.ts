import { codeLabel } from './code-values';
import type { DatasetDefinition, FieldDefinition } from './dataset-definition';

/** What a value of a field may be, in words for a partner agency's data officer. */
export function describeType(field: FieldDefinition): string {
  const type = field.type;
  switch (type.kind) {
    case 'date':
      return 'Date, dd/mm/yyyy';
    case 'integer':
      return type.min !== undefined && type.max !== undefined
        ? `Whole number, ${type.min}–${type.max}`
        : 'Whole number';
    case 'flag':
      // Annex A's lists write yes and no after a letter; the reader takes those as they are.
      return 'Y or N (also Yes or No, or as Annex A writes them, “a) Yes” and “b) No”)';
    case 'code':
      // Words first: a partner may write either the words or the code.
      return `One of: ${type.values.map((value) => `${codeLabel(type, value)} (${value})`).join(', ')}`;
    default:
      return 'Text';
  }
}

/** A CSV template's rows: the header and one example row, as a partner would fill it in. */
export function templateRows(dataset: DatasetDefinition): string[][] {
  return [dataset.fields.map((f) => f.name), dataset.fields.map((f) => f.example)];
}
