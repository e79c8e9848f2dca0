import { type FormEvent, useId, useState } from 'react';
import { DATASETS, findDataset } from '../../datasets/registry';
import { matchHeader } from '../../ingest/header-match';
import type { FileReport } from '../../ingest/load-report';
import { useAppData } from '../../session/app-data';
import { shownFileName } from '../../shared/file-name';
import { FileName } from '../../ui/file-name';

/**
 * Choose the dataset a file is, and which of its columns fills each field. The app's own guess is
 * filled in; the choice is remembered for the next file with the same header.
 */
export function ColumnMappingForm({ file, onDone }: { file: FileReport; onDone: () => void }) {
  const { mapColumns } = useAppData();
  const id = useId();
  const [datasetId, setDatasetId] = useState(file.datasetId ?? file.closestDatasetId ?? DATASETS[0]?.id ?? '');
  const dataset = findDataset(datasetId);
  const guess = (dsId: string) => {
    const ds = findDataset(dsId);
    if (!ds) return {};
    return Object.fromEntries(matchHeader(file.header, ds).matches.map((m) => [m.field, m.header]));
  };
  const [columns, setColumns] = useState<Record<string, string>>(() => guess(datasetId));
  const headings = file.header.filter((h) => h.trim() !== '');
  /** The first few values under a heading, as the file has them. */
  const samplesOf = (heading: string | undefined) =>
    heading ? (file.columnSamples[file.header.indexOf(heading)] ?? []) : [];
  const missing = dataset?.fields.filter((f) => f.required && !columns[f.name]) ?? [];

  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (!dataset || missing.length > 0) return;
    void mapColumns(file, dataset.id, columns).then(onDone);
  };

  return (
    <form className="column-mapping" onSubmit={submit} data-testid="column-mapping">
      <h4 className="heading-s">
        Which columns hold what, in “<FileName name={file.fileName} />”
      </h4>
      <p className="hint">
        Choose what the file is and, for each field, the column that holds it (its first values are shown beside it).
        Fields the file does not have can stay at “(none)”.
      </p>
      {file.columnSamples.some((values) => values.length > 0) && (
        // A long header is folded away, so the choices below stay near the top.
        <details className="column-mapping__file" open={headings.length <= 10} data-testid="file-columns">
          <summary>The file’s {headings.length} columns and their first values</summary>
          <table className="table table--compact">
            <caption className="visually-hidden">
              Each column of “{shownFileName(file.fileName)}” and its first values
            </caption>
            <thead>
              <tr>
                <th scope="col">Column</th>
                <th scope="col">First values</th>
              </tr>
            </thead>
            <tbody>
              {file.header.map((heading, i) =>
                heading.trim() === '' ? null : (
                  // biome-ignore lint/suspicious/noArrayIndexKey: a header may repeat a heading; its place is its identity
                  <tr key={i}>
                    <th scope="row">{heading}</th>
                    <td className="column-mapping__samples">{file.columnSamples[i]?.join(', ') || '(empty)'}</td>
                  </tr>
                ),
              )}
            </tbody>
          </table>
        </details>
      )}
      <div className="form-group">
        <label htmlFor={`${id}-dataset`} className="label">
          This file is
        </label>
        <select
          id={`${id}-dataset`}
          className="select"
          value={datasetId}
          onChange={(event) => {
            setDatasetId(event.target.value);
            setColumns(guess(event.target.value));
          }}
        >
          {DATASETS.map((d) => (
            <option key={d.id} value={d.id}>
              {d.title}
            </option>
          ))}
        </select>
      </div>
      {dataset && (
        <table className="table table--compact">
          <caption className="visually-hidden">Column for each field of {dataset.title}</caption>
          <thead>
            <tr>
              <th scope="col">Field</th>
              <th scope="col">Column in the file</th>
              <th scope="col">Its first values</th>
            </tr>
          </thead>
          <tbody>
            {dataset.fields.map((field) => (
              <tr key={field.name}>
                <th scope="row">
                  <label htmlFor={`${id}-${field.name}`}>{field.label}</label>
                  {field.required ? <strong className="tag">Required</strong> : null}
                </th>
                <td>
                  <select
                    id={`${id}-${field.name}`}
                    className="select"
                    value={columns[field.name] ?? ''}
                    onChange={(event) => setColumns((c) => ({ ...c, [field.name]: event.target.value }))}
                  >
                    <option value="">(none)</option>
                    {headings.map((heading) => (
                      <option key={heading} value={heading}>
                        {heading}
                      </option>
                    ))}
                  </select>
                </td>
                <td className="column-mapping__samples" data-testid={`samples-${field.name}`}>
                  {samplesOf(columns[field.name]).join(', ') || '–'}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      {missing.length > 0 && (
        <p className="hint" role="status">
          Still needed: {missing.map((f) => f.label).join(', ')}. The <a href="#/templates">templates</a> say what each
          field holds.
        </p>
      )}
      <div className="button-group">
        <button type="submit" className="button" disabled={missing.length > 0}>
          Load with these columns
        </button>
        <button type="button" className="button button--secondary" onClick={onDone}>
          Cancel
        </button>
      </div>
    </form>
  );
}
