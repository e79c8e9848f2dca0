/**
 * `npm run indicators -- --data FILE [FILE …] [--from YYYY-MM-DD] [--to YYYY-MM-DD]
 *   [--period month|quarter|year|academic_year|rolling_12] [--report-date YYYY-MM-DD]
 *   [--format json|csv] [--suppress] [--engine native|wasm] [--export-parquet DIR] [--la CODE]`
 *
 * Loads the files with the same ingest and SQL as the app (native DuckDB, multi-threaded, where it is
 * installed; else duckdb-wasm's Node build, as in the browser and the tests), prints every
 * computable indicator per period on stdout and the load report on stderr. Exit codes: 0 done; 1 a file
 * could not be read or was not recognised (nothing printed on stdout); 2 wrong arguments. A file that
 * only repeats records already loaded from another file is no reason to stop: it is reported on stderr
 * and the indicators are computed from the records loaded.
 */
import { readFile, stat } from 'node:fs/promises';
import { basename } from 'node:path';
import { parseArgs } from 'node:util';
import { PUBLISHED_FILES, publishedName } from '../benchmarks/load-published';
import { DATASETS } from '../datasets/registry';
import { createNativeEngine, nativeEngineProblem } from '../engine/native-engine';
import { createNodeEngine } from '../engine/node-engine';
import { GRANULARITIES, type Granularity, isIsoDate } from '../indicators/periods';
import { suppressionRefusal } from '../indicators/publication';
import { DEFAULT_SETTINGS } from '../indicators/settings';
import type { DuplicateReport } from '../ingest/dedupe-stage';
import type { FileHandler } from '../ingest/file-handlers';
import { createIngestSession } from '../ingest/load-files';
import type { FileReport, LoadReport } from '../ingest/load-report';
import { prepareDatabase } from '../ingest/prepare-database';
import { requiredColumnsSummary } from '../ingest/recognise';
import { shownFileName } from '../shared/file-name';
import { buildBenchmarks, isKnownAuthority } from './benchmarks-report';
import { exportParquet } from './export-parquet';
import { buildIndicatorsReport, reportToCsv } from './indicators-report';

/** DfE published statistics go to their own tables, as in the app (src/session/file-handlers.ts). */
const FILE_HANDLERS: readonly FileHandler[] = [PUBLISHED_FILES];

const USAGE = `Usage: npm run indicators -- --data FILE [FILE …] [options]

  --data FILE …      CSV or Excel files to load (any of the partnership datasets)
  --from YYYY-MM-DD  first period: the one containing this date (default: the first date in each area's data)
  --to YYYY-MM-DD    last period: the one containing this date (default: the report date)
  --period P         month | quarter | year | academic_year | rolling_12 (default: quarter)
  --report-date D    figures "as at" this date (default: the latest event date in each area's data)
  --format F         json | csv (default: json)
  --suppress         publishable output: counts of 1–5 shown as "c", and enough else hidden that no
                     hidden count can be worked out from any month, quarter, year or total the tool
                     publishes; rates withheld with their counts; values to 1 decimal place; x not
                     available, z not applicable (month, quarter or year only)
  --engine E         native | wasm: native DuckDB (multi-threaded, spills to disk; the default where it is
                     installed) or duckdb-wasm, exactly as the browser runs it
  --export-parquet DIR  also write every loaded, typed table to DIR as Parquet (one file per dataset),
                     for running the same definitions over a region's or the country's data
  --la CODE          with DfE published statistics among the files (EES CSV, and the statistical-
                     neighbour file): add "benchmarks" to the JSON — this local authority (old 3-digit or
                     new 9-character code) against its neighbours, region and England, with rank and quartile
  --help             this text
`;

class UsageError extends Error {}

function fail(message: string, code: number): never {
  process.stderr.write(`${message}\n`);
  process.exit(code);
}

/** “a.csv”; “a.csv” and “b.csv”; “a.csv”, “b.csv” and “c.csv”. */
function quotedNames(names: readonly string[]): string {
  const quoted = names.map((name) => `“${shownFileName(name)}”`);
  return quoted.length > 1 ? `${quoted.slice(0, -1).join(', ')} and ${quoted.at(-1)}` : (quoted[0] ?? '');
}

/** "12 records", "1 record". */
const recordsText = (n: number) => `${n} ${n === 1 ? 'record' : 'records'}`;

/** The rows of a file rejected only because their record is already loaded from an earlier file. */
function rejectedAsRepeats(duplicates: DuplicateReport): number {
  if (duplicates.policy === 'update') return duplicates.update?.ambiguous ?? 0;
  return duplicates.policy === 'skip' ? duplicates.alreadyLoaded : 0;
}

