import { useEffect, useState } from 'react';

const WIDE = '(min-width: 1600px)';

/**
 * The size of a chart's text, in pixels: 16 on a wide screen (a 1920 × 1080 projector), else 13. A chart
 * is told its size rather than restyled by CSS, so recharts measures its labels at the size they are
 * drawn and spaces them (no overlapping ticks).
 */
export function useChartFontSize(given?: number): number {
  const [wide, setWide] = useState(() => typeof window !== 'undefined' && !!window.matchMedia?.(WIDE).matches);
  useEffect(() => {
    const query = window.matchMedia?.(WIDE);
    if (!query) return undefined;
    const update = () => setWide(query.matches);
    query.addEventListener('change', update);
    return () => query.removeEventListener('change', update);
  }, []);
  return given ?? (wide ? 16 : 13);
}

/**
 * The value axis' name, above the axis and level with its start: never across its tick labels (a
 * rotated "Per cent" ran over "40.0 %"). For recharts' YAxis `label`.
 */
export function valueAxisLabel(value: string, axisWidth: number, fontSize: number, fill: string) {
  return {
    value,
    position: 'top' as const,
    offset: Math.round(fontSize * 0.7),
    fill,
    fontSize,
    dx: -axisWidth / 2 + 4,
    textAnchor: 'start' as const,
  };
}
