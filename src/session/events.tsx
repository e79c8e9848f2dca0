import { createContext, type ReactNode, useCallback, useContext, useMemo, useState } from 'react';
import { z } from 'zod';
import { eventSchema, MAX_EVENTS, newEventId, type PartnershipEvent } from '../indicators/events';
import { formatUkDate } from '../indicators/periods';
import { INDICATORS } from '../indicators/registry';
import { tabHistory } from './load-history';
import { readStored, schemaCheck, useStoredReset, writeStored } from './stored';

/** The events register (src/indicators/events.ts), saved in this browser and kept with kept data. */
export const EVENTS_KEY = 'partnership-insight:events';

const storedSchema = z.array(eventSchema(new Set(INDICATORS.map((i) => i.id)))).max(MAX_EVENTS);

const readEvents = (): PartnershipEvent[] => readStored(EVENTS_KEY, schemaCheck(storedSchema), () => []);

interface EventsValue {
  events: readonly PartnershipEvent[];
  addEvent(event: Omit<PartnershipEvent, 'id'>): void;
  removeEvent(id: string): void;
  /** The event of that id, changed in place (it keeps its id, so a pack file's copy is not added again). */
  updateEvent(id: string, event: Omit<PartnershipEvent, 'id'>): void;
  /** Events of a board pack file not already here (by id), added; how many were new. */
  addFromPack(events: readonly PartnershipEvent[]): number;
}

const EventsContext = createContext<EventsValue | null>(null);

export function EventsProvider({ children }: { children: ReactNode }) {
  const [events, setEvents] = useState<PartnershipEvent[]>(readEvents);
  const update = useCallback((change: (current: PartnershipEvent[]) => PartnershipEvent[]) => {
    setEvents((current) => {
      const next = change(current)
        .slice(0, MAX_EVENTS)
        .sort((a, b) => a.date.localeCompare(b.date));
      writeStored(EVENTS_KEY, next);
      return next;
    });
  }, []);
  useStoredReset(EVENTS_KEY, () => setEvents([]));
  const value = useMemo<EventsValue>(
    () => ({
      events,
      addEvent: (event) => {
        tabHistory.record({ action: 'event', summary: `Event added: ${formatUkDate(event.date)} “${event.title}”` });
        update((current) => [...current, { ...event, id: newEventId(current) }]);
      },
      removeEvent: (id) => {
        const gone = events.find((e) => e.id === id);
        if (gone)
          tabHistory.record({ action: 'event', summary: `Event removed: ${formatUkDate(gone.date)} “${gone.title}”` });
        update((current) => current.filter((e) => e.id !== id));
      },
      updateEvent: (id, event) => {
        tabHistory.record({ action: 'event', summary: `Event changed: ${formatUkDate(event.date)} “${event.title}”` });
        update((current) => current.map((e) => (e.id === id ? { ...event, id } : e)));
      },
      addFromPack: (incoming) => {
        const have = new Set(events.map((e) => e.id));
        const fresh = incoming.filter((e) => !have.has(e.id));
        if (fresh.length > 0) {
          tabHistory.record({ action: 'event', summary: `Events taken from a board pack file: ${fresh.length}` });
          update((current) => [...current, ...fresh]);
        }
        return fresh.length;
      },
    }),
    [events, update],
  );
  return <EventsContext.Provider value={value}>{children}</EventsContext.Provider>;
}

export function useEvents(): EventsValue {
  const value = useContext(EventsContext);
  if (!value) throw new Error('useEvents must be used inside EventsProvider');
  return value;
}
