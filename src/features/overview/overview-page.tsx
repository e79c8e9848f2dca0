import { useQuery } from '@tanstack/react-query';
import { type FormEvent, useId, useState } from 'react';
import { hashOf, type View } from '../../app/routes';
import { Sparkline } from '../../charts/sparkline';
import { AssuranceIcon, VariationIcon } from '../../charts/spc-chart';
import { headlinePoints, headlineQuery } from '../../indicators/headline';
import { runIndicatorBatched } from '../../indicators/indicator-batcher';
import type { IndicatorDefinition } from '../../indicators/indicator-definition';
import { indicatorSpc, warmUpOf } from '../../indicators/indicator-spc';
import {
  addMonths,
  buildPeriods,
  formatUkDate,
  type Granularity,
  lastCompleteEnd,
  PERIOD_NOUNS,
} from '../../indicators/periods';
import type { PreparedState } from '../../indicators/prepare-indicators';
import { FAMILIES } from '../../indicators/registry';
import { effectiveGranularity } from '../../indicators/run-indicator';
import { targetNumber } from '../../indicators/target-csv';
import { describeTarget, isTrajectory, sameTarget, type TargetSpec, targetAt } from '../../indicators/trajectory';
import { useEngine } from '../../session/app-data';
import { useChartNotes } from '../../session/chart-notes';
import { usePreparedFor, usePreparedIndicators } from '../../session/indicator-settings';
import { useTargets } from '../../session/targets';
import { countText, describeChange, formatValue } from '../../shared/format';
import { AddressNote } from '../../ui/address-note';
import { GranularityRadios } from '../../ui/granularity-radios';
import { SpcIconKey } from '../../ui/spc-icon-key';
import { type Rag, ragAgainstTarget } from './rag';

const CHOICES: Granularity[] = ['month', 'quarter', 'year'];
const PERIODS_PER_YEAR: Partial<Record<Granularity, number>> = { month: 12, quarter: 4, year: 1, academic_year: 1 };

/** The last twelve complete periods before a date, newest first (for the period list). */
function recentPeriods(granularity: Granularity, reportDate: string): { end: string; label: string }[] {
  if (!reportDate) return [];
  const end = lastCompleteEnd(granularity, reportDate);
  const back = granularity === 'month' ? 11 : granularity === 'quarter' ? 33 : 132;
  return buildPeriods(granularity, addMonths(end, -back), end)
    .filter((p) => !p.partial)
    .map((p) => ({ end: p.end, label: p.label }))
    .reverse();
}

const RAG_TEXT: Record<Rag, string> = { green: 'On target', amber: 'Close to target', red: 'Off target' };

function TargetForm({ indicator, target }: { indicator: IndicatorDefinition; target: TargetSpec | null }) {
  const { setTarget } = useTargets();
  const [text, setText] = useState(target === null || isTrajectory(target) ? '' : String(target));
  // A target changed elsewhere (the Definitions page, a pack file): the field shows it.
  const [shown, setShown] = useState<TargetSpec | null>(target);
  if (!sameTarget(shown, target)) {
    setShown(target);
    setText(target === null || isTrajectory(target) ? '' : String(target));
  }
  const [error, setError] = useState<string | null>(null);
  const id = useId();
  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (text.trim() === '') {
      setTarget(indicator.id, null);
      setError(null);
      return;
    }
    const value = targetNumber(text);
    if (value === null) {
      setError('Enter a number, or leave it empty for no target.');
      return;
    }
    setError(null);
    setTarget(indicator.id, value);
  };
  if (isTrajectory(target)) {
    return (
      <p className="hint" data-testid={`trajectory-note-${indicator.id}`}>
        The target is {describeTarget(target, indicator.unit)}. Change it on the{' '}
        <a href={hashOf({ kind: 'definitions' })}>Definitions page</a>.
      </p>
    );
  }
  return (
    <details className="details">
      <summary className="details__summary">{target === null ? 'Set a target' : 'Change the target'}</summary>
      <form onSubmit={submit} className="target-form" noValidate>
        <label className="label" htmlFor={`${id}-target`}>
          Target for {indicator.id}
          {indicator.unit === 'percent' ? ' (%)' : ''}
        </label>
        {error && (
          <p className="error-text" role="alert">
            {error}
          </p>
        )}
        <input
          id={`${id}-target`}
          className="input input--width-4"
          inputMode="decimal"
          value={text}
          onChange={(e) => setText(e.target.value)}
          data-testid={`target-input-${indicator.id}`}
        />{' '}
        <button
          type="submit"
          className="button button--secondary button--small"
          data-testid={`save-target-${indicator.id}`}
        >
          Save target
        </button>
      </form>
    </details>
  );
}

