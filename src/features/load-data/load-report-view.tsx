import { type ReactNode, useRef, useState } from 'react';
import { publishedName } from '../../benchmarks/load-published';
import { findDataset } from '../../datasets/registry';
import type { FileReport, LoadReport } from '../../ingest/load-report';
import { useAppData } from '../../session/app-data';
import { useIndicatorSettings } from '../../session/indicator-settings';
import { shownFileName } from '../../shared/file-name';
import { formatNumber } from '../../shared/format';
import { type FigureColumns, FigureTable } from '../../ui/figure-table';
import { FileName } from '../../ui/file-name';
import { ProblemTable } from '../../ui/problem-table';
import { ValueMappingTable } from '../../ui/value-mapping-table';
import { ColumnMappingForm } from './column-mapping-form';
import { DateOrderChoice } from './date-order-choice';
import { DuplicateChoice } from './duplicate-choice';
import { EffectPreviewPanel } from './effect-preview-panel';

const STATUS_TEXT: Record<FileReport['status'], string> = {
  loaded: 'Loaded',
  partial: 'Loaded with problems',
  empty: 'No data rows',
  failed: 'Not loaded',
  duplicate: 'Already loaded',
  unconfirmed: 'Not loaded: check its columns',
};

const LOAD_STATUS_TEXT = {
  ok: 'Every row was loaded.',
  held: 'Every row was loaded, or was already loaded with the same values.',
  partial: 'Some rows or files were not loaded. The reasons are listed below; everything else was loaded.',
  failed: 'Nothing could be loaded from these files. The reasons are listed below.',
};

/** What the warnings mean, once for the whole report. */
function warnedText(rowsWarned: number): string {
  const rows = rowsWarned === 1 ? '1 loaded row has' : `${formatNumber(rowsWarned)} loaded rows have`;
  return `${rows} a value in an optional column that was unreadable: that cell was left empty and the rest of the row loaded (see the warnings below).`;
}

/** The load report's columns; a null row is the total of every file. */
function fileColumns(
  report: LoadReport,
  anyWarned: boolean,
  act: {
    onChange: (file: FileReport) => boolean;
    change: (fileId: number) => void;
    remove: (file: FileReport) => void;
    replace: (file: FileReport) => void;
    busy: boolean;
  },
): FigureColumns<FileReport | null> {
  const count =
    (key: 'rowsRead' | 'rowsLoaded' | 'rowsWarned' | 'rowsRejected' | 'rowsUnchanged' | 'rowsUpdated') =>
    (file: FileReport | null) =>
      formatNumber((file ?? report)[key] ?? 0);
  const anyHeld = report.rowsUnchanged > 0 || report.rowsUpdated > 0;
  return [
    { key: 'file', head: 'File', cell: (file) => (file ? <FileName name={file.fileName} /> : 'Total') },
    {
      key: 'dataset',
      head: 'Recognised as',
      cell: (file) =>
        file && (
          <>
            {datasetText(file)}
            {act.onChange(file) && file.datasetId !== null && (
              <>
                {' '}
                <button
                  type="button"
                  className="link-button"
                  onClick={() => act.change(file.fileId)}
                  aria-label={`Change the dataset or columns of ${shownFileName(file.fileName)}`}
                >
                  Change
                </button>
              </>
            )}
          </>
        ),
    },
    {
      key: 'result',
      head: 'Result',
      cell: (file) =>
        file && (file.status === 'loaded' && file.rowsWarned > 0 ? 'Loaded with warnings' : STATUS_TEXT[file.status]),
    },
    { key: 'read', head: 'Rows read', numeric: true, cell: count('rowsRead') },
    { key: 'loaded', head: 'Loaded', numeric: true, cell: count('rowsLoaded') },
    anyWarned && { key: 'warned', head: 'of which with warnings', numeric: true, cell: count('rowsWarned') },
    anyHeld && { key: 'updated', head: 'of which updates', numeric: true, cell: count('rowsUpdated') },
    anyHeld && { key: 'held', head: 'Already held', numeric: true, cell: count('rowsUnchanged') },
    { key: 'rejected', head: 'Rejected', numeric: true, cell: count('rowsRejected') },
    {
      key: 'remove',
      head: <span className="visually-hidden">Replace or remove</span>,
      cell: (file) =>
        file && (
          <span className="file-actions">
            {file.datasetId !== null && findDataset(file.datasetId) && file.rowsRead > 0 && (
              <button
                type="button"
                className="link-button"
                onClick={() => act.replace(file)}
                disabled={act.busy}
                data-testid="replace-file"
                aria-label={`Replace with a new version… ${shownFileName(file.fileName)}`}
              >
                Replace with a new version…
              </button>
            )}
            {file.rowsRead > 0 && (
              <button
                type="button"
                className="link-button link-button--danger"
                onClick={() => act.remove(file)}
                disabled={act.busy}
                data-testid="remove-file"
                aria-label={`Remove ${shownFileName(file.fileName)} and its rows`}
              >
                Remove
              </button>
            )}
          </span>
        ),
    },
  ];
}

