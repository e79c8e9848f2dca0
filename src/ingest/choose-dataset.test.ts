import { describe, expect, it } from 'vitest';
import { DATASETS, findDataset } from '../datasets/registry';
import { chooseDataset } from './choose-dataset';

const earlyHelp = findDataset('early_help_episodes');
const extras = (n: number) => Array.from({ length: n }, (_, i) => `Extra column ${i + 1}`);

describe('chooseDataset with extra columns', () => {
  it('loads a file with every early-help column by name plus 16 of its own, and lists those 16 as left aside', () => {
    const header = [...(earlyHelp?.fields.map((f) => f.name) ?? []), ...extras(16)];
    const choice = chooseDataset(header, { fileName: 'rows_200k_cols_30.csv', datasets: DATASETS });
    expect(choice.kind).toBe('chosen');
    if (choice.kind !== 'chosen') return;
    expect(choice.dataset.id).toBe('early_help_episodes');
    expect(choice.match.matches).toHaveLength(14);
    expect(choice.match.ignoredColumns).toEqual(extras(16));
  });

  it('loads a 5,000-column file whose labels name all 14 early-help columns, wherever they stand', () => {
    const labels = earlyHelp?.fields.map((f) => f.label) ?? [];
    const header = [...extras(2500), ...labels, ...extras(2486).map((c) => `${c}b`)];
    const choice = chooseDataset(header, { fileName: 'wide.csv', datasets: DATASETS });
    expect(choice.kind === 'chosen' && choice.dataset.id).toBe('early_help_episodes');
    expect(choice.kind === 'chosen' && choice.match.ignoredColumns.length).toBe(4986);
  });

  it('still asks about a file that only shares its required columns through aliases (a register of homes)', () => {
    const header = ['URN', 'Name', ...extras(19)];
    const choice = chooseDataset(header, { fileName: 'childrens_homes_register.csv', datasets: DATASETS });
    expect(choice).toMatchObject({ kind: 'refused', status: 'unconfirmed', closestDatasetId: 'schools' });
  });

  it('still asks when the exact names cover fewer than half of the dataset (2 of 14 early-help columns)', () => {
    const header = ['Child ID', 'Assessment start date', ...extras(5)];
    const choice = chooseDataset(header, { fileName: 'x.csv', datasets: DATASETS });
    expect(choice).toMatchObject({ kind: 'refused', status: 'unconfirmed' });
  });

  it('loads at exactly half: 7 of 14 early-help columns by name beside 20 others', () => {
    const names = earlyHelp?.fields.map((f) => f.name) ?? [];
    const header = [...names.slice(0, 7), ...extras(20)];
    expect(names.slice(0, 7)).toEqual(expect.arrayContaining(['child_id', 'assessment_start_date']));
    const choice = chooseDataset(header, { fileName: 'x.csv', datasets: DATASETS });
    expect(choice.kind === 'chosen' && choice.dataset.id).toBe('early_help_episodes');
  });
});
