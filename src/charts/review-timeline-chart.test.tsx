// @vitest-environment jsdom
import { act } from 'react';
import { createRoot } from 'react-dom/client';
import { describe, expect, it } from 'vitest';
import { ReviewTimelineChart } from './review-timeline-chart';

(globalThis as { IS_REACT_ACT_ENVIRONMENT?: boolean }).IS_REACT_ACT_ENVIRONMENT = true;

describe('the practice review timeline', () => {
  it('draws each step with its shape, filled when on time and hollow when late, and says how many were late', () => {
    const container = document.createElement('div');
    document.body.append(container);
    const root = createRoot(container);
    act(() => {
      root.render(
        <ReviewTimelineChart
          from="2024-04-01"
          to="2025-03-31"
          rows={[
            {
              id: 'V1',
              events: [
                { date: '2024-04-05', kind: 'notified', onTime: true },
                { date: '2024-04-26', kind: 'rapid_review', onTime: false },
                { date: '2024-10-31', kind: 'local_review', onTime: true },
              ],
            },
            { id: 'V2', events: [{ date: '2025-02-20', kind: 'notified', onTime: null }] },
          ]}
        />,
      );
    });
    const row = (id: string) => container.querySelector(`[data-review="${id}"]`) as Element;
    const marks = [...row('V1').querySelectorAll('[data-kind]')].map((m) => [
      m.tagName,
      m.getAttribute('data-kind'),
      m.getAttribute('fill'),
    ]);
    expect(marks).toEqual([
      ['circle', 'notified', '#1d70b8'],
      ['rect', 'rapid_review', '#ffffff'],
      ['path', 'local_review', '#1d70b8'],
    ]);
    expect(row('V2').querySelector('circle')?.getAttribute('stroke')).toBe('#505a5f');
    // Each review says when it was notified, so a test can count the marks in any period.
    expect([row('V1'), row('V2')].map((r) => r.getAttribute('data-notified'))).toEqual(['2024-04-05', '2025-02-20']);
    expect(container.querySelector('svg[role="img"]')?.getAttribute('aria-label')).toContain('1 step was later');
    expect(container.textContent).toContain('2024-25');
    act(() => root.unmount());
    container.remove();
  });
});
