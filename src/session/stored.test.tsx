import { renderToString } from 'react-dom/server';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { z } from 'zod';
import { defaultPack, packJson } from '../board/pack-model';
import { BenchmarkSettingsProvider, useBenchmarkSettings } from './benchmark-settings';
import { BoardPackProvider, useBoardPack } from './board-pack';
import { ChartNotesProvider, useChartNotes } from './chart-notes';
import { readHeldFiles } from './held-files';
import { IndicatorSettingsProvider, useIndicatorSettings } from './indicator-settings';
import { keptNow } from './kept-in-browser';
import { readSavedMappings } from './saved-mappings';
import { readStored, resetStored, schemaCheck, setAsideNotices } from './stored';
import { TargetsProvider, useTargets } from './targets';

/** A Storage held in a Map, as the browser's is (text only). */
function memoryStorage(entries: Record<string, string> = {}) {
  const map = new Map(Object.entries(entries));
  return {
    map,
    get length() {
      return map.size;
    },
    key: (i: number) => [...map.keys()][i] ?? null,
    getItem: (key: string) => map.get(key) ?? null,
    setItem: (key: string, value: string) => void map.set(key, String(value)),
    removeItem: (key: string) => void map.delete(key),
    clear: () => map.clear(),
  };
}

const PACK = 'partnership-insight:board-pack';

/** A pack as a file would hold it, with a comparison whose breakdown is `filters`. */
function packWithFilters(filters: string): string {
  const file = JSON.parse(packJson(defaultPack()));
  file.items.splice(2, 0, { key: 'item-b', kind: 'benchmark', file: 'a.csv', measure: 'm', filters, commentary: '' });
  const { targets: _t, changes: _c, minimumCases: _m, narratives: _w, events: _e, ...pack } = file;
  return JSON.stringify(pack);
}

let storage: ReturnType<typeof memoryStorage>;
beforeEach(() => {
  storage = memoryStorage();
  vi.stubGlobal('localStorage', storage);
  for (const n of setAsideNotices.get()) setAsideNotices.dismiss(n.key);
});
afterEach(() => vi.unstubAllGlobals());

/** Renders every provider that reads this browser's store, and what each read back. */
function Probe({ seen }: { seen: Record<string, unknown> }) {
  seen.pack = useBoardPack().pack;
  seen.evidence = useBoardPack().evidence;
  seen.targets = useTargets().targets;
  seen.notes = useChartNotes().notes;
  seen.settings = useIndicatorSettings().settings;
  seen.la = useBenchmarkSettings().la;
  return null;
}

function readBack(): Record<string, unknown> {
  const seen: Record<string, unknown> = {};
  renderToString(
    <IndicatorSettingsProvider>
      <TargetsProvider>
        <ChartNotesProvider>
          <BoardPackProvider>
            <BenchmarkSettingsProvider>
              <Probe seen={seen} />
            </BenchmarkSettingsProvider>
          </BoardPackProvider>
        </ChartNotesProvider>
      </TargetsProvider>
    </IndicatorSettingsProvider>,
  );
  return seen;
}

