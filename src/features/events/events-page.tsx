import { useState } from 'react';
import type { PartnershipEvent } from '../../indicators/events';
import { formatLongDate } from '../../indicators/periods';
import { FAMILIES, getIndicator } from '../../indicators/registry';
import { useEvents } from '../../session/events';
import { EventForm } from '../../ui/event-form';

/** What an event concerns, in words. */
function concerns(areas: readonly string[], indicators: readonly string[]): string {
  const names = [
    ...FAMILIES.filter((f) => areas.includes(f.id)).map((f) => `every ${f.title.toLowerCase()} chart`),
    ...indicators.map((id) => `${id} ${getIndicator(id).title}`),
  ];
  return names.join('; ');
}

/**
 * The events register (`#/events`): what happened and when — a new front door, an inspection, a
 * staffing gap — so the charts it concerns say so where their line moves. Saved in this browser, kept
 * with kept data, and carried in the board pack file.
 */
export function EventsPage() {
  const { events } = useEvents();
  const [changing, setChanging] = useState<string | null>(null);
  return (
    <div data-testid="events-page">
      <h1 className="heading-xl">Events</h1>
      <p className="lead">
        The events that explain the charts: a new front door, an inspection, a change of threshold, a staffing gap. Each
        shows as a labelled line on every chart it concerns, in the chart’s table and words, in the board pack and in
        the yearly report. Saved in this browser, kept with kept data and carried in the board pack file.
      </p>
      <h2 className="heading-l">Add an event</h2>
      <EventForm />
      <h2 className="heading-l">The register</h2>
      {events.length === 0 ? (
        <p className="inset-text">No events yet.</p>
      ) : (
        <table className="table" data-testid="events-table">
          <caption className="visually-hidden">Every event, by date</caption>
          <thead>
            <tr>
              <th scope="col">Date</th>
              <th scope="col">What happened</th>
              <th scope="col">It concerns</th>
              <th scope="col">
                <span className="visually-hidden">Change or remove</span>
              </th>
            </tr>
          </thead>
          <tbody>
            {events.map((event) =>
              changing === event.id ? (
                <tr key={event.id} data-event-id={event.id}>
                  <td colSpan={4}>
                    <EventForm
                      editing={event}
                      onDone={() => {
                        setChanging(null);
                        // Back to the row's own "Change", never to the top of the page.
                        requestAnimationFrame(() => document.getElementById(`change-${event.id}`)?.focus());
                      }}
                    />
                  </td>
                </tr>
              ) : (
                <EventRow key={event.id} event={event} onChange={() => setChanging(event.id)} />
              ),
            )}
          </tbody>
        </table>
      )}
    </div>
  );
}

function EventRow({ event, onChange }: { event: PartnershipEvent; onChange: () => void }) {
  const { removeEvent } = useEvents();
  return (
    <tr data-event-id={event.id}>
      <td>{formatLongDate(event.date)}</td>
      <th scope="row">
        {event.title}
        {event.description && <span className="hint"> — {event.description}</span>}
      </th>
      <td>{concerns(event.areas, event.indicators)}</td>
      <td>
        <button
          type="button"
          className="link-button"
          onClick={onChange}
          id={`change-${event.id}`}
          aria-label={`Change the event “${event.title}”`}
          data-testid="event-change"
        >
          Change
        </button>{' '}
        <button
          type="button"
          className="link-button"
          onClick={() => removeEvent(event.id)}
          aria-label={`Remove the event “${event.title}”`}
        >
          Remove
        </button>
      </td>
    </tr>
  );
}
