import { useQuery } from '@tanstack/react-query';
import type { DatasetDefinition } from '../../datasets/dataset-definition';
import { DATASETS } from '../../datasets/registry';
import { formatUkDate } from '../../indicators/periods';
import { ONE_BOOKING_PER_COURSE } from '../../indicators/training-indicators';
import {
  datasetQuality,
  fileCounts,
  type RepeatedRecords,
  rejectedRowsTable,
  repeatedRecords,
} from '../../ingest/data-quality';
import { useDataState, useDataVersion, useEngine } from '../../session/app-data';
import { tabHistory } from '../../session/load-history';
import type { CsvValue } from '../../shared/csv';
import { formatNumber } from '../../shared/format';
import { downloadCsv } from '../../ui/download';
import { type FigureColumns, FigureTable } from '../../ui/figure-table';
import { FileName } from '../../ui/file-name';
import { ProblemTable } from '../../ui/problem-table';
import { ValueMappingTable } from '../../ui/value-mapping-table';

/** A download of rejected rows (the records as written, about children) is recorded in the load history. */
function recordRejectedRows(what: string, file: string, table: readonly CsvValue[][]) {
  const problems = Math.max(0, table.length - 1);
  tabHistory.record({
    action: 'export',
    summary: `${what} saved as CSV: ${problems.toLocaleString('en-GB')} ${problems === 1 ? 'problem' : 'problems'}, with the values as written`,
    file,
    rows: problems,
  });
}

const percent = (part: number, whole: number) => (whole === 0 ? '–' : `${((100 * part) / whole).toFixed(1)}%`);

type Quality = Awaited<ReturnType<typeof datasetQuality>>;

const FILE_COLUMNS: FigureColumns<Awaited<ReturnType<typeof fileCounts>>[number]> = [
  { key: 'file', head: 'File', cell: (f) => <FileName name={f.file} /> },
  { key: 'loaded', head: 'Loaded', numeric: true, cell: (f) => formatNumber(f.loaded) },
  { key: 'warned', head: 'of which with warnings', numeric: true, cell: (f) => formatNumber(f.warned) },
  { key: 'rejected', head: 'Rejected', numeric: true, cell: (f) => formatNumber(f.rejected) },
];

const columnColumns = (rows: number): FigureColumns<Quality['columns'][number]> => [
  { key: 'column', head: 'Column', cell: (c) => c.label },
  { key: 'filled', head: 'Filled', numeric: true, cell: (c) => percent(c.filled, rows) },
  {
    key: 'unmapped',
    head: 'Not recognised',
    numeric: true,
    cell: (c) => (c.unmapped === null ? '' : formatNumber(c.unmapped)),
  },
  {
    key: 'range',
    head: 'Range',
    cell: (c) => (c.earliest && c.latest ? `${formatUkDate(c.earliest)} to ${formatUkDate(c.latest)}` : ''),
  },
];

const rejectionColumns = (dataset: DatasetDefinition): FigureColumns<Quality['rejections'][number]> => [
  {
    key: 'column',
    head: 'Column',
    cell: (r) => dataset.fields.find((f) => f.name === r.column)?.label ?? 'Whole row',
  },
  { key: 'reason', head: 'Reason', cell: (r) => r.reason },
  { key: 'rows', head: 'Rows', numeric: true, cell: (r) => formatNumber(r.count) },
];

function DatasetQualitySection({ dataset }: { dataset: DatasetDefinition }) {
  const getEngine = useEngine();
  const dataVersion = useDataVersion();
  const result = useQuery({
    queryKey: ['data-quality', dataset.id, dataVersion],
    queryFn: async () => {
      const engine = await getEngine();
      return {
        quality: await datasetQuality(engine, dataset),
        files: await fileCounts(engine, dataset),
        repeats: await repeatedRecords(engine, dataset),
      };
    },
  });
  if (!result.data) return null;
  const { quality, files, repeats } = result.data;
  if (files.length === 0) return null;
  const rejected = files.reduce((n, f) => n + f.rejected, 0);

  const download = async () => {
    const rows = await rejectedRowsTable(await getEngine(), dataset.id);
    downloadCsv(`${dataset.id}_rejected_rows.csv`, rows);
    recordRejectedRows(`Rejected rows of “${dataset.title}”`, `${dataset.id}_rejected_rows.csv`, rows);
  };

  return (
    <section
      className="quality-section"
      aria-labelledby={`dq-${dataset.id}`}
      data-testid={`quality-${dataset.id}`}
      data-rows-loaded={quality.rows}
      data-rows-rejected={rejected}
    >
      <h2 id={`dq-${dataset.id}`} className="heading-l">
        {dataset.title}
      </h2>
      <p>
        {formatNumber(quality.rows)} rows loaded and {formatNumber(rejected)} rejected, from {files.length}{' '}
        {files.length === 1 ? 'file' : 'files'}.{' '}
        {quality.duplicateRows > 0
          ? `${formatNumber(quality.duplicateRows)} rows are exact copies of another row (${formatNumber(quality.duplicateGroups)} groups): check the extract — they are counted.`
          : 'No row is an exact copy of another.'}
      </p>
      <FigureTable caption="Files" columns={FILE_COLUMNS} rows={files} rowKey={(f) => f.file} />
      <FigureTable
        caption="Completeness of each column (rows loaded)"
        columns={columnColumns(quality.rows)}
        rows={quality.columns}
        rowKey={(c) => c.field}
      />
      {quality.rejections.length > 0 && (
        <>
          <FigureTable
            caption="Why rows were rejected"
            columns={rejectionColumns(dataset)}
            rows={quality.rejections}
            rowKey={(r) => `${r.column}-${r.reason}`}
            rowHead={false}
          />
          <button
            type="button"
            className="button button--secondary"
            onClick={() => void download()}
            data-testid={`download-rejections-${dataset.id}`}
          >
            Download the rejected rows (CSV)
          </button>
        </>
      )}
      {quality.warnings.length > 0 && (
        <ProblemTable
          groups={quality.warnings}
          caption="Values that could not be read, left empty in rows that were loaded (warnings)"
          columnLabel={(column) => dataset.fields.find((f) => f.name === column)?.label ?? 'Whole row'}
          testId={`warnings-${dataset.id}`}
        />
      )}
      {repeats.map((repeat) => (
        <RepeatedRecordsTable key={repeat.key.join('|')} datasetId={dataset.id} repeat={repeat} />
      ))}
      <ValueMappingTable
        datasetId={dataset.id}
        codes={quality.unmappedValues.map((u) => ({ field: u.field, value: u.value, count: u.count }))}
      />
    </section>
  );
}

