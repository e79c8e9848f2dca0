import { describe, expect, it } from 'vitest';
import { defaultPack, MAX_PACK_BYTES, packJson, parsePack } from './pack-model';
import { NO_NOTES, type PackNotes } from './pack-notes';

describe('board pack files', () => {
  it('reads back what it writes', () => {
    const pack = defaultPack();
    pack.items[0] = { ...pack.items[0], commentary: 'We have asked the police for the missing quarter.' } as never;
    const parsed = parsePack(packJson(pack));
    expect(parsed).toEqual({ ok: true, pack, notes: NO_NOTES, words: new Map(), events: [] });
  });

  it('refuses what is not JSON, too large, or not a pack, saying where', () => {
    expect(parsePack('<html>')).toEqual({ ok: false, message: 'The file is not a board pack: it is not JSON.' });
    expect(parsePack(' '.repeat(MAX_PACK_BYTES + 1))).toMatchObject({ ok: false, message: /larger than/ });
    const pack = JSON.parse(packJson(defaultPack()));
    pack.items[1].indicatorId = 'EH99';
    expect(parsePack(JSON.stringify(pack))).toEqual({
      ok: false,
      message:
        'The file is not a board pack this version can read: item 2: indicatorId is not an indicator of this tool.',
    });
  });

  it('never carries data: unknown fields, such as rows of records, are refused', () => {
    const pack = JSON.parse(packJson(defaultPack()));
    pack.items[1].rows = [{ child_id: 'FSC000001' }];
    expect(parsePack(JSON.stringify(pack))).toMatchObject({ ok: false });
    const top = { ...JSON.parse(packJson(defaultPack())), data: [1, 2, 3] };
    expect(parsePack(JSON.stringify(top))).toMatchObject({ ok: false });
  });

  it('carries a published comparison by file, measure and breakdown, never its figures', () => {
    const pack = defaultPack();
    pack.items.push({
      key: 'item-b',
      kind: 'benchmark',
      file: 'd3_cpps_subsequent_plan_2013_to_2025.csv',
      measure: 'CPP_subsequent_percent',
      filters: '[["category","Child Protection Plans which are a second or subsequent plan"]]',
      commentary: '',
    });
    expect(parsePack(packJson(pack))).toEqual({ ok: true, pack, notes: NO_NOTES, words: new Map(), events: [] });
    const withFigures = JSON.parse(packJson(pack));
    withFigures.items.at(-1).laValue = 25.9;
    expect(parsePack(JSON.stringify(withFigures))).toMatchObject({ ok: false });
  });

  it('parses a comparison’s breakdown completely at the door, naming the item and field', () => {
    const withFilters = (filters: unknown) => {
      const file = JSON.parse(packJson(defaultPack()));
      file.items.splice(2, 0, {
        key: 'item-b',
        kind: 'benchmark',
        file: 'a.csv',
        measure: 'm',
        filters,
        commentary: '',
      });
      return parsePack(JSON.stringify(file));
    };
    const refusal = /^The file is not a board pack this version can read: item 3: filters is not valid/;
    expect(withFilters('not json')).toMatchObject({ ok: false, message: refusal });
    expect(withFilters('{"__proto__":1}')).toMatchObject({ ok: false, message: refusal });
    expect(withFilters('[["a"]]')).toMatchObject({ ok: false, message: refusal });
    expect(withFilters('[["a",2]]')).toMatchObject({ ok: false, message: refusal });
    expect(withFilters('null')).toMatchObject({ ok: false, message: refusal });
    expect(withFilters([['a', 'b']])).toEqual({
      ok: false,
      message: 'The file is not a board pack this version can read: item 3: filters is not a string.',
    });
    expect(withFilters('[]')).toMatchObject({ ok: true });
    expect(withFilters('[["characteristic","Total"]]')).toMatchObject({ ok: true });
  });

  it('refuses __proto__ and constructor wherever a file could put them, and wrong types, by field', () => {
    const text = packJson(defaultPack());
    const atTop = `{"__proto__":{"polluted":true},${text.trim().slice(1)}`;
    expect(parsePack(atTop)).toMatchObject({ ok: false, message: /this version does not know \(“__proto__”\)/ });
    const inItem = text.replace('"kind": "summary",', '"kind": "summary", "constructor": 1,');
    expect(parsePack(inItem)).toMatchObject({ ok: false, message: /item 1 has a field this version does not know/ });
    expect(({} as { polluted?: unknown }).polluted).toBeUndefined();
    const file = JSON.parse(text);
    file.title = 42;
    expect(parsePack(JSON.stringify(file))).toEqual({
      ok: false,
      message: 'The file is not a board pack this version can read: title is not a string.',
    });
    delete file.title;
    expect(parsePack(JSON.stringify(file))).toMatchObject({ ok: false, message: /: title is missing\.$/ });
  });

  it('refuses two items with one key, and keys that are not plain', () => {
    const pack = JSON.parse(packJson(defaultPack()));
    pack.items[2].key = pack.items[1].key;
    expect(parsePack(JSON.stringify(pack))).toEqual({ ok: false, message: 'Two items of the pack have the same key.' });
    pack.items[2].key = '__proto__';
    expect(parsePack(JSON.stringify(pack))).toMatchObject({
      ok: false,
      message: /item 3: key is not in the form expected/,
    });
  });

  it('gives an indicator its own periods; a file without them shows the pack’s', () => {
    const pack = JSON.parse(packJson(defaultPack()));
    expect(pack.items[1]).toMatchObject({ kind: 'indicator', granularity: 'auto' });
    // A pack saved before items had periods of their own is read as it was: at the pack's periods.
    delete pack.items[1].granularity;
    pack.items[2].granularity = 'year';
    const parsed = parsePack(JSON.stringify(pack));
    expect(parsed.ok && parsed.pack.items[1]).not.toHaveProperty('granularity');
    expect(parsed.ok && parsed.pack.items[2]).toMatchObject({ granularity: 'year' });
    pack.items[2].granularity = 'fortnight';
    expect(parsePack(JSON.stringify(pack))).toMatchObject({
      ok: false,
      message: /item 3: granularity is not one of the values allowed/,
    });
  });
});

