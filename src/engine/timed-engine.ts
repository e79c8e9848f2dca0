import type { Engine } from './engine';

/** With `PI_DEBUG=sql` (Node only): every statement timed, the slowest listed on stderr at exit. */
export function withTimings<E extends Engine>(engine: E): E {
  return process.env.PI_DEBUG === 'sql' ? timed(engine) : engine;
}

function timed<E extends Engine>(engine: E): E {
  const times: { ms: number; sql: string }[] = [];
  const started = performance.now();
  process.on('exit', () => {
    const total = times.reduce((sum, t) => sum + t.ms, 0);
    process.stderr.write(
      `\n[sql] ${times.length} statements, ${Math.round(total)} ms of ${Math.round(performance.now() - started)} ms\n`,
    );
    for (const t of [...times].sort((a, b) => b.ms - a.ms).slice(0, Number(process.env.PI_DEBUG_TOP ?? 25))) {
      process.stderr.write(`[sql] ${String(Math.round(t.ms)).padStart(6)} ms  ${t.sql}\n`);
    }
  });
  const time = async <T>(sql: string, task: () => Promise<T>): Promise<T> => {
    const t0 = performance.now();
    try {
      return await task();
    } finally {
      times.push({ ms: performance.now() - t0, sql: sql.replace(/\s+/g, ' ').slice(0, 110) });
    }
  };
  return {
    ...engine,
    query: (sql, params, schema, options) => time(sql, () => engine.query(sql, params, schema, options)),
    run: (sql, params, options) => time(sql, () => engine.run(sql, params, options)),
  };
}
