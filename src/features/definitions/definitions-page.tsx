import { type FormEvent, useId, useState } from 'react';
import { findDataset } from '../../datasets/registry';
import { BANK_HOLIDAYS_ENGLAND_WALES, FIRST_CALENDAR_YEAR, LAST_CALENDAR_YEAR } from '../../indicators/bank-holidays';
import { DIMENSION_LABELS, type IndicatorDefinition, type PeriodRule } from '../../indicators/indicator-definition';
import { minDenominatorFor as minDenominatorOf } from '../../indicators/indicator-spc';
import { formatUkDate, ukOrIsoDate } from '../../indicators/periods';
import { FAMILIES } from '../../indicators/registry';
import { type IndicatorSettings, indicatorSettingsSchema, SETTING_DESCRIPTIONS } from '../../indicators/settings';
import { useChartNotes } from '../../session/chart-notes';
import { useIndicatorSettings } from '../../session/indicator-settings';
import { TargetField } from './target-field';
import { TargetImport } from './target-import';

const PERIOD_RULES: Record<PeriodRule, string> = {
  event_in_period: 'Counts events dated in the period',
  stock_at_period_end: 'A snapshot on the last day of the period (or the report date)',
  lagged_cohort: 'A cohort from the period, followed up afterwards: recent periods appear once the follow-up is over',
};

const DIRECTIONS = { up: 'Higher is better', down: 'Lower is better', neutral: 'Neither: read in context' } as const;
const UNITS = { count: 'A count', percent: 'A percentage', days: 'Days', score: 'Points on a rating scale' } as const;

function settingValue(settings: IndicatorSettings, key: keyof IndicatorSettings): string {
  const value = settings[key];
  if (key === 'reportDate') return value ? formatUkDate(value as string) : 'the latest date in the data';
  if (key === 'closureDays')
    return (value as string[]).length ? (value as string[]).map(formatUkDate).join(', ') : 'none';
  return String(value);
}

function Definition({ indicator, settings }: { indicator: IndicatorDefinition; settings: IndicatorSettings }) {
  return (
    <section className="definition" data-testid={`definition-${indicator.id}`} id={`definition-${indicator.id}`}>
      <h3 className="heading-m">
        <span className="indicator-id">{indicator.id}</span> {indicator.title}
      </h3>
      <p>{indicator.definition}</p>
      <dl className="summary-list">
        <div>
          <dt>Numerator</dt>
          <dd>{indicator.numerator}</dd>
        </div>
        {indicator.denominator && (
          <div>
            <dt>Denominator</dt>
            <dd>{indicator.denominator}</dd>
          </div>
        )}
        <div>
          <dt>Shown as</dt>
          <dd>{UNITS[indicator.unit]}</dd>
        </div>
        <div>
          <dt>Period rule</dt>
          <dd>
            {PERIOD_RULES[indicator.periodRule]}
            {indicator.academicYear ? '; by academic year (September–August) when years are chosen' : ''}
          </dd>
        </div>
        <div>
          <dt>Direction of good</dt>
          <dd>
            {indicator.directionNote.startsWith(DIRECTIONS[indicator.direction])
              ? indicator.directionNote
              : `${DIRECTIONS[indicator.direction]}. ${indicator.directionNote}`}
          </dd>
        </div>
        <div>
          <dt>Needs</dt>
          <dd>
            {indicator.datasets.map((id) => findDataset(id)?.fileName ?? id).join(', ')}
            {indicator.optionalDatasets?.length
              ? ` (and uses ${indicator.optionalDatasets.map((id) => findDataset(id)?.fileName ?? id).join(', ')} if loaded)`
              : ''}
          </dd>
        </div>
        <div>
          <dt>Breakdowns</dt>
          <dd>
            {indicator.breakdowns.length ? indicator.breakdowns.map((d) => DIMENSION_LABELS[d]).join(', ') : 'None'}
          </dd>
        </div>
        {indicator.settings?.length ? (
          <div>
            <dt>Local settings</dt>
            <dd>
              {indicator.settings.map((key) => `${SETTING_LABELS[key]}: ${settingValue(settings, key)}`).join('; ')}
            </dd>
          </div>
        ) : null}
        {indicator.denominator && (
          <div>
            <dt>Small numbers</dt>
            <dd>
              <MinDenominatorField indicator={indicator} />
              <FixAfterField indicator={indicator} />
            </dd>
          </div>
        )}
        <div>
          <dt>Target</dt>
          <dd>
            <TargetField indicator={indicator} />
          </dd>
        </div>
        {indicator.warmUp && (
          <div data-testid={`warm-up-${indicator.id}`}>
            <dt>At the start of the data</dt>
            <dd>
              Periods ending in the first{' '}
              {indicator.warmUp.months === 'trCoverageMonths'
                ? `${settings.trCoverageMonths} months (the coverage window set above)`
                : `${indicator.warmUp.months} months`}{' '}
              of the data are drawn but not judged: no variation or assurance icon, and no part in the mean or the
              limits. {indicator.warmUp.reason}
            </dd>
          </div>
        )}
        {indicator.published && (
          <div data-testid={`published-pair-${indicator.id}`}>
            <dt>Beside the DfE’s figures</dt>
            <dd>
              Set beside the DfE’s published “{indicator.published.label}” when its file is loaded on the Published
              statistics page. {indicator.published.note}
            </dd>
          </div>
        )}
        {indicator.caveat && (
          <div>
            <dt>Caveat</dt>
            <dd>{indicator.caveat}</dd>
          </div>
        )}
      </dl>
    </section>
  );
}

