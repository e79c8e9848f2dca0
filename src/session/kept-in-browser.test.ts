import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { KEPT, keptNow, removeKept, TAB_ONLY_KEYS } from './kept-in-browser';

function memoryStorage(entries: Record<string, string>) {
  const map = new Map(Object.entries(entries));
  return {
    get length() {
      return map.size;
    },
    key: (i: number) => [...map.keys()][i] ?? null,
    removeItem: (key: string) => void map.delete(key),
    map,
  };
}

function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return sourceFiles(path);
    return /\.tsx?$/.test(entry.name) && !/\.test\.tsx?$/.test(entry.name) ? [path] : [];
  });
}

describe('what this browser keeps', () => {
  it('names every key the app writes under its prefix (or says it lives only for the tab)', () => {
    const written = new Set(
      sourceFiles(join(import.meta.dirname, '..')).flatMap((file) =>
        [...readFileSync(file, 'utf8').matchAll(/'(partnership-insight:[a-z0-9-]+)'/g)].map((m) => m[1] as string),
      ),
    );
    const named = new Set([...KEPT.map((k) => k.key), ...TAB_ONLY_KEYS]);
    expect([...written].filter((key) => !named.has(key))).toEqual([]);
    expect(written.size).toBeGreaterThanOrEqual(KEPT.length);
  });

  it('says what is kept now, in words, and removes all of it (and only it)', () => {
    const storage = memoryStorage({
      'partnership-insight:targets': '{"EH3":80}',
      'partnership-insight:board-pack': '{}',
      'partnership-insight:something-newer': '1',
      'another-app': 'theirs',
    });
    expect(keptNow(storage)).toEqual(['targets', 'the board pack and its commentary', 'other settings']);
    expect(removeKept(storage)).toBe(3);
    expect(keptNow(storage)).toEqual([]);
    expect([...storage.map.keys()]).toEqual(['another-app']);
  });
});
