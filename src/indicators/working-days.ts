import type { Engine } from '../engine/engine';
import { insertRows } from '../engine/insert-rows';
import { BANK_HOLIDAYS_ENGLAND_WALES } from './bank-holidays';

/** The calendar covers these years; outside 2015–2030 only weekends are non-working (no bank-holiday list). */
export const CALENDAR_FROM = '1990-01-01';
export const CALENDAR_TO = '2060-12-31';

/**
 * Builds pi_calendar(d, working, wd_index): every day from CALENDAR_FROM to CALENDAR_TO, whether it is a
 * working day, and the number of working days up to and including it. The working days after `a` up to
 * and including `b` are then wd_index(b) − wd_index(a): a notification on the Monday after a Monday
 * awareness is 5 working days, and a Saturday start counts from the Monday.
 */
export async function buildCalendar(engine: Engine, closureDays: readonly string[]): Promise<void> {
  await engine.run('CREATE OR REPLACE TABLE pi_non_working_days (d DATE PRIMARY KEY, reason VARCHAR NOT NULL)');
  const rows = [
    ...BANK_HOLIDAYS_ENGLAND_WALES.map(([d, name]) => [d, name] as const),
    ...closureDays
      .filter((d) => !BANK_HOLIDAYS_ENGLAND_WALES.some(([holiday]) => holiday === d))
      .map((d) => [d, 'Local closure day'] as const),
  ];
  const unique = [...new Map(rows.map((r) => [r[0], r])).values()];
  await insertRows(engine, 'pi_non_working_days', unique, '(?::DATE, ?)');
  await engine.run(
    `CREATE OR REPLACE TABLE pi_calendar AS
     WITH days AS (
       SELECT d::DATE AS d FROM range(?::DATE, ?::DATE + INTERVAL 1 DAY, INTERVAL 1 DAY) t(d)
     ), flagged AS (
       SELECT days.d, isodow(days.d) <= 5 AND h.d IS NULL AS working
       FROM days LEFT JOIN pi_non_working_days h ON h.d = days.d
     )
     SELECT d, working, sum(working::INTEGER) OVER (ORDER BY d)::INTEGER AS wd_index FROM flagged ORDER BY d`,
    [CALENDAR_FROM, CALENDAR_TO],
  );
}

/**
 * SQL for the working days after `from` up to and including `to`, given calendar aliases joined on each
 * date. Kept as a function so every "within N working days" rule counts the same way.
 */
export function workingDaysBetweenSql(fromCalendarAlias: string, toCalendarAlias: string): string {
  return `(${toCalendarAlias}.wd_index - ${fromCalendarAlias}.wd_index)`;
}
