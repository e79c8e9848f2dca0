import { createContext, Fragment, type ReactNode, useContext, useEffect, useState, useSyncExternalStore } from 'react';
import { opfsFiles } from '../vault/opfs-files';
import { useDataSession, useDataState, useLeaveWarning } from './app-data';
import { DEFAULT_IDLE_MINUTES, KeptData, type KeptSettingsPort, type KeptState } from './kept-data';
import { keptHistoryPort } from './kept-history';
import { KEPT, removeKept } from './kept-in-browser';

const IDLE_KEY = 'partnership-insight:kept-idle-minutes';

/** The app's settings by key, as this browser keeps them (localStorage), for the kept copy. */
const localSettings: KeptSettingsPort = {
  read() {
    const values: Record<string, string> = {};
    try {
      for (const { key } of KEPT) {
        const text = localStorage.getItem(key);
        if (text !== null) values[key] = text;
      }
    } catch {
      // Storage blocked by policy: nothing to keep.
    }
    return values;
  },
  write(values) {
    try {
      for (const { key } of KEPT) {
        const text = Object.hasOwn(values, key) ? values[key] : undefined;
        if (typeof text === 'string') localStorage.setItem(key, text);
      }
    } catch {
      // Storage full or blocked: the settings in use stay as they are.
    }
  },
  clear() {
    try {
      removeKept(localStorage);
    } catch {
      // Storage blocked by policy: nothing was kept there.
    }
  },
};

function readIdleMinutes(): number {
  try {
    const minutes = Number(localStorage.getItem(IDLE_KEY));
    return Number.isInteger(minutes) && minutes >= 1 && minutes <= 24 * 60 ? minutes : DEFAULT_IDLE_MINUTES;
  } catch {
    return DEFAULT_IDLE_MINUTES;
  }
}

/** This browser's private file storage, when it has one (not in some private windows). */
async function browserFiles() {
  if (!navigator.storage?.getDirectory || !globalThis.crypto?.subtle) return null;
  return opfsFiles();
}

const KeptDataContext = createContext<KeptData | null>(null);

/**
 * Holds the page's keeper of encrypted data. The settings providers inside it start again when kept
 * settings are written back on unlock (they read the browser's storage as they start).
 */
export function KeptDataProvider({ children }: { children: ReactNode }) {
  const session = useDataSession();
  const [kept] = useState(
    () =>
      new KeptData({
        files: browserFiles,
        session,
        settings: localSettings,
        history: keptHistoryPort(),
        locks: typeof navigator !== 'undefined' ? (navigator.locks ?? null) : null,
        channel: typeof BroadcastChannel === 'function' ? new BroadcastChannel('partnership-insight-kept') : null,
        storage: typeof navigator !== 'undefined' ? (navigator.storage ?? null) : null,
        idleMinutes: readIdleMinutes(),
        mark: (name) => performance.mark(name),
      }),
  );
  useEffect(() => {
    // Locked (by the user or the idle lock): the start page, where the data can be unlocked again.
    let status = kept.getSnapshot().status;
    const offLock = kept.subscribe(() => {
      const next = kept.getSnapshot().status;
      if (status === 'unlocked' && next === 'locked' && window.location.hash !== '#/') window.location.hash = '#/';
      status = next;
    });
    return offLock;
  }, [kept]);
  useEffect(() => {
    void kept.start();
    const active = () => kept.activity();
    window.addEventListener('pointerdown', active, { passive: true });
    window.addEventListener('keydown', active, { passive: true });
    return () => {
      window.removeEventListener('pointerdown', active);
      window.removeEventListener('keydown', active);
      kept.stop();
    };
  }, [kept]);
  const epoch = useSyncExternalStore(kept.subscribe, () => kept.getSnapshot().settingsEpoch);
  return (
    <KeptDataContext.Provider value={kept}>
      <LeaveWarning />
      <Fragment key={epoch}>{children}</Fragment>
    </KeptDataContext.Provider>
  );
}

/** Loaded data lives only in this tab unless it is kept and saved: only then may the tab go unasked. */
function LeaveWarning() {
  const loaded = useDataState((s) => s.rowsInDatabase > 0);
  const safe = useKeptState((s) => s.status === 'unlocked' && s.savedAt !== null && s.busy === null);
  useLeaveWarning(loaded && !safe);
  return null;
}

export function useKeptData(): KeptData {
  const kept = useContext(KeptDataContext);
  if (!kept) throw new Error('useKeptData must be used inside KeptDataProvider');
  return kept;
}

/** One value of the keeper's state; re-renders only when it changes. */
export function useKeptState<T>(select: (state: KeptState) => T): T {
  const kept = useKeptData();
  return useSyncExternalStore(kept.subscribe, () => select(kept.getSnapshot()));
}

/** Minutes without use before the kept data locks, remembered in this browser. */
export function saveIdleMinutes(kept: KeptData, minutes: number): void {
  kept.setIdleMinutes(minutes);
  try {
    localStorage.setItem(IDLE_KEY, String(kept.getSnapshot().idleMinutes));
  } catch {
    // Storage blocked: the choice lasts for this tab.
  }
}