/**
 * The report of the latest load: rows read = loaded + rejected (and of those loaded, the rows with
 * warnings), per file and in total, with reasons.
 * `nextSteps` (the way to the Overview) comes first, so nobody has to scroll past the detail for it.
 */
export function LoadReportView({
  report,
  sequence,
  nextSteps,
}: {
  report: LoadReport;
  sequence: number;
  nextSteps?: ReactNode;
}) {
  const { canRemap, loading, effectPreview, previewRemoval, previewReplacement } = useAppData();
  const { settings } = useIndicatorSettings();
  const picker = useRef<HTMLInputElement>(null);
  const [replacing, setReplacing] = useState<FileReport | null>(null);
  const remappable = (file: FileReport) => file.header.length > 0 && file.status !== 'duplicate' && canRemap(file);
  // A file that was not recognised, or only weakly resembles a dataset, opens the column form straight
  // away, pre-filled with the closest dataset and the app's guesses.
  const [mappingFileId, setMappingFileId] = useState<number | null>(
    () =>
      report.files.find((f) => f.datasetId === null && (f.status === 'unconfirmed' || remappable(f)))?.fileId ?? null,
  );
  const anyWarned = report.rowsWarned > 0;
  return (
    <section
      className={`load-report load-report--${report.status}`}
      data-testid="load-report"
      data-rows-read={report.rowsRead}
      data-rows-loaded={report.rowsLoaded}
      data-rows-rejected={report.rowsRejected}
      data-rows-warned={report.rowsWarned}
      data-rows-unchanged={report.rowsUnchanged}
      data-rows-updated={report.rowsUpdated}
      data-status={report.status}
      data-load-seq={sequence}
      aria-labelledby="load-report-heading"
    >
      <h2 id="load-report-heading" className="heading-m">
        Load report
      </h2>
      {report.rowsLoaded > 0 && nextSteps}
      <p>{LOAD_STATUS_TEXT[report.status === 'ok' && report.rowsUnchanged > 0 ? 'held' : report.status]}</p>
      {anyWarned && <p data-testid="warned-summary">{warnedText(report.rowsWarned)}</p>}
      <Conservation report={report} />
      <FigureTable
        caption={`Rows read, loaded${anyWarned ? ' (of which with warnings)' : ''} and rejected per file`}
        captionHidden
        compact={false}
        columns={fileColumns(report, anyWarned, {
          onChange: remappable,
          change: setMappingFileId,
          remove: (file) => void previewRemoval(file, settings),
          replace: (file) => {
            setReplacing(file);
            picker.current?.click();
          },
          busy: loading || effectPreview !== null,
        })}
        rows={report.files}
        rowKey={(file) => file?.fileId ?? 'total'}
        rowAttributes={(file) => ({
          'data-testid': 'file-report',
          'data-file-name': file?.fileName,
          'data-status': file?.status,
        })}
        foot={report.files.length > 1 ? null : undefined}
      />
      <input
        ref={picker}
        type="file"
        accept=".csv,.txt,.tsv,.xlsx,.xls,.xlsb,.ods"
        hidden
        data-testid="replace-file-input"
        onChange={(event) => {
          const chosen = event.target.files?.[0];
          event.target.value = '';
          if (chosen && replacing) void previewReplacement(replacing, { name: chosen.name, blob: chosen }, settings);
        }}
      />
      {effectPreview && <EffectPreviewPanel preview={effectPreview} />}
      <DatasetSummary report={report} />
      {report.files.map((file) => (
        <FileDetails
          key={file.fileId}
          file={file}
          onMap={remappable(file) && mappingFileId !== file.fileId ? () => setMappingFileId(file.fileId) : null}
          mapping={
            file.fileId === mappingFileId ? (
              <ColumnMappingForm file={file} onDone={() => setMappingFileId(null)} />
            ) : null
          }
        />
      ))}
    </section>
  );
}

