import { useId, useState } from 'react';
import { saveIdleMinutes, useKeptData, useKeptState } from '../../session/kept-data-provider';
import { ConfirmPanel } from '../../ui/confirm-panel';
import { downloadBlob } from '../../ui/download';
import { StorageUse } from './storage-use';
import { SavedAt } from './unlock-panel';

const today = () => new Date().toISOString().slice(0, 10);

/** While data is kept: when it was saved, the space it takes, a backup, the idle lock, and deleting it all. */
export function KeptControls() {
  const kept = useKeptData();
  const { status, busy, idleMinutes } = useKeptState((s) => s);
  const [asking, setAsking] = useState(false);
  const [backupError, setBackupError] = useState<string | null>(null);
  const id = useId();
  if (status === 'none') return null;
  const saveBackup = async () => {
    setBackupError(null);
    try {
      downloadBlob(`partnership-insight-backup-${today()}.pibackup`, await kept.backup());
    } catch (error) {
      setBackupError(`The backup could not be made: ${error instanceof Error ? error.message : String(error)}`);
    }
  };
  const remove = async () => {
    setAsking(false);
    await kept.deleteAll();
  };
  return (
    <section className="kept-controls" aria-labelledby={`${id}-heading`} data-testid="kept-controls">
      <h3 id={`${id}-heading`} className="heading-s">
        Data kept on this computer
      </h3>
      {status === 'unlocked' && (
        <>
          <p>
            Encrypted with your passphrase; every change is saved as you work. <SavedAt />
          </p>
          <StorageUse />
          <div className="button-group">
            <button
              type="button"
              className="button button--secondary"
              onClick={() => void saveBackup()}
              disabled={busy !== null && busy !== 'saving'}
              data-testid="backup-save"
            >
              Save a backup file
            </button>
          </div>
          {backupError && (
            <p className="error-summary" role="alert">
              {backupError}
            </p>
          )}
          <div className="form-group">
            <label className="label" htmlFor={`${id}-idle`}>
              Lock after this many minutes without use
            </label>
            <input
              id={`${id}-idle`}
              className="input input--width-4"
              type="number"
              min={1}
              max={1440}
              value={idleMinutes}
              onChange={(event) => saveIdleMinutes(kept, Number(event.target.value) || idleMinutes)}
              data-testid="idle-minutes"
            />
          </div>
        </>
      )}
      {!asking && (
        <button
          type="button"
          className="button button--warning"
          onClick={() => setAsking(true)}
          disabled={busy !== null && busy !== 'saving'}
          data-testid="delete-kept"
        >
          Delete everything kept on this computer
        </button>
      )}
      {asking && (
        <ConfirmPanel
          question={
            <>
              Delete the kept data — every loaded record, report, the load history and the saved copy of your settings —
              from this computer? It cannot be undone. A backup file you saved elsewhere is not touched.
            </>
          }
          confirmLabel="Yes, delete everything kept"
          onConfirm={() => void remove()}
          onCancel={() => setAsking(false)}
          confirmTestId="delete-kept-confirm"
        />
      )}
    </section>
  );
}
