import { useState } from 'react';
import { codeLabel } from '../../datasets/code-values';
import type { DatasetDefinition, FieldDefinition } from '../../datasets/dataset-definition';
import { DATASETS } from '../../datasets/registry';
import { describeType, templateRows } from '../../datasets/template';
import { downloadBlob, downloadCsv } from '../../ui/download';

const XLSX_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

/** The template as an Excel workbook, written in this tab (its writer is loaded only when asked for). */
async function downloadWorkbook(dataset: DatasetDefinition): Promise<void> {
  const { templateWorkbook, templateWorkbookName } = await import('../../datasets/template-workbook-file');
  downloadBlob(templateWorkbookName(dataset), new Blob([templateWorkbook(dataset)], { type: XLSX_TYPE }));
}

/** A field's type; a coded field's values one per line, in words with the code after. */
function AllowedValues({ field }: { field: FieldDefinition }) {
  const type = field.type;
  if (type.kind !== 'code') return <>{describeType(field)}</>;
  return (
    <>
      One of:
      <ul className="allowed-values">
        {type.values.map((value) => (
          <li key={value}>
            {codeLabel(type, value)} <code>{value}</code>
          </li>
        ))}
      </ul>
    </>
  );
}

function DownloadButtons({ dataset }: { dataset: DatasetDefinition }) {
  const [error, setError] = useState<string | null>(null);
  const name = dataset.title.toLowerCase();
  return (
    <>
      <div className="button-group">
        <button
          type="button"
          className="button button--secondary"
          onClick={() => {
            setError(null);
            downloadWorkbook(dataset).catch((e: unknown) =>
              setError(`The workbook could not be made: ${e instanceof Error ? e.message : String(e)}`),
            );
          }}
          data-testid={`download-workbook-${dataset.id}`}
        >
          Download the {name} template (Excel, with drop-down lists)
        </button>
        <button
          type="button"
          className="button button--secondary"
          onClick={() => downloadCsv(dataset.fileName, templateRows(dataset))}
          data-testid={`download-template-${dataset.id}`}
        >
          Download as CSV
        </button>
      </div>
      {error && (
        <p className="error-text" role="alert">
          {error}
        </p>
      )}
    </>
  );
}

/** A template and guidance for each dataset, to send to partner agencies. */
export function TemplatesPage() {
  return (
    <section aria-labelledby="templates-heading">
      <h1 id="templates-heading" className="heading-xl">
        Templates for partner agencies
      </h1>
      <p className="lead">
        Send each agency the template for the data you ask them for. Column names do not have to match exactly — common
        alternatives (for example Ofsted Annex A headings) are recognised — but the required columns must be there.
      </p>
      <p>
        The Excel workbook offers the allowed values of each coded column as a drop-down list in words (“White British”,
        “Needs met”); the app reads the words back as the codes. It also checks dates and numbers as they are typed, and
        has a Guidance sheet with the table below.
      </p>
      <nav aria-label="Datasets">
        <ul className="contents-list">
          {DATASETS.map((dataset) => (
            <li key={dataset.id}>
              <a href={`#template-${dataset.id}`}>{dataset.title}</a>
            </li>
          ))}
        </ul>
      </nav>
      {DATASETS.map((dataset) => (
        <section
          key={dataset.id}
          id={`template-${dataset.id}`}
          className="template"
          aria-labelledby={`template-heading-${dataset.id}`}
          data-testid={`template-${dataset.id}`}
        >
          <h2 id={`template-heading-${dataset.id}`} className="heading-l">
            {dataset.title}
          </h2>
          <p>{dataset.description}</p>
          <p className="hint">
            File name: <code>{dataset.fileName}</code> · dataset id <code>{dataset.id}</code>
          </p>
          <DownloadButtons dataset={dataset} />
          <div className="table-scroll table-scroll--tall">
            <table className="table table--compact">
              <caption>Columns of {dataset.title.toLowerCase()}</caption>
              <thead>
                <tr>
                  <th scope="col">Column</th>
                  <th scope="col">Meaning</th>
                  <th scope="col">Type and allowed values</th>
                  <th scope="col">Example</th>
                  <th scope="col">Also recognised as</th>
                </tr>
              </thead>
              <tbody>
                {dataset.fields.map((field) => (
                  <tr key={field.name}>
                    <th scope="row">
                      <code>{field.name}</code>
                      {field.required ? <strong className="tag">Required</strong> : null}
                    </th>
                    <td>{field.description}</td>
                    <td>
                      <AllowedValues field={field} />
                    </td>
                    <td>{field.example || '(blank)'}</td>
                    <td>{field.aliases.join('; ')}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        </section>
      ))}
    </section>
  );
}
