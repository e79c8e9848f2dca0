import { useState } from 'react';
import { CHANGES_LISTED, type DuplicateReport } from '../../ingest/dedupe-stage';
import type { FileReport } from '../../ingest/load-report';
import { changesCsvRows, shownChange, type UpdateFindings } from '../../ingest/update-stage';
import { useAppData } from '../../session/app-data';
import { formatNumber } from '../../shared/format';
import { downloadCsv } from '../../ui/download';

const counted = (n: number, one: string, many: string) => `${formatNumber(n)} ${n === 1 ? one : many}`;

/** "2 records updated, 3 values changed; 2,403 already held unchanged". */
export function updateSummary(update: UpdateFindings): string {
  const held = `${formatNumber(update.unchanged)} already held unchanged`;
  if (update.updated === 0) return `none changed; ${held}`;
  const changed = `${counted(update.updated, 'record', 'records')} updated, ${counted(update.valuesChanged, 'value', 'values')} changed`;
  return `${changed}; ${held}`;
}

/**
 * What next quarter's extract changed in records already loaded: every changed value (file, line,
 * record, field, old → new as the user reads them), counted, and downloadable as CSV.
 */
export function RecordChanges({ file, duplicates }: { file: FileReport; duplicates: DuplicateReport }) {
  const { recordChanges } = useAppData();
  const [error, setError] = useState<string | null>(null);
  const update = duplicates.update;
  if (!update || update.valuesChanged === 0) return null;
  const listed = duplicates.changes;
  const download = async () => {
    try {
      const changes = await recordChanges(file);
      downloadCsv(`${file.fileName.replace(/\.[^.]+$/, '')} - changes.csv`, changesCsvRows(changes));
      setError(null);
    } catch (e) {
      setError(`The changes could not be saved: ${e instanceof Error ? e.message : String(e)}`);
    }
  };
  return (
    <div className="record-changes">
      <div className="record-changes__scroll">
        <table className="table table--compact" data-testid="record-changes" data-count={update.valuesChanged}>
          <caption>
            What this file changed in records already loaded ({updateSummary(update)})
            {update.valuesChanged > listed.length
              ? `: the first ${formatNumber(CHANGES_LISTED)} changes; the download has every one`
              : ''}
          </caption>
          <thead>
            <tr>
              <th scope="col" className="numeric">
                Line
              </th>
              <th scope="col">Record</th>
              <th scope="col">Field</th>
              <th scope="col">Was</th>
              <th scope="col">Now</th>
            </tr>
          </thead>
          <tbody>
            {listed.map((change) => (
              <tr key={`${change.line}-${change.field}`} data-field={change.field} data-line={change.line}>
                <td className="numeric">{change.line}</td>
                <td>{change.key}</td>
                <td>{change.fieldLabel}</td>
                <td className={change.oldValue === null ? 'hint' : undefined}>{shownChange(change.oldValue)}</td>
                <td className={change.newValue === null ? 'hint' : undefined}>{shownChange(change.newValue)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <button
        type="button"
        className="button button--secondary button--small"
        onClick={() => void download()}
        data-testid="changes-download"
      >
        Download every change (CSV)
      </button>
      {error && (
        <p className="error-text" role="alert">
          {error}
        </p>
      )}
    </div>
  );
}
