import { z } from 'zod';
import { type DatasetDefinition, normaliseCode } from '../datasets/dataset-definition';
import type { Engine } from '../engine/engine';
import { ownValue } from '../shared/own';
import {
  codeValuesSql,
  insertLoadedSql,
  mapsByJoin,
  numberedRowsSql,
  parsedTableSql,
  problemsTableSql,
} from './conversion-sql';
import { type ColumnMatch, headerSignature, matchFromMapping } from './header-match';
import { buildLineMap } from './line-map';
import {
  duplicateFileReport,
  emptyFileReport,
  type FileReport,
  type RejectionGroup,
  type UnmappedCode,
} from './load-report';
import { recogniseDataset, requiredColumnsSummary } from './recognise';
import { blobChunks, scanRecords } from './record-scan';
import { decode, describeBinary, detectEncoding, PREVIEW_BYTES, sniffLayout } from './sniff';
import { type ColumnMappings, mappedValue, type ValueMappings } from './value-mapping';

/** The wasm database has no disk to spill to; beyond this a file is refused with an explanation. */
export const MAX_FILE_BYTES = 1024 * 1024 * 1024;

export type LoadPhase = 'reading' | 'loading' | 'checking';
export interface LoadProgress {
  fileName: string;
  phase: LoadPhase;
  /** 0–1 while reading; undefined when the step has no measurable progress. */
  fraction?: number;
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
  onProgress?: (progress: LoadProgress) => void | Promise<void>;
}

const countRow = z.object({ n: z.number() });
const rejectRow = z.object({ line: z.number(), reason: z.string(), csv_line: z.string().nullable() });
const codeValueRow = z.object({ field: z.string().nullable(), raw: z.string().nullable(), n: z.number() });
const exampleRow = z.object({
  column_name: z.string().nullable(),
  reason: z.string(),
  n: z.number(),
  line: z.number().nullable(),
  value: z.string().nullable(),
});

/** DuckDB's structural CSV errors in the user's words. */
function structuralReasonSql(headerWidth: number): string {
  return `CASE error_type
    WHEN 'TOO MANY COLUMNS' THEN 'Row has more values than the header has columns (${headerWidth})'
    WHEN 'UNQUOTED VALUE' THEN 'A quoted value is not closed properly (check for a stray double quote)'
    WHEN 'LINE SIZE OVER MAXIMUM' THEN 'Row is too long to read'
    ELSE 'Row could not be read: ' || error_message END`;
}

const DELIMITER_NAMES: Record<string, string> = { ',': 'comma', ';': 'semicolon', '\t': 'tab', '|': 'pipe' };

function listFields(dataset: DatasetDefinition, names: readonly string[]): string {
  return names.map((name) => dataset.fields.find((f) => f.name === name)?.label ?? name).join(', ');
}

/** DuckDB's own error text → a sentence for a business manager, naming file and line. */
export function explainEngineError(fileName: string, error: unknown): string {
  const text = error instanceof Error ? error.message : String(error);
  const line = /Line:\s*(\d+)/i.exec(text)?.[1];
  const where = line ? ` at line ${line}` : '';
  if (/out of memory|memory limit/i.test(text)) {
    return `“${fileName}” is too large to load in the browser${where}. Split it into smaller files (for example one per year).`;
  }
  return `“${fileName}” could not be read${where}: ${text.split('\n')[0]}`;
}

async function insertCodeMap(engine: Engine, rows: { field: string; raw: string; value: string | null }[]) {
  await engine.run('CREATE OR REPLACE TEMP TABLE pi_code_map (field VARCHAR, raw VARCHAR, value VARCHAR)');
  for (let start = 0; start < rows.length; start += 300) {
    const batch = rows.slice(start, start + 300);
    await engine.run(
      `INSERT INTO pi_code_map VALUES ${batch.map(() => '(?, ?, ?)').join(', ')}`,
      batch.flatMap((r) => [r.field, r.raw, r.value]),
    );
  }
}

/**
 * Reads one delimited text file into a dataset's table. Never throws for bad input: every problem
 * becomes part of the returned report, and rows read = rows loaded + rows rejected.
 */
