import { useEffect, useId, useState } from 'react';
import { useAppData } from '../../session/app-data';
import { useKeptState } from '../../session/kept-data-provider';
import { keptNow, removeKept } from '../../session/kept-in-browser';
import { formatNumber } from '../../shared/format';
import { ConfirmPanel } from '../../ui/confirm-panel';

/** Set for the reload after removing, so the page can say it was done. */
const REMOVED_KEY = 'partnership-insight:kept-removed';

function readKept(): string[] {
  try {
    return keptNow(localStorage);
  } catch {
    return [];
  }
}

function tookPlace(): boolean {
  try {
    const removed = sessionStorage.getItem(REMOVED_KEY) === '1';
    sessionStorage.removeItem(REMOVED_KEY);
    return removed;
  } catch {
    return false;
  }
}

/**
 * The start page says plainly what this browser keeps (the user's choices and words, until removed)
 * and what it does not (the loaded data, gone with the tab), and can remove what is kept. Removing
 * starts the page afresh, so every part of the app forgets at once; loaded rows are removed first, so
 * the "leave this page?" question does not come on top of the one asked here.
 */
export function KeptNotice() {
  const { rowsInDatabase, clearData, loading } = useAppData();
  const [asking, setAsking] = useState(false);
  const [restarting, setRestarting] = useState(false);
  const [removed] = useState(tookPlace);
  const headingId = useId();
  const keptStatus = useKeptState((s) => s.status);
  const idleMinutes = useKeptState((s) => s.idleMinutes);
  // Read at every render: other pages change what is kept while this one stays mounted.
  const kept = readKept();
  useEffect(() => {
    if (restarting && rowsInDatabase === 0) window.location.reload();
  }, [restarting, rowsInDatabase]);
  const remove = async () => {
    try {
      removeKept(localStorage);
      sessionStorage.setItem(REMOVED_KEY, '1');
    } catch {
      // Storage blocked by policy: nothing was kept to remove.
    }
    setAsking(false);
    if (rowsInDatabase > 0) await clearData();
    setRestarting(true);
  };
  return (
    <section className="kept-notice" aria-labelledby={headingId} data-testid="kept-notice" data-kept={kept.length}>
      <h2 id={headingId} className="heading-s">
        What this browser keeps
      </h2>
      {keptStatus === 'none' ? (
        <p data-testid="data-not-kept">
          <strong>Not kept:</strong> the files you load and every figure worked out from them, unless you choose “Keep
          this data on this computer” after a load. Until then they live only in this tab and are gone when it is closed
          or reloaded; the tab remembers only their names and row counts, to say what a reload cleared.
        </p>
      ) : (
        <p data-testid="data-kept">
          <strong>Kept, encrypted:</strong> the loaded records, their reports and rejected rows, the load history and a
          copy of your settings, in this browser’s private storage on this computer. Only your passphrase opens them;
          “Lock now” or {idleMinutes} minutes without use takes them out of this tab.
        </p>
      )}
      {kept.length === 0 ? (
        <p data-testid="kept-none">
          <strong>Kept:</strong> nothing yet
          {removed ? ' (what was kept has been removed)' : ''}. When you set targets, mark changes on charts, write the
          board pack or map codes, this browser keeps those choices and words — never data — for next time.
        </p>
      ) : (
        <>
          <p>
            <strong>Kept</strong> on this computer until you remove them (choices and words, never data):
          </p>
          <ul className="list" data-testid="kept-list">
            {kept.map((what) => (
              <li key={what}>{what}</li>
            ))}
          </ul>
          {!asking && (
            <button
              type="button"
              className="button button--secondary"
              onClick={() => setAsking(true)}
              disabled={loading || restarting}
              data-testid="remove-kept"
            >
              Remove what this browser keeps
            </button>
          )}
        </>
      )}
      {asking && (
        <ConfirmPanel
          question={
            <>
              Remove {kept.join(', ')} from this browser? The page then starts afresh
              {rowsInDatabase > 0 ? `, without the ${formatNumber(rowsInDatabase)} rows loaded in this tab` : ''}. To
              keep the board pack, its targets and marked changes, save the pack as a file first (Board pack page).
            </>
          }
          confirmLabel="Yes, remove what this browser keeps"
          onConfirm={() => void remove()}
          onCancel={() => setAsking(false)}
          confirmTestId="confirm-remove-kept"
        />
      )}
    </section>
  );
}
