import { type ReactNode, useCallback, useEffect, useState } from 'react';

/**
 * A chart's tooltip that Esc puts away until the pointer moves to another period: on a projector the
 * pointer left resting on a chart must not leave a box over the figures. Esc is taken before anything
 * else sees it (the presentation leaves on Esc), and only while a tooltip is showing.
 */
export function useDismissibleTooltip() {
  const [hovered, setHovered] = useState<number | null>(null);
  const [dismissed, setDismissed] = useState<number | null>(null);
  const showing = hovered !== null && dismissed !== hovered;
  useEffect(() => {
    if (!showing) return undefined;
    const onKey = (event: KeyboardEvent) => {
      if (event.key !== 'Escape') return;
      event.stopImmediatePropagation();
      event.preventDefault();
      setDismissed(hovered);
    };
    window.addEventListener('keydown', onKey, true);
    return () => window.removeEventListener('keydown', onKey, true);
  }, [showing, hovered]);
  const onMouseMove = useCallback((state: { activeTooltipIndex?: number | string | null }) => {
    const index = state?.activeTooltipIndex;
    setHovered(index === undefined || index === null ? null : Number(index));
  }, []);
  const onMouseLeave = useCallback(() => {
    setHovered(null);
    setDismissed(null);
  }, []);
  return {
    /** For the chart: which period the pointer is over. */
    chartProps: { onMouseMove, onMouseLeave },
    /** For recharts' Tooltip: hidden once dismissed; at most a third of the chart's width. */
    tooltipProps: {
      active: showing ? undefined : false,
      wrapperStyle: { maxWidth: '33%', zIndex: 10 },
      allowEscapeViewBox: { x: false, y: false },
    },
  };
}

/** A tooltip's box: the period in bold, then one line per figure; text in ink, colour only in the swatch. */
export function TooltipBox({
  label,
  lines,
}: {
  label: string;
  lines: readonly { key: string; text: string; swatch?: ReactNode }[];
}) {
  return (
    <div className="chart-tooltip" data-testid="chart-tooltip">
      <p className="chart-tooltip__label">{label}</p>
      <ul>
        {lines.map((line) => (
          <li key={line.key}>
            {line.swatch}
            {line.text}
          </li>
        ))}
      </ul>
    </div>
  );
}
