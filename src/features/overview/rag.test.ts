import { describe, expect, it } from 'vitest';
import { ragAgainstTarget } from './rag';

describe('RAG against a target', () => {
  it('higher is better: met is green, within 10% amber, further red', () => {
    expect(ragAgainstTarget('up', 80, 80)).toBe('green');
    expect(ragAgainstTarget('up', 72, 80)).toBe('amber'); // 8 short, 10% of 80
    expect(ragAgainstTarget('up', 71.9, 80)).toBe('red');
  });
  it('lower is better mirrors it', () => {
    expect(ragAgainstTarget('down', 4, 5)).toBe('green');
    expect(ragAgainstTarget('down', 5.5, 5)).toBe('amber');
    expect(ragAgainstTarget('down', 6, 5)).toBe('red');
    expect(ragAgainstTarget('down', 1, 0)).toBe('amber');
  });
  it('no rating without a value or a direction of good', () => {
    expect(ragAgainstTarget('neutral', 10, 5)).toBeNull();
    expect(ragAgainstTarget('up', null, 5)).toBeNull();
  });
});
