import { existsSync } from 'node:fs';
import { resolve } from 'node:path';

/**
 * Real public files made by others, kept beside the repository (../shared/external-samples), never
 * inside it. This suite runs only through `npm run test:external`; it fails, never skips, when the
 * folder is missing, so a CI run that should have checked them cannot pass without them.
 */
export const EXTERNAL_SAMPLES = resolve(import.meta.dirname, '../../../shared/external-samples');

export function requireSamples(): string {
  if (!existsSync(EXTERNAL_SAMPLES)) {
    throw new Error(
      `The external samples are not at ${EXTERNAL_SAMPLES}. This suite (npm run test:external) needs them beside the repository; npm test does not.`,
    );
  }
  return EXTERNAL_SAMPLES;
}
