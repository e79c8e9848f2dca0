import { findDataset } from '../../datasets/registry';
import type { DateColumnReport } from '../../ingest/date-order';
import type { FileReport } from '../../ingest/load-report';
import { useAppData } from '../../session/app-data';
import { formatNumber } from '../../shared/format';

function describe(column: DateColumnReport, label: string): string {
  const example = column.example ? ` (line ${column.example.line}: “${column.example.value}”)` : '';
  const monthDay = `${formatNumber(column.monthDayCount)} ${column.monthDayCount === 1 ? 'date' : 'dates'}`;
  switch (column.order) {
    case 'unsure':
      return `${label} looks like month/day: ${monthDay} can only be read that way${example}. So that no date is read the wrong way round, ${formatNumber(column.ambiguousCount)} that could be either (like 03/04/2024) ${column.ambiguousCount === 1 ? 'was' : 'were'} not loaded. How is this column written?`;
    case 'mdy':
      return `${label} is read as month/day/year, as you chose for files with these columns.`;
    default:
      return `${label} is read as day/month/year, as you chose; ${monthDay} that can only be month/day ${column.monthDayCount === 1 ? 'was' : 'were'} not loaded${example}.`;
  }
}

/**
 * A date column that is, or looks, month/day: says so, and lets the user say how it is written. The
 * choice is remembered for files with the same header, and the file is loaded again.
 */
export function DateOrderChoice({ file, column }: { file: FileReport; column: DateColumnReport }) {
  const { setDateOrder, canRemap, loading } = useAppData();
  const label = findDataset(file.datasetId)?.fields.find((f) => f.name === column.field)?.label ?? column.field;
  const choose = (order: 'dmy' | 'mdy') => void setDateOrder(file, column.field, order);
  const can = canRemap(file) && !loading;
  return (
    <div className="date-order" data-testid="date-order" data-field={column.field} data-order={column.order}>
      <p>{describe(column, label)}</p>
      {can && (
        <div className="button-group">
          {column.order !== 'mdy' && (
            <button
              type="button"
              className="button button--small"
              onClick={() => choose('mdy')}
              data-testid="date-order-mdy"
            >
              Read {label.toLowerCase()} as month/day
            </button>
          )}
          {column.order !== 'dmy' && (
            <button
              type="button"
              className="button button--secondary button--small"
              onClick={() => choose('dmy')}
              data-testid="date-order-dmy"
            >
              {column.order === 'unsure' ? 'It is day/month: the month/day dates are mistakes' : 'Read it as day/month'}
            </button>
          )}
        </div>
      )}
    </div>
  );
}
