/**
 * A value stored under `key` in a plain object, only if the object itself holds it. User text (a cell,
 * a header, an address) is never looked up in a plain object any other way: `record['constructor']`
 * or `record['__proto__']` would otherwise find what every object inherits.
 */
export function ownValue<V>(record: Readonly<Record<string, V>> | undefined | null, key: string): V | undefined {
  return record !== undefined && record !== null && Object.hasOwn(record, key) ? record[key] : undefined;
}
