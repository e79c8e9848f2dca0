import { describe, expect, it } from 'vitest';
import type { DateColumnReport } from '../../ingest/date-order';
import { dateOrderQuestion } from './date-order-question';

const column = (counts: Partial<DateColumnReport>): DateColumnReport => ({
  field: 'assessment_start_date',
  order: 'unsure',
  monthDayCount: 0,
  example: null,
  dayMonthCount: 0,
  dayMonthExample: null,
  ambiguousCount: 0,
  ...counts,
});

const orders = (c: DateColumnReport) => dateOrderQuestion(c, 'Assessment start date').options.map((o) => o.order);

describe('the date-order question', () => {
  it('says both counts, and offers the reading with more evidence first: 13 day/month against 4 month/day', () => {
    const question = dateOrderQuestion(
      column({
        dayMonthCount: 13,
        dayMonthExample: { line: 2, value: '13/04/2025' },
        monthDayCount: 4,
        example: { line: 9, value: '04/13/2025' },
        ambiguousCount: 3,
      }),
      'Assessment start date',
    );
    expect(question.text).toBe(
      'Assessment start date holds dates that can only be read one way round: 13 dates can only be day/month (e.g. 13/04/2025, line 2); 4 can only be month/day (e.g. 04/13/2025, line 9). So that no date is read the wrong way round, 3 that could be either (like 03/04/2024) were not loaded. How is this column written?',
    );
    expect(question.options).toEqual([
      {
        order: 'dmy',
        label: 'Read assessment start date as day/month: the 4 dates that can only be month/day are mistakes',
      },
      {
        order: 'mdy',
        label: 'Read assessment start date as month/day: the 13 dates that can only be day/month are mistakes',
      },
    ]);
  });

  it('offers month/day first when it has more evidence: 1 day/month against 3 month/day', () => {
    const question = dateOrderQuestion(
      column({
        dayMonthCount: 1,
        dayMonthExample: { line: 4, value: '25/12/2024' },
        monthDayCount: 3,
        example: { line: 2, value: '02/13/2024' },
        ambiguousCount: 1,
      }),
      'Assessment start date',
    );
    expect(question.text).toContain(
      '1 date can only be day/month (e.g. 25/12/2024, line 4); 3 can only be month/day (e.g. 02/13/2024, line 2)',
    );
    expect(question.text).toContain('1 that could be either (like 03/04/2024) was not loaded');
    expect(question.options.map((o) => o.order)).toEqual(['mdy', 'dmy']);
    expect(question.options[0]?.label).toBe(
      'Read assessment start date as month/day: the 1 date that can only be day/month is a mistake',
    );
  });

  it('a tie keeps day/month first (the UK convention): 2 against 2', () => {
    expect(orders(column({ dayMonthCount: 2, monthDayCount: 2 }))).toEqual(['dmy', 'mdy']);
  });

  it('with no day/month-only date, month/day first, and says there is none', () => {
    const c = column({ monthDayCount: 2, example: { line: 2, value: '02/13/2024' }, ambiguousCount: 1 });
    expect(orders(c)).toEqual(['mdy', 'dmy']);
    expect(dateOrderQuestion(c, 'Assessment start date').text).toContain(
      'no date can only be day/month; 2 can only be month/day (e.g. 02/13/2024, line 2)',
    );
    expect(dateOrderQuestion(c, 'Assessment start date').options[0]?.label).toBe(
      'Read assessment start date as month/day',
    );
  });

  it('once chosen, offers only the other reading', () => {
    expect(orders(column({ order: 'mdy', monthDayCount: 2 }))).toEqual(['dmy']);
    expect(orders(column({ order: 'dmy', monthDayCount: 2, dayMonthCount: 5 }))).toEqual(['mdy']);
  });
});
