import { describe, expect, it } from 'vitest';
import { contacts } from './child-protection';
import { canonicalCode, codeLabel } from './code-values';
import { normaliseCode } from './dataset-definition';
import { earlyHelpEpisodes } from './early-help';
import { DATASETS } from './registry';

const codeFields = DATASETS.flatMap((dataset) =>
  dataset.fields.flatMap((field) => (field.type.kind === 'code' ? [{ dataset, field, type: field.type }] : [])),
);
const typeOf = (name: string) => {
  const type = earlyHelpEpisodes.fields.find((f) => f.name === name)?.type;
  if (type?.kind !== 'code') throw new Error(`${name} is not coded`);
  return type;
};

describe('coded values in words', () => {
  it.each(codeFields.map((c) => [`${c.dataset.id}.${c.field.name}`, c] as const))(
    '%s: every value has words of its own, and the words (or the code with an Annex A letter) read back as the code',
    (_, { type }) => {
      expect(Object.keys(type.labels)).toEqual([...type.values]);
      const words = Object.values(type.labels);
      expect(new Set(words.map(normaliseCode)).size).toBe(words.length);
      for (const value of type.values) {
        const label = codeLabel(type, value);
        expect(label).not.toBe('');
        expect(canonicalCode(type, label)).toBe(value);
        expect(canonicalCode(type, label.toUpperCase())).toBe(value);
        expect(canonicalCode(type, `b) ${value}`)).toBe(value);
      }
    },
  );

  it('reads the DfE ethnicity codes bare, Annex A style and in words', () => {
    const ethnicity = typeOf('ethnicity');
    expect(ethnicity.values).toHaveLength(20);
    expect(canonicalCode(ethnicity, 'WBRI')).toBe('WBRI');
    expect(canonicalCode(ethnicity, 'a) WBRI')).toBe('WBRI');
    expect(canonicalCode(ethnicity, 's) NOBT')).toBe('NOBT');
    expect(canonicalCode(ethnicity, 'White British')).toBe('WBRI');
    expect(canonicalCode(ethnicity, 'white - british')).toBe('WBRI');
    expect(canonicalCode(ethnicity, 'Gypsy/Roma')).toBe('WROM');
    expect(canonicalCode(ethnicity, 'Information not yet obtained')).toBe('NOBT');
    expect(codeLabel(ethnicity, 'MWBC')).toBe('White and Black Caribbean');
  });

  it('leaves what it does not know unrecognised, and a value with no words as it is', () => {
    const ethnicity = typeOf('ethnicity');
    expect(canonicalCode(ethnicity, 'Martian')).toBeNull();
    // A letter in front is only the Annex A prefix when the rest is known.
    expect(canonicalCode(ethnicity, 'x) Martian')).toBeNull();
    expect(canonicalCode(ethnicity, 'constructor')).toBeNull();
    expect(codeLabel(ethnicity, 'constructor')).toBe('constructor');
    expect(codeLabel({ kind: 'text' }, 'WBRI')).toBe('WBRI');
  });

  it('reads end reasons and gender in the words the app shows', () => {
    expect(canonicalCode(typeOf('end_reason'), 'Stepped up to social care')).toBe('STEP_UP_CSC');
    expect(canonicalCode(typeOf('gender'), 'Not stated or recorded')).toBe('NOT_STATED');
    expect(canonicalCode(typeOf('gender'), 'c) Not stated/recorded')).toBe('NOT_STATED');
  });
});

describe('a source code written with its words, as Annex A writes it', () => {
  it('reads "e) 2A: Schools", "q) 6: Police" and "2B: Education services" as 2A, 6 and 2B', () => {
    const type = contacts.fields.find((f) => f.name === 'contact_source')?.type;
    if (type?.kind !== 'code') throw new Error('contact_source is coded');
    expect(canonicalCode(type, 'e) 2A: Schools')).toBe('2A');
    expect(canonicalCode(type, 'q) 6: Police')).toBe('6');
    expect(canonicalCode(type, '2B: Education services')).toBe('2B');
    expect(canonicalCode(type, 'u) 10: Unknown')).toBe('10');
    // A code that is not one of the list's is still not taken: 11 is no source.
    expect(canonicalCode(type, 'v) 11: Somewhere')).toBeNull();
  });
});
