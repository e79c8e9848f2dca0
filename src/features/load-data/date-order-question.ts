import type { ChosenDateOrder, DateColumnReport } from '../../ingest/date-order';
import { formatNumber } from '../../shared/format';

/** One answer the load report offers for a date column: the first is the primary (default) button. */
export interface DateOrderOption {
  order: ChosenDateOrder;
  label: string;
}

export interface DateOrderQuestion {
  text: string;
  options: DateOrderOption[];
}

const dates = (n: number) => `${formatNumber(n)} ${n === 1 ? 'date' : 'dates'}`;
const was = (n: number) => (n === 1 ? 'was' : 'were');
const example = (e: DateColumnReport['example']) => (e ? ` (e.g. ${e.value}, line ${e.line})` : '');

/**
 * What the load report says and offers for a date column that is, or looks, month/day. While the
 * column is unsure, both readings' evidence is said — the dates that can only be day/month and those
 * that can only be month/day — and the reading with more of it is offered first; a tie goes to
 * day/month, the UK convention. Nothing is read either way until the user chooses.
 */
export function dateOrderQuestion(column: DateColumnReport, label: string): DateOrderQuestion {
  const name = label.toLowerCase();
  const dayMonth = column.dayMonthCount;
  const monthDay = column.monthDayCount;
  const readMonthDay: DateOrderOption = {
    order: 'mdy',
    label:
      dayMonth > 0
        ? `Read ${name} as month/day: the ${dates(dayMonth)} that can only be day/month ${dayMonth === 1 ? 'is a mistake' : 'are mistakes'}`
        : `Read ${name} as month/day`,
  };
  const readDayMonth: DateOrderOption = {
    order: 'dmy',
    label: `Read ${name} as day/month: the ${dates(monthDay)} that can only be month/day ${monthDay === 1 ? 'is a mistake' : 'are mistakes'}`,
  };
  switch (column.order) {
    case 'unsure': {
      const dayMonthSaid =
        dayMonth > 0
          ? `${dates(dayMonth)} can only be day/month${example(column.dayMonthExample)}`
          : 'no date can only be day/month';
      const ambiguous = column.ambiguousCount;
      return {
        text: `${label} holds dates that can only be read one way round: ${dayMonthSaid}; ${formatNumber(monthDay)} can only be month/day${example(column.example)}. So that no date is read the wrong way round, ${formatNumber(ambiguous)} that could be either (like 03/04/2024) ${was(ambiguous)} not loaded. How is this column written?`,
        options: dayMonth >= monthDay ? [readDayMonth, readMonthDay] : [readMonthDay, readDayMonth],
      };
    }
    case 'mdy':
      return {
        text: `${label} is read as month/day/year, as you chose for files with these columns.`,
        options: [{ order: 'dmy', label: 'Read it as day/month' }],
      };
    default:
      return {
        text: `${label} is read as day/month/year, as you chose; ${dates(monthDay)} that can only be month/day ${was(monthDay)} not loaded${example(column.example)}.`,
        options: [{ order: 'mdy', label: `Read ${name} as month/day` }],
      };
  }
}
