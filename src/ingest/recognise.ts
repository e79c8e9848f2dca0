import type { DatasetDefinition } from '../datasets/dataset-definition';
import { type HeaderMatch, matchHeader } from './header-match';

export interface Recognition {
  dataset: DatasetDefinition;
  match: HeaderMatch;
  /** 0–1: the share of the file's named columns that the dataset explains (+ a little for its file name). */
  confidence: number;
}

function stem(name: string): string {
  return name
    .toLowerCase()
    .replace(/\.[a-z0-9]+$/, '')
    .replace(/[^a-z0-9]+/g, '_');
}

export interface RecognitionResult {
  best: Recognition | null;
  candidates: Recognition[];
  closest: Recognition | null;
}

/**
 * Which dataset a file is, from its header (and, to break ties, its name). Every dataset whose
 * required columns are all present is a candidate; the one that explains most of the file's columns
 * wins. Returns the candidates best first, and the closest non-candidate for the "not recognised" message.
 */
export function recogniseDataset(
  header: readonly string[],
  datasets: readonly DatasetDefinition[],
  fileName = '',
): RecognitionResult {
  const named = header.filter((cell) => cell.trim() !== '').length || 1;
  const fileStem = stem(fileName);
  const scored = datasets.map((dataset) => {
    const match = matchHeader(header, dataset);
    const nameHint = fileStem.includes(stem(dataset.fileName)) ? 0.05 : 0;
    return { dataset, match, confidence: Math.min(1, match.matches.length / named + nameHint) };
  });
  const byConfidence = (a: Recognition, b: Recognition) =>
    b.confidence - a.confidence || b.match.matches.length - a.match.matches.length;
  const candidates = scored.filter((r) => r.match.missingRequired.length === 0).sort(byConfidence);
  const closest =
    scored
      .filter((r) => r.match.missingRequired.length > 0 && r.match.matches.length > 0)
      .sort(
        (a, b) =>
          a.match.missingRequired.length - b.match.missingRequired.length ||
          b.match.matches.length - a.match.matches.length,
      )[0] ?? null;
  return { best: candidates[0] ?? null, candidates, closest };
}

/** "Early help episodes (Child ID, Assessment start date); Training events (Event ID, Event date); …" */
export function requiredColumnsSummary(datasets: readonly DatasetDefinition[]): string {
  return datasets
    .map(
      (d) =>
        `${d.title} (${d.fields
          .filter((f) => f.required)
          .map((f) => f.label)
          .join(', ')})`,
    )
    .join('; ');
}
