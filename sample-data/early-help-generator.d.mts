export function createRandom(seed: number): () => number;
export function formatUkDate(date: Date): string;
export const EARLY_HELP_HEADER: string[];
export function generateEarlyHelpLines(options?: {
  seed?: number;
  from?: Date;
  to?: Date;
  startsPerMonth?: number;
  changeDate?: Date;
  changeFactor?: number;
}): Generator<string>;
