import { useKeptData, useKeptState } from '../../session/kept-data-provider';

const WORDS = { none: 'Not kept', locked: 'Kept · locked', unlocked: 'Kept · unlocked' } as const;

/** In the header on every page: whether data is kept, locked or open, and "Lock now". */
export function KeptStatus() {
  const kept = useKeptData();
  const { status, busy, savedAt } = useKeptState((s) => s);
  return (
    <span
      className="kept-status"
      data-testid="kept-status"
      data-state={status}
      data-saving={busy === 'saving' || busy === 'keeping'}
      data-busy={busy ?? ''}
      data-saved-at={savedAt ?? ''}
    >
      <span className="kept-status__words" aria-live="polite">
        {busy === 'saving' || busy === 'keeping' ? 'Saving…' : WORDS[status]}
      </span>
      {status === 'unlocked' && (
        <button
          type="button"
          className="button button--small button--inverse"
          onClick={() => void kept.lock()}
          disabled={busy === 'locking'}
          data-testid="lock-now"
        >
          Lock now
        </button>
      )}
    </span>
  );
}
