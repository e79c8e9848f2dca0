import { benchmarkKey } from '../../board/benchmark-item';
import type { IndicatorFigures, PackFigures } from '../../board/pack-figures';
import type { TableFigures } from '../../board/pack-tables';
import { ASSURANCE_LABELS, POINT_TYPE_LABELS } from '../../indicators/spc';
import { SUPPRESSED } from '../../indicators/suppression';
import { formatNumber, formatValue } from '../../ui/format';
import { type Deck, type DeckSlide, HEADLINES } from './deck';
import { shownBasis, shownValue } from './published-format';

/**
 * The deck as a PowerPoint file (pptxgenjs, loaded only when asked for): 16:9 slides with the title,
 * the narrative and the chart (a PNG at twice its printed size, sharp on a projector), tables as real
 * tables, the commentary in the speaker notes, and the footer of the printed pages on every slide.
 */
export interface ChartImage {
  /** PNG as a data: URL. */
  data: string;
  width: number;
  height: number;
}

const WIDE = { w: 13.333, h: 7.5 };
const MARGIN = 0.45;
const INK = '0B0C0C';
const FONT = 'Arial';

type Pptx = InstanceType<typeof import('pptxgenjs').default>;
type PptxSlide = ReturnType<Pptx['addSlide']>;
type Cell = { text: string; options?: Record<string, unknown> };

function header(slide: PptxSlide, deckTitle: string, title: string) {
  slide.addText(deckTitle, {
    x: MARGIN,
    y: 0.2,
    w: WIDE.w - 2 * MARGIN,
    h: 0.3,
    fontFace: FONT,
    fontSize: 12,
    color: '505A5F',
  });
  slide.addText(title, {
    x: MARGIN,
    y: 0.5,
    w: WIDE.w - 2 * MARGIN,
    h: 0.7,
    fontFace: FONT,
    fontSize: 28,
    bold: true,
    color: INK,
  });
}

function footer(slide: PptxSlide, text: string, page: number, pages: number) {
  slide.addText(text, {
    x: MARGIN,
    y: WIDE.h - 0.42,
    w: WIDE.w - 2 * MARGIN - 1.2,
    h: 0.32,
    fontFace: FONT,
    fontSize: 8,
    color: INK,
  });
  slide.addText(`${page} of ${pages}`, {
    x: WIDE.w - MARGIN - 1.1,
    y: WIDE.h - 0.42,
    w: 1.1,
    h: 0.32,
    fontFace: FONT,
    fontSize: 10,
    color: INK,
    align: 'right',
  });
}

/** An image placed as large as fits the box, keeping its shape. */
function addFitted(slide: PptxSlide, image: ChartImage, box: { x: number; y: number; w: number; h: number }) {
  const scale = Math.min(box.w / image.width, box.h / image.height);
  const w = image.width * scale;
  const h = image.height * scale;
  slide.addImage({ data: image.data, x: box.x + (box.w - w) / 2, y: box.y, w, h });
}

const th = (text: string): Cell => ({ text, options: { bold: true, fill: { color: 'F3F2F1' } } });

function summaryRows(figures: PackFigures): Cell[][] {
  const rows: Cell[][] = [
    [th('Indicator'), th('Latest period'), th('Value'), th('Target'), th('Variation'), th('Assurance'), th('In words')],
  ];
  for (const indicator of HEADLINES) {
    const outcome = figures.indicators.get(indicator.id);
    if (outcome?.status !== 'ok') continue;
    const latest = outcome.points[outcome.latestIndex];
    const basis = shownBasis(latest, indicator.unit);
    const hidden = latest?.suppressed ?? false;
    rows.push([
      { text: `${indicator.id} ${indicator.title}` },
      { text: latest?.label ?? '–' },
      { text: `${shownValue(latest, indicator.unit)}${basis ? ` (${basis})` : ''}` },
      { text: outcome.target === null ? '–' : formatValue(outcome.target, indicator.unit) },
      { text: hidden || !outcome.spc.variation ? '–' : POINT_TYPE_LABELS[outcome.spc.variation] },
      { text: hidden || !outcome.spc.assurance ? '–' : ASSURANCE_LABELS[outcome.spc.assurance] },
      { text: outcome.trend },
    ]);
  }
  return rows;
}

function tableRows(table: TableFigures): Cell[][] {
  const head = [th(table.rowLabel), ...table.columns.map((c) => th(c.label)), ...(table.totals ? [th('Total')] : [])];
  return [
    head,
    ...table.rows.map((row, r) => [
      { text: row.label },
      ...table.columns.map((_, c): Cell => {
        const cell = table.cells[r]?.[c];
        if (!cell || (cell.n === null && !cell.hidden)) return { text: '–' };
        if (cell.hidden) return { text: SUPPRESSED };
        if (table.shares) return { text: `${formatNumber(cell.n)} of ${formatNumber(cell.total)}` };
        return { text: formatNumber(cell.n) };
      }),
      ...(table.totals ? [{ text: table.totals[r]?.hidden ? SUPPRESSED : formatNumber(table.totals[r]?.value) }] : []),
    ]),
  ];
}

