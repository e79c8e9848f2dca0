#!/usr/bin/env node
// Serves the built app on http://localhost:4173 (or PORT). `npm start` builds first.
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { startStaticServer } from './static-server.mjs';

const root = fileURLToPath(new URL('../dist', import.meta.url));
if (!existsSync(root)) {
  console.error('No build found: run `npm run build` first (npm start does this for you).');
  process.exit(1);
}
const port = Number(process.env.PORT ?? 4173);
const host = process.env.HOST ?? '127.0.0.1';
const server = await startStaticServer({ root, port, host });
console.log(`Partnership Insight is running at ${server.url.replace('127.0.0.1', 'localhost')}`);
console.log('Open it in Edge or Chrome and press "Try with sample data". Press Ctrl+C to stop.');
