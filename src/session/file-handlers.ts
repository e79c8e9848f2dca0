import { PUBLISHED_FILES } from '../benchmarks/load-published';
import type { FileHandler } from '../ingest/file-handlers';

/**
 * The files the app reads besides the partnership datasets, and who reads them: wired into the ingest when
 * the session starts (app-data.tsx), so the ingest imports none of them. The command line passes the same
 * (src/cli/indicators-cli.ts).
 */
export const FILE_HANDLERS: readonly FileHandler[] = [PUBLISHED_FILES];
