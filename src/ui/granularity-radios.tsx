import { useId } from 'react';
import { GRANULARITY_LABELS, type Granularity } from '../indicators/periods';

/** A GOV.UK radio group to choose how figures are grouped in time. */
export function GranularityRadios({
  legend,
  choices,
  value,
  onChange,
  testIdPrefix,
}: {
  legend: string;
  choices: readonly Granularity[];
  value: Granularity;
  onChange: (value: Granularity) => void;
  testIdPrefix: string;
}) {
  const name = useId();
  return (
    <fieldset className="fieldset">
      <legend className="fieldset__legend">{legend}</legend>
      <div className="radios">
        {choices.map((choice) => (
          <label key={choice} className="radio">
            <input
              type="radio"
              name={name}
              value={choice}
              checked={value === choice}
              onChange={() => onChange(choice)}
              data-testid={`${testIdPrefix}${choice}`}
            />
            <span>{GRANULARITY_LABELS[choice]}</span>
          </label>
        ))}
      </div>
    </fieldset>
  );
}
