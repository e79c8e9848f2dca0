import type { PartnershipEvent } from '../../indicators/events';
import type { IndicatorDefinition } from '../../indicators/indicator-definition';
import { formatLongDate } from '../../indicators/periods';
import { EventForm } from '../../ui/event-form';

/**
 * A chart's events and "Add an event" on it: what happened, where its line moves. Every event is in
 * the register (`#/events`), where it can be changed or removed.
 */
export function ChartEvents({
  indicator,
  events,
  defaultDate,
}: {
  indicator: IndicatorDefinition;
  events: readonly PartnershipEvent[];
  defaultDate: string;
}) {
  return (
    <details className="details" data-testid={`chart-events-${indicator.id}`}>
      <summary>Events on this chart{events.length > 0 ? ` (${events.length})` : ''}: add an event</summary>
      {events.length > 0 && (
        <ul className="list">
          {events.map((event) => (
            <li key={event.id}>
              <strong>{event.title}</strong>, {formatLongDate(event.date)}
              {event.description ? ` — ${event.description}` : ''}
            </li>
          ))}
        </ul>
      )}
      <EventForm indicator={indicator} defaultDate={defaultDate} />
      <p className="hint">
        Every event is in the <a href="#/events">events register</a>, where it can be removed.
      </p>
    </details>
  );
}
