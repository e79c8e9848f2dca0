import type { DatasetDefinition } from '../datasets/dataset-definition';
import type { Engine } from '../engine/engine';
import type { DateOrders } from './date-order';
import { looksLikeWorkbook, readWorkbook, rowsToCsv } from './excel';
import { explainEngineError, type LoadProgress, loadDelimitedFile } from './load-file';
import { duplicateFileReport, emptyFileReport, type FileReport, type LoadReport, summariseLoad } from './load-report';
import { recogniseDataset, requiredColumnsSummary } from './recognise';
import { ContentHash } from './record-scan';
import { sniffLayout } from './sniff';
import type { ColumnMappings, ValueMappings } from './value-mapping';

export interface NamedBlob {
  name: string;
  blob: Blob;
  /** Load as this dataset instead of the one its header suggests. */
  datasetId?: string;
  /** With datasetId: which of the file's columns fills each field (field → column heading). */
  columnMapping?: Record<string, string>;
}

/** What the user has taught the app: local codes and column mappings, applied to every load. */
export interface UserMappings {
  values?: ValueMappings;
  columns?: ColumnMappings;
  /** Date columns the user said are day/month or month/day, by header. */
  dates?: DateOrders;
}

const WORKBOOK_EXTENSIONS = /\.(xlsx|xlsm|xls|ods)$/i;

/**
 * Loads several files one after another into the same session. Each file (or workbook sheet) gets
 * its own id so its rows and rejections can be told apart; files of one dataset append.
 */
export function createIngestSession(engine: Engine, datasets: readonly DatasetDefinition[]) {
  let nextFileId = 1;
  /** Content fingerprint → name of the file loaded with it. */
  const loaded = new Map<string, string>();
  const remember = (report: FileReport) => {
    if (report.contentHash && (report.status === 'loaded' || report.status === 'partial')) {
      loaded.set(report.contentHash, report.fileName);
    }
  };
  const takeId = () => {
    const id = nextFileId;
    nextFileId += 1;
    return id;
  };

  async function loadWorkbook(
    file: NamedBlob,
    onProgress?: (p: LoadProgress) => void | Promise<void>,
    valueMappings?: ValueMappings,
  ): Promise<FileReport[]> {
    const started = Date.now();
    const failed = (message: string): FileReport[] => [
      { ...emptyFileReport(takeId(), file.name, file.blob.size), message, durationMs: Date.now() - started },
    ];
    if (onProgress) await onProgress({ fileName: file.name, phase: 'reading' });
    const bytes = new Uint8Array(await file.blob.arrayBuffer());
    const fingerprint = new ContentHash();
    fingerprint.update(bytes);
    const hash = fingerprint.digest();
    const earlier = loaded.get(hash);
    if (earlier !== undefined) return [duplicateFileReport(takeId(), file.name, file.blob.size, hash, earlier)];
    let sheets: Awaited<ReturnType<typeof readWorkbook>>;
    try {
      sheets = await readWorkbook(bytes);
    } catch (error) {
      return failed(
        `“${file.name}” could not be opened as a spreadsheet (${error instanceof Error ? error.message : String(error)}). Save it from Excel as .xlsx or as “CSV UTF-8”, and try again.`,
      );
    }
    const forced = file.datasetId ? datasets.filter((d) => d.id === file.datasetId) : datasets;
    const reports: FileReport[] = [];
    const unrecognised: string[] = [];
    for (const sheet of sheets) {
      if (!sheet.rows.some((row) => row.some((cell) => cell.trim() !== ''))) continue;
      const csv = rowsToCsv(sheet.rows);
      const layout = sniffLayout(csv.slice(0, 256 * 1024), forced, csv.length <= 256 * 1024);
      if (!recogniseDataset(layout.header, forced, sheet.name).best) {
        unrecognised.push(sheet.name);
        continue;
      }
      reports.push(
        await loadDelimitedFile(engine, new Blob([csv]), {
          fileId: takeId(),
          fileName: `${file.name} › ${sheet.name}`,
          datasets: forced,
          valueMappings,
          onProgress,
        }),
      );
    }
    // The workbook as a whole is what a second drop would match.
    if (reports.some((r) => r.status === 'loaded' || r.status === 'partial')) loaded.set(hash, file.name);
    if (reports.length === 0) {
      return failed(
        `No sheet in “${file.name}” is a partnership dataset this app recognises (sheets: ${unrecognised.join(', ') || 'none with data'}). Each dataset needs at least: ${requiredColumnsSummary(forced)}.`,
      );
    }
    return reports;
  }

  return {
    async loadFiles(
      files: readonly NamedBlob[],
      onProgress?: (p: LoadProgress) => void | Promise<void>,
      mappings: UserMappings = {},
    ): Promise<LoadReport> {
      const valueMappings = mappings.values;
      const reports: FileReport[] = [];
      for (const file of files) {
        try {
          const head = new Uint8Array(await file.blob.slice(0, 8).arrayBuffer());
          if (looksLikeWorkbook(head) || WORKBOOK_EXTENSIONS.test(file.name)) {
            reports.push(...(await loadWorkbook(file, onProgress, valueMappings)));
            continue;
          }
          const report = await loadDelimitedFile(engine, file.blob, {
            fileId: takeId(),
            fileName: file.name,
            datasets,
            datasetId: file.datasetId,
            loadedBefore: loaded,
            valueMappings,
            columnMapping: file.columnMapping,
            savedColumnMappings: mappings.columns,
            savedDateOrders: mappings.dates,
            onProgress,
          });
          remember(report);
          reports.push(report);
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
    /** Removes one file's rows and rejections, so it can be loaded again (e.g. as another dataset). */
    async removeFile(report: FileReport): Promise<void> {
      if (report.datasetId) {
        const dataset = datasets.find((d) => d.id === report.datasetId);
        if (dataset) await engine.run(`DELETE FROM ${dataset.id} WHERE load_id = ?`, [report.fileId]);
      }
      await engine.run('DELETE FROM pi_rejections WHERE load_id = ?', [report.fileId]);
      if (report.contentHash) loaded.delete(report.contentHash);
    },
    /** Forget which files were loaded (after the data itself has been removed). */
    forgetLoadedFiles(): void {
      loaded.clear();
    },
  };
}

export type IngestSession = ReturnType<typeof createIngestSession>;