function ScoreCard({
  indicator,
  prepared,
  granularity,
  periodEnding,
}: {
  indicator: IndicatorDefinition;
  prepared: PreparedState;
  granularity: Granularity;
  /** The period chosen (ISO date in it); default the last complete one. */
  periodEnding: string | undefined;
}) {
  const getEngine = useEngine();
  const { targets } = useTargets();
  const target = targets[indicator.id] ?? null;
  const used = effectiveGranularity(indicator, granularity);
  const query = headlineQuery(indicator, prepared, granularity, periodEnding);
  const state = usePreparedFor(indicator, prepared);
  const result = useQuery({
    queryKey: ['scorecard', indicator.id, granularity, query.to, state],
    queryFn: async () => runIndicatorBatched(await getEngine(), state as PreparedState, indicator, query),
    enabled: state !== undefined,
  });
  const data = result.data;
  const all = data?.status === 'ok' ? data.points : [];
  // A lagged cohort's latest periods are not yet followed up: the scorecard shows the latest that is.
  const points = headlinePoints(indicator, all);
  const latest = points.at(-1);
  const perYear = PERIODS_PER_YEAR[used] ?? 1;
  const { changesFor, minDenominatorFor, fixAfterFor } = useChartNotes();
  const spc = indicatorSpc(
    indicator,
    { granularity: used, points },
    {
      target,
      changes: changesFor(indicator.id),
      minDenominator: minDenominatorFor(indicator.id),
      fixAfter: fixAfterFor(indicator.id),
      warmUp: warmUpOf(indicator, prepared),
    },
  );
  const small = spc.minDenominator;
  // The target in force for the period the card shows (a trajectory's step there).
  const targetNow = latest ? targetAt(target, latest.periodEnd) : null;
  const rag = latest && targetNow !== null ? ragAgainstTarget(indicator.direction, latest.value, targetNow) : null;

  return (
    <article
      className="score-card"
      data-indicator-id={indicator.id}
      data-latest-value={latest?.value ?? ''}
      data-period-label={latest?.label ?? ''}
      data-state={
        result.isSuccess ? (data?.status === 'ok' ? 'ready' : 'missing-data') : result.isError ? 'error' : 'loading'
      }
      aria-labelledby={`score-${indicator.id}`}
    >
      <h3 className="heading-s" id={`score-${indicator.id}`}>
        <span className="indicator-id">{indicator.id}</span> {indicator.title}
      </h3>
      {result.isPending && <p role="status">Calculating…</p>}
      {result.isError && (
        <p className="error-text" role="alert">
          Could not be calculated: {result.error.message}
        </p>
      )}
      {data?.status === 'missing_data' && <p className="hint">Needs {data.missingDatasets.join(', ')}.</p>}
      {data?.status === 'ok' && latest && (
        <>
          <p className="score-card__value">
            <span className="score-card__number">{formatValue(latest.value, indicator.unit)}</span>{' '}
            <span className="score-card__period">in {latest.label}</span>
          </p>
          {countText(latest, indicator.unit) && (
            <p className="score-card__count" data-testid={`count-${indicator.id}`}>
              {countText(latest, indicator.unit)}
            </p>
          )}
          {points.length < all.length && (
            <p className="hint">Later periods are still within their 12-month follow-up.</p>
          )}
          <ul className="score-card__changes">
            <li>{describeChange(indicator.unit, latest, points.at(-2), small)}</li>
            <li>Same period last year: {describeChange(indicator.unit, latest, points.at(-1 - perYear), small)}</li>
          </ul>
          <Sparkline
            values={points.slice(-16).map((p) => p.value)}
            label={`${indicator.title}, last ${Math.min(16, points.length)} periods`}
          />
          <div className="spc-icons">
            <VariationIcon
              type={spc.variation}
              unjudged={
                spc.warmUp && spc.points.at(-1)?.excluded
                  ? `Still filling from the start of the data: not judged before ${formatUkDate(spc.warmUp.filledFrom)}`
                  : undefined
              }
            />
            {spc.assurance && <AssuranceIcon type={spc.assurance} />}
          </div>
          {rag && (
            <p className={`rag rag--${rag}`} data-testid={`rag-${indicator.id}`} data-rag={rag}>
              <span className="rag__dot" aria-hidden="true" />
              {RAG_TEXT[rag]} (target {formatValue(targetNow, indicator.unit)})
            </p>
          )}
          {indicator.direction === 'neutral' && target !== null && (
            <p className="hint">No direction of good: the target is shown on the chart only.</p>
          )}
          <p className="score-card__link">
            <a
              href={hashOf(
                { kind: 'area', family: indicator.family },
                // To the period the card shows (a lagged cohort's last followed up, not the last complete).
                { granularity: used, to: latest.periodEnd, filters: {} },
              )}
              data-testid={`card-link-${indicator.id}`}
            >
              {indicator.id} by {PERIOD_NOUNS[used].one}, to {latest.label}
              <span className="visually-hidden">: the chart and its periods</span>
            </a>
          </p>
          <TargetForm indicator={indicator} target={target} />
        </>
      )}
    </article>
  );
}

