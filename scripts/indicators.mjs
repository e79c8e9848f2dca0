#!/usr/bin/env node
// `npm run indicators -- …`: the command line, started from one bundled file. tsx compiles each of the
// command line's ~150 TypeScript modules on every start (≈ 1.5 s); node starts the bundle in a fraction
// of that. The bundle (our own code only; packages stay in node_modules) is built on the first run and
// again whenever a file under src/ changes, into node_modules/.cache, never committed.
import { existsSync, mkdirSync, readdirSync, readFileSync, renameSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const ROOT = fileURLToPath(new URL('..', import.meta.url));
const OUT_DIR = join(ROOT, 'node_modules', '.cache', 'partnership-insight-cli');
const BUNDLE = join(OUT_DIR, 'indicators-cli.mjs');
const STAMP = join(OUT_DIR, 'sources.txt');

/** Every source file's path, size and modification time: the bundle is rebuilt when any differs. */
function sourcesStamp() {
  const lines = [];
  const walk = (dir) => {
    for (const entry of readdirSync(dir, { withFileTypes: true })) {
      const path = join(dir, entry.name);
      if (entry.isDirectory()) walk(path);
      else if (/\.(ts|tsx|json)$/.test(entry.name)) {
        const stat = statSync(path);
        lines.push(`${path}\t${stat.size}\t${stat.mtimeMs}`);
      }
    }
  };
  walk(join(ROOT, 'src'));
  return lines.sort().join('\n');
}

async function ensureBundle() {
  const stamp = sourcesStamp();
  if (existsSync(BUNDLE) && existsSync(STAMP) && readFileSync(STAMP, 'utf8') === stamp) return;
  const { build } = await import('esbuild');
  mkdirSync(OUT_DIR, { recursive: true });
  // Built aside and renamed into place, so two runs starting at once never see half a bundle.
  const partial = `${BUNDLE}.${process.pid}.tmp`;
  await build({
    entryPoints: [join(ROOT, 'src', 'cli', 'indicators-cli.ts')],
    outfile: partial,
    bundle: true,
    platform: 'node',
    format: 'esm',
    target: 'node20',
    packages: 'external',
    logLevel: 'warning',
  });
  renameSync(partial, BUNDLE);
  writeFileSync(STAMP, stamp);
}

await ensureBundle();
// The command line reads its arguments from process.argv.slice(2): the same here.
await import(pathToFileURL(BUNDLE).href);
