import type { DatasetDefinition } from '../datasets/dataset-definition';
import type { Engine } from '../engine/engine';
import { shownFileName } from '../shared/file-name';
import { ownValue } from '../shared/own';
import { type CheckedRows, checkAndRead, firstDateOrders } from './check-and-read';
import { countProblemRows, type FormulaCell } from './check-stage';
import { chooseDataset, type DatasetChoice } from './choose-dataset';
import { mapCodes } from './code-stage';
import type { ChosenDateOrder, DateOrder, DateOrders } from './date-order';
import { type DuplicatePolicy, dedupeRows } from './dedupe-stage';
import { type ColumnMatch, headerSignature } from './header-match';
import { duplicateFileReport, emptyFileReport, type FileReport } from './load-report';
import { isOutOfMemory, outOfMemoryMessage } from './out-of-memory';
import { maxLineBytes, type ReadPlan, readCsv } from './read-stage';
import type { RecordScanner } from './record-scan';
import { reportRows } from './report-stage';
import { sniffLayout, type TextLayout, type Utf16 } from './sniff';
import { rejectSwallowedLines, storeRows } from './store-stage';
import { linesAfterUnclosedQuote, plainHead, prepareTextSource, readTextHead, type TextSource } from './text-source';
import { forgetVersionsOf, setAsideSuperseded } from './update-stage';
import type { ColumnMappings, ValueMappings } from './value-mapping';

/** The wasm database has no disk to spill to; beyond this a file is refused with an explanation. */
export const MAX_FILE_BYTES = 1024 * 1024 * 1024;

/** Why a file over MAX_FILE_BYTES is refused before anything of it is read. */
export function tooLargeMessage(fileName: string, bytes: number): string {
  return `“${shownFileName(fileName)}” is ${(bytes / 1024 ** 3).toFixed(1)} GB: the in-browser database can take files up to 1 GB. Split it into smaller files (for example one per year).`;
}

export type LoadPhase = 'reading' | 'loading' | 'checking';
export interface LoadProgress {
  fileName: string;
  phase: LoadPhase;
  /** 0–1 while reading; undefined when the step has no measurable progress. */
  fraction?: number;
  /** Which file of the load this is (1-based), and how many there are. */
  fileIndex?: number;
  fileCount?: number;
  /** The whole load so far, 0–1, the files weighted by size (load-progress.ts). */
  overall?: number;
}

export interface LoadFileOptions {
  fileId: number;
  fileName: string;
  /** The datasets the file may be; it is matched to one by its header. */
  datasets: readonly DatasetDefinition[];
  /** Load as this dataset whatever the header looks like best suited to (the user's choice). */
  datasetId?: string;
  /** Files already loaded, by content fingerprint: a file seen before is reported, not loaded again. */
  loadedBefore?: ReadonlyMap<string, string>;
  /** Local codes the user has mapped before, applied as the file loads. */
  valueMappings?: ValueMappings;
  /** The user's column mapping for this file (with datasetId): field → the file's column heading. */
  columnMapping?: Readonly<Record<string, string>>;
  /** Column mappings chosen before, by header signature: a file with the same header reuses one. */
  savedColumnMappings?: ColumnMappings;
  /** How the user said date columns are written (day/month or month/day), by header signature. */
  savedDateOrders?: DateOrders;
  /** Workbook cells that are formulas without a saved value (a sheet's rows are its lines). */
  formulaCells?: readonly FormulaCell[];
  /**
   * What to do with records already loaded from an earlier file: hold them once and take their changes
   * (default), skip them, replace the earlier ones, or keep both.
   */
  duplicates?: DuplicatePolicy;
  onProgress?: (progress: LoadProgress) => void | Promise<void>;
  /** Scans the file's records (in the browser in a worker, so that it runs beside DuckDB's read). */
  scanRecords?: RecordScanner;
  /** From this size up, a file whose start is plain is read by DuckDB while it is scanned. */
  earlyReadFrom?: number;
  /** Files of this many rows or more are stored in place when they can be (store-in-place.ts; Infinity: never). */
  storeInPlaceFrom?: number;
}

/** Below this, scanning first costs less than the scan's round trip to a worker. */
export const EARLY_READ_FROM = 4 * 1024 * 1024;

const DELIMITER_NAMES = new Map([
  [',', 'comma'],
  [';', 'semicolon'],
  ['\t', 'tab'],
  ['|', 'pipe'],
]);

