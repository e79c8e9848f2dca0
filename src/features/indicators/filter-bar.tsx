import { useId } from 'react';
import type { View } from '../../app/routes';
import { dimensionValueLabel } from '../../indicators/dimension-values';
import { DIMENSION_LABELS, type Dimension, type IndicatorFamily } from '../../indicators/indicator-definition';
import { financialYearLabel, financialYearOf, type Granularity } from '../../indicators/periods';
import type { PreparedState } from '../../indicators/prepare-indicators';
import { GranularityRadios } from '../../ui/granularity-radios';
import { useDimensionValues } from './use-dimension-values';

const CHOICES: Granularity[] = ['month', 'quarter', 'year', 'academic_year', 'rolling_12'];

function financialYears(first: string, last: string): number[] {
  const years: number[] = [];
  for (let y = financialYearOf(first); y <= financialYearOf(last); y += 1) years.push(y);
  return years;
}

/** Period, range and filters for every chart on an area page; the choices live in the address. */
export function FilterBar({
  view,
  granularity,
  dimensions,
  family,
  prepared,
  first,
  last,
  onChange,
}: {
  view: View;
  granularity: Granularity;
  dimensions: readonly Dimension[];
  /** The area whose values the filter lists offer. */
  family: IndicatorFamily;
  prepared: PreparedState;
  first: string;
  last: string;
  onChange: (view: View) => void;
}) {
  const id = useId();
  const values = useDimensionValues(family, dimensions, prepared);
  const years = financialYears(first, last);
  const setFilter = (dimension: Dimension, value: string) => {
    const filters = { ...view.filters };
    if (value === '') delete filters[dimension];
    else filters[dimension] = [value];
    onChange({ ...view, filters });
  };
  const active = dimensions.flatMap((d) => (view.filters[d] ?? []).map((v) => [d, v] as const));

  return (
    <section className="filter-bar" aria-label="Period and filters" data-testid="filter-bar">
      <GranularityRadios
        legend="Show figures by"
        choices={CHOICES}
        value={granularity}
        onChange={(value) => onChange({ ...view, granularity: value })}
        testIdPrefix="granularity-"
      />
      <div className="filter-bar__row">
        <div className="form-group">
          <label className="label" htmlFor={`${id}-from`}>
            From
          </label>
          <select
            id={`${id}-from`}
            className="select"
            value={view.from ?? ''}
            onChange={(e) => onChange({ ...view, from: e.target.value || undefined })}
            data-testid="range-from"
          >
            <option value="">The start of the data</option>
            {years.map((y) => (
              <option key={y} value={`${y}-04-01`}>
                April {y} ({financialYearLabel(y)})
              </option>
            ))}
          </select>
        </div>
        <div className="form-group">
          <label className="label" htmlFor={`${id}-to`}>
            To
          </label>
          <select
            id={`${id}-to`}
            className="select"
            value={view.to ?? ''}
            onChange={(e) => onChange({ ...view, to: e.target.value || undefined })}
            data-testid="range-to"
          >
            <option value="">The report date</option>
            {years.map((y) => (
              <option key={y} value={`${y + 1}-03-31`}>
                March {y + 1} ({financialYearLabel(y)})
              </option>
            ))}
          </select>
        </div>
        {dimensions.map((d) => (
          <div className="form-group" key={d}>
            <label className="label" htmlFor={`${id}-${d}`}>
              {DIMENSION_LABELS[d]}
            </label>
            <select
              id={`${id}-${d}`}
              className="select"
              value={view.filters[d]?.[0] ?? ''}
              onChange={(e) => setFilter(d, e.target.value)}
              data-testid={`filter-${d}`}
            >
              <option value="">All</option>
              {/* On a large extract the lists come from tables built a moment after the first charts. */}
              {values.data === undefined && (
                <option value="" disabled>
                  Listing the values…
                </option>
              )}
              {(values.data?.[d] ?? view.filters[d] ?? []).map((v) => (
                <option key={v} value={v}>
                  {dimensionValueLabel(d, v)}
                </option>
              ))}
            </select>
          </div>
        ))}
      </div>
      {active.length > 0 && (
        <div className="active-filters" data-testid="active-filters">
          <h3 className="heading-s">Filtered by</h3>
          <ul className="active-filters__list">
            {active.map(([d, v]) => (
              <li key={`${d}:${v}`}>
                <button
                  type="button"
                  className="filter-tag"
                  onClick={() => setFilter(d, '')}
                  data-testid={`clear-filter-${d}`}
                >
                  <span className="visually-hidden">Remove filter </span>
                  {DIMENSION_LABELS[d]}: {dimensionValueLabel(d, v)} <span aria-hidden="true">×</span>
                </button>
              </li>
            ))}
            {active.length > 1 && (
              <li>
                <button
                  type="button"
                  className="link-button"
                  onClick={() => onChange({ ...view, filters: {} })}
                  data-testid="clear-all-filters"
                >
                  Clear all filters
                </button>
              </li>
            )}
          </ul>
        </div>
      )}
    </section>
  );
}
