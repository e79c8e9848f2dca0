import { csvFile } from '../shared/csv';
import { reportCsvRows } from './report-about';
import { reportCss } from './report-html-style';
import {
  paragraphsOf,
  type ReportBlock,
  type ReportChart,
  type ReportDocument,
  type ReportSection,
} from './report-model';
import type { ReportTable } from './report-tables';

/**
 * A published document as one web page for a partnership's website: a single file with its CSS inline,
 * every chart an inline SVG with its title and description followed by its table, nothing to run and
 * nothing fetched (its own Content-Security-Policy allows no request at all), headings that mirror the
 * report with a contents list, and the figures as a CSV link (a data: URL through the safe CSV writer).
 */

const escapeHtml = (text: string) =>
  text.replace(
    /[<>&"']/g,
    (c) => ({ '<': '&lt;', '>': '&gt;', '&': '&amp;', '"': '&quot;', "'": '&#39;' })[c] as string,
  );

/** An anchor made from a key: letters, digits, dashes and underscores (the document's own keys start with one). */
const anchor = (key: string) => `s-${key.replace(/[^A-Za-z0-9_-]+/g, '-')}`;

/** The partnership's words as paragraphs (a blank line starts a new one; a line end stays a line end). */
function paragraphs(text: string): string {
  return paragraphsOf(text)
    .map((lines) => `<p>${lines.map(escapeHtml).join('<br>')}</p>`)
    .join('');
}

function tableHtml(table: ReportTable, id: string): string {
  // A short cell (a period, a value) is kept on one line; a long one wraps.
  const cls = (i: number, text?: string) => {
    const names = [table.numeric[i] ? 'num' : '', text !== undefined && text.length <= 12 ? 'short' : ''].filter(
      Boolean,
    );
    return names.length > 0 ? ` class="${names.join(' ')}"` : '';
  };
  const head = table.head.map((h, i) => `<th scope="col"${cls(i)}>${escapeHtml(h)}</th>`).join('');
  const body = table.rows
    .map((row) => {
      const cells = row.cells.map((c, i) => `<td${cls(i + 1, c)}>${escapeHtml(c)}</td>`).join('');
      return `<tr><th scope="row">${escapeHtml(row.header)}</th>${cells}</tr>`;
    })
    .join('');
  const indicator = table.indicatorId ? ` data-indicator="${escapeHtml(table.indicatorId)}"` : '';
  // A wide table scrolls in its own box on a narrow screen (a data table may, WCAG 1.4.10), reachable by
  // keyboard and named by its caption; a group, not a landmark, so the page's landmarks stay few.
  return `<div class="table-wrap" role="group" tabindex="0" aria-labelledby="${id}"><table${indicator}><caption id="${id}">${escapeHtml(table.caption)}</caption><thead><tr>${head}</tr></thead><tbody>${body}</tbody></table></div>`;
}

/**
 * A captured chart as inline SVG: the XML prolog dropped, what made it focusable or interactive in the
 * app taken out, sized by its viewBox to the column, and named by a <title> and <desc> a screen reader reads.
 */
export function inlineSvg(svg: string, chart: ReportChart, id: string): string {
  const open = /<svg\b[^>]*>/.exec(svg);
  if (!open) return '';
  const width = /\bwidth="([\d.]+)"/.exec(open[0])?.[1] ?? '800';
  const height = /\bheight="([\d.]+)"/.exec(open[0])?.[1] ?? '400';
  const inner = svg
    .slice((open.index ?? 0) + open[0].length)
    .replace(/<\/svg>\s*$/, '')
    .replace(/^<title>[^<]*<\/title>/, '')
    // The chart's own empty title and description (this figure has its own), which some parsers misread.
    .replace(/<(title|desc)\b[^>]*\/>/g, '')
    .replace(/\s(tabindex|role|aria-[a-z]+|focusable)="[^"]*"/g, '');
  // Named by its title, described by its description (the name stays short for a screen reader's list).
  return `<svg xmlns="http://www.w3.org/2000/svg" class="chart" viewBox="0 0 ${width} ${height}" role="img" aria-labelledby="${id}-title" aria-describedby="${id}-desc" font-family="Arial, Helvetica, sans-serif"><title id="${id}-title">${escapeHtml(chart.title)}</title><desc id="${id}-desc">${escapeHtml(chart.description)}</desc><g aria-hidden="true">${inner}</g></svg>`;
}

interface Context {
  charts: ReadonlyMap<string, string>;
  /** A new element id for each table's caption. */
  nextId: () => string;
  csvHref: string;
  /** The level of the headings of words under this heading (one below it). */
  wordsLevel: 3 | 4;
}

function blockHtml(block: ReportBlock, { charts, csvHref, wordsLevel: h, nextId }: Context): string {
  switch (block.kind) {
    case 'text':
      return `<p class="${block.tone}">${escapeHtml(block.text)}</p>`;
    case 'words':
      // Words not written yet are left out: a published page never says "not written yet".
      return block.text.trim() === '' ? '' : `<h${h}>${escapeHtml(block.heading)}</h${h}>${paragraphs(block.text)}`;
    case 'table':
      return tableHtml(block.table, nextId());
    case 'chart': {
      const svg = charts.get(block.chart.key);
      const figure = svg ? `<figure>${inlineSvg(svg, block.chart, anchor(`chart-${block.chart.key}`))}</figure>` : '';
      return `${figure}${block.table ? tableHtml(block.table, nextId()) : ''}`;
    }
    case 'definitions':
      return block.items.length === 0
        ? ''
        : `<h${h}>What each measure is</h${h}><dl>${block.items.map((d) => `<dt>${escapeHtml(d.term)}</dt><dd>${escapeHtml(d.detail)}</dd>`).join('')}</dl>`;
    case 'csv':
      return `<h${h}>The figures as a spreadsheet</h${h}><p><a href="${csvHref}" download="figures.csv">Download every figure in this report as CSV</a> (one row per indicator and period, with the same symbols).</p>`;
  }
}

function sectionHtml(section: ReportSection, level: 2 | 3, context: Omit<Context, 'wordsLevel'>): string {
  const id = anchor(section.key);
  const wordsLevel = level === 2 ? 3 : 4;
  const blocks = section.blocks.map((b) => blockHtml(b, { ...context, wordsLevel })).join('');
  const parts = section.parts.map((p) => sectionHtml(p, 3, context)).join('');
  return `<section aria-labelledby="${id}" data-heading="${escapeHtml(section.heading)}"><h${level} id="${id}">${escapeHtml(section.heading)}</h${level}>${blocks}${parts}</section>`;
}

function contentsHtml(sections: readonly ReportSection[]): string {
  const items = sections.map((s) => `<li><a href="#${anchor(s.key)}">${escapeHtml(s.heading)}</a></li>`).join('');
  return `<nav aria-labelledby="contents"><h2 id="contents">Contents</h2><ol>${items}</ol></nav>`;
}

const NOT_FOR_PUBLICATION_WHY = 'small numbers are not suppressed: for use inside the partnership only.';

/** The document as one self-contained HTML file; `charts` holds each chart's SVG by its slide key. */
export function reportHtml(doc: ReportDocument, charts: ReadonlyMap<string, string>): string {
  const csv = `data:text/csv;charset=utf-8,${encodeURIComponent(csvFile(reportCsvRows(doc.indicators)))}`;
  const banner = doc.suppressed
    ? ''
    : `<p class="nfp" data-nfp=""><strong>NOT FOR PUBLICATION</strong><span> — ${escapeHtml(NOT_FOR_PUBLICATION_WHY)}</span></p>`;
  let tables = 0;
  const nextId = () => `table-${++tables}`;
  const body = doc.sections.map((s) => sectionHtml(s, 2, { charts, csvHref: csv, nextId })).join('');
  return [
    '<!DOCTYPE html>',
    '<html lang="en-GB">',
    '<head>',
    '<meta charset="utf-8">',
    '<meta name="viewport" content="width=device-width, initial-scale=1">',
    `<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'; img-src data:">`,
    `<title>${escapeHtml(doc.title)}</title>`,
    `<style>${reportCss({ notForPublication: !doc.suppressed, footer: doc.footer })}</style>`,
    '</head>',
    '<body>',
    `<header>${banner}<p class="kicker">Safeguarding partnership</p><h1>${escapeHtml(doc.title)}</h1><p class="subtitle">${escapeHtml(doc.subtitle)}</p></header>`,
    contentsHtml(doc.sections),
    `<main>${body}</main>`,
    `<footer><p>${escapeHtml(doc.footer)}</p></footer>`,
    '</body>',
    '</html>',
  ].join('\n');
}
