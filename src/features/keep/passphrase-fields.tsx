import { useId } from 'react';
import { passphraseHint } from '../../vault/vault';

/**
 * A new passphrase, asked twice, with a hint on its strength as it is typed. The passphrase is never
 * stored: it stays in this form's state until the data is kept.
 */
export function PassphraseFields({
  value,
  confirm,
  onValue,
  onConfirm,
}: {
  value: string;
  confirm: string;
  onValue: (text: string) => void;
  onConfirm: (text: string) => void;
}) {
  const id = useId();
  const hint = passphraseHint(value);
  const mismatch = confirm.length > 0 && confirm !== value;
  return (
    <>
      <div className="form-group">
        <label className="label" htmlFor={`${id}-pass`}>
          Choose a passphrase
        </label>
        <p className="hint" id={`${id}-pass-hint`}>
          Three or more random words are strong and easy to remember (for example “kettle violet harbour pencil”). At
          least 12 characters.
        </p>
        <input
          id={`${id}-pass`}
          className="input input--passphrase"
          type="password"
          autoComplete="new-password"
          spellCheck={false}
          value={value}
          onChange={(event) => onValue(event.target.value)}
          aria-describedby={`${id}-pass-hint ${id}-strength`}
          data-testid="keep-passphrase"
        />
        <p
          id={`${id}-strength`}
          className={`passphrase-strength${hint.ok ? ' passphrase-strength--ok' : ''}`}
          aria-live="polite"
          data-ok={hint.ok}
        >
          {value.length === 0 ? '' : hint.words}
        </p>
      </div>
      <div className="form-group">
        <label className="label" htmlFor={`${id}-confirm`}>
          Type the passphrase again
        </label>
        <input
          id={`${id}-confirm`}
          className="input input--passphrase"
          type="password"
          autoComplete="new-password"
          spellCheck={false}
          value={confirm}
          onChange={(event) => onConfirm(event.target.value)}
          aria-invalid={mismatch}
          aria-describedby={mismatch ? `${id}-mismatch` : undefined}
          data-testid="keep-passphrase-confirm"
        />
        {mismatch && (
          <p id={`${id}-mismatch`} className="error-text">
            The two passphrases are not the same.
          </p>
        )}
      </div>
    </>
  );
}

/** Whether a new passphrase may be used: strong enough, and typed the same twice. */
export const passphraseReady = (value: string, confirm: string) => passphraseHint(value).ok && value === confirm;
