import { KeptControls } from './kept-controls';
import { KeptError } from './kept-error';
import { RestoreBackup } from './restore-backup';
import { UnlockPanel } from './unlock-panel';

/** The top of the Data page: what went wrong, and unlocking what is kept. */
export function KeptTop() {
  return (
    <>
      <KeptError />
      <UnlockPanel />
    </>
  );
}

/** Below the load: what is kept now and its controls, and a backup to restore. */
export function KeptBottom() {
  return (
    <>
      <KeptControls />
      <RestoreBackup />
    </>
  );
}
