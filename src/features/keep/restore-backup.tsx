import { useId, useRef, useState } from 'react';
import { useKeptData, useKeptState } from '../../session/kept-data-provider';
import { shownFileName } from '../../shared/file-name';

/**
 * Restores a backup file saved on this or another computer (a new laptop), with its passphrase. The
 * whole file is checked before anything kept here is replaced.
 */
export function RestoreBackup() {
  const kept = useKeptData();
  const { status, busy, available } = useKeptState((s) => s);
  const [file, setFile] = useState<File | null>(null);
  const [value, setValue] = useState('');
  const inputRef = useRef<HTMLInputElement>(null);
  const id = useId();
  if (!available || status === 'unlocked') return null;
  const restore = async () => {
    if (file && (await kept.restoreBackup(file, value))) {
      setFile(null);
      setValue('');
    }
  };
  return (
    <details className="restore-backup">
      <summary>Restore from a backup file</summary>
      <p className="hint">
        A backup saved from this app, on this computer or another.{' '}
        {status === 'locked' ? 'It replaces the data kept here now. ' : ''}
        It is checked whole before anything is replaced.
      </p>
      <form
        onSubmit={(event) => {
          event.preventDefault();
          if (file && value) void restore();
        }}
      >
        <div className="form-group">
          <label className="label" htmlFor={`${id}-file`}>
            Backup file
          </label>
          <input
            ref={inputRef}
            id={`${id}-file`}
            type="file"
            accept=".pibackup,application/octet-stream"
            onChange={(event) => setFile(event.target.files?.[0] ?? null)}
            data-testid="backup-restore"
          />
          {file && <p className="hint">Chosen: {shownFileName(file.name)}</p>}
        </div>
        <div className="form-group">
          <label className="label" htmlFor={`${id}-pass`}>
            The backup’s passphrase
          </label>
          <input
            id={`${id}-pass`}
            className="input input--passphrase"
            type="password"
            autoComplete="current-password"
            value={value}
            onChange={(event) => setValue(event.target.value)}
            data-testid="backup-restore-passphrase"
          />
        </div>
        <button
          type="submit"
          className="button button--secondary"
          disabled={!file || !value || busy !== null}
          data-testid="backup-restore-submit"
        >
          {busy === 'restoring' ? 'Restoring…' : 'Restore the backup'}
        </button>
      </form>
    </details>
  );
}
