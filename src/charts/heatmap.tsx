import { INK } from './palette';

/**
 * A heatmap that is also a table: rows × columns of cells shaded by their value, each with its number in
 * text (never colour alone). Cells of a clickable row or column are buttons, so the keyboard can filter too.
 */
export interface HeatmapCell {
  text: string;
  /** 0–1: how dark the cell is. Null: no data. */
  intensity: number | null;
  /** Spoken as the cell's description. */
  description: string;
}

function shade(intensity: number): { background: string; color: string } {
  // From #f3f7fb to #3d85c4 at most, so the dark text keeps a contrast of at least 4.5:1 in every cell.
  const level = Math.min(1, Math.max(0, intensity)) * 0.85;
  const mix = (a: number, b: number) => Math.round(a + (b - a) * level);
  return { background: `rgb(${mix(243, 29)}, ${mix(247, 112)}, ${mix(251, 184)})`, color: INK };
}

export function Heatmap({
  caption,
  rowLabel,
  rows,
  columns,
  cell,
  onRow,
  onColumn,
  selectedRow,
  selectedColumn,
  testId,
}: {
  caption: string;
  rowLabel: string;
  rows: { key: string; label: string }[];
  columns: { key: string; label: string }[];
  cell: (row: string, column: string) => HeatmapCell;
  onRow?: (key: string) => void;
  onColumn?: (key: string) => void;
  selectedRow?: string;
  selectedColumn?: string;
  testId?: string;
}) {
  return (
    // A wide table scrolls sideways: the region takes the keyboard focus so it can be scrolled without a mouse.
    // biome-ignore lint/a11y/noNoninteractiveTabindex: a scrollable region must be focusable (WCAG 2.1.1)
    <section className="table-scroll" tabIndex={0} aria-label={`${caption} (table)`}>
      <table className="table table--compact heatmap" data-testid={testId}>
        <caption className="heatmap__caption">{caption}</caption>
        <thead>
          <tr>
            <th scope="col">{rowLabel}</th>
            {columns.map((c) => (
              <th scope="col" key={c.key} className="numeric">
                {onColumn ? (
                  <button
                    type="button"
                    className="link-button"
                    aria-pressed={selectedColumn === c.key}
                    onClick={() => onColumn(c.key)}
                    data-testid={`heatmap-column-${c.key}`}
                  >
                    {c.label}
                  </button>
                ) : (
                  c.label
                )}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {rows.map((r) => (
            <tr key={r.key}>
              <th scope="row">
                {onRow ? (
                  <button
                    type="button"
                    className="link-button"
                    aria-pressed={selectedRow === r.key}
                    onClick={() => onRow(r.key)}
                    data-testid={`heatmap-row-${r.key}`}
                  >
                    {r.label}
                  </button>
                ) : (
                  r.label
                )}
              </th>
              {columns.map((c) => {
                const value = cell(r.key, c.key);
                const style = value.intensity === null ? undefined : shade(value.intensity);
                const cellTestId = `heatmap-cell-${r.key}-${c.key}`;
                return (
                  <td key={c.key} className="numeric heatmap__cell" style={style} title={value.description}>
                    {onColumn && value.intensity !== null ? (
                      <button
                        type="button"
                        className="heatmap__button"
                        style={{ color: style?.color }}
                        onClick={() => onColumn(c.key)}
                        aria-label={`${value.description}. Filter by ${c.label}`}
                        data-testid={cellTestId}
                      >
                        {value.text}
                      </button>
                    ) : (
                      <span data-testid={cellTestId}>{value.text}</span>
                    )}
                  </td>
                );
              })}
            </tr>
          ))}
        </tbody>
      </table>
    </section>
  );
}
