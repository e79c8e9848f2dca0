import { z } from 'zod';
import type { Engine } from '../engine/engine';
import { insertRows } from '../engine/insert-rows';
import { ContentHash } from '../shared/content-hash';
import { BANK_HOLIDAYS_ENGLAND_WALES } from './bank-holidays';

/** The calendar covers these years; outside 2015–2030 only weekends are non-working (no bank-holiday list). */
export const CALENDAR_FROM = '1990-01-01';
export const CALENDAR_TO = '2060-12-31';

/**
 * The key of the closure days pi_calendar was built with, kept in a session variable set in the same
 * call that builds the table, after it (see buildCalendar). Reading a session variable is a trivial
 * statement; reading the table's comment from `duckdb_tables()` instead is far slower in the browser.
 */
const BUILT_WITH_SQL = `SELECT getvariable('pi_calendar_key')::VARCHAR AS key`;

/**
 * A calendar's key: the local closure days it counts (bank holidays are part of the code), as the
 * project's 64-bit content hash (hexadecimal digits only), so that it can be written into SQL without
 * any user text becoming SQL text. Order and repeats do not change it.
 */
export function calendarKey(closureDays: readonly string[]): string {
  const hash = new ContentHash();
  hash.update(new TextEncoder().encode([...new Set(closureDays)].sort().join('|')));
  // The digest's 64 bits in hexadecimal (the byte count after them adds nothing here).
  return `cal${hash.digest().split('-')[0]}`;
}

/**
 * Builds pi_calendar(d, working, wd_index): every day from CALENDAR_FROM to CALENDAR_TO, whether it is a
 * working day, and the number of working days up to and including it. The working days after `a` up to
 * and including `b` are then wd_index(b) − wd_index(a): a notification on the Monday after a Monday
 * awareness is 5 working days, and a Saturday start counts from the Monday.
 *
 * The calendar depends only on the closure days, so a calendar already built with the same ones (by an
 * earlier load, or the start page's warm-up) is kept: one small query instead of three statements — the
 * calendar's insert and build are a noticeable part of a first load in the browser, the check is not.
 */
export async function buildCalendar(engine: Engine, closureDays: readonly string[]): Promise<void> {
  const key = calendarKey(closureDays);
  const [built] = await engine.query(BUILT_WITH_SQL, [], z.object({ key: z.string().nullable() }));
  if (built?.key === key) return;
  await engine.run('CREATE OR REPLACE TABLE pi_non_working_days (d DATE PRIMARY KEY, reason VARCHAR NOT NULL)');
  const rows = [
    ...BANK_HOLIDAYS_ENGLAND_WALES.map(([d, name]) => [d, name] as const),
    ...closureDays
      .filter((d) => !BANK_HOLIDAYS_ENGLAND_WALES.some(([holiday]) => holiday === d))
      .map((d) => [d, 'Local closure day'] as const),
  ];
  const unique = [...new Map(rows.map((r) => [r[0], r])).values()];
  await insertRows(engine, 'pi_non_working_days', unique, '(?::DATE, ?)');
  // The key (hexadecimal digits, calendarKey) is set in the same call as the table it describes, and
  // after it: if the build fails, the key still describes the calendar in place.
  await engine.run(
    `CREATE OR REPLACE TABLE pi_calendar AS
     WITH days AS (
       SELECT d::DATE AS d FROM range(DATE '${CALENDAR_FROM}', DATE '${CALENDAR_TO}' + INTERVAL 1 DAY, INTERVAL 1 DAY) t(d)
     ), flagged AS (
       SELECT days.d, isodow(days.d) <= 5 AND h.d IS NULL AS working
       FROM days LEFT JOIN pi_non_working_days h ON h.d = days.d
     )
     SELECT d, working, sum(working::INTEGER) OVER (ORDER BY d)::INTEGER AS wd_index FROM flagged ORDER BY d;
     SET VARIABLE pi_calendar_key = '${key}'`,
  );
}

/**
 * SQL for the working days after `from` up to and including `to`, given calendar aliases joined on each
 * date. Kept as a function so every "within N working days" rule counts the same way.
 */
export function workingDaysBetweenSql(fromCalendarAlias: string, toCalendarAlias: string): string {
  return `(${toCalendarAlias}.wd_index - ${fromCalendarAlias}.wd_index)`;
}
