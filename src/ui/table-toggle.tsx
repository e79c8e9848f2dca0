/** The "Show as table" / "Show as chart" switch every chart has (a toggle button, its state announced). */
export function TableToggle({
  asTable,
  onToggle,
  testId,
}: {
  asTable: boolean;
  onToggle: () => void;
  testId?: string;
}) {
  return (
    <button
      type="button"
      className="button button--secondary button--small"
      aria-pressed={asTable}
      onClick={onToggle}
      data-testid={testId}
    >
      {asTable ? 'Show as chart' : 'Show as table'}
    </button>
  );
}
