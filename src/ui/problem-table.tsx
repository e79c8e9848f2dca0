import type { RejectionGroup } from '../ingest/load-report';
import { formatNumber } from '../shared/format';

/**
 * Rejections or warnings grouped by column and reason, with the first lines and values of each: a file's
 * in its load report, a dataset's on the Data quality page. `columnLabel` names a column in words.
 */
export function ProblemTable({
  groups,
  caption,
  columnLabel,
  testId,
}: {
  groups: readonly RejectionGroup[];
  caption: string;
  columnLabel: (column: string | null) => string;
  testId?: string;
}) {
  return (
    <table className="table table--compact" data-testid={testId}>
      <caption>{caption}</caption>
      <thead>
        <tr>
          <th scope="col">Column</th>
          <th scope="col">Reason</th>
          <th scope="col" className="numeric">
            Rows
          </th>
          <th scope="col">First examples</th>
        </tr>
      </thead>
      <tbody>
        {groups.map((group) => (
          <tr key={`${group.column}-${group.reason}`}>
            <td>{columnLabel(group.column)}</td>
            <td>{group.reason}</td>
            <td className="numeric">{formatNumber(group.count)}</td>
            <td>
              {group.examples.map((e) => `line ${e.line ?? '?'}${e.value !== null ? `: “${e.value}”` : ''}`).join('; ')}
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
