import { describe, expect, it } from 'vitest';
import { hashOf, pageFromHash, viewFromHash } from './routes';

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

  it('ignores what it does not understand, so an edited link still opens', () => {
    expect(viewFromHash('#/early-help?period=fortnight&from=31/03/2024&colour=red&agency=')).toEqual({ filters: {} });
    expect(pageFromHash('#/nowhere')).toEqual({ kind: 'data' });
    expect(pageFromHash('')).toEqual({ kind: 'data' });
    expect(pageFromHash('#/overview?period=year')).toEqual({ kind: 'overview' });
  });
});
