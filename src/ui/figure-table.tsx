import type { ReactNode } from 'react';

/** One column of a table of figures. */
export interface FigureColumn<Row> {
  /** Tells the columns apart (React's key). */
  key: string;
  head: ReactNode;
  cell: (row: Row) => ReactNode;
  /** A figure: heading and cells right-aligned (GOV.UK's numeric cells), so digits line up. */
  numeric?: boolean;
  /** More classes for the column's cells. */
  className?: string;
}

/** Columns, with `false` for a column this table leaves out (a target only some indicators have). */
export type FigureColumns<Row> = readonly (FigureColumn<Row> | false)[];

const shown = <Row,>(columns: FigureColumns<Row>) => columns.filter((c): c is FigureColumn<Row> => c !== false);

const classes = (...names: (string | false | undefined)[]) => names.filter(Boolean).join(' ') || undefined;

/** The heading cells of the columns (inside a <tr>). */
export function FigureHeads<Row>({ columns }: { columns: FigureColumns<Row> }) {
  return (
    <>
      {shown(columns).map((c) => (
        <th key={c.key} scope="col" className={c.numeric ? 'numeric' : undefined}>
          {c.head}
        </th>
      ))}
    </>
  );
}

/** One row's cells (inside a <tr>); with `rowHead` the first column's cell is the row's heading. */
export function FigureCells<Row>({
  columns,
  row,
  rowHead = false,
}: {
  columns: FigureColumns<Row>;
  row: Row;
  rowHead?: boolean;
}) {
  return (
    <>
      {shown(columns).map((c, i) => {
        const className = classes(c.numeric && 'numeric', c.className);
        return rowHead && i === 0 ? (
          <th key={c.key} scope="row" className={className}>
            {c.cell(row)}
          </th>
        ) : (
          <td key={c.key} className={className}>
            {c.cell(row)}
          </td>
        );
      })}
    </>
  );
}

/**
 * A table of figures, the one markup for them: a caption (visually hidden where the heading above says it),
 * headings, one row per item headed by its first column, figures right-aligned, and an optional foot (totals).
 */
export function FigureTable<Row>({
  caption,
  captionHidden = false,
  columns,
  rows,
  rowKey,
  rowAttributes,
  rowHead = true,
  foot,
  compact = true,
  scroll = false,
  testId,
}: {
  caption: ReactNode;
  captionHidden?: boolean;
  columns: FigureColumns<Row>;
  rows: readonly Row[];
  rowKey: (row: Row) => string | number;
  /** Attributes of a row's <tr> (hooks such as data-testid). */
  rowAttributes?: (row: Row) => Record<`data-${string}`, string | number | undefined>;
  /** Whether a row's first cell heads it (scope="row"). */
  rowHead?: boolean;
  /** A last row (totals), in the columns' cells. */
  foot?: Row;
  compact?: boolean;
  /** Scrolls sideways on a narrow screen instead of squeezing the columns. */
  scroll?: boolean;
  testId?: string;
}) {
  const table = (
    <table className={classes('table', compact && 'table--compact')} data-testid={testId}>
      <caption className={captionHidden ? 'visually-hidden' : undefined}>{caption}</caption>
      <thead>
        <tr>
          <FigureHeads columns={columns} />
        </tr>
      </thead>
      <tbody>
        {rows.map((row) => (
          <tr key={rowKey(row)} {...rowAttributes?.(row)}>
            <FigureCells columns={columns} row={row} rowHead={rowHead} />
          </tr>
        ))}
      </tbody>
      {foot !== undefined && (
        <tfoot>
          <tr>
            <FigureCells columns={columns} row={foot} rowHead={rowHead} />
          </tr>
        </tfoot>
      )}
    </table>
  );
  return scroll ? <div className="table-scroll">{table}</div> : table;
}
