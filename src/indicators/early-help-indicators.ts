import { type IndicatorDefinition, PERIODS_CTE } from './indicator-definition';

export const EH1: IndicatorDefinition = {
  id: 'EH1',
  title: 'Early help assessments started',
  definition:
    'The number of early help episodes whose assessment started in the period. Every episode counts, so a child with two episodes in the period counts twice.',
  numerator: 'Episodes with an assessment start date in the period',
  denominator: null,
  unit: 'count',
  periodRule: 'event_in_period',
  direction: 'neutral',
  directionNote: 'Contextual: more early help usually means wider reach, but demand also drives it.',
  datasets: ['early_help_episodes'],
  sql: `WITH ${PERIODS_CTE},
counts AS (
  SELECT pi_period_start(assessment_start_date, $3::INTEGER) AS period_start, count(*) AS n
  FROM early_help_episodes
  WHERE assessment_start_date BETWEEN pi_period_start($1::DATE, $3::INTEGER) AND $2::DATE
  GROUP BY 1
)
SELECT p.period_start, p.period_end, p.effective_end,
       coalesce(c.n, 0)::DOUBLE AS numerator, NULL::DOUBLE AS denominator, coalesce(c.n, 0)::DOUBLE AS value
FROM periods p LEFT JOIN counts c USING (period_start)
ORDER BY p.period_start`,
};

export const EH2: IndicatorDefinition = {
  id: 'EH2',
  title: 'Early help episodes open at period end',
  definition:
    'The number of early help episodes open on the last day of the period: the assessment started on or before that day and the episode had not ended by it (an episode ending on the last day is closed). For the latest, unfinished period the report date is used.',
  numerator: 'Episodes with start ≤ period end and (no end date, or end date > period end)',
  denominator: null,
  unit: 'count',
  periodRule: 'stock_at_period_end',
  direction: 'neutral',
  directionNote: 'Contextual: a rising caseload can mean more reach or slower closure.',
  datasets: ['early_help_episodes'],
  // Open at the end of period p = open before the first period + starts − ends in every period up to p.
  sql: `WITH ${PERIODS_CTE},
first AS (SELECT min(period_start) AS first_start FROM periods),
baseline AS (
  SELECT count(*) AS n FROM early_help_episodes, first
  WHERE assessment_start_date < first_start AND (episode_end_date IS NULL OR episode_end_date >= first_start)
),
changes AS (
  SELECT pi_period_start(assessment_start_date, $3::INTEGER) AS period_start, count(*) AS delta
  FROM early_help_episodes, first
  WHERE assessment_start_date BETWEEN first_start AND $2::DATE
  GROUP BY 1
  UNION ALL
  SELECT pi_period_start(episode_end_date, $3::INTEGER), -count(*)
  FROM early_help_episodes, first
  WHERE episode_end_date BETWEEN first_start AND $2::DATE
  GROUP BY 1
),
per_period AS (SELECT period_start, sum(delta) AS delta FROM changes GROUP BY 1)
SELECT p.period_start, p.period_end, p.effective_end,
       ((SELECT n FROM baseline) + sum(coalesce(c.delta, 0)) OVER (ORDER BY p.period_start))::DOUBLE AS numerator,
       NULL::DOUBLE AS denominator,
       ((SELECT n FROM baseline) + sum(coalesce(c.delta, 0)) OVER (ORDER BY p.period_start))::DOUBLE AS value
FROM periods p LEFT JOIN per_period c USING (period_start)
ORDER BY p.period_start`,
};