/**
 * Rows read = new + updated + already held unchanged + rejected, said in full once a file's records
 * overlap those loaded: no row silently disappears.
 */
function Conservation({ report }: { report: LoadReport }) {
  if (report.rowsUnchanged === 0 && report.rowsUpdated === 0) return null;
  const added = report.rowsLoaded - report.rowsUpdated;
  return (
    <p data-testid="conservation">
      {formatNumber(report.rowsRead)} rows read = {formatNumber(added)} new + {formatNumber(report.rowsUpdated)} updated
      + {formatNumber(report.rowsUnchanged)} already held unchanged + {formatNumber(report.rowsRejected)} rejected.
    </p>
  );
}

function datasetText(file: FileReport): string {
  const dataset = findDataset(file.datasetId);
  const closest = findDataset(file.closestDatasetId);
  const published = publishedName(file.datasetId);
  if (published) return published;
  if (file.status === 'unconfirmed' && closest) return `Looks a little like ${closest.title.toLowerCase()}`;
  if (!dataset) return 'Not recognised';
  return `${dataset.title}${columnsUsed(file)}`;
}

/** " (12 of 30 columns)", " (all 14 columns)": how much of the file the dataset reads, as counts. */
function columnsUsed(file: FileReport): string {
  const named = file.header.filter((cell) => cell.trim() !== '').length;
  if (named === 0) return '';
  const used = named - file.ignoredColumns.length;
  return used === named
    ? ` (all ${formatNumber(named)} columns)`
    : ` (${formatNumber(used)} of ${formatNumber(named)} columns)`;
}

/** Rows loaded (with warnings) and rejected per dataset in this load (several files of one dataset add up). */
function DatasetSummary({ report }: { report: LoadReport }) {
  const totals = new Map<string, { loaded: number; warned: number; rejected: number; files: number }>();
  for (const file of report.files) {
    if (!file.datasetId) continue;
    const total = totals.get(file.datasetId) ?? { loaded: 0, warned: 0, rejected: 0, files: 0 };
    total.loaded += file.rowsLoaded;
    total.warned += file.rowsWarned;
    total.rejected += file.rowsRejected;
    total.files += 1;
    totals.set(file.datasetId, total);
  }
  if (totals.size === 0) return null;
  return (
    <ul className="dataset-summary">
      {[...totals].map(([id, total]) => (
        <li key={id} data-testid={`dataset-${id}`} data-rows-loaded={total.loaded} data-rows-rejected={total.rejected}>
          <strong>{findDataset(id)?.title ?? publishedName(id) ?? id}</strong>: {formatNumber(total.loaded)} rows loaded
          {total.warned > 0 ? ` (${formatNumber(total.warned)} with warnings)` : ''}
          {total.rejected > 0 ? `, ${formatNumber(total.rejected)} rejected` : ''} from {total.files}{' '}
          {total.files === 1 ? 'file' : 'files'}
        </li>
      ))}
    </ul>
  );
}

