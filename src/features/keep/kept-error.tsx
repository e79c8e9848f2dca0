import { useKeptData, useKeptState } from '../../session/kept-data-provider';

/** What went wrong with the kept data (a wrong passphrase, a refused backup), until dismissed. */
export function KeptError() {
  const kept = useKeptData();
  const error = useKeptState((s) => s.error);
  if (!error) return null;
  return (
    <div className="error-summary" role="alert">
      <p data-testid="error-message">{error}</p>
      <button type="button" className="link-button" onClick={() => kept.dismissNotice()}>
        Dismiss
      </button>
    </div>
  );
}