export async function loadDelimitedFile(engine: Engine, file: Blob, options: LoadFileOptions): Promise<FileReport> {
  const started = Date.now();
  const { datasets, fileName, fileId } = options;
  const report = emptyFileReport(fileId, fileName, file.size);
  const finish = (patch: Partial<FileReport>): FileReport => ({
    ...report,
    ...patch,
    durationMs: Date.now() - started,
  });
  const progress = async (phase: LoadPhase, fraction?: number) => {
    if (options.onProgress) await options.onProgress({ fileName, phase, fraction });
  };

  if (file.size === 0) return finish({ message: `“${fileName}” is empty (0 bytes).` });
  if (file.size > MAX_FILE_BYTES) {
    return finish({
      message: `“${fileName}” is ${(file.size / 1024 ** 3).toFixed(1)} GB: the in-browser database can take files up to 1 GB. Split it into smaller files (for example one per year).`,
    });
  }
  const head = new Uint8Array(await file.slice(0, PREVIEW_BYTES).arrayBuffer());
  const binary = describeBinary(head);
  if (binary) {
    return finish({
      message: `“${fileName}” looks like ${binary}, not a CSV file. Save the data from Excel as “CSV UTF-8 (Comma delimited)” and try again.`,
    });
  }
  const complete = file.size <= PREVIEW_BYTES;
  const previewEncoding = detectEncoding(head, complete);
  const layout = sniffLayout(decode(head, previewEncoding), datasets, complete);
  const columnsFound = layout.header.filter((h) => h.trim() !== '').map((h) => `“${h.trim()}”`);
  const forced = options.datasetId ? datasets.filter((d) => d.id === options.datasetId) : datasets;
  const recognition = recogniseDataset(layout.header, forced, fileName);
  const base: Partial<FileReport> = {
    delimiter: DELIMITER_NAMES[layout.delimiter] ?? layout.delimiter,
    headerLine: layout.headerIndex + 1,
    header: layout.header,
    closestDatasetId: recognition.best?.dataset.id ?? recognition.closest?.dataset.id ?? null,
  };
  // The user's mapping (chosen now, or before for a file with the same header) beats recognition.
  const saved = ownValue(options.savedColumnMappings, headerSignature(layout.header));
  const chosen = options.columnMapping
    ? { datasetId: options.datasetId, columns: options.columnMapping }
    : options.datasetId
      ? undefined
      : saved;
  const chosenDataset = chosen ? datasets.find((d) => d.id === chosen.datasetId) : undefined;
  if (chosen && chosenDataset) {
    const mapped = matchFromMapping(layout.header, chosenDataset, chosen.columns);
    if (mapped.missingRequired.length > 0) {
      return finish({
        ...base,
        message: `The column mapping for “${fileName}” leaves ${listFields(chosenDataset, mapped.missingRequired)} without a column: each of those is required.`,
      });
    }
    recognition.best = { dataset: chosenDataset, match: mapped, confidence: 1 };
  }
  if (!recognition.best) {
    const closest = recognition.closest;
    const hint = closest
      ? ` The closest is ${closest.dataset.title.toLowerCase()}, which also needs ${listFields(closest.dataset, closest.match.missingRequired)}.`
      : '';
    return finish({
      ...base,
      message: `“${fileName}” is not a partnership dataset this app recognises.${hint} Columns found: ${columnsFound.slice(0, 12).join(', ') || 'none'}. Each dataset needs at least: ${requiredColumnsSummary(forced)}. Choose its columns yourself with “Map columns”, or see the templates.`,
    });
  }
  const { dataset, match, confidence } = recognition.best;
  Object.assign(base, {
    datasetId: dataset.id,
    confidence,
    columns: match.matches,
    ignoredColumns: match.ignoredColumns,
  });

  const scan = await scanRecords(blobChunks(file), layout.delimiter, (done) => progress('reading', done / file.size));
  const earlier = options.loadedBefore?.get(scan.contentHash);
  if (earlier !== undefined) {
    return {
      ...duplicateFileReport(fileId, fileName, file.size, scan.contentHash, earlier),
      ...base,
      durationMs: Date.now() - started,
    };
  }
  const encoding = scan.utf8 ? 'utf-8' : 'windows-1252';
  const registered = `pi_file_${fileId}.csv`;
  const skip = layout.headerIndex + 1;
  const columnCount = Math.max(1, layout.columnCount);
  // Named columns end at the last non-empty header cell; later cells may only be empty.
  const headerWidth = Math.max(1, ...layout.header.map((h, i) => (h.trim() === '' ? 0 : i + 1)));
  const stats: Partial<FileReport> = { ...base, encoding, contentHash: scan.contentHash };

  try {
    await progress('loading');
    // Windows-1252 is decoded exactly in JS (DuckDB's latin-1 differs for € and curly quotes).
    const source = scan.utf8
      ? file
      : new TextEncoder().encode(decode(new Uint8Array(await file.arrayBuffer()), encoding));
    await engine.registerFile(registered, source);
    await engine.run('DROP TABLE IF EXISTS pi_rejects');
    await engine.run('DROP TABLE IF EXISTS pi_reject_scans');
    await engine.run(
      parsedTableSql(dataset, match.matches, {
        registeredName: registered,
        delimiter: layout.delimiter,
        skip,
        columnCount,
        headerWidth,
        quotedNewlines: scan.quotedNewlines,
        trimValues: scan.paddedValues || scan.quotedNewlines,
      }),
    );

    const structural = await engine.query(
      `SELECT line::INTEGER AS line,
         ${structuralReasonSql(headerWidth)} AS reason,
         left(csv_line, 200) AS csv_line
       FROM pi_rejects ORDER BY line`,
      [],
      rejectRow,
    );
    const staged = (await engine.query('SELECT count(*) AS n FROM pi_parsed', [], countRow))[0]?.n ?? 0;
    const lineMap = buildLineMap(
      skip,
      scan.records,
      scan.blankRecords,
      structural.map((r) => r.line),
    );
    const linesApproximate = lineMap.expectedRows !== staged;
    const segments = linesApproximate ? [{ fromRec: 1, delta: skip }] : lineMap.segments;
    const single = segments.length === 1 ? (segments[0]?.delta ?? skip) : null;
    if (single === null) {
      await engine.run('CREATE OR REPLACE TEMP TABLE pi_line_map (from_rec BIGINT, delta INTEGER)');
      for (let start = 0; start < segments.length; start += 500) {
        const batch = segments.slice(start, start + 500);
        await engine.run(
          `INSERT INTO pi_line_map VALUES ${batch.map(() => '(?, ?)').join(', ')}`,
          batch.flatMap((s) => [s.fromRec, s.delta]),
        );
      }
    }

    await progress('checking');
    const rows = numberedRowsSql(single);
    // An unclosed quote either made DuckDB reject the row (already counted) or swallow the rest of the file.
    const unclosedQuote =
      scan.unclosedQuoteRecord !== null && !structural.some((r) => r.line === scan.unclosedQuoteRecord);
    await engine.run(problemsTableSql(dataset, headerWidth, rows, unclosedQuote));
    const problemRows =
      (await engine.query('SELECT count(DISTINCT rec) AS n FROM pi_problems', [], countRow))[0]?.n ?? 0;

    // Code values: map the distinct values (a handful) in TypeScript, where the aliases live. The same
    // scan counts the rows that are not blank.
    const codeFields = dataset.fields.filter(
      (f) => f.type.kind === 'code' && match.matches.some((m) => m.field === f.name),
    );
    const codeValues = await engine.query(
      codeValuesSql(
        dataset,
        codeFields.map((f) => f.name),
      ),
      [],
      codeValueRow,
    );
    const codeMaps = new Map<string, { raw: string; value: string | null }[]>();
    const unmappedCodes: UnmappedCode[] = [];
    let parsedRows = 0;
    for (const { field: name, raw, n } of codeValues) {
      const field = codeFields.find((f) => f.name === name);
      if (name === null) parsedRows = n;
      if (!field || raw === null || field.type.kind !== 'code') continue;
      const key = normaliseCode(raw);
      const value = field.type.values.includes(key)
        ? key
        : (ownValue(field.type.aliases, key) ??
          mappedValue(options.valueMappings, dataset.id, field.name, raw) ??
          null);
      const list = codeMaps.get(field.name) ?? [];
      list.push({ raw, value });
      codeMaps.set(field.name, list);
      if (value === null) unmappedCodes.push({ field: field.name, value: raw, count: n });
    }
    // Only fields with too many values for a CASE are mapped through the pi_code_map table.
    await insertCodeMap(
      engine,
      [...codeMaps]
        .filter(([, list]) => mapsByJoin(list))
        .flatMap(([field, list]) => list.map((m) => ({ field, ...m }))),
    );
    const insert = insertLoadedSql(dataset, rows, problemRows > 0, { fileId, fileName, codeMaps });
    await engine.run(insert.sql, insert.params);
    await engine.run(
      `INSERT INTO pi_rejections
       SELECT ?::INTEGER, ?::VARCHAR, ?::VARCHAR, line, column_name, left(value, 200), reason FROM pi_problems
       UNION ALL
       SELECT ?::INTEGER, ?::VARCHAR, ?::VARCHAR, line::INTEGER, NULL, left(csv_line, 200),
         ${structuralReasonSql(headerWidth)} FROM pi_rejects`,
      [fileId, dataset.id, fileName, fileId, dataset.id, fileName],
    );

    const loaded =
      (await engine.query(`SELECT count(*) AS n FROM ${dataset.id} WHERE load_id = ?`, [fileId], countRow))[0]?.n ?? 0;
    const examples = await engine.query(
      `SELECT column_name, reason, n, line, value FROM (
         SELECT column_name, reason, line, value,
           count(*) OVER (PARTITION BY column_name, reason) AS n,
           row_number() OVER (PARTITION BY column_name, reason ORDER BY line) AS k
         FROM pi_rejections WHERE load_id = ?)
       WHERE k <= 3 ORDER BY n DESC, column_name, reason, line`,
      [fileId],
      exampleRow,
    );
    const groups = new Map<string, RejectionGroup>();
    for (const row of examples) {
      const key = `${row.column_name ?? ''}\u0000${row.reason}`;
      let group = groups.get(key);
      if (!group) {
        group = { column: row.column_name, reason: row.reason, count: row.n, examples: [] };
        groups.set(key, group);
      }
      group.examples.push({ line: row.line, value: row.value });
    }

    const rowsRejected = problemRows + structural.length;
    const rowsRead = parsedRows + structural.length;
    const blankRows = staged - parsedRows + scan.blankRecords.filter((r) => r > skip).length;
    let status: FileReport['status'] = rowsRejected > 0 ? 'partial' : 'loaded';
    let message: string | null = null;
    if (rowsRead === 0) {
      status = 'empty';
      message = `“${fileName}” has a header row but no data rows.`;
    } else if (loaded === 0) {
      status = 'failed';
      message = `No rows of “${fileName}” could be loaded: every row has a problem (see the reasons below).`;
    } else if (rowsRejected > 0) {
      message = `${rowsRejected.toLocaleString('en-GB')} of ${rowsRead.toLocaleString('en-GB')} rows in “${fileName}” were not loaded (reasons below).`;
    }
    return finish({
      ...stats,
      status,
      message,
      rowsRead,
      rowsLoaded: loaded,
      rowsRejected,
      blankRows,
      rejections: [...groups.values()],
      unmappedCodes,
      linesApproximate,
    });
  } catch (error) {
    // Nothing of this file stays half-loaded.
    await engine.run(`DELETE FROM ${dataset.id} WHERE load_id = ?`, [fileId]).catch(() => undefined);
    await engine.run('DELETE FROM pi_rejections WHERE load_id = ?', [fileId]).catch(() => undefined);
    return finish({ ...stats, status: 'failed', message: explainEngineError(fileName, error) });
  } finally {
    for (const table of ['pi_parsed', 'pi_problems', 'pi_line_map', 'pi_code_map']) {
      await engine.run(`DROP TABLE IF EXISTS ${table}`).catch(() => undefined);
    }
    await engine.dropFile(registered).catch(() => undefined);
  }
}

export type { ColumnMatch };
