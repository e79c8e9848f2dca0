import { useState } from 'react';
import { codeLabel } from '../datasets/code-values';
import { findDataset } from '../datasets/registry';
import type { UnmappedCode } from '../ingest/load-report';
import { useAppData } from '../session/app-data';
import { formatNumber } from '../shared/format';

/** Local codes the app did not recognise, each with a choice of the standard value it means. */
export function ValueMappingTable({ datasetId, codes }: { datasetId: string; codes: UnmappedCode[] }) {
  const { mapValue } = useAppData();
  const [error, setError] = useState<string | null>(null);
  const dataset = findDataset(datasetId);
  if (!dataset || codes.length === 0) return null;
  return (
    <div className="value-mapping" data-testid="value-mapping">
      <table className="table table--compact">
        <caption>
          Values not recognised: choose what each one means. Your choice is applied to the rows already loaded, and
          remembered for the next file.
        </caption>
        <thead>
          <tr>
            <th scope="col">Column</th>
            <th scope="col">Value in the file</th>
            <th scope="col" className="numeric">
              Rows
            </th>
            <th scope="col">Means</th>
          </tr>
        </thead>
        <tbody>
          {codes.slice(0, 50).map((code) => {
            const field = dataset.fields.find((f) => f.name === code.field);
            const values = field?.type.kind === 'code' ? field.type.values : [];
            const label = `What “${code.value}” (${field?.label ?? code.field}) means`;
            return (
              <tr key={`${code.field}-${code.value}`} data-field={code.field} data-value={code.value}>
                <td>{field?.label ?? code.field}</td>
                <td>“{code.value}”</td>
                <td className="numeric">{formatNumber(code.count)}</td>
                <td>
                  <select
                    className="select"
                    aria-label={label}
                    defaultValue=""
                    onChange={(event) => {
                      const value = event.target.value;
                      if (!value) return;
                      setError(null);
                      mapValue(datasetId, code.field, code.value, value).catch((e: unknown) =>
                        setError(e instanceof Error ? e.message : String(e)),
                      );
                    }}
                  >
                    <option value="">Not mapped yet</option>
                    {values.map((value) => (
                      <option key={value} value={value}>
                        {field ? codeLabel(field.type, value) : value}
                      </option>
                    ))}
                  </select>
                </td>
              </tr>
            );
          })}
        </tbody>
      </table>
      {codes.length > 50 && <p className="hint">And {codes.length - 50} more values not shown.</p>}
      {error && (
        <p className="error-text" data-testid="error-message" role="alert">
          {error}
        </p>
      )}
    </div>
  );
}
