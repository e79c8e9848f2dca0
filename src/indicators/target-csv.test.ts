import { describe, expect, it } from 'vitest';
import { ukOrIsoDate } from './periods';
import { parseTargetCsv, targetCsvTemplate, targetNumber } from './target-csv';

describe('targets from a CSV file', () => {
  it('reads a trajectory (steps in any order) and a single target; every row taken', () => {
    const csv = [
      'Indicator,From,Target',
      'EH3,01/10/2025,80%',
      'eh3,2025-04-01,70',
      'EH3,1/7/2025,75',
      'TR1,,"1,200"',
    ].join('\n');
    const result = parseTargetCsv(csv);
    expect(result).toMatchObject({ rowsRead: 4, rowsTaken: 4, problems: [] });
    expect(result.targets.get('EH3')).toEqual([
      { from: '2025-04-01', value: 70 },
      { from: '2025-07-01', value: 75 },
      { from: '2025-10-01', value: 80 },
    ]);
    expect(result.targets.get('TR1')).toBe(1200);
  });

  it('refuses, with line, column and reason, what it cannot take; read = taken + refused', () => {
    const csv = [
      'indicator,from,target',
      'EH3,04/13/2025,70', // month-first: refused, never turned round
      'XX9,01/04/2025,70',
      'EH3,01/04/2025,about 70',
      'EH3,01/04/2025,70',
      'EH3,2025-04-01,72', // the same date again
      'EH3,,75', // a single value beside steps
      ',01/04/2025,1',
    ].join('\n');
    const result = parseTargetCsv(csv);
    expect(result.rowsRead).toBe(7);
    expect(result.rowsTaken).toBe(1);
    expect(result.problems).toEqual([
      { line: 2, column: 'from', reason: '“04/13/2025” is not a date as dd/mm/yyyy or yyyy-mm-dd' },
      { line: 3, column: 'indicator', reason: '“XX9” is not an indicator of this tool' },
      { line: 4, column: 'target', reason: '“about 70” is not a number' },
      { line: 6, column: 'indicator', reason: 'EH3 already has a step from this date on line 5' },
      {
        line: 7,
        column: 'indicator',
        reason: 'EH3 already has a target on line 5: one value, or steps each with a date',
      },
      { line: 8, column: 'indicator', reason: 'is blank' },
    ]);
    expect(result.rowsTaken + result.problems.length).toBe(result.rowsRead);
    expect(result.targets.get('EH3')).toEqual([{ from: '2025-04-01', value: 70 }]);
  });

  it('says which column is missing', () => {
    const result = parseTargetCsv('indicator,when,value\nEH3,01/04/2025,70');
    // "value" is accepted for target, but with no from column every row is a single target, and it says so.
    expect(result.targets.get('EH3')).toBe(70);
    expect(result.notice).toBe(
      'No “from” column was found (the columns are “indicator”, “when”, “value”): each row was read as one target for every period, not as a step of a trajectory.',
    );
    expect(parseTargetCsv('name,goal\nEH3,70').problems).toEqual([
      {
        line: 1,
        column: 'indicator',
        reason: 'no indicator or target column: the first row must name the columns indicator, from and target',
      },
    ]);
  });

  it('reads numbers and dates as a UK spreadsheet writes them', () => {
    expect(targetNumber(' 85.5% ')).toBe(85.5);
    expect(targetNumber('80 %')).toBe(80);
    expect(targetNumber('1,234,567')).toBe(1234567);
    expect(targetNumber('1,23')).toBeNull();
    expect(targetNumber('')).toBeNull();
    expect(targetNumber('1e3')).toBeNull();
    expect(ukOrIsoDate('31/03/2026')).toBe('2026-03-31');
    expect(ukOrIsoDate('2026-02-30')).toBeNull();
    expect(ukOrIsoDate('03/31/2026')).toBeNull();
  });

  it('has a template that reads back without a problem', () => {
    const result = parseTargetCsv(targetCsvTemplate());
    expect(result.problems).toEqual([]);
    expect(result.rowsTaken).toBe(4);
  });
});
