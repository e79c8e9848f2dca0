import { useEffect, useRef } from 'react';
import type { z } from 'zod';
import { firstProblem } from '../shared/problem-words';
import { KEPT, SET_ASIDE_SUFFIX } from './kept-in-browser';

/**
 * Reading back what this browser keeps (localStorage, or the tab's sessionStorage). What was written by
 * an older version, edited by hand or damaged is checked as completely as a file is at the door; if it
 * cannot be used it is set aside (moved to `<key>-set-aside`, so nothing is lost), the app starts from
 * the default, and a notice says so. Nothing here throws: a read runs while the app first renders, and
 * a throw there blanks every page.
 */

type Store = Pick<Storage, 'getItem' | 'setItem' | 'removeItem'>;

export type StoredCheck<T> = (text: string) => { ok: true; value: T } | { ok: false; reason: string };

/** A check of stored JSON text by a zod schema, with the first problem in words. */
export function schemaCheck<T>(schema: z.ZodType<T, unknown>): StoredCheck<T> {
  return (text) => {
    let json: unknown;
    try {
      json = JSON.parse(text);
    } catch {
      return { ok: false, reason: 'it is not JSON' };
    }
    const parsed = schema.safeParse(json);
    return parsed.success ? { ok: true, value: parsed.data } : { ok: false, reason: firstProblem(parsed.error) };
  };
}

export interface SetAsideNotice {
  key: string;
  /** What it was, in words ("the board pack and its commentary"). */
  what: string;
  /** Why it could not be used ("item 3: filters is not valid …"). */
  reason: string;
}

let notices: readonly SetAsideNotice[] = [];
const listeners = new Set<() => void>();

function tell() {
  // Reads happen while providers first render: listeners hear of them after, never during, a render.
  queueMicrotask(() => {
    for (const listener of listeners) listener();
  });
}

export const setAsideNotices = {
  get: () => notices,
  subscribe(listener: () => void) {
    listeners.add(listener);
    return () => void listeners.delete(listener);
  },
  dismiss(key: string) {
    notices = notices.filter((n) => n.key !== key);
    tell();
  },
};

const whatIs = (key: string) =>
  KEPT.find((k) => k.key === key)?.what ??
  (key === 'partnership-insight:held-files' ? 'the list of files this tab held' : 'saved settings');

/** Moves a stored entry to `<key>-set-aside` (the latest kept), leaving the key free. */
function moveAside(storage: Store, key: string, text: string): void {
  try {
    storage.setItem(`${key}${SET_ASIDE_SUFFIX}`, text);
  } catch {
    // Storage full: the entry still goes, so that the app can start; the notice says it could not be kept.
  }
  try {
    storage.removeItem(key);
  } catch {
    // Storage blocked by policy: nothing was read from it either.
  }
}

/**
 * The value kept under `key`, checked; the fallback when there is none, when storage is blocked, or when
 * it cannot be used (then set aside, with a notice).
 */
export function readStored<T>(key: string, check: StoredCheck<T>, fallback: () => T, storage?: Store): T {
  let text: string | null;
  try {
    text = (storage ?? localStorage).getItem(key);
  } catch {
    return fallback();
  }
  if (text === null) return fallback();
  let result: ReturnType<StoredCheck<T>>;
  try {
    result = check(text);
  } catch (error) {
    result = { ok: false, reason: error instanceof Error ? error.message : String(error) };
  }
  if (result.ok) return result.value;
  moveAside(storage ?? localStorage, key, text);
  notices = [...notices.filter((n) => n.key !== key), { key, what: whatIs(key), reason: result.reason }];
  tell();
  return fallback();
}

/** Writes a value; storage blocked or full leaves it for this visit only. */
export function writeStored(key: string, value: unknown, storage?: Store): void {
  try {
    (storage ?? localStorage).setItem(key, JSON.stringify(value));
  } catch {
    // Blocked by policy or full: the value lasts for this visit.
  }
}

const resetListeners = new Map<string, Set<() => void>>();

/**
 * "Reset this page's saved settings": each key's entry is set aside (as a damaged one is) and whoever
 * holds it in memory starts again from its default. Returns how many entries there were.
 */
export function resetStored(keys: readonly string[], storage?: Store): number {
  let moved = 0;
  for (const key of keys) {
    let text: string | null = null;
    try {
      text = (storage ?? localStorage).getItem(key);
    } catch {
      // Blocked: nothing kept to move.
    }
    if (text !== null) {
      moveAside(storage ?? localStorage, key, text);
      moved += 1;
    }
    for (const listener of resetListeners.get(key) ?? []) listener();
  }
  return moved;
}

/** Calls `reset` when the entry under `key` is reset (see resetStored). */
export function useStoredReset(key: string, reset: () => void): void {
  const latest = useRef(reset);
  latest.current = reset;
  useEffect(() => {
    const listener = () => latest.current();
    const set = resetListeners.get(key) ?? new Set();
    set.add(listener);
    resetListeners.set(key, set);
    return () => void set.delete(listener);
  }, [key]);
}