describe('the notes that travel with a pack (file version 2)', () => {
  const notes: PackNotes = {
    targets: new Map([
      ['TR7', 90],
      ['EH3', 75.5],
    ]),
    changes: new Map([
      [
        'EH3',
        [
          { date: '2024-10-01', label: 'Family hubs opened' },
          { date: '2023-04-01', label: 'New front door' },
        ],
      ],
    ]),
    minimumCases: new Map([['AQ2', 4]]),
  };

  it('writes version 3 with the targets, marked changes and minimum cases as lists, and reads them back', () => {
    const text = packJson(defaultPack(), notes);
    const file = JSON.parse(text);
    expect(file.version).toBe(3);
    // In the registry's order of indicators (EH before TR), changes by date.
    expect(file.targets).toEqual([
      { indicator: 'EH3', value: 75.5 },
      { indicator: 'TR7', value: 90 },
    ]);
    expect(file.changes).toEqual([
      { indicator: 'EH3', date: '2023-04-01', label: 'New front door' },
      { indicator: 'EH3', date: '2024-10-01', label: 'Family hubs opened' },
    ]);
    expect(file.minimumCases).toEqual([{ indicator: 'AQ2', value: 4 }]);
    const parsed = parsePack(text);
    expect(parsed.ok).toBe(true);
    if (!parsed.ok) return;
    expect(parsed.pack).toEqual(defaultPack());
    expect([...parsed.notes.targets]).toEqual([
      ['EH3', 75.5],
      ['TR7', 90],
    ]);
    expect(parsed.notes.changes.get('EH3')?.map((c) => c.label)).toEqual(['New front door', 'Family hubs opened']);
    expect(parsed.notes.minimumCases.get('AQ2')).toBe(4);
  });

  it('still reads a version-1 file (the pack alone), as the current version with no notes', () => {
    const v1 = { ...JSON.parse(packJson(defaultPack())), version: 1 };
    delete v1.targets;
    delete v1.changes;
    delete v1.minimumCases;
    const parsed = parsePack(JSON.stringify(v1));
    expect(parsed).toEqual({ ok: true, pack: defaultPack(), notes: NO_NOTES, words: new Map(), events: [] });
    if (parsed.ok) expect(parsed.pack.version).toBe(3);
  });

  it('refuses a version it does not know, saying so', () => {
    const v4 = { ...JSON.parse(packJson(defaultPack())), version: 4 };
    expect(parsePack(JSON.stringify(v4))).toEqual({
      ok: false,
      message:
        'The pack was saved by a newer version of Partnership Insight (file version 4); this one reads versions 1, 2 and 3.',
    });
    expect(parsePack(JSON.stringify({ ...v4, version: 0 }))).toMatchObject({
      ok: false,
      message: /version is not one of the values allowed/,
    });
  });

  it('checks every field at the door: known indicators only, numbers, dates, sizes, no extra keys', () => {
    const base = JSON.parse(packJson(defaultPack(), notes));
    const refused = (change: (file: { targets: unknown[]; changes: unknown[]; minimumCases: unknown[] }) => void) => {
      const file = structuredClone(base);
      change(file);
      return parsePack(JSON.stringify(file));
    };
    expect(refused((f) => (f.targets[0] = { indicator: '__proto__', value: 1 }))).toEqual({
      ok: false,
      message:
        'The file is not a board pack this version can read: target 1: indicator is not an indicator of this tool.',
    });
    expect(refused((f) => (f.changes[0] = { indicator: 'constructor', date: '2024-01-01', label: 'x' }))).toMatchObject(
      {
        ok: false,
        message: /change 1: indicator is not an indicator of this tool/,
      },
    );
    expect(refused((f) => (f.targets[0] = { indicator: 'EH3', value: '80' }))).toMatchObject({ ok: false });
    expect(refused((f) => (f.targets[0] = { indicator: 'EH3', value: 80, rows: [] }))).toMatchObject({ ok: false });
    expect(refused((f) => (f.changes[0] = { indicator: 'EH3', date: '2024-02-30', label: 'x' }))).toMatchObject({
      ok: false,
      message: /is not a date/,
    });
    expect(
      refused((f) => (f.changes[0] = { indicator: 'EH3', date: '2024-02-01', label: 'x'.repeat(121) })),
    ).toMatchObject({
      ok: false,
    });
    expect(refused((f) => (f.minimumCases[0] = { indicator: 'AQ2', value: 2.5 }))).toMatchObject({ ok: false });
    expect(refused((f) => f.targets.push({ indicator: 'TR7', value: 80 }))).toEqual({
      ok: false,
      message: 'The file is not a board pack this version can read: The pack gives TR7 two targets.',
    });
    expect(
      refused((f) => f.changes.push({ indicator: 'EH3', date: '2024-10-01', label: 'Hubs opened (again)' })),
    ).toEqual({
      ok: false,
      message:
        'The file is not a board pack this version can read: The pack marks two changes on EH3 on the same date (2024-10-01).',
    });
    const many = Array.from({ length: 51 }, (_, i) => ({
      indicator: 'EH3',
      date: `2020-01-${String((i % 28) + 1).padStart(2, '0')}`.replace('2020', String(2000 + Math.floor(i / 28))),
      label: `Change ${i}`,
    }));
    expect(refused((f) => (f.changes = many))).toEqual({
      ok: false,
      message: 'The file is not a board pack this version can read: The pack marks more than 50 changes on EH3.',
    });
  });
});
