import type { DatasetDefinition } from '../datasets/dataset-definition';
import type { Engine } from '../engine/engine';
import { ContentHash } from '../shared/content-hash';
import { shownFileName } from '../shared/file-name';
import type { FormulaCell } from './check-stage';
import type { DateOrders } from './date-order';
import type { DuplicatePolicy } from './dedupe-stage';
import { type FileHandler, type HandlerInput, handlerOf } from './file-handlers';
import type { KeptFiles } from './kept-files';
import {
  EARLY_READ_FROM,
  explainEngineError,
  type LoadFileOptions,
  type LoadProgress,
  loadDelimitedFile,
  MAX_FILE_BYTES,
  type PreparedText,
  prepareTextFile,
  tooLargeMessage,
} from './load-file';
import { overallFraction } from './load-progress';
import { duplicateFileReport, emptyFileReport, type FileReport, type LoadReport, summariseLoad } from './load-report';
import { isOutOfMemory, outOfMemoryMessage } from './out-of-memory';
import { maxLineBytes } from './read-stage';
import { recogniseDataset, requiredColumnsSummary } from './recognise';
import type { RecordScanner } from './record-scan';
import { blobChunks } from './record-scan';
import { sniffLayout } from './sniff';
import { prepareTextSource, readTextHead } from './text-source';
import { countedRow, forgetVersionsOf } from './update-stage';
import type { ColumnMappings, ValueMappings } from './value-mapping';
import { classifyFile, type FileKind, readWorkbook, type WorkbookResult } from './workbook/read-workbook';

export interface NamedBlob {
  name: string;
  blob: Blob;
  /** Load as this dataset instead of the one its header suggests. */
  datasetId?: string;
  /** With datasetId: which of the file's columns fills each field (field → column heading). */
  columnMapping?: Record<string, string>;
  /** Records already loaded from an earlier file: take their changes (default), skip them, replace the earlier ones, or keep both. */
  duplicates?: DuplicatePolicy;
}

/** What the user has taught the app: local codes, column mappings and date orders, applied to every load. */
export interface UserMappings {
  values?: ValueMappings;
  columns?: ColumnMappings;
  /** Date columns the user said are day/month or month/day, by header. */
  dates?: DateOrders;
}

/** Reads a workbook into sheets: in the browser in a worker, in Node directly. */
export type WorkbookReader = (
  blob: Blob,
  kind: Exclude<FileKind, 'text'>,
  onProgress?: (fraction: number) => void,
) => Promise<WorkbookResult>;

type Progress = (p: LoadProgress) => void | Promise<void>;

const UNCALCULATED =
  'formulas with no saved value (the workbook was never recalculated and saved in Excel): open it in Excel, save it, and load it again.';

/** What was loaded as one file (a text file, or one sheet of a workbook as CSV): enough to load it again. */
interface Source {
  name: string;
  blob: Blob;
  formulaCells: readonly FormulaCell[];
}

async function fingerprint(blob: Blob): Promise<string> {
  const hash = new ContentHash();
  for await (const chunk of blobChunks(blob)) hash.update(chunk);
  return hash.digest();
}

/**
 * Loads several files one after another into the same session. Each file (or workbook sheet) gets
 * its own id so its rows and rejections can be told apart; files of one dataset append.
 */
