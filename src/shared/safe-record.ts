import { z } from 'zod';

/**
 * Names that must never become keys of a plain object read from a file or from browser storage:
 * `__proto__` would set the object's prototype (zod's record drops it silently), and `constructor` or
 * `prototype` would shadow what every object inherits.
 */
const UNSAFE_KEYS: ReadonlySet<string> = new Set(['__proto__', 'constructor', 'prototype']);

export const isSafeKey = (key: string) => !UNSAFE_KEYS.has(key);

/**
 * A record read from outside (a file, browser storage): every key checked by `key` and never one of the
 * names above (refused, with the name, rather than dropped); the result has no prototype, so nothing
 * can be found in it that it does not hold.
 */
export function safeRecord<K extends z.ZodType<string, string>, V extends z.ZodType>(key: K, value: V) {
  return z
    .custom<Record<string, unknown>>((raw) => typeof raw === 'object' && raw !== null && !Array.isArray(raw), {
      message: 'is not a set of names and values',
    })
    .superRefine((raw, ctx) => {
      for (const name of Object.keys(raw)) {
        if (!isSafeKey(name)) ctx.addIssue({ code: 'custom', message: `holds “${name}”, which cannot be a name` });
      }
    })
    .pipe(z.record(key, value))
    .transform((record) => Object.assign(Object.create(null), record) as Record<z.output<K>, z.output<V>>);
}
