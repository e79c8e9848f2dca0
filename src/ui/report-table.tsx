import type { ReportTable } from '../board/report-tables';

/** A published document's table on screen and on paper: its caption, column and row headings scoped. */
export function ReportTableView({ table, testId }: { table: ReportTable; testId?: string }) {
  const [first, ...rest] = table.head;
  return (
    <table className="table table--compact section-table" data-testid={testId}>
      <caption className="table__caption">{table.caption}</caption>
      <thead>
        <tr>
          <th scope="col">{first}</th>
          {rest.map((heading, i) => (
            <th scope="col" key={heading} className={table.numeric[i + 1] ? 'numeric' : undefined}>
              {heading}
            </th>
          ))}
        </tr>
      </thead>
      <tbody>
        {table.rows.map((row) => (
          <tr key={row.header} data-indicator-id={row.id}>
            <th scope="row">{row.header}</th>
            {row.cells.map((cell, i) => (
              // Cells of a row are positional: the column is the key.
              // biome-ignore lint/suspicious/noArrayIndexKey: columns do not move
              <td key={i} className={table.numeric[i + 1] ? 'numeric' : undefined}>
                {cell}
              </td>
            ))}
          </tr>
        ))}
      </tbody>
    </table>
  );
}