function addTable(slide: PptxSlide, rows: Cell[][], y: number, fontSize: number) {
  slide.addTable(rows as never, {
    x: MARGIN,
    y,
    w: WIDE.w - 2 * MARGIN,
    fontFace: FONT,
    fontSize,
    color: INK,
    border: { type: 'solid', pt: 0.5, color: 'B1B4B6' },
    autoPage: true,
    autoPageRepeatHeader: true,
    autoPageSlideStartY: 1.3,
    margin: 0.04,
  });
}

function narrativeOf(slide: DeckSlide, figures: PackFigures): string {
  if (slide.kind === 'indicator') {
    const outcome = figures.indicators.get(slide.indicatorId);
    return outcome?.status === 'ok' ? outcome.narrative : 'Not loaded.';
  }
  if (slide.kind === 'view') {
    const table = figures.tables.get(slide.view);
    return table ? `${table.description} ${table.coverage}.` : '';
  }
  if (slide.kind === 'section') return slide.lead;
  if (slide.kind === 'benchmark') {
    const found = figures.benchmarks.get(benchmarkKey(slide.benchmark));
    return !found ? '' : 'missing' in found ? found.missing : found.sentence;
  }
  return 'Every headline indicator for its latest complete period, with Making Data Count variation and assurance.';
}

function notesOf(slide: DeckSlide): string {
  if (slide.kind === 'section') {
    const written = slide.blocks.filter((b) => b.text.trim() !== '');
    return written.length === 0
      ? 'No words written for this section.'
      : written.map((b) => `${b.heading}: ${b.text.trim()}`).join('\n\n');
  }
  return slide.commentary.trim() === ''
    ? 'No commentary written for this slide.'
    : `What the partnership is doing: ${slide.commentary}`;
}

function sectionRows(slide: Extract<DeckSlide, { kind: 'section' }>, figures: PackFigures): Cell[][] {
  const rows: Cell[][] = [[th('Indicator'), th('Year'), th('Value'), th('Year before'), th('In words')]];
  for (const id of slide.indicatorIds) {
    const f = figures.indicators.get(id) as IndicatorFigures | undefined;
    if (f?.status !== 'ok') continue;
    const latest = f.points[f.latestIndex];
    rows.push([
      { text: `${f.indicator.id} ${f.indicator.title}` },
      { text: latest?.label ?? '–' },
      { text: shownValue(latest, f.indicator.unit) },
      { text: shownValue(f.points[f.latestIndex - 1], f.indicator.unit) },
      { text: f.yearOnYear },
    ]);
  }
  return rows;
}

/** Builds the .pptx file; `charts` holds each slide's chart image by slide key. */
export async function buildPptx(
  deck: Deck,
  figures: PackFigures,
  charts: ReadonlyMap<string, ChartImage>,
  footerText: string,
): Promise<Blob> {
  const { default: PptxGenJS } = await import('pptxgenjs');
  const pptx = new PptxGenJS();
  pptx.layout = 'LAYOUT_WIDE';
  pptx.title = deck.title;
  pptx.company = 'Safeguarding partnership';
  const pages = deck.slides.length + 1;
  const cover = pptx.addSlide();
  cover.addText(deck.title, {
    x: MARGIN,
    y: 2.4,
    w: WIDE.w - 2 * MARGIN,
    h: 1.2,
    fontFace: FONT,
    fontSize: 40,
    bold: true,
    color: INK,
  });
  cover.addText(footerText.split(' · ').slice(1).join('\n'), {
    x: MARGIN,
    y: 3.8,
    w: WIDE.w - 2 * MARGIN,
    h: 2.4,
    fontFace: FONT,
    fontSize: 18,
    color: INK,
    valign: 'top',
  });
  cover.addNotes('Made with Partnership Insight, offline: no data left this computer.');
  footer(cover, footerText, 1, pages);
  deck.slides.forEach((slide, i) => {
    const s = pptx.addSlide();
    header(s, deck.title, slide.title);
    if (slide.kind !== 'summary')
      s.addText(narrativeOf(slide, figures), {
        x: MARGIN,
        y: 1.25,
        w: WIDE.w - 2 * MARGIN,
        h: 0.95,
        fontFace: FONT,
        fontSize: 18,
        color: INK,
        valign: 'top',
        fit: 'shrink',
      });
    const image = charts.get(slide.key);
    if (slide.kind === 'summary') addTable(s, summaryRows(figures), 1.3, 10);
    else if (slide.kind === 'section') addTable(s, sectionRows(slide, figures), 2.3, 12);
    else if (image) addFitted(s, image, { x: MARGIN, y: 2.25, w: WIDE.w - 2 * MARGIN, h: WIDE.h - 2.25 - 0.55 });
    else if (slide.kind === 'view') {
      const table = figures.tables.get(slide.view);
      if (table) addTable(s, tableRows(table), 2.3, table.rows.length > 12 ? 10 : 12);
    }
    s.addNotes(notesOf(slide));
    footer(s, footerText, i + 2, pages);
  });
  return (await pptx.write({ outputType: 'blob', compression: true })) as Blob;
}
