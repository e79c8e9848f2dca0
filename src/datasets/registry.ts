import type { DatasetDefinition } from './dataset-definition';
import { earlyHelpEpisodes } from './early-help';

/** Every dataset the app can load. The UI, the command line and the tests read this list. */
export const DATASETS: readonly DatasetDefinition[] = [earlyHelpEpisodes];

export function findDataset(id: string | null): DatasetDefinition | undefined {
  return DATASETS.find((dataset) => dataset.id === id);
}
