import { DATASETS } from '../../datasets/registry';
import { describeType, templateRows } from '../../datasets/template';
import { downloadCsv } from '../../ui/download';

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
          <button
            type="button"
            className="button button--secondary"
            onClick={() => downloadCsv(dataset.fileName, templateRows(dataset))}
            data-testid={`download-template-${dataset.id}`}
          >
            Download the {dataset.title.toLowerCase()} template (CSV)
          </button>
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
                    <td>{describeType(field)}</td>
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
