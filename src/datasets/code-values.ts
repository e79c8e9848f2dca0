import { type DatasetDefinition, type FieldType, normaliseCode } from './dataset-definition';

type CodeType = Extract<FieldType, { kind: 'code' }>;

/** Each code type's labels as spellings ("WHITE_BRITISH" → WBRI), worked out once. */
const labelSpellings = new WeakMap<CodeType, ReadonlyMap<string, string>>();

function spellingsOf(type: CodeType): ReadonlyMap<string, string> {
  let map = labelSpellings.get(type);
  if (!map) {
    map = new Map(Object.entries(type.labels).map(([value, label]) => [normaliseCode(label), value]));
    labelSpellings.set(type, map);
  }
  return map;
}

/** A normalised spelling's canonical value: the value itself, an alias, or a label. */
function lookUp(type: CodeType, key: string): string | null {
  if (type.values.includes(key)) return key;
  if (type.aliases && Object.hasOwn(type.aliases, key)) return type.aliases[key] ?? null;
  return spellingsOf(type).get(key) ?? null;
}

/**
 * Ofsted Annex A writes codes after a letter and a bracket ("a) WBRI", "p1) 5D"): the letter only
 * orders the list. Normalised, that is a letter (and maybe a digit), an underscore, then the code.
 */
const ANNEX_A_PREFIX = /^[A-Z][0-9]?_(.+)$/;

/** A code written with its words after it ("2A: Schools", "6: Police"): the code is what it leads with. */
const LEADING_CODE = /^([0-9]{1,2}[A-Z]?)_/;

/**
 * The canonical value a cell's text stands for, or null when it is not recognised: compared on
 * letters and digits only, as the value, one of its aliases or its label in words, with or without an
 * Annex A letter in front.
 */
export function canonicalCode(type: CodeType, raw: string): string | null {
  const key = normaliseCode(raw);
  const found = lookUp(type, key);
  if (found !== null) return found;
  const bare = ANNEX_A_PREFIX.exec(key)?.[1];
  const bareFound = bare === undefined ? null : lookUp(type, bare);
  if (bareFound !== null) return bareFound;
  const lead = LEADING_CODE.exec(bare ?? key)?.[1];
  return lead !== undefined && type.values.includes(lead) ? lead : null;
}

/** A canonical value in words ("White British"), or the value itself when it has none. */
export function codeLabel(type: FieldType, value: string): string {
  if (type.kind !== 'code' || !Object.hasOwn(type.labels, value)) return value;
  return type.labels[value] ?? value;
}

/** Codes as a person reads them in a sentence: “Needs met”, “Moved away” or “Other” (joined with `and`/`or`). */
export function inWords(
  labels: Readonly<Record<string, string>>,
  codes: readonly string[],
  join: 'and' | 'or' = 'or',
): string {
  const words = codes.map((code) => `“${Object.hasOwn(labels, code) ? labels[code] : code}”`);
  return words.length < 2 ? (words[0] ?? '') : `${words.slice(0, -1).join(', ')} ${join} ${words.at(-1)}`;
}

/** A coded field's values in words, by the dataset and field name (none for a field that is not coded). */
export function labelsOf(dataset: DatasetDefinition, field: string): Readonly<Record<string, string>> {
  const type = dataset.fields.find((f) => f.name === field)?.type;
  return type?.kind === 'code' ? type.labels : {};
}
