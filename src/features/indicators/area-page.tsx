import { useId, useState } from 'react';
import { findDataset } from '../../datasets/registry';
import type { IndicatorFamily } from '../../indicators/indicator-definition';
import { formatUkDate, GRANULARITY_LABELS, type Granularity } from '../../indicators/periods';
import { getFamily } from '../../indicators/registry';
import { usePreparedIndicators } from '../../session/indicator-settings';
import { IndicatorPanel } from './indicator-panel';

const CHOICES: Granularity[] = ['month', 'quarter', 'year', 'academic_year', 'rolling_12'];

/** One statutory area: every indicator of its family, over the loaded data. */
export function AreaPage({ familyId }: { familyId: IndicatorFamily }) {
  const family = getFamily(familyId);
  const prepared = usePreparedIndicators();
  const [granularity, setGranularity] = useState<Granularity>(family.defaultGranularity);
  const groupName = useId();
  const headingId = useId();

  if (prepared.isPending) return <p role="status">Preparing the figures…</p>;
  if (prepared.isError) {
    return (
      <p className="error-summary" data-testid="error-message" role="alert">
        The figures could not be prepared: {prepared.error.message}
      </p>
    );
  }
  const state = prepared.data.families[familyId];
  const datasets = [...new Set(family.indicators.flatMap((i) => i.datasets))];
  const loaded = datasets.filter((id) => prepared.data.datasetRows[id]);
  const missing = datasets.filter((id) => !prepared.data.datasetRows[id]);

  return (
    <section aria-labelledby={headingId} className="indicators" data-testid={`area-${familyId}`}>
      <h2 id={headingId} className="heading-l">
        {family.title}
      </h2>
      <p className="lead">{family.summary}</p>
      {!state.reportDate ? (
        <p className="inset-text" data-testid="area-empty">
          No {family.title.toLowerCase()} data is loaded yet. This area needs{' '}
          {datasets.map((id) => findDataset(id)?.fileName ?? id).join(', ')} —{' '}
          <a href="#/templates">see the templates</a>, or go to <a href="#/">Data</a> to load files.
        </p>
      ) : (
        <>
          <p>
            Data from {formatUkDate(state.first ?? state.reportDate)} to {formatUkDate(state.last ?? state.reportDate)}.
            Figures are as at the report date <strong>{formatUkDate(state.reportDate)}</strong>
            {prepared.data.settings.reportDate ? ' (set on the Definitions page)' : ' (the latest date in the data)'}.
          </p>
          {missing.length > 0 && (
            <p className="hint">
              Loaded: {loaded.map((id) => findDataset(id)?.fileName ?? id).join(', ')}. Some indicators also need{' '}
              {missing.map((id) => findDataset(id)?.fileName ?? id).join(', ')}.
            </p>
          )}
          <fieldset className="fieldset">
            <legend className="fieldset__legend">Show figures by</legend>
            <div className="radios">
              {CHOICES.map((value) => (
                <label key={value} className="radio">
                  <input
                    type="radio"
                    name={groupName}
                    value={value}
                    checked={granularity === value}
                    onChange={() => setGranularity(value)}
                    data-testid={`granularity-${value}`}
                  />
                  <span>{GRANULARITY_LABELS[value]}</span>
                </label>
              ))}
            </div>
          </fieldset>
          <div className="indicator-grid">
            {family.indicators.map((indicator) => (
              <IndicatorPanel
                key={indicator.id}
                indicator={indicator}
                prepared={prepared.data}
                query={{ granularity }}
              />
            ))}
          </div>
        </>
      )}
    </section>
  );
}
