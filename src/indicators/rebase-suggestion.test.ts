import { describe, expect, it } from 'vitest';
import { suggestRebase } from './rebase-suggestion';
import { analyseSpc } from './spc';

const base = [50, 52, 48, 50, 52, 48, 50, 52, 48, 50, 52, 48, 50, 52, 48];
const labels = (n: number) => Array.from({ length: n }, (_, i) => `P${i + 1}`);

describe('a suggested rebase', () => {
  it('is offered at the start of a shift that holds to the latest period, with the reason', () => {
    // By hand: mean of all 22 = 49.68; P15 (48) and P16–P22 (49) are 8 in a row below it.
    const values = [...base, 49, 49, 49, 49, 49, 49, 49];
    const spc = analyseSpc(values, { direction: 'up' });
    expect(suggestRebase(spc, labels(22), [])).toEqual({
      index: 14,
      length: 8,
      side: 'below',
      reason:
        'A shift: 8 periods in a row below the mean since P15, to the latest. The process has likely changed there: the limits could be worked out again from P15.',
    });
  });

  it('is not offered once the change is marked there, when the shift has ended, or on a run chart', () => {
    const values = [...base, 49, 49, 49, 49, 49, 49, 49];
    const spc = analyseSpc(values, { direction: 'up' });
    expect(suggestRebase(spc, labels(22), [{ index: 14 }])).toBeNull();
    const ended = [...values, 55];
    expect(suggestRebase(analyseSpc(ended, { direction: 'up' }), labels(23), [])).toBeNull();
    expect(suggestRebase(analyseSpc([1, 2, 3], { direction: 'up' }), labels(3), [])).toBeNull();
  });
});