/** DuckDB's own error text → a sentence for a business manager, naming file and line. */
export function explainEngineError(fileName: string, error: unknown): string {
  const text = error instanceof Error ? error.message : String(error);
  const line = /Line:\s*(\d+)/i.exec(text)?.[1];
  const where = line ? ` at line ${line}` : '';
  if (isOutOfMemory(error)) return outOfMemoryMessage(fileName, where);
  return `“${shownFileName(fileName)}” could not be read${where}: ${text.split('\n')[0]}`;
}

/** The layout facts every report of a text file carries, whatever happens next. */
function layoutFacts(layout: TextLayout): Partial<FileReport> {
  return {
    delimiter: DELIMITER_NAMES.get(layout.delimiter) ?? layout.delimiter,
    headerLine: layout.headerIndex + 1,
    header: layout.header,
    columnSamples: layout.samples,
  };
}

/** A text file as far as it goes without the database: refused, or its layout, dataset and (maybe) text. */
export type PreparedText =
  | { kind: 'refused'; report: Partial<FileReport> }
  | {
      kind: 'ready';
      layout: TextLayout;
      choice: Extract<DatasetChoice, { kind: 'chosen' }>;
      utf16: Utf16 | undefined;
      chosenOrders: Readonly<Record<string, ChosenDateOrder>> | undefined;
      /** Prepared ahead (a file DuckDB does not read early); null when it is prepared at the file's turn. */
      source: TextSource | null;
    };

export type PrepareOptions = Pick<
  LoadFileOptions,
  'fileName' | 'datasets' | 'datasetId' | 'columnMapping' | 'savedColumnMappings' | 'savedDateOrders' | 'scanRecords'
>;

/**
 * The stages that need no database — sniff the layout, choose the dataset, and with `withSource` the
 * text source (encoding, line ends, record scan, fingerprint) — so that they can run for the next file
 * while the database stores this one.
 */
export async function prepareTextFile(file: Blob, options: PrepareOptions, withSource: boolean): Promise<PreparedText> {
  const { fileName } = options;
  if (file.size === 0)
    return { kind: 'refused', report: { message: `“${shownFileName(fileName)}” is empty (0 bytes).` } };
  if (file.size > MAX_FILE_BYTES) return { kind: 'refused', report: { message: tooLargeMessage(fileName, file.size) } };
  const head = await readTextHead(file);
  if (head.kind === 'binary') {
    return {
      kind: 'refused',
      report: {
        message: `“${shownFileName(fileName)}” looks like ${head.description}, not a CSV file. Save the data from Excel as “CSV UTF-8 (Comma delimited)” and try again.`,
      },
    };
  }
  const layout = sniffLayout(head.text, options.datasets, head.complete);
  const choice = chooseDataset(layout.header, options);
  if (choice.kind === 'refused') {
    const { status, message, closestDatasetId } = choice;
    return { kind: 'refused', report: { ...layoutFacts(layout), status, message, closestDatasetId } };
  }
  const chosenOrders = ownValue(options.savedDateOrders, headerSignature(layout.header));
  const source = withSource
    ? await prepareTextSource(file, head.utf16, layout.delimiter, undefined, options.scanRecords)
    : null;
  return { kind: 'ready', layout, choice, utf16: head.utf16, chosenOrders, source };
}

/**
 * Reads one delimited text file into a dataset's table, stage by stage: sniff the layout → choose the
 * dataset → prepare the text (encoding, line ends, record scan) → read and check (DuckDB) → map codes
 * → store → report. The stages before the database may have run already (`prepared`, while the file
 * before was stored). Never throws for bad input: every problem becomes part of the returned report,
 * and rows read = rows loaded + rows rejected.
 */
