import { describe, expect, it } from 'vitest';
import { hashOf, pageFromHash, splitFilters, viewFromHash } from './routes';

describe('the view in the address', () => {
  it('round-trips page, period, range and filters (values with commas, spaces and ampersands too)', () => {
    const view = {
      granularity: 'quarter' as const,
      from: '2024-04-01',
      to: '2025-03-31',
      filters: { agency: ['SCHOOL', 'POLICE'], locality: ['St Mary’s, North & East'] },
    };
    const hash = hashOf({ kind: 'area', family: 'training' }, view);
    expect(hash.startsWith('#/training?period=quarter&from=2024-04-01&to=2025-03-31&agency=SCHOOL&agency=POLICE')).toBe(
      true,
    );
    expect(pageFromHash(hash)).toEqual({ kind: 'area', family: 'training' });
    expect(viewFromHash(hash)).toEqual(view);
  });

  it('leaves out what it does not understand, and lists it, so an edited link still opens', () => {
    expect(viewFromHash('#/early-help?period=fortnight&from=31/03/2024&colour=red&agency=')).toEqual({
      filters: {},
      ignored: ['period=fortnight', 'from=31/03/2024', 'colour=red'],
    });
    expect(viewFromHash(`#/early-help?agency=${'x'.repeat(201)}`).ignored).toEqual([`agency=${'x'.repeat(50)}…`]);
    expect(viewFromHash('#/early-help?__proto__=1&constructor=2&agency=__proto__')).toEqual({
      filters: { agency: ['__proto__'] },
      ignored: ['__proto__=1', 'constructor=2'],
    });
    expect(pageFromHash('#/constructor')).toEqual({ kind: 'data' });
    expect(pageFromHash('#/__proto__')).toEqual({ kind: 'data' });
    expect(pageFromHash('#/nowhere')).toEqual({ kind: 'data' });
    expect(pageFromHash('')).toEqual({ kind: 'data' });
    expect(pageFromHash('#/overview?period=year')).toEqual({ kind: 'overview' });
    expect(pageFromHash('#/load-history')).toEqual({ kind: 'load-history' });
    expect(hashOf({ kind: 'load-history' })).toBe('#/load-history');
  });

  it('keeps filter values the data has, and sets apart those it does not', () => {
    const known = { agency: ['POLICE', 'SCHOOL'], gender: ['MALE'] };
    expect(splitFilters({ agency: ['POLICE', '__proto__'], locality: ['North'] }, known)).toEqual({
      applied: { agency: ['POLICE'], locality: ['North'] },
      unknown: [{ dimension: 'agency', value: '__proto__' }],
    });
    expect(splitFilters({ agency: ['constructor'] }, known)).toEqual({
      applied: {},
      unknown: [{ dimension: 'agency', value: 'constructor' }],
    });
  });
});
