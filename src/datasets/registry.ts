import { auditActions, auditGrades } from './audits';
import { CHILD_PROTECTION_DATASETS } from './child-protection';
import { complianceReturns, schools } from './compliance';
import type { DatasetDefinition } from './dataset-definition';
import { earlyHelpEpisodes } from './early-help';
import { practiceReviews, reviewRecommendations } from './reviews';
import { trainingAttendance, trainingEvaluations, trainingEvents, workforce } from './training';

/** Every dataset the app can load. The UI, the command line and the tests read this list. */
export const DATASETS: readonly DatasetDefinition[] = [
  earlyHelpEpisodes,
  trainingEvents,
  trainingAttendance,
  trainingEvaluations,
  workforce,
  complianceReturns,
  schools,
  auditGrades,
  auditActions,
  practiceReviews,
  reviewRecommendations,
  ...CHILD_PROTECTION_DATASETS,
];

export function findDataset(id: string | null): DatasetDefinition | undefined {
  return DATASETS.find((dataset) => dataset.id === id);
}