export function createIngestSession(
  engine: Engine,
  datasets: readonly DatasetDefinition[],
  options: {
    readWorkbook?: WorkbookReader;
    scanRecords?: RecordScanner;
    earlyReadFrom?: number;
    /** Rows from which a dataset's first file is stored in place (store-in-place.ts); the tests compare both ways. */
    storeInPlaceFrom?: number;
    /** Files that are not partnership datasets, and who reads them (src/session/file-handlers.ts). */
    handlers?: readonly FileHandler[];
  } = {},
) {
  const handlers = options.handlers ?? [];
  const reader: WorkbookReader =
    options.readWorkbook ?? ((blob, kind, onProgress) => readWorkbook(blob, kind, { onProgress }));
  let nextFileId = 1;
  /** Content fingerprint → name of the file loaded with it. */
  const loaded = new Map<string, string>();
  /** File id → what it was loaded from, so it can be loaded again with the user's choices. */
  const sources = new Map<number, Source>();
  const takeId = () => nextFileId++;
  const remember = (report: FileReport, source: Source) => {
    sources.set(report.fileId, source);
    if (report.contentHash && (report.status === 'loaded' || report.status === 'partial')) {
      loaded.set(report.contentHash, report.fileName);
    }
  };

  function loadText(
    source: Source,
    base: Omit<LoadFileOptions, 'fileId' | 'fileName' | 'formulaCells'>,
    prepared?: PreparedText,
  ) {
    return loadDelimitedFile(engine, source.blob, {
      prepared,
      ...base,
      fileId: takeId(),
      fileName: source.name,
      formulaCells: source.formulaCells,
      loadedBefore: loaded,
      scanRecords: options.scanRecords,
      earlyReadFrom: options.earlyReadFrom,
      storeInPlaceFrom: options.storeInPlaceFrom,
    });
  }

  async function loadWorkbook(
    file: NamedBlob,
    kind: Exclude<FileKind, 'text'>,
    base: Omit<LoadFileOptions, 'fileId' | 'fileName'>,
  ) {
    const started = Date.now();
    const failed = (message: string): FileReport[] => [
      { ...emptyFileReport(takeId(), file.name, file.blob.size), message, durationMs: Date.now() - started },
    ];
    await base.onProgress?.({ fileName: file.name, phase: 'reading', fraction: 0 });
    const hash = await fingerprint(file.blob);
    const earlier = loaded.get(hash);
    if (earlier !== undefined) return [duplicateFileReport(takeId(), file.name, file.blob.size, hash, earlier)];
    const result = await reader(
      file.blob,
      kind,
      (fraction) => void base.onProgress?.({ fileName: file.name, phase: 'reading', fraction }),
    );
    if (result.kind === 'refused') {
      if (isOutOfMemory(result.message)) return failed(outOfMemoryMessage(file.name));
      const advice = result.advice ?? 'Save it from Excel as .xlsx or as “CSV UTF-8”, and try again.';
      return failed(`“${shownFileName(file.name)}” was not opened: ${result.message}. ${advice}`);
    }
    const forced = file.datasetId ? datasets.filter((d) => d.id === file.datasetId) : datasets;
    const reports: FileReport[] = [];
    const unrecognised: string[] = [];
    for (const sheet of result.sheets) {
      if (sheet.csv.size === 0) continue;
      const head = await readTextHead(sheet.csv);
      const layout = sniffLayout(head.kind === 'text' ? head.text : '', forced, head.kind === 'text' && head.complete);
      if (!recogniseDataset(layout.header, forced, sheet.name).best) {
        unrecognised.push(sheet.name);
        continue;
      }
      const name = `${file.name} › ${sheet.name}`;
      const formulaOnly = sheet.formulaOnlyRows;
      if (formulaOnly && formulaOnly.count > 0) {
        // Such rows would read as blank and vanish: the sheet is refused rather than loaded without them.
        const rows =
          formulaOnly.count === 1
            ? `row ${formulaOnly.first}`
            : `${formulaOnly.count.toLocaleString('en-GB')} rows (the first is row ${formulaOnly.first})`;
        reports.push(
          ...failed(
            `“${shownFileName(name)}” was not loaded: ${rows} ${formulaOnly.count === 1 ? 'holds' : 'hold'} only ${UNCALCULATED}`,
          ),
        );
        continue;
      }
      const source: Source = {
        name,
        blob: sheet.csv,
        formulaCells: sheet.uncalculated.map((c) => ({ line: c.row, column: c.column, formula: c.formula })),
      };
      const report = await loadText(source, { ...base, datasets: forced });
      remember(report, source);
      reports.push(report);
    }
    // The workbook as a whole is what a second drop would match.
    if (reports.some((r) => r.status === 'loaded' || r.status === 'partial')) loaded.set(hash, file.name);
    if (reports.length === 0) {
      // A header row of formulas never calculated reads as empty: say why rather than "not recognised".
      const uncalculated = result.sheets.some((s) => s.uncalculated.length > 0)
        ? ` Some of its cells are ${UNCALCULATED}`
        : '';
      return failed(
        `No sheet in “${shownFileName(file.name)}” is a partnership dataset this app recognises (sheets: ${unrecognised.join(', ') || 'none with data'}). Each dataset needs at least: ${requiredColumnsSummary(forced)}.${uncalculated}`,
      );
    }
    return reports;
  }

  const baseOptions = (file: NamedBlob, mappings: UserMappings) => ({
    datasets,
    datasetId: file.datasetId,
    columnMapping: file.columnMapping,
    duplicates: file.duplicates,
    valueMappings: mappings.values,
    savedColumnMappings: mappings.columns,
    savedDateOrders: mappings.dates,
  });

  /** What a file is, from its first 4 KB: a workbook format, a handler's file (published statistics), or text. */
  async function kindOf(blob: Blob): Promise<FileKind | FileHandler> {
    const head = new Uint8Array(await blob.slice(0, 4096).arrayBuffer());
    const kind = classifyFile(head);
    return kind === 'text' ? (handlerOf(handlers, head) ?? kind) : kind;
  }

  /**
   * A small text file's stages that need no database (sniff, recognise, text source), started while the
   * file before it is stored: the record scan runs beside DuckDB instead of between two files. Null for
   * anything else (a workbook, published statistics, a file DuckDB reads while it is scanned).
   */
  async function prepareAhead(file: NamedBlob, mappings: UserMappings): Promise<PreparedText | null> {
    if (file.blob.size === 0 || file.blob.size >= (options.earlyReadFrom ?? EARLY_READ_FROM)) return null;
    if ((await kindOf(file.blob)) !== 'text') return null;
    const prepareOptions = { ...baseOptions(file, mappings), fileName: file.name, scanRecords: options.scanRecords };
    return prepareTextFile(file.blob, prepareOptions, true);
  }

  async function loadOne(
    file: NamedBlob,
    onProgress: Progress | undefined,
    mappings: UserMappings,
    ahead: Promise<PreparedText | null> | null,
  ): Promise<FileReport[]> {
    const base = { ...baseOptions(file, mappings), onProgress };
    const prepared = (await ahead) ?? undefined;
    if (!prepared) {
      const kind = await kindOf(file.blob);
      if (typeof kind !== 'string') return [await loadHandled(file, kind, onProgress)];
      if (kind !== 'text') return loadWorkbook(file, kind, base);
    }
    const source: Source = { name: file.name, blob: file.blob, formulaCells: [] };
    const report = await loadText(source, base, prepared);
    remember(report, source);
    return [report];
  }

  /** What a handler is given: the file, and the ingest's own way of scanning a text file's records. */
  function handlerInput(file: NamedBlob, fileId: number, onProgress: Progress | undefined): HandlerInput {
    const { blob } = file;
    const progress = (phase: LoadProgress['phase'], fraction?: number) =>
      onProgress?.({ fileName: file.name, phase, fraction });
    return {
      fileId,
      fileName: file.name,
      blob,
      async scanText(delimiter) {
        const report = (done: number) => progress('reading', blob.size === 0 ? 1 : done / blob.size);
        const source = await prepareTextSource(blob, undefined, delimiter, report, options.scanRecords);
        return {
          blob: source.blob,
          encoding: source.encoding,
          quotedNewlines: source.scan.quotedNewlines,
          maxLineBytes: maxLineBytes(source.blob.size),
        };
      },
      loading: () => progress('loading'),
    };
  }

  /** A handler's file (DfE published statistics, statistical neighbours): its own tables, never a dataset's. */
  async function loadHandled(file: NamedBlob, handler: FileHandler, onProgress?: Progress): Promise<FileReport> {
    const fileId = takeId();
    const started = Date.now();
    const report = emptyFileReport(fileId, file.name, file.blob.size);
    if (file.blob.size > MAX_FILE_BYTES) return { ...report, message: tooLargeMessage(file.name, file.blob.size) };
    const loaded = await handler.load(engine, handlerInput(file, fileId, onProgress));
    const done = { ...report, durationMs: Date.now() - started };
    if (!loaded) return done;
    if ('refused' in loaded) return { ...done, message: loaded.refused };
    return {
      ...done,
      datasetId: loaded.datasetId,
      closestDatasetId: null,
      status: 'loaded',
      message: loaded.what,
      rowsRead: loaded.rows,
      rowsLoaded: loaded.rows,
      encoding: loaded.encoding,
    };
  }

  return {
    async loadFiles(
      files: readonly NamedBlob[],
      onProgress?: Progress,
      mappings: UserMappings = {},
    ): Promise<LoadReport> {
      const reports: FileReport[] = [];
      let ahead: Promise<PreparedText | null> | null = null;
      const sizes = files.map((file) => file.blob.size);
      for (const [index, file] of files.entries()) {
        const progress: Progress | undefined = onProgress
          ? (p) => {
              const placed = { ...p, fileIndex: index + 1, fileCount: files.length };
              return onProgress({ ...placed, overall: overallFraction(sizes, placed) });
            }
          : undefined;
        const mine = ahead;
        const next = files[index + 1];
        ahead = next ? prepareAhead(next, mappings) : null;
        // Its failure is this file's report when its turn comes, not an unhandled rejection meanwhile.
        ahead?.catch(() => undefined);
        try {
          if (progress) await progress({ fileName: file.name, phase: 'reading', fraction: 0 });
          reports.push(...(await loadOne(file, progress, mappings, mine)));
        } catch (error) {
          // Nothing about one file may stop the others from loading.
          reports.push({
            ...emptyFileReport(takeId(), file.name, file.blob.size),
            message: explainEngineError(file.name, error),
          });
        }
      }
      return summariseLoad(reports);
    },
    /** Removes one file's rows, rejections and warnings, so it can be loaded again (e.g. as another dataset). */
    async removeFile(report: FileReport): Promise<number> {
      const fewer = await this.removeRows(report);
      this.forgetFile(report);
      return fewer;
    },
    /**
     * A file's rows, rejections and warnings removed (the versions it superseded back), while it is
     * still known. Returns how many fewer rows the database holds.
     */
    async removeRows(report: FileReport): Promise<number> {
      const datasetId = report.datasetId;
      if (datasetId) for (const handler of handlers) await handler.remove(engine, datasetId, report.fileId);
      const dataset = datasets.find((d) => d.id === report.datasetId);
      // A handler's file: its rows are the ones it reported.
      let fewer = dataset ? 0 : report.rowsLoaded;
      if (dataset) {
        const sql = `DELETE FROM ${dataset.id} WHERE load_id = ?`;
        const [deleted] = await engine.query(sql, [report.fileId], countedRow);
        // The versions this file had superseded count again (next quarter's changes undone).
        fewer = (deleted?.Count ?? 0) - (await forgetVersionsOf(engine, dataset, report.fileId));
      }
      await engine.run('DELETE FROM pi_rejections WHERE load_id = ?', [report.fileId]);
      await engine.run('DELETE FROM pi_warnings WHERE load_id = ?', [report.fileId]);
      return fewer;
    },
    /**
     * Forgets a file: its bytes, and its fingerprint (the same file may be loaded again). Returns what
     * `rememberFile` needs to know it again (a change shown before it is confirmed, then cancelled).
     */
    forgetFile(report: FileReport): () => void {
      const source = sources.get(report.fileId);
      const name = report.contentHash ? loaded.get(report.contentHash) : undefined;
      if (report.contentHash) loaded.delete(report.contentHash);
      sources.delete(report.fileId);
      return () => {
        if (source) sources.set(report.fileId, source);
        if (report.contentHash && name !== undefined) loaded.set(report.contentHash, name);
      };
    },
    /** Whether a file (or sheet) can be loaded again: its bytes are still at hand. */
    canReload(report: FileReport): boolean {
      return sources.has(report.fileId);
    },
    /**
     * Loads a file (or sheet) again under the same name, with the user's choices: another dataset and
     * columns, or date orders. Its earlier rows and rejections are removed first.
     */
    async reloadFile(
      report: FileReport,
      choice: { datasetId?: string; columnMapping?: Record<string, string>; duplicates?: DuplicatePolicy },
      mappings: UserMappings = {},
    ): Promise<LoadReport> {
      const source = sources.get(report.fileId);
      if (!source) return summariseLoad([]);
      await this.removeFile(report);
      const fresh = await loadText(source, {
        datasets,
        datasetId: choice.datasetId,
        columnMapping: choice.columnMapping,
        duplicates: choice.duplicates,
        valueMappings: mappings.values,
        savedColumnMappings: mappings.columns,
        savedDateOrders: mappings.dates,
      });
      remember(fresh, source);
      return summariseLoad([fresh]);
    },
    /** Forget which files were loaded (after the data itself has been removed). */
    forgetLoadedFiles(): void {
      loaded.clear();
      sources.clear();
    },
    /** What to keep of the files loaded, beside their rows (their bytes are not kept). */
    keptFiles(): KeptFiles {
      return { nextFileId, loaded: [...loaded] };
    },
    /**
     * Takes up kept files once their rows are back: they count as loaded, but cannot be loaded again
     * (canReload is false), and new files get ids after every id used before.
     */
    restoreKeptFiles(kept: KeptFiles): void {
      loaded.clear();
      sources.clear();
      for (const [hash, name] of kept.loaded) loaded.set(hash, name);
      nextFileId = Math.max(nextFileId, kept.nextFileId);
    },
  };
}

export type IngestSession = ReturnType<typeof createIngestSession>;