/** The fewest cases a period needs for process limits and comparisons: the definition's, or the user's own. */
function MinDenominatorField({ indicator }: { indicator: IndicatorDefinition }) {
  const { minDenominatorFor, setMinDenominator } = useChartNotes();
  const own = minDenominatorFor(indicator.id);
  const standard = minDenominatorOf(indicator) ?? 10;
  const [text, setText] = useState(String(own ?? standard));
  const id = useId();
  const save = (event: FormEvent) => {
    event.preventDefault();
    const n = Number(text);
    if (Number.isInteger(n) && n >= 1 && n <= 100_000) setMinDenominator(indicator.id, n === standard ? null : n);
  };
  return (
    <form className="inline-form" onSubmit={save}>
      <label htmlFor={id}>
        Process limits and comparisons need at least{' '}
        <input
          id={id}
          className="input input--width-4"
          inputMode="numeric"
          value={text}
          onChange={(e) => setText(e.target.value)}
          data-testid={`min-denominator-${indicator.id}`}
        />{' '}
        cases a period (standard {standard}); below that the chart is a run chart and changes are “too few to compare”.
      </label>{' '}
      <button type="submit" className="button button--secondary button--small">
        Save
      </button>
    </form>
  );
}

/**
 * Process limits fixed after a baseline (NHSRplotthedots' fix_after_n_points): the first N points of each
 * phase give the mean and limits, and later points are judged against them. Blank: every point counts.
 */
function FixAfterField({ indicator }: { indicator: IndicatorDefinition }) {
  const { fixAfterFor, setFixAfter } = useChartNotes();
  const own = fixAfterFor(indicator.id);
  const [text, setText] = useState(own === null ? '' : String(own));
  const [error, setError] = useState<string | null>(null);
  const id = useId();
  const save = (event: FormEvent) => {
    event.preventDefault();
    if (text.trim() === '') {
      setFixAfter(indicator.id, null);
      return setError(null);
    }
    const n = Number(text);
    if (!Number.isInteger(n) || n < 2 || n > 1000)
      return setError('Enter a whole number of points from 2 to 1,000, or leave it blank.');
    setFixAfter(indicator.id, n);
    setError(null);
  };
  return (
    <form className="inline-form" onSubmit={save}>
      <label htmlFor={id}>
        Fix the process limits after the first{' '}
        <input
          id={id}
          className="input input--width-4"
          inputMode="numeric"
          value={text}
          onChange={(e) => setText(e.target.value)}
          aria-describedby={error ? `${id}-error` : undefined}
          data-testid={`fix-after-${indicator.id}`}
        />{' '}
        points (a baseline; later points are judged against it). Blank: every point counts.
      </label>{' '}
      <button type="submit" className="button button--secondary button--small">
        Save
      </button>
      {error && (
        <p className="error-text" id={`${id}-error`} role="alert">
          {error}
        </p>
      )}
    </form>
  );
}

