import { describe, expect, it } from 'vitest';
import { ownValue } from './own';

describe('ownValue', () => {
  it('finds what the object holds, and nothing it inherits', () => {
    const record: Record<string, string> = { POLICE: 'Police' };
    expect(ownValue(record, 'POLICE')).toBe('Police');
    for (const key of ['constructor', 'toString', '__proto__', 'hasOwnProperty', 'valueOf']) {
      expect(ownValue(record, key)).toBeUndefined();
    }
    expect(ownValue(undefined, 'POLICE')).toBeUndefined();
  });

  it('finds keys named like inherited members when they were stored (JSON.parse makes them own)', () => {
    const parsed = JSON.parse('{"__proto__": "x", "constructor": "y"}') as Record<string, string>;
    expect(ownValue(parsed, '__proto__')).toBe('x');
    expect(ownValue(parsed, 'constructor')).toBe('y');
  });
});
