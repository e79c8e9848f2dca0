import { type FormEvent, useId, useState } from 'react';
import type { IndicatorDefinition } from '../../indicators/indicator-definition';
import type { IndicatorSpc } from '../../indicators/indicator-spc';
import { formatUkDate } from '../../indicators/periods';
import { suggestRebase } from '../../indicators/rebase-suggestion';
import { getFamily } from '../../indicators/registry';
import { useChartNotes } from '../../session/chart-notes';

/**
 * Mark a change on a chart ("Family hubs opened"): from that period the process limits are worked out
 * afresh. Saved in this browser (it is not data); shown on the chart, in its table and in exports.
 */
export function ChangePoints({
  indicator,
  periods,
  spc,
}: {
  indicator: IndicatorDefinition;
  periods: readonly { label: string; periodStart: string }[];
  spc: IndicatorSpc;
}) {
  const { changesFor, addChange, removeChange } = useChartNotes();
  const id = useId();
  const [date, setDate] = useState(periods.at(-1)?.periodStart ?? '');
  const [label, setLabel] = useState('');
  const [everyChart, setEveryChart] = useState(false);
  const family = getFamily(indicator.family);
  const marked = changesFor(indicator.id);
  const suggestion = suggestRebase(
    spc,
    periods.map((p) => p.label),
    spc.changes,
  );
  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (!date || label.trim() === '') return;
    const ids = everyChart ? family.indicators.map((i) => i.id) : [indicator.id];
    addChange(ids, { date, label: label.trim() });
    setLabel('');
  };
  return (
    <details
      className="details change-points"
      data-testid={`change-points-${indicator.id}`}
      open={suggestion ? true : undefined}
    >
      <summary>
        Changes marked on this chart{marked.length > 0 ? ` (${marked.length})` : ''}
        {suggestion ? ': a change is suggested' : ''}
      </summary>
      {suggestion && (
        <div
          className="inset-text"
          data-testid="rebase-suggestion"
          data-rebase-from={periods[suggestion.index]?.periodStart}
        >
          <p>{suggestion.reason}</p>
          <p className="hint">Nothing changes unless you mark it: say what changed, then “Mark the change”.</p>
          <button
            type="button"
            className="button button--secondary button--small"
            onClick={() => {
              setDate(periods[suggestion.index]?.periodStart ?? date);
              setLabel(`Shift ${suggestion.side} the mean from ${periods[suggestion.index]?.label}`.slice(0, 120));
            }}
            data-testid="use-rebase-suggestion"
          >
            Mark it from {periods[suggestion.index]?.label}
          </button>
        </div>
      )}
      <p className="hint">
        Mark a change in how things are done (a new service, a new threshold): the mean and process limits are worked
        out again from that period, so the chart judges the new process on its own. Saved in this browser only.
      </p>
      {marked.length > 0 && (
        <ul className="list" data-testid={`change-list-${indicator.id}`}>
          {marked.map((change) => {
            const shown = spc.changes.find((c) => c.date === change.date);
            return (
              <li key={`${change.date}-${change.label}`}>
                <strong>{change.label}</strong>, from {formatUkDate(change.date)}
                {shown ? '' : ' (not in the periods shown)'}{' '}
                <button
                  type="button"
                  className="link-button"
                  onClick={() => removeChange(indicator.id, change)}
                  aria-label={`Remove the change “${change.label}” from ${indicator.id}`}
                >
                  Remove
                </button>
              </li>
            );
          })}
        </ul>
      )}
      <form className="change-points__form" onSubmit={submit}>
        <div className="form-group">
          <label className="label" htmlFor={`${id}-period`}>
            From
          </label>
          <select id={`${id}-period`} className="select" value={date} onChange={(e) => setDate(e.target.value)}>
            {periods.map((p) => (
              <option key={p.periodStart} value={p.periodStart}>
                {p.label}
              </option>
            ))}
          </select>
        </div>
        <div className="form-group">
          <label className="label" htmlFor={`${id}-label`}>
            What changed
          </label>
          <input
            id={`${id}-label`}
            className="input"
            value={label}
            maxLength={120}
            placeholder="Family hubs opened"
            onChange={(e) => setLabel(e.target.value)}
            data-testid={`change-label-${indicator.id}`}
          />
        </div>
        <div className="form-group form-group--check">
          <input
            id={`${id}-every`}
            type="checkbox"
            checked={everyChart}
            onChange={(e) => setEveryChart(e.target.checked)}
          />
          <label htmlFor={`${id}-every`}>Mark it on every {family.title.toLowerCase()} chart</label>
        </div>
        <button
          type="submit"
          className="button button--secondary button--small"
          disabled={label.trim() === ''}
          data-testid={`add-change-${indicator.id}`}
        >
          Mark the change
        </button>
      </form>
    </details>
  );
}
