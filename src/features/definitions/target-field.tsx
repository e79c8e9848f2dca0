import { type FormEvent, useId, useState } from 'react';
import type { IndicatorDefinition } from '../../indicators/indicator-definition';
import { formatUkDate, ukOrIsoDate } from '../../indicators/periods';
import { targetNumber } from '../../indicators/target-csv';
import {
  describeTarget,
  isTrajectory,
  MAX_TRAJECTORY_STEPS,
  sameTarget,
  sortSteps,
  type TargetSpec,
  type TargetStep,
  targetSpecSchema,
} from '../../indicators/trajectory';
import { useTargets } from '../../session/targets';

type Kind = 'none' | 'value' | 'trajectory';
type StepText = { from: string; value: string };

const KIND_LABELS: Record<Kind, string> = {
  none: 'No target',
  value: 'One value for every period',
  trajectory: 'A trajectory: a value from each date (a planned improvement)',
};

const blankStep = (): StepText => ({ from: '', value: '' });

/** The steps typed, as a trajectory, or the problems with them (row by row, in words). */
function readSteps(rows: readonly StepText[]): { steps: TargetStep[]; problems: string[] } {
  const steps: TargetStep[] = [];
  const problems: string[] = [];
  rows.forEach((row, i) => {
    if (row.from.trim() === '' && row.value.trim() === '') return;
    const from = ukOrIsoDate(row.from);
    const value = targetNumber(row.value);
    if (!from) problems.push(`Step ${i + 1}: enter the date it starts as dd/mm/yyyy.`);
    if (value === null) problems.push(`Step ${i + 1}: enter the target as a number.`);
    if (from && value !== null) {
      if (steps.some((s) => s.from === from)) problems.push(`Step ${i + 1}: another step starts on the same date.`);
      else steps.push({ from, value });
    }
  });
  if (steps.length === 0 && problems.length === 0) problems.push('Enter at least one step: a date and a target.');
  return { steps: sortSteps(steps), problems };
}

const kindOf = (target: TargetSpec | null): Kind =>
  target === null ? 'none' : isTrajectory(target) ? 'trajectory' : 'value';
const valueText = (target: TargetSpec | null) => (target === null || isTrajectory(target) ? '' : String(target));

const initialRows = (target: TargetSpec | null): StepText[] =>
  isTrajectory(target)
    ? sortSteps(target).map((s) => ({ from: formatUkDate(s.from), value: String(s.value) }))
    : [blankStep(), blankStep()];

/**
 * The partnership's target for an indicator, set here: none, one value, or a trajectory (a value from
 * each date, drawn as a stepped line and judged at the latest period). Saved in this browser.
 */