/** The loaded file's columns that fill no field of its dataset. */
function leftAside(file: FileReport): string[] {
  return file.datasetId !== null && file.rowsLoaded > 0 ? file.ignoredColumns : [];
}

/** Shown in full up to this many; beyond, the first ones and a count (a 5,000-column extract happens). */
const LEFT_ASIDE_SHOWN = 30;

/** "Columns left aside (not part of early help episodes): …" — so nobody wonders where a column went. */
function LeftAsideColumns({ file }: { file: FileReport }) {
  const columns = leftAside(file);
  if (columns.length === 0) return null;
  const title = findDataset(file.datasetId)?.title.toLowerCase() ?? 'the dataset';
  const shown = columns.slice(0, LEFT_ASIDE_SHOWN).map((c) => `“${c.trim()}”`);
  const more = columns.length - shown.length;
  return (
    <p className="left-aside" data-testid="left-aside-columns" data-count={columns.length}>
      {columns.length === 1 ? '1 column was' : `${formatNumber(columns.length)} columns were`} left aside, not being
      part of {title}: {shown.join(', ')}
      {more > 0 ? ` and ${formatNumber(more)} more` : ''}.
    </p>
  );
}

/** A field's label ("Assessment start date") rather than its column name, for people. */
function fieldLabel(datasetId: string | null, field: string | null): string {
  if (field === null) return 'Whole row';
  return findDataset(datasetId)?.fields.find((f) => f.name === field)?.label ?? field;
}

/** One file's message, choices, rejections, warnings and codes to map; and its column form when open. */
function FileDetails({ file, onMap, mapping }: { file: FileReport; onMap: (() => void) | null; mapping: ReactNode }) {
  const duplicates =
    file.duplicates &&
    (file.duplicates.alreadyLoaded > 0 || file.duplicates.withinFile > 0 || file.duplicates.replaced > 0)
      ? file.duplicates
      : null;
  const hasDetail =
    file.message ||
    file.rejections.length > 0 ||
    file.warnings.length > 0 ||
    file.unmappedCodes.length > 0 ||
    file.dateColumns.length > 0 ||
    duplicates !== null ||
    leftAside(file).length > 0 ||
    mapping !== null;
  if (!hasDetail) return null;
  const approximate = file.linesApproximate ? ' (line numbers are approximate)' : '';
  return (
    <div className="file-details">
      <h3 className="heading-s">
        <FileName name={file.fileName} />
      </h3>
      {file.message && (
        <p
          className={file.status === 'failed' || file.status === 'empty' ? 'error-text' : 'warning-text'}
          data-testid="error-message"
        >
          {file.message}
        </p>
      )}
      {mapping}
      {duplicates && <DuplicateChoice file={file} duplicates={duplicates} />}
      {file.dateColumns.map((column) => (
        <DateOrderChoice key={column.field} file={file} column={column} />
      ))}
      {file.rejections.length > 0 && (
        <ProblemTable
          groups={file.rejections}
          caption={`Why rows were not loaded${approximate}`}
          columnLabel={(column) => fieldLabel(file.datasetId, column)}
          testId="rejections"
        />
      )}
      {file.warnings.length > 0 && (
        <ProblemTable
          groups={file.warnings}
          caption={`Warnings: loaded, with these cells left empty${approximate}`}
          columnLabel={(column) => fieldLabel(file.datasetId, column)}
          testId="warnings"
        />
      )}
      <LeftAsideColumns file={file} />
      {file.datasetId && <ValueMappingTable datasetId={file.datasetId} codes={file.unmappedCodes} />}
      {onMap && file.datasetId === null && (
        <button
          type="button"
          className="button button--secondary button--small"
          onClick={onMap}
          data-testid="map-columns"
        >
          {file.status === 'unconfirmed' ? 'Check its columns' : 'Map columns'}
        </button>
      )}
    </div>
  );
}
