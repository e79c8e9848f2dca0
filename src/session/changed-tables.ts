import type { DatasetDefinition } from '../datasets/dataset-definition';
import type { FileHandler } from '../ingest/file-handlers';
import { loadedTables } from '../ingest/prepare-database';
import { SUPERSEDED_SUFFIX } from '../ingest/schema-sql';

/**
 * Which kept tables changed since the last snapshot, so the kept copy re-encrypts only those (the vault
 * carries the others over). Conservative: a table is changed unless it is certain it is not — at first,
 * after clearing, after anything that failed part-way, and whenever a change does not say what it touched.
 */
export type TablesChanged = readonly string[] | 'all';

/** The tables every load, reload and removal of a file may write to: problems, and changed values. */
const PROBLEM_TABLES = ['pi_rejections', 'pi_warnings', 'pi_changes'] as const;

export class ChangedTables {
  readonly #datasets: ReadonlySet<string>;
  readonly #handlerTables: readonly string[];
  readonly #all: readonly string[];
  #changed: Set<string>;

  constructor(datasets: readonly DatasetDefinition[], handlers: readonly FileHandler[] = []) {
    this.#datasets = new Set(datasets.map((d) => d.id));
    this.#handlerTables = handlers.flatMap((handler) => handler.keptTables);
    this.#all = loadedTables(datasets, handlers);
    this.#changed = new Set(this.#all);
  }

  /**
   * The tables the files of a report write to: each file's dataset, the rejections and warnings, and —
   * for a file a handler loaded (its dataset id is not a dataset's) — every handler's tables.
   */
  ofFiles(files: readonly { datasetId: string | null }[]): string[] {
    const tables = new Set<string>(PROBLEM_TABLES);
    for (const { datasetId } of files) {
      if (datasetId && this.#datasets.has(datasetId)) {
        tables.add(datasetId);
        // Where a later extract's changed records keep the versions they replaced.
        tables.add(`${datasetId}${SUPERSEDED_SUFFIX}`);
      } else if (datasetId) for (const table of this.#handlerTables) tables.add(table);
    }
    return [...tables];
  }

  note(tables: TablesChanged): void {
    for (const table of tables === 'all' ? this.#all : tables) this.#changed.add(table);
  }

  /** What is loaded is what was kept (a restore from the kept copy): nothing has changed since. */
  noteNone(): void {
    this.#changed = new Set();
  }

  /** The tables changed since the last take, and counting starts afresh. */
  take(): ReadonlySet<string> {
    const taken = this.#changed;
    this.#changed = new Set();
    return taken;
  }
}
