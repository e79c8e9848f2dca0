import { useId, useState } from 'react';
import { useDataState } from '../../session/app-data';
import { useKeptData, useKeptState } from '../../session/kept-data-provider';
import { formatNumber, formatTime } from '../../shared/format';

/** The start page when data is kept and locked: the passphrase opens it. */
export function UnlockPanel() {
  const kept = useKeptData();
  const { status, busy, elsewhere, notice } = useKeptState((s) => s);
  const [value, setValue] = useState('');
  const rows = useDataState((s) => s.rowsInDatabase);
  const id = useId();
  if (status !== 'locked') return null;
  const unlock = async () => {
    if (await kept.unlock(value)) setValue('');
  };
  return (
    <section className="unlock-panel" aria-labelledby={`${id}-heading`} data-testid="unlock-panel">
      <h2 id={`${id}-heading`} className="heading-m">
        Unlock kept data
      </h2>
      {notice && (
        <p className="notice" role="status">
          {notice}. The kept copy is complete: unlock it to carry on.
        </p>
      )}
      {elsewhere ? (
        <p className="notice notice--warning" data-testid="kept-elsewhere">
          The kept data is open in another tab or window of this browser. To use it here, lock it there (“Lock now”) or
          close that tab — one tab at a time keeps the data safe.
        </p>
      ) : (
        <p>Data is kept on this computer, encrypted. Type the passphrase chosen when it was kept.</p>
      )}
      {rows > 0 && (
        <p className="notice notice--warning" data-testid="unlock-replaces">
          Unlocking puts the kept data in place of the {formatNumber(rows)} rows loaded in this tab. To add these files
          to the kept data, unlock first, then load them again.
        </p>
      )}
      <form
        onSubmit={(event) => {
          event.preventDefault();
          if (value) void unlock();
        }}
      >
        <div className="form-group">
          <label className="label" htmlFor={`${id}-pass`}>
            Passphrase
          </label>
          <input
            id={`${id}-pass`}
            className="input input--passphrase"
            type="password"
            autoComplete="current-password"
            spellCheck={false}
            value={value}
            onChange={(event) => setValue(event.target.value)}
            data-testid="unlock-passphrase"
          />
        </div>
        <button type="submit" className="button" disabled={!value || busy !== null} data-testid="unlock-submit">
          {busy === 'unlocking' ? 'Unlocking…' : 'Unlock'}
        </button>
      </form>
    </section>
  );
}

/** When the kept copy was last written, in words. */
export function SavedAt() {
  const { savedAt, busy } = useKeptState((s) => s);
  if (busy === 'saving') return <span>Saving…</span>;
  return savedAt ? <span>Last saved {formatTime(savedAt)}</span> : null;
}
