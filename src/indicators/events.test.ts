import { describe, expect, it } from 'vitest';
import { eventSchema, eventsByPeriod, eventsFor, newEventId, type PartnershipEvent, periodIndexOf } from './events';

const event = (over: Partial<PartnershipEvent>): PartnershipEvent => ({
  id: 'event-1',
  date: '2024-10-01',
  title: 'New front door opened',
  description: '',
  areas: [],
  indicators: [],
  ...over,
});

const quarters = [
  { periodStart: '2024-04-01', periodEnd: '2024-06-30' },
  { periodStart: '2024-07-01', periodEnd: '2024-09-30' },
  { periodStart: '2024-10-01', periodEnd: '2024-12-31' },
];

describe('the events register', () => {
  it('shows an event on the charts of the areas and indicators it concerns, by date', () => {
    const events = [
      event({ id: 'a', date: '2025-01-10', title: 'Inspection', areas: ['early_help'] }),
      event({ id: 'b', date: '2024-10-01', title: 'Front door', indicators: ['EH3'] }),
      event({ id: 'c', title: 'Training review', areas: ['training'] }),
    ];
    expect(eventsFor({ id: 'EH3', family: 'early_help' }, events).map((e) => e.id)).toEqual(['b', 'a']);
    expect(eventsFor({ id: 'EH1', family: 'early_help' }, events).map((e) => e.id)).toEqual(['a']);
    expect(eventsFor({ id: 'TR1', family: 'training' }, events).map((e) => e.id)).toEqual(['c']);
  });

  it('places an event in the period it falls in, first and last days included; off the chart, nowhere', () => {
    expect(periodIndexOf(quarters, '2024-04-01')).toBe(0);
    expect(periodIndexOf(quarters, '2024-09-30')).toBe(1);
    expect(periodIndexOf(quarters, '2025-01-01')).toBe(-1);
    const at = eventsByPeriod(quarters, [
      event({ id: 'x', date: '2024-10-01' }),
      event({ id: 'y', date: '2024-12-31' }),
    ]);
    expect([...at.keys()]).toEqual([2]);
    expect(at.get(2)?.map((e) => e.id)).toEqual(['x', 'y']);
  });

  it('checks every field at the door, refusing unknown fields and indicators and dates that are not dates', () => {
    const schema = eventSchema(new Set(['EH3']));
    expect(schema.parse({ id: 'e-1', date: '2024-10-01', title: ' Front door ' })).toEqual({
      id: 'e-1',
      date: '2024-10-01',
      title: 'Front door',
      description: '',
      areas: [],
      indicators: [],
    });
    for (const bad of [
      { id: 'e-1', date: '01/10/2024', title: 'x' },
      { id: 'e-1', date: '2024-02-30', title: 'x' },
      { id: 'e-1', date: '2024-10-01', title: '' },
      { id: '__proto__', date: '2024-10-01', title: 'x' },
      { id: 'e-1', date: '2024-10-01', title: 'x', indicators: ['constructor'] },
      { id: 'e-1', date: '2024-10-01', title: 'x', areas: ['police'] },
      { id: 'e-1', date: '2024-10-01', title: 'x', colour: 'red' },
    ])
      expect(schema.safeParse(bad).success, JSON.stringify(bad)).toBe(false);
  });

  it('gives a new event an id no other has', () => {
    const now = 1_765_000_000_000;
    const first = newEventId([], now);
    const second = newEventId([event({ id: first })], now);
    expect(second).not.toBe(first);
    expect(second).toMatch(/^event-[a-z0-9]+-1$/);
  });
});
