import { INK, WHITE } from './palette';

/**
 * A chart as a file: a standalone SVG with its title and legend drawn in (so the image says what it
 * shows wherever it is pasted), and a PNG of it at twice its size for slides and documents. Built from
 * the chart's own SVG in the page; nothing is fetched.
 */

export interface LegendItem {
  label: string;
  colour: string;
  /**
   * How the key draws it: a line (mean, limits, target), a dashed line, a dot or a block; the review
   * timeline's marks (a square, a diamond, a hollow dot); `svg`, the chart's own swatch (a marker as the
   * chart draws it); `none`, words alone.
   */
  shape: 'line' | 'dashed' | 'dot' | 'block' | 'square' | 'diamond' | 'hollow-dot' | 'svg' | 'none';
  /** For `svg`: the swatch, an <svg> element's markup (drawn 18 px square). */
  svg?: string;
}

/**
 * The key of a chart as it is drawn beside it, when its swatches are SVG (markers a chart draws in its
 * own key): each item's swatch and words. Null when the key has no SVG swatches (the caller knows it).
 */
export function drawnLegend(figure: Element): LegendItem[] | null {
  const items = [...figure.querySelectorAll('figcaption .spc-key__item')];
  if (!items.some((item) => item.querySelector('svg'))) return null;
  return items.map((item) => {
    const swatch = item.querySelector('svg');
    const label = (item.textContent ?? '').replace(/\s+/g, ' ').trim();
    return swatch
      ? { label, colour: TEXT, shape: 'svg' as const, svg: new XMLSerializer().serializeToString(swatch) }
      : { label, colour: TEXT, shape: 'none' as const };
  });
}

/** A swatch's markup placed in an 18 px box at (x, y): its own viewBox kept, so it draws as in the chart. */
function placedSwatch(svg: string, x: number, y: number): string {
  const viewBox = /viewBox="([^"]+)"/.exec(svg)?.[1] ?? '0 0 18 18';
  const inner = svg.replace(/^<svg[^>]*>/, '').replace(/<\/svg>\s*$/, '');
  return `<svg x="${x}" y="${y}" width="18" height="18" viewBox="${viewBox}">${inner}</svg>`;
}

const SVG_NS = 'http://www.w3.org/2000/svg';
const FONT = 'Arial, Helvetica, sans-serif';
const TEXT = INK;

