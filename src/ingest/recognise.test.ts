import { describe, expect, it } from 'vitest';
import { DATASETS } from '../datasets/registry';
import { recogniseDataset } from './recognise';

describe('recogniseDataset', () => {
  it.each(DATASETS.map((d) => [d.id, d] as const))('%s is recognised from its own column names', (_id, dataset) => {
    const result = recogniseDataset(
      dataset.fields.map((f) => f.name),
      DATASETS,
    );
    expect(result.best?.dataset.id).toBe(dataset.id);
    expect(result.best?.confidence).toBe(1);
  });

  it.each(DATASETS.map((d) => [d.id, d] as const))('%s is recognised from its labels', (_id, dataset) => {
    const result = recogniseDataset(
      dataset.fields.map((f) => f.label),
      DATASETS,
    );
    expect(result.best?.dataset.id).toBe(dataset.id);
  });

  it('recognises Ofsted Annex A List 2 as early help', () => {
    const header = [
      'Child Unique ID',
      'Gender',
      'Ethnicity',
      'Date of Birth',
      'Age of Child (Years)',
      'Assessment start date',
      'Assessment completion date',
      'Organisation completing assessment',
    ];
    const result = recogniseDataset(header, DATASETS);
    expect(result.best?.dataset.id).toBe('early_help_episodes');
    expect(result.best?.confidence).toBeCloseTo(7 / 8);
  });

  it('tells recommendations from the reviews they belong to', () => {
    const result = recogniseDataset(['Review ID', 'Rec ID', 'Owner', 'Due date', 'Status'], DATASETS);
    expect(result.best?.dataset.id).toBe('review_recommendations');
    expect(result.candidates.map((c) => c.dataset.id)).toContain('practice_reviews');
  });

  it('tells attendance from evaluations', () => {
    expect(recogniseDataset(['event_id', 'attendee_id', 'agency', 'status'], DATASETS).best?.dataset.id).toBe(
      'training_attendance',
    );
    expect(recogniseDataset(['event_id', 'attendee_id', 'stage', 'confidence'], DATASETS).best?.dataset.id).toBe(
      'training_evaluations',
    );
  });

  it('uses the file name to break a tie', () => {
    const header = ['audit_id', 'action_id'];
    expect(recogniseDataset(header, DATASETS, 'audit_actions (3).csv').best?.dataset.id).toBe('audit_actions');
  });

  it('recognises nothing in an SSDA903 header, and says what is closest', () => {
    const result = recogniseDataset(['CHILD', 'DECOM', 'RNE', 'LS', 'CIN', 'PLACE'], DATASETS);
    expect(result.best).toBeNull();
  });
});
