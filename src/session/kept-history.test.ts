import { describe, expect, it } from 'vitest';
import { keptHistoryPort } from './kept-history';
import { LoadHistory } from './load-history';

describe('the load history kept with the data', () => {
  it('goes out as JSON and comes back merged with what the tab recorded meanwhile', () => {
    let minute = 0;
    const clock = () => new Date(Date.UTC(2026, 11, 7, 9, minute++));
    const kept = new LoadHistory([], clock);
    kept.record({ action: 'load', summary: 'Loaded 2 files', rows: 10 });
    const json = keptHistoryPort(kept).toJSON();
    const tab = new LoadHistory([], clock);
    const port = keptHistoryPort(tab);
    port.record('unlock', 'Kept data unlocked');
    port.restore(json);
    expect(tab.getSnapshot().map((e) => e.action)).toEqual(['load', 'unlock']);
  });

  it('says so when the kept history cannot be read, and keeps going', () => {
    const tab = new LoadHistory();
    keptHistoryPort(tab).restore({ version: 1, entries: [{ action: 'nonsense' }] });
    expect(tab.getSnapshot()).toHaveLength(1);
    expect(tab.getSnapshot()[0]?.summary).toMatch(/^The kept load history could not be read/);
  });
});
