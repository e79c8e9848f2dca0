import { useId, useState } from 'react';
import { useDataState } from '../../session/app-data';
import { useKeptData, useKeptState } from '../../session/kept-data-provider';
import { PassphraseFields, passphraseReady } from './passphrase-fields';

/**
 * After a load: the offer to keep the data on this computer, encrypted. Off until chosen; before the
 * first keep it says what is kept, where, and that a forgotten passphrase cannot be recovered.
 */
export function KeepOffer() {
  const kept = useKeptData();
  const { available, status, busy } = useKeptState((s) => s);
  const rows = useDataState((s) => s.rowsInDatabase);
  const loading = useDataState((s) => s.loading);
  const [open, setOpen] = useState(false);
  const [value, setValue] = useState('');
  const [confirm, setConfirm] = useState('');
  const headingId = useId();
  if (status !== 'none' || rows === 0 || loading) return null;
  const keep = async () => {
    if (await kept.keep(value)) {
      setValue('');
      setConfirm('');
      setOpen(false);
    }
  };
  return (
    <section className="keep-offer" aria-labelledby={headingId} data-testid="keep-offer">
      <h3 id={headingId} className="heading-s">
        Keep this data on this computer?
      </h3>
      {!available ? (
        <p>This browser cannot keep data (it has no private file storage here, as in some private windows).</p>
      ) : (
        <>
          <div className="form-group form-group--check">
            <input
              id={`${headingId}-keep`}
              type="checkbox"
              checked={open}
              onChange={(event) => setOpen(event.target.checked)}
              data-testid="keep-data"
            />
            <label htmlFor={`${headingId}-keep`}>Keep this data on this computer, encrypted, for next time</label>
          </div>
          {!open && (
            <p className="hint">Off unless you choose it. Without it, the data is gone when this tab is closed.</p>
          )}
          {open && (
            <form
              className="keep-form"
              onSubmit={(event) => {
                event.preventDefault();
                if (passphraseReady(value, confirm)) void keep();
              }}
            >
              <ul className="list">
                <li>
                  <strong>What is kept:</strong> the loaded files’ records, load reports and rejected rows, the load
                  history, and your settings, targets, marked changes and board pack words.
                </li>
                <li>
                  <strong>Where:</strong> in this browser’s private storage on this computer, encrypted with your
                  passphrase. Nothing is sent anywhere.
                </li>
                <li>
                  <strong>A forgotten passphrase cannot be recovered</strong> — not by us, not by IT. Without it the
                  kept data can only be deleted. Save a backup file somewhere safe once it is kept.
                </li>
              </ul>
              <PassphraseFields value={value} confirm={confirm} onValue={setValue} onConfirm={setConfirm} />
              <button
                type="submit"
                className="button"
                disabled={!passphraseReady(value, confirm) || busy !== null}
                data-testid="keep-confirm"
              >
                {busy === 'keeping' ? 'Keeping…' : 'Keep the data'}
              </button>
            </form>
          )}
        </>
      )}
    </section>
  );
}
