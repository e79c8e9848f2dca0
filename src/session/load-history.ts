import { z } from 'zod';

/**
 * The load history: what was done to the data of this tab and what was made from it, in the order it
 * happened — the evidence a scrutineer asks for ("which data was this pack made from?"). Append-only:
 * nothing here removes or changes an entry; clearing the data is itself an entry. Framework-free; pages
 * read it through `subscribe`/`getSnapshot` (useSyncExternalStore).
 */
export const HISTORY_ACTIONS = [
  'load',
  'replace',
  'remove',
  'clear',
  'keep',
  'lock',
  'unlock',
  'restore',
  'suppression',
  'change-point',
  'event',
  'export',
] as const;
export type HistoryAction = (typeof HISTORY_ACTIONS)[number];

const MAX_SUMMARY = 500;
const MAX_FILE = 260;

const entrySchema = z.strictObject({
  /** When it happened: ISO date and time (UTC). */
  at: z.iso.datetime(),
  action: z.enum(HISTORY_ACTIONS),
  /** What happened, in plain words. */
  summary: z.string().min(1).max(MAX_SUMMARY),
  /** The file loaded, removed or saved. */
  file: z.string().min(1).max(MAX_FILE).optional(),
  /** The rows it put in (or took out of) the data. */
  rows: z.number().int().min(0).optional(),
  /** The date the figures of an export are as at (ISO date). */
  asAt: z.iso.date().optional(),
});
export type HistoryEntry = z.infer<typeof entrySchema>;

/** What `toJSON` writes and `fromJSON` reads back (kept with the encrypted data). */
export const historyJsonSchema = z.strictObject({
  version: z.literal(1),
  entries: z.array(entrySchema).max(1_000_000),
});
export type HistoryJson = z.infer<typeof historyJsonSchema>;

/** What a caller says; the time is the history's own. */
export type NewEntry = Omit<HistoryEntry, 'at'>;

/** Text cut to a length, with an ellipsis, so a long file name never stops an event being recorded. */
const clip = (text: string, max: number) => (text.length > max ? `${text.slice(0, max - 1)}…` : text);

/** Same entry, same key: recognises entries already held when kept ones are restored. */
const keyOf = (e: HistoryEntry) => JSON.stringify([e.at, e.action, e.summary, e.file, e.rows, e.asAt]);

export class LoadHistory {
  #entries: readonly HistoryEntry[];
  readonly #listeners = new Set<() => void>();
  readonly #now: () => Date;

  constructor(entries: readonly HistoryEntry[] = [], now: () => Date = () => new Date()) {
    this.#entries = Object.freeze(entries.map((e) => Object.freeze(entrySchema.parse(e))));
    this.#now = now;
  }

  /** Every entry, oldest first (a new array after each change; the entries themselves are frozen). */
  readonly getSnapshot = (): readonly HistoryEntry[] => this.#entries;

  readonly subscribe = (listener: () => void): (() => void) => {
    this.#listeners.add(listener);
    return () => this.#listeners.delete(listener);
  };

  #publish(entries: readonly HistoryEntry[]): void {
    this.#entries = Object.freeze(entries);
    for (const listener of this.#listeners) listener();
  }

  /** Adds an entry, stamped now. Returns it as recorded. */
  record(entry: NewEntry): HistoryEntry {
    const recorded = Object.freeze(
      entrySchema.parse({
        ...entry,
        at: this.#now().toISOString(),
        summary: clip(entry.summary, MAX_SUMMARY),
        file: entry.file === undefined || entry.file === '' ? undefined : clip(entry.file, MAX_FILE),
      }),
    );
    this.#publish([...this.#entries, recorded]);
    return recorded;
  }

  /**
   * Takes in the entries of a kept history (after unlocking or restoring a backup): those not already
   * here are added, everything ordered by time. Nothing held is dropped.
   */
  takeKept(kept: LoadHistory): void {
    const held = new Set(this.#entries.map(keyOf));
    const added = kept.getSnapshot().filter((e) => !held.has(keyOf(e)));
    if (added.length === 0) return;
    // A stable sort: entries of the same moment stay in the order they were recorded.
    this.#publish([...added, ...this.#entries].sort((a, b) => a.at.localeCompare(b.at)));
  }

  /** Forgets every entry (the kept data was locked or deleted: its history goes from the tab with it). */
  forget(): void {
    if (this.#entries.length > 0) this.#publish([]);
  }

  toJSON(): HistoryJson {
    return { version: 1, entries: [...this.#entries] };
  }

  /** Reads a kept history back; anything not a history (an unknown field, action or date) is refused. */
  static fromJSON(json: unknown, now?: () => Date): LoadHistory {
    const parsed = historyJsonSchema.safeParse(json);
    if (!parsed.success) {
      const issue = parsed.error.issues[0];
      const where = issue?.path.length ? ` at ${issue.path.join('.')}` : '';
      throw new Error(`The kept load history could not be read${where}: ${issue?.message ?? 'not a load history'}.`);
    }
    return new LoadHistory(parsed.data.entries, now);
  }
}

/** The history of this tab's data (in memory; kept with the encrypted data when the user keeps it). */
export const tabHistory = new LoadHistory();

/** What the kept-data screens record: keeping, locking, unlocking and restoring (a backup, or on return). */
export function recordKeptEvent(
  action: 'keep' | 'lock' | 'unlock' | 'restore',
  summary: string,
  details: { file?: string; rows?: number } = {},
): HistoryEntry {
  return tabHistory.record({ action, summary, ...details });
}