export async function loadDelimitedFile(
  engine: Engine,
  file: Blob,
  options: LoadFileOptions & { prepared?: PreparedText },
): Promise<FileReport> {
  const started = Date.now();
  const { fileName, fileId } = options;
  const finish = (patch: Partial<FileReport>): FileReport => ({
    ...emptyFileReport(fileId, fileName, file.size),
    ...patch,
    durationMs: Date.now() - started,
  });
  const progress = async (phase: LoadProgress['phase'], fraction?: number) => {
    if (options.onProgress) await options.onProgress({ fileName, phase, fraction });
  };
  const prepared = options.prepared ?? (await prepareTextFile(file, options, false));
  if (prepared.kind === 'refused') return finish(prepared.report);
  const { layout, choice, chosenOrders } = prepared;
  const base = {
    registeredName: `pi_file_${fileId}.csv`,
    layout,
    dataset: choice.dataset,
    matches: choice.match.matches,
  };
  const { source, alreadyRead } = prepared.source
    ? { source: prepared.source, alreadyRead: false }
    : await textSourceAndEarlyRead(engine, file, prepared.utf16, base, { ...options, chosenOrders, progress });
  const known = {
    ...layoutFacts(layout),
    datasetId: choice.dataset.id,
    closestDatasetId: choice.dataset.id,
    confidence: choice.confidence,
    columns: choice.match.matches,
    ignoredColumns: choice.match.ignoredColumns,
    encoding: source.encoding,
    contentHash: source.contentHash,
    lineEndsNormalised: source.lineEndsNormalised,
  };
  const earlier = options.loadedBefore?.get(source.contentHash);
  if (earlier !== undefined) {
    if (alreadyRead) await dropScratch(engine, base.registeredName);
    return { ...duplicateFileReport(fileId, fileName, file.size, source.contentHash, earlier), ...known };
  }
  const plan: ReadPlan = { ...base, scan: source.scan };
  const result = await loadRows(engine, source, plan, { ...options, chosenOrders, alreadyRead }, progress);
  return finish({ ...known, ...result });
}

/**
 * The text source stage — and, for a big file whose start is plain, DuckDB's read of it at the same
 * time (in the browser the scan runs in a worker). The early read is kept only when the scan agrees
 * that the whole file is as plain as its start; otherwise it is dropped and the file read as usual.
 */
async function textSourceAndEarlyRead(
  engine: Engine,
  file: Blob,
  utf16: Utf16 | undefined,
  plan: Omit<ReadPlan, 'scan'>,
  options: Pick<LoadFileOptions, 'earlyReadFrom' | 'scanRecords'> & {
    chosenOrders: Readonly<Record<string, ChosenDateOrder>> | undefined;
    progress: (phase: LoadProgress['phase'], fraction?: number) => Promise<void>;
  },
): Promise<{ source: TextSource; alreadyRead: boolean }> {
  const delimiter = plan.layout.delimiter;
  const early =
    utf16 === undefined && file.size >= (options.earlyReadFrom ?? EARLY_READ_FROM) && (await plainHead(file, delimiter))
      ? readWhileScanning(engine, file, plan, firstDateOrders(plan.dataset, options.chosenOrders))
      : null;
  let source: TextSource;
  try {
    source = await prepareTextSource(
      file,
      utf16,
      delimiter,
      (done) => options.progress('reading', done / file.size),
      options.scanRecords,
    );
  } catch (error) {
    // Nothing of the early read may outlive the file's load.
    if (early) await early.then(() => dropScratch(engine, plan.registeredName));
    throw error;
  }
  if (!early) return { source, alreadyRead: false };
  await options.progress('loading');
  const alreadyRead = (await early) && source.blob === file && !source.scan.quotedNewlines && !source.scan.paddedValues;
  if (!alreadyRead) await dropScratch(engine, plan.registeredName);
  return { source, alreadyRead };
}

/**
 * DuckDB reads a big file the plain way (no trimming, parallel) while its records are scanned: resolves
 * true when `pi_parsed` holds it. Never throws: a file that is not plain after all is read again.
 */
async function readWhileScanning(
  engine: Engine,
  file: Blob,
  plan: Omit<ReadPlan, 'scan'>,
  orders: ReadonlyMap<string, DateOrder>,
): Promise<boolean> {
  try {
    await engine.registerFile(plan.registeredName, file);
    await readCsv(
      engine,
      plan,
      { quotedNewlines: false, trimValues: false, maxLineBytes: maxLineBytes(file.size) },
      orders,
    );
    return true;
  } catch {
    return false;
  }
}

/** Tables a file's load leaves while it is under way. */
export const SCRATCH_TABLES = [
  'pi_parsed',
  'pi_problems',
  'pi_line_map',
  'pi_code_map',
  'pi_formula_cells',
  'pi_rejects',
  'pi_reject_scans',
  'pi_store_names',
  'pi_updates',
  'pi_update_verdicts',
] as const;