const escapeXml = (text: string) =>
  text.replace(
    /[<>&"']/g,
    (c) => ({ '<': '&lt;', '>': '&gt;', '&': '&amp;', '"': '&quot;', "'": '&apos;' })[c] as string,
  );

/** A legend item's swatch, its text baseline at `y`. */
function swatchMarkup(item: LegendItem, x: number, y: number): string {
  const c = item.colour;
  const cy = y - 4;
  switch (item.shape) {
    case 'none':
      return '';
    case 'svg':
      return placedSwatch(item.svg ?? '', x, y - 13);
    case 'dot':
      return `<circle cx="${x + 8}" cy="${cy}" r="6" fill="${c}"/>`;
    case 'hollow-dot':
      return `<circle cx="${x + 8}" cy="${cy}" r="5" fill="${WHITE}" stroke="${c}" stroke-width="2"/>`;
    case 'block':
      return `<rect x="${x}" y="${y - 11}" width="16" height="14" fill="${c}"/>`;
    case 'square':
      return `<rect x="${x + 2}" y="${cy - 6}" width="12" height="12" fill="${c}"/>`;
    case 'diamond':
      return `<path d="M${x + 8},${cy - 8} L${x + 16},${cy} L${x + 8},${cy + 8} L${x},${cy} Z" fill="${c}"/>`;
    default:
      return `<line x1="${x}" y1="${cy}" x2="${x + 18}" y2="${cy}" stroke="${c}" stroke-width="2.5"${
        item.shape === 'dashed' ? ' stroke-dasharray="5 3"' : ''
      }/>`;
  }
}

/** The legend as rows of SVG items that fit `width`; returns the markup and the height it takes. */
function legendMarkup(items: readonly LegendItem[], width: number, top: number): { markup: string; height: number } {
  const rowHeight = 24;
  let x = 16;
  let y = top + 16;
  const parts: string[] = [];
  for (const item of items) {
    const itemWidth = (item.shape === 'none' ? 0 : 34) + item.label.length * 7.5;
    if (x + itemWidth > width - 16 && x > 16) {
      x = 16;
      y += rowHeight;
    }
    const swatch = swatchMarkup(item, x, y);
    const textX = item.shape === 'none' ? x : x + 24;
    parts.push(`${swatch}<text x="${textX}" y="${y}" font-size="13" fill="${TEXT}">${escapeXml(item.label)}</text>`);
    x += itemWidth + 12;
  }
  return { markup: parts.join(''), height: items.length === 0 ? 0 : y - top + 12 };
}

/**
 * The chart without the empty band at its foot that a chart keeps for a key drawn in HTML below it (the
 * image has its own key): its height, and its viewBox cut to match. Null when nothing is to be cut or
 * the browser cannot say what is drawn.
 */
function cropped(chart: SVGSVGElement, drawn: number): { height: number; viewBox: string | null } | null {
  let box: DOMRect;
  try {
    box = chart.getBBox();
  } catch {
    return null;
  }
  if (box.height <= 0) return null;
  const view = chart.viewBox?.baseVal;
  const scale = view && view.height > 0 ? drawn / view.height : 1;
  const top = view && view.height > 0 ? view.y : 0;
  const used = box.y + box.height + 6 - top;
  if (used * scale >= drawn - 1) return null;
  return {
    height: Math.ceil(used * scale),
    viewBox: view && view.height > 0 ? `${view.x} ${view.y} ${view.width} ${used}` : null,
  };
}

/**
 * The chart's SVG with a title above (none when `title` is empty: a slide has its own) and the legend
 * below, as one standalone SVG document.
 */
export function standaloneSvg(chart: SVGSVGElement, title: string, legend: readonly LegendItem[]): string {
  const width = Math.round(chart.width.baseVal.value || chart.getBoundingClientRect().width || 800);
  const drawn = Math.round(chart.height.baseVal.value || chart.getBoundingClientRect().height || 300);
  const crop = cropped(chart, drawn);
  const height = crop?.height ?? drawn;
  const titleHeight = title ? 44 : 8;
  const copy = chart.cloneNode(true) as SVGSVGElement;
  copy.setAttribute('x', '0');
  copy.setAttribute('y', String(titleHeight));
  copy.setAttribute('width', String(width));
  copy.setAttribute('height', String(height));
  if (crop?.viewBox) copy.setAttribute('viewBox', crop.viewBox);
  copy.removeAttribute('style');
  copy.removeAttribute('class');
  const inner = new XMLSerializer().serializeToString(copy);
  const key = legendMarkup(legend, width, titleHeight + height);
  const total = titleHeight + height + key.height + 8;
  return [
    `<?xml version="1.0" encoding="UTF-8"?>`,
    `<svg xmlns="${SVG_NS}" width="${width}" height="${total}" viewBox="0 0 ${width} ${total}" font-family="${FONT}">`,
    title ? `<title>${escapeXml(title)}</title>` : '',
    `<rect width="100%" height="100%" fill="${WHITE}"/>`,
    title ? `<text x="16" y="28" font-size="18" font-weight="700" fill="${TEXT}">${escapeXml(title)}</text>` : '',
    inner,
    key.markup,
    `</svg>`,
  ].join('');
}

/** An SVG document drawn onto a canvas at `scale` times its size, as PNG bytes. */
export async function svgToPng(svg: string, scale = 2): Promise<Blob> {
  const size = /<svg[^>]*\bwidth="(\d+(?:\.\d+)?)"[^>]*\bheight="(\d+(?:\.\d+)?)"/.exec(svg);
  const width = Number(size?.[1] ?? 800);
  const height = Number(size?.[2] ?? 400);
  const url = URL.createObjectURL(new Blob([svg], { type: 'image/svg+xml' }));
  try {
    const image = new Image();
    image.decoding = 'sync';
    await new Promise<void>((resolve, reject) => {
      image.onload = () => resolve();
      image.onerror = () => reject(new Error('The chart could not be drawn as an image.'));
      image.src = url;
    });
    const canvas = document.createElement('canvas');
    canvas.width = Math.round(width * scale);
    canvas.height = Math.round(height * scale);
    const context = canvas.getContext('2d');
    if (!context) throw new Error('This browser cannot draw images.');
    context.fillStyle = WHITE;
    context.fillRect(0, 0, canvas.width, canvas.height);
    context.drawImage(image, 0, 0, canvas.width, canvas.height);
    return await new Promise<Blob>((resolve, reject) =>
      canvas.toBlob((blob) => (blob ? resolve(blob) : reject(new Error('No image was made.'))), 'image/png'),
    );
  } finally {
    URL.revokeObjectURL(url);
  }
}

/** The main SVG of a chart figure (recharts draws small SVGs for legend icons too: the largest). */
export function chartSvgIn(element: Element): SVGSVGElement | null {
  const svgs = [...element.querySelectorAll('svg')].filter((s) => !s.closest('.spc-key, .recharts-legend-wrapper'));
  return (
    svgs.sort(
      (a, b) =>
        b.getBoundingClientRect().width * b.getBoundingClientRect().height -
        a.getBoundingClientRect().width * a.getBoundingClientRect().height,
    )[0] ?? null
  );
}