/** How the definitions treat a repeated record, per dataset (the rules written down). */
const REPEAT_RULES = new Map([
  [
    'training_evaluations',
    'TR5 uses each person’s latest answer at each stage for a course; two answers on the same date: the one last in the files (the latest file, then the latest line).',
  ],
  ['training_attendance', `TR1–TR4 and TR6: ${ONE_BOOKING_PER_COURSE}`],
]);

/** Rows sharing a record key inside the data loaded: listed, with how the indicators treat them. */
function RepeatedRecordsTable({ datasetId, repeat }: { datasetId: string; repeat: RepeatedRecords }) {
  return (
    <details className="details" data-testid={`repeats-${datasetId}`}>
      <summary>
        {formatNumber(repeat.rows)} rows share their {repeat.key.join(' and ')} with another row
      </summary>
      <p className="hint">
        They were loaded: inside one extract a repeat is part of the data (one person booked twice, two answers on one
        day). {REPEAT_RULES.get(datasetId) ?? 'Each is counted; check the extract if that is not right.'} Records
        repeated across files are not loaded twice (the load report says so).
      </p>
      <FigureTable
        caption="Rows sharing a key"
        captionHidden
        scroll
        columns={[
          { key: 'key', head: repeat.key.join(' / '), cell: (e) => e.key },
          { key: 'file', head: 'File', cell: (e) => <FileName name={e.file} /> },
          { key: 'line', head: 'Line', numeric: true, cell: (e) => e.line },
        ]}
        rows={repeat.examples}
        rowKey={(e) => `${e.file}-${e.line}`}
        rowHead={false}
      />
      {repeat.rows > repeat.examples.length && (
        <p className="hint">
          The first {repeat.examples.length} of {formatNumber(repeat.rows)} are shown.
        </p>
      )}
    </details>
  );
}

/** One download of every rejected row of every dataset (the control the browser tests use). */
function AllRejectionsDownload() {
  const getEngine = useEngine();
  const dataVersion = useDataVersion();
  const rows = useQuery({
    queryKey: ['all-rejections', dataVersion],
    queryFn: async () => (await rejectedRowsTable(await getEngine(), null)).length - 1,
  });
  if (!rows.data) return null;
  return (
    <p>
      <button
        type="button"
        className="button"
        data-testid="download-rejections"
        onClick={() =>
          void getEngine().then(async (engine) => {
            const table = await rejectedRowsTable(engine, null);
            downloadCsv('rejected_rows.csv', table);
            recordRejectedRows('Every rejected row', 'rejected_rows.csv', table);
          })
        }
      >
        Download every rejected row (CSV, {formatNumber(rows.data)} {rows.data === 1 ? 'problem' : 'problems'})
      </button>{' '}
      <span className="hint">
        One line per problem: dataset, file, line, column, the value as written and the reason. Values that a
        spreadsheet would run as a formula are written with a leading apostrophe.
      </span>
    </p>
  );
}

/** Per dataset: what was loaded from which file, what was rejected and why, and how complete it is. */
export function DataQualityPage() {
  const rowsInDatabase = useDataState((s) => s.rowsInDatabase);
  const dataVersion = useDataVersion();
  return (
    <section aria-labelledby="dq-heading">
      <h1 id="dq-heading" className="heading-xl">
        Data quality
      </h1>
      <p className="lead">
        For each dataset loaded: the files it came from, the rows rejected and why, how complete each column is, and
        values still to be mapped.
      </p>
      {rowsInDatabase === 0 && dataVersion === 0 ? (
        <p>
          Nothing is loaded yet. <a href="#/">Load files</a> first.
        </p>
      ) : (
        <>
          <AllRejectionsDownload />
          {DATASETS.map((dataset) => (
            <DatasetQualitySection key={dataset.id} dataset={dataset} />
          ))}
        </>
      )}
    </section>
  );
}