/**
 * A file nothing of which was used only because its records are already loaded from other files (the
 * same extract again, an .xlsx beside its .csv, a correction the loaded data cannot place): the app
 * reports it and keeps what was loaded, so the command line computes from the other files too. A file
 * refused for any other reason still stops the run.
 */
function onlyRepeats(file: FileReport): boolean {
  const { duplicates } = file;
  return (
    file.status === 'failed' &&
    duplicates !== null &&
    duplicates.alreadyLoaded > 0 &&
    file.rowsRejected > 0 &&
    rejectedAsRepeats(duplicates) === file.rowsRejected
  );
}

function describeLoad(report: LoadReport): string {
  const lines = [
    `Loaded ${report.rowsLoaded} rows from ${report.files.length} file(s); ${report.rowsRejected} rejected.`,
  ];
  // A later extract of records already loaded: held once, its changes taken (rows read = loaded + held + rejected).
  if (report.rowsUnchanged > 0 || report.rowsUpdated > 0) {
    lines.push(
      `Of the rows loaded, ${report.rowsUpdated} updated records already loaded; ${report.rowsUnchanged} rows were already loaded unchanged.`,
    );
  }
  for (const file of report.files) {
    const published = publishedName(file.datasetId)?.replace(/^DfE /, '') ?? null;
    const what = published ?? `${file.status} ${file.datasetId ? `as ${file.datasetId}` : 'not loaded'}`;
    const warned = file.rowsWarned > 0 ? ` (${file.rowsWarned} with warnings)` : '';
    lines.push(
      `  ${file.fileName}: ${what} — read ${file.rowsRead}, loaded ${file.rowsLoaded}${warned}, rejected ${file.rowsRejected}`,
    );
    if (file.message) lines.push(`    ${file.message}`);
    // Said for every file, so a user can see which extract repeats which without the app's report.
    const repeated = file.duplicates?.alreadyLoaded ?? 0;
    if (file.duplicates && repeated > 0) {
      lines.push(
        `    ${recordsText(repeated)} of “${shownFileName(file.fileName)}” ${repeated === 1 ? 'repeats a record' : 'repeat records'} already loaded from ${quotedNames(file.duplicates.earlierFiles)}.`,
      );
    }
    // The app offers a form to map such a file's columns; here, say what the datasets need.
    if (file.status === 'failed' && file.datasetId === null && file.header.length > 0) {
      lines.push(`    Each dataset needs at least: ${requiredColumnsSummary(DATASETS)}. See the templates in the app.`);
    }
    for (const group of file.rejections.slice(0, 5)) {
      const where = group.examples.map((e) => `line ${e.line ?? '?'}`).join(', ');
      lines.push(`    ${group.count} × ${group.column ?? 'row'}: ${group.reason} (${where})`);
    }
    for (const group of file.warnings.slice(0, 5)) {
      const where = group.examples.map((e) => `line ${e.line ?? '?'}`).join(', ');
      lines.push(`    warning, left empty: ${group.count} × ${group.column ?? 'row'}: ${group.reason} (${where})`);
    }
  }
  return `${lines.join('\n')}\n`;
}

