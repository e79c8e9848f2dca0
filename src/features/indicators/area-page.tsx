import { areaTestId, splitFilters, type View } from '../../app/routes';
import { findDataset } from '../../datasets/registry';
import { dimensionValueLabel } from '../../indicators/dimension-values';
import type { Dimension, IndicatorFamily } from '../../indicators/indicator-definition';
import { buildPeriods, formatUkDate } from '../../indicators/periods';
import { cycleEnd } from '../../indicators/profile-cycle';
import { PROFILES, type ProfileDefinition } from '../../indicators/profiles';
import { getFamily, getIndicator } from '../../indicators/registry';
import type { IndicatorQuery } from '../../indicators/run-indicator';
import { usePreparedIndicators } from '../../session/indicator-settings';
import { AddressNote } from '../../ui/address-note';
import { BreakdownPanel } from './breakdown-panel';
import { FilterBar } from './filter-bar';
import { IndicatorPanel } from './indicator-panel';
import { PrintHeader } from './print-header';
import { ProfilePanel } from './profile-panel';
import { ReviewTimelinePanel } from './review-timeline-panel';
import { useDimensionValues } from './use-dimension-values';

/**
 * What a profile covers on an area page: the page's periods, or — for a table by category of returns
 * that come in yearly cycles — one cycle: the one chosen with "to", else the last complete one.
 */
function profileScope(
  profile: ProfileDefinition,
  query: IndicatorQuery,
  view: View,
  state: { first: string | null; reportDate: string | null },
): { query: IndicatorQuery; coverage?: string } {
  if (profile.rows !== 'categories' || !getFamily(profile.family).yearlyCycle || !state.reportDate) return { query };
  const chosen = view.to && view.to < state.reportDate ? view.to : undefined;
  const end = chosen ?? cycleEnd(profile, state.reportDate, state.first);
  const period = buildPeriods('year', end, state.reportDate)[0];
  const which = chosen
    ? period?.partial
      ? 'the year chosen, to date: it is not complete'
      : 'the year chosen'
    : period?.partial
      ? 'to date: no cycle is complete yet'
      : 'the last complete cycle';
  return {
    query: { granularity: 'year', from: end, to: end, filters: query.filters },
    coverage: `${period?.label ?? ''} (${which}). Choose an earlier “to” period above to see another cycle.`,
  };
}

/** One statutory area: every indicator of its family, over the loaded data, for the view in the address. */
export function AreaPage({
  familyId,
  view: addressView,
  onViewChange,
}: {
  familyId: IndicatorFamily;
  view: View;
  onViewChange: (view: View) => void;
}) {
  const family = getFamily(familyId);
  const prepared = usePreparedIndicators();
  const dimensions = [...new Set(family.indicators.flatMap((i) => i.breakdowns))];
  const known = useDimensionValues(family.id, dimensions, prepared.data);
  const granularity = addressView.granularity ?? family.defaultGranularity;

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
  // Filter values the data does not have (an edited link) are left out, and the page says so.
  const { applied, unknown } = splitFilters(addressView.filters, known.data);
  const view: View = { ...addressView, filters: applied };
  const query = { granularity, from: view.from, to: view.to, filters: view.filters };
  const comparison = family.comparison;
  const compared = getIndicator(comparison.indicator);
  const comparedLoaded = compared.datasets.every((id) => prepared.data.datasetRows[id]);

  return (
    <section aria-labelledby={`area-${familyId}-heading`} className="indicators" data-testid={areaTestId(familyId)}>
      <h1 id={`area-${familyId}-heading`} className="heading-xl">
        {family.title}
      </h1>
      <p className="lead">{family.summary}</p>
      <AddressNote ignored={addressView.ignored} unknown={unknown} />
      {!state.reportDate || !state.first ? (
        <div className="inset-text" data-testid="area-empty">
          <p>No {family.title.toLowerCase()} data is loaded yet.</p>
          <p>
            This area needs{' '}
            {datasets.map((id, i) => (
              <span key={id}>
                {i > 0 ? ', ' : ''}
                <strong>{findDataset(id)?.fileName ?? id}</strong>
              </span>
            ))}
            . <a href="#/templates">See the templates</a> for the columns, or go to <a href="#/">Data</a> to load files
            or try the sample data.
          </p>
        </div>
      ) : (
        <>
          <PrintHeader
            prepared={prepared.data}
            view={view}
            granularity={granularity}
            first={state.first}
            last={state.reportDate}
          />
          <p className="as-at" data-testid="as-at">
            Figures as at <strong>{formatUkDate(state.reportDate)}</strong>
            {prepared.data.settings.reportDate
              ? ' (the report date set on the Definitions page)'
              : ' (the latest date in this area’s data)'}
            ; data from {formatUkDate(state.first)} to {formatUkDate(state.last ?? state.reportDate)}. A period still
            running at that date is drawn hollow and never summed up as if it were whole.
          </p>
          {missing.length > 0 && (
            <p className="hint">
              Loaded: {loaded.map((id) => findDataset(id)?.fileName ?? id).join(', ')}. Some indicators also need{' '}
              {missing.map((id) => findDataset(id)?.fileName ?? id).join(', ')}.
            </p>
          )}
          <FilterBar
            view={view}
            granularity={granularity}
            dimensions={dimensions}
            family={family.id}
            prepared={prepared.data}
            first={state.first}
            last={state.reportDate}
            onChange={onViewChange}
          />
          <div className="indicator-grid">
            {comparedLoaded && (
              <BreakdownPanel
                indicator={compared}
                dimension={comparison.dimension}
                prepared={prepared.data}
                query={query}
                selected={view.filters[comparison.dimension]?.[0]}
                onSelect={(value) => {
                  const filters = { ...view.filters };
                  if (value === undefined) delete filters[comparison.dimension];
                  else filters[comparison.dimension] = [value];
                  onViewChange({ ...view, filters });
                }}
              />
            )}
            {PROFILES.filter((p) => p.family === familyId).map((profile) => (
              <ProfilePanel
                key={profile.id}
                profile={profile}
                prepared={prepared.data}
                {...profileScope(profile, query, view, state)}
                selected={view.filters}
                onFilter={(dimension, value) => {
                  const filters = { ...view.filters };
                  if (value === undefined) delete filters[dimension];
                  else filters[dimension] = [value];
                  onViewChange({ ...view, filters });
                }}
              />
            ))}
            {familyId === 'reviews' && (
              <ReviewTimelinePanel
                prepared={prepared.data}
                from={view.from ?? state.first}
                to={view.to && view.to < state.reportDate ? view.to : state.reportDate}
              />
            )}
            {family.indicators.map((indicator) => (
              <IndicatorPanel key={indicator.id} indicator={indicator} prepared={prepared.data} query={query} />
            ))}
          </div>
          {Object.keys(view.filters).length > 0 && (
            <p className="hint" data-testid="filter-note">
              Filtered by{' '}
              {Object.entries(view.filters)
                .flatMap(([d, values]) => (values ?? []).map((v) => dimensionValueLabel(d as Dimension, v)))
                .join(', ')}
              .
            </p>
          )}
        </>
      )}
    </section>
  );
}
