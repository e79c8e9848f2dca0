import type { PartnershipEvent } from '../indicators/events';
import { getFamily } from '../indicators/registry';
import { ASSURANCE_LABELS, POINT_TYPE_LABELS } from '../indicators/spc';
import { SUPPRESSED } from '../indicators/suppression';
import { formatNumber, formatValue } from '../shared/format';
import { benchmarkKey } from './benchmark-item';
import { type Deck, type DeckSlide, HEADLINES, projectedSlides } from './deck';
import { type DeckFigures, slideIndicator } from './deck-figures';
import type { IndicatorOutcome } from './pack-figures';
import type { TableFigures } from './pack-tables';
import { type Cell, type PptxTable, pageTable, textLines } from './pptx-layout';
import { shownBasis, shownValue } from './published-format';
import { chartEvents, eventsLine } from './report-events';
import { sectionEvidence } from './report-evidence';

/**
 * The deck as a PowerPoint file (pptxgenjs, loaded only when asked for): 16:9 slides with the title,
 * the narrative and the chart (a PNG at twice its printed size, sharp on a projector), tables as real
 * tables at 14 pt or more, the commentary in the speaker notes, and the footer of the printed pages on
 * every slide. The summary is split by area as in the presentation; a table too long for a slide runs
 * on to the next, laid out here (not by pptxgenjs' auto-paging, which repeats a paragraph's properties
 * — a file PowerPoint offers to repair — and leaves the slide numbers short), so "x of y" counts the
 * slides there are.
 */
export interface ChartImage {
  /** PNG as a data: URL. */
  data: string;
  width: number;
  height: number;
}

const WIDE = { w: 13.333, h: 7.5 };
const MARGIN = 0.45;
const WIDTH = WIDE.w - 2 * MARGIN;
/** Kept clear at the foot of every slide for the footer. */
const FOOT = 0.55;
const INK = '0B0C0C';
const FONT = 'Arial';
const TABLE_PT = 14;
/** Summary rows a slide holds at 14 pt (two lines each, under the area's name): six, so an area a slide. */
const PPTX_SUMMARY_ROWS = 6;
const NARRATIVE_PT = 18;

type Pptx = InstanceType<typeof import('pptxgenjs').default>;
type PptxSlide = ReturnType<Pptx['addSlide']>;

/** One slide of the file: a deck slide, or part of one whose table runs on. */
interface Page {
  slide: DeckSlide;
  title: string;
  /** The sentence under the title (the first part of a slide only). */
  narrative: string;
  table?: PptxTable;
  image?: ChartImage;
  /** A line under the chart (periods not shown). */
  note?: string;
  notes: string;
}

/** The title in one line at 28 pt if it fits, else smaller (to 22 pt), else two lines; where the body starts. */
function header(slide: PptxSlide, deckTitle: string, title: string): number {
  slide.addText(deckTitle, { x: MARGIN, y: 0.2, w: WIDTH, h: 0.3, fontFace: FONT, fontSize: 12, color: '505A5F' });
  const size = [28, 26, 24, 22].find((pt) => textLines(title, WIDTH, pt, true) === 1) ?? 24;
  const lines = textLines(title, WIDTH, size, true);
  const h = (lines * size * 1.2) / 72 + 0.15;
  slide.addText(title, { x: MARGIN, y: 0.5, w: WIDTH, h, fontFace: FONT, fontSize: size, bold: true, color: INK });
  return 0.5 + h + 0.05;
}

