#!/usr/bin/env node
// Regenerates the committed sample data. Deterministic: running it twice gives identical files.
//   npm run sample-data
import { writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { generateEarlyHelpLines } from './early-help-generator.mjs';

const here = dirname(fileURLToPath(import.meta.url));
const lines = [...generateEarlyHelpLines()];
writeFileSync(join(here, 'early_help_episodes.csv'), `${lines.join('\r\n')}\r\n`);
console.log(`early_help_episodes.csv: ${lines.length - 1} episodes`);
