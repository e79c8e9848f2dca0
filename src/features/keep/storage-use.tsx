import { useKeptState } from '../../session/kept-data-provider';

const megabytes = (bytes: number) =>
  bytes >= 1e9 ? `${(bytes / 1e9).toFixed(1)} GB` : `${Math.max(0.1, bytes / 1e6).toFixed(1)} MB`;

/** Share of the browser's allowance in use from which the page warns: a save needs room for a new copy. */
const WARN_FROM = 0.8;

/** The space the kept data uses and what the browser allows, with a warning before it runs out. */
export function StorageUse() {
  const { usage, persisted } = useKeptState((s) => s);
  if (!usage) return null;
  const share = usage.quota > 0 ? usage.used / usage.quota : 0;
  return (
    <>
      <p data-testid="kept-space" data-used={usage.used} data-quota={usage.quota}>
        Space used on this computer (the app’s own files and the kept data): {megabytes(usage.used)} of the{' '}
        {megabytes(usage.quota)} this browser allows.
      </p>
      {share >= WARN_FROM && (
        <p className="notice notice--warning" role="alert" data-testid="kept-space-warning">
          The kept data is close to what this browser allows ({Math.round(share * 100)}%). Saving needs room for a
          second copy while it is written: save a backup file, and remove files you no longer need.
        </p>
      )}
      {persisted === false && (
        <p className="hint" data-testid="kept-not-persisted">
          This browser has not promised to keep the data: it may clear it when the computer runs short of space, or
          after weeks without a visit. Save a backup file.
        </p>
      )}
    </>
  );
}