function footer(slide: PptxSlide, text: string, page: number, pages: number) {
  slide.addText(text, {
    x: MARGIN,
    y: WIDE.h - 0.42,
    w: WIDTH - 1.4,
    h: 0.32,
    fontFace: FONT,
    fontSize: 8,
    color: INK,
  });
  slide.addText(`${page} of ${pages}`, {
    x: WIDE.w - MARGIN - 1.3,
    y: WIDE.h - 0.42,
    w: 1.3,
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

/** The summary's rows for some headline indicators, area by area under the area's name. */
function summaryTable(outcomes: readonly IndicatorOutcome[]): PptxTable {
  const targets = outcomes.some((o) => o.status === 'ok' && o.target !== null);
  const head = [
    th('Indicator'),
    th('Latest period'),
    th('Value'),
    ...(targets ? [th('Target')] : []),
    th('Variation'),
    ...(targets ? [th('Assurance')] : []),
    th('In words'),
  ];
  const colW = targets ? [2.9, 1.25, 1.55, 1.0, 1.9, 1.9] : [3.5, 1.5, 1.75, 2.4];
  colW.push(WIDTH - colW.reduce((a, b) => a + b, 0));
  const rows: Cell[][] = [head];
  let area = '';
  for (const outcome of outcomes) {
    const { indicator } = outcome;
    if (indicator.family !== area) {
      area = indicator.family;
      rows.push([{ text: getFamily(indicator.family).title, options: { bold: true, colspan: head.length } }]);
    }
    const name = { text: `${indicator.id} ${indicator.title}` };
    if (outcome.status !== 'ok') {
      const needs = `Not loaded: needs ${outcome.missingDatasets.join(', ')}.`;
      rows.push([name, { text: needs, options: { colspan: head.length - 1 } }]);
      continue;
    }
    const latest = outcome.points[outcome.latestIndex];
    const basis = shownBasis(latest, indicator.unit);
    const hidden = latest?.suppressed ?? false;
    rows.push([
      name,
      { text: latest?.label ?? '–' },
      { text: `${shownValue(latest, indicator.unit)}${basis ? ` (${basis})` : ''}` },
      ...(targets ? [{ text: outcome.target === null ? '–' : formatValue(outcome.target, indicator.unit) }] : []),
      { text: hidden || !outcome.spc.variation ? '–' : POINT_TYPE_LABELS[outcome.spc.variation] },
      ...(targets ? [{ text: hidden || !outcome.spc.assurance ? '–' : ASSURANCE_LABELS[outcome.spc.assurance] }] : []),
      { text: outcome.trend },
    ]);
  }
  return { rows, colW, headerRows: 1 };
}

function viewTable(table: TableFigures): PptxTable {
  const head = [th(table.rowLabel), ...table.columns.map((c) => th(c.label)), ...(table.totals ? [th('Total')] : [])];
  const first = table.periods ? 1.5 : 2.6;
  const rest = (WIDTH - first) / (head.length - 1);
  const rows = table.rows.map((row, r) => [
    { text: row.label },
    ...table.columns.map((_, c): Cell => {
      const cell = table.cells[r]?.[c];
      if (!cell || (cell.n === null && !cell.hidden)) return { text: '–' };
      if (cell.hidden) return { text: SUPPRESSED };
      if (table.shares) return { text: `${formatNumber(cell.n)} of ${formatNumber(cell.total)}` };
      return { text: formatNumber(cell.n) };
    }),
    ...(table.totals ? [{ text: table.totals[r]?.hidden ? SUPPRESSED : formatNumber(table.totals[r]?.value) }] : []),
  ]);
  return { rows: [head, ...rows], colW: [first, ...head.slice(1).map(() => rest)], headerRows: 1 };
}

/** A yearly report heading's figures as a slide table (none when it has only a sentence). */
function sectionTable(slide: Extract<DeckSlide, { kind: 'section' }>, figures: DeckFigures): PptxTable | undefined {
  const { table } = sectionEvidence(slide, figures, 'published');
  if (!table) return undefined;
  const rows: Cell[][] = [
    table.head.map(th),
    ...table.rows.map((row) => [{ text: row.header }, ...row.cells.map((text) => ({ text }))]),
  ];
  const first = 3.6;
  const rest = (WIDTH - first) / (table.head.length - 1);
  return { rows, colW: [first, ...table.head.slice(1).map(() => rest)], headerRows: 1 };
}

function narrativeOf(slide: DeckSlide, figures: DeckFigures): string {
  if (slide.kind === 'indicator') {
    const outcome = slideIndicator(slide, figures);
    return outcome?.status === 'ok' ? outcome.narrative : 'Not loaded.';
  }
  if (slide.kind === 'view') {
    const table = figures.tables.get(slide.view);
    return table ? `${table.description} ${table.coverage}.` : '';
  }
  if (slide.kind === 'section')
    return [slide.lead, sectionEvidence(slide, figures, 'published').note ?? ''].join(' ').trim();
  if (slide.kind === 'benchmark') {
    const found = figures.benchmarks.get(benchmarkKey(slide.benchmark));
    return !found ? '' : 'missing' in found ? found.missing : found.sentence;
  }
  const period = figures.granularity === 'month' ? 'month' : figures.granularity;
  return `Each headline indicator for its latest complete ${period} (areas with yearly returns by year), with its Making Data Count variation.`;
}

function notesOf(slide: DeckSlide, figures: DeckFigures, events: readonly PartnershipEvent[]): string {
  const outcome = slide.kind === 'indicator' ? slideIndicator(slide, figures) : undefined;
  const happened = outcome?.status === 'ok' ? chartEvents(outcome.indicator, outcome.points, events) : [];
  const own = notesOfSlide(slide);
  return happened.length > 0 ? `${own}\n\n${eventsLine(happened)}` : own;
}

function notesOfSlide(slide: DeckSlide): string {
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

/** The periods an indicator's chart leaves out, in words. */
function hiddenNote(slide: DeckSlide, figures: DeckFigures): string | undefined {
  if (slide.kind !== 'indicator') return undefined;
  const outcome = slideIndicator(slide, figures);
  if (outcome?.status !== 'ok') return undefined;
  const periods = outcome.points.filter((p) => !p.partial && (p.value !== null || p.suppressed));
  const hidden = periods.filter((p) => p.suppressed).length;
  if (hidden === 0) return undefined;
  return hidden === periods.length
    ? 'No period can be shown: every one is hidden (c) to protect small numbers.'
    : `${hidden} of ${periods.length} periods are not shown (c): small numbers, or figures that would let one be worked out. The limits are drawn from the periods shown.`;
}

function tableOf(slide: DeckSlide, figures: DeckFigures, image: ChartImage | undefined): PptxTable | undefined {
  if (slide.kind === 'summary') {
    const ids = slide.indicatorIds ?? HEADLINES.map((i) => i.id);
    return summaryTable(ids.flatMap((id) => figures.indicators.get(id) ?? []));
  }
  if (slide.kind === 'section') return sectionTable(slide, figures);
  if (slide.kind === 'view' && !image) {
    const table = figures.tables.get(slide.view);
    return table ? viewTable(table) : undefined;
  }
  return undefined;
}

/** Where the narrative ends: a box as tall as its lines at 18 pt (16 pt if long), so nothing is clipped. */
function narrativeHeight(text: string): { pt: number; h: number } {
  const pt = textLines(text, WIDTH, NARRATIVE_PT) > 3 ? 16 : NARRATIVE_PT;
  return { pt, h: text === '' ? 0 : (textLines(text, WIDTH, pt) * pt * 1.25) / 72 + 0.12 };
}

/** Every slide of the file, tables split across slides where they run on. */
function planPages(
  deck: Deck,
  figures: DeckFigures,
  charts: ReadonlyMap<string, ChartImage>,
  events: readonly PartnershipEvent[],
): Page[] {
  return projectedSlides(deck, PPTX_SUMMARY_ROWS).flatMap((slide): Page[] => {
    const image = charts.get(slide.key);
    const narrative = narrativeOf(slide, figures);
    const notes = notesOf(slide, figures, events);
    const table = tableOf(slide, figures, image);
    const page: Page = { slide, title: slide.title, narrative, image, note: hiddenNote(slide, figures), notes };
    if (!table) return [page];
    // The first part under the title and narrative; the rest under the title alone.
    const top = 1.25 + narrativeHeight(narrative).h + 0.1;
    const parts = pageTable(table, WIDE.h - FOOT - top, WIDE.h - FOOT - 1.35, TABLE_PT);
    return parts.map((part, i) => ({
      ...page,
      title: i === 0 ? slide.title : `${slide.title} (continued)`,
      narrative: i === 0 ? narrative : '',
      notes: i === 0 ? notes : 'Continued from the slide before.',
      table: part,
    }));
  });
}

function drawPage(slide: PptxSlide, page: Page, deckTitle: string) {
  let y = header(slide, deckTitle, page.title);
  if (page.narrative) {
    const { pt, h } = narrativeHeight(page.narrative);
    slide.addText(page.narrative, {
      x: MARGIN,
      y,
      w: WIDTH,
      h,
      fontFace: FONT,
      fontSize: pt,
      bold: page.slide.kind !== 'summary',
      color: INK,
      valign: 'top',
    });
    y += h + 0.1;
  }
  if (page.table) {
    slide.addTable(page.table.rows as never, {
      x: MARGIN,
      y,
      w: WIDTH,
      colW: page.table.colW,
      rowH: page.table.rowH,
      fontFace: FONT,
      fontSize: TABLE_PT,
      color: INK,
      valign: 'middle',
      border: { type: 'solid', pt: 0.5, color: 'B1B4B6' },
      margin: 0.06,
    });
    return;
  }
  const noteH = page.note ? (textLines(page.note, WIDTH, 14) * 14 * 1.25) / 72 + 0.1 : 0;
  if (page.image) addFitted(slide, page.image, { x: MARGIN, y, w: WIDTH, h: WIDE.h - FOOT - noteH - y - 0.05 });
  if (page.note)
    slide.addText(page.note, {
      x: MARGIN,
      y: WIDE.h - FOOT - noteH,
      w: WIDTH,
      h: noteH,
      fontFace: FONT,
      fontSize: 14,
      color: '505A5F',
      valign: 'top',
    });
}

const linesOf = (paragraphs: readonly string[], pt: number) =>
  paragraphs.reduce((n, text) => n + textLines(text, WIDTH, pt), 0);

/** Builds the .pptx file; `charts` holds each slide's chart image by slide key. */
export async function buildPptx(
  deck: Deck,
  figures: DeckFigures,
  charts: ReadonlyMap<string, ChartImage>,
  footerText: string,
  events: readonly PartnershipEvent[] = [],
): Promise<Blob> {
  const { default: PptxGenJS } = await import('pptxgenjs');
  const pptx = new PptxGenJS();
  pptx.layout = 'LAYOUT_WIDE';
  pptx.title = deck.title;
  pptx.company = 'Safeguarding partnership';
  const plan = planPages(deck, figures, charts, events);
  const pages = plan.length + 1;
  const cover = pptx.addSlide();
  cover.addText(deck.title, {
    x: MARGIN,
    y: 2.4,
    w: WIDTH,
    h: 1.2,
    fontFace: FONT,
    fontSize: 40,
    bold: true,
    color: INK,
  });
  const facts = footerText.split(' · ').slice(1);
  // As large as lets every fact fit above the footer (18 pt, smaller for a long list of dates).
  const factsPt = [18, 16, 14].find((pt) => linesOf(facts, pt) * pt * 1.25 <= 2.9 * 72) ?? 14;
  cover.addText(facts.join('\n'), {
    x: MARGIN,
    y: 3.8,
    w: WIDTH,
    h: 2.95,
    fontFace: FONT,
    fontSize: factsPt,
    color: INK,
    valign: 'top',
  });
  cover.addNotes('Made with Partnership Insight, offline: no data left this computer.');
  footer(cover, footerText, 1, pages);
  plan.forEach((page, i) => {
    const s = pptx.addSlide();
    drawPage(s, page, deck.title);
    s.addNotes(page.notes);
    footer(s, footerText, i + 2, pages);
  });
  return (await pptx.write({ outputType: 'blob', compression: true })) as Blob;
}