/** The overview scorecard: every headline indicator for the last complete period, with change and SPC. */
export function OverviewPage({ view, onViewChange }: { view: View; onViewChange: (view: View) => void }) {
  const prepared = usePreparedIndicators();
  const granularity = view.granularity && CHOICES.includes(view.granularity) ? view.granularity : 'quarter';
  const id = useId();
  if (prepared.isPending) return <p role="status">Preparing the figures…</p>;
  if (prepared.isError) {
    return (
      <p className="error-summary" role="alert">
        The figures could not be prepared: {prepared.error.message}
      </p>
    );
  }
  const withData = FAMILIES.filter((f) => prepared.data.families[f.id].reportDate);
  const reportDates = withData.map((f) => prepared.data.families[f.id].reportDate as string);
  const latestReportDate = [...reportDates].sort().at(-1) ?? '';
  const oneDate = new Set(reportDates).size === 1;
  const dateSource = prepared.data.settings.reportDate
    ? 'the report date set on the Definitions page'
    : oneDate
      ? 'the latest date in the data'
      : 'the latest date in each area’s data';
  return (
    <div data-testid="overview">
      <h1 className="heading-xl">Overview</h1>
      <AddressNote ignored={view.ignored} />
      <p className="lead">
        The headline indicators for the last complete period (or the one you choose): how each compares with the period
        before and the same period a year earlier, and whether the change is more than everyday variation (NHS “Making
        Data Count”).
      </p>
      {withData.length > 0 && (
        <p className="as-at" data-testid="as-at">
          {oneDate ? (
            <>
              Figures as at <strong>{formatUkDate(latestReportDate)}</strong> ({dateSource}). Each card shows the last
              period complete by then; a period still running is never shown as if it were whole.
            </>
          ) : (
            <>
              The areas’ data run to different dates ({dateSource}), so each area below is as at its own date. Each card
              shows the last period complete by that date; a period still running is never shown as if it were whole.
            </>
          )}
        </p>
      )}
      {withData.length === 0 ? (
        <div className="inset-text" data-testid="overview-empty">
          <p>Nothing is loaded yet.</p>
          <p>
            Go to <a href="#/">Data</a> to drop your partners’ files, or press “Try with sample data” there to see the
            dashboard with a fictional partnership’s data.
          </p>
        </div>
      ) : (
        <>
          <p className="overview-board-link" data-testid="board-summary-link">
            For the board: the <a href="#/board-pack">board summary and pack</a> (every headline indicator in one table
            with its variation and assurance icons, small numbers suppressed), ready to present, print or save as
            PowerPoint, and the <a href="#/yearly-report">yearly report</a>.
          </p>
          <GranularityRadios
            legend="Compare by"
            choices={CHOICES}
            value={granularity}
            onChange={(value) => onViewChange({ ...view, granularity: value })}
            testIdPrefix="overview-granularity-"
          />
          <div className="form-group">
            <label className="label" htmlFor={`${id}-period`}>
              Period
            </label>
            <select
              id={`${id}-period`}
              className="select"
              value={view.to ?? ''}
              onChange={(e) => onViewChange({ ...view, to: e.target.value || undefined })}
              data-testid="overview-period"
            >
              <option value="">The last complete period</option>
              {recentPeriods(granularity, latestReportDate).map((p) => (
                <option key={p.end} value={p.end}>
                  {p.label}
                </option>
              ))}
            </select>
          </div>
          {FAMILIES.map((family) => {
            const state = prepared.data.families[family.id];
            return (
              <section key={family.id} aria-labelledby={`${id}-${family.id}`} className="overview-area">
                <h2 className="heading-l" id={`${id}-${family.id}`}>
                  <a
                    href={hashOf(
                      { kind: 'area', family: family.id },
                      { granularity: family.yearlyCycle ? 'year' : granularity, to: view.to, filters: {} },
                    )}
                  >
                    {family.title}
                  </a>
                  {state.reportDate && !oneDate && (
                    <span className="as-at-area" data-testid={`as-at-${family.id}`}>
                      {' '}
                      — as at {formatUkDate(state.reportDate)}
                    </span>
                  )}
                </h2>
                {family.yearlyCycle && granularity !== 'year' && state.reportDate && (
                  <p className="hint">These returns come in yearly cycles, so they are compared year on year.</p>
                )}
                {!state.reportDate ? (
                  <p className="hint">No {family.title.toLowerCase()} data is loaded.</p>
                ) : (
                  <div className="score-grid">
                    {family.indicators
                      .filter((i) => i.headline)
                      .map((indicator) => (
                        <ScoreCard
                          key={indicator.id}
                          indicator={indicator}
                          prepared={prepared.data}
                          granularity={family.yearlyCycle ? 'year' : granularity}
                          periodEnding={view.to}
                        />
                      ))}
                  </div>
                )}
              </section>
            );
          })}
          <SpcIconKey />
        </>
      )}
    </div>
  );
}
