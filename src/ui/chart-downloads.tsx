import { type RefObject, useState } from 'react';
import { chartSvgIn, type LegendItem, standaloneSvg, svgToPng } from '../charts/chart-image';
import { useRecordExport } from '../session/use-load-history';
import { downloadBlob, downloadText } from './download';

/**
 * "Download PNG" and "Download SVG" for a chart: the image carries its title and legend, the PNG at
 * twice the size on screen (sharp on a projector and in print). `chart` is the element holding the
 * chart to save — with suppression on, a copy drawn from the published figures, not the one on screen.
 */
export function ChartDownloads({
  chart,
  title,
  legend,
  fileName,
  unavailable,
  suppressed,
}: {
  chart: RefObject<HTMLElement | null>;
  title: string;
  legend: readonly LegendItem[];
  /** Without extension. */
  fileName: string;
  /** Why the chart cannot be saved as it is (e.g. filtered figures with suppression on). */
  unavailable?: string;
  /** Whether small numbers are hidden in the image (null: it has no counts about children), for the load history. */
  suppressed: boolean | null;
}) {
  const [error, setError] = useState<string | null>(null);
  const record = useRecordExport();
  const svgText = () => {
    const svg = chart.current ? chartSvgIn(chart.current) : null;
    if (!svg) throw new Error('Show the chart (not the table) to save it as an image.');
    return standaloneSvg(svg, title, legend);
  };
  const save = async (kind: 'png' | 'svg') => {
    setError(null);
    try {
      const svg = svgText();
      if (kind === 'svg') downloadText(`${fileName}.svg`, svg, 'image/svg+xml');
      else downloadBlob(`${fileName}.png`, await svgToPng(svg, 2));
      record(`Chart “${title}” saved as ${kind.toUpperCase()}`, { file: `${fileName}.${kind}`, suppressed });
    } catch (e) {
      setError(e instanceof Error ? e.message : String(e));
    }
  };
  if (unavailable) {
    return (
      <p className="hint" data-testid="download-unavailable">
        {unavailable}
      </p>
    );
  }
  return (
    <span className="download-buttons">
      <button
        type="button"
        className="button button--secondary button--small"
        onClick={() => save('png')}
        data-testid="download-png"
      >
        Download PNG<span className="visually-hidden">: {title}</span>
      </button>{' '}
      <button
        type="button"
        className="button button--secondary button--small"
        onClick={() => save('svg')}
        data-testid="download-svg"
      >
        Download SVG<span className="visually-hidden">: {title}</span>
      </button>
      {error && (
        <span className="error-text" role="alert">
          {' '}
          {error}
        </span>
      )}
    </span>
  );
}
