/** How a canonical column is typed and checked on the way in. */
export type FieldType =
  | { kind: 'text' }
  | { kind: 'date' }
  | {
      kind: 'integer';
      min?: number;
      max?: number;
      /** 'floor': a fraction is cut off (ages Excel computes as 7.83 → 7); otherwise a fraction is an error. */
      fraction?: 'floor';
    }
  | { kind: 'flag' }
  | {
      kind: 'code';
      /** Canonical values. A value that is not one of these (after aliases) is kept raw and reported as unmapped. */
      values: readonly string[];
      /** Extra spellings → canonical value; keys are compared after `normaliseCode`. */
      aliases?: Readonly<Record<string, string>>;
      /**
       * Each canonical value in words, as people read it ("White British" for WBRI): shown wherever a
       * person reads the value (codes stay in CSV downloads and the command line), offered in the
       * templates' drop-down lists, and recognised on the way in like an alias.
       */
      labels: Readonly<Record<string, string>>;
    };

export interface FieldDefinition {
  /** Canonical column name (snake_case), also the column in the typed table. */
  name: string;
  label: string;
  description: string;
  type: FieldType;
  required: boolean;
  /** Other header spellings seen in real extracts (Annex A, D2I SSD, local systems). */
  aliases: readonly string[];
  example: string;
}

export interface DatasetDefinition {
  id: string;
  title: string;
  /** The file name partners are asked to send. */
  fileName: string;
  description: string;
  fields: readonly FieldDefinition[];
  /** A date field that must not be later than another (e.g. start ≤ end): [earlier, later]. */
  dateOrder: readonly (readonly [string, string])[];
  /** Field used when the file has no id of its own: rows get `<file>:<line>` instead. */
  generatedIdField?: string;
  /**
   * What makes a record itself, in order of preference: the first set of fields the file has is the
   * key. A record whose key is already loaded (the same extract again, as .xlsx; overlapping monthly
   * extracts) is reported and not loaded twice; a key repeated inside one file is reported too.
   */
  recordKeys: readonly (readonly string[])[];
  /**
   * Whom its records are about. Counts about children and families are published with small numbers
   * suppressed (DfE practice for children's statistics); counts of professionals (training) and of
   * organisations (Section 11 returns, review recommendations, audit actions) are not personal data.
   */
  about: 'children' | 'professionals' | 'organisations';
}

/** Code values compare on upper-case letters and digits only: "Needs met" ≡ "NEEDS_MET" ≡ "needs-met". */
export function normaliseCode(value: string): string {
  return value
    .normalize('NFKC')
    .toUpperCase()
    .replace(/[^A-Z0-9]+/g, '_')
    .replace(/^_+|_+$/g, '');
}