/** The scratch tables of a load (one round trip), and the registered file(s). */
export async function dropScratch(engine: Engine, ...registeredNames: string[]): Promise<void> {
  await engine.run(SCRATCH_TABLES.map((table) => `DROP TABLE IF EXISTS ${table}`).join('; ')).catch(() => undefined);
  for (const name of registeredNames) await engine.dropFile(name).catch(() => undefined);
}

/** Read, check, map codes, store and report: the DuckDB stages, with nothing left half-loaded on error. */
async function loadRows(
  engine: Engine,
  source: TextSource,
  plan: ReadPlan,
  options: LoadFileOptions & {
    chosenOrders: Readonly<Record<string, ChosenDateOrder>> | undefined;
    alreadyRead: boolean;
  },
  progress: (phase: LoadProgress['phase'], fraction?: number) => Promise<void>,
): Promise<Partial<FileReport>> {
  const target = { fileId: options.fileId, fileName: options.fileName, dataset: plan.dataset };
  const scan = source.scan;
  try {
    await progress('loading');
    if (!options.alreadyRead) await engine.registerFile(plan.registeredName, source.blob);
    const checked: CheckedRows = await checkAndRead(engine, plan, {
      chosenOrders: options.chosenOrders,
      alreadyRead: options.alreadyRead,
      formulaCells: options.formulaCells ?? [],
      onChecking: () => progress('checking'),
    });
    const duplicates = await dedupeRows(
      engine,
      { ...plan, ...target },
      checked.staged.rows,
      options.duplicates ?? 'update',
    );
    // Records already loaded changed the problems only when they are skipped or compared.
    const compared =
      duplicates !== null &&
      (duplicates.policy === 'skip' || duplicates.policy === 'update') &&
      duplicates.alreadyLoaded > 0;
    const problems = compared ? await countProblemRows(engine) : checked.problems;
    const codes = await mapCodes(engine, plan, checked.staged, options.valueMappings);
    const rowsLoaded = await storeRows(
      engine,
      target,
      checked.staged,
      { ...checked, problems, structuralRows: checked.staged.structural.length, codeMaps: codes.codeMaps },
      { inPlaceFrom: options.storeInPlaceFrom },
    );
    const swallowed =
      scan.unclosedQuoteRecord !== null && scan.unclosedQuoteOffset !== null
        ? await linesAfterUnclosedQuote(
            source.blob,
            scan.unclosedQuoteOffset,
            scan.unclosedQuoteRecord,
            plan.layout.delimiter,
          )
        : null;
    if (duplicates?.update && duplicates.update.updated > 0) await setAsideSuperseded(engine, plan, target.fileId);
    if (swallowed) await rejectSwallowedLines(engine, target, { ...swallowed, openedOn: swallowed.first - 1 });
    const swallowedCount = swallowed ? Math.max(0, swallowed.last - swallowed.first + 1 - swallowed.blank.length) : 0;
    const counts = {
      rowsNotBlank: checked.staged.rowsNotBlank,
      rowsLoaded,
      structural: checked.staged.structural.length,
      rejectedRows: problems.rejectedRows,
      warnedRows: problems.warnedRows,
      swallowed: swallowedCount,
      unchanged: duplicates?.update?.unchanged ?? 0,
      updated: duplicates?.update?.updated ?? 0,
    };
    const skip = plan.layout.headerIndex + 1;
    return {
      ...(await reportRows(engine, target, counts)),
      blankRows: checked.staged.staged - checked.staged.rowsNotBlank + scan.blankRecords.filter((r) => r > skip).length,
      unmappedCodes: codes.unmappedCodes,
      linesApproximate: checked.staged.linesApproximate,
      dateColumns: checked.dateColumns,
      duplicates,
    };
  } catch (error) {
    // Nothing of this file stays half-loaded.
    await engine.run(`DELETE FROM ${plan.dataset.id} WHERE load_id = ?`, [options.fileId]).catch(() => undefined);
    await engine.run('DELETE FROM pi_rejections WHERE load_id = ?', [options.fileId]).catch(() => undefined);
    await engine.run('DELETE FROM pi_warnings WHERE load_id = ?', [options.fileId]).catch(() => undefined);
    await forgetVersionsOf(engine, plan.dataset, options.fileId).catch(() => undefined);
    return { status: 'failed', message: explainEngineError(options.fileName, error) };
  } finally {
    await dropScratch(engine, plan.registeredName);
  }
}

export type { ColumnMatch };