const SETTING_LABELS: Record<keyof IndicatorSettings, string> = {
  reportDate: 'Report date',
  ehStartStandardWorkingDays: 'Early help start standard (working days)',
  ehReReferralDays: 'Early help re-referral window (days)',
  trCoverageMonths: 'Training coverage window (months)',
  trFollowUpMinDays: 'Follow-up evaluation: earliest (days after the course)',
  trFollowUpEventAgeDays: 'Follow-up evaluation: courses at least this old (days)',
  prNotificationWorkingDays: 'Notification standard (working days)',
  prRapidReviewWorkingDays: 'Rapid review standard (working days)',
  prLcsprMonths: 'Local review standard (months)',
  cpContactReferralDays: 'Contact to referral window (days)',
  cpVisitStandardWorkingDays: 'Child protection visit standard (working days)',
  cpStepFromEarlyHelpDays: 'Early help to child protection window (days)',
  closureDays: 'Local closure days',
};

const NUMBER_SETTINGS = [
  'ehStartStandardWorkingDays',
  'ehReReferralDays',
  'trCoverageMonths',
  'trFollowUpMinDays',
  'trFollowUpEventAgeDays',
  'prNotificationWorkingDays',
  'prRapidReviewWorkingDays',
  'prLcsprMonths',
  'cpContactReferralDays',
  'cpVisitStandardWorkingDays',
  'cpStepFromEarlyHelpDays',
] as const;

function SettingsForm() {
  const { settings, saveSettings } = useIndicatorSettings();
  const [draft, setDraft] = useState(() => ({
    ...Object.fromEntries(NUMBER_SETTINGS.map((k) => [k, String(settings[k])])),
    reportDate: settings.reportDate ? formatUkDate(settings.reportDate) : '',
    closureDays: settings.closureDays.map(formatUkDate).join('\n'),
  }));
  const [errors, setErrors] = useState<string[]>([]);
  const [saved, setSaved] = useState(false);
  const formId = useId();

  const submit = (event: FormEvent) => {
    event.preventDefault();
    const problems: string[] = [];
    const reportDate = draft.reportDate.trim() ? ukOrIsoDate(draft.reportDate) : null;
    if (draft.reportDate.trim() && !reportDate) problems.push('Report date must be a date like 31/03/2025, or empty.');
    const closureLines = draft.closureDays
      .split(/[\n,]+/)
      .map((l) => l.trim())
      .filter(Boolean);
    const closureDays = closureLines.map((line) => ukOrIsoDate(line));
    closureLines.forEach((line, i) => {
      if (!closureDays[i]) problems.push(`“${line}” is not a date like 27/12/2024.`);
    });
    const candidate = {
      ...Object.fromEntries(NUMBER_SETTINGS.map((k) => [k, Number(draft[k as keyof typeof draft])])),
      reportDate,
      closureDays: closureDays.filter((d): d is string => d !== null),
    };
    const parsed = indicatorSettingsSchema.safeParse(candidate);
    if (!parsed.success) {
      for (const issue of parsed.error.issues) {
        const key = issue.path[0] as keyof IndicatorSettings;
        problems.push(`${SETTING_LABELS[key] ?? String(key)}: enter a whole number in range.`);
      }
    }
    setErrors(problems);
    setSaved(false);
    if (problems.length === 0 && parsed.success) {
      saveSettings(parsed.data);
      setSaved(true);
    }
  };

  return (
    <form onSubmit={submit} aria-labelledby={`${formId}-h`} noValidate data-testid="settings-form">
      <h2 className="heading-l" id={`${formId}-h`}>
        Local settings
      </h2>
      <p>
        The standards some indicators measure against. The defaults are common practice; change them to your
        partnership’s own. They are saved in this browser (they are not data) and every figure is worked out again.
      </p>
      {errors.length > 0 && (
        <div className="error-summary" role="alert" data-testid="settings-errors">
          <h3 className="heading-s">There is a problem</h3>
          <ul>
            {errors.map((e) => (
              <li key={e}>{e}</li>
            ))}
          </ul>
        </div>
      )}
      <div className="form-group">
        <label className="label" htmlFor={`${formId}-reportDate`}>
          {SETTING_LABELS.reportDate}
        </label>
        <p className="hint" id={`${formId}-reportDate-hint`}>
          {SETTING_DESCRIPTIONS.reportDate} For example 31/03/2025. Leave empty for the default.
        </p>
        <input
          id={`${formId}-reportDate`}
          className="input input--width-10"
          aria-describedby={`${formId}-reportDate-hint`}
          value={draft.reportDate}
          onChange={(e) => setDraft({ ...draft, reportDate: e.target.value })}
          data-testid="setting-reportDate"
        />
      </div>
      {NUMBER_SETTINGS.map((key) => (
        <div className="form-group" key={key}>
          <label className="label" htmlFor={`${formId}-${key}`}>
            {SETTING_LABELS[key]}
          </label>
          <p className="hint" id={`${formId}-${key}-hint`}>
            {SETTING_DESCRIPTIONS[key]}
          </p>
          <input
            id={`${formId}-${key}`}
            className="input input--width-4"
            inputMode="numeric"
            aria-describedby={`${formId}-${key}-hint`}
            value={draft[key as keyof typeof draft]}
            onChange={(e) => setDraft({ ...draft, [key]: e.target.value })}
            data-testid={`setting-${key}`}
          />
        </div>
      ))}
      <div className="form-group">
        <label className="label" htmlFor={`${formId}-closureDays`}>
          {SETTING_LABELS.closureDays}
        </label>
        <p className="hint" id={`${formId}-closureDays-hint`}>
          {SETTING_DESCRIPTIONS.closureDays} One date per line, like 27/12/2024.
        </p>
        <textarea
          id={`${formId}-closureDays`}
          className="textarea"
          rows={4}
          aria-describedby={`${formId}-closureDays-hint`}
          value={draft.closureDays}
          onChange={(e) => setDraft({ ...draft, closureDays: e.target.value })}
          data-testid="setting-closureDays"
        />
      </div>
      <button type="submit" className="button" data-testid="save-settings">
        Save settings
      </button>
      {saved && (
        <p role="status" className="hint">
          Saved. Every figure now uses these settings.
        </p>
      )}
    </form>
  );
}