export function TargetField({ indicator }: { indicator: IndicatorDefinition }) {
  const { targets, setTarget } = useTargets();
  const target = Object.hasOwn(targets, indicator.id) ? (targets[indicator.id] ?? null) : null;
  const [kind, setKind] = useState<Kind>(kindOf(target));
  const [value, setValue] = useState(valueText(target));
  const [rows, setRows] = useState<StepText[]>(() => initialRows(target));
  const [problems, setProblems] = useState<string[]>([]);
  // A target changed elsewhere (a CSV, a pack file, the Overview): the form shows it, never the old one.
  const [shown, setShown] = useState<TargetSpec | null>(target);
  if (!sameTarget(shown, target)) {
    setShown(target);
    setKind(kindOf(target));
    setValue(valueText(target));
    setRows(initialRows(target));
  }
  const id = useId();
  const indicatorId = indicator.id;
  const save = (event: FormEvent) => {
    event.preventDefault();
    if (kind === 'none') return apply(null, []);
    if (kind === 'value') {
      const n = targetNumber(value);
      return n === null ? setProblems(['Enter the target as a number.']) : apply(n, []);
    }
    const read = readSteps(rows);
    apply(read.problems.length > 0 ? undefined : read.steps, read.problems);
  };
  const apply = (next: TargetSpec | null | undefined, found: string[]) => {
    // What the store and the pack file take, checked here so nothing saved is refused on reading back.
    const refused = next !== undefined && next !== null && !targetSpecSchema.safeParse(next).success;
    setProblems(refused ? [`Enter targets between −1,000,000,000 and 1,000,000,000.`] : found);
    if (next !== undefined && !refused) setTarget(indicator.id, next);
  };
  const setRow = (i: number, change: Partial<StepText>) =>
    setRows((all) => all.map((row, j) => (j === i ? { ...row, ...change } : row)));
  return (
    <details className="details" data-testid={`target-field-${indicatorId}`}>
      <summary className="details__summary">Target or trajectory</summary>
      <p data-testid={`target-now-${indicatorId}`}>
        {target === null ? 'No target set.' : `The target is ${describeTarget(target, indicator.unit)}.`}
        {indicator.direction === 'neutral' ? ' No direction of good: a target is drawn but not judged.' : ''}
      </p>
      <form onSubmit={save} noValidate>
        {problems.length > 0 && (
          <div className="error-summary" role="alert" data-testid={`target-problems-${indicatorId}`}>
            <ul className="list">
              {problems.map((p) => (
                <li key={p}>{p}</li>
              ))}
            </ul>
          </div>
        )}
        <fieldset className="fieldset">
          <legend className="fieldset__legend" id={`${id}-legend`}>
            Target for {indicatorId}
            {indicator.unit === 'percent' ? ' (%)' : ''}
          </legend>
          <div className="radios">
            {(['none', 'value', 'trajectory'] as const).map((k) => (
              <label key={k} className="radio">
                <input
                  type="radio"
                  name={`${id}-kind`}
                  checked={kind === k}
                  onChange={() => setKind(k)}
                  data-testid={`target-kind-${indicatorId}-${k}`}
                />
                <span>{KIND_LABELS[k]}</span>
              </label>
            ))}
          </div>
        </fieldset>
        {kind === 'value' && (
          <label className="label" htmlFor={`${id}-value`}>
            Target{' '}
            <input
              id={`${id}-value`}
              className="input input--width-4"
              inputMode="decimal"
              value={value}
              onChange={(e) => setValue(e.target.value)}
              data-testid={`target-value-${indicatorId}`}
            />
          </label>
        )}
        {kind === 'trajectory' && (
          <StepRows id={id} indicatorId={indicatorId} rows={rows} setRow={setRow} setRows={setRows} />
        )}
        <button
          type="submit"
          className="button button--secondary button--small"
          data-testid={`save-target-def-${indicatorId}`}
        >
          Save target
        </button>
      </form>
    </details>
  );
}

function StepRows({
  id,
  indicatorId,
  rows,
  setRow,
  setRows,
}: {
  id: string;
  indicatorId: string;
  rows: StepText[];
  setRow: (i: number, change: Partial<StepText>) => void;
  setRows: (update: (rows: StepText[]) => StepText[]) => void;
}) {
  return (
    <table className="table table--compact">
      <caption className="visually-hidden">Steps of the trajectory: each target holds from its date</caption>
      <thead>
        <tr>
          <th scope="col">From (dd/mm/yyyy)</th>
          <th scope="col">Target</th>
          <th scope="col">
            <span className="visually-hidden">Remove</span>
          </th>
        </tr>
      </thead>
      <tbody>
        {rows.map((row, i) => (
          // biome-ignore lint/suspicious/noArrayIndexKey: rows are positions in a list being typed
          <tr key={i}>
            <td>
              <input
                className="input input--width-10"
                aria-label={`Step ${i + 1}: from (dd/mm/yyyy)`}
                value={row.from}
                onChange={(e) => setRow(i, { from: e.target.value })}
                data-testid={`step-from-${indicatorId}-${i}`}
              />
            </td>
            <td>
              <input
                className="input input--width-4"
                inputMode="decimal"
                aria-label={`Step ${i + 1}: target`}
                value={row.value}
                onChange={(e) => setRow(i, { value: e.target.value })}
                data-testid={`step-value-${indicatorId}-${i}`}
              />
            </td>
            <td>
              <button
                type="button"
                className="button button--secondary button--small"
                onClick={() => {
                  setRows((all) => all.filter((_, j) => j !== i));
                  // The button goes with its row: focus moves on to "Add a step", never to the page.
                  document.getElementById(`${id}-add`)?.focus();
                }}
                aria-label={`Remove step ${i + 1}`}
              >
                Remove
              </button>
            </td>
          </tr>
        ))}
      </tbody>
      <tfoot>
        <tr>
          <td colSpan={3}>
            <button
              type="button"
              id={`${id}-add`}
              className="button button--secondary button--small"
              onClick={() => setRows((all) => (all.length < MAX_TRAJECTORY_STEPS ? [...all, blankStep()] : all))}
              disabled={rows.length >= MAX_TRAJECTORY_STEPS}
              data-testid={`add-step-${indicatorId}`}
            >
              Add a step
            </button>
            {rows.length >= MAX_TRAJECTORY_STEPS && (
              <span className="hint"> A trajectory has at most {MAX_TRAJECTORY_STEPS} steps.</span>
            )}
          </td>
        </tr>
      </tfoot>
    </table>
  );
}
