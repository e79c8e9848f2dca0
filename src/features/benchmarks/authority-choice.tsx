import { useId } from 'react';
import type { Authority } from '../../benchmarks/published-store';

/** Neighbours chosen by hand: when there is no neighbour file, or to compare with other authorities. */
export function NeighbourPicker({
  authorities,
  la,
  chosen,
  onChange,
}: {
  authorities: readonly Authority[];
  la: string;
  chosen: readonly string[];
  onChange: (codes: string[]) => void;
}) {
  const codeOf = (a: Authority) => a.new_la_code || a.old_la_code || '';
  const others = authorities.filter((a) => a.old_la_code !== la && a.new_la_code !== la);
  return (
    <details className="details" data-testid="neighbour-picker">
      <summary className="details__summary">Choose neighbours by hand ({chosen.length} chosen)</summary>
      <div className="details__text">
        <p className="hint">
          When any are chosen they are used instead of the neighbour file’s. The DfE’s statistical neighbours are the
          usual comparison; choose by hand only with a reason (say so when presenting).
        </p>
        <fieldset className="fieldset neighbour-list">
          <legend className="visually-hidden">Neighbours</legend>
          {others.map((a) => {
            const code = codeOf(a);
            return (
              <label key={`${a.la_name}-${code}`} className="checkbox-label">
                <input
                  type="checkbox"
                  checked={chosen.includes(code)}
                  onChange={(e) => onChange(e.target.checked ? [...chosen, code] : chosen.filter((c) => c !== code))}
                />{' '}
                {a.la_name}
              </label>
            );
          })}
        </fieldset>
        {chosen.length > 0 && (
          <button type="button" className="link-button" onClick={() => onChange([])}>
            Use the neighbour file’s again
          </button>
        )}
      </div>
    </details>
  );
}

export function AuthorityPicker({
  authorities,
  la,
  onChange,
}: {
  authorities: readonly Authority[];
  la: string | undefined;
  onChange: (code: string) => void;
}) {
  const id = useId();
  return (
    <div className="form-group">
      <label className="label" htmlFor={id}>
        Our local authority
      </label>
      <p className="hint">Chosen from the authorities in the files loaded; saved in this browser.</p>
      <select
        id={id}
        className="select"
        value={la ?? ''}
        onChange={(e) => onChange(e.target.value)}
        data-testid="benchmark-la"
      >
        <option value="">Choose…</option>
        {authorities.map((a) => {
          const code = a.new_la_code || a.old_la_code || '';
          return (
            <option key={`${a.la_name}-${code}`} value={code}>
              {a.la_name} ({[a.old_la_code, a.new_la_code].filter(Boolean).join(', ')})
            </option>
          );
        })}
      </select>
    </div>
  );
}

/** Another authority the partnership covers: added to the page after ours, each with its own comparison. */
export function OtherAuthorities({
  authorities,
  others,
  exclude,
  onChange,
}: {
  authorities: readonly Authority[];
  others: readonly string[];
  exclude: string | undefined;
  onChange: (codes: string[]) => void;
}) {
  const id = useId();
  const codeOf = (a: Authority) => a.new_la_code || a.old_la_code || '';
  const addable = authorities.filter((a) => codeOf(a) !== exclude && !others.includes(codeOf(a)));
  return (
    <div className="form-group">
      <label className="label" htmlFor={id}>
        Another local authority the partnership covers
      </label>
      <select
        id={id}
        className="select"
        value=""
        onChange={(e) => e.target.value && onChange([...others, e.target.value])}
        data-testid="benchmark-other-la"
      >
        <option value="">Add…</option>
        {addable.map((a) => (
          <option key={`${a.la_name}-${codeOf(a)}`} value={codeOf(a)}>
            {a.la_name}
          </option>
        ))}
      </select>
      {others.length > 0 && (
        <ul className="list">
          {others.map((code) => (
            <li key={code}>
              {authorities.find((a) => codeOf(a) === code)?.la_name ?? code}{' '}
              <button type="button" className="link-button" onClick={() => onChange(others.filter((c) => c !== code))}>
                Remove<span className="visually-hidden"> {code}</span>
              </button>
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
