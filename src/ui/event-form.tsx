import { type FormEvent, useEffect, useId, useRef, useState } from 'react';
import type { PartnershipEvent } from '../indicators/events';
import type { IndicatorFamily } from '../indicators/indicator-definition';
import { isIsoDate } from '../indicators/periods';
import { FAMILIES } from '../indicators/registry';
import { useEvents } from '../session/events';

/**
 * "Add an event": its date, a title, what happened (optional) and what it concerns — whole areas, or
 * the chart it was added from. The events page offers every area; a chart's form its own indicator
 * (and its area). Dates come from the browser's date picker, so none is ever read the American way.
 */
export function EventForm({
  indicator,
  defaultDate = '',
  onAdded,
  editing,
  onDone,
}: {
  /** The chart the form is on: the event concerns it unless its whole area is chosen. */
  indicator?: { id: string; title: string; family: IndicatorFamily };
  defaultDate?: string;
  onAdded?: (event: Omit<PartnershipEvent, 'id'>) => void;
  /** An event of the register being changed in place; `onDone` when saved or left. */
  editing?: PartnershipEvent;
  onDone?: () => void;
}) {
  const { addEvent, updateEvent } = useEvents();
  const id = useId();
  const dateInput = useRef<HTMLInputElement>(null);
  // Changing an event in place: the form opens where its row was, with the focus in it.
  useEffect(() => {
    if (editing) dateInput.current?.focus();
  }, [editing]);
  const [date, setDate] = useState(editing?.date ?? defaultDate);
  const [title, setTitle] = useState(editing?.title ?? '');
  const [description, setDescription] = useState(editing?.description ?? '');
  const [areas, setAreas] = useState<IndicatorFamily[]>(editing ? [...editing.areas] : []);
  const [error, setError] = useState<string | null>(null);
  // An event added from a chart concerns that chart's indicator; changing it keeps that.
  const kept = editing?.indicators ?? [];
  const submit = (e: FormEvent) => {
    e.preventDefault();
    if (!isIsoDate(date)) return setError('Enter the date the event happened.');
    if (title.trim() === '') return setError('Enter a title for the event.');
    if (!indicator && areas.length === 0 && kept.length === 0)
      return setError('Choose at least one area the event concerns.');
    const event = {
      date,
      title: title.trim(),
      description: description.trim(),
      areas,
      indicators: indicator && !areas.includes(indicator.family) ? [indicator.id] : [...kept],
    };
    if (editing) {
      updateEvent(editing.id, event);
      return onDone?.();
    }
    addEvent(event);
    onAdded?.(event);
    setTitle('');
    setDescription('');
    setError(null);
  };
  const toggle = (family: IndicatorFamily) =>
    setAreas((current) => (current.includes(family) ? current.filter((f) => f !== family) : [...current, family]));
  const choices = indicator ? FAMILIES.filter((f) => f.id === indicator.family) : FAMILIES;
  return (
    <form className="event-form" onSubmit={submit} noValidate data-testid="event-form">
      {error && (
        <p className="error-text" role="alert">
          {error}
        </p>
      )}
      <div className="form-group">
        <label className="label" htmlFor={`${id}-date`}>
          Date
        </label>
        <input
          id={`${id}-date`}
          type="date"
          className="input input--width-10"
          value={date}
          onChange={(e) => setDate(e.target.value)}
          ref={dateInput}
          data-testid="event-date"
        />
      </div>
      <div className="form-group">
        <label className="label" htmlFor={`${id}-title`}>
          What happened
        </label>
        <input
          id={`${id}-title`}
          className="input"
          maxLength={120}
          value={title}
          placeholder="New front door opened"
          onChange={(e) => setTitle(e.target.value)}
          data-testid="event-title"
        />
      </div>
      <div className="form-group">
        <label className="label" htmlFor={`${id}-description`}>
          More about it (optional)
        </label>
        <textarea
          id={`${id}-description`}
          className="textarea textarea--wide"
          rows={2}
          maxLength={1000}
          value={description}
          onChange={(e) => setDescription(e.target.value)}
        />
      </div>
      <fieldset className="fieldset">
        <legend className="label">
          {indicator ? `It concerns ${indicator.id} ${indicator.title}, or the whole area:` : 'The areas it concerns'}
        </legend>
        {choices.map((family) => (
          <div className="form-group form-group--check" key={family.id}>
            <input
              id={`${id}-${family.id}`}
              type="checkbox"
              checked={areas.includes(family.id)}
              onChange={() => toggle(family.id)}
              data-testid={`event-area-${family.id}`}
            />
            <label htmlFor={`${id}-${family.id}`}>
              {indicator ? `Every ${family.title.toLowerCase()} chart` : family.title}
            </label>
          </div>
        ))}
      </fieldset>
      {editing ? (
        <>
          <button type="submit" className="button button--secondary" data-testid="event-save">
            Save the changes
          </button>{' '}
          <button type="button" className="link-button" onClick={onDone}>
            Leave it as it was
          </button>
        </>
      ) : (
        <button type="submit" className="button button--secondary" data-testid="event-add">
          Add the event
        </button>
      )}
    </form>
  );
}
