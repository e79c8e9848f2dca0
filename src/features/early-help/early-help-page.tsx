import { useQuery } from '@tanstack/react-query';
import { useId, useState } from 'react';
import { formatUkDate, type Granularity } from '../../indicators/periods';
import { getIndicator } from '../../indicators/registry';
import { earlyHelpDateRange } from '../../indicators/run-indicator';
import { useAppData } from '../../session/app-data';
import { formatNumber } from '../../ui/format';
import { IndicatorPanel } from './indicator-panel';

const GRANULARITIES: { value: Granularity; label: string }[] = [
  { value: 'month', label: 'Month' },
  { value: 'quarter', label: 'Quarter (April–March year)' },
  { value: 'year', label: 'Financial year' },
];

export function EarlyHelpPage() {
  const { getEngine, dataVersion } = useAppData();
  const [granularity, setGranularity] = useState<Granularity>('month');
  const groupName = useId();
  const range = useQuery({
    queryKey: ['early-help-range', dataVersion],
    queryFn: async () => earlyHelpDateRange(await getEngine()),
  });

  if (range.isPending) return <p role="status">Working out the date range…</p>;
  if (range.isError) {
    return (
      <p className="error-summary" data-testid="error-message" role="alert">
        The early help figures could not be worked out: {range.error.message}
      </p>
    );
  }
  if (!range.data) {
    return <p className="hint">No early help episodes are loaded yet.</p>;
  }
  const { first, last, rows } = range.data;
  const query = { granularity, from: first, reportDate: last };

  return (
    <section aria-labelledby="indicators-heading" className="indicators">
      <h2 id="indicators-heading" className="heading-l">
        Early help indicators
      </h2>
      <p>
        {formatNumber(rows)} episodes, assessments starting {formatUkDate(first)} to {formatUkDate(last)}. Report date{' '}
        <strong>{formatUkDate(last)}</strong> (the latest date in the data).
      </p>
      <fieldset className="fieldset">
        <legend className="fieldset__legend">Show figures by</legend>
        <div className="radios">
          {GRANULARITIES.map((option) => (
            <label key={option.value} className="radio">
              <input
                type="radio"
                name={groupName}
                value={option.value}
                checked={granularity === option.value}
                onChange={() => setGranularity(option.value)}
                data-testid={`granularity-${option.value}`}
              />
              <span>{option.label}</span>
            </label>
          ))}
        </div>
      </fieldset>
      <div className="indicator-grid">
        <IndicatorPanel indicator={getIndicator('EH1')} query={query} />
        <IndicatorPanel indicator={getIndicator('EH2')} query={query} />
      </div>
    </section>
  );
}
