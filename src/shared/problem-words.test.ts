import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { firstProblem, placeInWords } from './problem-words';

const problem = (schema: z.ZodType, value: unknown) => {
  const result = schema.safeParse(value);
  if (result.success) throw new Error('expected a problem');
  return firstProblem(result.error);
};

describe('problems in words', () => {
  it('counts entries from one and names the field of a numbered entry', () => {
    expect(placeInWords(['items', 2, 'filters'])).toBe('item 3: filters');
    expect(placeInWords(['values', 'early_help_episodes', 'outcome'])).toBe('values › early_help_episodes › outcome');
    expect(placeInWords([])).toBe('');
  });

  it('says what is wrong in plain words, at the top when there is no place', () => {
    expect(problem(z.object({ title: z.string() }), {})).toBe('title is missing');
    expect(problem(z.object({ n: z.number() }), { n: 'x' })).toBe('n is not a number');
    expect(problem(z.object({}).strict(), { rows: [] })).toBe(
      'the file has a field this version does not know (“rows”)',
    );
  });

  it('writes out bidirectional characters and shortens long names taken from the file', () => {
    const reversed = 'ab\u202ecd';
    const record = z.record(z.string(), z.number());
    expect(problem(record, { [reversed]: 'x' })).toBe('ab[U+202E]cd is not a number');
    expect(problem(z.object({}).strict(), { [reversed]: 1 })).toBe(
      'the file has a field this version does not know (“ab[U+202E]cd”)',
    );
    const long = problem(record, { ['k'.repeat(4000)]: 'x' });
    expect(long.length).toBeLessThan(100);
    expect(long).toMatch(/^k+…k+ is not a number$/);
  });
});
