import { beforeAll, describe, expect, it } from 'vitest';
import { z } from 'zod';
import type { Engine } from '../../src/engine/engine';
import { buildCalendar, calendarKey } from '../../src/indicators/working-days';
import { createTestEngine } from '../support/test-engine';
import { watchStatements } from '../support/watched-engine';

// The working-day calendar is rebuilt only when the local closure days change. Worked by hand: from
// Friday 20/12/2024 to Friday 03/01/2025 the weekdays after the 20th are 23, 24, 25*, 26*, 27, 30, 31
// December and 1*, 2, 3 January; * bank holidays (Christmas, Boxing Day, New Year's Day): 7 working
// days, 6 when 27/12/2024 is a local closure day.

let engine: Engine;
let statements: string[];
let watched: Engine;

beforeAll(async () => {
  engine = await createTestEngine();
  statements = [];
  watched = watchStatements(engine, (sql) => {
    statements.push(sql);
  });
}, 60_000);

async function workingDays(from: string, to: string): Promise<number> {
  const [row] = await engine.query(
    `SELECT (b.wd_index - a.wd_index)::INTEGER AS n FROM pi_calendar a, pi_calendar b WHERE a.d = ?::DATE AND b.d = ?::DATE`,
    [from, to],
    z.object({ n: z.number() }),
  );
  return row?.n ?? Number.NaN;
}

async function build(closureDays: string[]) {
  statements.length = 0;
  await buildCalendar(watched, closureDays);
  return statements.length;
}

describe('buildCalendar', () => {
  it('builds the calendar on a new database, bank holidays counted', async () => {
    expect(await build([])).toBe(4); // the check, the table of non-working days, its rows, the calendar
    expect(await workingDays('2024-12-20', '2025-01-03')).toBe(7);
  });

  it('keeps it when the closure days are the same: one query, nothing written', async () => {
    expect(await build([])).toBe(1);
    expect(await workingDays('2024-12-20', '2025-01-03')).toBe(7);
  });

  it('builds it again when they change, and again when they change back', async () => {
    expect(await build(['2024-12-27'])).toBe(4);
    expect(await workingDays('2024-12-20', '2025-01-03')).toBe(6);
    expect(await build(['2024-12-27'])).toBe(1);
    expect(await build([])).toBe(4);
    expect(await workingDays('2024-12-20', '2025-01-03')).toBe(7);
  });

  it('reads the key from the session, whichever engine object built it (the warm-up has its own)', async () => {
    await buildCalendar(watched, ['2025-01-02']);
    statements.length = 0;
    await buildCalendar(
      watchStatements(engine, (sql) => void statements.push(sql)),
      ['2025-01-02'],
    );
    expect(statements).toHaveLength(1);
    await engine.run('RESET VARIABLE pi_calendar_key');
    expect(await build(['2025-01-02'])).toBe(4);
    expect(await workingDays('2024-12-20', '2025-01-03')).toBe(6);
  });

  it('keys the closure days whatever their order or repeats, in hexadecimal digits only', () => {
    expect(calendarKey(['2025-01-02', '2024-12-27'])).toBe(calendarKey(['2024-12-27', '2025-01-02', '2024-12-27']));
    expect(calendarKey(['2024-12-27'])).not.toBe(calendarKey([]));
    expect(calendarKey(["2024-12-27'; DROP TABLE x; --"])).toMatch(/^cal[0-9a-f]{16}$/);
  });
});
