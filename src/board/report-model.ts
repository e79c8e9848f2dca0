import type { IndicatorFigures } from './pack-figures';
import type { ReportTable } from './report-tables';

/**
 * A deck (the yearly report, a board pack) as a document to publish or edit: headings in order, the
 * words and figures under each, and every chart with its table. The web page and the Word document are
 * written from this one model, from the deck's figures as published — so neither shows what the other
 * hides, and both say the same.
 */
export interface ReportChart {
  /** The slide's key: its image or SVG, captured when the deck is drawn, is found by it. */
  key: string;
  title: string;
  /** What the chart shows, in words (the SVG's description; the image's alt text). */
  description: string;
}

export type ReportBlock =
  | { kind: 'text'; text: string; tone: 'lead' | 'body' | 'note' }
  /** The partnership's own words under their heading; '' while not written. */
  | { kind: 'words'; heading: string; text: string }
  | { kind: 'table'; table: ReportTable }
  | { kind: 'chart'; chart: ReportChart; table: ReportTable | null }
  | { kind: 'definitions'; items: readonly { term: string; detail: string }[] }
  /** Where the web page links its figures as CSV (the Word document says where to find them). */
  | { kind: 'csv' };

export interface ReportSection {
  key: string;
  heading: string;
  blocks: ReportBlock[];
  /** Headings one level down (a yearly report heading's views; the comparisons). */
  parts: ReportSection[];
}

export interface ReportDocument {
  title: string;
  /** The period in words ("1 April 2024 to 31 March 2025") and the as-at date. */
  subtitle: string;
  asAt: string;
  /** What every page says about itself (page-footer.ts). */
  footer: string;
  suppressed: boolean;
  /** Practice review counts shown as they are, by the partners' choice (said where suppression is). */
  reviewCountsShown: boolean;
  sections: ReportSection[];
  /** The indicators the document shows, for its definitions and its CSV. */
  indicators: IndicatorFigures[];
}

/** The partnership's words as paragraphs of lines: a blank line starts a paragraph, a line end stays one. */
export function paragraphsOf(text: string): string[][] {
  return text
    .trim()
    .split(/\n\s*\n/)
    .map((paragraph) => paragraph.trim().split('\n'));
}

/**
 * Years in prose as GOV.UK writes them: "2024-25" becomes "2024 to 2025", "2024/25" too. A quarter's
 * label ("2024-25 Q3") and a range of years ("2022-23 to 2025-26", which "to" twice would garble) stay
 * as tables write them.
 */
export function proseYears(text: string): string {
  const year = String.raw`\d{4}[-/]\d{2}`;
  const pattern = new RegExp(String.raw`\b${year} to ${year}\b|\b(\d{4})[-/](\d{2})\b(?! Q\d)`, 'g');
  return text.replace(pattern, (whole, start?: string, end?: string) => {
    if (start === undefined || end === undefined) return whole;
    const next = Number(start) + 1;
    return next % 100 === Number(end) ? `${start} to ${next}` : whole;
  });
}
