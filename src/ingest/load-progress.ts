import type { LoadProgress } from './load-file';

/**
 * Of one file's load, the part its read takes (from the benchmark's timelines of the million-row
 * early-help file): the counts, checks and store are the rest.
 */
export const READ_SHARE = 0.7;

/**
 * How far the whole load is, 0–1, for the progress bar: each file weighs its size in bytes (a 120 MB
 * extract loaded with two small ones is nearly all of the work), and within a file the read is
 * READ_SHARE of it, measured by the bytes read; the steps after it count as the rest once they start.
 * Files of no size weigh one byte each, so a load of empty files still moves.
 */
export function overallFraction(sizes: readonly number[], progress: LoadProgress): number {
  const weights = sizes.map((size) => Math.max(1, size));
  const total = weights.reduce((sum, w) => sum + w, 0);
  const index = (progress.fileIndex ?? 1) - 1;
  const before = weights.slice(0, index).reduce((sum, w) => sum + w, 0);
  const done = progress.phase === 'reading' ? READ_SHARE * clamp01(progress.fraction ?? 0) : READ_SHARE;
  return clamp01((before + (weights[index] ?? 0) * done) / total);
}

const clamp01 = (x: number) => Math.min(1, Math.max(0, x));
