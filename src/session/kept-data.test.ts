import { describe, expect, it, vi } from 'vitest';
import { memoryFiles } from '../vault/vault-files';
import { KeptData, type KeptHistoryPort, type KeptSessionPort, LOCK_NAME, WRONG_PASSPHRASE } from './kept-data';
import type { RestorePart } from './kept-snapshot';

// The keeper on the real vault (in memory) with a stand-in session: what is kept, what comes back, and
// what a wrong passphrase, another tab, the idle lock and deleting do. The session's own snapshot and
// restore on real DuckDB are tested in data-session's snapshot tests.

type Parts = { name: string; bytes: Uint8Array }[];

/** A stand-in session that, like DataSession, tracks which parts changed since its last snapshot or restore. */
function fakeSession(parts: Parts = [{ name: 'early_help', bytes: new TextEncoder().encode('rows of early help') }]) {
  let state = { dataVersion: 1, loading: false };
  const listeners = new Set<() => void>();
  const session = {
    held: parts,
    changed: new Set(parts.map((p) => p.name)),
    /** Whether each snapshot asked for the changed parts only. */
    asked: [] as boolean[],
    restored: null as { state: unknown; parts: Parts } | null,
    cleared: 0,
    snapshot: async (options?: { changedOnly: boolean }) => {
      const changedOnly = options?.changedOnly === true;
      session.asked.push(changedOnly);
      const changed = session.changed;
      session.changed = new Set();
      const listed = session.held.map((p) => (changedOnly && !changed.has(p.name) ? { ...p, bytes: null } : p));
      return { state: { files: session.held.map((p) => p.name) }, parts: listed };
    },
    restore: async (snapshot: { state: unknown; parts: readonly RestorePart[] }) => {
      // As the session does: each part's pieces read to the end (its last checks come then).
      const parts: Parts = [];
      for (const part of snapshot.parts) {
        if ('bytes' in part) parts.push(part);
        else {
          const pieces: number[] = [];
          for await (const piece of part.pieces()) pieces.push(...piece);
          parts.push({ name: part.name, bytes: new Uint8Array(pieces) });
        }
      }
      session.restored = { state: snapshot.state, parts };
      session.held = parts;
      session.changed = new Set();
    },
    clearData: async () => {
      session.cleared += 1;
      session.held = [];
      session.change();
    },
    subscribe: (listener: () => void) => {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    getSnapshot: () => state,
    /** The data changed: every part held counts as changed (or only `names`). */
    change(names: readonly string[] = session.held.map((p: Parts[number]) => p.name)) {
      for (const name of names) session.changed.add(name);
      state = { ...state, dataVersion: state.dataVersion + 1 };
      for (const listener of listeners) listener();
    },
  };
  return session satisfies KeptSessionPort & Record<string, unknown>;
}

function fakeHistory() {
  const entries: { action: string; summary: string }[] = [];
  const history = {
    entries,
    record: (action: string, summary: string) => void entries.push({ action, summary }),
    toJSON: () => [...entries],
    restore: (json: unknown) => {
      entries.splice(0, entries.length, ...(json as typeof entries));
    },
    forget: () => {
      entries.splice(0, entries.length);
    },
    subscribe: () => () => undefined,
  };
  return history satisfies KeptHistoryPort & Record<string, unknown>;
}

/** Web Locks shared by the "tabs" of one test. */
function fakeLocks() {
  const held = new Set<string>();
  return {
    held,
    query: async () => ({ held: [...held].map((name) => ({ name, mode: 'exclusive' as const, clientId: '' })) }),
    request: (async (name: string, _options: LockOptions, callback: (lock: Lock | null) => unknown) => {
      if (held.has(name)) return callback(null);
      held.add(name);
      try {
        return await callback({ name, mode: 'exclusive' });
      } finally {
        held.delete(name);
      }
    }) as unknown as LockManager['request'],
  };
}

const PASS = 'kettle violet harbour pencil';

function keeper(
  files: ReturnType<typeof memoryFiles>,
  options: {
    session?: ReturnType<typeof fakeSession>;
    locks?: ReturnType<typeof fakeLocks>;
    settings?: Record<string, string>;
  } = {},
) {
  const session = options.session ?? fakeSession();
  const history = fakeHistory();
  let settings = { ...(options.settings ?? {}) };
  const kept = new KeptData({
    files: async () => files,
    session,
    history,
    settings: {
      read: () => settings,
      // As the browser's port: writes the keys given, leaves the others.
      write: (values) => {
        settings = { ...settings, ...values };
      },
      clear: () => {
        settings = {};
      },
    },
    locks: options.locks ?? null,
  });
  return { kept, session, history, settings: () => settings };
}

describe('keeping the data on this computer', () => {
  it('keeps what is loaded, and a later visit with the passphrase gets every part, setting and history back', async () => {
    const files = memoryFiles();
    const first = keeper(files, { settings: { 'partnership-insight:targets': '{"EH1":60}' } });
    await first.kept.start();
    expect(first.kept.getSnapshot().status).toBe('none');
    expect(await first.kept.keep(PASS)).toBe(true);
    expect(first.kept.getSnapshot()).toMatchObject({ status: 'unlocked', error: null });
    expect(first.kept.getSnapshot().savedAt).not.toBeNull();
    first.kept.stop();

    const next = keeper(files, { session: fakeSession([]) });
    await next.kept.start();
    expect(next.kept.getSnapshot().status).toBe('locked');
    expect(await next.kept.unlock(PASS)).toBe(true);
    expect(next.session.restored?.state).toEqual({ files: ['early_help'] });
    expect(new TextDecoder().decode(next.session.restored?.parts[0]?.bytes)).toBe('rows of early help');
    expect(next.settings()).toEqual({ 'partnership-insight:targets': '{"EH1":60}' });
    expect(next.history.entries.map((e) => e.action)).toEqual(['keep', 'unlock']);
    expect(next.kept.getSnapshot().settingsEpoch).toBe(1);
    next.kept.stop();
  });

  it('refuses a wrong passphrase in words, changing nothing', async () => {
    const files = memoryFiles();
    const first = keeper(files);
    await first.kept.start();
    await first.kept.keep(PASS);
    await first.kept.lock();
    const before = new Map([...files.bytes()].map(([k, v]) => [k, [...v].join()]));
    const next = keeper(files, { session: fakeSession([]) });
    await next.kept.start();
    expect(await next.kept.unlock('kettle violet harbour pencils')).toBe(false);
    expect(next.kept.getSnapshot()).toMatchObject({ status: 'locked', error: WRONG_PASSPHRASE });
    expect(next.session.restored).toBeNull();
    expect(new Map([...files.bytes()].map(([k, v]) => [k, [...v].join()]))).toEqual(before);
  });

  it('saves again after every change of the data, and locking saves, then forgets the rows and the history', async () => {
    const files = memoryFiles();
    const { kept, session, history } = keeper(files);
    await kept.start();
    await kept.keep(PASS);
    session.held = [{ name: 'early_help', bytes: new TextEncoder().encode('next quarter too') }];
    session.change();
    await kept.saveNow();
    await kept.lock();
    expect(session.cleared).toBe(1);
    expect(kept.getSnapshot().status).toBe('locked');
    // The history went from the tab with the rows (it names the files): kept with them, it comes back.
    expect(history.entries).toEqual([]);
    await kept.unlock(PASS);
    expect(history.entries.map((e) => e.action)).toEqual(['keep', 'lock', 'unlock']);
    await kept.lock();
    const next = keeper(files, { session: fakeSession([]) });
    await next.kept.start();
    await next.kept.unlock(PASS);
    expect(new TextDecoder().decode(next.session.restored?.parts[0]?.bytes)).toBe('next quarter too');
    expect(next.history.entries.map((e) => e.action)).toEqual(['keep', 'lock', 'unlock', 'lock', 'unlock']);
  });

  it('re-encrypts only what changed once the vault holds a complete save; a history-only change, no part', async () => {
    const memory = memoryFiles();
    const written: string[] = [];
    const files = {
      ...memory,
      write: (name: string, data: Uint8Array) => {
        written.push(name);
        return memory.write(name, data);
      },
    };
    const two = [
      { name: 'early_help', bytes: new TextEncoder().encode('rows of early help') },
      { name: 'contacts', bytes: new TextEncoder().encode('rows of contacts') },
    ];
    const { kept, session, history } = keeper(files as typeof memory, { session: fakeSession(two) });
    await kept.start();
    await kept.keep(PASS);
    expect(session.asked).toEqual([false]);
    expect(written.filter((name) => name.startsWith('p-'))).toHaveLength(2);

    written.length = 0;
    history.record('export', 'Board pack PDF saved');
    await kept.saveNow();
    expect(session.asked).toEqual([false, true]);
    expect(written).toEqual([expect.stringMatching(/^g2-[0-9a-f]{16}-manifest\.sealed$/), 'vault.json']);

    written.length = 0;
    session.held = [two[0] as Parts[number], { name: 'contacts', bytes: new TextEncoder().encode('more contacts') }];
    session.change(['contacts']);
    await kept.saveNow();
    expect(written.filter((name) => name.startsWith('p-'))).toEqual([expect.stringMatching(/-contacts\.sealed$/)]);
    await kept.lock();

    // Unlocking puts back what the vault holds: the first save after it carries every part over too.
    const next = keeper(files as typeof memory, { session: fakeSession([]) });
    await next.kept.start();
    await next.kept.unlock(PASS);
    const back = (name: string) => next.session.restored?.parts.find((p) => p.name === name)?.bytes;
    expect(new TextDecoder().decode(back('early_help'))).toBe('rows of early help');
    expect(new TextDecoder().decode(back('contacts'))).toBe('more contacts');
    written.length = 0;
    await next.kept.saveNow();
    expect(next.session.asked).toEqual([true]);
    expect(written.filter((name) => name.startsWith('p-'))).toEqual([]);
    next.kept.stop();
  });

  it('after a save that failed, the next save is complete again', async () => {
    const memory = memoryFiles();
    let failing = false;
    const files = {
      ...memory,
      write: async (name: string, data: Uint8Array) => {
        if (failing && name !== 'vault.json') throw new Error('the disk is full');
        await memory.write(name, data);
      },
    };
    const { kept, session, history } = keeper(files as typeof memory);
    await kept.start();
    await kept.keep(PASS);
    failing = true;
    session.change();
    await kept.saveNow();
    expect(kept.getSnapshot().error).toMatch(/could not be kept: the disk is full\. The earlier kept copy is safe/);
    // Locked while saves fail: the tab keeps the history, whose latest entries are nowhere else.
    await kept.lock();
    expect(history.entries.map((e) => e.action)).toEqual(['keep', 'lock']);
    failing = false;
    expect(await kept.unlock(PASS)).toBe(true);
    session.change();
    await kept.saveNow();
    // Kept whole, then changes only (failed), then whole again (the lock's, failed too); once unlocked
    // again (the vault then holds everything), changes only.
    expect(session.asked).toEqual([false, true, false, true, true]);
    expect(kept.getSnapshot().error).toBeNull();
    await kept.lock();
    const next = keeper(memory, { session: fakeSession([]) });
    await next.kept.start();
    expect(await next.kept.unlock(PASS)).toBe(true);
    expect(new TextDecoder().decode(next.session.restored?.parts[0]?.bytes)).toBe('rows of early help');
  });

  it('lets one tab at a time open the kept data', async () => {
    const files = memoryFiles();
    const locks = fakeLocks();
    const first = keeper(files, { locks });
    await first.kept.start();
    await first.kept.keep(PASS);
    expect(locks.held.has(LOCK_NAME)).toBe(true);
    const second = keeper(files, { locks, session: fakeSession([]) });
    await second.kept.start();
    expect(second.kept.getSnapshot()).toMatchObject({ status: 'locked', elsewhere: true });
    expect(await second.kept.unlock(PASS)).toBe(false);
    expect(second.kept.getSnapshot().error).toContain('open in another tab');
    await first.kept.lock();
    expect(locks.held.has(LOCK_NAME)).toBe(false);
    expect(await second.kept.unlock(PASS)).toBe(true);
  });

  it('locks itself after the chosen minutes without use', async () => {
    vi.useFakeTimers();
    try {
      const files = memoryFiles();
      const { kept, session } = keeper(files);
      await kept.start();
      await kept.keep(PASS);
      kept.setIdleMinutes(2);
      await vi.advanceTimersByTimeAsync(60_000);
      kept.activity();
      await vi.advanceTimersByTimeAsync(90_000);
      expect(kept.getSnapshot().status).toBe('unlocked');
      await vi.advanceTimersByTimeAsync(60_000);
      await vi.waitFor(() => expect(kept.getSnapshot().status).toBe('locked'));
      expect(kept.getSnapshot().notice).toBe('Locked after 2 minutes without use');
      expect(session.cleared).toBe(1);
    } finally {
      vi.useRealTimers();
    }
  });

  it('an unlock whose restore fails leaves this browser’s settings exactly as they were', async () => {
    const files = memoryFiles();
    const first = keeper(files, { settings: { 'partnership-insight:targets': '{"EH1":60}' } });
    await first.kept.start();
    await first.kept.keep(PASS);
    await first.kept.lock();
    const failing = fakeSession();
    failing.restore = async () => {
      throw new Error('The kept table schools has other columns than this version of the app’s.');
    };
    const next = keeper(files, { session: failing, settings: { 'partnership-insight:suppression': 'on' } });
    await next.kept.start();
    expect(await next.kept.unlock(PASS)).toBe(false);
    expect(next.kept.getSnapshot().error).toMatch(/other columns/);
    expect(next.settings()).toEqual({ 'partnership-insight:suppression': 'on' });
  });

  it('deletes every byte it kept, and the settings this browser keeps', async () => {
    const files = memoryFiles();
    const { kept, settings } = keeper(files, { settings: { 'partnership-insight:targets': '{}' } });
    await kept.start();
    await kept.keep(PASS);
    expect(files.bytes().size).toBeGreaterThan(0);
    await kept.deleteAll();
    expect(files.bytes().size).toBe(0);
    expect(settings()).toEqual({});
    expect(kept.getSnapshot().status).toBe('none');
  });

  it('moves to another computer with a backup, refusing a damaged one', async () => {
    const files = memoryFiles();
    const { kept } = keeper(files);
    await kept.start();
    await kept.keep(PASS);
    const backup = new Uint8Array(await (await kept.backup()).arrayBuffer());
    const damaged = backup.slice();
    const middle = Math.floor(damaged.length / 2);
    damaged[middle] = (damaged[middle] ?? 0) ^ 0xff;
    const laptop = keeper(memoryFiles(), { session: fakeSession([]) });
    await laptop.kept.start();
    expect(await laptop.kept.restoreBackup(new Blob([damaged]), PASS)).toBe(false);
    expect(laptop.kept.getSnapshot().error).toMatch(/changed or damaged|ends early/);
    expect(laptop.session.restored).toBeNull();
    expect(await laptop.kept.restoreBackup(new Blob([backup]), PASS)).toBe(true);
    expect(new TextDecoder().decode(laptop.session.restored?.parts[0]?.bytes)).toBe('rows of early help');
    expect(laptop.history.entries.map((e) => e.action)).toEqual(['keep', 'restore']);
  });
});
