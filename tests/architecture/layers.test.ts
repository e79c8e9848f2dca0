import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { cycles, importsOf, sourceFiles } from './import-graph';
import { namesPackage, parseLayerTable, placeOf } from './layer-table';

// The layers of docs/architecture.md, checked over every import under src/ (tests beside the code too):
// the table is read from the document, so the rule and its description cannot drift apart. A failure
// names the importing file, the imported file or package, and the rule it breaks.

const ROOT = join(import.meta.dirname, '../..');
const TABLE = parseLayerTable(readFileSync(join(ROOT, 'docs/architecture.md'), 'utf8'));
const FILES = sourceFiles(ROOT, 'src');
const IMPORTS = new Map(FILES.map((file) => [file, importsOf(ROOT, file)]));

/** What is wrong with one file importing another, by the table; null if nothing. */
function layerProblem(from: string, to: string): string | null {
  const a = placeOf(TABLE, from);
  const b = placeOf(TABLE, to);
  if (!a || !b || a.unit === b.unit) return null;
  if (b.layer < a.layer) {
    return `${a.unit} (layer ${a.name}) may not import ${b.unit} (layer ${b.name}, higher): imports run downward`;
  }
  if (b.layer === a.layer) {
    return a.name === 'features'
      ? `no feature imports another feature (${a.unit} → ${b.unit}): move what they share below the features`
      : `${a.unit} and ${b.unit} are on one line of the table (layer ${a.name}): neither imports the other`;
  }
  return null;
}

function packageProblem(from: string, pkg: string): string | null {
  const rule = TABLE.packages.find((r) => namesPackage(r.names, pkg));
  if (!rule || rule.only.some((path) => (path.endsWith('/') ? from.startsWith(path) : from === path))) return null;
  return `${pkg} may be imported only under ${rule.only.join(', ')}`;
}

describe('the layers of docs/architecture.md', () => {
  it('the table names paths that exist, and places every file under src/', () => {
    const missing = TABLE.layers.flatMap(({ paths }) =>
      paths.filter((path) => !FILES.some((file) => file.startsWith(path.replace(/\*\/$/, '')))),
    );
    expect(missing, 'paths in the table that hold no file').toEqual([]);
    const unplaced = FILES.filter((file) => !placeOf(TABLE, file));
    expect(unplaced, 'files in no layer: add their folder to the table in docs/architecture.md').toEqual([]);
  });

  it('imports run downward, and no feature imports another', () => {
    const problems: string[] = [];
    for (const [from, imports] of IMPORTS) {
      for (const target of imports) {
        if (!('file' in target) || !target.file.startsWith('src/')) continue;
        const problem = layerProblem(from, target.file);
        if (problem) problems.push(`${from} imports ${target.file}: ${problem}`);
      }
    }
    expect(problems).toEqual([]);
  });

  it('React stays above the framework-free core, and only src/engine/ imports DuckDB', () => {
    const problems: string[] = [];
    for (const [from, imports] of IMPORTS) {
      for (const target of imports) {
        if (!('package' in target)) continue;
        const problem = packageProblem(from, target.package);
        if (problem) problems.push(`${from} imports ${target.package}: ${problem}`);
      }
    }
    expect(problems).toEqual([]);
  });

  it('no import cycles', () => {
    const graph = new Map(
      [...IMPORTS].map(([file, imports]) => [file, imports.flatMap((i) => ('file' in i ? [i.file] : []))]),
    );
    const found = cycles(graph).map((cycle) => `${cycle.join(' ↔ ')}: these files import each other (no cycles)`);
    expect(found).toEqual([]);
  });

  it('catches a wrong import, a package in the wrong place and a cycle (the check can fail)', () => {
    expect(layerProblem('src/engine/engine.ts', 'src/features/overview/overview-page.tsx')).toMatch(/higher/);
    expect(layerProblem('src/features/overview/overview-page.tsx', 'src/features/board-pack/present-page.tsx')).toMatch(
      /no feature imports another feature/,
    );
    expect(layerProblem('src/ingest/load-files.ts', 'src/benchmarks/load-published.ts')).toMatch(/higher/);
    expect(layerProblem('src/board/pack-figures.ts', 'src/charts/spc-chart.tsx')).toMatch(/one line/);
    expect(layerProblem('src/features/overview/overview-page.tsx', 'src/ui/switch.tsx')).toBeNull();
    expect(packageProblem('src/indicators/spc.ts', 'react')).toMatch(/only under/);
    expect(packageProblem('src/board/pack-figures.ts', '@tanstack/react-query')).toMatch(/only under/);
    expect(packageProblem('src/ingest/load-file.ts', '@duckdb/duckdb-wasm')).toMatch(/only under src\/engine\//);
    expect(packageProblem('src/engine/node-engine.ts', '@duckdb/duckdb-wasm')).toBeNull();
    const graph = new Map([
      ['a', ['b']],
      ['b', ['c']],
      ['c', ['a']],
      ['d', ['a']],
    ]);
    expect(cycles(graph)).toEqual([['a', 'b', 'c']]);
  });
});
