/**
 * What this browser keeps for the app (localStorage, under one prefix): the user's choices and words,
 * never data. Named here for the start page, which says plainly what is kept and what is not, and can
 * remove it all. A test checks that every key the app writes is listed.
 */
export const KEPT_PREFIX = 'partnership-insight:';

export const KEPT: readonly { key: string; what: string }[] = [
  { key: 'partnership-insight:indicator-settings', what: 'your local standards (settings)' },
  { key: 'partnership-insight:targets', what: 'targets' },
  { key: 'partnership-insight:chart-notes', what: 'changes marked on charts and minimum numbers of cases' },
  { key: 'partnership-insight:events', what: 'the events register (events shown on charts)' },
  { key: 'partnership-insight:board-pack', what: 'the board pack and its commentary' },
  { key: 'partnership-insight:yearly-report', what: 'the yearly report’s own words' },
  {
    key: 'partnership-insight:review-counts-shown',
    what: 'whether the yearly report shows the practice review numbers',
  },
  { key: 'partnership-insight:value-mappings', what: 'the codes, columns and dates you mapped' },
  {
    key: 'partnership-insight:benchmarks',
    what: 'your Published statistics choices (local authority, neighbours, directions of good)',
  },
  { key: 'partnership-insight:kept-idle-minutes', what: 'how long kept data stays unlocked without use' },
];

/**
 * A kept entry that could not be read back (or that the user reset) is moved to its key with this
 * suffix, so nothing is lost; the start page lists them as set aside, and removes them with the rest.
 */
export const SET_ASIDE_SUFFIX = '-set-aside';

/** Keys under the prefix that live only for the tab (sessionStorage), so are not "kept". */
export const TAB_ONLY_KEYS: readonly string[] = [
  'partnership-insight:print-now',
  'partnership-insight:kept-removed',
  // The names and row counts of the files loaded in this tab, so a reload can say what it cleared.
  'partnership-insight:held-files',
];

type KeyedStorage = Pick<Storage, 'length' | 'key' | 'removeItem'>;

function keysOf(storage: KeyedStorage): string[] {
  return Array.from({ length: storage.length }, (_, i) => storage.key(i) ?? '').filter((k) =>
    k.startsWith(KEPT_PREFIX),
  );
}

/** What this browser keeps now, in words (in KEPT's order; anything else under the prefix as "other settings"). */
export function keptNow(storage: KeyedStorage): string[] {
  const present = new Set(keysOf(storage));
  const known = KEPT.filter((k) => present.has(k.key)).map((k) => k.what);
  const setAside = [...present].some((key) => key.endsWith(SET_ASIDE_SUFFIX));
  const other = [...present].some((key) => !key.endsWith(SET_ASIDE_SUFFIX) && !KEPT.some((k) => k.key === key));
  return [
    ...known,
    ...(setAside ? ['settings set aside because they could not be read, or were reset'] : []),
    ...(other ? ['other settings'] : []),
  ];
}

/** Removes everything kept under the prefix; returns how many entries went. */
export function removeKept(storage: KeyedStorage): number {
  const keys = keysOf(storage);
  for (const key of keys) storage.removeItem(key);
  return keys.length;
}