/** Every indicator with its definition, readable by a board member, and the settings behind them. */
export function DefinitionsPage() {
  const { settings } = useIndicatorSettings();
  return (
    <div>
      <h1 className="heading-xl">Indicator definitions</h1>
      <p className="lead">
        How every figure is counted. The same definitions drive the charts, the exports and the command-line tool, so
        two people loading the same files get the same numbers.
      </p>
      <nav aria-label="Areas on this page">
        <ul className="list">
          {FAMILIES.map((family) => (
            <li key={family.id}>
              <a href={`#definitions-${family.id}`}>{family.title}</a>
            </li>
          ))}
          <li>
            <a href="#definitions-targets">Targets and trajectories</a>
          </li>
          <li>
            <a href="#definitions-settings">Local settings and working days</a>
          </li>
        </ul>
      </nav>
      <TargetImport />
      {FAMILIES.map((family) => (
        <section key={family.id} aria-labelledby={`definitions-${family.id}`}>
          <h2 className="heading-l" id={`definitions-${family.id}`}>
            {family.title}
          </h2>
          <p>{family.summary}</p>
          {family.indicators.map((indicator) => (
            <Definition key={indicator.id} indicator={indicator} settings={settings} />
          ))}
        </section>
      ))}
      <section aria-labelledby="definitions-settings">
        <h2 className="heading-l" id="definitions-settings">
          Working days
        </h2>
        <p>
          “Working days” leave out Saturdays, Sundays, England and Wales bank holidays and your local closure days. A
          notification on the Monday after a Monday is 5 working days. The bank holidays for {FIRST_CALENDAR_YEAR} to{' '}
          {LAST_CALENDAR_YEAR} ({BANK_HOLIDAYS_ENGLAND_WALES.length} days) come from GOV.UK’s published list; years not
          yet published follow the usual rules and may change if an extra bank holiday is announced. Outside those years
          only weekends are left out.
        </p>
        <SettingsForm />
      </section>
    </div>
  );
}
