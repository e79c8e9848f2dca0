import { findDataset } from '../../datasets/registry';
import type { DateColumnReport } from '../../ingest/date-order';
import type { FileReport } from '../../ingest/load-report';
import { useAppData } from '../../session/app-data';
import { dateOrderQuestion } from './date-order-question';

/**
 * A date column that is, or looks, month/day: says so, and lets the user say how it is written (the
 * reading with more evidence first, as the primary button). The choice is remembered for files with
 * the same header, and the file is loaded again.
 */
export function DateOrderChoice({ file, column }: { file: FileReport; column: DateColumnReport }) {
  const { setDateOrder, canRemap, loading } = useAppData();
  const label = findDataset(file.datasetId)?.fields.find((f) => f.name === column.field)?.label ?? column.field;
  const question = dateOrderQuestion(column, label);
  const can = canRemap(file) && !loading;
  return (
    <div className="date-order" data-testid="date-order" data-field={column.field} data-order={column.order}>
      <p>{question.text}</p>
      {can && (
        <div className="button-group">
          {question.options.map((option, i) => (
            <button
              key={option.order}
              type="button"
              className={i === 0 ? 'button button--small' : 'button button--secondary button--small'}
              onClick={() => void setDateOrder(file, column.field, option.order)}
              data-testid={`date-order-${option.order}`}
            >
              {option.label}
            </button>
          ))}
        </div>
      )}
    </div>
  );
}