describe('reading back what this browser keeps', () => {
  it('sets a pack with a bad breakdown aside, with a notice naming the item, and starts from the default', () => {
    for (const filters of ['not json', '{"__proto__":1}']) {
      storage.map.set(PACK, packWithFilters(filters));
      expect(readBack().pack).toEqual(defaultPack());
      expect(storage.map.has(PACK)).toBe(false);
      expect(storage.map.get(`${PACK}-set-aside`)).toBe(packWithFilters(filters));
      expect(setAsideNotices.get()).toEqual([
        {
          key: PACK,
          what: 'the board pack and its commentary',
          reason: 'item 3: filters is not valid (a list of [column, value] pairs)',
        },
      ]);
    }
    // A good one is read as it is, with no notice.
    setAsideNotices.dismiss(PACK);
    storage.map.set(PACK, packWithFilters('[["characteristic","Total"]]'));
    expect(readBack().pack).toMatchObject({
      items: expect.arrayContaining([expect.objectContaining({ key: 'item-b' })]),
    });
    expect(setAsideNotices.get()).toEqual([]);
  });

  it.each([
    ['partnership-insight:board-pack', '{"format":', 'it is not JSON'],
    [
      'partnership-insight:targets',
      '{"__proto__":{"polluted":1},"EH3":80}',
      'the file holds “__proto__”, which cannot be a name',
    ],
    [
      'partnership-insight:targets',
      '{"EH3":"80"}',
      'EH3 is neither a number nor a trajectory (steps of from and value)',
    ],
    [
      'partnership-insight:chart-notes',
      '{"changes":{"constructor":[]}}',
      'changes holds “constructor”, which cannot be a name',
    ],
    ['partnership-insight:yearly-report', '[1,2]', 'the file is not a set of names and values'],
    ['partnership-insight:indicator-settings', '{"ehReReferralDays":"a year"}', 'ehReReferralDays is not a number'],
    ['partnership-insight:benchmarks', '{"la":"DROP TABLE","directions":[]}', 'la is not in the form expected'],
  ])('sets %s aside when it holds %s (%s), without throwing', (key, text, reason) => {
    storage.map.set(key, text);
    expect(() => readBack()).not.toThrow();
    expect(storage.map.get(`${key}-set-aside`)).toBe(text);
    expect(storage.map.has(key)).toBe(false);
    expect(setAsideNotices.get()).toMatchObject([{ key, reason }]);
    expect(({} as { polluted?: unknown }).polluted).toBeUndefined();
    expect(keptNow(storage)).toContain('settings set aside because they could not be read, or were reset');
  });

  it('sets saved mappings aside when they are not a mapping profile, and the tab’s file list too', () => {
    storage.map.set(
      'partnership-insight:value-mappings',
      '{"kind":"partnership-insight-mapping-profile","version":1,"values":{"__proto__":{}}}',
    );
    expect(readSavedMappings()).toEqual({ values: {}, columns: {}, dates: {} });
    expect(setAsideNotices.get()).toMatchObject([
      { key: 'partnership-insight:value-mappings', what: 'the codes, columns and dates you mapped' },
    ]);
    expect(setAsideNotices.get()[0]?.reason).toMatch(/values holds “__proto__”/);
    const tab = memoryStorage({ 'partnership-insight:held-files': '{"files":"all of them"}' });
    vi.stubGlobal('sessionStorage', tab);
    expect(readHeldFiles()).toBeNull();
    expect(tab.map.has('partnership-insight:held-files-set-aside')).toBe(true);
  });

  it('never throws when storage itself is blocked, or a check throws, and keeps stored records prototype-free', () => {
    const blocked = {
      getItem: () => {
        throw new DOMException('denied', 'SecurityError');
      },
      setItem: () => undefined,
      removeItem: () => undefined,
    };
    expect(readStored('k', schemaCheck(z.number()), () => 7, blocked)).toBe(7);
    expect(setAsideNotices.get()).toEqual([]);
    const thrower = () => {
      throw new Error('the check failed');
    };
    storage.map.set('k', '1');
    expect(readStored('k', thrower, () => 7, storage)).toBe(7);
    expect(setAsideNotices.get()).toMatchObject([{ key: 'k', reason: 'the check failed' }]);
    storage.map.set('partnership-insight:targets', '{"EH3":80}');
    const { targets } = readBack() as { targets: object };
    expect(Object.getPrototypeOf(targets)).toBeNull();
  });

  it('resets a page’s keys by setting them aside, leaving every other key', () => {
    storage.map.set(PACK, packWithFilters('[]'));
    storage.map.set('partnership-insight:targets', '{"EH3":80}');
    expect(resetStored([PACK, 'partnership-insight:yearly-report'], storage)).toBe(1);
    expect([...storage.map.keys()].sort()).toEqual([`${PACK}-set-aside`, 'partnership-insight:targets']);
  });
});
