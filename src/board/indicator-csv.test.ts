import { describe, expect, it } from 'vitest';
import { getIndicator } from '../indicators/registry';
import { csvFile } from '../shared/csv';
import { indicatorCsvRows, type TablePoint } from './indicator-csv';

const point = (label: string, start: string, values: Partial<TablePoint>): TablePoint => ({
  label,
  periodStart: start,
  periodEnd: start,
  effectiveEnd: start,
  partial: false,
  value: null,
  numerator: null,
  denominator: null,
  ...values,
});

describe('an indicator table as CSV', () => {
  it('writes published symbols: c withheld, x not available, z not applicable, rates to 1 dp', () => {
    const eh3 = getIndicator('EH3');
    const rows = indicatorCsvRows(
      eh3,
      [
        point('2024-25 Q1', '2024-04-01', {
          numerator: 2,
          denominator: 3,
          value: 66.666,
          suppressed: true,
          numeratorHidden: true,
        }),
        point('2024-25 Q2', '2024-07-01', { numerator: 40, denominator: 60, value: 66.666 }),
        point('2024-25 Q3', '2024-10-01', { partial: true }),
      ],
      { points: [{ type: null }, { type: 'common_cause' }, { type: null }] as never },
    );
    expect(rows[0]).toEqual([
      'indicator_id',
      'indicator',
      'period',
      'from',
      'to',
      'complete',
      'numerator',
      'denominator',
      'value',
      'unit',
      'variation',
    ]);
    expect(rows[1]?.slice(5, 9)).toEqual(['yes', 'c', 3, 'c']);
    expect(rows[2]?.slice(6, 11)).toEqual([40, 60, 66.7, 'percent', 'Common cause variation']);
    expect(rows[3]?.slice(5, 9)).toEqual(['no', 'x', 'x', 'x']);
    const eh1 = getIndicator('EH1');
    const counts = indicatorCsvRows(eh1, [point('2024-25 Q1', '2024-04-01', { value: 12 })], { points: [] });
    expect(counts[1]?.slice(6, 9)).toEqual(['z', 'z', 12]);
  });

  it('goes through the safe writer: a BOM, CRLF, and nothing a spreadsheet would run', () => {
    const text = csvFile(
      indicatorCsvRows(getIndicator('EH1'), [point('=1+1', '2024-04-01', { value: -3 })], { points: [] }),
    );
    expect(text.startsWith('\uFEFFindicator_id,')).toBe(true);
    expect(text).toContain('\r\nEH1,Early help assessments started,"\'=1+1",2024-04-01,');
    expect(text).toContain(',-3,count,');
  });
});

describe('an indicator table with a target', () => {
  it('adds a target column: each period’s own (a trajectory’s step), blank where none is in force', () => {
    const rows = indicatorCsvRows(
      getIndicator('EH3'),
      [point('2024-25 Q1', '2024-04-01', { value: 50 }), point('2024-25 Q2', '2024-07-01', { value: 55 })],
      { points: [], target: { line: [null, 60], latest: 60, trajectory: true } },
    );
    expect(rows[0]?.at(-1)).toBe('target');
    expect(rows.slice(1).map((r) => r.at(-1))).toEqual(['', 60]);
  });
});
