import { describe, expect, it } from 'vitest';
import { defaultPack, MAX_PACK_BYTES, packJson, parsePack } from './pack-model';

describe('board pack files', () => {
  it('reads back what it writes', () => {
    const pack = defaultPack();
    pack.items[0] = { ...pack.items[0], commentary: 'We have asked the police for the missing quarter.' } as never;
    const parsed = parsePack(packJson(pack));
    expect(parsed).toEqual({ ok: true, pack });
  });

  it('refuses what is not JSON, too large, or not a pack, saying where', () => {
    expect(parsePack('<html>')).toEqual({ ok: false, message: 'The file is not a board pack: it is not JSON.' });
    expect(parsePack(' '.repeat(MAX_PACK_BYTES + 1))).toMatchObject({ ok: false, message: /larger than/ });
    const pack = JSON.parse(packJson(defaultPack()));
    pack.items[1].indicatorId = 'EH99';
    expect(parsePack(JSON.stringify(pack))).toEqual({
      ok: false,
      message:
        'The file is not a board pack this version can read: is not an indicator of this tool (at items › 1 › indicatorId).',
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
    expect(parsePack(packJson(pack))).toEqual({ ok: true, pack });
    const withFigures = JSON.parse(packJson(pack));
    withFigures.items.at(-1).laValue = 25.9;
    expect(parsePack(JSON.stringify(withFigures))).toMatchObject({ ok: false });
  });

  it('refuses two items with one key, and keys that are not plain', () => {
    const pack = JSON.parse(packJson(defaultPack()));
    pack.items[2].key = pack.items[1].key;
    expect(parsePack(JSON.stringify(pack))).toEqual({ ok: false, message: 'Two items of the pack have the same key.' });
    pack.items[2].key = '__proto__';
    expect(parsePack(JSON.stringify(pack))).toMatchObject({ ok: false, message: /at items › 2 › key/ });
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
    expect(parsePack(JSON.stringify(pack))).toMatchObject({ ok: false, message: /at items › 2 › granularity/ });
  });
});
