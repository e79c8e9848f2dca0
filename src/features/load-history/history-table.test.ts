import { describe, expect, it } from 'vitest';
import { csvText } from '../../shared/csv';
import { historyCsvRows, historyTime } from './history-table';

describe('the load history as a table', () => {
  it('lists entries newest first, with the time, the action in words, the file, rows and "as at"', () => {
    const rows = historyCsvRows([
      { at: '2026-12-07T14:05:00.000Z', action: 'load', summary: 'Loaded “a.csv”', file: 'a.csv', rows: 12 },
      { at: '2026-12-07T14:09:00.000Z', action: 'export', summary: 'Board pack saved', asAt: '2026-09-30' },
    ]);
    expect(rows[0]).toEqual([
      'Date and time',
      'What happened',
      'Details',
      'File',
      'Rows',
      'Figures as at',
      'Recorded at (ISO, UTC)',
    ]);
    expect(rows.slice(1)).toEqual([
      [
        historyTime('2026-12-07T14:09:00.000Z'),
        'Exported',
        'Board pack saved',
        '',
        '',
        '30/09/2026',
        '2026-12-07T14:09:00.000Z',
      ],
      [
        historyTime('2026-12-07T14:05:00.000Z'),
        'Loaded',
        'Loaded “a.csv”',
        'a.csv',
        12,
        '',
        '2026-12-07T14:05:00.000Z',
      ],
    ]);
  });

  it('shows the time as dd/mm/yyyy hh:mm on this computer’s clock', () => {
    const local = new Date(2026, 11, 7, 14, 5).toISOString();
    expect(historyTime(local)).toBe('07/12/2026 14:05');
  });

  it('writes a file name that looks like a formula as inert text', () => {
    const rows = historyCsvRows([
      { at: '2026-12-07T14:05:00.000Z', action: 'load', summary: 'Loaded', file: '=HYPERLINK("x").csv', rows: 1 },
    ]);
    expect(csvText(rows)).toContain(`"'=HYPERLINK(""x"").csv"`);
  });
});
