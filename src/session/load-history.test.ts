import { describe, expect, it } from 'vitest';
import { HISTORY_ACTIONS, LoadHistory } from './load-history';

/** A clock that moves on a minute at each reading, from 07/12/2026 14:05 UTC. */
function clock(start = Date.parse('2026-12-07T14:05:00Z')) {
  let minutes = 0;
  return () => new Date(start + 60_000 * minutes++);
}

describe('the load history', () => {
  it('records entries in order, stamped with the time, and tells its listeners', () => {
    const history = new LoadHistory([], clock());
    let told = 0;
    history.subscribe(() => told++);
    history.record({ action: 'load', summary: 'Loaded “episodes.csv”', file: 'episodes.csv', rows: 120 });
    history.record({ action: 'export', summary: 'Board pack saved as PowerPoint', asAt: '2026-09-30' });
    expect(history.getSnapshot()).toEqual([
      {
        at: '2026-12-07T14:05:00.000Z',
        action: 'load',
        summary: 'Loaded “episodes.csv”',
        file: 'episodes.csv',
        rows: 120,
      },
      {
        at: '2026-12-07T14:06:00.000Z',
        action: 'export',
        summary: 'Board pack saved as PowerPoint',
        asAt: '2026-09-30',
      },
    ]);
    expect(told).toBe(2);
  });

  it('is append-only: no method removes or edits an entry, and entries cannot be changed in place', () => {
    const history = new LoadHistory([], clock());
    history.record({ action: 'load', summary: 'Loaded a file', rows: 3 });
    const methods = Object.getOwnPropertyNames(LoadHistory.prototype).filter((m) => m !== 'constructor');
    // `forget` empties the tab's copy only, once it is kept, encrypted, with the data (locking): the
    // kept history loses nothing, and unlocking brings every entry back (kept-data.test.ts).
    expect(methods.sort()).toEqual(['forget', 'record', 'takeKept', 'toJSON']);
    const before = history.getSnapshot();
    const entry = before[0] as { rows?: number };
    expect(() => {
      entry.rows = 4;
    }).toThrow(TypeError);
    expect(() => (before as unknown as unknown[]).pop()).toThrow(TypeError);
    // A snapshot taken earlier stays as it was when more is recorded; clearing the data is an entry.
    history.record({ action: 'clear', summary: 'Cleared all loaded data', rows: 3 });
    expect(before).toHaveLength(1);
    expect(history.getSnapshot().map((e) => e.action)).toEqual(['load', 'clear']);
  });

  it('refuses what is not an entry: an unknown action, an empty summary, a bad "as at" or negative rows', () => {
    const history = new LoadHistory([], clock());
    expect(() => history.record({ action: 'delete' as 'load', summary: 'x' })).toThrow();
    expect(() => history.record({ action: 'load', summary: '' })).toThrow();
    expect(() => history.record({ action: 'export', summary: 'x', asAt: '30/09/2026' })).toThrow();
    expect(() => history.record({ action: 'load', summary: 'x', rows: -1 })).toThrow();
    expect(() => history.record({ action: 'load', summary: 'x', rows: 1.5 })).toThrow();
    expect(history.getSnapshot()).toEqual([]);
  });

  it('shortens a long summary or file name rather than losing the event', () => {
    const history = new LoadHistory([], clock());
    const entry = history.record({ action: 'load', summary: 'y'.repeat(2000), file: `${'x'.repeat(1000)}.csv` });
    expect(entry.summary).toHaveLength(500);
    expect(entry.summary.endsWith('…')).toBe(true);
    expect(entry.file).toHaveLength(260);
  });

  it('goes to JSON and back as it was, for every action', () => {
    const history = new LoadHistory([], clock());
    for (const action of HISTORY_ACTIONS) history.record({ action, summary: `an entry: ${action}`, rows: 1 });
    const json = JSON.parse(JSON.stringify(history.toJSON()));
    expect(json.version).toBe(1);
    const back = LoadHistory.fromJSON(json);
    expect(back.getSnapshot()).toEqual(history.getSnapshot());
    expect(back.toJSON()).toEqual(history.toJSON());
  });

  it('refuses a kept history with an unknown field, an unknown action, a bad date or another version', () => {
    const good = {
      version: 1,
      entries: [{ at: '2026-12-07T14:05:00.000Z', action: 'load', summary: 'Loaded', rows: 2 }],
    };
    expect(LoadHistory.fromJSON(good).getSnapshot()).toHaveLength(1);
    const entry = good.entries[0];
    const bad = [
      { ...good, extra: true },
      { ...good, version: 2 },
      { ...good, entries: [{ ...entry, note: 'smuggled' }] },
      { ...good, entries: [{ ...entry, action: 'erase' }] },
      { ...good, entries: [{ ...entry, at: '07/12/2026 14:05' }] },
      { ...good, entries: [{ ...entry, asAt: '2026-13-01' }] },
      { ...good, entries: [{ ...entry, summary: '' }] },
      { version: 1 },
      null,
      '[]',
    ];
    for (const json of bad) expect(() => LoadHistory.fromJSON(json), JSON.stringify(json)).toThrow(/load history/);
    expect(() => LoadHistory.fromJSON({ ...good, entries: [{ ...entry, action: 'erase' }] })).toThrow(
      'The kept load history could not be read at entries.0.action',
    );
  });

  it('takes in a kept history after unlocking: older entries first, none twice, none dropped', () => {
    const kept = new LoadHistory([], clock(Date.parse('2026-10-01T09:00:00Z')));
    kept.record({ action: 'load', summary: 'Loaded the first quarter', rows: 10 });
    kept.record({ action: 'keep', summary: 'Kept on this computer' });
    const tab = new LoadHistory([], clock());
    tab.record({ action: 'unlock', summary: 'Unlocked the kept data' });
    tab.takeKept(LoadHistory.fromJSON(kept.toJSON()));
    tab.takeKept(LoadHistory.fromJSON(kept.toJSON()));
    expect(tab.getSnapshot().map((e) => e.action)).toEqual(['load', 'keep', 'unlock']);
  });
});
