#!/usr/bin/env node
// Runs after every `npm install` (the root "postinstall" script).
//
// The npm registry mirror this project is built against only carries the Linux builds of some
// platform-specific packages (e.g. @biomejs/cli-darwin-arm64, newer @rollup/rollup-win32-*). npm
// then leaves those optional dependencies out of package-lock.json, and `npm ci` refuses the lock
// as "not in sync". This adds a minimal entry (name, version, optional) for each missing optional
// dependency, so `npm ci` accepts the lock; npm skips such packages on platforms that do not need them.
import { existsSync, readFileSync, writeFileSync } from 'node:fs';

const path = new URL('../package-lock.json', import.meta.url);
if (!existsSync(path)) process.exit(0);
const lock = JSON.parse(readFileSync(path, 'utf8'));
const packages = lock.packages ?? {};
let added = 0;
for (const entry of Object.values(packages)) {
  for (const [name, version] of Object.entries(entry.optionalDependencies ?? {})) {
    const key = `node_modules/${name}`;
    if (!packages[key]) {
      packages[key] = { version, dev: entry.dev, optional: true };
      added += 1;
    }
  }
}
if (added > 0) {
  lock.packages = Object.fromEntries(
    Object.entries(packages).sort(([a], [b]) => (a === '' ? -1 : b === '' ? 1 : a.localeCompare(b))),
  );
  writeFileSync(path, `${JSON.stringify(lock, null, 2)}\n`);
  console.log(`package-lock.json: recorded ${added} optional platform packages the registry mirror lacks`);
}
