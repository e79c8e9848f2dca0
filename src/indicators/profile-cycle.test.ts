import { describe, expect, it } from 'vitest';
import { cycleEnd } from './profile-cycle';
import { GRADE_PROFILE, STANDARD_RATINGS } from './profiles';

describe('the cycle a table by category covers', () => {
  it('is the last complete financial year for returns that come in yearly cycles', () => {
    // Section 11 returns as at 31/10/2025: 2025-26 is half-way, so 2024-25 (to 31/03/2025).
    expect(cycleEnd(STANDARD_RATINGS, '2025-10-31', '2022-04-01')).toBe('2025-03-31');
    // A year that has ended is itself complete.
    expect(cycleEnd(STANDARD_RATINGS, '2026-03-31', '2022-04-01')).toBe('2026-03-31');
    // Data that starts inside the running cycle has no complete one: that cycle, to date.
    expect(cycleEnd(STANDARD_RATINGS, '2025-10-31', '2025-06-01')).toBe('2025-10-31');
  });

  it('is the date given for other areas (audits are counted to date)', () => {
    expect(cycleEnd(GRADE_PROFILE, '2025-10-31', '2022-04-01')).toBe('2025-10-31');
  });
});