export async function main(argv: string[]): Promise<void> {
  let args: ReturnType<typeof parseCli>;
  try {
    args = parseCli(argv);
  } catch (error) {
    fail(`${error instanceof Error ? error.message : String(error)}\n\n${USAGE}`, 2);
  }
  if (args.help) {
    process.stdout.write(USAGE);
    return;
  }
  const files = [];
  for (const path of args.files) {
    try {
      const info = await stat(path);
      if (!info.isFile()) throw new Error('not a file');
      files.push({ name: basename(path), blob: new Blob([await readFile(path)]) });
    } catch (error) {
      fail(`Cannot read “${path}”: ${error instanceof Error ? error.message : String(error)}`, 1);
    }
  }
  const engine = await openEngine(args.engine);
  if (args.exportParquet && !engine.parquetOf) fail('--export-parquet needs the native engine, not installed here.', 2);
  await prepareDatabase(engine, DATASETS, FILE_HANDLERS);
  const load = await createIngestSession(engine, DATASETS, { handlers: FILE_HANDLERS }).loadFiles(files);
  process.stderr.write(describeLoad(load));
  if (args.la !== undefined && !(await isKnownAuthority(engine, args.la))) {
    fail(`--la ${args.la}: no local authority has this code in the published statistics given with --data.`, 2);
  }
  const unreadable = load.files.filter(
    (f) => (f.status === 'failed' && !onlyRepeats(f)) || f.status === 'empty' || f.status === 'unconfirmed',
  );
  if (unreadable.length > 0) {
    fail(
      `Stopped: ${unreadable.map((f) => `“${f.fileName}”`).join(', ')} could not be used (see above). Fix or leave out the file and run again.`,
      1,
    );
  }
  for (const file of load.files.filter(onlyRepeats)) {
    process.stderr.write(
      `Going on without “${shownFileName(file.fileName)}”: it only repeats records already loaded from ${quotedNames(file.duplicates?.earlierFiles ?? [])}, so the indicators are computed from the records loaded.\n`,
    );
  }
  const report = await buildIndicatorsReport(engine, {
    granularity: args.period,
    from: args.from,
    to: args.to,
    suppress: args.suppress,
    settings: { ...DEFAULT_SETTINGS, reportDate: args.reportDate ?? null },
  });
  // One line per set of missing files: "Not computed — needs workforce: TR4".
  const byNeed = new Map<string, string[]>();
  for (const missing of report.notComputed) {
    const need = missing.missingDatasets.join(', ');
    byNeed.set(need, [...(byNeed.get(need) ?? []), missing.id]);
  }
  for (const [need, ids] of byNeed) process.stderr.write(`Not computed — needs ${need}: ${ids.join(', ')}\n`);
  if (args.exportParquet) {
    const written = await exportParquet(engine, args.exportParquet, load);
    process.stderr.write(`Wrote ${written.map((w) => `${w.file} (${w.rows} rows)`).join(', ')}\n`);
  }
  const output = args.la === undefined ? report : { ...report, benchmarks: await buildBenchmarks(engine, args.la) };
  process.stdout.write(args.format === 'csv' ? reportToCsv(report) : `${JSON.stringify(output, null, 2)}\n`);
}

/** The engine asked for; native by default where its binary is installed, else wasm (saying so). */
async function openEngine(choice: string | undefined) {
  if (choice === 'wasm') return createNodeEngine();
  const problem = await nativeEngineProblem();
  if (problem === null) return createNativeEngine();
  if (choice === 'native') fail(`Cannot use --engine native: ${problem}. Use --engine wasm.`, 2);
  process.stderr.write(`Using duckdb-wasm: ${problem}.\n`);
  return createNodeEngine();
}

function parseCli(argv: string[]) {
  const { values, positionals } = parseArgs({
    args: argv,
    allowPositionals: true,
    options: {
      data: { type: 'string', multiple: true },
      from: { type: 'string' },
      to: { type: 'string' },
      period: { type: 'string', default: 'quarter' },
      'report-date': { type: 'string' },
      format: { type: 'string', default: 'json' },
      suppress: { type: 'boolean', default: false },
      engine: { type: 'string' },
      'export-parquet': { type: 'string' },
      la: { type: 'string' },
      help: { type: 'boolean', default: false },
    },
  });
  // `--data a.csv b.csv`: the files after the first arrive as positionals.
  const files = [...(values.data ?? []), ...positionals];
  if (values.help)
    return { help: true as const, files, period: 'quarter' as Granularity, format: 'json', suppress: false };
  if (files.length === 0) throw new UsageError('No files given: use --data FILE [FILE …].');
  for (const [name, value] of [
    ['--from', values.from],
    ['--to', values.to],
    ['--report-date', values['report-date']],
  ] as const) {
    if (value !== undefined && !isIsoDate(value))
      throw new UsageError(`${name} must be a date written YYYY-MM-DD, not “${value}”.`);
  }
  if (values.from && values.to && values.from > values.to) throw new UsageError('--from is after --to.');
  if (!GRANULARITIES.includes(values.period as Granularity)) {
    throw new UsageError(`--period must be one of ${GRANULARITIES.join(', ')}, not “${values.period}”.`);
  }
  if (values.format !== 'json' && values.format !== 'csv') throw new UsageError(`--format must be json or csv.`);
  if (values.engine !== undefined && values.engine !== 'native' && values.engine !== 'wasm')
    throw new UsageError(`--engine must be native or wasm, not “${values.engine}”.`);
  if (values['export-parquet'] !== undefined && values.engine === 'wasm')
    throw new UsageError('--export-parquet needs the native engine: leave out --engine wasm.');
  const notPublishable = values.suppress ? suppressionRefusal(values.period as Granularity) : null;
  if (notPublishable) throw new UsageError(notPublishable);
  return {
    help: false as const,
    files,
    from: values.from,
    to: values.to,
    reportDate: values['report-date'],
    period: values.period as Granularity,
    format: values.format,
    suppress: values.suppress ?? false,
    engine: values.engine,
    exportParquet: values['export-parquet'],
    la: values.la?.trim(),
  };
}

main(process.argv.slice(2)).catch((error) => {
  fail(`Unexpected error: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`, 1);
});
